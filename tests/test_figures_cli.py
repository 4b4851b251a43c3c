"""`make_report.py figuren`: every chart and figuurdata.xlsx from the inputs, or a refusal."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from click.testing import CliRunner

from report.cli import main
from report.engagement.codebook import Variant
from report.figures.registry import figures
from report.style import PROJECT_ROOT
from tests.test_charts import REFERENCE, svg_texts
from tests.workbooks import answers_for, coding_for, write_coding, write_questionnaire

EXAMPLE_INPUTS = PROJECT_ROOT / "inputs"


def run(inputs, output):
    return CliRunner().invoke(main, ["figuren", "--inputs", str(inputs), "--output", str(output)])


def sheet_counts(path, key):
    """{code: count} of a figure's sheet, plus the "Niet ingevuld" and total lines by label."""
    ws = openpyxl.load_workbook(path)[key]
    return {row[1] or row[0]: row[2] for row in ws.iter_rows(min_row=2, values_only=True)
            if row[2] is not None}


@pytest.fixture(scope="module")
def example_output(tmp_path_factory):
    output = tmp_path_factory.mktemp("figuren")
    result = run(EXAMPLE_INPUTS, output)
    assert result.exit_code == 0, result.output
    return output, result


def test_example_inputs_give_every_chart_and_the_data_workbook(example_output):
    output, result = example_output
    expected = {f"{spec.key}.{ext}" for spec in figures() for ext in ("svg", "png")} | {"figuurdata.xlsx"}
    assert {path.name for path in output.iterdir()} == expected
    assert result.stdout.startswith(f"{len(figures())} figuren (30 pilots) en figuurdata.xlsx geschreven")
    assert "pilots met onbeantwoorde vragen. Details: make_report.py check" in result.stderr
    assert "niet beantwoord" not in result.stderr           # counted, as build does, not listed


@pytest.mark.parametrize("key", list(REFERENCE))
def test_example_figure_data_reproduces_the_reference_counts(example_output, key):
    output, _ = example_output
    counts = sheet_counts(output / "figuurdata.xlsx", key)
    missing, total = counts.pop("Niet ingevuld"), counts.pop("Totaal pilots")
    assert {code: n for code, n in counts.items() if n} == REFERENCE[key]
    assert (missing, total) == (5 if key == "A10" else 0, 30)


def test_example_chart_draws_the_counts_of_its_sheet(example_output):
    output, _ = example_output
    drawn = [int(text) for text, bold in svg_texts((output / "A10.svg").read_bytes()) if bold]
    assert drawn == [10, 8, 7, 5]


def test_second_run_writes_the_same_bytes(example_output, tmp_path):
    first, _ = example_output
    assert run(EXAMPLE_INPUTS, tmp_path).exit_code == 0
    for path in sorted(first.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def _questionnaire(folder, pilot_id, index, **answers):
    path = folder / "vragenlijsten" / f"{pilot_id}.xlsx"
    write_questionnaire(path, answers_for(pilot_id, Variant.LANG, index) | answers)


@pytest.fixture
def small_inputs(tmp_path):
    """Three pilots: A10 maatwerk, maatwerk, open; K3 product, werkwijze, open."""
    a10 = {"Z1": "maatwerk", "Z2": "maatwerk", "Z3": None}
    k3 = {"Z1": "product", "Z2": "werkwijze", "Z3": None}
    for index, pilot_id in enumerate(a10):
        _questionnaire(tmp_path, pilot_id, index, A10=a10[pilot_id])
    write_coding(tmp_path / "codering.xlsx",
                 [coding_for(pilot_id, index) | {"K3": k3[pilot_id]} for index, pilot_id in enumerate(k3)])
    return tmp_path


def test_counts_follow_the_inputs_worked_out_by_hand(small_inputs, tmp_path):
    output = tmp_path / "uit"
    assert run(small_inputs, output).exit_code == 0
    workbook = output / "figuurdata.xlsx"
    assert sheet_counts(workbook, "A10") == {"geen": 0, "maatwerk": 2, "bestaand": 0,
                                             "Niet ingevuld": 1, "Totaal pilots": 3}
    assert sheet_counts(workbook, "K3") == {"werkwijze": 1, "product": 1,
                                            "Niet ingevuld": 1, "Totaal pilots": 3}
    drawn = [int(text) for text, bold in svg_texts((output / "K3.svg").read_bytes()) if bold]
    assert drawn == [1, 1, 1]


def test_errors_in_the_inputs_are_listed_and_nothing_is_drawn(small_inputs, tmp_path):
    _questionnaire(small_inputs, "Z4", 3, B3="misschien")
    output = tmp_path / "uit"
    result = run(small_inputs, output)
    assert result.exit_code == 1
    assert "Z4.xlsx" in result.stderr and "B3" in result.stderr and "misschien" in result.stderr
    assert isinstance(result.exception, SystemExit)
    assert not output.exists()


def test_a_figure_on_a_free_text_question_stops_check_and_build_in_dutch(tmp_path):
    inputs = tmp_path / "invoer"
    shutil.copytree(EXAMPLE_INPUTS, inputs)
    form = (inputs / "rapportvorm.yaml").read_text(encoding="utf-8")
    form = form.replace("figuren:\n", "figuren:\n  - vraag: B2\n    titel: Verdere ontwikkeling\n", 1)
    (inputs / "rapportvorm.yaml").write_text(form, encoding="utf-8")
    expected = "Figuur B2 ('Verdere ontwikkeling') kan niet worden getekend: vraag B2"
    check = CliRunner().invoke(main, ["check", "--inputs", str(inputs)])
    assert check.exit_code == 1 and expected in check.stdout and "rapportvorm.yaml" in check.stdout
    assert "regel 10" in check.stdout
    output = tmp_path / "uit"
    build = CliRunner().invoke(main, ["build", "--inputs", str(inputs), "--output", str(output)])
    assert build.exit_code == 1 and expected in build.stderr and "Traceback" not in build.output
    assert not output.exists() or list(output.iterdir()) == []
