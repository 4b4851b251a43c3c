"""figuurdata.xlsx: the numbers behind each figure, read back with openpyxl."""

from __future__ import annotations

import zipfile

import openpyxl

from report.figures.content import chart_data
from report.figures.data import OVERVIEW_SHEET, write_figure_data
from report.figures.registry import figure_spec
from tests.test_charts import make_distribution, reference


def _write(tmp_path, keys=("K1", "A10", "A9")):
    charts = [chart_data(figure_spec(key), reference(key)) for key in keys]
    path = tmp_path / "figuurdata.xlsx"
    write_figure_data(charts, path)
    return path


def test_a_sheet_per_figure_with_categories_codes_counts_missing_and_total(tmp_path):
    wb = openpyxl.load_workbook(_write(tmp_path))
    assert wb.sheetnames == [OVERVIEW_SHEET, "K1", "A10", "A9"]
    rows = list(wb["A10"].iter_rows(min_row=1, max_row=6, values_only=True))
    assert rows == [
        ("Categorie", "Code", "Aantal"),
        ("Geen, alleen basis-ICT", "geen", 10),
        ("Maatwerk: tool of portaal ontwikkeld in de pilot", "maatwerk", 8),
        ("Bestaande systemen", "bestaand", 7),
        ("Niet ingevuld", None, 5),
        ("Totaal pilots", None, 30),
    ]
    assert all(cell.font.b for cell in wb["A10"][1])
    assert wb["A10"]["A6"].font.b and not wb["A10"]["A5"].font.b
    assert wb["A10"].column_dimensions["A"].width > wb["A10"].column_dimensions["C"].width


def test_single_choice_counts_add_up_to_the_total(tmp_path):
    ws = openpyxl.load_workbook(_write(tmp_path))["K1"]
    counts = [row[2] for row in ws.iter_rows(min_row=2, values_only=True) if row[2] is not None]
    *parts, total = counts
    assert sum(parts) == total == 30


def test_multiple_choice_sheet_explains_why_counts_exceed_the_total(tmp_path):
    ws = openpyxl.load_workbook(_write(tmp_path))["A9"]
    column_a = [row[0] for row in ws.iter_rows(values_only=True) if row[0]]
    assert ("Het Juridisch Loket", "hjl", 16) in list(ws.iter_rows(values_only=True))
    assert "Meerdere antwoorden mogelijk. n = 30 pilots." in column_a
    assert any("tellen daarom niet op tot het totaal" in text for text in column_a)
    assert "Figuur: Antwoorden op de vraag met welke partners wordt samengewerkt" in column_a


def test_overview_lists_every_figure_with_n_and_links_to_its_sheet(tmp_path):
    ws = openpyxl.load_workbook(_write(tmp_path))[OVERVIEW_SHEET]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows[0] == ("K1", figure_spec("K1").title, "K1", 30, "nee")
    assert rows[2][0] == "A9" and rows[2][4] == "ja"
    assert ws["A3"].hyperlink.location == "'A10'!A1"


def test_bytes_are_stable_and_free_of_the_save_time(tmp_path):
    first = _write(tmp_path / "a").read_bytes()
    second = _write(tmp_path / "b").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a" / "figuurdata.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core


def test_a_missing_count_of_zero_is_written_not_left_blank(tmp_path):
    charts = [chart_data(figure_spec("B3"), make_distribution("B3", {"ja": 3, "nee": 1}, pilots=4))]
    path = tmp_path / "figuurdata.xlsx"
    write_figure_data(charts, path)
    rows = list(openpyxl.load_workbook(path)["B3"].iter_rows(min_row=2, max_row=7, values_only=True))
    assert rows[-2:] == [("Niet ingevuld", None, 0), ("Totaal pilots", None, 4)]
    assert [row[1] for row in rows[:4]] == ["ja", "afhankelijk", "onbekend", "nee"]
