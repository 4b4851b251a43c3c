"""Turn a Document into its outline: the headings its table of contents lists.

The PDF and the DOCX print the same contents page, so which headings it
holds, in which order, and how an annex is numbered are decided here once.
Each writer turns an entry's (kind, key) into its own link target. An annex
is a "section" here: the text refers to it with a SectionRef ("bijlage A"),
so annexes and sections share one namespace of keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from report.document import Annex, Document

TOC_DEPTH = 2   # chapters, sections, annexes and factsheets

Kind = Literal["section", "factsheet"]


@dataclass(frozen=True)
class OutlineEntry:
    """One contents line; `number` is "2.1", "Bijlage A", or "" for a factsheet."""

    level: int
    number: str
    title: str
    kind: Kind
    key: str


def annex_number(annex: Annex) -> str:
    return f"Bijlage {annex.letter}"


def outline(document: Document, depth: int = TOC_DEPTH) -> list[OutlineEntry]:
    entries = []
    for chapter in document.chapters:
        entries.extend(OutlineEntry(s.level, s.number, s.title, "section", s.key)
                       for s in (chapter, *chapter.children))
    for annex in document.annexes:
        entries.append(OutlineEntry(1, annex_number(annex), annex.title, "section", annex.key))
        entries.extend(OutlineEntry(2, "", sheet.title, "factsheet", sheet.pilot_id)
                       for sheet in annex.factsheets)
    return [entry for entry in entries if entry.level <= depth]
