"""Corrections (inputs/correcties.yaml): checked like answers, applied everywhere the inputs are read.

Small cases use two pilots written in code (T001 long, T002 short with a
supplement); the end-to-end cases copy the example inputs, add a correction
that moves a counted answer, and follow it into the statistics, the figure
data, the sentence of the report and the factsheet.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from report.build import build
from report.write.formats import Writer
from report.cli import main
from report.document import Figure
from report.document.dump import dump
from report.model import Correction, Multi, PartialDate, Severity, SourceKind
from report.engagement.folders import CORRECTIONS_FILE
from report.read import read_inputs
from report.read.corrections import read_corrections
from tests.workbooks import answers_for, coding_for, write_coding, write_inputs, write_questionnaire

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"


def entry(pilot="T001", vraag="A8", waarde="12", reden="Nieuw aantal van de projectleider.",
          ronde="Reflectiegroep 1", **extra) -> str:
    """One correction as a consultant types it: five lines (pilot, vraag, waarde, reden, ronde) and extras."""
    fields = {"pilot": pilot, "vraag": vraag, "waarde": waarde, "reden": reden, "ronde": ronde, **extra}
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    return "- " + "\n  ".join(lines) + "\n"


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> Path:
    return write_inputs(tmp_path_factory.mktemp("werkboeken") / "invoer", 2, short_every=2)


@pytest.fixture
def inputs(workbooks, tmp_path) -> Path:
    copy = tmp_path / "invoer"
    shutil.copytree(workbooks, copy)
    return copy


def corrected(inputs: Path, text: str):
    (inputs / CORRECTIONS_FILE).write_text(text, encoding="utf-8")
    return read_inputs(inputs)


def only_problem(result):
    [problem] = [p for p in result.problems if p.file == CORRECTIONS_FILE]
    return problem


# ---------------------------------------------------------------- applying corrections


def test_no_corrections_file_means_no_corrections(inputs):
    result = read_inputs(inputs)
    assert result.problems == [] and result.corrections == 0
    assert {a.source.kind for p in result.pilots for a in p.answers.values()} == {
        SourceKind.VRAGENLIJST, SourceKind.AANVULLING, SourceKind.CODERING}


@pytest.mark.parametrize("text", ["", "# Nog geen correcties.\n", "[]\n"])
def test_a_file_without_entries_is_fine(inputs, text):
    result = corrected(inputs, text)
    assert result.problems == [] and result.corrections == 0


def test_corrections_override_questionnaire_supplement_and_coding(inputs):
    text = (entry("t001", "a8", "412")                              # questionnaire, case-insensitive IDs
            + entry("T002", "A6", "Nog niet", door="M. van Dalen")  # supplement, by label
            + entry("T002", "K3", "werkwijze"))                     # coding column
    result = corrected(inputs, text)
    assert result.problems == [] and result.corrections == 3
    t001, t002 = result.pilots
    assert t001.value("A8") == 412 and t002.value("A6") == "nog-niet" and t002.value("K3") == "werkwijze"
    a6 = t002.answer("A6")
    assert (a6.source.kind, a6.source.file, a6.source.cell) == (SourceKind.CORRECTIE, CORRECTIONS_FILE, "regel 6")
    assert a6.source.describe() == "correcties.yaml, regel 6"
    assert a6.correction == Correction("Nieuw aantal van de projectleider.", "Reflectiegroep 1", "M. van Dalen")
    assert t001.answer("A8").correction.by is None
    assert t001.answer("P1").source.kind is SourceKind.VRAGENLIJST   # the rest is untouched


def test_values_are_typed_like_workbook_answers(inputs):
    text = (entry(vraag="A9", waarde='"hjl; anders: de bibliotheek"')
            + "- pilot: T001\n  vraag: A3\n  waarde:\n    - eerste-lijn-escalatie\n    - Anders\n"
              "  reden: Aangevuld.\n  ronde: Reflectiegroep 1\n"
            + entry(vraag="P6", waarde="03-2021")
            + entry(vraag="P7", waarde="2023-06-30")
            + entry(vraag="A1", waarde=">\n    Een nieuwe omschrijving\n    over twee regels."))
    result = corrected(inputs, text)
    assert result.problems == []
    pilot = result.pilots[0]
    assert pilot.value("A9") == Multi(("hjl", "anders"), "de bibliotheek")
    assert pilot.value("A3") == Multi(("eerste-lijn-escalatie", "anders"))
    assert pilot.value("P6") == PartialDate(2021, 3) and pilot.value("P7") == PartialDate(2023, 6, 30)
    assert pilot.value("A1") == "Een nieuwe omschrijving over twee regels."


def test_a_correction_may_answer_an_unanswered_question(tmp_path):
    answers = answers_for("T001")
    del answers["A8"]
    write_questionnaire(tmp_path / "vragenlijsten" / "T001.xlsx", answers)
    write_coding(tmp_path / "codering.xlsx", [coding_for("T001")])
    [unanswered] = read_inputs(tmp_path).problems
    assert "A8" in unanswered.message
    result = corrected(tmp_path, entry(vraag="A8", waarde="0"))
    assert result.problems == [] and result.pilots[0].value("A8") == 0


# ---------------------------------------------------------------- mistakes, each with file and line


def test_unknown_pilot_names_the_line_question_and_known_pilots(inputs):
    problem = only_problem(corrected(inputs, entry() + entry("T404")))
    assert problem.is_error
    assert (problem.cell, problem.question_id, problem.found, problem.expected) == (
        "regel 6", "A8", "T404", "T001, T002")
    assert problem.format().startswith("Fout: correcties.yaml, regel 6, vraag A8: Er is geen pilot met "
                                       "Pilot-ID 'T404'")


def test_unknown_question_lists_the_question_ids(inputs):
    problem = only_problem(corrected(inputs, "# kop\n" + entry(vraag="A99")))
    assert (problem.cell, problem.question_id, problem.found) == ("regel 3", "A99", "A99")
    assert "Onbekende vraag-ID" in problem.message and "pilot 'T001'" in problem.message
    assert problem.expected.startswith("P0, P1, P2") and problem.expected.endswith("K6, K7")


@pytest.mark.parametrize("vraag, waarde, message, expected", [
    ("B1", "misschien", "Onbekend antwoord", "ja (Op schema); vertraagd (Vertraagd)"),
    ("A9", "hjl; bibliotheek", "Onbekend antwoord: 'bibliotheek'", "hjl (Het Juridisch Loket)"),
    ("A8", "12,5", "Geen heel getal", "een heel getal van 0 of meer"),
    ("A8", "-3", "negatief", "een heel getal van 0 of meer"),
    ("P6", "31-02-2022", "Deze datum bestaat niet", "dd-mm-jjjj"),
    ("P6", "voorjaar 2021", "Geen geldige datum", "mm-jjjj"),
])
def test_an_invalid_value_is_reported_like_a_workbook_answer(inputs, vraag, waarde, message, expected):
    problem = only_problem(corrected(inputs, entry() + entry(vraag=vraag, waarde=waarde)))
    assert problem.is_error and (problem.cell, problem.question_id, problem.found) == ("regel 8", vraag, waarde)
    assert message in problem.message and expected in problem.expected
    assert problem.message.startswith("Correctie voor pilot 'T001': ")
    text = problem.format()
    assert f"correcties.yaml, regel 8, vraag {vraag}" in text and f"Gevonden: '{waarde}'" in text


@pytest.mark.parametrize("waarde", ["", '""', None])
def test_an_empty_or_missing_value_is_an_error(inputs, waarde):
    problem = only_problem(corrected(inputs, entry(vraag="B1", waarde=waarde)))
    line = 1 if waarde is None else 3       # the entry, or the empty value
    assert problem.is_error and (problem.cell, problem.question_id) == (f"regel {line}", "B1")
    assert "leeg" in problem.message
    if waarde is not None:          # the allowed values help choose, e.g. 'onbekend'
        assert "vertraagd (Vertraagd)" in problem.expected


@pytest.mark.parametrize("key", ["reden", "ronde"])
@pytest.mark.parametrize("value", [None, '""'])
def test_reason_and_round_are_required(inputs, key, value):
    result = corrected(inputs, entry() + entry(vraag="B1", waarde="ja", **{key: value}))
    problem = only_problem(result)
    line = 6 if value is None else {"reden": 9, "ronde": 10}[key]     # the entry, or the empty key
    assert problem.is_error and (problem.cell, problem.question_id) == (f"regel {line}", "B1")
    assert f"De sleutel '{key}' ontbreekt of is leeg" in problem.message
    assert result.pilots[0].answer("B1").source.kind is SourceKind.VRAGENLIJST   # not applied


def test_the_same_pilot_and_question_twice_names_both_lines(inputs):
    problem = only_problem(corrected(inputs, entry() + entry(vraag="B1", waarde="ja") + entry("t001", "a8", "13")))
    assert problem.is_error and (problem.cell, problem.question_id) == ("regel 11", "A8")
    assert "ook op regel 1 gecorrigeerd" in problem.message and "regel 1 en regel 11" in problem.message


@pytest.mark.parametrize("vraag", ["P0", "P8"])
def test_the_workbooks_own_questions_cannot_be_corrected(inputs, vraag):
    problem = only_problem(corrected(inputs, entry(vraag=vraag, waarde="T009")))
    assert problem.is_error and (problem.cell, problem.question_id) == ("regel 2", vraag)
    assert "kan niet met een correctie" in problem.message


def test_a_correction_that_changes_nothing_is_a_warning(inputs):
    current = read_inputs(inputs).pilots[0].answer("B1")
    result = corrected(inputs, entry(vraag="B1", waarde=current.value))
    problem = only_problem(result)
    assert problem.severity is Severity.WARNING and (problem.cell, problem.question_id) == ("regel 1", "B1")
    assert "verandert niets" in problem.message and current.source.describe() in problem.message
    assert not result.has_errors


@pytest.mark.parametrize("text, line, words", [
    ("- pilot: T001\n  vraag: A9\n  waarde: hjl; anders: buurthuis\n", 3, "tussen aanhalingstekens"),
    ("- pilot: T001\n  vraag A9\n  waarde: hjl\n", 3, "ontbreekt de dubbele punt"),
    ("- pilot: T001\n  vraag: A9\n\twaarde: hjl\n", 3, "gebruik spaties"),
    ('- pilot: T001\n  vraag: A9\n  waarde: "hjl\n', 4, "aanhalingsteken wordt niet gesloten"),
    ("- pilot: T001\n  vraag: A9\n  waarde: h\x01jl\n", 3, "stuurteken"),
])
def test_malformed_yaml_names_the_line(inputs, text, line, words):
    result = corrected(inputs, text)
    problem = only_problem(result)
    assert problem.is_error and problem.cell == f"regel {line}"
    assert problem.message.startswith("Dit is geen geldige YAML: ") and words in problem.message
    assert result.corrections == 0 and len(result.pilots) == 2     # the workbooks are still read


@pytest.mark.parametrize("text, line, words", [
    ("pilot: T001\nvraag: A8\n", 1, "Verwacht een lijst met correcties"),
    ("- P18 A8 67\n", 1, "Verwacht een correctie met de sleutels pilot, vraag, waarde"),
    (entry(opmerking="x"), 6, "Onbekende sleutel 'opmerking'"),
    (entry() + "  vraag: B1\n", 6, "De sleutel 'vraag' staat twee keer"),
    (entry(vraag="[A8, B1]"), 2, "De sleutel 'vraag' verwacht één tekst"),
    (entry(waarde="[ja, nee]", vraag="B1"), 3, "Vraag B1 verwacht één waarde"),
])
def test_a_malformed_entry_names_the_line(inputs, text, line, words):
    problems = [p for p in corrected(inputs, text).problems if p.file == CORRECTIONS_FILE]
    assert any(p.is_error and p.cell == f"regel {line}" and words in p.message for p in problems), \
        [p.format() for p in problems]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_a_file_saved_in_another_encoding_is_read_alike(tmp_path, encoding):
    path = tmp_path / CORRECTIONS_FILE
    path.write_bytes(entry(reden="Gecorrigeerd na overleg met het café.").encode(encoding))
    [correction], problems = read_corrections(path)
    assert problems == [] and correction.answer.correction.reason == "Gecorrigeerd na overleg met het café."


def test_an_unreadable_file_is_an_error(tmp_path, monkeypatch):
    path = tmp_path / CORRECTIONS_FILE
    path.write_text(entry(), encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Toegang geweigerd")

    monkeypatch.setattr(Path, "open", refuse)
    corrections, [problem] = read_corrections(path)
    assert corrections == [] and problem.is_error and "Toegang geweigerd" in problem.message


def test_all_mistakes_of_the_file_are_reported_at_once(inputs):
    text = entry("T404") + entry(vraag="A99") + entry(vraag="B1", waarde="misschien") + entry(reden=None)
    result = corrected(inputs, text)
    assert sorted(p.cell for p in result.problems if p.is_error) == ["regel 1", "regel 13", "regel 16", "regel 7"]


def test_check_lists_the_corrections_file_and_exits_1(inputs):
    (inputs / CORRECTIONS_FILE).write_text(entry() + entry(vraag="B1", waarde="misschien"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--inputs", str(inputs)])
    assert result.exit_code == 1
    assert "correcties.yaml\n  Fout: regel 8, vraag B1: Correctie voor pilot 'T001': Onbekend antwoord" in result.output
    assert "2 pilots gelezen uit 4 werkboeken en 1 correctie; 1 fout" in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- end to end on the example


# P21 answered B3 "afhankelijk"; the correction makes it "ja", which moves two counts.
B3_CORRECTION = """
- pilot: P21
  vraag: B3
  waarde: Ja
  reden: De gemeenten hebben in oktober besloten de spreekkamer voort te zetten.
  ronde: Reflectiegroep 2
"""


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    inputs = tmp_path_factory.mktemp("voorbeeld") / "inputs"
    shutil.copytree(INPUTS, inputs)
    with (inputs / CORRECTIONS_FILE).open("a", encoding="utf-8") as file:
        file.write(B3_CORRECTION)
    return inputs


@pytest.fixture(scope="module")
def document(example, tmp_path_factory):
    result = build(example, tmp_path_factory.mktemp("uitvoer"), formats=())
    assert result.ok, [p.format() for p in result.problems if p.is_error]
    return result.document


def test_the_correction_changes_the_statistics(example):
    result = CliRunner().invoke(main, ["stats", "--json", "--inputs", str(example)])
    assert result.exit_code == 0, result.output
    b3 = json.loads(result.stdout)["questions"]["B3"]
    assert b3["counts"] == {"ja": 10, "afhankelijk": 11, "onbekend": 5, "nee": 4}   # reference: 9 and 12


def test_the_correction_changes_the_figure_data(example, tmp_path):
    result = CliRunner().invoke(main, ["figuren", "--inputs", str(example), "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(tmp_path / "figuurdata.xlsx")["B3"]
    rows = {row[1]: row[2] for row in sheet.iter_rows(values_only=True) if row[1] in ("ja", "afhankelijk")}
    assert rows == {"ja": 10, "afhankelijk": 11}


def test_the_correction_changes_the_figure_and_the_sentence(document):
    text = dump(document)
    assert "Tien pilots zetten de werkwijze na de subsidieperiode in elk geval voort, en elf pilots " \
           "willen dat ook" in text
    [figure] = [b for b in _blocks(document) if isinstance(b, Figure) and b.key == "B3"]
    assert "Ja, afhankelijk van factoren (11), Ja (10)" in figure.alt_text


def test_the_factsheet_marks_the_corrected_value(document):
    [annex] = document.annexes
    [sheet] = [s for s in annex.factsheets if s.pilot_id == "P21"]
    facts = {fact.label: fact for fact in sheet.tags}
    assert (facts["Voortzetting"].value, facts["Voortzetting"].origin) == ("Ja", SourceKind.CORRECTIE)
    assert {f.origin for f in sheet.header + sheet.tags if f.label != "Voortzetting"} <= {
        SourceKind.VRAGENLIJST, SourceKind.CODERING, None}


def test_a_correction_of_an_unknown_question_fails_the_build_and_writes_nothing(example, tmp_path, monkeypatch):
    """The write phase with a stand-in writer (the dump as bytes), so this stays fast."""
    monkeypatch.setattr(Writer, "write",
                        lambda self, document, *rest, **options: dump(document).encode("utf-8"))
    inputs, output = tmp_path / "inputs", tmp_path / "uitvoer"
    shutil.copytree(example, inputs)
    args = ["build", "--inputs", str(inputs), "--output", str(output)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    before = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    assert any(path.suffix == ".pdf" for path in before)

    corrections = inputs / CORRECTIONS_FILE
    lines = corrections.read_text(encoding="utf-8").splitlines()
    with corrections.open("a", encoding="utf-8") as file:
        file.write(entry("P21", "B9", "ja"))
    failed = CliRunner().invoke(main, args)
    assert failed.exit_code == 1
    assert f"correcties.yaml\n  Fout: regel {len(lines) + 2}, vraag B9: Correctie voor pilot 'P21': " \
           "Onbekende vraag-ID" in failed.stderr
    assert "Gevonden: 'B9'" in failed.stderr and "er is niets geschreven" in failed.stderr
    assert isinstance(failed.exception, SystemExit) and "Traceback" not in failed.output
    after = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    assert after == before


def _blocks(document):
    def walk(section):
        yield from section.blocks
        for child in section.children:
            yield from walk(child)

    for chapter in document.chapters:
        yield from walk(chapter)
