"""Turn the report into one document model: what it says, never how it looks.

Compose builds one `Document`; the DOCX and the PDF writers each turn that
same object into their format, dispatching on the block and inline types
below. Keeping every number, footnote and figure number resolved here is what
lets both outputs carry the same content in the same order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Union

from report.model import NOT_ANSWERED, SourceKind

# ---------------------------------------------------------------- provenance


@dataclass(frozen=True)
class SourceLine:
    """Where a heading or text block stands in a narrative file, as its author wrote it.

    The DOCX writer keeps it beside the block, so a reviewer's comment in the
    returned Word file leads back to the line to edit. It never changes what
    the report says, so blocks compare equal without it.
    """

    file: str        # e.g. "teksten/3-bevindingen.md"
    line: int        # 1-based, before the placeholders were filled in


def _written_at() -> "SourceLine | None":
    return field(default=None, compare=False)


def _traced() -> tuple:
    return field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Counted:
    """A computed number or list of names in a text, and the pilots it counts.

    The report never shows the pilots; the DOCX's source map and `herkomst`
    do, so "it's seven, not eight" can be checked without opening workbooks.
    """

    start: int                     # where the number stands in its Text
    end: int
    pilots: tuple[str, ...]        # pilot IDs, in the order of the pilots


@dataclass(frozen=True)
class Bar:
    """One bar of a figure (or its pilots without an answer) and the pilots it counts."""

    label: str
    count: int
    pilots: tuple[str, ...]


# ---------------------------------------------------------------- inlines


class Edit(Enum):
    """A word diff's mark on text (the client's change list): a tracked change in Word, announced by its
    value in the PDF."""

    ADDED = "toegevoegd"
    DELETED = "verwijderd"


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False
    italic: bool = False
    edit: Edit | None = None
    counted: tuple[Counted, ...] = _traced()    # the computed numbers in `text`


@dataclass(frozen=True)
class Footnote:
    """A footnote, placed where its reference stands; numbered by compose."""

    number: int
    content: tuple["Inline", ...]
    written_at: SourceLine | None = _written_at()


@dataclass(frozen=True)
class FigureRef:
    """A reference in running text to a figure, e.g. "figuur 3"."""

    key: str
    number: int
    label: str = "figuur"


@dataclass(frozen=True)
class SectionRef:
    """A reference in running text to a section, e.g. "paragraaf 2.1"."""

    key: str
    number: str
    label: str = "paragraaf"


Inline = Union[Text, Footnote, FigureRef, SectionRef]
Inlines = tuple[Inline, ...]

# ---------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Paragraph:
    content: Inlines
    written_at: SourceLine | None = _written_at()


class Numbering(Enum):
    ALPHA = "a"      # a. b. c. (findings, recommendations)
    ROMAN = "i"      # i. ii. iii. (research questions)
    BULLET = "-"


@dataclass(frozen=True)
class ListItem:
    """An item; `lead` is the bold one-line finding that opens it (may be empty)."""

    lead: Inlines
    content: Inlines
    written_at: SourceLine | None = _written_at()


@dataclass(frozen=True)
class ListBlock:
    numbering: Numbering
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class Figure:
    key: str
    number: int
    title: str
    alt_text: str
    svg: Path
    png: Path
    note: str = ""          # e.g. "Meerdere antwoorden mogelijk. n = 30 pilots."
    bars: tuple[Bar, ...] = _traced()


@dataclass(frozen=True)
class CaseBox:
    """A shaded case story, told from the legal-aid seeker's perspective."""

    title: str
    paragraphs: tuple[Paragraph, ...]
    pilot_id: str


@dataclass(frozen=True)
class InfoBox:
    """A highlighted explanation box with a source line (the 0e/1e/2e lijn box)."""

    title: str
    blocks: tuple["Block", ...]
    source: str
    written_at: SourceLine | None = _written_at()


Block = Union[Paragraph, ListBlock, Figure, CaseBox, InfoBox]

# ---------------------------------------------------------------- structure


@dataclass(frozen=True)
class Section:
    """A numbered chapter (level 1), section (2) or subsection (3)."""

    key: str
    number: str
    title: str
    level: int
    blocks: tuple[Block, ...] = ()
    children: tuple["Section", ...] = ()
    written_at: SourceLine | None = _written_at()


@dataclass(frozen=True)
class Fact:
    """One labelled value of a factsheet and where it came from, so readers can see corrections.

    `origin` None means not answered; `value` is then what the factsheet shows instead (a dash).
    """

    label: str
    value: str
    origin: SourceKind | None
    question_id: str = ""    # "B3"; "P6/P7" for the period
    correction_mark: bool = True    # compose turns the mark off (rapport.yaml; off in a definitive report)

    @property
    def missing(self) -> bool:
        return self.origin is None

    @property
    def origin_label(self) -> str:
        """"vragenlijst", "correctie", …, or "niet ingevuld"."""
        return NOT_ANSWERED if self.origin is None else self.origin.value

    @property
    def marked(self) -> bool:
        """Whether the value carries the *correctie* mark."""
        return self.origin is SourceKind.CORRECTIE and self.correction_mark


@dataclass(frozen=True)
class FactsheetSection:
    title: str
    facts: tuple[Fact, ...]
    case: CaseBox | None = None       # section d shows the case as a box below its facts


@dataclass(frozen=True)
class Factsheet:
    pilot_id: str
    title: str
    header: tuple[Fact, ...]          # programme, organisation, place, period
    tags: tuple[Fact, ...]            # theme, type, target group, status, ...
    sections: tuple[FactsheetSection, ...]   # a, b, c, d, e

    @property
    def case(self) -> CaseBox | None:
        return next((s.case for s in self.sections if s.case is not None), None)


@dataclass(frozen=True)
class Annex:
    key: str
    letter: str
    title: str
    blocks: tuple[Block, ...]
    factsheets: tuple[Factsheet, ...]
    written_at: SourceLine | None = _written_at()


@dataclass(frozen=True)
class VersionEntry:
    version: str
    date: dt.date
    change: str


@dataclass(frozen=True)
class Metadata:
    title: str
    subtitle: str
    client: str
    authors: tuple[str, ...]
    organisation: str
    date: dt.date
    version: str
    status: str                       # "concept" or "definitief"
    language: str = "nl-NL"
    subject: str = ""
    colophon_note: str = ""
    history: tuple[VersionEntry, ...] = ()

    @property
    def is_concept(self) -> bool:
        return self.status == "concept"


@dataclass(frozen=True)
class Document:
    meta: Metadata
    chapters: tuple[Section, ...]
    annexes: tuple[Annex, ...] = ()


def figures(document: Document) -> list[Figure]:
    """Every figure the document places, in reading order (in boxes too)."""
    def walk(blocks: tuple[Block, ...]) -> list[Figure]:
        found: list[Figure] = []
        for block in blocks:
            if isinstance(block, Figure):
                found.append(block)
            elif isinstance(block, InfoBox):
                found += walk(block.blocks)
        return found

    def section(part: Section) -> list[Figure]:
        return walk(part.blocks) + [figure for child in part.children for figure in section(child)]

    return [figure for chapter in document.chapters for figure in section(chapter)] + \
        [figure for annex in document.annexes for figure in walk(annex.blocks)]
