"""Turn an existing worklist and the remarks read now into one list that keeps the team's work.

A review round has several reviewers and several runs; the worklist is where
the team writes who does what. So a run never overwrites it: rows are matched
by their `Kenmerk` (report.comments.worklist.identity). A remark read again
keeps its number and the team's columns, a new one is added with the next
number and marked new (until the team sets its status), and one that a
re-read file no longer holds is kept and marked as such. The list is the
team's document: rows it added by hand (without a Kenmerk) and columns it
added stay, in the order, sorting and filters it gave them.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from report.comments.worklist import (
    FILE, GONE, HEADERS, KEY, MORE_PILOTS, NEW_ROW, NUMBER, PRESENCE, SHEET, STATUS, STATUSES, TEAM, Layout, Row,
)

_FILE_SEPARATOR = ", "
_HEADER_ROWS = 12


class NotAWorklist(Exception):
    """The file at the worklist's place cannot be merged into; the message is Dutch."""


@dataclass(frozen=True)
class Worklist:
    """The rows of an earlier worklist, every column by its header, and how the team laid it out."""

    rows: list[Row]
    layout: Layout


@dataclass(frozen=True)
class Merged:
    rows: list[Row]
    new: int
    kept: int
    gone: int


def read_worklist(path: Path) -> Worklist:
    """The rows of a worklist this command wrote earlier, by column header, the team's columns too."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # Excel's extensions openpyxl does not read
            wb = load_workbook(path)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        raise NotAWorklist(f"{path.name} bestaat al maar kan niet als werklijst worden gelezen "
                           f"({type(error).__name__}).") from None
    if SHEET not in wb.sheetnames:
        raise NotAWorklist(f"{path.name} bestaat al maar heeft geen blad '{SHEET}'; het is geen werklijst "
                           "van make_report.py opmerkingen.")
    ws = wb[SHEET]
    for header in range(1, min(ws.max_row, _HEADER_ROWS) + 1):
        names = [ws.cell(row=header, column=c).value for c in range(1, ws.max_column + 1)]
        if NUMBER in names and KEY in names:
            break
    else:
        raise NotAWorklist(f"{path.name} bestaat al maar heeft geen kolommen '{NUMBER}' en '{KEY}'; het is "
                           "geen werklijst van deze versie van make_report.py opmerkingen.")
    columns = {str(name).strip(): index for index, name in enumerate(names, start=1)
               if name not in (None, "") and str(name).strip()}
    rows = []
    for row in range(header + 1, ws.max_row + 1):
        values = {name: _value(ws.cell(row=row, column=index)) for name, index in columns.items()}
        if any(value not in (None, "") for value in values.values()):
            rows.append(values)
    sort = ws.auto_filter.sortState
    return Worklist(rows, Layout(tuple(columns), tuple(ws.auto_filter.filterColumn),
                                 sort if sort is not None and sort.sortCondition else None))


def merge(existing: list[Row] | None, fresh: list[Row], files_read: set[str]) -> Merged:
    """`fresh` (this run's rows, in reading order) merged into `existing` (None: no list yet)."""
    unique: dict[str, Row] = {}
    for row in fresh:
        if row[KEY] in unique:
            unique[row[KEY]][FILE] = _files(unique[row[KEY]][FILE], row[FILE])
        else:
            unique[row[KEY]] = dict(row)
    if existing is None:
        rows = list(unique.values())
        for number, row in enumerate(rows, start=1):
            row[NUMBER] = number
        return Merged(rows, len(rows), 0, 0)
    rows, kept, gone = [], 0, 0
    for old in existing:
        key = old.get(KEY)
        if key and key in unique:
            row = unique.pop(key)
            row.update({name: value for name, value in old.items() if name in TEAM or name not in HEADERS})
            row.update({NUMBER: old.get(NUMBER), PRESENCE: _still_new(old),
                        FILE: _files(old.get(FILE), row[FILE])})
            kept += 1
        else:
            row = dict(old)
            if key and set(_split(old.get(FILE))) & files_read:
                row[PRESENCE] = GONE
                gone += 1
            elif row.get(PRESENCE) == NEW_ROW:
                row[PRESENCE] = _still_new(old)
        rows.append(row)
    number = max((r[NUMBER] for r in rows if isinstance(r.get(NUMBER), int)), default=0)
    for number, row in enumerate(unique.values(), start=number + 1):
        row.update({NUMBER: number, PRESENCE: NEW_ROW})
        rows.append(row)
    return Merged(rows, len(unique), kept, gone)


def _value(cell) -> object:
    """A cell's value; a summarised pilots list's full text from the comment that holds it."""
    if isinstance(cell.value, str) and cell.value.endswith(MORE_PILOTS) and cell.comment is not None:
        return cell.comment.text
    return cell.value


def _still_new(old: Row) -> str:
    """*nieuw* stays until the team has set the row's status: only then has someone looked at it."""
    untouched = old.get(PRESENCE) == NEW_ROW and str(old.get(STATUS) or STATUSES[0]).strip() == STATUSES[0]
    return NEW_ROW if untouched else ""


def _files(old: object, new: object) -> str:
    return _FILE_SEPARATOR.join(dict.fromkeys([*_split(old), *_split(new)]))


def _split(value: object) -> list[str]:
    return [part for part in str(value or "").split(_FILE_SEPARATOR) if part]
