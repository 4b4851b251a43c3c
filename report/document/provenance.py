"""Turn a sentence or a figure key into the computed numbers it shows and the pilots behind each.

"It's seven, not eight" should not mean opening thirty workbooks. Every
number the placeholders compute carries its pilots into the document model
(Text.counted, Figure.bars); this module finds the sentences that contain a
search text, or the figure with a key, and lists each number with its pilots
by ID and name, in Dutch, for `make_report.py herkomst`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from report.document import (
    Block, CaseBox, Counted, Document, Figure, FigureRef, Footnote, InfoBox, Inlines, ListBlock,
    Paragraph, Section, SectionRef, SourceLine, Text,
)
from report.document.outline import annex_number
from report.dutch import sentences
_INDENT = "  "


@dataclass(frozen=True)
class Sentence:
    text: str
    place: str                      # "3.1 Voortgang pilots"
    written_at: SourceLine | None
    numbers: tuple[tuple[str, tuple[str, ...]], ...]     # as shown, pilot IDs


def find_sentences(document: Document, query: str) -> list[Sentence]:
    """Every sentence of the narrative that contains `query` (case and spacing aside)."""
    wanted = " ".join(query.split()).casefold()
    found = []
    for place, written_at, inlines in _texts(document):
        text, counted = _flat(inlines)
        for start, end in _sentence_spans(text):
            sentence = text[start:end]
            if wanted and wanted in " ".join(sentence.split()).casefold():
                numbers = tuple((text[c.start:c.end], c.pilots) for c in counted
                                if start <= c.start and c.end <= end)
                found.append(Sentence(" ".join(sentence.split()), place, written_at, numbers))
    return found


def find_figure(document: Document, key: str) -> Figure | None:
    for _, block in _blocks(document):
        if isinstance(block, Figure) and block.key.casefold() == key.strip().casefold():
            return block
    return None


def figure_keys(document: Document) -> list[str]:
    return [block.key for _, block in _blocks(document) if isinstance(block, Figure)]


def pilot_names(document: Document) -> dict[str, str]:
    return {sheet.pilot_id: sheet.title for annex in document.annexes for sheet in annex.factsheets}


def format_sentences(sentences: list[Sentence], names: dict[str, str]) -> str:
    lines: list[str] = []
    for sentence in sentences:
        source = f" · {sentence.written_at.file}, regel {sentence.written_at.line}" if sentence.written_at else ""
        lines += ["" if lines else None, f"{sentence.place}{source}", f"{_INDENT}“{sentence.text}”"]
        if not sentence.numbers:
            lines.append(f"{_INDENT}Geen berekende getallen of namen in deze zin.")
        for shown, pilots in sentence.numbers:
            lines += _pilots(f"‘{shown}’", pilots, names)
    return "\n".join(line for line in lines if line is not None)


def format_figure(figure: Figure, names: dict[str, str]) -> str:
    lines = [f"Figuur {figure.number} ({figure.key}): {figure.title}"]
    for bar in figure.bars:
        lines += _pilots(f"{bar.label}: {bar.count}", bar.pilots, names)
    return "\n".join(lines)


def _pilots(heading: str, pilots: tuple[str, ...], names: dict[str, str]) -> list[str]:
    count = "geen pilots" if not pilots else ("1 pilot" if len(pilots) == 1 else f"{len(pilots)} pilots")
    lines = [f"{_INDENT}{heading} ({count})"]
    width = max((len(p) for p in pilots), default=0)
    lines += [f"{_INDENT * 2}{pilot.ljust(width)}  {names.get(pilot, '')}".rstrip() for pilot in pilots]
    return lines


# ---------------------------------------------------------------- walking the document


def _blocks(document: Document) -> Iterator[tuple[str, Block]]:
    def walk(section: Section) -> Iterator[tuple[str, Block]]:
        for block in section.blocks:
            yield f"{section.number} {section.title}", block
        for child in section.children:
            yield from walk(child)

    for chapter in document.chapters:
        yield from walk(chapter)
    for annex in document.annexes:
        yield from ((f"{annex_number(annex)} {annex.title}", block) for block in annex.blocks)


def _texts(document: Document) -> Iterator[tuple[str, SourceLine | None, Inlines]]:
    """Every run of narrative text with its place and source line, footnotes after their paragraph."""
    for place, block in _blocks(document):
        yield from _block_texts(place, block)


def _block_texts(place: str, block: Block) -> Iterator[tuple[str, SourceLine | None, Inlines]]:
    match block:
        case Paragraph(content=content, written_at=at):
            yield place, at, content
            yield from _footnotes(place, content)
        case ListBlock(items=items):
            for item in items:
                yield place, item.written_at, item.lead + (Text(" "),) + item.content
                yield from _footnotes(place, item.content)
        case InfoBox(blocks=blocks):
            for inner in blocks:
                yield from _block_texts(place, inner)
        case CaseBox(paragraphs=paragraphs):
            for paragraph in paragraphs:
                yield place, paragraph.written_at, paragraph.content


def _footnotes(place: str, inlines: Inlines) -> Iterator[tuple[str, SourceLine | None, Inlines]]:
    for inline in inlines:
        if isinstance(inline, Footnote):
            yield f"{place}, voetnoot {inline.number}", inline.written_at, inline.content


def _flat(inlines: Inlines) -> tuple[str, list[Counted]]:
    """The text as a reader reads it (footnotes apart), with the computed numbers' places in it."""
    pieces: list[str] = []
    counted: list[Counted] = []
    length = 0
    for inline in inlines:
        match inline:
            case Text(text=text):
                counted += [Counted(c.start + length, c.end + length, c.pilots) for c in inline.counted]
            case FigureRef(number=number, label=label) | SectionRef(number=number, label=label):
                text = f"{label} {number}"
            case _:
                text = ""
        pieces.append(text)
        length += len(text)
    return "".join(pieces), counted


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where each sentence (as report.dutch cuts them) stands in `text`."""
    position = 0
    for sentence in sentences(text):
        start = text.find(sentence, position)
        if start < 0:
            continue
        position = start + len(sentence)
        yield start, position

