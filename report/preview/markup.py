"""Turn the document into the preview's markup: the web edition plus what only the writer needs to see.

Each computed number becomes a focusable mark whose description lists the
pilots it counts (as `herkomst` prints them), so hovering it or tabbing to
it answers "which seven?". Each build warning that names a narrative file
and line is shown above the block written at that line, with a link from
the warnings list; warnings about workbooks stay in the list.
"""

from __future__ import annotations

import bisect
import hashlib
import dataclasses
import re
from collections.abc import Iterator, Sequence

from markupsafe import Markup

from report.document import Block, Document, Factsheet, InfoBox, ListBlock, Paragraph, Section, SourceLine, Text
from report.document.provenance import pilot_names
from report.model import Problem
from report.preview.server import PART_PLACE
from report.write.html.markup import WebMarkup, web_macros
from report.write.pdf.html import anchor

_LINE = re.compile(r"regel (\d+)")


@dataclasses.dataclass(frozen=True)
class PlacedWarning:
    problem: Problem
    anchor: str | None        # the id of the block it stands at, or None when it has no place in the text


class PreviewMarkup(WebMarkup):
    """The page comes out as a skeleton in which each chapter and factsheet (a part) stands as an
    empty element named by the digest of its markup, with the parts in `parts` by digest: a browser
    that has a part already is not sent it again (report.preview.server.Page).

    `remembered` holds the factsheets' parts of the previous page: a save changes few of them,
    and they are most of the page. After rendering, `used` holds this page's, for the next."""

    def __init__(self, document: Document, warnings: Sequence[Problem], figure_src,
                 remembered: dict[tuple[Factsheet, int], tuple[str, str]] | None = None):
        super().__init__(figure_src)
        self._names = pilot_names(document)
        self._chapter, self._counted = "", 0
        self.warnings, self._at = _place(document, warnings)
        self._remembered = remembered or {}
        self.used: dict[tuple[Factsheet, int], tuple[str, str]] = {}
        self.parts: dict[str, str] = {}

    def factsheet(self, sheet: Factsheet, level: int = 2) -> Markup:
        part = self._remembered.get((sheet, level))
        if part is None:      # no computed numbers and no narrative lines inside
            part = _part(super().factsheet(sheet, level))
        self.used[(sheet, level)] = part
        return self._placed(part)

    def section(self, section: Section) -> Markup:
        if section.level != 1:
            return super().section(section)
        self._chapter, self._counted = section.key, 0     # ids by chapter: an edit leaves other chapters' alone
        return self._placed(_part(super().section(section)))

    def _placed(self, part: tuple[str, str]) -> Markup:
        digest, markup = part
        self.parts[digest] = markup
        return Markup(PART_PLACE).format(digest)

    def text(self, text: Text) -> Markup:
        if not text.counted:
            return super().text(text)
        pieces, position = [], 0
        for counted in text.counted:
            pieces.append(super().text(dataclasses.replace(text, text=text.text[position:counted.start], counted=())))
            self._counted += 1
            shown = super().text(dataclasses.replace(text, text=text.text[counted.start:counted.end], counted=()))
            pieces.append(web_macros().counted(shown, anchor(f"herkomst-{self._counted}", self._chapter),
                                               [(pilot, self._names.get(pilot, "")) for pilot in counted.pilots]))
            position = counted.end
        pieces.append(super().text(dataclasses.replace(text, text=text.text[position:], counted=())))
        return Markup("").join(pieces)

    def block(self, block: Block) -> Markup:
        markup = super().block(block)
        at = _written_at(block)
        messages = self._at.get(at) if at is not None else None
        if not messages:
            return markup
        return web_macros().warned(markup, _anchor(at), [m.message for m in messages])


def _written_at(block: Block) -> SourceLine | None:
    match block:
        case Paragraph(written_at=at) | InfoBox(written_at=at):
            return at
        case ListBlock(items=items) if items:
            return items[0].written_at
    return None


def _anchor(at: SourceLine) -> str:
    return "waarschuwing-" + re.sub(r"[^A-Za-z0-9]+", "-", f"{at.file}-{at.line}").strip("-")


def _place(document: Document, warnings: Sequence[Problem]) -> tuple[list[PlacedWarning], dict]:
    """Each warning with the block it belongs to: in its file, the last block starting at or before its line."""
    lines: dict[str, list[SourceLine]] = {}
    for at in _block_lines(document):
        lines.setdefault(at.file, []).append(at)
    for found in lines.values():
        found.sort(key=lambda at: at.line)
    placed, at_block = [], {}
    for problem in warnings:
        match = _LINE.fullmatch(problem.cell or "")
        candidates = lines.get(problem.file)
        if match is None or not candidates:
            placed.append(PlacedWarning(problem, None))
            continue
        index = bisect.bisect_right([at.line for at in candidates], int(match.group(1)))
        at = candidates[max(index - 1, 0)]
        at_block.setdefault(at, []).append(problem)
        placed.append(PlacedWarning(problem, _anchor(at)))
    return placed, at_block


def _block_lines(document: Document) -> Iterator[SourceLine]:
    def blocks(items: Sequence[Block]) -> Iterator[SourceLine]:
        for block in items:
            if (at := _written_at(block)) is not None:
                yield at
            if isinstance(block, InfoBox):
                yield from blocks(block.blocks)

    def section(part: Section) -> Iterator[SourceLine]:
        yield from blocks(part.blocks)
        for child in part.children:
            yield from section(child)

    for chapter in document.chapters:
        yield from section(chapter)
    for annex in document.annexes:
        yield from blocks(annex.blocks)


def _part(markup: Markup) -> tuple[str, str]:
    """The markup in a wrapper carrying its digest, so the page compares a part by its digest alone."""
    digest = hashlib.blake2b(markup.encode(), digest_size=8).hexdigest()
    return digest, str(Markup('<div class="deel" data-digest="{}">').format(digest) + markup + Markup("</div>"))
