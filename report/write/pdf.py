"""Turn the report's HTML into PDF bytes with WeasyPrint.

The PDF is tagged (PDF/UA-1) so screen readers get headings, lists, tables and
the charts' alt text; fonts are embedded as subsets; the creation and
modification dates come from the report date in the HTML, so the same
Document always gives the same bytes.
"""

from __future__ import annotations

from weasyprint import HTML

from report.document import Document
from report.style import HOUSE_STYLE, TEMPLATES_DIR, HouseStyle
from report.write.html import render_html

PDF_VARIANT = "pdf/ua-1"


def write_pdf(document: Document, style: HouseStyle = HOUSE_STYLE) -> bytes:
    """The report as PDF bytes, ready for report.files.write_bytes_atomic."""
    return html_to_pdf(render_html(document, style))


def html_to_pdf(html: str) -> bytes:
    """Lay out HTML from render_html; its resources are file URIs or relative to templates/."""
    return HTML(string=html, base_url=TEMPLATES_DIR.as_uri() + "/").write_pdf(
        pdf_variant=PDF_VARIANT)
