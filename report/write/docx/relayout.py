"""Turn a written DOCX into the pages a word processor puts its headings on, for its contents.

A reader who opens the DOCX without updating fields must find each heading
on the page the contents name, so where LibreOffice is installed it lays the
DOCX out, headless, and the page of every heading in its PDF bookmarks is
the number the contents show. That layout is the costliest step of the DOCX
(seconds for the example, tens of seconds at hundreds of pilots), so it runs
in a worker beside the PDF's parts (report.write.docx.start_docx), and its
result is cached by what can move a page: the DOCX's XML with the report's
date and version masked where the frame shows them (the cover, colophon,
running headers and document properties, whose pages and lines have a fixed
size), without the images' bytes (their size is in the XML) and without the
document properties. A new version or date therefore reuses the pages of
the last build; a changed text, table, figure size or style lays the DOCX
out again. Without LibreOffice, or when it fails or times out, the caller
takes the PDF's pages instead (report.write.docx.pages).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf

from report.cache import fingerprint
from report.document import Document, Metadata
from report.document.outline import TOC_DEPTH, outline
from report.dutch import long_date
from report.style import FONTS_DIR

NAMESPACE = "docx-paginering"
LABEL = "paginering"
TIMEOUT_SECONDS = 600
Pages = dict[tuple[str, str], int]
_MASK = b"\x00frame\x00"
_FRAME_ONLY = ("word/header", "word/footer")       # parts that show the frame wherever they mask
_SKIPPED = ("docProps/", "customXml/", "word/media/")
_CONTENTS = b'TOC \\o'                              # document.xml: the frame ends where the contents start


def ingredients(docx: bytes, meta: Metadata) -> tuple[str, ...] | None:
    """The cache key's ingredients for LibreOffice's layout of `docx`; None without LibreOffice."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    return (_layout_content(docx, meta), _version(soffice), fingerprint(Path(__file__), FONTS_DIR))


def lay_out(docx: bytes) -> bytes | None:
    """[titles, pages, page count] of LibreOffice's PDF of `docx`, as JSON; None when it failed."""
    with tempfile.TemporaryDirectory(prefix="paginering-") as work:
        folder = Path(work)
        (folder / "rapport.docx").write_bytes(docx)
        try:
            subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profiel').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(folder), str(folder / "rapport.docx")],
                           check=True, capture_output=True, timeout=TIMEOUT_SECONDS, stdin=subprocess.DEVNULL)
            with pikepdf.open(folder / "rapport.pdf") as pdf:
                return json.dumps(_bookmarks(pdf)).encode()
        except (OSError, subprocess.SubprocessError, pikepdf.PdfError):
            return None


def libreoffice_pages(document: Document, found: bytes) -> tuple[Pages, int] | None:
    """The page of each contents entry and the page count in LibreOffice's layout; None if its
    headings are not the ones written."""
    titles, pages, count = json.loads(found)
    entries = outline(document, depth=TOC_DEPTH)
    if titles != [f"{e.number} {e.title}".strip() for e in entries]:
        return None
    return {(e.kind, e.key): page for e, page in zip(entries, pages)}, count


def _layout_content(docx: bytes, meta: Metadata) -> str:
    """A digest of what in `docx` can move a page (see the module's docstring)."""
    shown = {long_date(meta.date), meta.version, *(long_date(entry.date) for entry in meta.history),
             *(entry.version for entry in meta.history)}
    masks = sorted((escape(text).encode() for text in shown if text), key=len, reverse=True)
    hasher = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        for name in sorted(package.namelist()):
            if name.startswith(_SKIPPED):
                continue
            data = package.read(name)
            if name == "word/document.xml":
                frame, contents, rest = data.partition(_CONTENTS)
                data = _masked(frame, masks) + contents + rest
            elif name.startswith(_FRAME_ONLY):
                data = _masked(data, masks)
            hasher.update(f"{name}\n{len(data)}\n".encode())
            hasher.update(data)
    return hasher.hexdigest()


def _masked(xml: bytes, masks: list[bytes]) -> bytes:
    for text in masks:
        xml = xml.replace(text, _MASK)
    return xml


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
