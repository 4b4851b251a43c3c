"""Turn the labelled blocks read back from a DOCX or a PDF into the content both must share.

Each reader walks its own file in reading order and labels what it finds with
a Role. Everything else is decided here once, for both: which prose counts
(the chapters and the annex's introduction, up to the first factsheet), how
it is cut into sentences, which sentences hold a number, and when two texts
are the same (whitespace, hyphenation, ligatures and soft hyphens aside). So
the two sides can differ only in what their files hold, never in the rules.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum, auto

from report.narrative.dutch import capitalise, number_word


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

# Every number the house style writes as a word, as it may open a sentence too.
_NUMBER_WORDS = frozenset(
    form for word in itertools.takewhile(lambda w: not w.isdigit(), map(number_word, itertools.count()))
    for form in (word, capitalise(word).lower()))
_LINE_END_HYPHEN = re.compile(r"[-\u2010\u00ad]\s*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
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
            parts["sentences"].extend(s for s in sentences(text) if has_number(s))
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


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part]


def has_number(sentence: str) -> bool:
    """Digits, or a number the house style writes as a word ("vier pilots")."""
    return any(c.isdigit() for c in sentence) or any(
        word in _NUMBER_WORDS for word in re.findall(r"\w+", sentence.lower()))


def ends_sentence(text: str) -> bool:
    """Whether running text stops here, or may go on (in the PDF: on the next page)."""
    return bool(_UNTIL_NOW.search(text.rstrip()))
