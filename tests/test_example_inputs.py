"""The bundled example inputs read back to exactly the example data table.

The workbooks in inputs/ are typed the way people type (labels, codes, casual
spelling, lists on separate lines, text dates, a moved header, swapped rows,
retyped IDs) and short questionnaires are completed by supplements. Reading
them must give every answer of the table, from the right source, except the
answers the example's correcties.yaml overrides, and the
read pilots must pass the same check as the table itself. The committed files
must also be what the generator writes today, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest

from report.engagement.codebook import (
    HEADER_ANSWER, HEADER_ID, HEADER_NOTE, HEADER_SEARCH_ROWS, OTHER_CODE, QUESTIONNAIRE_SHEET, AnswerKind,
    Question, Variant, find_question, normalise, question,
)
from report.model import Multi, PartialDate, SourceKind, Value
from report.model import Pilot as ReadPilot
from report.engagement.folders import CODING_FILE, CORRECTIONS_FILE, QUESTIONNAIRE_DIR
from report.read import ReadResult, read_inputs
from report.read.corrections import read_corrections
from report.read.workbook import Sheet, read_sheet
from report.workbooks import build_questionnaire
from scripts.example_data.check import check
from scripts.example_data.pilots import CODING_IDS, PILOTS, QUESTION_IDS, Pilot, load
from scripts.make_example_inputs import SUPPLEMENT_SUFFIX, write_example_inputs

INPUTS = Path(__file__).resolve().parents[1] / "inputs"
TABLE = {pilot.P0: pilot for pilot in PILOTS}


@pytest.fixture(scope="module")
def result() -> ReadResult:
    return read_inputs(INPUTS)


@pytest.fixture(scope="module")
def read(result: ReadResult) -> dict[str, ReadPilot]:
    return {pilot.id: pilot for pilot in result.pilots}


@pytest.fixture(scope="module")
def corrected() -> dict[str, dict[str, Value]]:
    """The example's corrections file: question -> new value, per Pilot-ID."""
    corrections, problems = read_corrections(INPUTS / CORRECTIONS_FILE)
    assert problems == []
    by_pilot: dict[str, dict[str, Value]] = {}
    for correction in corrections:
        by_pilot.setdefault(correction.pilot_id, {})[correction.answer.question_id] = correction.answer.value
    return by_pilot


# ---------------------------------------------------------------------------
# Table form <-> reader form
# ---------------------------------------------------------------------------

def model_value(qid: str, value: object) -> Value:
    """A table value as the reader should produce it."""
    kind = question(qid).kind
    if kind is AnswerKind.MULTI:
        given = {item if isinstance(item, str) else item[0] for item in value}
        others = [item[1] for item in value if isinstance(item, tuple)]
        return Multi(tuple(code for code in question(qid).codes if code in given), "; ".join(others) or None)
    if kind is AnswerKind.DATE:
        if match := re.fullmatch(r"(\d{2})-(\d{4})", value):
            return PartialDate(int(match[2]), int(match[1]))
        day = dt.date.fromisoformat(value)
        return PartialDate(day.year, day.month, day.day)
    return value


def table_value(value: Value | None) -> object:
    """A read value in the table's form (the inverse of `model_value`)."""
    if isinstance(value, Multi):
        return tuple((OTHER_CODE, value.other) if code == OTHER_CODE and value.other else code
                     for code in value.codes)
    if isinstance(value, PartialDate):
        return value.iso() if value.day else f"{value.month:02d}-{value.year}"
    return value


def as_record(pilot: ReadPilot) -> Pilot:
    """A read pilot as an example-data record, its supplement taken from the answers' sources."""
    values = {qid: table_value(pilot.value(qid)) for qid in (*QUESTION_IDS, *CODING_IDS)}
    supplied = tuple(qid for qid in QUESTION_IDS
                     if qid in pilot.answers and pilot.answers[qid].source.kind is SourceKind.AANVULLING)
    return Pilot(variant=values["P8"], supplement=supplied, **values)


# ---------------------------------------------------------------------------
# Reading the inputs
# ---------------------------------------------------------------------------

def test_no_errors_and_warnings_only_for_unanswered_questions(result):
    assert [p.format() for p in result.problems if p.is_error] == []
    warned = sorted(p.file for p in result.problems)
    with_gaps = sorted(f"{QUESTIONNAIRE_DIR}/{p.P0}.xlsx" for p in PILOTS
                       if any(value is None for value in p.answers().values()))
    assert warned == with_gaps


@pytest.mark.parametrize("pilot", PILOTS, ids=lambda p: p.P0)
def test_every_answer_equals_the_table_or_its_correction(read, corrected, pilot):
    table = {qid: model_value(qid, value) for qid, value in {**pilot.answers(), **pilot.coding()}.items()
             if value is not None}
    fixes = corrected.get(pilot.P0, {})
    assert all(table.get(qid) != value for qid, value in fixes.items())
    assert {qid: answer.value for qid, answer in read[pilot.P0].answers.items()} == table | fixes


@pytest.mark.parametrize("pilot", PILOTS, ids=lambda p: p.P0)
def test_every_answer_comes_from_its_workbook_and_row(read, corrected, pilot):
    sheets: dict[str, Sheet] = {}
    for qid, answer in read[pilot.P0].answers.items():
        source = answer.source
        if qid in corrected.get(pilot.P0, {}):
            assert (source.kind, source.file) == (SourceKind.CORRECTIE, CORRECTIONS_FILE)
            continue
        if qid in CODING_IDS:
            assert (source.kind, source.file) == (SourceKind.CODERING, CODING_FILE)
            continue
        stem = pilot.P0 + SUPPLEMENT_SUFFIX if qid in pilot.supplement else pilot.P0
        kind = SourceKind.AANVULLING if qid in pilot.supplement else SourceKind.VRAGENLIJST
        assert (source.kind, source.file) == (kind, f"{QUESTIONNAIRE_DIR}/{stem}.xlsx"), qid
        if source.file not in sheets:
            sheets[source.file] = read_sheet(INPUTS / source.file, source.sheet)
        row = int(re.sub(r"[A-Z]+", "", source.cell))
        assert normalise(str(sheets[source.file].cell(row, 1).value)) == qid.casefold(), qid


def test_read_pilots_pass_the_example_data_check(result):
    records = [as_record(pilot) for pilot in result.pilots]
    assert check(records) == []
    assert {record.P0: record.supplement for record in records} == {p.P0: p.supplement for p in PILOTS}


# ---------------------------------------------------------------------------
# The human touches are really in the files
# ---------------------------------------------------------------------------

def _answer_rows(sheet: Sheet) -> tuple[int, list[tuple[str, object, object]]]:
    """The header row, and (ID text, answer, note) of each row with an ID below it."""
    header, columns = next((row, {str(cell.value): col for col, cell in cells.items()})
                           for row, cells in sorted(sheet.rows.items()) if HEADER_ID in
                           {cell.value for cell in cells.values()})
    id_col, answer_col, note_col = (columns[name] for name in (HEADER_ID, HEADER_ANSWER, HEADER_NOTE))
    rows = []
    for row, cells in sorted(sheet.rows.items()):
        if row > header and id_col in cells:
            answer, note = (cells[col].value if col in cells else None for col in (answer_col, note_col))
            rows.append((str(cells[id_col].value), answer, note))
    return header, rows


@cache
def _blank_header() -> int:
    ws = build_questionnaire(Variant.LANG)[QUESTIONNAIRE_SHEET]
    return next(cell.row for (cell,) in ws.iter_rows(min_col=1, max_col=1) if cell.value == HEADER_ID)


def touches_in(sheet: Sheet) -> set[str]:
    header, rows = _answer_rows(sheet)
    found = set()
    if _blank_header() < header <= HEADER_SEARCH_ROWS:
        found.add("header moved down")
    order = [QUESTION_IDS.index(question(raw).id) for raw, _, _ in rows if find_question(raw)]
    if order != sorted(order):
        found.add("rows reordered")
    for raw_id, answer, note in rows:
        q = find_question(raw_id)
        if q is None:
            continue
        if raw_id != q.id:
            found.add("ID retyped")
        if note:
            found.add("Toelichting")
        if answer is None:
            found.add("unanswered")
            continue
        found |= _answer_touches(q, answer)
    return found


def _answer_touches(q: Question, answer: object) -> set[str]:
    kind = q.kind
    if kind is AnswerKind.CHOICE:
        if answer in q.codes and answer not in (c.label for c in q.choices):
            return {"code"}
        if any(answer != c.label and normalise(answer) == normalise(c.label) for c in q.choices):
            return {"label in other case or with full stop"}
        return {"label"}
    if kind is AnswerKind.MULTI:
        found = {"list on lines" if "\n" in answer else "list with ;" if ";" in answer else "single item"}
        if re.search(r"(?i)\banders\s*:\s*\S", answer):
            found.add("anders: tekst")
        return found
    if kind is AnswerKind.DATE:
        if isinstance(answer, dt.datetime):
            return {"Excel date"}
        forms = {"date dd-mm-jjjj": r"\d{2}-\d{2}-\d{4}", "date mm-jjjj": r"\d{2}-\d{4}"}
        return {form for form, pattern in forms.items() if re.fullmatch(pattern, answer)}
    if kind is AnswerKind.NUMBER and isinstance(answer, str):
        return {"number as text"}
    return set()


TOUCHES = ("header moved down", "rows reordered", "ID retyped", "Toelichting", "unanswered", "code",
           "label", "label in other case or with full stop", "list on lines", "list with ;", "anders: tekst",
           "Excel date", "date dd-mm-jjjj", "date mm-jjjj", "number as text")


@pytest.fixture(scope="module")
def touches() -> dict[str, set[str]]:
    return {path.name: touches_in(read_sheet(path, QUESTIONNAIRE_SHEET))
            for path in sorted((INPUTS / QUESTIONNAIRE_DIR).glob("*.xlsx"))}


@pytest.mark.parametrize("touch", TOUCHES)
def test_each_human_touch_occurs_in_some_file(touches, touch):
    assert any(touch in found for found in touches.values())


# ---------------------------------------------------------------------------
# The committed files are the generator's output
# ---------------------------------------------------------------------------

def test_regenerating_gives_the_committed_bytes(tmp_path):
    written = write_example_inputs(tmp_path, report=pytest.fail)
    names = sorted(path.relative_to(tmp_path).as_posix() for path in written)
    folder = INPUTS / QUESTIONNAIRE_DIR
    committed = sorted([f"{QUESTIONNAIRE_DIR}/{path.name}" for path in folder.glob("*.xlsx")] + [CODING_FILE])
    assert names == committed
    changed = [name for name in names if (tmp_path / name).read_bytes() != (INPUTS / name).read_bytes()]
    assert changed == [], "run: .venv/bin/python -m scripts.make_example_inputs"


def test_the_table_refuses_a_mistyped_key_naming_the_pilot(tmp_path):
    table = tmp_path / "pilots.yaml"
    table.write_text("- {variant: lang, P0: p1, P1: Een, P8: lang, K1: scheiden, K2: gemengd,\n"
                     "   K3: product, K4: rechtzoekenden, K5: eerste-lijn, B11: ja}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"p1: unknown keys \['B11'\]"):
        load(table)


def test_the_table_reads_anders_with_its_text_as_a_pair():
    with_text = [item for pilot in PILOTS for item in (pilot.A9 or ()) if isinstance(item, tuple)]
    assert ("anders", "Humanitas") in with_text
