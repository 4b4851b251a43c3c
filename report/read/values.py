"""Turn one raw answer (a stored cell value, or later a correction) into a typed value.

The raw value is what a person produced: text typed in any cell format, a
number, a real Excel date. Each question kind of the codebook gets one parser
that is lenient where the contract is (codes or labels, `;` or new lines,
three date spellings) and strict where a wrong guess would change a count
(whole numbers only, no unknown codes). An empty answer is `None`: not
answered, never a category.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from report.engagement.codebook import OTHER_CODE, AnswerKind, Question
from report.model import Multi, PartialDate, Value
from report.text import MAX_ANSWER_CHARS, without_controls

Raw = object  # str, int, float, bool, date, datetime, time or None


class InvalidAnswer(Exception):
    """The raw value does not fit the question; `message` is Dutch, `expected` lists what fits."""

    def __init__(self, message: str, expected: str | None = None):
        super().__init__(message)
        self.message = message
        self.expected = expected


def parse_answer(question: Question, raw: Raw) -> Value | None:
    """The typed value of `raw` for `question`; None when it is empty."""
    text_form = as_text(raw)
    if not text_form:
        return None
    if len(text_form) > MAX_ANSWER_CHARS:
        raise InvalidAnswer(f"Het antwoord is te lang ({len(text_form):,} tekens; hoogstens "
                            f"{MAX_ANSWER_CHARS:,}). Vat het samen of zet de rest in een bijlage."
                            .replace(",", "."))
    return _PARSERS[question.kind](question, raw, text_form)


def expected(question: Question) -> str:
    """What fits `question`, as messages show it: its choices, or the form of a date or number."""
    if question.choices:
        return question.allowed_text()
    return {AnswerKind.DATE: _DATE_EXPECTED, AnswerKind.NUMBER: _NUMBER_EXPECTED}.get(question.kind, "een tekst")


def as_text(raw: Raw) -> str:
    """A raw value as the person sees it, stripped; numbers without a trailing `.0`, no control characters."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "WAAR" if raw else "ONWAAR"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        text = raw.strftime("%d-%m-%Y")
        return text if raw.time() == dt.time() else f"{text} {raw.strftime('%H:%M')}"
    if isinstance(raw, dt.date):
        return raw.strftime("%d-%m-%Y")
    return without_controls(str(raw).replace("\r\n", "\n").replace("\r", "\n")).strip()


def _text(question: Question, raw: Raw, text: str) -> str:
    return text


def _choice(question: Question, raw: Raw, text: str) -> str:
    found = question.match_choice(text)
    if found is None:
        raise InvalidAnswer("Onbekend antwoord; kies één van de toegestane waarden.",
                            question.allowed_text())
    return found.code


def _multi(question: Question, raw: Raw, text: str) -> Multi:
    chosen: set[str] = set()
    others: list[str] = []
    unknown: list[str] = []
    for item in filter(None, (part.strip() for part in re.split(r"[;\n]", text))):
        found = question.match_choice(item)
        if found is not None:
            chosen.add(found.code)
            continue
        other_text = _other_text(question, item)
        if other_text is None:
            unknown.append(item)
            continue
        chosen.add(OTHER_CODE)
        if other_text and other_text not in others:
            others.append(other_text)
    if unknown:
        raise InvalidAnswer(
            "Onbekend antwoord: " + "; ".join(f"'{item}'" for item in unknown)
            + ". Scheid meerdere antwoorden met een puntkomma of zet ze op aparte regels.",
            question.allowed_text())
    codes = tuple(code for code in question.codes if code in chosen)
    return Multi(codes=codes, other="; ".join(others) or None)


def _other_text(question: Question, item: str) -> str | None:
    """The free text of `anders: tekst` (also with the label), or None if it is not that form."""
    prefix, colon, rest = item.partition(":")
    if not colon or OTHER_CODE not in question.codes:
        return None
    if question.match_choice(prefix) != question.choice(OTHER_CODE):
        return None
    return rest.strip()


_DATE_FORMS = (
    (re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"), ("day", "month", "year")),
    (re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"), ("year", "month", "day")),
    (re.compile(r"(\d{1,2})[-/.](\d{4})"), ("month", "year")),
)
_DATE_EXPECTED = "een datum als dd-mm-jjjj, jjjj-mm-dd of mm-jjjj (bijv. 15-03-2024 of 03-2024)"


def _date(question: Question, raw: Raw, text: str) -> PartialDate:
    if isinstance(raw, (dt.datetime, dt.date)):
        return PartialDate(raw.year, raw.month, raw.day)
    if isinstance(raw, str):
        for pattern, fields in _DATE_FORMS:
            match = pattern.fullmatch(text)
            if match:
                parts = dict(zip(fields, map(int, match.groups())))
                return _checked_date(parts["year"], parts["month"], parts.get("day"))
    raise InvalidAnswer("Geen geldige datum.", _DATE_EXPECTED)


def _checked_date(year: int, month: int, day: int | None) -> PartialDate:
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        raise InvalidAnswer("Deze datum bestaat niet.", _DATE_EXPECTED) from None
    return PartialDate(year, month, day)


_NUMBER_EXPECTED = "een heel getal van 0 of meer, alleen cijfers (bijv. 40)"


def _number(question: Question, raw: Raw, text: str) -> int:
    if isinstance(raw, (bool, dt.date, dt.time, dt.timedelta)):
        raise InvalidAnswer("Geen getal.", _NUMBER_EXPECTED)
    if isinstance(raw, (int, float)):
        number = raw
    elif re.fullmatch(r"[-+]?\d+", text):
        number = int(text)
    elif re.fullmatch(r"[-+]?\d*[.,]\d+", text):
        raise InvalidAnswer("Geen heel getal (schrijf alleen cijfers, zonder punt of komma).",
                            _NUMBER_EXPECTED)
    else:
        raise InvalidAnswer("Geen getal.", _NUMBER_EXPECTED)
    if number < 0:
        raise InvalidAnswer("Een aantal kan niet negatief zijn.", _NUMBER_EXPECTED)
    if isinstance(number, float) and not number.is_integer():
        raise InvalidAnswer("Geen heel getal.", _NUMBER_EXPECTED)
    return int(number)


_PARSERS: dict[AnswerKind, Callable[[Question, Raw, str], Value]] = {
    AnswerKind.TEXT: _text,
    AnswerKind.CHOICE: _choice,
    AnswerKind.MULTI: _multi,
    AnswerKind.DATE: _date,
    AnswerKind.NUMBER: _number,
}
