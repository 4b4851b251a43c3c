"""Find dates and numbers typed into the narrative that the inputs also hold.

A typed "tot eind 2022" is true until one pilot's end date moves; the
placeholder `{{ einde(...) }}` stays true. So `check` lists, as warnings,
the typed dates and numbers in `teksten/` that match a value some pilot
gave: a date answer's month ("juni 2020", "06-2020"), a date answer's year
after a word that places it in the year ("eind 2022", "medio 2023"), or a
number answer. They are candidates, not errors: the match may be a
coincidence. Placeholders, `{% set %}` lines and comments are not typed
text and are skipped, so a fact the inputs lack, set once at the top of a
text, is never a candidate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from report.engagement.codebook import AnswerKind, question
from report.model import PartialDate, Pilot, Problem, Severity
from report.narrative.limits import MAX_FILE_BYTES

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
_TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|<!--.*?-->", re.DOTALL)
_MONTH_YEAR = re.compile(rf"\b({'|'.join(_MONTHS)})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(?:(\d{1,2})-)?(\d{1,2})-((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-(\d{2})(?:-\d{2})?\b")
_PART_OF_YEAR = re.compile(r"\b(begin|eind|einde|medio|halverwege|voorjaar|zomer|najaar|winter)\s+"
                           r"((?:19|20)\d\d)\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,-])\d{1,3}(?:\.\d{3})+(?![\w,-])|(?<![\w.,-])\d+(?![\w.,-]|\.\d)")

ADVICE = "controleer of een placeholder (zoals {{ start(...) }}, {{ einde(...) }} of {{ aantal(...) }}) hier beter past"


def typed_facts(files: Sequence[tuple[str, Path]], pilots: Sequence[Pilot]) -> list[Problem]:
    """A warning per typed date or number in the texts (display name, path) that a pilot's answer holds."""
    held = _Held(pilots)
    problems = []
    for display_name, path in files:
        for number, line in _typed_lines(path):
            for typed, what in held.matches(line):
                problems.append(Problem(
                    Severity.WARNING, display_name,
                    f"'{typed}' staat er getypt, maar volgt ook uit de invoer ({what}); {ADVICE}.",
                    cell=f"regel {number}"))
    return problems


def _typed_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The file's lines with placeholders, statements and comments blanked out (lines keep their number)."""
    with path.open("rb") as stream:
        text = stream.read(MAX_FILE_BYTES).decode("utf-8", errors="replace")
    typed = _TEMPLATE_CODE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    yield from enumerate(typed.splitlines(), start=1)


class _Held:
    """The dates and numbers the pilots' answers hold, each with the question it answers."""

    def __init__(self, pilots: Sequence[Pilot]):
        self.months: dict[tuple[int, int], str] = {}
        self.years: dict[int, str] = {}
        self.numbers: dict[int, str] = {}
        for pilot in pilots:
            for answer in pilot.answers.values():
                q = question(answer.question_id)
                value = answer.value
                if q.kind is AnswerKind.DATE and isinstance(value, PartialDate):
                    what = f"{q.short_label} bij {pilot.name}"
                    self.months.setdefault((value.year, value.month), what)
                    self.years.setdefault(value.year, what)
                elif q.kind is AnswerKind.NUMBER and isinstance(value, int):
                    self.numbers.setdefault(value, f"{q.short_label} bij {pilot.name}")

    def matches(self, line: str) -> Iterator[tuple[str, str]]:
        taken: list[tuple[int, int]] = []
        for match in _MONTH_YEAR.finditer(line):
            taken.append(match.span())
            month = _MONTHS.index(match.group(1).lower()) + 1
            if (found := self.months.get((int(match.group(2)), month))) is not None:
                yield match.group(0), found
        for match in _NUMERIC_DATE.finditer(line):
            taken.append(match.span())
            year, month = (match.group(3), match.group(2)) if match.group(3) else (match.group(4), match.group(5))
            if (found := self.months.get((int(year), int(month)))) is not None:
                yield match.group(0), found
        for match in _PART_OF_YEAR.finditer(line):
            taken.append(match.span())
            if (found := self.years.get(int(match.group(2)))) is not None:
                yield match.group(0), found
        for match in _NUMBER.finditer(line):
            if any(start <= match.start() < end for start, end in taken):
                continue
            if (found := self.numbers.get(int(match.group(0).replace(".", "")))) is not None:
                yield match.group(0), found
