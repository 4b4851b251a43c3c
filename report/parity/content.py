"""Turn the labelled blocks read back from a DOCX or a PDF into the content both must share.

Each reader walks its own file in reading order and labels what it finds with
a Role. Everything else is decided here once, for both: which prose counts
(the chapters and the annex's introduction, up to the first factsheet), how
it is cut into sentences, which sentences hold a number, and when two texts
are the same (whitespace, hyphenation, ligatures and soft hyphens aside). So
the two sides can differ only in what their files hold, never in the rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum, auto

from report.dutch import count_words, sentences


class Role(Enum):
    HEADING = auto()      # a chapter, section or annex heading, with its number
    CAPTION = auto()      # "Figuur N. Title"
    BOX_TITLE = auto()    # the title of a case box or an info box
    PROSE = auto()        # running text: paragraphs, list items, box text, figure notes
    FACTSHEET = auto()    # a factsheet's title; the first one ends the prose
    FOOTNOTE = auto()     # a footnote's text, without its number


@dataclass(frozen=True)
class Block:
    role: Role
    text: str


@dataclass(frozen=True)
class Content:
    """What a reader sees in either format, part by part, in reading order."""

    headings: tuple[str, ...]
    captions: tuple[str, ...]
    boxes: tuple[str, ...]
    footnotes: tuple[str, ...]
    factsheets: tuple[str, ...]
    sentences: tuple[str, ...]


# The parts of Content, with the Dutch name a consultant reads (plural, lower case).
PARTS = {
    "headings": "koppen",
    "captions": "figuurbijschriften",
    "boxes": "kadertitels",
    "footnotes": "voetnoten",
    "factsheets": "factsheettitels",
    "sentences": "zinnen met getallen",
}
_PART_OF = {Role.HEADING: "headings", Role.CAPTION: "captions", Role.BOX_TITLE: "boxes",
            Role.FOOTNOTE: "footnotes", Role.FACTSHEET: "factsheets"}

# pdfium marks a hyphen it takes for a word broken at the line end with U+0002
# (per character) or U+FFFE (text ranges), when the font maps that glyph to "-".
_LINE_END_HYPHEN = re.compile(r"[-\u2010\u00ad]\s*\n\s*|[\x02\ufffe]\s*")
_UNTIL_NOW = re.compile(r"[.!?:;][)'\"\u2019\u201d]*$")
_NOT_COMPARED = re.compile(r"[\s\-\u2010\u2011\u00ad]+")


def content(blocks: Iterable[Block]) -> Content:
    parts: dict[str, list[str]] = {part: [] for part in PARTS}
    in_factsheets = False
    for block in blocks:
        text = clean(block.text)
        if not text:
            continue
        in_factsheets = in_factsheets or block.role is Role.FACTSHEET
        if block.role is not Role.PROSE:
            parts[_PART_OF[block.role]].append(text)
        elif not in_factsheets:
            parts["sentences"].extend(s for s in sentences(text) if count_words(s))
    return Content(**{part: tuple(texts) for part, texts in parts.items()})


def clean(text: str) -> str:
    """Text as a reader sees it: broken words joined, soft hyphens gone, spaces single."""
    text = _LINE_END_HYPHEN.sub("", text).replace("\u00ad", "").replace("\u2010", "-")
    return " ".join(text.split())


def key(text: str) -> str:
    """What must be equal in both formats: the characters, except spacing and hyphens.

    A hyphen at a line end in the PDF may be the word's own or one hyphenation
    added, and the PDF's text cannot tell them apart, so hyphens are left out.
    """
    return _NOT_COMPARED.sub("", unicodedata.normalize("NFKC", text))


def ends_sentence(text: str) -> bool:
    """Whether running text stops here, or may go on (in the PDF: on the next page)."""
    return bool(_UNTIL_NOW.search(text.rstrip()))
