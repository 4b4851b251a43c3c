"""One questionnaire workbook: the contract's layout rules and the problems of one file."""

import re
from pathlib import Path

from openpyxl import load_workbook

from report.engagement.codebook import Variant, find_question
from report.model import Multi, PartialDate, Severity, SourceKind
from report.read.questionnaire import read_questionnaire
from tests.workbooks import Formula, answer_cell, answers_for, patch_sheet, write_questionnaire


def read(path: Path):
    return read_questionnaire(path, path.name)


def only(problems, severity=Severity.ERROR):
    return [p for p in problems if p.severity is severity]


def test_complete_long_questionnaire_reads_every_answer_with_its_cell(tmp_path):
    answers = answers_for("P07", Variant.LANG)
    path = write_questionnaire(tmp_path / "p07.xlsx", answers, notes={"A8": "Schatting per maand"})
    questionnaire, problems = read(path)
    assert problems == []
    assert questionnaire.pilot_id == "P07" and questionnaire.variant is Variant.LANG
    assert set(questionnaire.answers) == set(answers)
    a8 = questionnaire.answers["A8"]
    assert a8.value == answers["A8"] and a8.note == "Schatting per maand"
    assert a8.source.kind is SourceKind.VRAGENLIJST
    assert (a8.source.file, a8.source.sheet, a8.source.cell) == ("p07.xlsx", "Vragenlijst",
                                                                  answer_cell(path, "A8"))


def test_layout_freedom_title_rows_case_reordered_columns_and_labels(tmp_path):
    answers = answers_for("P07", Variant.KORT)
    answers.update({"A10": "Maatwerk: tool of portaal ontwikkeld in de pilot.", "P6": "03-2023",
                    "A9": "Sociaal wijkteam\nanders: Bibliotheek"})
    path = write_questionnaire(
        tmp_path / "p07.xlsx", answers, title_rows=("Ministerie", "", "Tussenevaluatie", "Versie 2"),
        headers=(" id ", "VRAAG", "antwoord.", "Toelichting"), merge_titles=False)
    book = load_workbook(path)
    ws = book.active
    ws.insert_cols(1)  # a column of the person's own before the table
    for cell in ws["B"]:
        if isinstance(cell.value, str) and find_question(cell.value):
            cell.value = f" {cell.value.lower()} "
    book.save(path)
    questionnaire, problems = read(path)
    assert only(problems) == [] and only(problems, Severity.WARNING) == []
    assert questionnaire.answers["A10"].value == "maatwerk"
    assert questionnaire.answers["P6"].value == PartialDate(2023, 3)
    assert questionnaire.answers["A9"].value == Multi(("wijkteam", "anders"), "Bibliotheek")
    assert questionnaire.answers["A8"].source.cell.startswith("D")


def test_header_must_be_within_the_first_fifteen_rows(tmp_path):
    answers = answers_for("P07")
    ok = write_questionnaire(tmp_path / "ok.xlsx", answers, title_rows=("titel",) * 14)
    late = write_questionnaire(tmp_path / "laat.xlsx", answers, title_rows=("titel",) * 15)
    assert read(ok)[0] is not None
    questionnaire, problems = read(late)
    assert questionnaire is None
    assert "Geen kopregel gevonden" in problems[0].message and "'ID', 'Vraag' en 'Antwoord'" in problems[0].message


def test_missing_sheet_is_a_problem_for_the_file(tmp_path):
    path = write_questionnaire(tmp_path / "p07.xlsx", answers_for("P07"), sheet="Blad1")
    questionnaire, problems = read(path)
    assert questionnaire is None
    assert problems[0].file == "p07.xlsx" and "'Vragenlijst' ontbreekt" in problems[0].message
    assert "'Blad1'" in problems[0].message


def test_unknown_ids_warn_and_section_titles_do_not(tmp_path):
    answers = answers_for("P07") | {"A12": "extra", "Vraag 9": "iets"}
    path = write_questionnaire(tmp_path / "p07.xlsx", answers,
                               extra_rows=[["Let op: dit is een lange notitie in de ID-kolom"]])
    questionnaire, problems = read(path)
    warnings = only(problems, Severity.WARNING)
    assert sorted(w.found for w in warnings) == ["A12", "Vraag 9"]
    assert all(w.cell.startswith("A") and "Onbekende vraag-ID" in w.message for w in warnings)
    assert "A12" not in questionnaire.answers


def test_same_id_twice_is_an_error_naming_both_cells(tmp_path):
    path = write_questionnaire(tmp_path / "p07.xlsx", answers_for("P07"), extra_rows=[[" a8 ", "", 5]])
    questionnaire, problems = read(path)
    [error] = only(problems)
    first = answer_cell(path, "A8").replace("C", "A")
    assert error.question_id == "A8" and f"ook in cel {first}" in error.message
    assert questionnaire.answers["A8"].value != 5


def test_empty_answers_are_absent_and_a_lonely_note_warns(tmp_path):
    answers = answers_for("P07")
    del answers["A6"], answers["E1"]
    path = write_questionnaire(tmp_path / "p07.xlsx", answers, notes={"E1": "zie bijlage"})
    questionnaire, problems = read(path)
    assert "A6" not in questionnaire.answers and "E1" not in questionnaire.answers
    [warning] = problems
    assert warning.question_id == "E1" and warning.cell.startswith("D")


def test_required_identity(tmp_path):
    answers = answers_for("P07")
    del answers["P0"], answers["P1"]
    path = write_questionnaire(tmp_path / "p07.xlsx", answers)
    questionnaire, problems = read(path)
    assert questionnaire is None
    assert {(p.question_id, p.cell) for p in problems} == {
        ("P0", answer_cell(path, "P0")), ("P1", answer_cell(path, "P1"))}
    assert all("Verplichte vraag" in p.message for p in problems)


def test_missing_or_unknown_document_kind(tmp_path):
    answers = answers_for("P07")
    del answers["P8"]
    _, problems = read(write_questionnaire(tmp_path / "a.xlsx", answers))
    assert [p.question_id for p in problems] == ["P8"] and "lang (Lange vragenlijst)" in problems[0].expected
    _, problems = read(write_questionnaire(tmp_path / "b.xlsx", answers_for("P07") | {"P8": "middel"}))
    assert [(p.question_id, p.found) for p in problems] == [("P8", "middel")]


def test_supplement_needs_no_name_and_is_marked_as_supplement(tmp_path):
    path = write_questionnaire(tmp_path / "s.xlsx", {"P0": "P07", "P8": "aanvulling", "A6": "ja"})
    questionnaire, problems = read(path)
    assert problems == []
    assert questionnaire.is_supplement
    assert questionnaire.answers["A6"].source.kind is SourceKind.AANVULLING


def test_bad_values_are_errors_with_cell_value_and_allowed_values(tmp_path):
    answers = answers_for("P07") | {"A8": "ongeveer 40", "B1": "bijna", "A9": "hjl; notaris", "P6": "ooit"}
    path = write_questionnaire(tmp_path / "p07.xlsx", answers)
    questionnaire, problems = read(path)
    by_id = {p.question_id: p for p in problems}
    assert set(by_id) == {"A8", "B1", "A9", "P6"}
    assert by_id["A8"].found == "ongeveer 40" and by_id["A8"].cell == answer_cell(path, "A8")
    assert "vertraagd (Vertraagd)" in by_id["B1"].expected
    assert "'notaris'" in by_id["A9"].message
    assert "dd-mm-jjjj" in by_id["P6"].expected
    assert not {"A8", "B1", "A9", "P6"} & set(questionnaire.answers)


def test_formulas_stored_values_only(tmp_path):
    answers = answers_for("P07") | {"A8": Formula("=10+2"), "A1": "=dit is tekst", "P3": Formula("=P4")}
    path = write_questionnaire(tmp_path / "p07.xlsx", answers)
    p3 = answer_cell(path, "P3")
    # Give P3's formula a stored result, as Excel does after calculating.
    patch_sheet(path, lambda xml: xml.replace(f'<c r="{p3}"><f>P4</f><v></v></c>',
                                              f'<c r="{p3}" t="str"><f>P4</f><v>Gemeente X</v></c>'))
    questionnaire, problems = read(path)
    [error] = problems
    assert error.question_id == "A8" and error.cell == answer_cell(path, "A8")
    assert "formule zonder opgeslagen uitkomst" in error.message
    assert questionnaire.answers["A1"].value == "=dit is tekst"
    assert questionnaire.answers["P3"].value == "Gemeente X"


def test_excel_error_value_is_an_error(tmp_path):
    path = write_questionnaire(tmp_path / "p07.xlsx", answers_for("P07"))
    a8 = answer_cell(path, "A8")
    patch_sheet(path, lambda xml: re.sub(f'<c r="{a8}".*?</c>', f'<c r="{a8}" t="e"><v>#N/A</v></c>', xml))
    _, problems = read(path)
    assert [(p.question_id, p.found) for p in problems] == [("A8", "#N/A")]
    assert "foutwaarde" in problems[0].message
