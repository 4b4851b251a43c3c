"""LibreOffice, the independent reader that lays a DOCX out as a user sees it, run with a profile of its own.

Every run gets a fresh user profile in a temporary folder of its own, removed
afterwards: a shared profile lets one run's state (or a crashed run's lock)
change the next run's result, and it would be left behind in /tmp.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

needs_libreoffice = pytest.mark.needs("soffice")


def libreoffice_convert(source: Path, outdir: Path, to: str = "pdf", environment: dict[str, str] | None = None,
                        timeout: int = 300) -> Path:
    """The file LibreOffice converts `source` to (`to`: an extension, optionally `:filter`), in `outdir`."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profiel-") as profile:
        subprocess.run(["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", to, "--outdir", str(outdir), str(source)],
                       check=True, capture_output=True, timeout=timeout, env=environment)
    return outdir / f"{source.stem}.{to.split(':')[0]}"


def libreoffice_pdf(docx: Path, work: Path, environment: dict[str, str] | None = None) -> Path:
    """The PDF LibreOffice makes of `docx`, in `work`."""
    return libreoffice_convert(docx, work, "pdf", environment)
