"""Turn a Document into .docx bytes on the house-style Word template.

First docxtpl renders the template's frame (cover, colophon, running headers)
from the document's metadata; then the table of contents (its page numbers
from LibreOffice's layout of the DOCX itself, report.write.docx.relayout, or
else from the PDF's, report.write.docx.pages) and the chapters and
annexes are written as WordprocessingML into two fragments that take the place
of the template's two anchor paragraphs; last come the document properties,
the source map that traces comments back (report.write.docx.sources) and a zip with fixed
dates, so the same Document always gives the same bytes. The body goes
straight into the one rendered document: no docxtpl subdocuments, which cost
tens of milliseconds each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.oxml.ns import qn
from docx.document import Document as WordDocument
from docxtpl import DocxTemplate

from report.cache import Cache
from report.workers import Workers
from report.document import Document, Factsheet, Metadata
from report.document.outline import outline
from report.dutch import long_date
from report.style import TEMPLATES_DIR
from report.word_template import styles as S
from report.write.docx.annex import write_annex, write_factsheet
from report.write.docx.blocks import write_section
from report.write.docx.canvas import Canvas, paragraph
from report.write.docx.fitting import fitted, side_width_mm
from report.write.docx.headers import number_pages, running_heads, set_running_head, split_sections
from report.write.docx.fonts import FontSubsets, embed_fonts, faces_used
from report.write.docx.package import footnotes_part, saved, set_statistics
from report.write.docx.pages import Layout, heading_pages, laid_out_pages
from report.write.docx import relayout
from report.write.docx.sources import CONTENTS
from report.write.docx.sources import attach as attach_sources
from report.write.docx.toc import set_toc_pages, write_toc
from report.write.docx.xml import el

TEMPLATE = TEMPLATES_DIR / "report-template.docx"
_PROVISIONAL_PAGE = 888     # as wide as the numbers of a long report, so no title wraps later than it did


def write_docx(document: Document, template_path: Path = TEMPLATE, pdf: bytes | None = None,
               cache: Cache | None = None, pool: Workers | None = None) -> bytes:
    """The report as .docx bytes, ready for report.files.write_bytes_atomic.

    The contents' page numbers are LibreOffice's; without it, those of
    `pdf` (the same Document as PDF), or of a PDF laid out here.
    """
    return start_docx(document, template_path, cache, pool)(pdf)


def start_docx(document: Document, template_path: Path = TEMPLATE, cache: Cache | None = None,
               pool: Workers | None = None) -> Callable[[bytes | None], bytes]:
    """Start writing the DOCX in one of `pool`'s workers; the function returned finishes it.

    The worker writes the DOCX and has LibreOffice lay it out for the
    contents' page numbers (or finds that layout in the cache), so a build
    lays out the PDF's parts meanwhile. Finishing keeps a new layout in the
    cache; where LibreOffice gave none, the DOCX takes the pages of the PDF
    it is handed (or lays one out) and is written here.
    """
    pool = pool or Workers(None, 1)
    started = pool.submit(paginated_docx, document, template_path, cache)

    def finish(pdf: bytes | None = None) -> bytes:
        made = started.result()
        if cache is not None:
            made.fonts.keep(cache)
            if made.ingredients and cache.find(relayout.NAMESPACE, relayout.LABEL, made.ingredients) is None \
                    and made.found:
                cache.put(relayout.NAMESPACE, made.found.label, made.ingredients, made.found.data)
        if made.docx is not None:
            return made.docx
        layout = heading_pages(document, pdf) if pdf is not None else laid_out_pages(document, cache, pool)
        return _written(document, template_path, layout)

    return finish


@dataclass(frozen=True)
class Paginated:
    """What a worker made of the DOCX: the finished file (None: LibreOffice gave no layout), the
    font subsets it used, the ingredients of its layout's cache key, and that layout when the
    worker had LibreOffice make it."""

    docx: bytes | None
    fonts: FontSubsets
    ingredients: tuple[str, ...] | None = None
    found: relayout.Found | None = None


def paginated_docx(document: Document, template_path: Path, cache: Cache | None) -> Paginated:
    """The DOCX with LibreOffice's pages in its contents; run by a worker, so it only reads the cache.

    The contents have pages of their own, so their numbers move no heading:
    one layout of the DOCX with provisional numbers gives the final ones,
    which are then set in the same composed document (only they and the
    page count differ), not composed again.
    """
    provisional = Layout({(entry.kind, entry.key): _PROVISIONAL_PAGE for entry in outline(document, depth=None)},
                         None)
    fonts = FontSubsets(cache)
    word, canvas = _composed(document, template_path, provisional, fonts)
    docx = saved(word, document.meta.date)
    ingredients = relayout.ingredients(docx, document.meta)
    if ingredients is None:
        return Paginated(None, fonts)
    stored = None if cache is None else cache.peek(relayout.NAMESPACE, ingredients)
    found = None if stored is not None else relayout.lay_out(docx, document.meta,
                                                              [] if cache is None else cache.kept(relayout.NAMESPACE))
    if stored is None and found is None:
        return Paginated(None, fonts)
    pages = relayout.libreoffice_pages(document, stored.read_bytes() if stored is not None else found.data)
    if pages is None:
        return Paginated(None, fonts)
    final = Layout(*pages)
    set_toc_pages(word.element.body, {canvas.target(kind, key): page for (kind, key), page in final.headings.items()})
    _set_statistics(word, final)
    return Paginated(saved(word, document.meta.date), fonts, ingredients, found)


def _written(document: Document, template_path: Path, layout: Layout) -> bytes:
    return saved(_composed(document, template_path, layout)[0], document.meta.date)


def _composed(document: Document, template_path: Path, layout: Layout,
              fonts: FontSubsets | None = None) -> tuple[WordDocument, Canvas]:
    """The report as a Word document with the contents' pages of `layout`, not yet saved; and the
    canvas it was written on, which knows each heading's bookmark."""
    template = DocxTemplate(template_path)
    template.render(frame_context(document.meta), autoescape=True)
    word = template.docx
    canvas = Canvas.open(word, document)
    contents, body = el("body"), el("body")
    write_toc(canvas, contents, document, layout.headings)
    _mark_contents(canvas, contents)
    _write_body(canvas, body, document)
    split_sections(word, body, running_heads(document))
    _replace_anchor(word, S.TOC_ANCHOR, contents)
    _replace_anchor(word, S.BODY_ANCHOR, body)
    embed_fonts(word, faces_used(word, [word.element, footnotes_part(word).element]), subsets=fonts)
    _set_properties(word, document.meta)
    _set_statistics(word, layout)
    attach_sources(word, canvas.sources)
    return word, canvas


def _set_statistics(word: WordDocument, layout: Layout) -> None:
    set_statistics(word, layout.page_count, [word.element.body, footnotes_part(word).element])


def write_factsheet_docx(document: Document, sheet: Factsheet, template_path: Path = TEMPLATE) -> bytes:
    """One factsheet of the document on its own, laid out as in the annex, for the pilot's fact check."""
    return _standalone(document, lambda canvas, body: write_factsheet(canvas, body, sheet), template_path,
                       sheet.title)


def write_letter_docx(document: Document, paragraphs: Sequence[str], head: str,
                      template_path: Path = TEMPLATE) -> bytes:
    """A short letter in the house style: plain paragraphs on the template's page, `head` in its header."""
    def fill(canvas: Canvas, body) -> None:
        for text in paragraphs:
            paragraph(body, S.NORMAL, text)
    return _standalone(document, fill, template_path, head)


def _standalone(document: Document, fill: Callable[[Canvas, object], None], template_path: Path,
                head: str) -> bytes:
    """The template's last page set-up with only what `fill` writes: no cover, colophon or contents,
    but the annex's running header (with `head`) and page numbers."""
    template = DocxTemplate(template_path)
    template.render(frame_context(document.meta), autoescape=True)
    word = template.docx
    canvas = Canvas.open(word, document)
    fragment = el("body")
    fill(canvas, fragment)
    number_pages(word)
    set_running_head(word, head)
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for element in list(fragment):
        body.find(qn("w:sectPr")).addprevious(element)
    embed_fonts(word, faces_used(word, [word.element, footnotes_part(word).element]))
    _set_properties(word, document.meta)
    return saved(word, document.meta.date)


def frame_context(meta: Metadata) -> dict[str, object]:
    """What the template's placeholders show: the metadata as text, dates in Dutch."""
    return {
        "title": meta.title,
        "running_title": fitted(meta.title, side_width_mm(meta.is_concept)),
        "subtitle": meta.subtitle,
        "subject": meta.subject,
        "client": meta.client,
        "organisation": meta.organisation,
        "authors": list(meta.authors),
        "date": long_date(meta.date),
        "version": meta.version,
        "status": meta.status,
        "is_concept": meta.is_concept,
        "colophon_note": meta.colophon_note,
        "history": [{"version": entry.version, "date": long_date(entry.date),
                     "change": entry.change} for entry in meta.history],
    }


def _write_body(canvas: Canvas, container, document: Document) -> None:
    for chapter in document.chapters:
        write_section(canvas, container, chapter)
    for annex in document.annexes:
        write_annex(canvas, container, annex)


def _mark_contents(canvas: Canvas, contents) -> None:
    """The contents page's source anchor, before the TOC field, so Word's update keeps it."""
    properties = contents[0].find(qn("w:pPr"))
    for element in reversed(canvas.mark(CONTENTS)):
        properties.addnext(element)


def _replace_anchor(word, marker: str, fragment) -> None:
    """Put what was written into `fragment` where the template's `marker` paragraph stands."""
    body = word.element.body
    anchor = next(p for p in body.iterchildren() if p.xpath("string(.)") == marker)
    for element in list(fragment):
        anchor.addprevious(element)
    body.remove(anchor)


_PROPERTY_CHARS = 255      # Word's limit for a document property; the cover shows the whole title


def _set_properties(word, meta: Metadata) -> None:
    properties = word.core_properties
    texts = {"title": meta.title, "subject": meta.subject or meta.subtitle, "author": "; ".join(meta.authors),
             "last_modified_by": meta.organisation, "language": meta.language, "version": meta.version,
             "content_status": meta.status, "keywords": f"versie {meta.version}; {meta.status}"}
    for name, text in texts.items():
        setattr(properties, name, text[:_PROPERTY_CHARS])
    properties.revision = 1
    properties.created = properties.modified = dt.datetime.combine(meta.date, dt.time())
