"""A whole inputs folder: the coding sheet, merging per Pilot-ID, and the problems of linking."""

from pathlib import Path

import pytest

from report.engagement.codebook import Variant
from report.model import Severity, SourceKind
from report.read import read_inputs
from tests.workbooks import (
    with_report_type,
    answers_for, coding_for, supplement_for, write_coding, write_inputs, write_questionnaire,
)


def errors(result):
    return [p for p in result.problems if p.is_error]


def warnings(result):
    return [p for p in result.problems if p.severity is Severity.WARNING]


@pytest.fixture
def inputs(tmp_path) -> Path:
    """T001 long, T002 short with a supplement, both coded."""
    return write_inputs(tmp_path / "invoer", 2, short_every=2)


def test_valid_inputs_give_sorted_pilots_without_problems(inputs):
    result = read_inputs(inputs)
    assert result.problems == []
    assert [p.id for p in result.pilots] == ["T001", "T002"]
    assert result.workbooks == 4


def test_natural_sort_of_pilot_ids(tmp_path):
    folder = tmp_path / "vragenlijsten"
    for pilot_id in ("P10", "p2", "P1"):
        write_questionnaire(folder / f"{pilot_id}.xlsx", answers_for(pilot_id))
    write_coding(tmp_path / "codering.xlsx", [coding_for(i) for i in ("P10", "p2", "P1")])
    assert [p.id for p in read_inputs(tmp_path).pilots] == ["P1", "p2", "P10"]


def test_supplement_fills_blanks_only_and_coding_adds_k_columns(inputs):
    folder = inputs / "vragenlijsten"
    short = answers_for("T002", Variant.KORT, 1)
    del short["A1"]
    write_questionnaire(folder / "T002.xlsx", short)
    write_questionnaire(folder / "T002-aanvulling.xlsx",
                        supplement_for("T002", 1) | {"A1": "uit de aanvulling", "P2": "jenv", "E1": "observatie"})
    pilot = read_inputs(inputs).pilots[1]
    assert pilot.answer("A1").value == "uit de aanvulling"
    assert pilot.answer("A1").source.kind is SourceKind.AANVULLING
    assert pilot.answer("P2").value == short["P2"]  # the questionnaire wins over the supplement
    assert pilot.answer("P2").source.file == "vragenlijsten/T002.xlsx"
    assert pilot.answer("E1").source.file == "vragenlijsten/T002-aanvulling.xlsx"
    assert pilot.answer("K1").source.kind is SourceKind.CODERING
    assert pilot.answer("K1").source.file == "codering.xlsx"


def test_short_questionnaire_without_supplement_warns_once_with_the_missing_ids(inputs):
    (inputs / "vragenlijsten" / "T002-aanvulling.xlsx").unlink()
    result = read_inputs(inputs)
    [warning] = warnings(result)
    assert warning.file == "vragenlijsten/T002.xlsx"
    assert "A6, A8c" in warning.message and "korte vragenlijst zonder aanvulling" in warning.message


def test_unanswered_questions_are_one_warning_per_pilot(inputs):
    answers = answers_for("T001")
    for qid in ("A6", "C3", "E1"):
        del answers[qid]
    write_questionnaire(inputs / "vragenlijsten" / "T001.xlsx", answers)
    result = read_inputs(inputs)
    assert [w.message for w in warnings(result)] == [
        "Pilot 'T001': 3 vragen zijn niet beantwoord en tellen als onbekend / niet ingevuld: A6, C3, E1."]
    assert result.pilots[0].answer("A6") is None


def test_duplicate_pilot_id_between_questionnaires_and_between_supplements(inputs):
    folder = inputs / "vragenlijsten"
    write_questionnaire(folder / "T001-kopie.xlsx", answers_for(" t001 "))
    write_questionnaire(folder / "T002-aanvulling-2.xlsx", supplement_for("T002"))
    result = read_inputs(inputs)
    pairs = {frozenset({"vragenlijsten/T001.xlsx", "vragenlijsten/T001-kopie.xlsx"}): "vragenlijst",
             frozenset({"vragenlijsten/T002-aanvulling.xlsx",
                        "vragenlijsten/T002-aanvulling-2.xlsx"}): "aanvulling"}
    found = errors(result)
    assert len(found) == 2
    for error in found:
        [(pair, kind)] = [(pair, kind) for pair, kind in pairs.items() if error.file in pair]
        [other] = pair - {error.file}
        assert f"ook in {kind} {other}" in error.message
        assert error.question_id == "P0" and error.cell
    assert [p.id.upper() for p in result.pilots] == ["T001", "T002"]


def test_supplement_without_questionnaire_is_an_error(inputs):
    write_questionnaire(inputs / "vragenlijsten" / "T009-aanvulling.xlsx", supplement_for("T009"))
    [error] = errors(read_inputs(inputs))
    assert error.file == "vragenlijsten/T009-aanvulling.xlsx" and error.found == "T009"
    assert "geen vragenlijst" in error.message


def test_coding_rows_and_pilots_that_do_not_meet(inputs):
    write_coding(inputs / "codering.xlsx", [coding_for("T001"), coding_for("T999")])
    result = read_inputs(inputs)
    [error] = errors(result)
    assert (error.file, error.cell, error.found) == ("codering.xlsx", "A3", "T999")
    [warning] = warnings(result)
    assert warning.file == "codering.xlsx" and "'T002'" in warning.message


@pytest.mark.parametrize("headers", [
    None,
    ["pilot-id", "K1", "k2", "K3: type", "K4 doelgroep (indirect)", "K5", "K6", "K7"],
    [" Pilot-ID ", "K1 THEMA", "K2 Directe doelgroep", "K3 Type", "K4 Indirecte doelgroep",
     "K5 Plek in stelsel", "K6 Casus in rapport", "K7 Cluster"],
])
def test_coding_headers_by_name_or_column_id(inputs, headers):
    write_coding(inputs / "codering.xlsx", [coding_for("T001"), coding_for("T002", 1) | {"K6": "2.1"}],
                 headers=headers, title_rows=("Codering tussenrapport",))
    result = read_inputs(inputs)
    assert result.problems == []
    assert result.pilots[1].value("K6") == "2.1"
    assert result.pilots[1].answer("K1").source.cell == "B4"


def test_coding_problems(inputs):
    rows = [coding_for("T001") | {"K1": "onbekend thema", "K3": None},
            coding_for("T002"), coding_for("t002")]
    write_coding(inputs / "codering.xlsx", rows,
                 headers=["Pilot-ID", "K1 Thema", "K2", "K3", "K4", "K5", "K1 kopie"])
    result = read_inputs(inputs)
    messages = {(p.severity, p.cell, p.question_id): p for p in result.problems}
    assert "scheiden (Scheiden / familierecht)" in messages[(Severity.ERROR, "B2", "K1")].expected
    assert "twee keer" in messages[(Severity.ERROR, "G1", "K1")].message
    assert "twee keer" in messages[(Severity.ERROR, "A4", None)].message
    assert "niet gecodeerd op K3" in messages[(Severity.WARNING, "A2", None)].message
    assert "'K6 Casus in rapport' ontbreekt" in messages[(Severity.WARNING, None, "K6")].message


def test_folder_problems(tmp_path):
    assert [p.message for p in read_inputs(tmp_path / "nergens").problems] == [
        "De invoermap bestaat niet of is geen map."]
    result = read_inputs(tmp_path)
    assert {(p.file, p.is_error) for p in result.problems} == {
        ("codeboek.yaml", True), ("vragenlijsten/", True), ("codering.xlsx", True)}
    with_report_type(tmp_path)
    (tmp_path / "vragenlijsten").mkdir()
    result = read_inputs(tmp_path)
    assert {(p.file, p.is_error) for p in result.problems} == {("vragenlijsten/", True), ("codering.xlsx", True)}


def test_lock_files_and_other_files(inputs):
    folder = inputs / "vragenlijsten"
    (folder / "~$T001.xlsx").write_bytes(b"lock")
    (folder / ".verborgen.xlsx").write_bytes(b"")
    (folder / "T003.xls").write_bytes(b"oud")
    result = read_inputs(inputs)
    assert [(p.file, p.severity) for p in result.problems] == [("vragenlijsten/T003.xls", Severity.WARNING)]
    assert result.workbooks == 4


def test_an_unreadable_workbook_does_not_stop_the_others(inputs):
    (inputs / "vragenlijsten" / "T000.xlsx").write_text("geen werkboek")
    result = read_inputs(inputs)
    assert [p.file for p in errors(result)] == ["vragenlijsten/T000.xlsx"]
    assert [p.id for p in result.pilots] == ["T001", "T002"]
