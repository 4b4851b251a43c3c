"""Write questionnaire and coding workbooks in code, the way people fill them in.

Tests and the bench build their inputs with these functions instead of
depending on the example inputs. Keyword arguments reproduce what people do to
real workbooks: a title row above the header, labels instead of codes, extra
or doubled rows, another sheet name, formulas.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook

from report.engagement.active import loaded
from report.engagement.load import activate_folder
from report.engagement.folders import CODEBOOK_FILE, QUESTIONNAIRE_DIR, REPORT_TYPE_FILE
from report.style import PROJECT_ROOT
from report.engagement.codebook import (
    CODING_PILOT_HEADER, CODING_SHEET, coding_columns, HEADER_ANSWER, HEADER_ID, HEADER_NOTE,
    HEADER_QUESTION, QUESTIONNAIRE_SHEET, AnswerKind, Variant, questions_for, section,
)

HEADERS = (HEADER_ID, HEADER_QUESTION, HEADER_ANSWER, HEADER_NOTE)
SHEET_XML = "xl/worksheets/sheet1.xml"


class Formula(str):
    """A cell value to write as a formula (openpyxl stores no result for it)."""


EXAMPLE_INPUTS = PROJECT_ROOT / "inputs"


def _example_report_type_unless_loaded() -> None:
    """These generators write the example engagement's workbooks; a bench that imports them before any
    command loaded a report type gets the example's (the tests' conftest activates it as well)."""
    if loaded() is None:
        problems = activate_folder(EXAMPLE_INPUTS)
        assert not problems, [problem.format() for problem in problems]


_example_report_type_unless_loaded()


def answers_for(pilot_id: str, variant: Variant = Variant.LANG, index: int = 0) -> dict[str, object]:
    """A complete, valid set of answers for the questions `variant` asks; varies with `index`."""
    answers: dict[str, object] = {}
    for position, q in enumerate(questions_for(variant)):
        pick = index + position
        if q.kind is AnswerKind.CHOICE:
            answers[q.id] = q.choices[pick % len(q.choices)].code
        elif q.kind is AnswerKind.MULTI:
            first, second = q.choices[pick % len(q.choices)], q.choices[(pick + 3) % len(q.choices)]
            answers[q.id] = f"{first.code}; {second.label}"
        elif q.kind is AnswerKind.DATE:
            answers[q.id] = dt.date(2022 + pick % 3, 1 + pick % 12, 1 + pick % 28)
        elif q.kind is AnswerKind.NUMBER:
            answers[q.id] = 10 * index + position
        else:
            answers[q.id] = f"Antwoord van pilot {pilot_id} op vraag {q.id}."
    answers.update({"P0": pilot_id, "P1": f"Pilot {pilot_id}", "P8": variant.value})
    return answers


def supplement_for(pilot_id: str, index: int = 0) -> dict[str, object]:
    """The researchers' supplement of a short questionnaire: the questions it does not ask."""
    full = answers_for(pilot_id, Variant.AANVULLING, index)
    short = {q.id for q in questions_for(Variant.KORT)}
    answers = {qid: value for qid, value in full.items() if qid not in short}
    answers.update({"P0": pilot_id, "P8": Variant.AANVULLING.value})
    return answers


def write_questionnaire(
    path: Path, answers: Mapping[str, object], *, notes: Mapping[str, object] | None = None,
    title_rows: Sequence[str] = ("Vragenlijst tussenevaluatie",), headers: Sequence[str] = HEADERS,
    sheet: str = QUESTIONNAIRE_SHEET, extra_rows: Sequence[Sequence[object]] = (),
    merge_titles: bool = True,
) -> Path:
    """A questionnaire workbook with a row per question of its variant (from P8).

    Answers for IDs the variant does not ask are appended as extra rows, so
    tests can add unknown IDs the same way. Section titles sit in merged rows
    with an empty ID cell, as in the blank workbooks.
    """
    notes = notes or {}
    workbook, ws = _new_sheet(sheet, title_rows, headers)
    asked = questions_for(_variant(answers))
    current_section = None
    for q in asked:
        if q.section != current_section:
            current_section = q.section
            ws.append([section(q.section).title])
            if merge_titles:
                ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row,
                               end_column=len(headers))
        _append(ws, [q.id, q.text, answers.get(q.id), notes.get(q.id)])
    asked_ids = {q.id for q in asked}
    for qid, value in answers.items():
        if qid not in asked_ids:
            _append(ws, [qid, "", value, notes.get(qid)])
    for row in extra_rows:
        _append(ws, list(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    if path.parent.name == QUESTIONNAIRE_DIR:
        with_report_type(path.parent.parent)
    return path


def with_report_type(folder: Path) -> Path:
    """Give an inputs folder the example's report type (codeboek.yaml, rapportvorm.yaml) unless it has one:
    the generated workbooks answer the example's codebook, so a folder of them is an example engagement."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in (CODEBOOK_FILE, REPORT_TYPE_FILE):
        if not (folder / name).exists():
            shutil.copy(EXAMPLE_INPUTS / name, folder / name)
    return folder


def write_coding(path: Path, rows: Sequence[Mapping[str, object]], *,
                 headers: Sequence[str] | None = None, title_rows: Sequence[str] = (),
                 sheet: str = CODING_SHEET) -> Path:
    """A coding workbook; `rows` map "Pilot-ID" and "K1".."K7" to values.

    `headers` replaces the default header texts (same order: Pilot-ID, then
    K1..K7), to test header matching.
    """
    keys = (CODING_PILOT_HEADER,) + tuple(c.id for c in coding_columns())
    headers = tuple(headers) if headers is not None else \
        (CODING_PILOT_HEADER,) + tuple(c.header for c in coding_columns())
    workbook, ws = _new_sheet(sheet, title_rows, headers)
    for row in rows:
        _append(ws, [row.get(key) for key in keys[: len(headers)]])
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    with_report_type(path.parent)
    return path


def coding_for(pilot_id: str, index: int = 0) -> dict[str, object]:
    """A complete coding row for a pilot; varies with `index`."""
    row: dict[str, object] = {CODING_PILOT_HEADER: pilot_id}
    for position, column in enumerate(coding_columns()):
        if column.kind is AnswerKind.CHOICE:
            row[column.id] = column.choices[(index + position) % len(column.choices)].code
    row["K7"] = f"cluster {index % 4}"
    return row


def write_inputs(directory: Path, pilots: int, *, short_every: int = 5,
                 name: Callable[[int], str] | None = None) -> Path:
    """A complete, valid inputs folder: every `short_every`-th pilot short with a supplement;
    `name(n)` names pilot n (from 1) instead of "Pilot T00n"."""
    folder = directory / "vragenlijsten"
    coding = []
    for index in range(pilots):
        pilot_id = f"T{index + 1:03d}"
        short = short_every and index % short_every == short_every - 1
        variant = Variant.KORT if short else Variant.LANG
        named = {"P1": name(index + 1)} if name else {}
        write_questionnaire(folder / f"{pilot_id}.xlsx", {**answers_for(pilot_id, variant, index), **named})
        if short:
            write_questionnaire(folder / f"{pilot_id}-aanvulling.xlsx", {**supplement_for(pilot_id, index), **named})
        coding.append(coding_for(pilot_id, index))
    write_coding(directory / "codering.xlsx", coding)
    return directory


def answer_cell(path: Path, qid: str) -> str:
    """Where the factory put the answer to `qid` (column C of the row with that ID)."""
    ws = load_workbook(path).active
    row = next(cell.row for cell in ws["A"] if cell.value == qid)
    return f"C{row}"


def patch_sheet(path: Path, change: Callable[[str], str], part: str = SHEET_XML) -> Path:
    """Rewrite one XML part of a saved workbook, for cell forms openpyxl cannot write."""
    with zipfile.ZipFile(path) as source:
        parts = {info: source.read(info.filename) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts.items():
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data)
    return path


def _new_sheet(name: str, title_rows: Sequence[str], headers: Sequence[str]):
    workbook = Workbook()
    ws = workbook.active
    ws.title = name
    for title in title_rows:
        ws.append([title])
    ws.append(list(headers))
    return workbook, ws


def _variant(answers: Mapping[str, object]) -> Variant:
    try:
        return Variant(str(answers.get("P8", "")).strip().lower())
    except ValueError:
        return Variant.LANG


def _append(ws, values: list[object]) -> None:
    """Append a row; text that starts with `=` stays text, as when typed after an apostrophe."""
    ws.append(values)
    for column, value in enumerate(values, start=1):
        if isinstance(value, str) and value.startswith("=") and not isinstance(value, Formula):
            ws.cell(ws.max_row, column).data_type = "s"



LONG_NAME = "Samenwerkingsverband rechtshulp en schuldhulpverlening in de regio Noordoost nummer {}"


def long_name_inputs(directory: Path, pilots: int) -> Path:
    """Generated pilots with long names (and long words) under the example's texts and config:
    the typography rules are tested on these besides the example."""
    inputs = write_inputs(directory, pilots, name=LONG_NAME.format)
    shutil.copy(EXAMPLE_INPUTS / "rapport.yaml", inputs / "rapport.yaml")
    shutil.copytree(EXAMPLE_INPUTS / "teksten", inputs / "teksten")
    return inputs
