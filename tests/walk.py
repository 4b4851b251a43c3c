"""Walks several test modules share: every section and sentence of a Document, every node of a PDF's tag tree."""

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
