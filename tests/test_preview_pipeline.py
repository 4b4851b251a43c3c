"""What the preview recomputes after a save, and the pages it shows for good and broken inputs (no browser)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html
from openpyxl import load_workbook

from report.parity import compare, read_docx, read_html
from report.preview import Preview
from report.preview import pipeline as pipeline_module
from tests.conftest import EXAMPLE_INPUTS


@pytest.fixture
def inputs(tmp_path) -> Path:
    return Path(shutil.copytree(EXAMPLE_INPUTS, tmp_path / "invoer"))


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The workbooks the preview opens, by file name."""
    opened: list[str] = []
    real = pipeline_module.read_questionnaire

    def counting(path, label):
        opened.append(path.name)
        return real(path, label)

    monkeypatch.setattr(pipeline_module, "read_questionnaire", counting)
    return opened


def test_a_text_edit_reads_no_workbook_and_an_answer_reads_one(inputs, tmp_path, reads):
    preview = Preview(inputs, tmp_path / "werk")
    first = preview.refresh()
    assert len(reads) == len(list((inputs / "vragenlijsten").glob("*.xlsx")))
    reads.clear()

    text = inputs / "teksten" / "1-inleiding.md"
    text.write_text(text.read_text(encoding="utf-8").replace("In november 2018", "In december 2018"), encoding="utf-8")
    edited = preview.refresh([text])
    assert reads == [] and b"december 2018 zond" in edited.html and edited.version == first.version + 1

    workbook = inputs / "vragenlijsten" / "P03.xlsx"
    book = load_workbook(workbook)
    row = next(cell.row for cell in book.active["A"] if cell.value == "B1")
    assert book.active[f"C{row}"].value == "vertraagd"
    book.active[f"C{row}"] = "afgerond"
    book.save(workbook)
    answered = preview.refresh([workbook])
    assert reads == ["P03.xlsx"]
    [sheet] = html.fromstring(answered.html).xpath("//section[@class='factsheet'][.//*[@id='factsheet-P03']]")
    assert "Afgerond" in sheet.text_content() and "Vertraagd" not in sheet.text_content()


def test_inputs_that_never_built_show_the_error_and_no_report(inputs, tmp_path):
    text = inputs / "teksten" / "2-overzicht.md"
    text.write_text("# Overzicht\n\n{{ aantal(K1='x' }}\n", encoding="utf-8")
    page = html.fromstring(Preview(inputs, tmp_path / "werk").refresh().html)
    [alert] = page.xpath("//*[@role='alert']")
    assert "teksten/2-overzicht.md" in alert.text_content() and "regel 3" in alert.text_content()
    assert not page.xpath("//main") and page.get("lang") == "nl"


def test_the_preview_shows_the_same_content_as_the_docx(example_build, tmp_path):
    page = Preview(Path(EXAMPLE_INPUTS), tmp_path / "werk").refresh()
    assert compare(read_docx(example_build.docx.read_bytes()), read_html(page.html)) == []


def test_only_named_files_are_served(tmp_path):
    page = Preview(Path(EXAMPLE_INPUTS), tmp_path / "werk").refresh()
    assert all(path.startswith(("/figuren/fig-", "/lettertypen/", "/logo.svg")) and ".." not in path
               for path in page.files)
