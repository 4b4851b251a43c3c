"""Turn the house style into named Word styles: the one place that says how each looks.

report.word_template.build turns these definitions into the styles and
list numbering of templates/report-template.docx; the DOCX writer refers to
styles only by the ids below and never formats text directly, so a designer
who restyles the template in Word changes the output without a code change.
tests/test_word_template.py checks that the committed template still carries
these definitions, so template, house style and code cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from report.style import HOUSE_STYLE, HouseStyle

# ---------------------------------------------------------------- the template's contract

# Paragraphs of the template that the writer replaces: by the table of
# contents, and by the chapters and annexes.
TOC_ANCHOR = "[[INHOUDSOPGAVE]]"
BODY_ANCHOR = "[[RAPPORT]]"
# Text of the body's running header that the writer replaces by each section's heading.
RUNNING_HEAD = "[[KOPTEKST]]"

# The cover's coloured band (mm): room above the title, the band's height and the accent
# stripe under it. A shape behind the text, so that the Title paragraph can open the body,
# where pandoc and other readers look for the document's title.
COVER_BAND_TOP = 22
COVER_BAND_HEIGHT = 105
COVER_STRIPE = 3
HEADER_DISTANCE = 12    # from the page's edge to its header and footer

# Style ids the writer uses.

NORMAL = "Normal"
HEADINGS = ("Heading1", "Heading2", "Heading3")
HEADING_NUMBER = "Kopnummer"     # a heading's number, typed in its text before a tab
TOC_LEVELS = ("TOC1", "TOC2", "TOC3")
CAPTION = "Caption"
CAPTION_LABEL = "Bijschriftlabel"
FIGURE = "Figuur"
FIGURE_NOTE = "Figuurnoot"
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"
LISTS = {"ALPHA": "Lijstletters", "ROMAN": "Lijstromeins", "BULLET": "Lijstopsomming"}
LEAD = "Kernzin"
GROUP_LABEL = "Groepskop"
BOX_TITLE = "Kadertitel"
BOX_TEXT = "Kadertekst"
BOX_SOURCE = "Kaderbron"
SPACER = "Witruimte"
SECTION_BREAK = "Sectie-einde"
CASE_BOX = "Casuskader"
INFO_BOX = "Infokader"
FACTSHEET_TITLE = "Factsheettitel"
FACTSHEET_HEADER = "Factsheetkopregel"
FACTSHEET_HEADER_TABLE = "Factsheetkop"
FACTSHEET_HEADER_LABEL = "Factsheetkoplabel"
FACTSHEET_SECTION = "Factsheetsectie"
TAG_TABLE = "Factsheetkenmerken"
TAG_LABEL = "Kenmerklabel"
TAG_VALUE = "Kenmerkwaarde"
DATA_TABLE = "Gegevenstabel"
DATA_LABEL = "Gegevenslabel"
DATA_VALUE = "Gegevenswaarde"
MISSING = "Nietingevuld"
FACTSHEET_HEADER_MISSING = "Nietingevuldkop"
CORRECTION = "Correctiemarkering"
HEADER_CORRECTION = "Correctiemarkeringkop"     # on the factsheet's dark band

# ---------------------------------------------------------------- definitions


class StyleKind(Enum):
    PARAGRAPH = "paragraph"
    CHARACTER = "character"
    TABLE = "table"


@dataclass(frozen=True)
class Border:
    color: str
    width: float            # points
    space: float = 0        # points between border and text


@dataclass(frozen=True)
class Tab:
    position: float         # millimetres from the left margin
    align: str = "left"     # left, center, right
    leader: str | None = None


@dataclass(frozen=True)
class RunLook:
    font: str | None = None
    size: float | None = None           # points
    color: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    superscript: bool = False
    spacing: float | None = None        # letter spacing, points
    border: Border | None = None
    heading_font: bool = False          # the theme's heading font rather than its body font


@dataclass(frozen=True)
class ParagraphLook:
    space_before: float | None = None   # points
    space_after: float | None = None
    line: float | None = None           # multiple of single spacing
    keep_next: bool | None = None
    keep_lines: bool | None = None
    page_break_before: bool | None = None
    align: str | None = None            # left, center, right, both
    indent: float | None = None         # millimetres
    indent_right: float | None = None
    hanging: float | None = None
    fill: str | None = None
    borders: tuple[tuple[str, Border], ...] = ()   # (side, border): top, left, bottom, right
    tabs: tuple[Tab, ...] = ()
    outline_level: int | None = None    # 0 = level 1 in the table of contents
    numbering: tuple[str, int] | None = None       # (list key, level)


@dataclass(frozen=True)
class TableLook:
    fill: str | None = None
    borders: tuple[tuple[str, Border], ...] = ()   # top, left, bottom, right, insideH, insideV
    cell_margins: tuple[float, float, float, float] = (0, 0, 0, 0)  # mm: top, left, bottom, right
    header: RunLook | None = None                  # first row, where a table marks one
    header_border: Border | None = None            # line under the first row
    last_row_fill: str | None = None


@dataclass(frozen=True)
class WordStyle:
    style_id: str
    name: str
    kind: StyleKind
    run: RunLook = RunLook()
    paragraph: ParagraphLook = ParagraphLook()
    table: TableLook | None = None
    based_on: str | None = NORMAL
    next_id: str | None = None
    builtin: bool = False


@dataclass(frozen=True)
class ListLevel:
    format: str             # decimal, lowerLetter, lowerRoman, bullet
    text: str               # "%1.%2", "%1.", "•"
    indent: float           # millimetres, where the text starts
    hanging: float          # millimetres, where the number starts before it
    style_id: str | None = None
    run: RunLook = RunLook()


@dataclass(frozen=True)
class ListDefinition:
    key: str
    levels: tuple[ListLevel, ...]


@dataclass(frozen=True)
class WordHouseStyle:
    """Everything the template builder needs: styles, lists and the default language."""

    styles: tuple[WordStyle, ...]
    lists: tuple[ListDefinition, ...]
    language: str
    font: str
    font_fallback: str
    by_id: dict[str, WordStyle] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {s.style_id: s for s in self.styles})


def text_width_mm(style: HouseStyle = HOUSE_STYLE) -> float:
    page = style.page
    return page.width - page.margin_inner - page.margin_outer


def word_house_style(style: HouseStyle = HOUSE_STYLE) -> WordHouseStyle:
    """The Word styles and lists of the house style."""
    return WordHouseStyle(
        styles=_text_styles(style) + _front_styles(style) + _box_styles(style)
        + _factsheet_styles(style),
        lists=_lists(style),
        language=style.language,
        font=style.fonts.family,
        font_fallback=style.fonts.word_fallback,
    )


P, C, T = StyleKind.PARAGRAPH, StyleKind.CHARACTER, StyleKind.TABLE


def _text_styles(style: HouseStyle) -> tuple[WordStyle, ...]:
    p, s = style.palette, style.sizes
    width = text_width_mm(style)
    rule = Border(p.rule, 0.5, 4)
    heading = dict(color=p.primary, bold=True, heading_font=True)
    return (
        WordStyle(NORMAL, "Normal", P, builtin=True, based_on=None,
                  run=RunLook(font=style.fonts.family, size=s.body, color=p.text),
                  paragraph=ParagraphLook(space_before=0, space_after=7, line=1.2)),
        WordStyle(HEADINGS[0], "heading 1", P, builtin=True, next_id=NORMAL,
                  run=RunLook(size=s.heading1, **heading),
                  paragraph=ParagraphLook(space_before=18, space_after=22, line=1.0,
                                          keep_next=True, keep_lines=True, page_break_before=True,
                                          outline_level=0, indent=13, hanging=13)),
        WordStyle(HEADINGS[1], "heading 2", P, builtin=True, next_id=NORMAL,
                  run=RunLook(size=s.heading2, **heading),
                  paragraph=ParagraphLook(space_before=20, space_after=7, line=1.0,
                                          keep_next=True, keep_lines=True,
                                          outline_level=1, indent=13, hanging=13)),
        WordStyle(HEADINGS[2], "heading 3", P, builtin=True, next_id=NORMAL,
                  run=RunLook(size=s.heading3, **heading),
                  paragraph=ParagraphLook(space_before=14, space_after=6, line=1.0,
                                          keep_next=True, keep_lines=True,
                                          outline_level=2, indent=15, hanging=15)),
        WordStyle(CAPTION, "caption", P, builtin=True, next_id=NORMAL,
                  run=RunLook(size=s.caption, color=p.text),
                  paragraph=ParagraphLook(space_before=4, space_after=2, line=1.1,
                                          borders=(("top", rule),))),
        WordStyle(HEADING_NUMBER, "Kopnummer", C, based_on=None, run=RunLook(color=p.accent)),
        WordStyle(CAPTION_LABEL, "Bijschriftlabel", C, based_on=None,
                  run=RunLook(bold=True, color=p.primary)),
        WordStyle(FIGURE, "Figuur", P, next_id=CAPTION,
                  paragraph=ParagraphLook(space_before=10, space_after=0, line=1.0,
                                          keep_next=True, align="left")),
        WordStyle(FIGURE_NOTE, "Figuurnoot", P, next_id=NORMAL,
                  run=RunLook(size=s.small, color=p.muted, italic=True),
                  paragraph=ParagraphLook(space_before=0, space_after=12, line=1.1)),
        WordStyle(FOOTNOTE_TEXT, "footnote text", P, builtin=True,
                  run=RunLook(size=s.footnote, color=p.text),
                  paragraph=ParagraphLook(space_after=2, line=1.05, indent=5, hanging=5)),
        WordStyle(FOOTNOTE_REFERENCE, "footnote reference", C, builtin=True, based_on=None,
                  run=RunLook(superscript=True, bold=True, color=p.primary)),
        WordStyle(LISTS["ALPHA"], "Lijst letters", P,
                  paragraph=ParagraphLook(space_after=4, numbering=("letters", 0))),
        WordStyle(LISTS["ROMAN"], "Lijst romeins", P,
                  paragraph=ParagraphLook(space_after=4, numbering=("romeins", 0))),
        WordStyle(LISTS["BULLET"], "Lijst opsomming", P,
                  paragraph=ParagraphLook(space_after=4, numbering=("opsomming", 0))),
        WordStyle(LEAD, "Kernzin", C, based_on=None, run=RunLook(bold=True, color=p.primary)),
        WordStyle(GROUP_LABEL, "Groepskop", P, next_id=NORMAL, run=RunLook(bold=True),
                  paragraph=ParagraphLook(keep_next=True, outline_level=2)),
        WordStyle("Header", "header", P, builtin=True,
                  run=RunLook(size=s.small, color=p.muted),
                  paragraph=ParagraphLook(space_after=0, line=1.0,
                                          borders=(("bottom", Border(p.rule, 0.5, 4)),),
                                          tabs=(Tab(width / 2, "center"), Tab(width, "right")))),
        WordStyle("Koptekstvoorwerk", "Koptekst voorwerk", P, based_on="Header",
                  paragraph=ParagraphLook(borders=(("bottom", Border(p.white, 0, 0)),))),
        WordStyle("Footer", "footer", P, builtin=True,
                  run=RunLook(size=s.small, color=p.muted),
                  paragraph=ParagraphLook(space_after=0, line=1.0, tabs=(Tab(width, "right"),))),
        WordStyle("Conceptmarkering", "Conceptmarkering", C, based_on=None,
                  run=RunLook(size=s.small, bold=True, caps=True, spacing=1.6, color=p.accent)),
    )


def _front_styles(style: HouseStyle) -> tuple[WordStyle, ...]:
    p, s = style.palette, style.sizes
    width = text_width_mm(style)
    # The page number's right tab sits at the margin, with no right indent: LibreOffice
    # hides text after a tab stop beyond the right indent.
    leader = dict(align="right", leader="dot")
    return (
        # Room above the title inside the cover band (the band itself is a shape behind the text).
        WordStyle("Omslagband", "Omslag band", P, next_id="Title", run=RunLook(size=1),
                  paragraph=ParagraphLook(space_after=COVER_BAND_TOP * 72 / 25.4, line=1.0)),
        WordStyle("Title", "Title", P, builtin=True, next_id="Subtitle",
                  run=RunLook(size=s.title, bold=True, color=p.white, heading_font=True),
                  paragraph=ParagraphLook(space_after=14, line=1.05)),
        WordStyle("Subtitle", "Subtitle", P, builtin=True,
                  run=RunLook(size=s.subtitle, color=p.box_fill),
                  paragraph=ParagraphLook(space_after=0, line=1.15)),
        # The cover page's own header: it starts at the top margin, as the body would.
        WordStyle("Omslagorganisatie", "Omslag organisatie", P,
                  run=RunLook(size=s.heading3, bold=True, color=p.primary),
                  paragraph=ParagraphLook(space_before=(style.page.margin_top - HEADER_DISTANCE) * 72 / 25.4,
                                          space_after=12, line=1.0, tabs=(Tab(width, "right"),))),
        WordStyle("Omslaggegevens", "Omslag gegevens", P,
                  paragraph=ParagraphLook(space_after=3, tabs=(Tab(34),))),
        WordStyle("Omslaglabel", "Omslag label", C, based_on=None,
                  run=RunLook(size=s.small, bold=True, caps=True, spacing=0.8, color=p.muted)),
        WordStyle("Kopvoorwerk", "Kop voorwerk", P, next_id=NORMAL,
                  run=RunLook(size=s.heading1, bold=True, color=p.primary, heading_font=True),
                  paragraph=ParagraphLook(space_after=22, line=1.0, keep_next=True,
                                          page_break_before=True)),
        WordStyle("TOCHeading", "TOC Heading", P, builtin=True, based_on="Kopvoorwerk"),
        WordStyle("Tussenkopvoorwerk", "Tussenkop voorwerk", P, next_id=NORMAL,
                  run=RunLook(size=s.heading2, bold=True, color=p.primary, heading_font=True),
                  paragraph=ParagraphLook(space_before=20, space_after=7, keep_next=True)),
        WordStyle("Colofonnoot", "Colofon noot", P,
                  run=RunLook(size=s.small, color=p.muted),
                  paragraph=ParagraphLook(space_before=28)),
        WordStyle(TOC_LEVELS[0], "toc 1", P, builtin=True,
                  run=RunLook(bold=True, color=p.primary),
                  paragraph=ParagraphLook(space_before=10, space_after=0, indent=13, hanging=13,
                                          tabs=(Tab(width, **leader),))),
        WordStyle(TOC_LEVELS[1], "toc 2", P, builtin=True,
                  paragraph=ParagraphLook(space_before=2, space_after=0, indent=22, hanging=9,
                                          tabs=(Tab(width, **leader),))),
        WordStyle(TOC_LEVELS[2], "toc 3", P, builtin=True,
                  paragraph=ParagraphLook(space_before=1, space_after=0, indent=33, hanging=11,
                                          tabs=(Tab(width, **leader),))),
    )


def _box_styles(style: HouseStyle) -> tuple[WordStyle, ...]:
    p, s = style.palette, style.sizes
    box_margins = (4, 5, 2.5, 5)
    return (
        WordStyle(CASE_BOX, "Casuskader", T, based_on=None,
                  table=TableLook(fill=p.box_fill, cell_margins=box_margins,
                                  borders=(("left", Border(p.primary, 3.5)),))),
        WordStyle(INFO_BOX, "Infokader", T, based_on=None,
                  table=TableLook(fill=p.info_fill, cell_margins=box_margins,
                                  borders=(("left", Border(p.accent, 3.5)),))),
        WordStyle(SPACER, "Witruimte", P,
                  run=RunLook(size=6), paragraph=ParagraphLook(space_after=6, line=1.0)),
        WordStyle(SECTION_BREAK, "Sectie-einde", P,
                  run=RunLook(size=1), paragraph=ParagraphLook(space_before=0, space_after=0,
                                                               line=1.0)),
        WordStyle(BOX_TITLE, "Kadertitel", P, next_id=BOX_TEXT,
                  run=RunLook(size=s.body, bold=True, color=p.primary),
                  paragraph=ParagraphLook(space_after=4, keep_next=True)),
        WordStyle(BOX_TEXT, "Kadertekst", P,
                  run=RunLook(size=s.body - 0.5),
                  paragraph=ParagraphLook(space_after=5)),
        WordStyle(BOX_SOURCE, "Kaderbron", P,
                  run=RunLook(size=s.small, italic=True, color=p.muted),
                  paragraph=ParagraphLook(space_after=3)),
    )


def _factsheet_styles(style: HouseStyle) -> tuple[WordStyle, ...]:
    p, s = style.palette, style.sizes
    rule = Border(p.rule, 0.5)
    return (
        WordStyle(FACTSHEET_HEADER_TABLE, "Factsheet kop", T, based_on=None,
                  table=TableLook(fill=p.primary, cell_margins=(0.3, 5, 0.3, 2),
                                  borders=(("bottom", Border(p.primary, 6)),))),
        WordStyle(FACTSHEET_TITLE, "Factsheet titel", P, next_id=FACTSHEET_HEADER,
                  run=RunLook(size=s.heading2 + 2, bold=True, color=p.white, heading_font=True),
                  paragraph=ParagraphLook(space_before=12, space_after=6, line=1.0, keep_next=True,
                                          keep_lines=True, page_break_before=True,
                                          outline_level=1)),
        WordStyle(FACTSHEET_HEADER, "Factsheet kopregel", P,
                  run=RunLook(size=s.small + 0.5, color=p.white),
                  paragraph=ParagraphLook(space_after=0, line=1.1)),
        WordStyle(FACTSHEET_HEADER_LABEL, "Factsheet koplabel", C, based_on=None,
                  run=RunLook(bold=True, color=p.box_fill)),
        WordStyle(FACTSHEET_SECTION, "Factsheet sectie", P, next_id=NORMAL,
                  run=RunLook(size=s.heading3, bold=True, color=p.primary, heading_font=True),
                  paragraph=ParagraphLook(space_before=14, space_after=3, line=1.0, keep_next=True,
                                          borders=(("bottom", Border(p.primary, 1, 2)),),
                                          outline_level=2)),
        WordStyle(TAG_TABLE, "Factsheet kenmerken", T, based_on=None,
                  table=TableLook(fill=p.box_fill, cell_margins=(1, 2.5, 1, 2.5),
                                  borders=tuple((side, Border(p.white, 4)) for side in
                                                ("top", "left", "bottom", "right",
                                                 "insideH", "insideV")))),
        WordStyle(TAG_LABEL, "Kenmerk label", P,
                  run=RunLook(size=s.small - 1.5, bold=True, caps=True, spacing=0.4,
                              color=p.muted),
                  paragraph=ParagraphLook(space_after=0, line=1.0)),
        WordStyle(TAG_VALUE, "Kenmerk waarde", P,
                  run=RunLook(size=s.small, bold=True, color=p.primary),
                  paragraph=ParagraphLook(space_after=0, line=1.05)),
        WordStyle(DATA_TABLE, "Gegevenstabel", T, based_on=None,
                  table=TableLook(cell_margins=(1.2, 0, 1.2, 3),
                                  borders=(("bottom", rule), ("insideH", rule)),
                                  header=RunLook(bold=True, color=p.primary),
                                  header_border=Border(p.primary, 1))),
        WordStyle(DATA_LABEL, "Gegevenslabel", P,
                  run=RunLook(size=s.body - 1, color=p.muted),
                  paragraph=ParagraphLook(space_after=0, line=1.1)),
        WordStyle(DATA_VALUE, "Gegevenswaarde", P,
                  run=RunLook(size=s.body - 1),
                  paragraph=ParagraphLook(space_after=0, line=1.1)),
        WordStyle(MISSING, "Niet ingevuld", C, based_on=None,
                  run=RunLook(italic=True, color=p.muted)),
        WordStyle(FACTSHEET_HEADER_MISSING, "Niet ingevuld kop", C, based_on=MISSING,
                  run=RunLook(color=p.box_fill)),
        WordStyle(CORRECTION, "Correctiemarkering", C, based_on=None,
                  run=RunLook(size=s.small - 1.5, bold=True, caps=True, color=p.accent,
                              border=Border(p.accent, 0.5, 1))),
        WordStyle(HEADER_CORRECTION, "Correctiemarkering kop", C, based_on=CORRECTION,
                  run=RunLook(color=p.box_fill, border=Border(p.box_fill, 0.5, 1))),
    )


def _lists(style: HouseStyle) -> tuple[ListDefinition, ...]:
    p = style.palette
    number = RunLook(bold=True, color=p.primary)
    return (
        ListDefinition("letters", (ListLevel("lowerLetter", "%1.", 7, 7, LISTS["ALPHA"], number),)),
        ListDefinition("romeins", (ListLevel("lowerRoman", "%1.", 8, 8, LISTS["ROMAN"], number),)),
        ListDefinition("opsomming", (ListLevel("bullet", "\u2022", 6, 6, LISTS["BULLET"], number),)),
    )


WORD_HOUSE_STYLE = word_house_style()
