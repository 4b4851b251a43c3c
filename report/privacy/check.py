"""The privacy check over everything the report publishes, with the team's allowed exceptions
applied, so `build` and `check` judge personal data the same way."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from report.engagement.codebook import AnswerKind, question
from report.compose import text_files
from report.engagement.folders import TEXTS_DIR
from report.model import Answer, Multi, Pilot, Problem, Severity
from report.privacy.detect import Found, find_personal_data
from report.privacy.exceptions import EXCEPTIONS_FILE, Allowed, read_exceptions

_ADVICE = f"Haal het weg, of zet het met een reden in {EXCEPTIONS_FILE} als het openbaar mag."


def privacy_problems(inputs_dir: Path, pilots: Sequence[Pilot]) -> list[Problem]:
    """Every piece of personal data in the free texts that no exception allows, as an error."""
    allowed, problems = read_exceptions(inputs_dir)
    used: set[int] = set()
    for pilot in pilots:
        for answer in pilot.answers.values():
            for what, text in _free_texts(answer):
                for found in find_personal_data(text):
                    if not _allowed(found, pilot.id, allowed, used):
                        problems.append(_answer_problem(pilot, answer, what, found))
    for file, number, line in _narrative_lines(inputs_dir):
        for found in find_personal_data(line):
            if not _allowed(found, None, allowed, used):
                problems.append(Problem(Severity.ERROR, file, f"{_named(found)} in de tekst. {_ADVICE}",
                                        cell=f"regel {number}"))
    problems += [Problem(Severity.WARNING, EXCEPTIONS_FILE,
                         f"De uitzondering '{entry.value}' komt nergens meer voor; haal haar weg.",
                         cell=f"regel {entry.line}")
                 for entry in allowed if entry.line not in used]
    return problems


def _free_texts(answer: Answer) -> Iterator[tuple[str, str]]:
    """The published free texts of an answer, each with what it is in a message."""
    if question(answer.question_id).personal:
        return
    if answer.kind is AnswerKind.TEXT and isinstance(answer.value, str):
        yield "het antwoord", answer.value
    if isinstance(answer.value, Multi) and answer.value.other:
        yield "de toelichting bij 'anders'", answer.value.other


def _narrative_lines(inputs_dir: Path) -> Iterator[tuple[str, int, str]]:
    files, _ = text_files(inputs_dir / TEXTS_DIR)      # compose reports what is wrong with the folder or a file
    for file in files:
        for number, line in enumerate(file.path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            yield file.display_name, number, line


def _allowed(found: Found, pilot: str | None, allowed: list[Allowed], used: set[int]) -> bool:
    for entry in allowed:
        if entry.allows(found.value, pilot):
            used.add(entry.line)
            return True
    return False


def _answer_problem(pilot: Pilot, answer: Answer, what: str, found: Found) -> Problem:
    source = answer.source
    return Problem(Severity.ERROR, source.file, f"Pilot {pilot.id}: {_named(found)} in {what}. {_ADVICE}",
                   sheet=source.sheet, cell=source.cell, question_id=answer.question_id)


def _named(found: Found) -> str:
    return f"{found.kind} '{found.masked}'"
