"""Turn the pilots found in the inputs into the researchers' coding workbook.

One row per pilot, keyed by Pilot-ID, with the pilot's name beside it for the
researchers' convenience (the reader ignores that column). Codes already
given are carried over as labels, so regenerating the sheet after new
questionnaires arrive loses no work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from report.engagement.codebook import CODING_PILOT_HEADER, CODING_SHEET, AnswerKind, Question, coding_columns, coding_section
from report.dutch import enumeration
from report.model import Pilot
from report.workbooks.layout import (
    BODY_SIZE, HINT_SIZE, ChoiceLists, Column, Note, dropdown, finish_sheet, fixed_cell, header_row,
    height_for, hint_cell, input_cell, line_count, new_workbook, set_columns, title_block,
)

NAME_HEADER = "Naam"
TITLE = "Codering van de pilots"

_MAX_WIDTH = 32


def _width(q: Question) -> float:
    longest = max([len(q.header), *(len(c.label) for c in q.choices)])
    return min(_MAX_WIDTH, longest + 3)


def _columns() -> tuple[Column, ...]:
    return (
        Column(CODING_PILOT_HEADER, 16),
        Column(NAME_HEADER, 36),
        *(Column(q.header, _width(q)) for q in coding_columns()),
    )


_FIRST_CODE_COL = 3


def _how_to() -> Note:
    """How to fill in the engagement's columns: the lists by dropdown, the rest as their question says."""
    chosen = [q.id for q in coding_columns() if q.kind is AnswerKind.CHOICE]
    free = [f"{q.id}: {q.text[:1].lower()}{q.text[1:]}." for q in coding_columns() if q.kind is not AnswerKind.CHOICE]
    lines = ["• Eén rij per pilot. Pilot-ID en Naam komen uit de vragenlijsten en zijn beveiligd."]
    if chosen:
        lines.append(f"• {enumeration(chosen)}: kies met het pijltje een waarde uit de lijst.")
    if free:
        lines.append("• " + " ".join(free))
    return Note("Zo vult u de codering in", tuple(lines), span=4)


def _regenerate(columns: int) -> Note:
    return Note("Nieuwe pilots erbij?", (
        "• Maak het werkboek opnieuw, bijvoorbeeld met: make_report.py codering -o codering-nieuw.xlsx. "
        "Wat al gecodeerd is, blijft staan.",
        "• Controleer het nieuwe bestand en zet het daarna zelf op de plaats van codering.xlsx in de invoermap.",
    ), span=max(columns - 4, 1))


def coding_rows(pilots: Iterable[Pilot]) -> list[dict[str, object]]:
    """Rows for `build_coding`: each pilot's ID, name and current coding as labels."""
    rows = []
    for pilot in pilots:
        row: dict[str, object] = {CODING_PILOT_HEADER: pilot.id, NAME_HEADER: pilot.name}
        for q in coding_columns():
            value = pilot.value(q.id)
            if value is not None:
                row[q.id] = q.label(str(value)) if q.kind is AnswerKind.CHOICE else str(value)
        rows.append(row)
    return rows


def build_coding(rows: Sequence[Mapping[str, object]]) -> Workbook:
    """The coding workbook with one row per mapping.

    Keys are `Pilot-ID`, `Naam` and the coding columns' IDs; values are cell
    values as a researcher would type them (labels or codes, text).
    """
    _check_keys(rows)
    wb = new_workbook(TITLE)
    ws = wb.create_sheet(CODING_SHEET)
    lists = ChoiceLists(wb)
    columns = _columns()
    set_columns(ws, columns)
    explained = title_block(ws, columns, TITLE, coding_section().title, (_how_to(), _regenerate(len(columns))))
    _explanations(ws, explained, columns)
    header = explained + 1
    header_row(ws, header, columns)
    for row_number, row in enumerate(rows, start=header + 1):
        _pilot_row(ws, row_number, row, columns)
    if rows:
        first, last = header + 1, header + len(rows)
        for index, q in enumerate(coding_columns(), start=_FIRST_CODE_COL):
            if q.kind is AnswerKind.CHOICE:
                letter = get_column_letter(index)
                dropdown(ws, lists, q, f"{letter}{first}:{letter}{last}")
    finish_sheet(ws, header, freeze=f"{get_column_letter(_FIRST_CODE_COL)}{header + 1}",
                 first_input=f"{get_column_letter(_FIRST_CODE_COL)}{header + 1}")
    return wb


def _check_keys(rows: Sequence[Mapping[str, object]]) -> None:
    """Refuse keys the sheet has no column for: a caller's bug, not user input."""
    known = {CODING_PILOT_HEADER, NAME_HEADER, *(q.id for q in coding_columns())}
    unknown = sorted({key for row in rows for key in row} - known)
    if unknown:
        raise ValueError(f"unknown coding keys: {', '.join(unknown)}")


def _explanations(ws: Worksheet, row: int, columns: tuple[Column, ...]) -> None:
    """What each coding column means, in grey above its header."""
    for index, q in enumerate(coding_columns(), start=_FIRST_CODE_COL):
        hint_cell(ws.cell(row=row, column=index, value=q.text))
    lines = max((line_count(q.text, columns[i].width, HINT_SIZE)
                 for i, q in enumerate(coding_columns(), start=_FIRST_CODE_COL - 1)), default=1)
    ws.row_dimensions[row].height = height_for([(lines, HINT_SIZE)])


def _pilot_row(ws: Worksheet, row_number: int, row: Mapping[str, object], columns: tuple[Column, ...]) -> None:
    fixed_cell(ws.cell(row=row_number, column=1, value=row.get(CODING_PILOT_HEADER)), bold=True)
    fixed_cell(ws.cell(row=row_number, column=2, value=row.get(NAME_HEADER)))
    for index, q in enumerate(coding_columns(), start=_FIRST_CODE_COL):
        input_cell(ws.cell(row=row_number, column=index), row.get(q.id))
    lines = max(line_count(str(row.get(key) or ""), column.width)
                for key, column in zip((CODING_PILOT_HEADER, NAME_HEADER, *(q.id for q in coding_columns())),
                                       columns))
    ws.row_dimensions[row_number].height = height_for([(lines, BODY_SIZE)])
