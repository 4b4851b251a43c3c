"""Turn a free text into the personal data it holds: BSN, e-mail, phone, IBAN, address, date of birth.

Project leaders write what they know into their answers, names and numbers
included, and a published report must not carry them. A detector finds a
candidate by its shape and keeps it only when it passes the check that
makes it what it looks like: the 11-proef for a BSN, the checksum for an
IBAN, the Dutch numbering plan for a phone number (python-stdnum and
phonenumbers, kept up by others, rather than rules of our own).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import phonenumbers
from stdnum import iban
from stdnum.nl import bsn, postcode

from report.text import without_invisibles


@dataclass(frozen=True)
class Found:
    """One piece of personal data in a text: what kind, and where."""

    kind: str           # Dutch, as a consultant reads it: "telefoonnummer", "BSN", …
    value: str
    start: int

    @property
    def masked(self) -> str:
        return mask(self.value)


def mask(value: str) -> str:
    """The value with every letter and digit but the last two hidden: enough to find it, not to use it."""
    shown = len(value) - 2
    return "".join("•" if i < shown and char.isalnum() else char for i, char in enumerate(value))


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_BSN = re.compile(r"(?<![\w.-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[. ]\d{3}[. ]\d{3})(?![\w-]|[.,]\d)")
_IBAN = re.compile(r"(?<!\w)[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?!\w)")
_POSTCODE = re.compile(r"(?<!\w)[1-9]\d{3} ?[A-Z]{2}(?!\w)")
_HOUSE_NUMBER = re.compile(r"(?<![\d-])\d{1,5} ?[a-zA-Z]?(?:[-/]\d{1,4})?(?!\d)")
_BIRTH = re.compile(r"\b(?:geboren|geb\.|geboortedatum|geboortedag)", re.IGNORECASE)
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DATE = re.compile(rf"(?<!\d)(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)\d{{2}}|\d{{1,2}} (?:{_MONTHS}) (?:19|20)\d{{2}})",
                   re.IGNORECASE)
_PERSON = re.compile(r"\b(?:[A-Z]\.\s?)+(?:(?:van|de|der|den|ter|te|el)\s)*[A-Z][a-z]+"     # J. de Vries
                     r"|\b(?i:mevrouw|meneer|mevr\.|mw\.|dhr\.|de heer)\s+\w+")           # mevrouw Jansen
_OLD = 2010         # a year before this beside a name is a birth year, not a date of the pilots
_NEAR = 40          # characters between a postcode and its house number, or a birth word and its date


_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")     # no-break and other fixed spaces


def find_personal_data(text: str) -> list[Found]:
    """Every piece of personal data in the text, in text order, none overlapping another.

    The text is read as a reader sees it: soft hyphens, zero-width and bidi
    characters typed inside a value do not hide it, and a no-break space
    separates like a space. Each finding is the value as typed, where typed.
    The live preview checks every free text after each save, most of them
    unchanged: texts up to _MEMO_CHARS long are remembered (at most _MEMO_TEXTS).
    """
    return list(_remembered(text) if len(text) <= _MEMO_CHARS else _find(text))


_MEMO_CHARS = 2_000
_MEMO_TEXTS = 32_768


def _find(text: str) -> tuple[Found, ...]:
    seen, kept = without_invisibles(text)
    seen = _SPACES.sub(" ", seen)
    found: list[Found] = []
    for candidate in (*_emails(seen), *_ibans(seen), *_bsns(seen), *_phones(seen), *_addresses(seen),
                      *_births(seen)):
        end = candidate.start + len(candidate.value)
        if not any(f.start < end and candidate.start < f.start + len(f.value) for f in found):
            found.append(candidate)
    return tuple(sorted((_as_typed(f, text, kept) for f in found), key=lambda f: f.start))


_remembered = functools.lru_cache(maxsize=_MEMO_TEXTS)(_find)


def _as_typed(found: Found, text: str, kept: list[int]) -> Found:
    start, last = kept[found.start], kept[found.start + len(found.value) - 1]
    return Found(found.kind, text[start:last + 1], start)


def _emails(text: str) -> list[Found]:
    return [Found("e-mailadres", m[0], m.start()) for m in _EMAIL.finditer(text)]


def _ibans(text: str) -> list[Found]:
    """An IBAN, grouped or not, also when more words follow it: the longest prefix whose checksum holds."""
    found = []
    for match in _IBAN.finditer(text):
        ends = [m.end() for m in re.finditer(r"[A-Za-z0-9](?= |$)", match[0])]
        valid = next((end for end in reversed(ends) if iban.is_valid(match[0][:end].upper())), None)
        if valid is not None:
            found.append(Found("IBAN", match[0][:valid], match.start()))
    return found


def _bsns(text: str) -> list[Found]:
    return [Found("BSN", m[0], m.start()) for m in _BSN.finditer(text) if bsn.is_valid(m[0])]


def _phones(text: str) -> list[Found]:
    return [Found("telefoonnummer", m.raw_string, m.start)
            for m in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)]


def _addresses(text: str) -> list[Found]:
    """A postcode with a house number before it (street and number, postcode) or right after it."""
    found = []
    for match in _POSTCODE.finditer(text):
        if not postcode.is_valid(match[0]):
            continue
        before = text[max(0, match.start() - _NEAR):match.start()]
        after = text[match.end():match.end() + 8]
        number = list(_HOUSE_NUMBER.finditer(before))
        if number:
            start = match.start() - len(before) + number[-1].start()
            found.append(Found("adres (postcode met huisnummer)", text[start:match.end()], start))
        elif (following := _HOUSE_NUMBER.match(after.lstrip())) is not None:
            end = match.end() + (len(after) - len(after.lstrip())) + following.end()
            found.append(Found("adres (postcode met huisnummer)", text[match.start():end], match.start()))
    return found


def _births(text: str) -> list[Found]:
    """A full date near a word that says it is a birth date, or an old one near a person's name.

    The pilots ran from 2019 on, so a date long before that beside a name
    ("J. de Vries, 12-03-1975") is taken for a birth date too.
    """
    words = [m.start() for m in _BIRTH.finditer(text)]
    names = [m.start() for m in _PERSON.finditer(text)]
    return [Found("geboortedatum", m[0], m.start()) for m in _DATE.finditer(text)
            if any(abs(m.start() - word) <= _NEAR for word in words)
            or (int(m[0][-4:]) < _OLD and any(abs(m.start() - name) <= _NEAR for name in names))]
