"""Turn the correction forms the pilots returned into new entries of correcties.yaml.

Each filled-in value is judged exactly like a questionnaire answer. A value
the pilot did not change is passed over; one whose factsheet value changed
since the packet was sent, one that another correction already covers, and
two forms that disagree are listed for the team and not applied, because a
person has to decide. Entries are appended below the file's own text, so its
comments and order stay as the consultants left them; the whole file is
checked again before it replaces the old one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from report.engagement.codebook import question
from report.factcheck.form import FORM_SHEET, FormRow, NotAForm, ReturnedForm, read_form, shown_value
from report.factcheck.packets import OVERVIEW_SHEET
from report.files import write_text_atomic
from report.model import Pilot, Problem, Severity, has_errors
from report.read.corrections import read_corrections
from report.read.merge import pilot_key
from report.read.workbook import MissingSheet, UnreadableWorkbook, read_sheet
from report.read.values import InvalidAnswer, as_text, parse_answer

ROUND = "wederhoor"
NO_REASON = "Gecorrigeerd door de pilot bij de wederhoor (zonder toelichting)."
_HEADER = ("# Correcties op de antwoorden van de pilots (zie make_report.py check voor de uitleg)\n")


@dataclass(frozen=True)
class Found:
    """One returned value with where it came from: the form's file and cell."""

    form: ReturnedForm
    row: FormRow
    pilot: Pilot

    @property
    def place(self) -> str:
        return f"{self.form.path.name}, cel {self.row.cell}"


@dataclass
class Outcome:
    """What processing the returned forms did, for the Dutch report the command prints."""

    applied: list[Found] = field(default_factory=list)
    not_applied: list[tuple[Found, str]] = field(default_factory=list)
    unchanged: int = 0
    own: int = 0           # the project's own workbooks in the folder (the packets' overview), passed over
    already: int = 0       # values an earlier run already added
    forms: int = 0
    problems: list[Problem] = field(default_factory=list)


def process_returns(folder: Path, pilots: Sequence[Pilot], corrections_path: Path) -> Outcome:
    """Read every form in `folder` and append the new values to the corrections file.

    Nothing is written when any form is unreadable or holds an invalid value:
    the team corrects the form (or removes it) and runs the command again.
    """
    outcome = Outcome()
    by_key = {pilot_key(p.id): p for p in pilots}
    existing, problems = read_corrections(corrections_path)
    outcome.problems += problems
    corrected = {(pilot_key(c.pilot_id), c.answer.question_id): c.answer.value for c in existing}
    candidates: dict[tuple[str, str], list[Found]] = {}
    for path in sorted(p for p in folder.rglob("*.xlsx") if not p.name.startswith("~$")):
        form = _form(path, outcome)
        pilot = by_key.get(pilot_key(form.pilot_id)) if form else None
        if form and pilot is None:
            outcome.problems.append(_problem(path, f"Het formulier is van pilot '{form.pilot_id}', die niet "
                                                   "(meer) in de invoer staat."))
        if form is None or pilot is None:
            continue
        outcome.forms += 1
        for row in form.rows:
            _judge(Found(form, row, pilot), corrected, candidates, outcome)
    for found in candidates.values():
        if len({as_text(f.row.value) for f in found}) > 1:
            places = "; ".join(f.place for f in found)
            outcome.not_applied += [(f, f"andere waarde in een ander formulier ({places})") for f in found]
        else:
            outcome.applied.append(found[0])
    if not has_errors(outcome.problems) and outcome.applied:
        _append(corrections_path, outcome.applied, outcome)
    return outcome


def _form(path: Path, outcome: Outcome) -> ReturnedForm | None:
    """The form in `path`; None for the packets' own overview (passed over: the team may process the
    packet folder itself, where letters and factsheets are no workbooks and unreturned forms change nothing)."""
    try:
        return read_form(path)
    except NotAForm as error:
        if _is_overview(path):
            outcome.own += 1
        else:
            outcome.problems.append(_problem(path, error.message))
        return None


def _is_overview(path: Path) -> bool:
    try:
        read_sheet(path, OVERVIEW_SHEET)
    except (UnreadableWorkbook, MissingSheet):
        return False
    return True


def _judge(found: Found, corrected: dict, candidates: dict, outcome: Outcome) -> None:
    """Passes the value on as a candidate, or says why it is not one."""
    q = question(found.row.question_id)
    try:
        value = parse_answer(q, found.row.value)
    except InvalidAnswer as invalid:
        outcome.problems.append(_problem(found.form.path, invalid.message, cell=found.row.cell,
                                         question_id=q.id, found=as_text(found.row.value),
                                         expected=invalid.expected))
        return
    key = (pilot_key(found.pilot.id), q.id)
    if value is None or value == found.pilot.value(q.id) and key not in corrected:
        outcome.unchanged += 1
    elif key in corrected and corrected[key] == value:
        outcome.already += 1
    elif key in corrected:
        outcome.not_applied.append((found, "er staat al een andere correctie voor deze vraag in correcties.yaml"))
    elif shown_value(found.pilot, q.id) != found.row.sent:
        outcome.not_applied.append((found, "de waarde in de factsheet is veranderd sinds het pakket "
                                           f"werd verstuurd (nu: {shown_value(found.pilot, q.id)})"))
    else:
        candidates.setdefault(key, []).append(found)


def _append(path: Path, applied: Sequence[Found], outcome: Outcome) -> None:
    """The corrections file with the new entries below its own text, checked before it is replaced."""
    old = path.read_text(encoding="utf-8") if path.is_file() else _HEADER
    entries = "".join(_entry(found) for found in applied)
    new = old.rstrip("\n") + "\n" + entries
    check = path.with_name(f".{path.name}.controle")
    try:
        write_text_atomic(check, new)
        _, problems = read_corrections(check)
    finally:
        check.unlink(missing_ok=True)
    if has_errors(problems):
        outcome.problems += problems
        outcome.applied = []
        return
    write_text_atomic(path, new)


def _entry(found: Found) -> str:
    fields = {
        "pilot": found.pilot.id,
        "vraag": found.row.question_id,
        "waarde": as_text(found.row.value),
        "reden": found.row.reason or NO_REASON,
        "ronde": ROUND,
        "door": found.pilot.name,
    }
    lines = [f"{'- ' if index == 0 else '  '}{key}: {_quoted(value)}"
             for index, (key, value) in enumerate(fields.items())]
    return f"\n# Wederhoor: {found.form.path.name}\n" + "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """One YAML scalar in double quotes, so no colon, hash or line break changes its meaning."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=1 << 20).strip()


def _problem(path: Path, message: str, **fields) -> Problem:
    return Problem(Severity.ERROR, path.name, message, sheet=FORM_SHEET if "cell" in fields else None, **fields)
