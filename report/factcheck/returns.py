"""Turn the correction forms the pilots returned into new entries of correcties.yaml.

Each filled-in value is judged exactly like a questionnaire answer. A value
the pilot did not change is passed over; one whose factsheet value changed
since the packet was sent, one that another correction already covers, and
two forms that disagree are listed for the team and not applied, because a
person has to decide. A form whose seal does not match its pilot, round and
sent values (report.factcheck.seal) is refused. Entries are appended below the
file's own text, so its comments and order stay as the consultants left them;
they are written by a YAML emitter, so no file name or reason can open an entry
of its own, and the whole file is read back and compared with what was meant
before it replaces the old one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from report.engagement.codebook import question
from report.factcheck.form import FORM_SHEET, FormRow, NotAForm, ReturnedForm, read_form, shown_value
from report.factcheck.names import folder_names
from report.factcheck.packets import OVERVIEW_SHEET
from report.factcheck.seal import MissingKey, sealed, team_key
from report.engagement.folders import EXCEL_LOCK_PREFIX
from report.files import write_text_atomic
from report.model import Pilot, Problem, Severity, has_errors
from report.read.corrections import read_corrections
from report.read.merge import PilotAnswer, pilot_key
from report.read.workbook import MissingSheet, UnreadableWorkbook, read_sheet
from report.read.values import InvalidAnswer, as_text, parse_answer
from report.text import without_controls
from report.yaml_nodes import MAX_BYTES, decode

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
    files = _returned_files(folder)
    try:                                # an empty folder needs no key: there is no seal to check
        key = team_key(corrections_path.parent, create=False) if files else b""
    except MissingKey as error:
        outcome.problems.append(Problem(Severity.ERROR, str(corrections_path.parent), str(error)))
        return outcome
    corrected = {(pilot_key(c.pilot_id), c.answer.question_id): c.answer.value for c in existing}
    candidates: dict[tuple[str, str], list[Found]] = {}
    named = {name.casefold(): pilot_id for pilot_id, name in folder_names([p.id for p in pilots]).items()}
    for path in files:
        form = _form(path, outcome)
        pilot = by_key.get(pilot_key(form.pilot_id)) if form else None
        if form and not sealed(key, form.digest, form.pilot_id, form.round, form.sent):
            outcome.problems.append(_problem(path, f"Het formulier zegt van pilot '{form.pilot_id}' te zijn, maar "
                                                   "pilot, verstuurde waarden of ronde passen niet bij het zegel "
                                                   "van het pakket: het is na het versturen veranderd of niet "
                                                   "door het team gemaakt. Vraag de pilot het formulier uit het "
                                                   "eigen pakket te gebruiken."))
            continue
        if form and pilot is None:
            outcome.problems.append(_problem(path, f"Het formulier is van pilot '{form.pilot_id}', die niet "
                                                   "(meer) in de invoer staat."))
        if form is None or pilot is None:
            continue
        _name_mismatch(path, pilot, named, outcome)
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


def _returned_files(folder: Path) -> list[Path]:
    """The workbooks in the folder: regular files only (no link, pipe or device), no Excel lock files."""
    return sorted(p for p in folder.rglob("*.xlsx")
                  if not p.name.startswith(EXCEL_LOCK_PREFIX) and not p.is_symlink() and p.is_file())


def _name_mismatch(path: Path, pilot: Pilot, named: dict[str, str], outcome: Outcome) -> None:
    """A warning when the file's name names another pilot than its content: a form sent to the wrong pilot?"""
    words = {word.casefold() for word in re.split(r"[^0-9A-Za-z_]+", path.stem) if word}
    others = sorted({named[w] for w in words if w in named and named[w] != pilot.id})
    if others and pilot.id not in {named.get(w) for w in words}:
        outcome.problems.append(Problem(
            Severity.WARNING, path.name, f"De bestandsnaam noemt pilot {', '.join(others)}, maar het formulier "
                                         f"is van pilot {pilot.id} ({pilot.name}); het is verwerkt als formulier "
                                         f"van {pilot.id}. Controleer of de pilot het goede formulier terugstuurde."))


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
    """The corrections file with the new entries below its own text, read back and compared before it is replaced.

    The file's old text is read as every YAML file is (report.yaml_nodes:
    UTF-8, UTF-16 or Windows-1252) and written back as UTF-8.
    """
    old = _old_text(path)
    if old is None:
        outcome.problems.append(Problem(Severity.ERROR, path.name, "Het bestand kan niet worden gelezen of is "
                                        "geen tekst in een bekende tekenset; sla het op als UTF-8."))
        outcome.applied = []
        return
    new = old.rstrip("\n") + "\n" + "".join(_entry(found) for found in applied)
    check = path.with_name(f".{path.name}.controle")
    try:
        write_text_atomic(check, new)
        read, problems = read_corrections(check)
    finally:
        check.unlink(missing_ok=True)
    meant = [_meant(found) for found in applied]
    if not has_errors(problems) and [_as_read(entry) for entry in read[-len(meant):]] != meant:
        problems.append(Problem(Severity.ERROR, path.name, "De nieuwe correcties lezen niet terug zoals ze "
                                "bedoeld zijn; er is niets toegevoegd. Controleer de formulieren."))
    if has_errors(problems):
        outcome.problems += problems
        outcome.applied = []
        return
    write_text_atomic(path, new)


def _old_text(path: Path) -> str | None:
    if not path.is_file():
        return _HEADER
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError:
        return None
    return decode(data) if len(data) <= MAX_BYTES else None


class _Quoted(str):
    """A value the emitter writes in double quotes: no colon, hash or line break changes its meaning."""


class _Emitter(yaml.SafeDumper):
    pass


_Emitter.add_representer(_Quoted, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", str(text), style='"'))


def _fields(found: Found) -> dict[str, str]:
    """The entry's fields as the reader will hold them: one line each, no controls."""
    fields = {
        "pilot": found.pilot.id,
        "vraag": found.row.question_id,
        "waarde": as_text(found.row.value),
        "reden": found.row.reason or NO_REASON,
        "ronde": ROUND,
        "door": found.pilot.name,
    }
    return {key: value if key == "waarde" else " ".join(without_controls(value).split())
            for key, value in fields.items()}


def _entry(found: Found) -> str:
    """One entry of correcties.yaml, emitted by PyYAML, under a comment naming the form's file."""
    entry = yaml.dump([{key: _Quoted(value) for key, value in _fields(found).items()}], Dumper=_Emitter,
                      allow_unicode=True, sort_keys=False, width=1 << 20)
    name = " ".join(without_controls(found.form.path.name).split())
    return f"\n# Wederhoor: {name}\n{entry}"


def _meant(found: Found) -> tuple:
    fields = _fields(found)
    value = parse_answer(question(found.row.question_id), found.row.value)
    return (fields["pilot"], fields["vraag"], value, fields["reden"], fields["ronde"], fields["door"])


def _as_read(entry: PilotAnswer) -> tuple:
    correction = entry.answer.correction
    return (entry.pilot_id, entry.answer.question_id, entry.answer.value, correction.reason, correction.round,
            correction.by)


def _problem(path: Path, message: str, **fields) -> Problem:
    return Problem(Severity.ERROR, path.name, message, sheet=FORM_SHEET if "cell" in fields else None, **fields)
