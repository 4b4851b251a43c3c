"""Turn pilots into counts: distributions, cross-tabs and a small query API.

Every number in the report (figures, narrative sentences, `stats --json`) is
computed here from the pilots, so a corrected answer changes everything that
depends on it. Pure functions, no I/O. Missing answers are counted apart,
never dropped: a count that does not add up to the number of pilots must be
explainable by its "niet ingevuld" share.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Union

from report.engagement.codebook import AnswerKind, Choice, Question, all_questions, find_question, normalise
from report.engagement.active import current
from report.model import Pilot

_CHOICE_KINDS = (AnswerKind.CHOICE, AnswerKind.MULTI)


class QueryError(ValueError):
    """A question ID or code that the codebook does not know.

    Raised for the narrative's queries, which are typed by people: the
    composer turns it into a build error naming the text file and line.
    """

    def __init__(self, message: str, question_id: str | None = None, code: str | None = None):
        super().__init__(message)
        self.question_id = question_id
        self.code = code


@dataclass(frozen=True)
class Not:
    """A negated condition: the pilot's answer matches none of the given values."""

    condition: Condition


def not_(*values: str | None) -> Not:
    """`X1=not_("a")`, `X2=not_(None)` (= answered), `X3=not_("a", "b")`, for questions X1-X3 with codes a, b."""
    return Not(values[0] if len(values) == 1 else values)


Condition = Union[str, None, Iterable[Union[str, None]], Not]


@dataclass(frozen=True)
class Distribution:
    """How the pilots answered one choice question, every code listed."""

    question_id: str
    counts: dict[str, int]
    not_answered: int
    answered: int
    multi: bool

    @property
    def total(self) -> int:
        return self.answered + self.not_answered


@dataclass(frozen=True)
class CrossTab:
    """Pilots counted by the answers to two questions.

    `counts[row_code][col_code]`, codes in codebook order, with the key None
    as the last row and column: the pilots that did not answer that question.
    A pilot with several answers to a multiple-choice question counts in
    each of its codes.
    """

    row_qid: str
    col_qid: str
    counts: dict[str | None, dict[str | None, int]]
    pilots: int


def choice_question(qid: str) -> Question:
    """The codebook question for a (multiple) choice ID; QueryError otherwise."""
    q = known_question(qid)
    if q.kind not in _CHOICE_KINDS:
        raise QueryError(
            f"Vraag {q.id} ({q.short_label}) is geen (meer)keuzevraag; tellen kan alleen bij "
            f"keuzevragen: {', '.join(_choice_ids())}.",
            question_id=q.id,
        )
    return q


def known_question(qid: str) -> Question:
    q = find_question(qid)
    if q is None:
        raise QueryError(
            f"Onbekende vraag '{qid}'. Bekende keuzevragen: {', '.join(_choice_ids())}.",
            question_id=qid,
        )
    return q


def _choice_ids() -> list[str]:
    return [q.id for q in all_questions() if q.kind in _CHOICE_KINDS]


def distribution(pilots: Sequence[Pilot], qid: str) -> Distribution:
    q = choice_question(qid)
    counts = dict.fromkeys(q.codes, 0)
    not_answered = 0
    for pilot in pilots:
        codes = pilot.codes(q.id)
        if not codes:
            not_answered += 1
        for code in codes:
            counts[code] += 1
    return Distribution(
        question_id=q.id,
        counts=counts,
        not_answered=not_answered,
        answered=len(pilots) - not_answered,
        multi=q.kind is AnswerKind.MULTI,
    )


def binned_distribution(pilots: Sequence[Pilot], qid: str, classes: tuple[Choice, ...],
                        bounds: tuple[int, ...]) -> Distribution:
    """How the pilots' answers to a number question fall into classes (lower bounds `bounds`, the first 0)."""
    counts = dict.fromkeys((c.code for c in classes), 0)
    not_answered = 0
    for pilot in pilots:
        code = number_class(pilot.value(qid), classes, bounds)
        if code is None:
            not_answered += 1
        else:
            counts[code] += 1
    return Distribution(question_id=find_question(qid).id, counts=counts, not_answered=not_answered,
                        answered=len(pilots) - not_answered, multi=False)


def number_class(value: object, classes: tuple[Choice, ...], bounds: tuple[int, ...]) -> str | None:
    """The code of the class a number falls in; None for no number."""
    below = [c.code for c, low in zip(classes, bounds) if isinstance(value, int) and value >= low]
    return below[-1] if below else None


def crosstab(pilots: Sequence[Pilot], row_qid: str, col_qid: str) -> CrossTab:
    row_q, col_q = choice_question(row_qid), choice_question(col_qid)
    col_keys: tuple[str | None, ...] = (*col_q.codes, None)
    counts = {row: dict.fromkeys(col_keys, 0) for row in (*row_q.codes, None)}
    for pilot in pilots:
        for row in pilot.codes(row_q.id) or (None,):
            for col in pilot.codes(col_q.id) or (None,):
                counts[row][col] += 1
    return CrossTab(row_qid=row_q.id, col_qid=col_q.id, counts=counts, pilots=len(pilots))


def select(pilots: Iterable[Pilot], **conditions: Condition) -> list[Pilot]:
    """The pilots meeting every condition, in their given order.

    A keyword is a question ID (any case); its value a code, several codes
    (any of them matches; for a multiple-choice question, any of the pilot's
    codes), None for "not answered", or `not_(...)` for the opposite.
    Conditions are checked against the codebook before any pilot is looked at.
    """
    checks = [_compile(qid, value) for qid, value in conditions.items()]
    return [p for p in pilots if all(check(p) for check in checks)]


def count(pilots: Iterable[Pilot], **conditions: Condition) -> int:
    return len(select(pilots, **conditions))


def _compile(qid: str, condition: Condition):
    """A predicate for one condition, validated once against the codebook."""
    if isinstance(condition, Not):
        inner = _compile(qid, condition.condition)
        return lambda pilot: not inner(pilot)
    values = _values(qid, condition)
    q = known_question(qid)
    if q.kind is AnswerKind.TEXT:
        # Free labels such as the K7 cluster match as typed, case and spaces aside.
        wanted = {None if v is None else normalise(v) for v in values}
        return lambda pilot: _text_key(pilot, q.id) in wanted
    if values != {None}:
        q = choice_question(qid)
    for value in values - {None}:
        if value not in q.codes:
            raise QueryError(
                f"Onbekende code '{value}' bij vraag {q.id} ({q.short_label}). "
                f"Toegestane codes: {', '.join(q.codes)}.",
                question_id=q.id,
                code=value,
            )
    if q.kind not in _CHOICE_KINDS:
        return lambda pilot: pilot.answer(q.id) is None
    return lambda pilot: bool(values.intersection(pilot.codes(q.id) or (None,)))


def _text_key(pilot: Pilot, qid: str) -> str | None:
    value = pilot.value(qid)
    return None if value is None else normalise(str(value))


def _values(qid: str, condition: Condition) -> set[str | None]:
    if condition is None or isinstance(condition, str):
        return {condition}
    values = set(condition)
    if not values:
        raise QueryError(f"Lege lijst met codes bij vraag {qid}; noem minstens één code.", question_id=qid)
    if not all(v is None or isinstance(v, str) for v in values):
        raise QueryError(f"Bij vraag {qid} horen codes als tekst of None (niet ingevuld).", question_id=qid)
    return values


def statistics(pilots: Sequence[Pilot]) -> dict[str, Distribution]:
    """The distributions `stats` publishes, in the engagement's order (`statistiek` in rapportvorm.yaml)."""
    return {qid: distribution(pilots, qid) for qid in current().stats}


def stats_json(pilots: Sequence[Pilot]) -> dict:
    """The public JSON of `stats --json`; keys in codebook order, so the output is stable."""
    return {
        "pilots": len(pilots),
        "questions": {
            qid: {"counts": dict(d.counts), "not_answered": d.not_answered}
            for qid, d in statistics(pilots).items()
        },
    }
