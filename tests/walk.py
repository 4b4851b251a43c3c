"""Walks several test modules share: every section and sentence of a Document, every node of a PDF's tag tree,
the heading of a section in a DOCX."""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

from report.document import Document, Section
from report.dutch import sentences
from report.history.snapshot import paragraph_texts


def sections(chapters: tuple[Section, ...]) -> Iterator[Section]:
    """Chapters and their sections, depth first, in reading order."""
    for section in chapters:
        yield section
        yield from sections(section.children)


def narrative_sentences(document: Document) -> Iterator[str]:
    """Every sentence of the chapters' and annexes' text, as a reader reads it."""
    for section in [*sections(document.chapters), *document.annexes]:
        for text, _ in paragraph_texts(section.blocks):
            yield from sentences(text)


def struct_elements(node) -> Iterator[pikepdf.Dictionary]:
    """Every structure element below a node of the tag tree (pikepdf), depth first."""
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from struct_elements(kid)


def bookmarks(items: list) -> Iterator:
    """Every entry of a pypdf outline, nested lists flattened, in reading order."""
    for item in items:
        if isinstance(item, list):
            yield from bookmarks(item)
        else:
            yield item


def docx_heading(word, style_id: str, title: str):
    """The DOCX heading paragraph of `title`: its number is typed before a tab, so the title is the text after it."""
    return next(p for p in word.paragraphs if p.style.style_id == style_id and p.text.split("\t")[-1] == title)


def title_runs(heading) -> list:
    """The runs of a DOCX heading after its number and tab: what a reviewer selects to comment on the title."""
    runs = heading.runs
    return runs[next(i for i, r in enumerate(runs) if r.text == "\t") + 1:]
