"""Turn the remarks of returned DOCX files into the worklist the team assigns and ticks off.

One row per remark (a comment or a tracked change) in reading order: who
said or changed what about which text, where that is in the report, which
source to edit and which pilots the numbers there count; then the team's
columns (assignee, status from a fixed list, explanation). A row carries a
stable `Kenmerk` so that a later run can merge into the list without losing
what the team filled in (report.comments.merge). It shares the look of the
questionnaires, filters on every column and is saved deterministically.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass

from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.filters import SortState
from openpyxl.worksheet.worksheet import Worksheet

from report.comments.places import Entry
from report.workbooks.layout import (
    BODY_SIZE, Column, Note, choice_list, date_cell, header_row, height_for, input_cell, line_count,
    new_workbook, print_setup, set_columns, title_block,
)

TITLE = "Opmerkingen bij het rapport"
SHEET = "Opmerkingen"
STATUSES = ("open", "in behandeling", "verwerkt", "niet overgenomen")
NAME = "opmerkingen-v{version}.xlsx"      # one worklist per report version, beside the builds
NUMBER, KEY, FILE, AUTHOR, DATE, KIND = "Nr", "Kenmerk", "Bestand", "Auteur", "Datum", "Soort"
WHERE, SOURCE, PILOTS = "Plaats (hoofdstuk/paragraaf)", "Bron (tekstbestand en regel, of pilot en vraag)", \
    "Pilots achter de getallen"
ANCHORED, REMARK, OLD, NEW = "Geankerde tekst", "Opmerking of wijziging", "Oude tekst", "Nieuwe tekst"
APPLIED, PRESENCE = "Verwerking in de tekst", "Stand"
ASSIGNED, STATUS, NOTE = "Toegewezen aan", "Status", "Toelichting"
COLUMNS = (
    Column(NUMBER, 6), Column(KEY, 11), Column(FILE, 18), Column(AUTHOR, 18), Column(DATE, 12),
    Column(KIND, 12), Column(WHERE, 30), Column(SOURCE, 34), Column(PILOTS, 30), Column(ANCHORED, 48),
    Column(REMARK, 52), Column(OLD, 24), Column(NEW, 24), Column(APPLIED, 30), Column(PRESENCE, 14),
    Column(ASSIGNED, 16), Column(STATUS, 16), Column(NOTE, 36),
)
HEADERS = tuple(c.header for c in COLUMNS)
TEAM = (ASSIGNED, STATUS, NOTE)            # the team's to fill in; a merge keeps them
NEW_ROW = "nieuw"
GONE = "niet meer in het bestand"
COMMENT_KIND = "opmerking"
REPLY_KIND = "reactie"
_MAX_LINES = 24                 # a row never grows past what a screen shows
_PILOTS_SHOWN = 600            # characters of a pilots cell; the full list is one click away, in its comment
MORE_PILOTS = " … (volledige lijst: zie de opmerking bij deze cel)"
_EXTRA_WIDTH = 18              # a column the team added

_HOW_TO = Note("Zo werkt u de lijst af", (
    "• Eén rij per opmerking of bijgehouden wijziging, in de volgorde van het rapport.",
    "• Vul in wie de opmerking oppakt, kies de status met het pijltje en licht zo nodig toe.",
    "• Opnieuw inlezen voegt nieuwe opmerkingen toe en houdt wat u hier invulde; "
    "Stand zegt wat nieuw is en wat niet meer in het bestand staat.",
), span=7)
_WHERE = Note("Waar past u het aan?", (
    "• Tekst: het tekstbestand en de regel in de kolom Bron; letterlijke tekstwijzigingen "
    "verwerkt make_report.py opmerkingen --toepassen zelf.",
    "• Getallen en factsheets: de pilots staan erbij; pas het antwoord aan in de vragenlijst of "
    "het correctiebestand.",
), span=len(COLUMNS) - 7)

Row = dict[str, object]


def worklist_name(version: str) -> str:
    """The worklist of the remarks on one report version: every `opmerkingen` run on that version's
    returned files merges into it, and the publication gate looks for open remarks there."""
    return NAME.format(version=version)


def identity(entry: Entry) -> str:
    """A remark's stable key: author, minute, place, source, text (and where a change starts),
    so the same remark read again, from this or another copy of the file, finds its row."""
    comment = entry.comment
    when = comment.date.strftime("%Y-%m-%dT%H:%M") if comment.date else ""
    parts = [comment.author.casefold(), when, entry.place.where, entry.place.source, comment.text,
             str(comment.change.start) if comment.change else ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def entry_row(entry: Entry, file_name: str, applied: str = "", pilots: str = "") -> Row:
    """The row for one remark, before it gets its number; the team's columns empty."""
    comment, change = entry.comment, entry.comment.change
    kind = change.kind if change else (REPLY_KIND if entry.reply_to is not None else COMMENT_KIND)
    return {
        KEY: identity(entry), FILE: file_name, AUTHOR: comment.author, DATE: comment.date, KIND: kind,
        WHERE: entry.place.where, SOURCE: entry.place.source, PILOTS: pilots, ANCHORED: comment.anchored,
        REMARK: comment.text, OLD: change.old if change else "", NEW: change.new if change else "",
        APPLIED: applied, PRESENCE: "", ASSIGNED: None, STATUS: STATUSES[0], NOTE: None,
    }


def worklist(rows: list[Row], subtitle: str, layout: Layout | None = None) -> Workbook:
    """The worklist; with the `layout` of the team's earlier list, in its column order, with the
    columns the team added and the filters and sorting it set."""
    columns = _columns(layout.order if layout else ())
    headers = [c.header for c in columns]
    wb = new_workbook(TITLE)
    ws = wb.create_sheet(SHEET)
    set_columns(ws, columns)
    header = title_block(ws, columns, TITLE, subtitle, (_HOW_TO, _WHERE))
    header_row(ws, header, columns)
    ws.row_dimensions[header].height = height_for([(2, BODY_SIZE)])    # the Bron header takes two lines
    for row, values in enumerate(rows, start=header + 1):
        _row(ws, row, values, columns)
    last_row = header + max(1, len(rows))
    last_column = get_column_letter(len(columns))
    status = get_column_letter(headers.index(STATUS) + 1)
    choice_list(ws, '"' + ",".join(STATUSES) + '"', f"{status}{header + 1}:{status}{last_row}")
    ws.auto_filter.ref = f"A{header}:{last_column}{last_row}"
    if layout is not None:
        ws.auto_filter.filterColumn = [copy(f) for f in layout.filters]
        if layout.sort is not None:
            ws.auto_filter.sortState = SortState(ref=f"A{header + 1}:{last_column}{last_row}",
                                                 sortCondition=[copy(c) for c in layout.sort.sortCondition])
    ws.freeze_panes = f"B{header + 1}"
    print_setup(ws, header)
    return wb


@dataclass(frozen=True)
class Layout:
    """What the team set up in its worklist besides the rows: column order (with its own columns),
    filters and sorting."""

    order: tuple[str, ...]
    filters: tuple = ()
    sort: SortState | None = None


def _columns(order: Sequence[str]) -> list[Column]:
    """The team's column order, its own columns as team columns, then any of ours it lacks."""
    known = {c.header: c for c in COLUMNS}
    columns = [known.get(name, Column(name, _EXTRA_WIDTH)) for name in dict.fromkeys(order) if name]
    return columns + [c for c in COLUMNS if c.header not in order]


def _row(ws: Worksheet, row: int, values: Row, columns: Sequence[Column]) -> None:
    for column, c in enumerate(columns, start=1):
        cell = ws.cell(row=row, column=column)
        value = values.get(c.header)
        if c.header == PILOTS and isinstance(value, str) and len(value) > _PILOTS_SHOWN:
            cell.comment = Comment(value, TITLE, width=480, height=320)
            value = summarised(value)
        input_cell(cell, value, shaded=c.header in TEAM or c.header not in HEADERS)
        if c.header == DATE and values.get(DATE) is not None:
            date_cell(cell)
    lines = max(line_count(str(values.get(c.header) or ""), c.width) for c in columns)
    ws.row_dimensions[row].height = height_for([(min(lines, _MAX_LINES), BODY_SIZE)])


def summarised(pilots: str) -> str:
    """A long list of pilots (a figure's bars) cut after a pilot, pointing to the full list,
    which the cell's comment holds (report.comments.merge reads it back from there)."""
    cut = max(pilots.rfind("; ", 0, _PILOTS_SHOWN), pilots.rfind(", ", 0, _PILOTS_SHOWN))
    return pilots[:cut if cut > 0 else _PILOTS_SHOWN].rstrip() + MORE_PILOTS
