"""`make_report.py check`: every kind of bad input gets a Dutch line naming where, and exit 1."""

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from report.cli import main
from tests.workbooks import (
    Formula, answer_cell, answers_for, coding_for, supplement_for, write_coding, write_inputs,
    write_questionnaire,
)


def check(inputs: Path):
    result = CliRunner().invoke(main, ["check", "--inputs", str(inputs)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


@pytest.fixture
def inputs(tmp_path) -> Path:
    """T001 long, T002 short with a supplement, both coded."""
    return write_inputs(tmp_path / "invoer", 2, short_every=2)


def test_valid_inputs_exit_0_with_a_summary(inputs):
    result = check(inputs)
    assert result.exit_code == 0
    assert result.output == "2 pilots gelezen uit 4 werkboeken; 0 fouten, 0 waarschuwingen.\n"


def test_warnings_do_not_fail_and_are_listed_under_their_file(inputs):
    answers = answers_for("T001")
    del answers["E1"]
    write_questionnaire(inputs / "vragenlijsten" / "T001.xlsx", answers, notes={"E1": "zie verslag"})
    result = check(inputs)
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "vragenlijsten/T001.xlsx",
        f"  Waarschuwing: blad 'Vragenlijst', cel {answer_cell(inputs / 'vragenlijsten' / 'T001.xlsx', 'E1').replace('C', 'D')}, "
        "vraag E1: Er staat een toelichting maar geen antwoord; de toelichting wordt niet gebruikt.",
        "  Waarschuwing: Pilot 'T001': 1 vraag is niet beantwoord en telt als onbekend / "
        "niet ingevuld: E1.",
        "",
        "2 pilots gelezen uit 4 werkboeken; 0 fouten, 2 waarschuwingen.",
    ]


def _answer(qid: str, value: object) -> Callable[[Path], tuple[str, ...]]:
    """Break T001 by giving `qid` this value; expect its file, cell and ID in the message."""
    def breaker(inputs: Path) -> tuple[str, ...]:
        path = inputs / "vragenlijsten" / "T001.xlsx"
        answers = answers_for("T001") | {qid: value}
        if value is None:
            del answers[qid]
        write_questionnaire(path, answers)
        return "vragenlijsten/T001.xlsx", f"cel {answer_cell(path, qid)}", f"vraag {qid}"
    return breaker


def _file(content: Callable[[Path], bytes], name: str = "T001.xlsx") -> Callable[[Path], tuple[str, ...]]:
    def breaker(inputs: Path) -> tuple[str, ...]:
        path = inputs / "vragenlijsten" / name
        path.write_bytes(content(path))
        return (f"vragenlijsten/{name}",)
    return breaker


def _workbook(**layout) -> Callable[[Path], tuple[str, ...]]:
    def breaker(inputs: Path) -> tuple[str, ...]:
        write_questionnaire(inputs / "vragenlijsten" / "T001.xlsx", answers_for("T001"), **layout)
        return ("vragenlijsten/T001.xlsx",)
    return breaker


def _extra(name: str, answers: dict) -> Callable[[Path], tuple[str, ...]]:
    def breaker(inputs: Path) -> tuple[str, ...]:
        path = write_questionnaire(inputs / "vragenlijsten" / name, answers)
        return f"vragenlijsten/{name}", f"cel {answer_cell(path, 'P0')}", "vraag P0"
    return breaker


def _coding_row(inputs: Path) -> tuple[str, ...]:
    write_coding(inputs / "codering.xlsx", [coding_for("T001"), coding_for("T002"), coding_for("T003")])
    return "codering.xlsx", "cel A4", "Gevonden: 'T003'"


def _no_coding(inputs: Path) -> tuple[str, ...]:
    (inputs / "codering.xlsx").unlink()
    return "codering.xlsx", "ontbreekt"


def _no_questionnaires(inputs: Path) -> tuple[str, ...]:
    for path in (inputs / "vragenlijsten").iterdir():
        path.unlink()
    return "vragenlijsten/", "Geen vragenlijsten gevonden"


BAD_INPUTS = {
    "A8 geen getal": (_answer("A8", "ongeveer 40"), ("Gevonden: 'ongeveer 40'", "heel getal")),
    "A8 negatief": (_answer("A8", -3), ("negatief",)),
    "onbekende code": (_answer("B1", "bijna klaar"), ("Toegestaan: ja (Op schema); vertraagd",)),
    "onbekende meerkeuze": (_answer("A9", "hjl; notaris"), ("'notaris'", "kennisinstelling")),
    "foute datum": (_answer("P6", "31-02-2023"), ("bestaat niet", "dd-mm-jjjj")),
    "P0 ontbreekt": (_answer("P0", None), ("Verplichte vraag 'Pilot-ID'",)),
    "P1 ontbreekt": (_answer("P1", None), ("Verplichte vraag 'Naam'",)),
    "P8 onbekend": (_answer("P8", "half"), ("Toegestaan: lang (Lange vragenlijst)",)),
    "formule zonder uitkomst": (_answer("A8", Formula("=SUM(1;2)")), ("formule zonder opgeslagen uitkomst",)),
    "tekstbestand": (_file(lambda p: "P0;T001\n".encode()), ("geen Excel-werkboek",)),
    "afgebroken": (_file(lambda p: p.read_bytes()[:2000]), ("beschadigd of onvolledig",)),
    "versleuteld": (_file(lambda p: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000)), ("wachtwoord",)),
    "geen werkblad Vragenlijst": (_workbook(sheet="Antwoorden"), ("'Vragenlijst' ontbreekt", "'Antwoorden'")),
    "geen kopregel": (_workbook(headers=("Nr", "Vraag", "Antwoord")), ("Geen kopregel gevonden",)),
    "dubbele vraag-ID": (_workbook(extra_rows=[["A8", "", 3]]), ("vraag A8", "twee keer")),
    "dubbele vragenlijst": (_extra("T001b.xlsx", answers_for("T001")), ("ook in vragenlijst",)),
    "dubbele aanvulling": (_extra("T002-extra.xlsx", supplement_for("T002")), ("ook in aanvulling",)),
    "aanvulling zonder vragenlijst": (_extra("T005-aanv.xlsx", supplement_for("T005")), ("geen vragenlijst",)),
    "codering onbekende pilot": (_coding_row, ("geen vragenlijst met Pilot-ID 'T003'",)),
    "codering ontbreekt": (_no_coding, ()),
    "geen vragenlijsten": (_no_questionnaires, ()),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_an_error_naming_file_cell_and_question(inputs, case):
    breaker, words = BAD_INPUTS[case]
    where = breaker(inputs)
    result = check(inputs)
    assert result.exit_code == 1
    file, *located = where
    groups = result.output.split("\n\n")
    [group] = [g for g in groups if g.splitlines()[0] == file]
    [line] = [line for line in group.splitlines()[1:] if line.startswith("  Fout:")
              and all(w in line for w in (*located, *words))]
    assert "fout" in result.output.splitlines()[-1] and "controleer opnieuw" in result.output


def test_all_problems_of_a_run_are_reported_together(inputs):
    for breaker, _ in (BAD_INPUTS["A8 geen getal"], BAD_INPUTS["codering onbekende pilot"],
                       BAD_INPUTS["aanvulling zonder vragenlijst"]):
        breaker(inputs)
    result = check(inputs)
    assert result.exit_code == 1
    assert "3 fouten" in result.output.splitlines()[-1]
