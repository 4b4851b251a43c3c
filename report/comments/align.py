"""Turn a narrative source paragraph and the text Word shows for it into a character map.

A tracked change says "at offset 37 of this paragraph, 'acht' became 'zeven'".
To write that into the Markdown, each character the reader saw must be traced
to the source: either to a literal character the author typed, or to the
output of a placeholder (`{{ … }}`, `{% … %}`), which is never rewritten.

The source is cut into literal stretches (Markdown markup such as `**`,
`[^1]` and a heading's `## ` dropped, so they show as the reader saw them)
and opaque stretches (placeholders). The literal stretches must then occur in
the paragraph, in order, with the placeholders' output between them. We place
them twice, as far left and as far right as they fit; a stretch that lands on
the same spot both times can only stand there, so edits inside it are safe.
Spaces compare as one space, as Word and Markdown both fold line breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPAQUE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|<!--.*?-->", re.DOTALL)
_LINE_PREFIX = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+|:::[ \t]*kader[ \t]*|"
                          r"\[\^[^\]\s]+\]:[ \t]*|>[ \t]*)?", re.MULTILINE)
_INLINE_MARKUP = re.compile(r"\*+|\[\^[^\]\s]+\]|(?<![\w])_+|_+(?![\w])|\\(?=[!-/:-@\[-`{-~])")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Literal:
    """A stretch of typed text: as the reader sees it, and where each of its characters is."""

    text: str                              # spaces folded
    spans: tuple[tuple[int, int], ...]     # per character of `text`, its [start, end) in the source


@dataclass(frozen=True)
class Opaque:
    source: str                            # the placeholder as typed, e.g. "{{ aantal(B1='ja') }}"


@dataclass(frozen=True)
class Placed:
    literal: Literal
    start: int                             # where it stands in the folded paragraph
    fixed: bool                            # it can stand nowhere else


@dataclass(frozen=True)
class Alignment:
    folded: str                            # the paragraph with spaces folded and ends trimmed
    raw_to_folded: tuple[int, ...]         # per raw offset (and one past the end)
    pieces: tuple[Literal | Opaque, ...]
    placed: tuple[Placed, ...]             # per Literal of `pieces`, in order


def segments(source: str, offset: int = 0) -> list[Literal | Opaque]:
    """The source text (starting at `offset` in its file) as literal and opaque stretches."""
    dropped = _dropped(source)
    pieces: list[Literal | Opaque] = []
    position = 0
    for match in [*_OPAQUE.finditer(source), None]:
        end = match.start() if match else len(source)
        literal = _literal(source, position, end, dropped, offset)
        if literal.text.strip():
            pieces.append(literal)
        if match:
            if not (pieces and isinstance(pieces[-1], Opaque)):
                pieces.append(Opaque(match.group()))
            else:
                pieces[-1] = Opaque(pieces[-1].source + " " + match.group())
            position = match.end()
    return pieces


def _dropped(source: str) -> set[int]:
    """Positions of markup characters the reader does not see."""
    dropped: set[int] = set()
    for pattern in (_LINE_PREFIX, _INLINE_MARKUP):
        for match in pattern.finditer(source):
            if not _inside_placeholder(source, match.start()):
                dropped.update(range(match.start(), match.end()))
    return dropped


def _inside_placeholder(source: str, index: int) -> bool:
    return any(m.start() <= index < m.end() for m in _OPAQUE.finditer(source))


def _literal(source: str, start: int, end: int, dropped: set[int], offset: int) -> Literal:
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    for index in range(start, end):
        if index in dropped:
            continue
        char = source[index]
        if char.isspace():
            if text and text[-1] == " ":
                spans[-1] = (spans[-1][0], index + 1 + offset)
                continue
            char = " "
        text.append(char)
        spans.append((index + offset, index + 1 + offset))
    return Literal("".join(text), tuple(spans))


def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """`text` with each run of spaces as one space and the ends trimmed; where each raw offset lands."""
    folded: list[str] = []
    mapping: list[int] = []
    for char in text:
        if char.isspace():
            if not folded or folded[-1] == " ":
                mapping.append(len(folded) - (1 if folded else 0))
                continue
            char = " "
        mapping.append(len(folded))
        folded.append(char)
    result = "".join(folded)
    trimmed = result.rstrip()
    mapping.append(len(trimmed))
    return trimmed, tuple(min(m, len(trimmed)) for m in mapping)


def align(paragraph: str, pieces: list[Literal | Opaque]) -> Alignment | None:
    """Where each literal stands in `paragraph`; None when the source cannot have made it."""
    folded, mapping = fold(paragraph)
    pieces = _trimmed(pieces)
    left = _place(folded, pieces)
    right = _place(folded[::-1], [_reversed(p) for p in reversed(pieces)])
    if left is None or right is None:
        return None
    right_starts = [len(folded) - start - len(literal.text) for literal, start in
                    zip([p for p in pieces if isinstance(p, Literal)], reversed(right))]
    literals = [p for p in pieces if isinstance(p, Literal)]
    placed = tuple(Placed(literal, start, start == other)
                   for literal, start, other in zip(literals, left, right_starts))
    return Alignment(folded, mapping, tuple(pieces), placed)


def _trimmed(pieces: list[Literal | Opaque]) -> list[Literal | Opaque]:
    """The outer spaces of the first and last literal dropped, as `fold` trims the paragraph."""
    pieces = list(pieces)
    if pieces and isinstance(pieces[0], Literal):
        first = pieces[0]
        cut = len(first.text) - len(first.text.lstrip())
        pieces[0] = Literal(first.text[cut:], first.spans[cut:])
    if pieces and isinstance(pieces[-1], Literal):
        last = pieces[-1]
        keep = len(last.text.rstrip())
        pieces[-1] = Literal(last.text[:keep], last.spans[:keep])
    return pieces


def _reversed(piece: Literal | Opaque) -> Literal | Opaque:
    return Literal(piece.text[::-1], piece.spans[::-1]) if isinstance(piece, Literal) else piece


def _place(text: str, pieces: list[Literal | Opaque]) -> list[int] | None:
    """Each literal as far left as it fits after the one before; None if they do not fit."""
    starts: list[int] = []
    position = 0
    for index, piece in enumerate(pieces):
        if isinstance(piece, Opaque):
            continue
        after_opaque = index > 0 and isinstance(pieces[index - 1], Opaque)
        last = index == len(pieces) - 1
        if last and after_opaque:
            start = len(text) - len(piece.text)
            if start < position or not text.endswith(piece.text):
                return None
        elif after_opaque:
            start = text.find(piece.text, position)
            if start < 0:
                return None
        else:
            start = position
            if not text.startswith(piece.text, start):
                return None
        starts.append(start)
        position = start + len(piece.text)
    if pieces and isinstance(pieces[-1], Literal) and position != len(text):
        return None
    if not pieces:
        return None if text else []
    return starts
