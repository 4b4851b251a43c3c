"""Convert a DOCX to PDF with LibreOffice, the independent reader that lays it out as a user sees it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                       reason="LibreOffice (soffice) is not installed; CI installs it")


def libreoffice_pdf(docx: Path, work: Path, environment: dict[str, str] | None = None) -> Path:
    """The PDF LibreOffice makes of `docx`, in `work` (also its private user profile)."""
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                   check=True, capture_output=True, timeout=300, env=environment)
    return work / f"{docx.stem}.pdf"
