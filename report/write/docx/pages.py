"""Turn the PDF's layout into the page each heading of the DOCX starts on, where LibreOffice cannot.

The DOCX's contents page shows page numbers without Word updating a field,
so the numbers must be known when the DOCX is written. They are
LibreOffice's (report.write.docx.relayout); without LibreOffice, or when it
fails, they come from the PDF, laid out from the same Document on the same
page geometry with styles the Word template mirrors, so the page where the
PDF puts a heading is nearly always the page where a word processor puts it.
The PDF marks every heading with a named destination
(report.write.pdf.html.anchor).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf

from report.cache import Cache
from report.document import Document
from report.document.outline import outline
from report.write.pdf.html import anchor
from report.write.pdf.merge import anchor_pages
from report.workers import Workers

Pages = dict[tuple[str, str], int]      # (kind, key) of an outline entry -> 1-based page


@dataclass(frozen=True)
class Layout:
    headings: Pages
    page_count: int | None      # for the document statistics in docProps/app.xml (None: not known)


def heading_pages(document: Document, pdf: bytes) -> Layout:
    """The page of every heading in the document's outline, as the PDF lays it out."""
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        found = anchor_pages(opened)
        count = len(opened.pages)
    return Layout({(entry.kind, entry.key): found[anchor(entry.kind, entry.key)] + 1
                   for entry in outline(document, depth=None)}, count)


def laid_out_pages(document: Document, cache: Cache | None = None, pool: Workers | None = None) -> Layout:
    """The pages, laying out the PDF for them (a build passes the PDF it made instead)."""
    from report.write.pdf.writer import write_pdf      # WeasyPrint loads only when no PDF was given
    return heading_pages(document, write_pdf(document, cache=cache, pool=pool))
