"""Turn untrusted text (answers, corrections, config, narrative, file names) into text every output accepts.

Text from workbooks and hand-edited files may hold what no writer wants:
control characters (Excel's `_x000B_` from a Shift+Enter paste; Word's XML
refuses them, a terminal obeys them), characters that mean something in
Markdown when a name is inserted into the narrative, and words so long that
no line can hold them (the PDF's line breaker then takes minutes), and
characters that change what a text looks like or compares equal to without
being seen: bidi overrides (U+202E), zero-width characters and soft hyphens,
and other Unicode normalisation forms of the same letters. The read stage
cleans once, at the edge, with these functions; the writers can then trust
every string. Break opportunities are the layout's business: the PDF adds
them (`breakable`, in report.write.pdf.html), the data never holds them.
"""

from __future__ import annotations

import re
import unicodedata

MAX_ANSWER_CHARS = 10_000
LONG_RUN = 40                    # characters without a break opportunity that a factsheet line still holds
_BREAK_EVERY = 20
BREAK_OPPORTUNITY = "\u200b"     # zero width space: a line may break here, nothing is shown
# C0 controls but tab and newline (a carriage return is a line end, see read.values.as_text),
# DEL, C1 controls, non-characters.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# Invisible characters that only steer layout or direction: soft hyphen, zero-width characters, bidi
# marks, embeddings, overrides and isolates, word joiners, the byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_NARRATIVE_MARKS = re.compile("[\ue000-\ue004]")     # private-use marks report.narrative uses internally
_TERMINAL_ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|.)?")
_LONG_RUN = re.compile(rf"[^\s{BREAK_OPPORTUNITY}]{{{LONG_RUN + 1},}}")
_MARKDOWN_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def has_controls(text: str) -> bool:
    return _CONTROLS.search(text) is not None


def without_controls(text: str) -> str:
    """The text without control characters (tab and newline stay) or invisible layout and bidi marks, in NFC.

    Two IDs that look the same are then the same ("Café" typed with a
    combining accent or not), and no text shows reversed.
    """
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", _CONTROLS.sub("", text)))


def without_invisibles(text: str) -> tuple[str, list[int]]:
    """The text without invisible characters, and for each kept character its index in `text`.

    The privacy check reads what a reader would read (an e-mail address with
    a zero-width space typed inside is still one), and names the place in
    the text as typed.
    """
    kept = [index for index, char in enumerate(text) if not _INVISIBLE.match(char)]
    return "".join(text[index] for index in kept), kept


def breakable(text: str) -> str:
    """The text with a break opportunity every few characters of a run too long for a line."""
    return _LONG_RUN.sub(lambda run: BREAK_OPPORTUNITY.join(
        run[0][i:i + _BREAK_EVERY] for i in range(0, len(run[0]), _BREAK_EVERY)), text)


def markdown_literal(text: str) -> str:
    """The text as Markdown that reads back as exactly this text, on one line (for a name in a sentence)."""
    plain = _NARRATIVE_MARKS.sub("", without_controls(text))
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(plain.split()))


def for_terminal(text: str) -> str:
    """The text without escape sequences or other controls that a terminal would act on."""
    return without_controls(_TERMINAL_ESCAPES.sub("", text))
