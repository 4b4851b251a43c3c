"""Turn the charts' data into figuurdata.xlsx: the numbers behind every figure.

The ministry's analysts check and reuse the counts, so each figure gets a sheet
with the bars in chart order, the pilots without an answer and the total, plus
an overview sheet that links to them. The workbook shares the look of the
questionnaires and is saved with fixed metadata, so unchanged data gives
unchanged bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import quote_sheetname
from openpyxl.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from report.figures.content import MISSING_LABEL, ChartData, note
from report.engagement.codebook import question
from report.style import HOUSE_STYLE
from report.workbooks.layout import Column, font, header_row, new_workbook, set_columns
from report.workbooks.save import save_workbook

FILE_NAME = "figuurdata.xlsx"
OVERVIEW_SHEET = "Overzicht"
TOTAL_LABEL = "Totaal pilots"
MULTI_EXPLANATION = ("Meerdere antwoorden per pilot mogelijk: de aantallen per categorie "
                     "tellen daarom niet op tot het totaal.")

_TOTAL_RULE = Border(top=Side(style="thin", color="FF" + HOUSE_STYLE.palette.text.lstrip("#")))
_FIGURE_COLUMNS = (Column("Categorie", 52), Column("Code", 26), Column("Aantal", 10))
_OVERVIEW_COLUMNS = (Column("Blad", 8), Column("Figuur", 80), Column("Vraag", 8),
                     Column("n", 6), Column("Meerdere antwoorden", 21))


def figure_workbook(charts: Sequence[ChartData]) -> Workbook:
    """An overview sheet, then one sheet per figure in the given order."""
    wb = new_workbook("Cijfers bij de figuren")
    _overview(wb.create_sheet(OVERVIEW_SHEET), charts)
    for data in charts:
        _figure_sheet(wb.create_sheet(data.spec.key), data)
    return wb


def write_figure_data(charts: Sequence[ChartData], path: Path) -> None:
    save_workbook(figure_workbook(charts), path)


def _overview(ws: Worksheet, charts: Sequence[ChartData]) -> None:
    set_columns(ws, _OVERVIEW_COLUMNS)
    header_row(ws, 1, _OVERVIEW_COLUMNS)
    for row, data in enumerate(charts, start=2):
        values = (data.spec.key, data.spec.title, data.spec.question_id, data.n,
                  "ja" if data.multi else "nee")
        for column, value in enumerate(values, start=1):
            ws.cell(row=row, column=column, value=value).font = font()
        link = ws.cell(row=row, column=1)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quote_sheetname(data.spec.key)}!A1")
        link.font = font(colour=HOUSE_STYLE.palette.primary)
    ws.page_setup.orientation = "landscape"
    _finish(ws)


def _figure_sheet(ws: Worksheet, data: ChartData) -> None:
    set_columns(ws, _FIGURE_COLUMNS)
    header_row(ws, 1, _FIGURE_COLUMNS)
    lines = [(row.label, row.code, row.count, False) for row in data.rows]
    lines += [(MISSING_LABEL, None, data.not_answered, False), (TOTAL_LABEL, None, data.n, True)]
    for row, (label, code, count, total) in enumerate(lines, start=2):
        for column, value in enumerate((label, code, count), start=1):
            cell = ws.cell(row=row, column=column, value=value)
            cell.font = font(bold=total)
            if total:
                cell.border = _TOTAL_RULE
    q = question(data.spec.question_id)
    notes = [f"Figuur: {data.spec.title}", f"Vraag {q.id}: {q.text}", note(data)]
    if data.multi:
        notes.append(MULTI_EXPLANATION)
    for row, text in enumerate(notes, start=len(lines) + 3):
        cell = ws.cell(row=row, column=1, value=text)
        cell.font = font(italic=True)
        cell.alignment = Alignment(wrap_text=False)
    _finish(ws)


def _finish(ws: Worksheet) -> None:
    """Header frozen on screen and repeated on paper; pages one sheet wide."""
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
