"""Turn numbers, lists and dates into Dutch as a report writes them.

The house rule: words up to twenty and for round tens and hundreds ("negen
pilots", "dertig"), digits for other larger numbers ("21 pilots"), a number
opening a sentence always in words ("Eenentwintig"), and singular or plural
to match ("één pilot"). The narrative's placeholders
and the factsheets both phrase through here, so a number reads the same
everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

from report.model import PartialDate

LOCALE = "nl_NL"

_WORDS = (
    "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
    "negentien", "twintig",
)
_TENS = ("", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")


def _check_count(n: object) -> None:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"verwacht een aantal (heel getal, 0 of meer), niet {n!r}")


def number_word(n: int) -> str:
    """"negen", "twintig", "dertig"; "21" and other larger numbers in digits, as house style writes them."""
    _check_count(n)
    round_number = (n <= 100 and n % 10 == 0) or (n <= 1000 and n % 100 == 0)
    return spelled(n) if n < len(_WORDS) or round_number else str(n)


def spelled(n: int) -> str:
    """Any count written out ("eenentwintig", "tweeëndertig"), for a number that opens a sentence.

    Written here rather than taken from num2words, whose Dutch joins "honderdéén"
    with the stressed form and which would bring docopt along for a dozen lines.
    """
    _check_count(n)
    if n < len(_WORDS):
        return _WORDS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        if not unit:
            return _TENS[tens]
        head = "een" if unit == 1 else _WORDS[unit]
        return head + ("ën" if head.endswith("e") else "en") + _TENS[tens]
    for size, name in ((1000, "duizend"), (100, "honderd")):
        if n >= size:
            many, rest = divmod(n, size)
            return ("" if many == 1 else _compound(many)) + name + (_compound(rest) if rest else "")
    raise AssertionError(n)    # unreachable: 100 and more has a size above


def _compound(n: int) -> str:
    """A count inside a longer number: "een", not "één" ("honderdeen")."""
    return "een" if n == 1 else spelled(n)


def capitalise(text: str) -> str:
    """Capitalise for a sentence start; "één" becomes "Eén", as Dutch spelling wants."""
    if text.startswith("éé"):
        return "Eé" + text[2:]
    return text[:1].upper() + text[1:]


# Words that carry a count in this module's phrasing: the number words (also
# capitalised, as they open sentences) and the words of the share phrases.
COUNT_WORDS = frozenset(
    {form.casefold() for n in range(1000) for form in (spelled(n), capitalise(spelled(n)))}
    | {"helft", "meerderheid", "minderheid", "alle", "geen"}
)
_DIGITS = re.compile(r"^\d[\d.,]*$")
_WORD = re.compile(r"[\w.,]+")
# A sentence ends at . ! or ? followed by a space and a capital, digit or opening mark.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÝÉ0-9(‘“\"'])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s]


def count_words(sentence: str) -> tuple[str, ...]:
    """The words of a sentence that a changed answer can change: digits and count words."""
    words = (w.strip(".,") for w in _WORD.findall(sentence))
    return tuple(w.casefold() for w in words if w and (_DIGITS.match(w) or w.casefold() in COUNT_WORDS))


def counted(n: int, singular: str, plural: str, digits: bool = False) -> str:
    """"één pilot", "vier pilots", "geen pilots", "21 pilots"; the one way to phrase a count.

    `digits` writes the number as digits ("0 fouten", "1 pilot"), as terminal
    summaries and chart notes show a count.
    """
    _check_count(n)
    if digits:
        return f"{n} {singular if n == 1 else plural}"
    if n == 0:
        return f"geen {plural}"
    return f"{number_word(n)} {singular if n == 1 else plural}"


def share(part: int, whole: int, noun: str = "pilots") -> str:
    """A part of a whole in words ("ruim de helft van de pilots"), for sentences that compare.

    The bands keep the phrase honest when the data change: "ruim de helft"
    is only written while the share lies above one half and up to three fifths.
    """
    _check_count(part)
    _check_count(whole)
    if part > whole:
        raise ValueError(f"het deel ({part}) is groter dan het geheel ({whole})")
    if part == 0:
        return f"geen van de {noun}"
    if part == whole:
        return f"alle {noun}"
    if part == whole - 1 and whole >= 3:
        return f"op één na alle {noun}"
    if part >= 0.85 * whole:
        return f"bijna alle {noun}"
    return f"{_share_phrase(part, whole)} van de {noun}"


def _share_phrase(part: int, whole: int) -> str:
    if 2 * part == whole:
        return "de helft"
    fraction = part / whole
    if fraction < 0.2:
        return "een klein deel"
    if fraction < 0.4:
        return "een minderheid"
    if fraction < 0.5:
        return "bijna de helft"
    if fraction <= 0.6:
        return "ruim de helft"
    return "een ruime meerderheid"


def differs(part1: int, whole1: int, part2: int, whole2: int, margin: float = 0.2) -> bool:
    """Whether two shares differ clearly (by `margin` or more), for "geen duidelijk verschil"-sentences.

    With so few pilots per group, a smaller gap is one pilot more or less and
    should not be written up as a difference.
    """
    for part, whole in ((part1, whole1), (part2, whole2)):
        _check_count(part)
        _check_count(whole)
        if part > whole or whole == 0:
            raise ValueError(f"geen geldig aandeel: {part} van {whole}")
    return abs(part1 / whole1 - part2 / whole2) >= margin


def amount(n: int) -> str:
    """"4.820": a count as Dutch readers group digits, for tables and factsheets."""
    return format_decimal(n, locale=LOCALE)


def enumeration(items: Iterable[str], conjunction: str = "en") -> str:
    """"A, B en C" (or "A, B of C"), without the English serial comma."""
    items = list(items)
    if not items:
        raise ValueError("een opsomming zonder onderdelen")
    return format_list(items, style="or" if conjunction == "of" else "standard", locale=LOCALE)


def month_year(date: PartialDate | dt.date) -> str:
    """"maart 2021": the precision every pilot period is known to."""
    return format_date(dt.date(date.year, date.month, 1), "MMMM y", locale=LOCALE)


def long_date(date: dt.date) -> str:
    """"30 september 2022", as a colophon dates a report."""
    return format_date(date, "d MMMM y", locale=LOCALE)


def period(start: PartialDate | None, end: PartialDate | None) -> str | None:
    """"maart 2021 – december 2022"; an open side reads "onbekend"; None when both are."""
    if start is None and end is None:
        return None
    return " – ".join(month_year(d) if d else "onbekend" for d in (start, end))


def slugify(text: str) -> str:
    """"Stelselvernieuwing in beeld" -> "stelselvernieuwing-in-beeld", for file names and keys."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")

