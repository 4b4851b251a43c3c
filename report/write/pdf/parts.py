"""Turn the report into parts laid out apart, which a rebuild can take from the cache.

WeasyPrint lays out a whole document at once, and most of the report's
pages are factsheets, which a changed answer touches one at a time. So the
report is laid out as parts: the report itself, with each factsheet's place
held by as many blank pages as the factsheet fills, and each factsheet on
its own, on pages numbered where it lands. Every part is cached by its HTML
and the bytes of every file that HTML uses (report.cache), so a rebuild
lays out only the parts that changed; report.write.pdf.merge then puts the
factsheets' pages in their places.

The report part needs each factsheet's page count (for the page numbers in
the contents and after the annex), and a factsheet needs the page it starts
on. The report is first laid out with a guess of the counts; when a
factsheet turns out longer or shorter, the report is laid out once more with
the real counts. Clean or cached, the same parts meet in the same merge, so
the PDF's bytes do not depend on what the cache held.

WeasyPrint reads only the files the project provides for the report (its
fonts, its logo, the document's charts): any other URL, whatever the text of
an answer or a narrative says, is refused by the url_fetcher, and the cache
keys name exactly those files by their content.
"""

from __future__ import annotations

import functools
import io
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pikepdf
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from report.cache import Cache, file_digest, fingerprint, versions
from report.document import Document, Factsheet, figures
from report.style import FONTS_DIR, TEMPLATES_DIR, HouseStyle
from report.write.pdf.html import anchor, render_factsheet, render_html, stylesheet
from report.write.pdf.merge import Insert, anchor_pages, merge

PDF_VARIANT = "pdf/ua-1"
NAMESPACE = "pdf-delen"
GUESSED_PAGES = 2      # what the factsheet layout aims at (report.compose.factsheets); a wrong guess costs one layout
ROUNDS = 4             # page counts settle in the second round; more means they keep changing
_BASE_URL = TEMPLATES_DIR.as_uri() + "/"      # resources are file URIs or relative to templates/


def write_in_parts(document: Document, style: HouseStyle, cache: Cache) -> bytes:
    """The report as one PDF, made of parts laid out with WeasyPrint or taken from the cache."""
    weasyprint = _WeasyPrint(stylesheet(document, style), _Assets(document, style))
    sheets = [sheet for annex in document.annexes for sheet in annex.factsheets]
    pages = {sheet.pilot_id: GUESSED_PAGES for sheet in sheets}
    for _ in range(ROUNDS):
        html = render_html(document, style, sheet_pages=pages, embed_css=False)
        report = _part(cache, "rapport", html, weasyprint)
        with pikepdf.open(io.BytesIO(report)) as pdf:
            starts = anchor_pages(pdf)
        inserts, counts, shift = [], {}, 0
        for sheet in sheets:
            place = anchor("factsheet", sheet.pilot_id)
            html = render_factsheet(document, sheet, starts[place] + 1 + shift, style, embed_css=False)
            inserts.append(Insert(place, _part(cache, f"factsheet {sheet.pilot_id}", html, weasyprint)))
            counts[sheet.pilot_id] = _page_count(inserts[-1].pdf)
            shift += counts[sheet.pilot_id] - pages[sheet.pilot_id]
        if counts == pages:
            return merge(report, inserts)
        pages = counts
    raise RuntimeError(f"factsheet page counts still changing after {ROUNDS} layouts")


def factsheet_alone(document: Document, sheet: Factsheet, style: HouseStyle) -> bytes:
    """One factsheet as a PDF of its own, laid out and tagged as in the report, pages from 1."""
    weasyprint = _WeasyPrint(stylesheet(document, style), _Assets(document, style))
    return weasyprint(render_factsheet(document, sheet, 1, style, embed_css=False))


class _WeasyPrint:
    """WeasyPrint set up once for all parts of a report: the stylesheet parsed and its fonts loaded once.

    Set up on first use, so a rebuild that finds every part in the cache
    does not pay for it. The parts' bytes are the same as with the
    stylesheet inside each page.
    """

    def __init__(self, css: str, assets: _Assets):
        self.css = css
        self.assets = assets

    @functools.cached_property
    def _setup(self) -> tuple[FontConfiguration, CSS, URLFetcher]:
        fonts, fetcher = FontConfiguration(), _AssetFetcher(self.assets)
        return fonts, CSS(string=self.css, base_url=_BASE_URL, font_config=fonts, url_fetcher=fetcher), fetcher

    def __call__(self, html: str) -> bytes:
        fonts, css, fetcher = self._setup
        return HTML(string=html, base_url=_BASE_URL, url_fetcher=fetcher).write_pdf(
            stylesheets=[css], font_config=fonts, pdf_variant=PDF_VARIANT)


class _Assets:
    """The only files a part may use: the project's fonts and logo, and the document's charts."""

    def __init__(self, document: Document, style: HouseStyle):
        files = [*sorted(FONTS_DIR.iterdir()), style.logo, *(figure.svg for figure in figures(document))]
        self.files = {path.as_uri(): path for path in files}
        self.allowed = frozenset(os.path.realpath(path) for path in files)

    def key(self, text: str) -> str:
        """The text with each asset named by its content, so a part is found wherever its files are."""
        for uri in sorted(self.files, key=len, reverse=True):
            if uri in text:
                text = text.replace(uri, file_digest(self.files[uri]))
        return text


class _AssetFetcher(URLFetcher):
    """WeasyPrint's fetcher, confined to the assets and inline `data:` URLs; it refuses everything else."""

    def __init__(self, assets: _Assets):
        super().__init__(allowed_protocols=("file", "data"))
        self.allowed = assets.allowed

    def fetch(self, url, headers=None):
        if not url.startswith("data:") and \
                os.path.realpath(unquote(urlsplit(url).path)) not in self.allowed:
            raise ValueError(f"not one of the report's own files: {url[:200]}")
        return super().fetch(url, headers)


def _part(cache: Cache, label: str, html: str, weasyprint: _WeasyPrint) -> bytes:
    ingredients = (weasyprint.assets.key(weasyprint.css), weasyprint.assets.key(html),
                   fingerprint(Path(__file__)), versions("weasyprint", "pydyf"))
    return cache.blob(NAMESPACE, label, ingredients, lambda: weasyprint(html))


def _page_count(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        return len(opened.pages)
