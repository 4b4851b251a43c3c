"""Fact check (wederhoor): a packet per pilot out, the returned forms back into correcties.yaml.

Packets are made once per module for the example and for synthetic inputs;
forms are filled with openpyxl as a project leader's Excel would, and one is
round-tripped through LibreOffice Calc.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from pypdf import PdfReader

from report.build import build
from report.cli import main
from report.factcheck.form import FORM_SHEET, form_questions
from report.factcheck import packets
from report.factcheck.packets import OVERVIEW_FILE, make_packets
from report.engagement.folders import LETTER_FILE
from report.factcheck.returns import ROUND, process_returns
from report.read import read_inputs
from report.style import PROJECT_ROOT
from report.workers import default_workers, workers
from tests.workbooks import write_inputs
from tests.libreoffice import libreoffice_convert, needs_libreoffice

BUNDLED = PROJECT_ROOT / "inputs"
VALUE_COLUMN, REASON_COLUMN = 4, 5


def _copy_inputs(tmp: Path) -> Path:
    inputs = tmp / "invoer"
    shutil.copytree(BUNDLED, inputs)
    return inputs


@pytest.fixture(scope="module")
def example_packets(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wederhoor")
    inputs = _copy_inputs(tmp)
    written, problems = make_packets(inputs, tmp / "uit")
    assert not problems, [p.format() for p in problems]
    return inputs, tmp / "uit" / "wederhoor", written


@pytest.fixture(scope="module")
def other_packets(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wederhoor-anders")
    inputs = write_inputs(tmp / "invoer", 4)
    for name in ("rapport.yaml", "teksten", LETTER_FILE):
        (shutil.copytree if (BUNDLED / name).is_dir() else shutil.copy)(BUNDLED / name, inputs / name)
    written, problems = make_packets(inputs, tmp / "uit")
    assert not problems, [p.format() for p in problems]
    return inputs, tmp / "uit" / "wederhoor", written


def _file_text(path: Path) -> str:
    """Everything a reader of the file could see, whatever its format."""
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() for page in PdfReader(path).pages)
    if path.suffix == ".docx":
        document = open_docx(path)
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    workbook = openpyxl.load_workbook(path)
    return "\n".join(str(c.value) for ws in workbook.worksheets for row in ws.iter_rows()
                     for c in row if c.value is not None)


@pytest.mark.parametrize("which", ["example_packets", "other_packets"])
def test_each_pilot_gets_its_own_packet_and_nothing_of_another(which, request):
    inputs, root, _ = request.getfixturevalue(which)
    pilots = read_inputs(inputs).pilots
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    assert len(folders) == len(pilots)
    contacts = [str(p.value("P5")) for p in pilots if p.value("P5")]
    for pilot in pilots:
        folder = root / pilot.id
        files = sorted(f.name for f in folder.iterdir())
        assert files == sorted(f"{kind}-{pilot.id}.{ext}" for kind, ext in
                               [("factsheet", "pdf"), ("factsheet", "docx"), ("brief", "docx"),
                                ("wederhoorformulier", "xlsx")])
        own = " ".join(str(a.value) for a in pilot.answers.values())     # its answers may cite others
        others = [p.name for p in pilots if p.id != pilot.id and p.name not in pilot.name and p.name not in own]
        for path in folder.iterdir():
            text = _file_text(path)
            assert pilot.name in text.replace("\n", " ") or path.suffix == ".pdf", path.name
            leaked = [name for name in others if name in text]
            assert not leaked, f"{path.name} noemt andere pilots: {leaked}"
            assert not any(contact in text for contact in contacts), f"{path.name} bevat P5"


def test_the_factsheet_pdf_is_the_annex_factsheet_alone(example_packets):
    inputs, root, _ = example_packets
    pilot = read_inputs(inputs).pilots[0]
    reader = PdfReader(root / pilot.id / f"factsheet-{pilot.id}.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert 1 <= len(reader.pages) <= 3
    assert pilot.name in text and "a. Basisgegevens" in text
    assert "Inhoud" not in text                     # no cover, colophon or contents
    assert "/StructTreeRoot" in reader.trailer["/Root"]   # tagged, as the report is


def test_the_factsheet_docx_holds_one_factsheet_in_the_house_style(example_packets):
    inputs, root, _ = example_packets
    pilot = read_inputs(inputs).pilots[0]
    document = open_docx(root / pilot.id / f"factsheet-{pilot.id}.docx")
    styles = {p.style.name for p in document.paragraphs}
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert pilot.name in cells
    assert not any("TOC" in s or "Inhoud" in s for s in styles)
    assert document.core_properties.language == "nl-NL"


def test_the_form_lists_the_factsheet_questions_with_dropdowns_and_protection(example_packets):
    inputs, root, _ = example_packets
    result = build(inputs, None, formats=())
    sheet = result.document.annexes[0].factsheets[0]
    ws = openpyxl.load_workbook(root / sheet.pilot_id / f"wederhoorformulier-{sheet.pilot_id}.xlsx")[FORM_SHEET]
    rows = {row[0].value: row for row in ws.iter_rows() if row[0].value in form_questions(sheet)}
    assert list(rows) == list(form_questions(sheet))
    assert "P5" not in rows and "D2" in rows and "A8" in rows
    assert ws.protection.sheet
    assert not rows["A8"][VALUE_COLUMN - 1].protection.locked
    assert not rows["A8"][REASON_COLUMN - 1].protection.locked
    assert rows["A8"][1].protection.locked
    validated = {str(ref) for v in ws.data_validations.dataValidation if v.type == "list" for ref in v.sqref.ranges}
    assert rows["K1"][VALUE_COLUMN - 1].coordinate in validated          # a choice question


def test_the_overview_keeps_the_dates_the_team_filled_in(tmp_path):
    inputs = write_inputs(tmp_path / "invoer", 4)
    for name in ("rapport.yaml", "teksten", LETTER_FILE):
        (shutil.copytree if (BUNDLED / name).is_dir() else shutil.copy)(BUNDLED / name, inputs / name)
    make_packets(inputs, tmp_path / "uit")
    overview = tmp_path / "uit" / "wederhoor" / OVERVIEW_FILE
    workbook = openpyxl.load_workbook(overview)
    row = next(r for r in workbook["Overzicht"].iter_rows() if r[0].value == "T001")
    row[4].value = "01-12-2026"
    workbook.save(overview)
    make_packets(inputs, tmp_path / "uit")
    row = next(r for r in openpyxl.load_workbook(overview)["Overzicht"].iter_rows() if r[0].value == "T001")
    assert row[4].value == "01-12-2026"


def _fill(form: Path, target: Path, edits: dict[str, tuple[object, str]]) -> Path:
    workbook = openpyxl.load_workbook(form)
    for row in workbook[FORM_SHEET].iter_rows():
        if row[0].value in edits:
            row[VALUE_COLUMN - 1].value, row[REASON_COLUMN - 1].value = edits[row[0].value]
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return target


def _form(root: Path, pilot_id: str) -> Path:
    return root / pilot_id / f"wederhoorformulier-{pilot_id}.xlsx"


def test_two_returned_forms_become_corrections_the_next_build_shows(example_packets, tmp_path):
    inputs, root, _ = example_packets
    inputs = shutil.copytree(inputs, tmp_path / "invoer")
    first, second = read_inputs(inputs).pilots[:2]
    returned = tmp_path / "terug"
    _fill(_form(root, first.id), returned / "antwoord van pilot.xlsx",
          {"A8": (4321, "Telling tot en met november"), "P4": (first.value("P4"), "")})
    _fill(_form(root, second.id), returned / "sub" / "x.xlsx", {"P4": ("Regio: Noord # 'west'", "")})
    before = (inputs / "correcties.yaml").read_text(encoding="utf-8")

    build(inputs, tmp_path / "uit", formats=("docx",))          # the previous version's snapshot
    outcome = process_returns(returned, read_inputs(inputs).pilots, inputs / "correcties.yaml")

    assert not outcome.problems and outcome.unchanged == 1
    assert [(f.pilot.id, f.row.question_id) for f in outcome.applied] == [(first.id, "A8"), (second.id, "P4")]
    after = (inputs / "correcties.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))                   # comments and order kept
    assert 'reden: "Telling tot en met november"' in after and f'ronde: "{ROUND}"' in after
    assert f'door: "{second.name}"' in after
    pilots = {p.id: p for p in read_inputs(inputs).pilots}
    assert pilots[first.id].value("A8") == 4321
    assert pilots[second.id].value("P4") == "Regio: Noord # 'west'"
    document = build(inputs, None, formats=()).document
    sheet = next(s for a in document.annexes for s in a.factsheets if s.pilot_id == first.id)
    fact = next(f for s in sheet.sections for f in s.facts if f.question_id == "A8")
    assert fact.origin.value == "correctie"
    changes = CliRunner().invoke(main, ["wijzigingen", "--inputs", str(inputs), "--output", str(tmp_path / "uit")])
    assert changes.exit_code == 0, changes.output
    assert ROUND in changes.output and "Telling tot en met november" in changes.output

    again = process_returns(returned, read_inputs(inputs).pilots, inputs / "correcties.yaml")
    assert not again.applied and again.already == 2
    assert (inputs / "correcties.yaml").read_text(encoding="utf-8") == after


def test_an_invalid_value_writes_nothing_and_names_file_cell_and_question(example_packets, tmp_path):
    inputs, root, _ = example_packets
    inputs = shutil.copytree(inputs, tmp_path / "invoer")
    pilot = read_inputs(inputs).pilots[0]
    returned = tmp_path / "terug"
    _fill(_form(root, pilot.id), returned / "a.xlsx", {"A8": ("veel", ""), "K1": ("geen idee", "")})
    (returned / "notities.xlsx").write_bytes(b"geen werkboek")
    before = (inputs / "correcties.yaml").read_bytes()

    run = CliRunner().invoke(main, ["wederhoor", "--inputs", str(inputs), "--verwerk", str(returned)])

    assert run.exit_code == 1 and "Traceback" not in run.output
    assert "a.xlsx" in run.output and "vraag A8" in run.output and "vraag K1" in run.output
    assert "notities.xlsx" in run.output
    assert (inputs / "correcties.yaml").read_bytes() == before


def test_stale_conflicting_and_already_corrected_values_are_listed_not_applied(example_packets, tmp_path):
    inputs, root, _ = example_packets
    inputs = shutil.copytree(inputs, tmp_path / "invoer")
    one, two = read_inputs(inputs).pilots[2:4]
    returned = tmp_path / "terug"
    _fill(_form(root, one.id), returned / "a.xlsx", {"A8": (11, "eerste")})
    _fill(_form(root, one.id), returned / "b.xlsx", {"A8": (12, "tweede")})
    _fill(_form(root, two.id), returned / "c.xlsx", {"P4": ("Elders", "")})
    with (inputs / "correcties.yaml").open("a", encoding="utf-8") as corrections:   # P4 moved since sending
        corrections.write(f'\n- pilot: {two.id}\n  vraag: P4\n  waarde: "Ergens"\n  reden: r\n  ronde: r\n')
    before = (inputs / "correcties.yaml").read_bytes()

    outcome = process_returns(returned, read_inputs(inputs).pilots, inputs / "correcties.yaml")

    assert not outcome.applied and not outcome.problems
    reasons = {(f.form.path.name, why.split(" (")[0]) for f, why in outcome.not_applied}
    assert ("a.xlsx", "andere waarde in een ander formulier") in reasons
    assert ("b.xlsx", "andere waarde in een ander formulier") in reasons
    assert any(name == "c.xlsx" and "andere correctie" in why for name, why in reasons)
    assert (inputs / "correcties.yaml").read_bytes() == before


@needs_libreoffice
def test_a_form_saved_by_libreoffice_calc_is_read(other_packets, tmp_path):
    inputs, root, _ = other_packets
    inputs = shutil.copytree(inputs, tmp_path / "invoer")
    pilot = read_inputs(inputs).pilots[0]
    filled = _fill(_form(root, pilot.id), tmp_path / "ingevuld" / "form.xlsx", {"A8": (77, "via Calc")})
    returned = tmp_path / "terug"
    libreoffice_convert(filled, returned, "xlsx", timeout=180)

    outcome = process_returns(returned, read_inputs(inputs).pilots, inputs / "correcties.yaml")

    assert not outcome.problems, [p.format() for p in outcome.problems]
    assert [(f.pilot.id, f.row.question_id) for f in outcome.applied] == [(pilot.id, "A8")]
    assert read_inputs(inputs).pilots[0].value("A8") == 77


def test_packets_are_the_same_bytes_whatever_the_number_of_workers(other_packets, tmp_path, monkeypatch):
    """The packets' documents are made side by side by the workers; how many must not show in a byte."""
    inputs, folder, written = other_packets
    count = 1 if default_workers() > 1 else 2          # the other count than the fixture's
    monkeypatch.setattr(packets, "workers", lambda: workers(count))
    again, problems = make_packets(inputs, tmp_path / "uit")
    assert not problems
    made = {path.relative_to(tmp_path / "uit" / "wederhoor"): path.read_bytes() for path in again}
    assert made == {path.relative_to(folder): path.read_bytes() for path in written}
    assert len(made) == 4 * 4 + 1
