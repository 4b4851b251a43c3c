"""Turn the comments of a returned DOCX into the worklist the team assigns and ticks off.

One row per comment in reading order: who said what about which text, where
that is in the report and which source to edit; then three columns for the
team (assignee, status from a fixed list, explanation). It shares the look of
the questionnaires, filters on every column and is saved deterministically.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from report.comments.places import Entry
from report.dutch import counted
from report.workbooks.layout import (
    BODY_SIZE, Column, Note, choice_list, date_cell, header_row, height_for, input_cell, line_count,
    new_workbook, print_setup, set_columns, title_block,
)

TITLE = "Opmerkingen bij het rapport"
SHEET = "Opmerkingen"
STATUSES = ("open", "in behandeling", "verwerkt", "niet overgenomen")
SUFFIX = "-opmerkingen.xlsx"
COLUMNS = (
    Column("Nr", 6),
    Column("Auteur", 18),
    Column("Datum", 12),
    Column("Plaats (hoofdstuk/paragraaf)", 30),
    Column("Bron (tekstbestand en regel, of pilot en vraag)", 34),
    Column("Geankerde tekst", 48),
    Column("Opmerking", 52),
    Column("Toegewezen aan", 16),
    Column("Status", 16),
    Column("Toelichting", 36),
)
_TEAM_COLUMNS = 3               # the last three are the team's to fill in
_MAX_LINES = 24                 # a row never grows past what a screen shows
_MAX_CELL = 32000               # Excel holds 32,767 characters in a cell

_HOW_TO = Note("Zo werkt u de lijst af", (
    "• Eén rij per opmerking, in de volgorde van het rapport; een reactie staat onder de opmerking.",
    "• Vul in wie de opmerking oppakt, kies de status met het pijltje en licht zo nodig toe.",
), span=5)
_WHERE = Note("Waar past u het aan?", (
    "• Tekst: het tekstbestand en de regel in de kolom Bron.",
    "• Factsheet: de pilot en de vraag; pas het antwoord aan in de vragenlijst of het correctiebestand.",
), span=len(COLUMNS) - 5)


def default_output(returned: Path) -> Path:
    """`<name>-opmerkingen.xlsx` next to the returned file."""
    return returned.with_name(returned.stem + SUFFIX)


def worklist(entries: list[Entry], file_name: str) -> Workbook:
    wb = new_workbook(TITLE)
    ws = wb.create_sheet(SHEET)
    set_columns(ws, COLUMNS)
    subtitle = f"{file_name}: {counted(len(entries), 'opmerking', 'opmerkingen')}"
    header = title_block(ws, COLUMNS, TITLE, subtitle, (_HOW_TO, _WHERE))
    header_row(ws, header, COLUMNS)
    ws.row_dimensions[header].height = height_for([(2, BODY_SIZE)])    # the Bron header takes two lines
    for row, entry in enumerate(entries, start=header + 1):
        _entry_row(ws, row, entry)
    last_row = header + max(1, len(entries))
    last_column = get_column_letter(len(COLUMNS))
    status = get_column_letter(len(COLUMNS) - 1)
    choice_list(ws, '"' + ",".join(STATUSES) + '"', f"{status}{header + 1}:{status}{last_row}")
    ws.auto_filter.ref = f"A{header}:{last_column}{last_row}"
    ws.freeze_panes = f"B{header + 1}"
    print_setup(ws, header)
    return wb


def _entry_row(ws: Worksheet, row: int, entry: Entry) -> None:
    comment = entry.comment
    text = comment.text
    if entry.reply_to is not None:
        text = f"(Reactie op {entry.reply_to}) {text}"
    values = (entry.number, comment.author, comment.date, entry.place.where, entry.place.source,
              comment.anchored, text, None, STATUSES[0], None)
    team = len(COLUMNS) - _TEAM_COLUMNS
    for column, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=column)
        input_cell(cell, _cell_value(value), shaded=column > team)
    if comment.date is not None:
        date_cell(ws.cell(row=row, column=3))
    lines = max(line_count(str(value or ""), c.width) for value, c in zip(values, COLUMNS))
    ws.row_dimensions[row].height = height_for([(min(lines, _MAX_LINES), BODY_SIZE)])


def _cell_value(value: object) -> object:
    """Text as Excel accepts it: no control characters, within the cell limit."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value if len(value) <= _MAX_CELL else value[:_MAX_CELL] + " …"
