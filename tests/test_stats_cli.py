"""`make_report.py stats`: the public JSON, the readable tables, and refusing bad inputs."""

import json

import pytest
from click.testing import CliRunner

from report.cli import main
from report.engagement.active import current
from report.engagement.codebook import Variant
from tests.workbooks import answers_for, coding_for, write_coding, write_questionnaire


def _pilot(folder, pilot_id, index, **answers):
    values = answers_for(pilot_id, Variant.LANG, index)
    values.update(answers)
    write_questionnaire(folder / "vragenlijsten" / f"{pilot_id}.xlsx", values)


@pytest.fixture
def inputs(tmp_path):
    """Three pilots; Z3 leaves A10 open and has no coding row for K3."""
    _pilot(tmp_path, "Z1", 0, A3="eerste-lijn-escalatie; Anders: buurtcentrum", A10="maatwerk", B3="Ja")
    _pilot(tmp_path, "Z2", 1, A3="burgergerichte-overheid", A10="geen", B3="nee")
    _pilot(tmp_path, "Z3", 2, A3="eerste-lijn-escalatie", A10=None, B3="ja")
    rows = [coding_for("Z1", 0) | {"K3": "product"}, coding_for("Z2", 1) | {"K3": "product"},
            coding_for("Z3", 2) | {"K3": None}]
    write_coding(tmp_path / "codering.xlsx", rows)
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, ["stats", *args])


def test_json_is_the_library_statistics_with_hand_counts(inputs):
    result = run("--inputs", str(inputs), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert result.stdout == json.dumps(data, ensure_ascii=False, indent=2) + "\n"     # the public layout
    assert data["pilots"] == 3
    assert list(data["questions"]) == list(current().stats)
    questions = data["questions"]
    assert questions["A3"] == {
        "counts": {"eerste-lijn-escalatie": 2, "eerste-lijn-overig": 0, "burgergerichte-overheid": 1,
                   "rechtshulppakketten": 0, "anders": 1},
        "not_answered": 0,
    }
    assert questions["A10"] == {"counts": {"geen": 1, "maatwerk": 1, "bestaand": 0}, "not_answered": 1}
    assert questions["B3"]["counts"] == {"ja": 2, "afhankelijk": 0, "onbekend": 0, "nee": 1}
    assert questions["K3"] == {"counts": {"werkwijze": 0, "product": 2}, "not_answered": 1}
    # coding_for(pilot, index) codes column n with choice (index + n): Z1, Z2, Z3 are 0, 1, 2 for K1, 1, 2, 3 for K2
    assert questions["K1"] == {"counts": {"scheiden": 1, "eerste-lijn-breed": 1, "eerste-lijn-sociaal": 1,
                                          "conflict-overheid": 0, "conflict-algemeen": 0, "doorverwijzing": 0,
                                          "wonen": 0, "inkomen": 0}, "not_answered": 0}
    assert questions["K2"] == {"counts": {"rechtzoekenden": 0, "sociaal-domein": 1, "rechtshulpverleners": 1,
                                          "gemengd": 1}, "not_answered": 0}


def test_json_bytes_are_the_same_on_a_second_run(inputs):
    assert run("--inputs", str(inputs), "--json").stdout == run("--inputs", str(inputs), "--json").stdout


def test_tables_show_labels_codes_counts_and_not_answered_aligned(inputs):
    result = run("--inputs", str(inputs))
    assert result.exit_code == 0, result.output
    assert result.stderr == "", "warnings (Z3's open answers) are for `check`, not for `stats`"
    out = result.stdout
    assert out.startswith("Aantal pilots: 3\n")
    block = out.split("\n\n")[current().stats.index("A10") + 1].splitlines()
    assert block[0].startswith("A10 ICT-middelen: ")
    rows = [line.split() for line in block[1:]]
    assert rows[0] == ["Antwoord", "Code", "Aantal"]
    assert rows[1][-2:] == ["geen", "1"] and rows[2][-2:] == ["maatwerk", "1"]
    assert block[2].lstrip().startswith("Geen, alleen basis-ICT")
    assert rows[-1] == ["Niet", "ingevuld", "1"]
    count_ends = {len(line) for block in out.split("\n\n")[1:] for line in block.splitlines()[1:]}
    assert len(count_ends) == 1, "count columns of every table end at the same position"
    assert "(meerdere antwoorden mogelijk)" in out.split("\n\n")[current().stats.index("A3") + 1]


def test_errors_in_the_inputs_are_listed_and_exit_1_without_counts(inputs):
    _pilot(inputs, "Z4", 3, B3="misschien")
    result = run("--inputs", str(inputs), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Z4.xlsx" in result.stderr and "B3" in result.stderr and "misschien" in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_inputs_folder_is_an_error_not_a_traceback(tmp_path):
    result = run("--inputs", str(tmp_path / "nergens"))
    assert result.exit_code == 1
    assert "bestaat niet" in result.stderr
    assert isinstance(result.exception, SystemExit)
