"""The blank and filled workbooks we hand out, opened the way a user's Excel would."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.worksheet.worksheet import Worksheet

from report.cli import main
from report.engagement.codebook import (
    HEADER_SEARCH_ROWS, AnswerKind, Question, Variant, codebook, coding_columns, question, questions, sections,
    questions_for,
)
from report.read import read_inputs
from report.model import Answer, Multi, PartialDate, Pilot, Source, SourceKind
from tests.workbooks import with_report_type
from report.workbooks import build_coding, build_questionnaire, coding_rows, save_workbook, workbook_bytes

HEADERS = ["ID", "Vraag", "Antwoord", "Toelichting"]


def _write(tmp_path: Path, *args: str) -> Worksheet:
    out = tmp_path / "uit.xlsx"
    result = CliRunner().invoke(main, [*args, "-o", str(out), "--overschrijven"])     # one file, rewritten
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


@pytest.fixture(scope="module")
def blank(tmp_path_factory) -> dict[Variant, openpyxl.Workbook]:
    folder = tmp_path_factory.mktemp("blank")
    return {v: _write(folder, "vragenlijst", "--variant", v.value) for v in Variant}


def _header(ws: Worksheet) -> int:
    for row in range(1, HEADER_SEARCH_ROWS + 1):
        values = [ws.cell(row=row, column=c).value for c in range(1, 5)]
        if values == HEADERS:
            return row
    raise AssertionError("no header row")


def _rows(ws: Worksheet) -> list[tuple[object, object, int]]:
    """(ID, Vraag text, row number) of every row below the header."""
    first = _header(ws) + 1
    return [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value, r)
            for r in range(first, ws.max_row + 1)]


def _answer_rows(ws: Worksheet) -> dict[str, int]:
    return {qid: row for qid, _, row in _rows(ws) if qid}


def _validations_on(ws: Worksheet, ref: str) -> list:
    return [dv for dv in ws.data_validations.dataValidation if ref in dv.sqref]


def _list_values(wb: openpyxl.Workbook, formula: str) -> list[str]:
    sheet, cells = formula.split("!")
    rows = wb[sheet.strip("'")][cells.replace("$", "")]
    return [row[0].value for row in rows]


@pytest.mark.parametrize("variant", list(Variant))
def test_header_sits_below_a_title_block_well_within_the_search_window(blank, variant):
    ws = blank[variant]["Vragenlijst"]
    header = _header(ws)
    assert 2 < header <= 8
    assert str(ws["A1"].value).startswith(codebook().title)
    instructions = " ".join(str(ws.cell(row=r, column=c).value)
                            for r in range(2, header) for c in range(1, 5))
    for phrase in ("kies", "puntkomma", "dd-mm-jjjj", "laat de cel dan leeg", "Antwoord"):
        assert phrase.casefold() in instructions.casefold()


@pytest.mark.parametrize("variant", list(Variant))
def test_one_row_per_question_in_codebook_order(blank, variant):
    ids = [qid for qid, _, _ in _rows(blank[variant]["Vragenlijst"]) if qid]
    assert ids == [q.id for q in questions_for(variant)]


def test_short_variant_asks_only_the_short_questions(blank):
    ids = set(_answer_rows(blank[Variant.KORT]["Vragenlijst"]))
    assert ids == {q.id for q in questions() if q.in_short}
    assert "A6" not in ids and "E1" not in ids


@pytest.mark.parametrize("variant", [Variant.LANG, Variant.KORT])
def test_section_titles_have_no_id_and_precede_their_questions(blank, variant):
    rows = _rows(blank[variant]["Vragenlijst"])
    titles = [str(text) for qid, text, _ in rows if not qid]
    asked = {q.section for q in questions_for(variant)}
    assert titles == [s.title for s in sections() if s.key in asked]
    current = None
    by_title = {s.title: s.key for s in sections()}
    for qid, text, _ in rows:
        if not qid:
            current = by_title[str(text)]
        else:
            assert question(qid).section == current


def test_question_wording_and_help_come_from_the_codebook(blank):
    ws = blank[Variant.LANG]["Vragenlijst"]
    for qid, text, _ in _rows(ws):
        if qid:
            q = question(qid)
            assert str(text).startswith(q.text)
            assert q.help in str(text)


def test_every_single_choice_answer_has_a_dropdown_with_exactly_the_labels(blank):
    wb = blank[Variant.LANG]
    ws = wb["Vragenlijst"]
    assert wb["Keuzelijsten"].sheet_state == "hidden"
    rows = _answer_rows(ws)
    choices = [q for q in questions() if q.kind is AnswerKind.CHOICE]
    assert len(choices) >= 10
    for q in choices:
        found = _validations_on(ws, f"C{rows[q.id]}")
        assert len(found) == 1, q.id
        dv = found[0]
        assert dv.type == "list" and dv.allow_blank and dv.showErrorMessage
        assert _list_values(wb, dv.formula1) == [c.label for c in q.choices], q.id


def test_multiple_choice_hint_names_every_option(blank):
    ws = blank[Variant.LANG]["Vragenlijst"]
    rows = _answer_rows(ws)
    for q in (q for q in questions() if q.kind is AnswerKind.MULTI):
        text = str(ws.cell(row=rows[q.id], column=2).value)
        assert "één of meer" in text and "eigen regel" in text
        for choice in q.choices:
            assert choice.label in text, (q.id, choice.label)
        assert not _validations_on(ws, f"C{rows[q.id]}")


def test_number_and_date_answers_are_guarded(blank):
    ws = blank[Variant.LANG]["Vragenlijst"]
    rows = _answer_rows(ws)
    (number,) = _validations_on(ws, f"C{rows['A8']}")
    assert (number.type, number.operator, number.formula1) == ("whole", "greaterThanOrEqual", "0")
    assert "heel getal" in number.error and number.errorStyle == "stop"
    for q in (q for q in questions() if q.kind is AnswerKind.DATE):
        assert ws.cell(row=rows[q.id], column=3).number_format == "dd-mm-yyyy"
        assert "dd-mm-jjjj" in str(ws.cell(row=rows[q.id], column=2).value)


def test_question_columns_are_locked_and_answer_columns_open(blank):
    ws = blank[Variant.LANG]["Vragenlijst"]
    assert ws.protection.sheet and not ws.protection.password
    assert ws.protection.formatRows is False  # rows may still be made taller
    for _, _, row in _rows(ws):
        if ws.cell(row=row, column=1).value:
            assert ws.cell(row=row, column=1).protection.locked
            assert ws.cell(row=row, column=2).protection.locked
            assert not ws.cell(row=row, column=3).protection.locked
            assert not ws.cell(row=row, column=4).protection.locked


def test_layout_widths_freeze_and_print_setup(blank):
    ws = blank[Variant.LANG]["Vragenlijst"]
    header = _header(ws)
    widths = [ws.column_dimensions[c].width for c in "ABCD"]
    assert widths[0] < 10 < 30 < min(widths[1:])
    assert ws.freeze_panes == f"A{header + 1}"
    assert ws.print_title_rows == f"${header}:${header}"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    for qid, row in _answer_rows(ws).items():
        assert ws.cell(row=row, column=2).alignment.wrap_text
        assert ws.row_dimensions[row].height >= 18, qid
    rows = _answer_rows(ws)
    assert ws.row_dimensions[rows["A9"]].height > ws.row_dimensions[rows["B1"]].height


def test_variant_and_pilot_id_are_prefilled(tmp_path):
    ws = _write(tmp_path, "vragenlijst", "--variant", "kort", "--pilot-id", "PX1")["Vragenlijst"]
    rows = _answer_rows(ws)
    assert ws.cell(row=rows["P0"], column=3).value == "PX1"
    assert ws.cell(row=rows["P8"], column=3).value == question("P8").label("kort")
    assert "Korte vragenlijst" in str(ws["A1"].value)


def test_blank_lang_has_no_pilot_id(blank):
    ws = blank[Variant.LANG]["Vragenlijst"]
    assert ws.cell(row=_answer_rows(ws)["P0"], column=3).value is None


def test_same_workbook_gives_same_bytes_with_fixed_properties(tmp_path):
    first = workbook_bytes(build_questionnaire(Variant.LANG, pilot_id="X"))
    assert workbook_bytes(build_questionnaire(Variant.LANG, pilot_id="X")) == first
    assert workbook_bytes(build_questionnaire(Variant.LANG, pilot_id="Y")) != first
    save_workbook(build_questionnaire(Variant.LANG, pilot_id="X"), tmp_path / "a.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == first
    props = openpyxl.load_workbook(tmp_path / "a.xlsx").properties
    assert props.created == props.modified == dt.datetime(2000, 1, 1)
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_filled_answers_are_written_as_typed(tmp_path):
    wb = build_questionnaire(Variant.LANG, answers={"P1": "=geen formule", "P6": dt.date(2021, 3, 1),
                                                    "A8": 40, "A9": "Divosa\nUWV"},
                             notes={"A8": "schatting"})
    save_workbook(wb, tmp_path / "v.xlsx")
    with zipfile.ZipFile(tmp_path / "v.xlsx") as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    ws = openpyxl.load_workbook(tmp_path / "v.xlsx")["Vragenlijst"]
    rows = _answer_rows(ws)
    assert ws.cell(row=rows["P6"], column=3).value == dt.datetime(2021, 3, 1)
    assert ws.cell(row=rows["A8"], column=3).value == 40
    assert ws.cell(row=rows["A8"], column=4).value == "schatting"
    assert ws.cell(row=rows["A9"], column=3).value == "Divosa\nUWV"


def test_answers_to_questions_the_variant_does_not_ask_are_refused():
    with pytest.raises(ValueError, match="E1"):
        build_questionnaire(Variant.KORT, answers={"E1": "niet in de korte lijst"})


# --- coding workbook -------------------------------------------------------------

def _pilot(pid: str, name: str, **coding: object) -> Pilot:
    answers = {"P1": Answer("P1", name, Source(SourceKind.VRAGENLIJST, "v.xlsx"))}
    for qid, value in coding.items():
        answers[qid] = Answer(qid, value, Source(SourceKind.CODERING, "codering.xlsx"))
    return Pilot(pid, answers)


def _coding_sheet(tmp_path: Path, pilots: list[Pilot]) -> tuple[openpyxl.Workbook, int]:
    save_workbook(build_coding(coding_rows(pilots)), tmp_path / "c.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "c.xlsx")
    ws = wb["Codering"]
    for row in range(1, HEADER_SEARCH_ROWS + 1):
        if ws.cell(row=row, column=1).value == "Pilot-ID":
            return wb, row
    raise AssertionError("no header row")


def test_coding_sheet_has_one_row_per_pilot_with_existing_codes_as_labels(tmp_path):
    pilots = [_pilot("A", "Eerste pilot", K1="wonen", K6="2.1"), _pilot("B", "Tweede pilot")]
    wb, header = _coding_sheet(tmp_path, pilots)
    ws = wb["Codering"]
    assert [c.value for c in ws[header]] == ["Pilot-ID", "Naam", *(q.header for q in coding_columns())]
    body = [[c.value for c in row] for row in ws.iter_rows(min_row=header + 1)]
    assert body[0][:3] == ["A", "Eerste pilot", question("K1").label("wonen")]
    assert body[0][7] == "2.1"
    assert body[1][:3] == ["B", "Tweede pilot", None]
    assert len(body) == 2
    assert ws.freeze_panes == f"C{header + 1}"
    assert ws.protection.sheet and ws.cell(row=header + 1, column=1).protection.locked
    assert not ws.cell(row=header + 1, column=3).protection.locked


def test_coding_dropdowns_cover_k1_to_k5_with_exactly_the_labels(tmp_path):
    wb, header = _coding_sheet(tmp_path, [_pilot(f"P{i}", f"Pilot {i}") for i in range(3)])
    ws = wb["Codering"]
    for col, q in enumerate(coding_columns(), start=3):
        letter = "ABCDEFGHI"[col - 1]
        found = _validations_on(ws, f"{letter}{header + 3}")
        if q.kind is AnswerKind.CHOICE:
            assert len(found) == 1 and _validations_on(ws, f"{letter}{header + 1}") == found
            assert _list_values(wb, found[0].formula1) == [c.label for c in q.choices]
        else:
            assert not found, q.id


def test_coding_rows_refuse_unknown_keys():
    with pytest.raises(ValueError, match="K9"):
        build_coding([{"Pilot-ID": "A", "K9": "x"}])


# --- round trip through the reader ---------------------------------------------

def _typed_answer(q: Question, index: int) -> object:
    """An answer as a person types it, using labels, and the value the reader should give."""
    if q.kind is AnswerKind.CHOICE:
        return q.choices[index % len(q.choices)].label
    if q.kind is AnswerKind.MULTI:
        return "\n".join(c.label for c in q.choices[:2])
    if q.kind is AnswerKind.DATE:
        return dt.date(2021, 1 + index % 12, 15)
    if q.kind is AnswerKind.NUMBER:
        return 7 + index
    return f"Antwoord op {q.id}"


def _expected(q: Question, typed: object) -> object:
    if q.kind is AnswerKind.CHOICE:
        return q.match_choice(str(typed)).code
    if q.kind is AnswerKind.MULTI:
        return Multi(tuple(c.code for c in q.choices[:2]))
    if q.kind is AnswerKind.DATE:
        return PartialDate(typed.year, typed.month, typed.day)
    return typed


def test_filled_workbooks_read_back_as_the_same_codes(tmp_path):
    typed = {q.id: _typed_answer(q, i) for i, q in enumerate(questions())}
    typed["P0"], typed["P8"] = "RT1", question("P8").label("lang")
    folder = tmp_path / "inputs" / "vragenlijsten"
    save_workbook(build_questionnaire(Variant.LANG, answers=typed), folder / "rt1.xlsx")
    coded = {q.id: _typed_answer(q, i) for i, q in enumerate(coding_columns())}
    save_workbook(build_coding([{"Pilot-ID": "RT1", "Naam": "x", **coded}]),
                  tmp_path / "inputs" / "codering.xlsx")

    result = read_inputs(with_report_type(tmp_path / "inputs"))

    assert [p.format() for p in result.problems if p.is_error] == []
    (pilot,) = result.pilots
    for q in questions() + coding_columns():
        given = typed.get(q.id, coded.get(q.id))
        assert pilot.value(q.id) == _expected(q, given), q.id


def test_codering_command_refuses_to_overwrite_the_input_file(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    existing = inputs / "codering.xlsx"
    existing.write_bytes(b"origineel")
    result = CliRunner().invoke(main, ["codering", "--inputs", str(inputs), "-o", str(existing)])
    assert result.exit_code == 1
    assert "nooit overschreven" in result.output and "Traceback" not in result.output
    assert existing.read_bytes() == b"origineel"


def test_codering_command_lists_the_pilots_and_keeps_existing_codes(tmp_path):
    inputs = with_report_type(tmp_path / "inputs")
    for pid, name in (("B2", "Tweede"), ("A1", "Eerste")):
        save_workbook(build_questionnaire(Variant.LANG, answers={"P1": name}, pilot_id=pid),
                      inputs / "vragenlijsten" / f"{pid}.xlsx")
    save_workbook(build_coding([{"Pilot-ID": "B2", "K3": "product", "K7": "online"}]),
                  inputs / "codering.xlsx")
    first = tmp_path / "codering-nieuw.xlsx"
    result = CliRunner().invoke(main, ["codering", "--inputs", str(inputs), "-o", str(first)])
    assert result.exit_code == 0, result.output
    assert "Codeerwerkboek met 2 pilots geschreven" in result.stdout
    assert "bevat fouten" not in result.stderr and "2 pilots met onbeantwoorde vragen" in result.stderr  # counted
    wb = openpyxl.load_workbook(first)
    ws = wb["Codering"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=1) if row[0].value in ("A1", "B2")]
    assert [r[:2] for r in rows] == [["A1", "Eerste"], ["B2", "Tweede"]]
    assert rows[1][4] == question("K3").label("product") and rows[1][8] == "online"
    assert rows[0][2:] == [None] * 7
    # The regenerated sheet, put in place, regenerates to the same bytes: no work is lost.
    (inputs / "codering.xlsx").write_bytes(first.read_bytes())
    again = tmp_path / "nog-eens.xlsx"
    assert CliRunner().invoke(main, ["codering", "--inputs", str(inputs), "-o", str(again)]).exit_code == 0
    assert again.read_bytes() == first.read_bytes()
