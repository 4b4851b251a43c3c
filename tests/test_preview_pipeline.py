"""What the preview recomputes after a save, and the pages it shows for good and broken inputs (no browser)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html
from openpyxl import load_workbook

from report.parity import compare, read_docx, read_html
from report.preview.live import Preview
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


def _sent(page: bytes) -> tuple[list[str], int]:
    """The headings of the parts a page sends, and how many it leaves as places (the browser has them)."""
    tree = html.fromstring(page)
    sent = [" ".join(part.xpath("string(.//h1 | .//h2)").split())
            for part in tree.xpath("//div[@class='deel'][not(@data-kept)]")]
    return sent, len(tree.xpath("//div[@class='deel'][@data-kept]"))


def test_a_text_edit_fills_in_that_text_again_and_sends_its_chapter_only(inputs, tmp_path, monkeypatch):
    filled: list[str] = []
    real = pipeline_module.render_text
    monkeypatch.setattr(pipeline_module, "render_text",
                        lambda path, name, pilots: (filled.append(path.name), real(path, name, pilots))[1])
    preview = Preview(inputs, tmp_path / "werk")
    first = preview.refresh()
    everything, _ = _sent(first.html)
    assert len(everything) == 4 + 30 and sorted(filled) == sorted(p.name for p in (inputs / "teksten").glob("*.md"))
    filled.clear()

    text = inputs / "teksten" / "1-inleiding.md"
    text.write_text(text.read_text(encoding="utf-8").replace("In november 2018", "In december 2018"), encoding="utf-8")
    edited = preview.refresh([text])
    assert filled == ["1-inleiding.md"]
    sent, kept = _sent(edited.html_since(first.version))
    assert sent == ["1 Inleiding"] and kept == len(everything) - 1
    assert b"december 2018 zond" in edited.html_since(first.version)
    assert _sent(edited.html_since(None)) == (everything, 0)         # a page that names no version gets all
    assert _sent(edited.html_since(first.version - 5)) == (everything, 0)

    # A footnote added in chapter 1 renumbers those after it: their chapter is sent as well.
    text.write_text(text.read_text(encoding="utf-8").replace("In december 2018 zond", "In december 2018[^nieuw] zond")
                    + "\n[^nieuw]: Een nieuwe voetnoot.\n", encoding="utf-8")
    renumbered = preview.refresh([text])
    sent, _ = _sent(renumbered.html_since(edited.version))
    assert [heading.split()[0] for heading in sent] == ["1", "3"]
    [call] = html.fromstring(renumbered.html).xpath("//section[h1[starts-with(normalize-space(), '3 ')]]"
                                                    "//sup[@class='fn-call']/a")
    assert call.text == "3"


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
