"""The output formats a build can write, by name, each imported only when it is built.

Kept apart from report.build so the command line can offer and check the
format names without loading the pipeline, WeasyPrint or python-docx: a
consultant's `check` or `--help` starts at once.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from report.cache import Cache
from report.document import Document
from report.workers import Workers


@dataclass(frozen=True)
class Writer:
    """An output format: a function Document -> bytes, imported only when that format is built."""

    suffix: str
    module: str
    function: str
    cached: bool = False        # the function takes the build's cache and workers as `cache=`, `pool=`
    starts: bool = False        # the function starts the format in the workers and returns what finishes it
    takes: str | None = None    # finishing takes this format's bytes when the build makes it (e.g. `pdf=`)
    folder: bool = False        # the function returns a folder's files (path in it -> bytes), not one file

    def load(self) -> Callable[..., bytes]:
        return getattr(importlib.import_module(self.module), self.function)

    def write(self, document: Document, cache: Cache | None, pool: Workers | None = None) -> bytes:
        """The format's bytes, made here: a format that starts in the workers is finished at once."""
        if self.starts:
            return self.start(document, cache, pool or Workers(None, 1))()
        function = self.load()
        return function(document, cache=cache, pool=pool) if self.cached else function(document)

    def start(self, document: Document, cache: Cache | None, pool: Workers) -> Callable[..., bytes]:
        return self.load()(document, cache=cache, pool=pool)

    def files(self, target: Path, made) -> dict[Path, bytes]:
        """Where the format's bytes go: the target itself, or for a folder each file below it."""
        return {target / name: data for name, data in made.items()} if self.folder else {target: made}


WRITERS: dict[str, Writer] = {
    "docx": Writer(".docx", "report.write.docx.writer", "start_docx", cached=True, starts=True, takes="pdf"),
    "pdf": Writer(".pdf", "report.write.pdf.writer", "write_pdf", cached=True),
    "html": Writer("-html", "report.write.html", "write_html", folder=True),
}
DEFAULT_FORMATS = ("docx", "pdf")
