"""Turn a blank worksheet into the look every workbook we hand out shares: title, header, rows, print.

The questionnaire and the coding sheet are filled in by different people but
must feel like one family and survive the same handling (printing, sorting a
column wider, typing a long answer), so their styling lives here once. Colours
come from the house style; the font is the Word-safe fallback because the
recipients' Excel will not have the report font installed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.cell.cell import Cell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.worksheet.worksheet import Worksheet

from report.engagement.codebook import AnswerKind, Question
from report.style import HOUSE_STYLE
from report.workbooks.cells import put

CHOICE_LISTS_SHEET = "Keuzelijsten"
DATE_FORMAT = "dd-mm-yyyy"  # Excel stores format codes in English; Dutch Excel shows dd-mm-jjjj

_PALETTE = HOUSE_STYLE.palette
_FONT = HOUSE_STYLE.fonts.word_fallback
BODY_SIZE = 10.0
HINT_SIZE = 9.0
NOTE_SIZE = 9.5
_LINE_FACTOR = 1.32       # line height / font size, Calibri in Excel and LibreOffice
_CHARS_PER_WIDTH = 1.3   # characters of 10 pt text per unit of column width, kept pessimistic
_ROW_PADDING = 6.0


def _colour(hex_colour: str) -> str:
    return "FF" + hex_colour.lstrip("#").upper()


_RULE = Side(style="thin", color=_colour(_PALETTE.rule))
_BOX = Border(left=_RULE, right=_RULE, top=_RULE, bottom=_RULE)
_TOP_WRAP = Alignment(wrap_text=True, vertical="top")
_LOCKED = Protection(locked=True)
_UNLOCKED = Protection(locked=False)


@dataclass(frozen=True)
class Column:
    header: str
    width: float


def font(size: float = BODY_SIZE, *, bold: bool = False, italic: bool = False,
         colour: str = _PALETTE.text) -> Font:
    return Font(name=_FONT, size=size, bold=bold, italic=italic, color=_colour(colour))


def _inline(size: float, *, bold: bool = False, italic: bool = False,
            colour: str = _PALETTE.text) -> InlineFont:
    return InlineFont(rFont=_FONT, sz=size, b=bold or None, i=italic or None, color=_colour(colour))


def _stacked(first: str, first_font: InlineFont, second: str, second_font: InlineFont) -> CellRichText:
    """Two differently styled texts on separate lines of one cell."""
    return CellRichText(TextBlock(first_font, first), TextBlock(second_font, "\n" + second))


def text_with_hint(text: str, hint: str) -> CellRichText | str:
    """A cell's main text with a smaller grey hint below it, in one wrapped cell."""
    if not hint:
        return text
    return _stacked(text, _inline(BODY_SIZE), hint, _inline(HINT_SIZE, italic=True, colour=_PALETTE.muted))


def line_count(text: str, width: float, size: float = BODY_SIZE) -> int:
    """How many lines `text` wraps to in a column of this width (an estimate)."""
    per_line = max(1, int(width * _CHARS_PER_WIDTH * BODY_SIZE / size))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def height_for(lines: Sequence[tuple[int, float]]) -> float:
    """Row height in points for blocks of (line count, font size) stacked in one cell."""
    return round(sum(n * size * _LINE_FACTOR for n, size in lines) + _ROW_PADDING, 1)


def new_workbook(title: str) -> Workbook:
    """An empty workbook whose metadata is fixed, so saved bytes depend only on content."""
    wb = Workbook()
    wb.remove(wb.active)
    fixed = dt.datetime(2000, 1, 1)
    props = wb.properties
    props.creator = HOUSE_STYLE.organisation
    props.title = title
    props.language = HOUSE_STYLE.language
    props.created = fixed
    props.modified = fixed
    return wb


def set_columns(ws: Worksheet, columns: Sequence[Column]) -> None:
    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width


@dataclass(frozen=True)
class Note:
    """One instruction cell of the title block: a bold heading over short lines."""

    heading: str
    lines: tuple[str, ...]
    span: int  # how many columns the cell covers

    def text(self) -> str:
        return "\n".join(self.lines)


def title_block(ws: Worksheet, columns: Sequence[Column], title: str, subtitle: str,
                notes: Sequence[Note]) -> int:
    """Title and side-by-side instruction cells above the header; returns the header row.

    The block sits above the frozen header and so is always on screen: the
    notes stand next to each other to keep it short.
    """
    last = get_column_letter(len(columns))
    ws["A1"] = _stacked(title, _inline(15, bold=True, colour=_PALETTE.primary),
                        subtitle, _inline(BODY_SIZE + 1, colour=_PALETTE.muted))
    ws["A1"].alignment = Alignment(vertical="center", wrap_text=True)
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 42
    note_fill = PatternFill("solid", fgColor=_colour(_PALETTE.box_fill))
    start, lines = 1, 1
    for note in notes:
        first, end = get_column_letter(start), get_column_letter(start + note.span - 1)
        cell = ws[f"{first}2"]
        cell.value = _stacked(note.heading, _inline(NOTE_SIZE, bold=True, colour=_PALETTE.primary),
                              note.text(), _inline(NOTE_SIZE))
        cell.alignment = Alignment(wrap_text=True, vertical="top", indent=1)
        for index in range(start, start + note.span):
            ws.cell(row=2, column=index).fill = note_fill
        if note.span > 1:
            ws.merge_cells(f"{first}2:{end}2")
        width = sum(c.width for c in columns[start - 1:start - 1 + note.span]) - 2
        lines = max(lines, 1 + line_count(note.text(), width, NOTE_SIZE))
        start += note.span
    ws.row_dimensions[2].height = height_for([(lines, NOTE_SIZE)]) + 4
    ws.row_dimensions[3].height = 8
    return 4


def header_row(ws: Worksheet, row: int, columns: Sequence[Column]) -> None:
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=row, column=index, value=column.header)
        cell.font = font(bold=True, colour=_PALETTE.white)
        cell.fill = PatternFill("solid", fgColor=_colour(_PALETTE.primary))
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cell.border = _BOX
    ws.row_dimensions[row].height = 22


def band_row(ws: Worksheet, row: int, title: str, column: int, width: int) -> None:
    """A section title across the sheet; its title sits outside the ID column."""
    fill = PatternFill("solid", fgColor=_colour(_PALETTE.box_fill))
    for index in range(1, width + 1):
        cell = ws.cell(row=row, column=index)
        cell.fill = fill
        cell.border = Border(top=_RULE, bottom=_RULE)
    cell = ws.cell(row=row, column=column, value=title)
    cell.font = font(11.5, bold=True, colour=_PALETTE.primary)
    cell.alignment = Alignment(vertical="center")
    ws.row_dimensions[row].height = 24


def fixed_cell(cell: Cell, *, bold: bool = False) -> None:
    """A cell the respondent reads but may not change."""
    cell.font = font(bold=bold)
    cell.alignment = _TOP_WRAP
    cell.border = _BOX
    cell.protection = _LOCKED


def hint_cell(cell: Cell) -> None:
    """Small grey explanation text, aligned to sit just above what it explains."""
    cell.font = font(HINT_SIZE, italic=True, colour=_PALETTE.muted)
    cell.alignment = Alignment(wrap_text=True, vertical="bottom")


def input_cell(cell: Cell, value: object = None, *, shaded: bool = True) -> None:
    """A cell the respondent types in; `value` as a person would have typed it.

    Text that starts with `=` stays text: a cell we write is never a formula.
    """
    put(cell, value)
    if isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    cell.font = font()
    cell.alignment = _TOP_WRAP
    cell.border = _BOX
    cell.protection = _UNLOCKED
    if shaded:
        cell.fill = PatternFill("solid", fgColor=_colour(_PALETTE.info_fill))


def date_cell(cell: Cell) -> None:
    cell.number_format = DATE_FORMAT
    cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")


class ChoiceLists:
    """The hidden sheet that holds each single-choice question's Dutch labels.

    Dropdowns point at ranges here rather than at inline lists, because labels
    contain commas and inline lists are limited to 255 characters.
    """

    def __init__(self, wb: Workbook) -> None:
        self._ws = wb.create_sheet(CHOICE_LISTS_SHEET)
        self._ws.sheet_state = "hidden"
        self._ws.protection.sheet = True
        self._ranges: dict[str, str] = {}

    def range_for(self, q: Question) -> str:
        """The absolute range of `q`'s labels, added on first use."""
        if q.id not in self._ranges:
            column = len(self._ranges) + 1
            letter = get_column_letter(column)
            self._ws.cell(row=1, column=column, value=q.id).font = font(bold=True)
            for row, choice in enumerate(q.choices, start=2):
                self._ws.cell(row=row, column=column, value=choice.label)
            self._ws.column_dimensions[letter].width = max(len(c.label) for c in q.choices) + 2
            end = len(q.choices) + 1
            self._ranges[q.id] = f"{quote_sheetname(self._ws.title)}!${letter}$2:${letter}${end}"
        return self._ranges[q.id]


def dropdown(ws: Worksheet, lists: ChoiceLists, q: Question, cells: str) -> None:
    """A list validation with `q`'s labels on `cells` (a range such as C12 or D6:D40)."""
    choice_list(ws, lists.range_for(q), cells)


def answer_validation(ws: Worksheet, lists: ChoiceLists, q: Question, cell: Cell) -> None:
    """What Excel checks in an answer cell of `q`: a dropdown, a whole number or a date format."""
    if q.kind is AnswerKind.CHOICE:
        dropdown(ws, lists, q, cell.coordinate)
    elif q.kind is AnswerKind.NUMBER:
        whole_number(ws, cell.coordinate)
    elif q.kind is AnswerKind.DATE:
        date_cell(cell)


def choice_list(ws: Worksheet, formula: str, cells: str) -> None:
    """A list validation on `cells`; `formula` is a range or quoted labels ('"a,b"')."""
    validation = DataValidation(
        type="list", formula1=formula, allow_blank=True,
        showErrorMessage=True, errorStyle="stop", errorTitle="Kies uit de lijst",
        error="Kies een antwoord uit de lijst: klik op het pijltje naast de cel. "
              "Weet u het niet? Laat de cel dan leeg.")
    validation.add(cells)
    ws.add_data_validation(validation)


def whole_number(ws: Worksheet, cells: str) -> None:
    """A validation that accepts only a whole number of 0 or more (or nothing)."""
    validation = DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showErrorMessage=True, errorStyle="stop", errorTitle="Geen geldig aantal",
        error="Vul een heel getal in (0 of meer), zonder punten, spaties of tekst. "
              "Weet u het niet? Laat de cel dan leeg.")
    validation.add(cells)
    ws.add_data_validation(validation)


def finish_sheet(ws: Worksheet, header: int, freeze: str, first_input: str) -> None:
    """Protection, frozen header, print setup and the cursor on the first answer.

    The sheet is protected without a password: it guards against accidental
    edits of IDs and questions, not against a determined user. Rows and
    columns may still be resized.
    """
    ws.protection = SheetProtection(sheet=True, formatRows=False, formatColumns=False)
    ws.freeze_panes = freeze
    ws.sheet_view.showGridLines = False
    ws.sheet_view.selection[-1].activeCell = first_input
    ws.sheet_view.selection[-1].sqref = first_input
    print_setup(ws, header)


def print_setup(ws: Worksheet, header: int) -> None:
    """A4 landscape, one page wide, the header row on every page, sheet name and page in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header}:{header}"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.right.text = "Pagina &P van &N"
    ws.oddFooter.right.size = 8
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.left.size = 8

