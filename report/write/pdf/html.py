"""Turn a Document into one self-contained HTML page for WeasyPrint, whole or in parts.

The markup lives in Jinja macros (templates/html/blocks.html.j2) and the
stylesheet is rendered from the house style (templates/html/report.css.j2), so
the look changes in templates and report/style.py only. This module decides
which macro renders which model type, one `match` case per type, and renders
children before parents so every macro receives finished markup.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from report.document import (
    Annex, Block, CaseBox, Document, Factsheet, Figure, FigureRef, Footnote,
    InfoBox, Inlines, ListBlock, Paragraph, Section, SectionRef, Text,
)
from report.dutch import long_date   # one date style in every output
from report.style import HOUSE_STYLE, TEMPLATES_DIR, HouseStyle
from report.text import breakable
from report.document.outline import annex_number, outline

HTML_TEMPLATES = TEMPLATES_DIR / "html"
FRONT = "voorwerk"          # the anchor of the cover and colophon's place


@dataclass(frozen=True)
class PlacePage:
    """One page of a chapter's place in the report part: the anchors and the bookmarks (title, depth)
    the chapter laid out on its own has on that page, so the contents and the outline find them there."""

    anchors: tuple[str, ...] = ()
    bookmarks: tuple[tuple[str, int], ...] = ()


def render_html(document: Document, style: HouseStyle = HOUSE_STYLE,
                sheet_pages: Mapping[str, int] | None = None, embed_css: bool = True,
                front_pages: int | None = None,
                chapter_places: Mapping[str, tuple[PlacePage, ...]] | None = None) -> str:
    """The whole report as HTML: cover, colophon, contents, chapters and annexes.

    With `sheet_pages` (pilot ID -> pages), each factsheet is left out and
    only holds its place: that many blank pages with its anchor and bookmark,
    so page numbers, the contents and the links come out as in the whole
    report while the factsheets are laid out on their own (see
    render_factsheet). With `front_pages` the cover and colophon hold their
    place the same way (see render_front), and the page leaves out the
    metadata they carry. With `chapter_places` (chapter key -> its pages) each
    chapter holds its place likewise, its anchors and bookmarks on the pages
    where the chapter laid out on its own has them (see render_chapter).
    Without `embed_css` the page leaves out the stylesheet, for a caller that
    hands WeasyPrint `stylesheet()` parsed once.
    """
    front_place = front_pages and _macros().front_place(document.meta, FRONT, front_pages)
    return _page("report.html.j2", document, style, embed_css, front_pages=front_pages,
                 front_place=front_place,
                 toc=[(entry, anchor(entry.kind, entry.key)) for entry in outline(document)],
                 chapters=[_PRINT.section(chapter) if chapter_places is None
                           else _macros().chapter_place(chapter_places[chapter.key])
                           for chapter in document.chapters],
                 annexes=[_PRINT.annex(annex, sheet_pages) for annex in document.annexes])


def render_front(document: Document, style: HouseStyle = HOUSE_STYLE, embed_css: bool = True) -> str:
    """The cover and the colophon on their own, with the report's metadata, as in the whole report."""
    return _page("front.html.j2", document, style, embed_css)


def render_chapter(document: Document, chapter: Section, first_page: int,
                   style: HouseStyle = HOUSE_STYLE, embed_css: bool = True) -> str:
    """One chapter of the document on pages numbered from `first_page`, as in the whole report
    (a chapter starts on a new page there, so nothing before it shares its pages)."""
    return _page("chapter.html.j2", document, style, embed_css, first_page=first_page,
                 chapter=_PRINT.section(chapter))


def render_factsheet(document: Document, sheet: Factsheet, first_page: int,
                     style: HouseStyle = HOUSE_STYLE, embed_css: bool = True, level: int = 2) -> str:
    """One factsheet of the document on pages numbered from `first_page`.

    Its pages look, read and are tagged as in the whole report: the same
    stylesheet, the same enclosing annex, the report title in the running
    header, and the page side (left or right) that its page number gives.
    `level` is its title's heading level: 2 under the annex, 1 on its own.
    """
    return _page("factsheet.html.j2", document, style, embed_css, first_page=first_page,
                 factsheet=_PRINT.factsheet(sheet, level))


def stylesheet(document: Document, style: HouseStyle = HOUSE_STYLE) -> str:
    """The report's CSS, rendered from the house style."""
    return environment().get_template("report.css.j2").render(
        style=style, concept=document.meta.is_concept)


def _page(template: str, document: Document, style: HouseStyle, embed_css: bool, **context) -> str:
    css = Markup(stylesheet(document, style)) if embed_css else None
    return environment().get_template(template).render(
        meta=document.meta, style=style, css=css, **{"front_pages": None, **context})


def layout_breaks(text: object) -> str:
    """Any value as text with break opportunities in its long runs, for the layout only:
    the data keeps the text as it was typed (report.text.breakable)."""
    return breakable(str(text))


@functools.cache
def environment() -> Environment:
    """The Jinja environment of templates/html, shared with the web edition (report.write.html)."""
    env = Environment(
        loader=FileSystemLoader(HTML_TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html.j2",)),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = long_date
    env.filters["breakable"] = layout_breaks
    env.tests["correction"] = lambda fact: fact.marked
    return env


def _macros():
    return environment().get_template("blocks.html.j2").module


def anchor(kind: str, key: str) -> str:
    """A stable HTML id for a model key, safe inside `href="#…"` and CSS `attr()`.

    A key with other characters gets a digest of itself, so two keys that
    read alike once those are replaced (`zz.a`, `zz a`) keep apart.
    """
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", key)
    if safe != key:
        safe += "-" + hashlib.sha256(key.encode()).hexdigest()[:8]
    return f"{kind}-{safe}"


# ---------------------------------------------------------------- the model as markup


class HtmlMarkup:
    """Which macro renders which model type, one `match` case per type.

    The PDF uses this class as it is; the web edition and the live preview
    (report.write.html) override the few methods where a screen differs from
    paper (footnotes, figures, the numbers' provenance), so the walk over the
    model exists once.
    """

    def section(self, section: Section) -> Markup:
        return _macros().section(
            section, anchor("section", section.key), self.blocks(section.blocks),
            [self.section(child) for child in section.children])

    def annex(self, annex: Annex, sheet_pages: Mapping[str, int] | None = None) -> Markup:
        if sheet_pages is None:
            sheets = [self.factsheet(sheet) for sheet in annex.factsheets]
        else:
            sheets = [_macros().factsheet_place(sheet, anchor("factsheet", sheet.pilot_id),
                                                sheet_pages[sheet.pilot_id])
                      for sheet in annex.factsheets]
        return _macros().annex(
            annex, annex_number(annex), anchor("section", annex.key), self.blocks(annex.blocks), sheets)

    table_captions = False      # paper: the heading above a factsheet's table names it

    def factsheet(self, sheet: Factsheet, level: int = 2) -> Markup:
        """A factsheet; section d holds its case box."""
        return _macros().factsheet(
            sheet, anchor("factsheet", sheet.pilot_id),
            [(section, None if section.case is None else self.block(section.case))
             for section in sheet.sections], level, self.table_captions)

    # ------------------------------------------------------------ blocks

    def blocks(self, blocks: tuple[Block, ...]) -> list[Markup]:
        return [self.block(block) for block in blocks]

    def block(self, block: Block) -> Markup:
        macros = _macros()
        match block:
            case Paragraph(content=content):
                return macros.paragraph(self.run(content))
            case ListBlock(numbering=numbering, items=items):
                return macros.list_block(
                    numbering.name.lower(),
                    [macros.list_item(self.run(item.lead), self.run(item.content)) for item in items])
            case Figure():
                return self.figure(block)
            case CaseBox(title=title, paragraphs=paragraphs):
                return macros.case_box(title, [_last_words_joined(p) for p in self.blocks(paragraphs)])
            case InfoBox(title=title, blocks=blocks, source=source):
                return macros.info_box(title, [_last_words_joined(b) for b in self.blocks(blocks)], source)
        raise TypeError(f"no HTML for block {block!r}")

    def figure(self, figure: Figure) -> Markup:
        return _macros().figure(figure, anchor("fig", figure.key), figure.svg.as_uri())

    # ------------------------------------------------------------ inlines

    def run(self, inlines: Inlines) -> Markup:
        """The inlines of one block, without outer whitespace.

        Outer whitespace has no meaning in a block, and WeasyPrint 70 lays out a
        paragraph with a trailing space badly: it may hyphenate its last line
        into a lone "be-" line.
        """
        return self.inlines(inlines).strip()

    def inlines(self, inlines: Inlines) -> Markup:
        return Markup("").join(self.inline(inline) for inline in inlines)

    def inline(self, inline) -> Markup:
        macros = _macros()
        match inline:
            case Text():
                return self.text(inline)
            case Footnote():
                return self.footnote(inline)
            case FigureRef(key=key, number=number, label=label):
                return macros.reference(anchor("fig", key), f"{label} {number}")
            case SectionRef(key=key, number=number, label=label):
                return macros.reference(anchor("section", key), f"{label} {number}")
        raise TypeError(f"no HTML for inline {inline!r}")

    def text(self, text: Text) -> Markup:
        return _macros().text(text)

    def footnote(self, footnote: Footnote) -> Markup:
        return _macros().footnote(footnote.number, self.inlines(footnote.content))


_PRINT = HtmlMarkup()


# A block's last two words of plain text, and the closing tags after them.
_LAST_WORDS = re.compile(r"([^\s<>]+ [^\s<>]+)((?:\s*<[^>]+>)*\s*)$")


def _last_words_joined(block: Markup) -> Markup:
    """A box's paragraph with its last two words kept on one line: a narrow box would
    otherwise end a paragraph on one lonely word. (Not a no-break space: Lato draws it
    with the space's glyph, and the text layer would then read every space as one.)"""
    return Markup(_LAST_WORDS.sub('<span class="nowrap">\\1</span>\\2', str(block)))
