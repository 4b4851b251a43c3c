"""Turn answers into typed pilots, and mistakes into problems found while reading them.

A pilot is the merge of every workbook that speaks about it, so each answer
carries its source: a reader of a factsheet or a change log must be able to
tell whether a value came from the project leader, the researchers'
supplement, the coding sheet or a correction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Union

from report.engagement.codebook import AnswerKind, Role, question, role_id
from report.text import for_terminal


class SourceKind(Enum):
    """Where an answer came from: the one provenance the factsheets, worklist and change list show."""

    VRAGENLIJST = "vragenlijst"
    AANVULLING = "aanvulling"
    CODERING = "codering"
    CORRECTIE = "correctie"


NOT_ANSWERED = "niet ingevuld"      # how every output names a missing answer (capitalised in tables)


@dataclass(frozen=True)
class Source:
    """Where a value was read: file name, and sheet and cell (or line)."""

    kind: SourceKind
    file: str
    sheet: str | None = None
    cell: str | None = None

    def describe(self) -> str:
        return ", ".join(place(self.file, self.sheet, self.cell))


def place(file: str | None, sheet: str | None, cell: str | None) -> list[str]:
    """File, sheet and cell (or "regel N" where there is no sheet), as every message names them."""
    parts = [file] if file else []
    if sheet:
        parts.append(f"blad '{sheet}'")
    if cell:
        parts.append(f"cel {cell}" if sheet else cell)
    return parts


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date that may be known only to the month (contract: `mm-jjjj`)."""

    year: int
    month: int
    day: int | None = None

    def iso(self) -> str:
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class Multi:
    """A multiple-choice answer: codes in codebook order, and `anders` text."""

    codes: tuple[str, ...]
    other: str | None = None


Value = Union[str, int, PartialDate, Multi]


@dataclass(frozen=True)
class Correction:
    """Why and in which review round a consultant corrected an answer (correcties.yaml)."""

    reason: str
    round: str
    by: str | None = None


@dataclass(frozen=True)
class Answer:
    question_id: str
    value: Value
    source: Source
    note: str | None = None
    correction: Correction | None = None    # set only when source.kind is CORRECTIE

    @property
    def kind(self) -> AnswerKind:
        return question(self.question_id).kind


@dataclass
class Pilot:
    """All known answers of one pilot, by question ID (coding columns too)."""

    id: str
    answers: dict[str, Answer] = field(default_factory=dict)

    def answer(self, qid: str) -> Answer | None:
        return self.answers.get(question(qid).id)

    def value(self, qid: str) -> Value | None:
        answer = self.answer(qid)
        return None if answer is None else answer.value

    def codes(self, qid: str) -> tuple[str, ...]:
        """The codes given for a choice or multiple-choice question (empty if unanswered)."""
        value = self.value(qid)
        if value is None:
            return ()
        if isinstance(value, Multi):
            return value.codes
        return (str(value),)

    @property
    def name(self) -> str:
        return str(self.value(role_id(Role.NAME)) or self.id)


_FOUND_SHOWN = 200     # characters of a wrong value that a message repeats


class Severity(Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


class ProblemKind(Enum):
    """A warning that recurs per pilot, so a command run again and again may count it
    instead of printing every one (report.terminal.problems); the values name one and many."""

    UNANSWERED = ("pilot met onbeantwoorde vragen", "pilots met onbeantwoorde vragen")
    UNCODED = ("pilot zonder codering", "pilots zonder codering")


@dataclass(frozen=True)
class Problem:
    """A user's mistake, as a value: collected, sorted and shown together."""

    severity: Severity
    file: str
    message: str
    sheet: str | None = None
    cell: str | None = None
    question_id: str | None = None
    found: str | None = None
    expected: str | None = None
    kind: ProblemKind | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self, with_file: bool = True) -> str:
        parts = place(self.file if with_file else None, self.sheet, self.cell)
        if self.question_id:
            parts.append(f"vraag {self.question_id}")
        return ", ".join(parts)

    def format(self, with_file: bool = True) -> str:
        """One Dutch line; without the file name when printed under a heading naming it."""
        location = self.location(with_file)
        text = f"{self.severity.value.capitalize()}: {location + ': ' if location else ''}{self.message}"
        if self.found is not None:
            found = self.found if len(self.found) <= _FOUND_SHOWN else self.found[:_FOUND_SHOWN] + " …"
            text += f" Gevonden: '{found}'."
        if self.expected:
            text += f" Toegestaan: {self.expected}."
        return for_terminal(text)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)
