"""Turn a Document into its outline: every heading, in reading order, with its number.

The PDF and the DOCX print the same contents page, so which headings it
holds, in which order, and how an annex is numbered are decided here once.
Each writer turns an entry's (kind, key) into its own link target; the DOCX
writer also names its bookmarks from the full outline. An annex is a
"section" here: the text refers to it with a SectionRef ("bijlage A"), so
annexes and sections share one namespace of keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from report.document import Annex, Document, Figure, Section

TOC_DEPTH = 2   # chapters, sections, annexes and factsheets

EntryKind = Literal["section", "factsheet"]


@dataclass(frozen=True)
class OutlineEntry:
    """One heading; `number` is "2.1", "Bijlage A", or "" for a factsheet."""

    level: int
    number: str
    title: str
    kind: EntryKind
    key: str
    annex: bool = False

    @property
    def numbered(self) -> bool:
        """A chapter or section, whose number a writer may set apart (Word numbers it itself);
        an annex carries its label in its title line, a factsheet has none."""
        return self.kind == "section" and not self.annex


def annex_number(annex: Annex) -> str:
    return f"Bijlage {annex.letter}"


def outline(document: Document, depth: int | None = TOC_DEPTH) -> list[OutlineEntry]:
    """The headings down to `depth` (all of them for None), as a contents page lists them."""
    entries = [entry for chapter in document.chapters for entry in _sections(chapter)]
    for annex in document.annexes:
        entries.append(OutlineEntry(1, annex_number(annex), annex.title, "section", annex.key,
                                    annex=True))
        entries.extend(OutlineEntry(2, "", sheet.title, "factsheet", sheet.pilot_id)
                       for sheet in annex.factsheets)
    return [entry for entry in entries if depth is None or entry.level <= depth]


def placed_figures(document: Document) -> Iterator[Figure]:
    """The figures the chapters place, in reading order."""
    def walk(section: Section) -> Iterator[Figure]:
        yield from (block for block in section.blocks if isinstance(block, Figure))
        for child in section.children:
            yield from walk(child)

    for chapter in document.chapters:
        yield from walk(chapter)


def _sections(section: Section) -> Iterator[OutlineEntry]:
    yield OutlineEntry(section.level, section.number, section.title, "section", section.key)
    for child in section.children:
        yield from _sections(child)
