"""Store every value we put into a workbook as what it is: text stays text, never a formula.

Workbooks leave the building (questionnaires, correction forms, the fact-check
overview, worklists) and carry text that came from outside: a pilot's name, a
contact, an answer, a reviewer's remark. openpyxl turns any string that starts
with `=` into a formula, and a spreadsheet program evaluates it when the file
is opened (a DDE call, a HYPERLINK that leaks a neighbouring cell). So there is
one writer: `put` for a single cell, and `literal_workbook`, which every saved
workbook passes through (report.workbooks.save), for the cells written
directly. Text that a spreadsheet would read as a formula on re-entry (a
leading `=`, `+`, `-`, `@`, tab or carriage return) is stored as a shared
string with Excel's quote prefix: Excel, LibreOffice and openpyxl read back the
same text, and editing the cell does not turn it into a formula either.
"""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.cell.rich_text import CellRichText
from openpyxl.workbook import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 32_000          # Excel holds 32,767 characters in a cell


def put(cell: Cell, value: object) -> Cell:
    """Write `value` into `cell`; text is stored as literal text, whatever it starts with."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > MAX_CELL_CHARS:
            value = value[:MAX_CELL_CHARS] + " …"
    cell.value = value
    _literal(cell)
    return cell


def literal_workbook(wb: Workbook) -> Workbook:
    """Every text cell of every sheet, visible or hidden, made literal; the project writes no formulas."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                _literal(cell)
    return wb


def _literal(cell: Cell) -> None:
    value = cell.value
    if isinstance(value, CellRichText) or not isinstance(value, str):
        return
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
