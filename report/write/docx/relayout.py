"""Turn a written DOCX into the pages a word processor puts its headings on, for its contents.

A reader who opens the DOCX without updating fields must find each heading
on the page the contents name, so where LibreOffice is installed it lays the
DOCX out, headless, and the page of every heading in its PDF bookmarks is
the number the contents show. That layout is the costliest step of the DOCX
(seconds for the example, tens of seconds at hundreds of pilots), so it runs
in a worker beside the PDF's parts (report.write.docx.writer.start_docx), and its
result is cached by what can move a page: the DOCX's XML with the report's
date and version masked where the frame shows them (the cover, colophon,
running headers and document properties, whose pages and lines have a fixed
size), without the images' bytes (their size is in the XML) and without the
document properties. A new version or date therefore reuses the pages of
the last build.

A changed text (a word in a paragraph, an answer in a factsheet's table)
changes the key, but it moves a page only when it changes the height of
what holds it. So when the last build's DOCX differs from this one only in
the text of a few of the body's paragraphs and tables (the same elements,
styles and properties: the key without the text is the same), LibreOffice
lays out just the stretches of the body that hold them, the old and the
new, each alone in a copy of the DOCX (same styles, page and fonts). A
stretch starts on a page of its own (a chapter or factsheet is a section;
report.write.docx.stretches), so where it fills as many pages as it did,
with every heading on the page it was, no page outside it moves, and the
last layout's pages stand. (Mirrored margins keep the text's width on odd
and even pages, and the running headers are one line on both, so a
stretch lays out alike on either; its footnotes are numbered on as where
it stands.) Headings, fields, lists and drawings are never checked this
way (their text shows elsewhere or depends on their place): a change there
lays the DOCX out again, as does any other change. Without
LibreOffice, or when it fails or times out, the caller takes the PDF's pages
instead (report.write.docx.pages).
"""

from __future__ import annotations

import bisect
import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pdfplumber
import pikepdf
from lxml import etree

from report.cache import fingerprint
from report.document import Document, Metadata
from report.document.outline import TOC_DEPTH, outline
from report.dutch import long_date
from report.style import FONTS_DIR
from report.word_template import styles as S
from report.write.docx import stretches

NAMESPACE = "docx-paginering"
LABEL = "paginering"
CHECKED = "paginering gecontroleerd"     # the last layout's pages, after a check of the changed texts
MAX_CHECKED = 40                          # more changed elements than this: the whole DOCX is laid out
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
    return (_Content.of(docx, meta).digest, _version(soffice),
            fingerprint(Path(__file__), Path(stretches.__file__), FONTS_DIR))


@dataclass(frozen=True)
class Found:
    """What lay_out found: the layout as stored (see libreoffice_pages) and whether LibreOffice laid the
    whole DOCX out (LABEL) or checked the texts that changed since the last layout (CHECKED)."""

    data: bytes
    label: str


def lay_out(docx: bytes, meta: Metadata, earlier: Sequence[Path] = ()) -> Found | None:
    """The layout of `docx` by LibreOffice, or that of an `earlier` one (a cached blob) whose pages its
    changes cannot move; None when LibreOffice failed."""
    content = _Content.of(docx, meta)
    kept, label = _unmoved(content, docx, earlier), CHECKED
    if kept is None:
        kept, label = _whole_layout(docx), LABEL
    if kept is None:
        return None
    return Found(json.dumps({"layout": kept, "frame": content.frame, "cover_key": content.cover_key,
                             "cover": [element.decode() for element in content.cover],
                             "texts": [text.decode() for text in content.texts]}).encode(), label)


def _whole_layout(docx: bytes) -> list | None:
    """[titles, pages, page count] of LibreOffice's PDF of `docx`."""
    with tempfile.TemporaryDirectory(prefix="paginering-") as work:
        folder = Path(work)
        (folder / "rapport.docx").write_bytes(docx)
        made = _convert(folder, ["rapport.docx"])
        return None if made is None else _pages(made[0], TOC_DEPTH)


def _convert(folder: Path, names: list[str]) -> list[Path] | None:
    """LibreOffice's PDFs of these DOCX files in `folder`, made in one run; None when it failed."""
    try:
        subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profiel').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), *(str(folder / name) for name in names)],
                       check=True, capture_output=True, timeout=TIMEOUT_SECONDS, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    made = [folder / Path(name).with_suffix(".pdf").name for name in names]
    return made if all(path.is_file() for path in made) else None


def libreoffice_pages(document: Document, found: bytes) -> tuple[Pages, int] | None:
    """The page of each contents entry and the page count in LibreOffice's layout; None if its
    headings are not the ones written."""
    titles, pages, count = json.loads(found)["layout"]
    entries = outline(document, depth=TOC_DEPTH)
    if titles != [f"{e.number} {e.title}".strip() for e in entries]:
        return None
    return {(e.kind, e.key): page for e, page in zip(entries, pages)}, count


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NEVER_CHECKED = ("numPr", "fldChar", "fldSimple", "instrText", "drawing", "pict", "sectPr")
_CHECKED_TAGS = (f"{_W}p", f"{_W}tbl")


@dataclass(frozen=True)
class _Content:
    """What in a DOCX can move a page: `frame`, a digest of everything but the cover and colophon and
    the text of the body's paragraphs and tables; `cover`, the elements before the contents (their
    digest with the date and version masked: `cover_key`); `texts`, the body's elements whole."""

    frame: str
    cover_key: str
    cover: tuple[bytes, ...]
    texts: tuple[bytes, ...]

    @property
    def digest(self) -> str:
        hasher = hashlib.sha256(f"{self.frame}\n{self.cover_key}".encode())
        for text in self.texts:
            hasher.update(hashlib.sha256(text).digest())
        return hasher.hexdigest()

    @classmethod
    def of(cls, docx: bytes, meta: Metadata) -> _Content:
        shown = {long_date(meta.date), meta.version, *(long_date(entry.date) for entry in meta.history),
                 *(entry.version for entry in meta.history)}
        masks = sorted((escape(text).encode() for text in shown if text), key=len, reverse=True)
        hasher, cover, texts = hashlib.sha256(), [], []
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            for name in sorted(package.namelist()):
                if name.startswith(_SKIPPED):
                    continue
                data = package.read(name)
                if name == "word/document.xml":
                    data, cover, texts = _split_body(data)
                elif name.startswith(_FRAME_ONLY):
                    data = _masked(data, masks)
                hasher.update(f"{name}\n{len(data)}\n".encode())
                hasher.update(data)
        cover_key = hashlib.sha256(b"\n".join(_masked(element, masks) for element in cover)).hexdigest()
        return cls(hasher.hexdigest(), cover_key, tuple(cover), tuple(texts))


def _split_body(xml: bytes) -> tuple[bytes, list[bytes], list[bytes]]:
    """The body from the contents on with its text left out; the elements before the contents; and
    the elements from the contents on, whole."""
    body = etree.fromstring(xml).find(f"{_W}body")
    frame, cover, texts = [], [], []
    for child in body:
        whole = etree.tostring(child)
        if not texts and _CONTENTS not in whole:
            cover.append(whole)
            continue
        texts.append(whole)
        for text in child.iter(f"{_W}t"):
            text.text = ""
        frame.append(etree.tostring(child))
    return b"\n".join(frame), cover, texts


def _masked(xml: bytes, masks: list[bytes]) -> bytes:
    for text in masks:
        xml = xml.replace(text, _MASK)
    return xml


def _unmoved(content: _Content, docx: bytes, earlier: Sequence[Path]) -> list | None:
    """The layout of an earlier DOCX whose pages this one's changed texts cannot move, else None."""
    for path in earlier:
        try:
            stored = json.loads(path.read_bytes())
            frame, layout, texts = stored["frame"], stored["layout"], [t.encode() for t in stored["texts"]]
            listed = {str(title) for title in stored["layout"][0]}
            cover = [] if stored["cover_key"] == content.cover_key else [e.encode() for e in stored["cover"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            continue
        if frame != content.frame or len(texts) != len(content.texts):
            continue
        changed = [index for index, (old, new) in enumerate(zip(texts, content.texts)) if old != new]
        if len(changed) <= MAX_CHECKED and all(_checkable(content.texts[index]) for index in changed) \
                and _same_pages(docx, content, texts, changed, (cover, list(content.cover)) if cover else None,
                                listed):
            return layout
        return None
    return None


def _checkable(element: bytes) -> bool:
    """A paragraph or table whose height its text alone decides: no heading (its text is in the
    contents), field, list number, drawing or section break."""
    tree = etree.fromstring(element)
    if tree.tag not in _CHECKED_TAGS or any(True for name in _NEVER_CHECKED for _ in tree.iter(f"{_W}{name}")):
        return False
    styles = {style.get(f"{_W}val") for style in tree.iter(f"{_W}pStyle")}
    return not styles & {*S.HEADINGS, *S.LISTS.values()}


def _same_pages(docx: bytes, content: _Content, texts: list[bytes], changed: list[int],
                covers: tuple[list[bytes], list[bytes]] | None, listed: set[str]) -> bool:
    """Whether each stretch of the body that holds a changed element (report.write.docx.stretches),
    laid out alone as before and as now, fills as many pages with the headings the contents list
    (`listed`: their titles) on the same pages; and whether the cover and colophon, before and now
    (`covers`, when they changed beyond the date and version), fill as many pages and leave the
    contents' first page as it was."""
    spans = _spans(docx, content, changed)
    if spans is None or 2 * sum(end - start for start, end, _ in spans) > len(texts) or not _one_page_shape(docx):
        return False                # no stretch to check, or more to lay out than the whole DOCX
    documents = {}
    for start, end, notes in spans:
        documents[f"voor-{start}.docx"] = _alone(docx, texts[start:end], notes)
        documents[f"na-{start}.docx"] = _alone(docx, list(content.texts[start:end]), notes)
    if covers is not None:
        documents["kaft-voor.docx"], documents["kaft-na.docx"] = (_alone(docx, cover, 0) for cover in covers)
    if not documents:
        return True
    with tempfile.TemporaryDirectory(prefix="paginering-") as work:
        folder = Path(work)
        for name, data in documents.items():
            (folder / name).write_bytes(data)
        made = _convert(folder, list(documents))
        if made is None:
            return False
        pdfs = dict(zip(documents, made))
        for start, _, _ in spans:
            before = _listed(pdfs[f"voor-{start}.docx"], listed)
            if before is None or before != _listed(pdfs[f"na-{start}.docx"], listed):
                return False
        if covers is None:
            return True
        before, now = _lines(pdfs["kaft-voor.docx"]), _lines(pdfs["kaft-na.docx"])
    return len(before) == len(now) and before[-1] == now[-1]


def _spans(docx: bytes, content: _Content, changed: list[int]) -> list[tuple[int, int, int]] | None:
    """The stretches of `content.texts` that hold a changed element: (start, end, footnotes before);
    None when one is not bounded by a page start where it begins (the contents' own stretch)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        styles = package.read("word/styles.xml")
    body = [etree.fromstring(element) for element in (*content.cover, *content.texts)]
    first, marks = len(content.cover), stretches.starts(body, styles)
    bounds = [0, *(index - first for index in range(first + 1, len(body)) if marks[index]), len(content.texts)]
    found = {}
    for index in changed:
        at = bisect.bisect_right(bounds, index) - 1
        if at == 0 and first and not marks[first]:
            return None
        found[at] = (bounds[at], bounds[at + 1], stretches.footnotes_before(body, first + bounds[at]))
    return [found[at] for at in sorted(found)]


def _one_page_shape(docx: bytes) -> bool:
    """Whether every section of `docx` has the same page size, margins and columns, so an element laid
    out under the last section's is laid out as where it stands."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    shapes = {tuple(etree.tostring(part) for name in ("pgSz", "pgMar", "cols")
                    for part in section.iter(f"{_W}{name}"))
              for section in root.iter(f"{_W}sectPr")}
    return len(shapes) == 1


def _alone(docx: bytes, elements: list[bytes], notes: int) -> bytes:
    """A copy of `docx` whose body is only these elements, in one section (the last one's), with
    their footnotes numbered on from `notes`."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
        body = root.find(f"{_W}body")
        last = body[-1]
        for child in list(body)[:-1]:
            body.remove(child)
        for element in elements:
            tree = etree.fromstring(element)
            if tree.tag == f"{_W}sectPr":
                continue
            for section in tree.findall(f"{_W}pPr/{_W}sectPr"):
                section.getparent().remove(section)
            last.addprevious(tree)
        if notes:
            _number_footnotes_from(last, notes + 1)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in package.infolist():
                data = etree.tostring(root) if item.filename == "word/document.xml" else package.read(item)
                copy.writestr(item, data)
    return buffer.getvalue()


def _number_footnotes_from(section: etree._Element, number: int) -> None:
    """Footnotes numbered from `number` in `section` (its footnotePr follows the header and footer
    references), so a reference's mark is as wide as where the elements stand."""
    settings = section.find(f"{_W}footnotePr")
    if settings is None:
        settings = etree.Element(f"{_W}footnotePr")
        section.insert(len(section.findall(f"{_W}headerReference")) + len(section.findall(f"{_W}footerReference")),
                       settings)
    for old in settings.findall(f"{_W}numStart"):
        settings.remove(old)
    etree.SubElement(settings, f"{_W}numStart").set(f"{_W}val", str(number))


def _listed(pdf: Path, titles: set[str]) -> tuple[list, int] | None:
    """The page count of LibreOffice's PDF and the pages of its headings with these titles (a stretch's
    lower headings may move within it: the contents do not show them)."""
    found = _pages(pdf)
    return None if found is None else ([(t, n) for t, n in zip(found[0], found[1]) if t in titles], found[2])


def _lines(pdf: Path) -> list[set[tuple[float, float]]]:
    """Per page, where the characters' lines lie (top and bottom)."""
    with pdfplumber.open(pdf) as opened:
        return [{(round(char["top"], 1), round(char["bottom"], 1)) for char in page.chars} for page in opened.pages]


def _pages(pdf: Path, depth: int | None = None) -> list | None:
    """[titles, pages, page count] of LibreOffice's PDF: its bookmarks down to `depth` (None: all)."""
    try:
        with pikepdf.open(pdf) as opened:
            return _bookmarks(opened, depth)
    except pikepdf.PdfError:
        return None


def _bookmarks(pdf: pikepdf.Pdf, depth: int | None) -> list:
    pages = {page.objgen: index + 1 for index, page in enumerate(pdf.pages)}
    titles, numbers = [], []

    def walk(items, level: int) -> None:
        for item in items:
            if depth is None or level < depth:
                target = item.destination
                page = target[0] if isinstance(target, pikepdf.Array) else None
                titles.append(item.title)
                numbers.append(pages.get(page.objgen, 0) if page is not None else 0)
            walk(item.children, level + 1)

    with pdf.open_outline() as bookmarks:
        walk(bookmarks.root, 0)
    return [titles, numbers, len(pdf.pages)]


def _version(soffice: str) -> str:
    """Which LibreOffice lays out: its program folder's version file, else its path."""
    program = Path(os.path.realpath(soffice)).parent
    versionrc = program / "versionrc"
    return versionrc.read_text(errors="replace") if versionrc.is_file() else str(program)
