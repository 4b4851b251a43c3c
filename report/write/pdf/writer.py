"""Turn a Document into PDF bytes with WeasyPrint.

The PDF is tagged (PDF/UA-1) so screen readers get headings, lists, tables and
the charts' alt text; fonts are embedded as subsets; the creation and
modification dates come from the report date in the HTML, so the same
Document always gives the same bytes. The report is laid out in parts, and a
build's cache keeps the parts that did not change (report.write.pdf.parts);
with or without a cache, in one process or in several, the bytes are the same.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pikepdf

from report.cache import Cache
from report.document import Document, Factsheet
from report.document.outline import outline, placed_figures
from report.style import HOUSE_STYLE, HouseStyle
from report.workers import Workers
from report.write.pdf.html import anchor
from report.write.pdf.merge import anchor_pages
from report.write.pdf.parts import factsheet_alone, write_in_parts


def write_pdf(document: Document, style: HouseStyle = HOUSE_STYLE, cache: Cache | None = None,
              pool: Workers | None = None) -> bytes:
    """The report as PDF bytes, ready for report.files.write_bytes_atomic.

    The parts are laid out by `pool`'s workers; without one, in this process.
    """
    pool = pool or Workers(None, 1)
    if cache is not None:
        return write_in_parts(document, style, cache, pool)
    with tempfile.TemporaryDirectory(prefix="pdf-") as staging:
        return write_in_parts(document, style, Cache(None, Path(staging)), pool)


def write_factsheet_pdf(document: Document, sheet: Factsheet, style: HouseStyle = HOUSE_STYLE) -> bytes:
    """One factsheet of the document as its own PDF, for the pilot's fact check (report.factcheck)."""
    return factsheet_alone(document, sheet, style)


def page_numbers(document: Document, pdf: bytes) -> dict[tuple[str, str], int]:
    """The printed page of each heading, figure and factsheet of `document` in its `pdf`.

    Keyed by ("section", key), ("figure", key) or ("factsheet", pilot ID); pages count from the cover.
    """
    places = [(entry.kind, entry.key) for entry in outline(document, depth=None)]
    places += [("figure", figure.key) for figure in placed_figures(document)]
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        pages = anchor_pages(opened)
    ids = {"section": "section", "factsheet": "factsheet", "figure": "fig"}
    return {(kind, key): pages[name] + 1 for kind, key in places
            if (name := anchor(ids[kind], key)) in pages}
