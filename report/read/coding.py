"""Turn the researchers' coding workbook into the coding columns' answers per Pilot-ID.

Researchers rename and add columns while they work, so a column is known by
its header: the codebook's header ("X1 Label") or any header that starts
with the column ID ("X1", "X1: label" for a column X1), case-insensitive. Other columns
(a pilot name for orientation, notes) are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from report.engagement.codebook import (
    CODING_PILOT_HEADER, CODING_SHEET, AnswerKind, Question, coding_columns, normalise,
)
from report.model import Answer, Problem, Source, SourceKind
from report.read.table import CellReader, Header, column_of, open_table
from report.read.values import as_text
from report.read.workbook import Cell, Sheet, cell_ref



def classifications() -> tuple[str, ...]:
    """The columns every pilot should have a code in; the free-text ones (a case's section, a cluster) may stay empty."""
    return tuple(q.id for q in coding_columns() if q.kind is AnswerKind.CHOICE)


@dataclass(frozen=True)
class CodingRow:
    pilot_id: str
    pilot_id_cell: str
    answers: dict[str, Answer]


@dataclass(frozen=True)
class Coding:
    file: str
    sheet: str
    rows: tuple[CodingRow, ...]


def read_coding(path: Path, file: str) -> tuple[Coding | None, list[Problem]]:
    """The coding rows (None if the sheet cannot be read) and the problems found."""
    problems: list[Problem] = []
    table = open_table(path, file, CODING_SHEET, (CODING_PILOT_HEADER,), problems)
    if table is None:
        return None, problems
    sheet, header, cells = table
    columns = _columns(header, cells)
    rows = _rows(sheet, header, columns, cells)
    return Coding(file, sheet.name, rows), problems


def _columns(header: Header, cells: CellReader) -> dict[str, int]:
    """Coding column ID -> sheet column, reporting doubled and missing columns."""
    found: dict[str, int] = {}
    for col, text in header.columns.items():
        column = _coding_column(text)
        if column is None:
            continue
        if column.id in found:
            cells.error(cell_ref(header.row, col), column,
                        f"Deze kolom staat er twee keer (ook in cel {cell_ref(header.row, found[column.id])}); "
                        "alleen de eerste wordt gelezen.", found=text)
            continue
        found[column.id] = col
    for column in coding_columns():
        if column.id not in found:
            cells.warn(None, column,
                       f"De kolom '{column.header}' ontbreekt; {column.id} telt voor alle pilots "
                       "als niet ingevuld.")
    return found


def _coding_column(text: str) -> Question | None:
    for column in coding_columns():
        if text == normalise(column.header) or re.match(
                rf"{re.escape(column.id.casefold())}(?![0-9a-z])", text):
            return column
    return None


def _rows(sheet: Sheet, header: Header, columns: dict[str, int],
          cells: CellReader) -> tuple[CodingRow, ...]:
    pilot_col = column_of(header, CODING_PILOT_HEADER)
    rows: list[CodingRow] = []
    seen: dict[str, str] = {}
    for number in sheet.row_numbers():
        if number <= header.row:
            continue
        id_cell = sheet.rows[number].get(pilot_col)
        pilot_id = as_text(id_cell.value) if id_cell is not None else ""
        if not pilot_id:
            continue
        if pilot_id.casefold() in seen:
            cells.error(id_cell.ref, None,
                        f"Deze Pilot-ID staat twee keer in de codering (ook in cel "
                        f"{seen[pilot_id.casefold()]}); alleen de eerste rij wordt gelezen.",
                        found=pilot_id)
            continue
        seen[pilot_id.casefold()] = id_cell.ref
        answers: dict[str, Answer] = {}
        uncoded: list[str] = []
        for column in coding_columns():
            col = columns.get(column.id)
            if col is None:
                continue
            cell = sheet.rows[number].get(col)
            value = cells.read(column, cell)
            if value is not None:
                source = Source(SourceKind.CODERING, cells.file, cells.sheet, cell_ref(number, col))
                answers[column.id] = Answer(column.id, value, source)
            elif column.id in classifications() and _is_blank(cell):
                uncoded.append(column.id)
        if uncoded:
            cells.warn(id_cell.ref, None,
                       f"Pilot '{pilot_id}' is niet gecodeerd op {', '.join(uncoded)}; "
                       "telt daar als niet ingevuld.")
        rows.append(CodingRow(pilot_id, id_cell.ref, answers))
    return tuple(rows)


def _is_blank(cell: Cell | None) -> bool:
    return cell is None or not (cell.formula or cell.error or as_text(cell.value))

