"""Hyphenate as the house style wants: never a word with a capital letter.

In Dutch a capital inside a sentence marks a name (of a pilot, an
organisation, a place, a person) or an abbreviation, and the hyphenation
patterns do not know names ("Am-sterdam", "Di-vosa"). The rule lives in the
hyphenator WeasyPrint asks, not in the HTML: wrapping such words in spans
with `hyphens: manual` made WeasyPrint break the text after each span too
early ("Een wer-" on a half-empty line), because it splits the text that
follows an inline box against too little width.

WeasyPrint 70 builds its hyphenator as `pyphen.Pyphen(lang=…)` through the
name `pyphen` in `weasyprint.text.line_break`; `install` points that one
name at this module's namespace, leaving the pyphen package as it is.
"""

from __future__ import annotations

import types

import pyphen
from weasyprint.text import line_break


class NamesKept(pyphen.Pyphen):
    """Pyphen, offering no break in a word that holds a capital letter."""

    def positions(self, word: str) -> list:
        return [] if any(c.isupper() for c in word) else super().positions(word)


def install() -> None:
    """Let WeasyPrint's line breaking use NamesKept (idempotent)."""
    line_break.pyphen = types.SimpleNamespace(Pyphen=NamesKept, language_fallback=pyphen.language_fallback)
