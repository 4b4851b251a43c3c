"""Shorten a running header's texts so the header stays on one line, clear of the concept mark.

The body header reads "title — CONCEPT — heading": the title left, the mark
centred, the heading right-aligned. Word wraps a header whose parts do not
fit, and a long chapter or pilot name ran into the mark. Each side gets half
the text width less half the mark and a gap; a text wider than that is cut
at a word and ends in an ellipsis. Widths come from the house font's own
advance widths, so the rule holds for any name.
"""

from __future__ import annotations

import functools
import logging

from fontTools.ttLib import TTFont

from report.style import HOUSE_STYLE, HouseStyle
from report.word_template.styles import text_width_mm

ELLIPSIS = "…"
GAP_MM = 4.0
CONCEPT_MARK = "CONCEPT"        # the template's mark, in capitals (Conceptmarkering)
_MM_PER_PT = 25.4 / 72


def side_width_mm(concept: bool, style: HouseStyle = HOUSE_STYLE) -> float:
    """The room for the title or the heading on either side of the centre."""
    mark = text_mm(CONCEPT_MARK, style.sizes.small, bold=True, spacing_pt=1.6, style=style) if concept else 0.0
    return text_width_mm(style) / 2 - mark / 2 - GAP_MM


def fitted(text: str, width_mm: float, style: HouseStyle = HOUSE_STYLE) -> str:
    """`text` if it fits `width_mm` at the header's size, else its longest word-prefix with an ellipsis."""
    size = style.sizes.small
    if text_mm(text, size, style=style) <= width_mm:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        shortened = " ".join(words).rstrip(",;:–-") + ELLIPSIS
        if text_mm(shortened, size, style=style) <= width_mm:
            return shortened
    return words[0] + ELLIPSIS if words else text


def wrapped(text: str, width_mm: float, size_pt: float, bold: bool = False,
            style: HouseStyle = HOUSE_STYLE) -> list[str]:
    """`text` cut at its spaces into lines no wider than `width_mm` (a longer word stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_mm(f"{lines[-1]} {word}", size_pt, bold, style=style) <= width_mm:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def text_mm(text: str, size_pt: float, bold: bool = False, spacing_pt: float = 0.0,
            style: HouseStyle = HOUSE_STYLE) -> float:
    """The printed width of `text` in the house font."""
    units, widths = _metrics(style.fonts.bold if bold else style.fonts.regular, style)
    advance = sum(widths.get(ord(c), units // 2) for c in text)
    return (advance / units * size_pt + spacing_pt * len(text)) * _MM_PER_PT


@functools.lru_cache(maxsize=4)
def _metrics(face: str, style: HouseStyle) -> tuple[int, dict[int, int]]:
    logging.getLogger("fontTools").setLevel(logging.ERROR)     # Lato's 1970 timestamp is no news to a user
    with TTFont(style.font_path(face), lazy=True) as font:
        advances = font["hmtx"].metrics
        return font["head"].unitsPerEm, {code: advances[name][0] for code, name in font.getBestCmap().items()}
