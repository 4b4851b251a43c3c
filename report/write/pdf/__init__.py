"""Turn a Document into PDF bytes with WeasyPrint.

The PDF is tagged (PDF/UA-1) so screen readers get headings, lists, tables and
the charts' alt text; fonts are embedded as subsets; the creation and
modification dates come from the report date in the HTML, so the same
Document always gives the same bytes. The report is laid out in parts, and a
build's cache keeps the parts that did not change (report.write.pdf.parts);
with or without a cache, in one process or in several, the bytes are the same.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from report.cache import Cache
from report.document import Document
from report.style import HOUSE_STYLE, HouseStyle
from report.workers import Workers
from report.write.pdf.parts import write_in_parts


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
