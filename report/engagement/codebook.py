"""Give the engagement's codebook one shape that every stage reads.

The questions themselves belong to the engagement (`codeboek.yaml`, loaded by
report.engagement.load); this module holds what every codebook has: answer
kinds, questionnaire variants, the roles a question can play for the
pipeline (the Pilot-ID, the pilot's name, ...), the workbook's sheet and
header names, and the lookups of the active engagement's questions. The
blank-workbook generator, the reader, the validation messages and every
label in charts and factsheets read the questions through these functions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import Enum

from report.engagement.active import current

QUESTIONNAIRE_SHEET = "Vragenlijst"
CODING_SHEET = "Codering"
HEADER_ID = "ID"
HEADER_QUESTION = "Vraag"
HEADER_ANSWER = "Antwoord"
HEADER_NOTE = "Toelichting"
CODING_PILOT_HEADER = "Pilot-ID"
HEADER_SEARCH_ROWS = 15
OTHER_CODE = "anders"
CODING_SECTION_KEY = "K"       # the coding columns' section: answered in the coding workbook


class AnswerKind(Enum):
    """How an answer is typed; decides parsing, validation and display."""

    TEXT = "tekst"
    CHOICE = "keuze"
    MULTI = "meerkeuze"
    DATE = "datum"
    NUMBER = "getal"


class Variant(Enum):
    """The kinds of questionnaire workbook (the answer to the question with role `soort-document`)."""

    LANG = "lang"
    KORT = "kort"
    AANVULLING = "aanvulling"


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


@dataclass(frozen=True)
class Section:
    key: str
    title: str


@dataclass(frozen=True)
class Question:
    """One question of the questionnaire or one column of the coding sheet."""

    id: str
    section: str
    text: str
    kind: AnswerKind
    short_label: str
    choices: tuple[Choice, ...] = ()
    in_short: bool = False
    required: bool = False
    personal: bool = False
    help: str = ""
    header: str = ""
    role: str = ""

    def choice(self, code: str) -> Choice:
        """The choice with this exact code; KeyError names the question."""
        for c in self.choices:
            if c.code == code:
                return c
        raise KeyError(f"{self.id}: onbekende code {code!r}")

    def match_choice(self, raw: str) -> Choice | None:
        """Find a choice by code or label, as people type them.

        Case-insensitive, surrounding spaces and a trailing full stop ignored.
        """
        wanted = normalise(raw)
        for c in self.choices:
            if wanted in (normalise(c.code), normalise(c.label)):
                return c
        return None

    def label(self, code: str) -> str:
        return self.choice(code).label

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.choices)

    def allowed_text(self) -> str:
        """The allowed values as a validation message shows them."""
        return "; ".join(f"{c.code} ({c.label})" for c in self.choices)


def normalise(text: str) -> str:
    return text.strip().rstrip(".").strip().casefold()


class Role:
    """What a question means to the pipeline itself, beyond being asked and shown.

    The codebook marks these questions (`rol:`), so no stage names a question ID.
    """

    PILOT_ID = "pilot-id"          # links the workbooks of one pilot (required)
    NAME = "naam"                  # the pilot's name in the report (required)
    DOCUMENT = "soort-document"    # which variant a workbook is: codes lang, kort, aanvulling (required)
    CONTACT = "contact"            # the project leader's address for the fact check
    START = "start"                # the pilot's start date: factsheet period, start() in the texts
    END = "einde"                  # the pilot's end date

    ALL = (PILOT_ID, NAME, DOCUMENT, CONTACT, START, END)
    REQUIRED = (PILOT_ID, NAME, DOCUMENT)


MULTI_HINT = (
    "Meerdere antwoorden mogelijk: zet elk antwoord op een eigen regel of "
    "scheid ze met een puntkomma. Bij 'Anders' kunt u toevoegen: 'anders: ...'."
)


@dataclass(frozen=True)
class Codebook:
    """An engagement's questionnaire and coding sheet: sections, questions, coding columns."""

    title: str                      # the blank questionnaire's default title
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    coding_section: Section
    coding_columns: tuple[Question, ...]

    @functools.cached_property
    def _by_id(self) -> dict[str, Question]:
        return {q.id.casefold(): q for q in self.questions + self.coding_columns}

    def find(self, qid: str) -> Question | None:
        return self._by_id.get(qid.strip().casefold())

    def role(self, name: str) -> Question | None:
        return next((q for q in self.questions if q.role == name), None)


def codebook() -> Codebook:
    """The active engagement's codebook."""
    return current().codebook


def questions() -> tuple[Question, ...]:
    """The questionnaire's questions, in the order the workbook asks them."""
    return codebook().questions


def coding_columns() -> tuple[Question, ...]:
    return codebook().coding_columns


def all_questions() -> tuple[Question, ...]:
    """Questions then coding columns: the order every listing of answers follows."""
    return codebook().questions + codebook().coding_columns


def sections() -> tuple[Section, ...]:
    return codebook().sections


def coding_section() -> Section:
    return codebook().coding_section


def role(name: str) -> Question | None:
    """The question playing this role (Role), or None where the codebook has none (optional roles)."""
    return codebook().role(name)


def role_id(name: str) -> str:
    """The ID of a required role's question (the loader guarantees these exist)."""
    found = role(name)
    if found is None:
        raise KeyError(f"het codeboek heeft geen vraag met rol {name!r}")
    return found.id


def question(qid: str) -> Question:
    """Look up a question or coding column by ID, as the contract matches IDs."""
    found = codebook().find(qid)
    if found is None:
        raise KeyError(qid)
    return found


def find_question(qid: str) -> Question | None:
    return codebook().find(qid)


def questions_for(variant: Variant) -> tuple[Question, ...]:
    """The questions a workbook of this variant asks.

    The short questionnaire asks the K-marked questions; a supplement is the
    researchers' completion and may hold any question, so it lists them all.
    """
    if variant is Variant.KORT:
        return tuple(q for q in questions() if q.in_short)
    return questions()


def section(key: str) -> Section:
    for s in sections() + (coding_section(),):
        if s.key == key:
            return s
    raise KeyError(key)
