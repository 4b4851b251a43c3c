"""Turn a Document into the HTML edition: a folder a web editor can publish as it is.

One page (`index.html`) holds the whole report, with its charts as SVG files
beside it (and each chart's numbers as CSV, which a government site offers
as open data), the house fonts and the logo, so the folder needs nothing from
elsewhere and no script to be read. The page is the one the live preview
shows (report.preview), made by the same functions; it meets WCAG 2.1 AA,
which the tests check with axe-core in Chromium.
"""

from __future__ import annotations

import csv
import io

from markupsafe import Markup

from report.document import Document, Figure, figures
from report.document.outline import outline
from report.style import FONTS_DIR, HOUSE_STYLE, HouseStyle
from report.write.html.markup import WebMarkup
from report.write.pdf.html import anchor, environment

PAGE = "index.html"
FIGURES = "figuren"
FONTS = "lettertypen"
LOGO = "logo.svg"


def write_html(document: Document, style: HouseStyle = HOUSE_STYLE) -> dict[str, bytes]:
    """The HTML edition as files by their path in the folder (report.build writes them together)."""
    page = render_page(document, WebMarkup(lambda figure: f"{FIGURES}/{figure.svg.name}", _data_name),
                       fonts=f"{FONTS}/", logo=LOGO, style=style)
    files = {PAGE: page.encode()}
    files.update({f"{FIGURES}/{figure.svg.name}": figure.svg.read_bytes() for figure in figures(document)})
    files.update({_data_name(figure): figure_csv(figure) for figure in figures(document) if figure.bars})
    files.update({f"{FONTS}/{name}": (FONTS_DIR / name).read_bytes() for name in font_files(style)})
    files[LOGO] = style.logo.read_bytes()
    return files


def render_page(document: Document, markup: WebMarkup, fonts: str, logo: str,
                style: HouseStyle = HOUSE_STYLE, template: str = "web.html.j2", **context) -> str:
    """The report as one web page; `fonts` and `logo` say where the page finds them."""
    return environment().get_template(template).render(
        meta=document.meta, style=style, logo=logo,
        css=Markup(environment().get_template("web.css.j2").render(style=style, fonts=fonts)),
        toc=[(entry, anchor(entry.kind, entry.key)) for entry in outline(document)],
        chapters=[markup.section(chapter) for chapter in document.chapters],
        annexes=[markup.annex(annex) for annex in document.annexes], **context)


def _data_name(figure: Figure) -> str:
    return f"{FIGURES}/{figure.svg.stem}.csv"


def figure_csv(figure: Figure) -> bytes:
    """A figure's numbers as CSV (RFC 4180, UTF-8): answer and pilots, as in the table under it.

    A label that a spreadsheet would read as a formula (=, +, -, @ first) gets a quote before it.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Antwoord", "Pilots"])
    writer.writerows([("'" + bar.label if bar.label[:1] in _FORMULA else bar.label, bar.count) for bar in figure.bars])
    return out.getvalue().encode("utf-8")


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def font_files(style: HouseStyle = HOUSE_STYLE) -> list[str]:
    """The house fonts the stylesheet names, and their licence, which travels with them."""
    f = style.fonts
    return [f.regular, f.italic, f.semibold, f.bold, f.bold_italic, "LICENSE-Lato.txt"]

