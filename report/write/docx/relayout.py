"""Turn a written DOCX into the pages a word processor puts its headings on, to correct its contents.

The contents' page numbers come first from the PDF's layout, and WeasyPrint
and LibreOffice break pages alike almost everywhere, but not always: a list
one keeps together, the other splits. A reader who opens the DOCX without
updating fields must find each heading on the page the contents name. So,
where LibreOffice is installed, it lays the written DOCX out once, headless,
and the page of every heading in its PDF bookmarks replaces the PDF's
number. The result is cached by the DOCX's bytes and LibreOffice's version,
so a rebuild that changes nothing pays nothing; without LibreOffice, or when
it fails or times out, the PDF's numbers stand.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pikepdf

from report.cache import Cache
from report.document import Document
from report.document.outline import TOC_DEPTH, outline

NAMESPACE = "docx-paginering"
TIMEOUT_SECONDS = 180
Pages = dict[tuple[str, str], int]


def libreoffice_pages(document: Document, docx: bytes, cache: Cache | None) -> tuple[Pages, int] | None:
    """The page of each contents entry and the page count as LibreOffice lays `docx` out; None without it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    ingredients = (hashlib.sha256(docx).hexdigest(), _version(soffice))
    stored = None if cache is None else cache.find(NAMESPACE, "paginering", ingredients)
    try:
        found = json.loads(stored.read_bytes()) if stored is not None else _lay_out(docx)
    except _NoLayout:
        return None             # nothing cached: the next build tries again
    if stored is None and cache is not None:
        cache.put(NAMESPACE, "paginering", ingredients, json.dumps(found).encode())
    titles, pages, count = found
    entries = outline(document, depth=TOC_DEPTH)
    if titles != [f"{e.number} {e.title}".strip() for e in entries]:
        return None                 # not the headings we wrote: keep the PDF's numbers
    return {(e.kind, e.key): page for e, page in zip(entries, pages)}, count


class _NoLayout(Exception):
    """LibreOffice did not lay the DOCX out (failed, timed out, or wrote no readable PDF)."""


def _lay_out(docx: bytes) -> list:
    """[titles, pages, page count] of LibreOffice's PDF of `docx`."""
    with tempfile.TemporaryDirectory(prefix="paginering-") as work:
        folder = Path(work)
        (folder / "rapport.docx").write_bytes(docx)
        try:
            subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profiel').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(folder), str(folder / "rapport.docx")],
                           check=True, capture_output=True, timeout=TIMEOUT_SECONDS, stdin=subprocess.DEVNULL)
            with pikepdf.open(folder / "rapport.pdf") as pdf:
                return _bookmarks(pdf)
        except (OSError, subprocess.SubprocessError, pikepdf.PdfError):
            raise _NoLayout from None


def _bookmarks(pdf: pikepdf.Pdf) -> list:
    pages = {page.objgen: index + 1 for index, page in enumerate(pdf.pages)}
    titles, numbers = [], []

    def walk(items, depth: int) -> None:
        for item in items:
            if depth < TOC_DEPTH:
                target = item.destination
                page = target[0] if isinstance(target, pikepdf.Array) else None
                titles.append(item.title)
                numbers.append(pages.get(page.objgen, 0) if page is not None else 0)
            walk(item.children, depth + 1)

    with pdf.open_outline() as bookmarks:
        walk(bookmarks.root, 0)
    return [titles, numbers, len(pdf.pages)]


def _version(soffice: str) -> str:
    """Which LibreOffice lays out: its program folder's version file, else its path."""
    program = Path(os.path.realpath(soffice)).parent
    versionrc = program / "versionrc"
    return versionrc.read_text(errors="replace") if versionrc.is_file() else str(program)
