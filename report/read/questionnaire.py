"""Turn one questionnaire or supplement workbook into its typed answers.

People edit these workbooks freely: they add title rows, insert notes,
reorder or merge cells. So the header row is found by name, columns by header
and rows by question ID; a row without ID is a title or note. The workbook's
own P8 says whether it is a questionnaire (lang/kort) or a supplement, which
decides the source every answer remembers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from report.engagement.codebook import (
    CODING_SECTION_KEY, HEADER_ANSWER, HEADER_ID, HEADER_NOTE, HEADER_QUESTION, QUESTIONNAIRE_SHEET, Question, Role, Variant,
    find_question, question, role_id,
)
from report.model import Answer, Problem, Source, SourceKind, Value
from report.read.table import CellReader, Header, column_of, open_table
from report.read.values import as_text
from report.read.workbook import Sheet, cell_ref

# A cell in the ID column that looks like a question ID (X8, b3, Q0, X11b) is
# reported when unknown; longer text there is a section title of a merged row.
_ID_SHAPE = re.compile(r"[A-Za-z]{1,2}\d{1,3}[A-Za-z]?")


@dataclass(frozen=True)
class Questionnaire:
    """The answers of one workbook, before merging with other workbooks of its pilot."""

    file: str
    variant: Variant
    pilot_id: str
    answers: dict[str, Answer]

    @property
    def is_supplement(self) -> bool:
        return self.variant is Variant.AANVULLING

    @property
    def pilot_id_cell(self) -> str | None:
        return self.answers[role_id(Role.PILOT_ID)].source.cell


@dataclass(frozen=True)
class _Row:
    question: Question
    id_ref: str
    ref: str
    value: Value | None
    note: str | None


def read_questionnaire(path: Path, file: str) -> tuple[Questionnaire | None, list[Problem]]:
    """The workbook's answers (None if it cannot be linked to a pilot) and its problems."""
    problems: list[Problem] = []
    table = open_table(path, file, QUESTIONNAIRE_SHEET,
                       (HEADER_ID, HEADER_QUESTION, HEADER_ANSWER), problems)
    if table is None:
        return None, problems
    sheet, header, cells = table
    rows = _rows(sheet, header, cells)
    variant = _variant(rows, cells)
    pilot_id = _required_text(rows, cells, role_id(Role.PILOT_ID))
    if variant is not Variant.AANVULLING:
        _required_text(rows, cells, role_id(Role.NAME))
    if variant is None or pilot_id is None:
        return None, problems
    kind = SourceKind.AANVULLING if variant is Variant.AANVULLING else SourceKind.VRAGENLIJST
    answers = {
        qid: Answer(qid, row.value, Source(kind, file, sheet.name, row.ref), row.note)
        for qid, row in rows.items() if row.value is not None
    }
    return Questionnaire(file, variant, pilot_id, answers), problems


def _rows(sheet: Sheet, header: Header, cells: CellReader) -> dict[str, _Row]:
    id_col = column_of(header, HEADER_ID)
    answer_col = column_of(header, HEADER_ANSWER)
    note_col = column_of(header, HEADER_NOTE)
    rows: dict[str, _Row] = {}
    for number in sheet.row_numbers():
        if number <= header.row:
            continue
        row = sheet.rows[number]
        id_cell = row.get(id_col)
        raw_id = as_text(id_cell.value) if id_cell is not None else ""
        if not raw_id:
            continue
        answer_cell = row.get(answer_col)
        found = find_question(raw_id)
        if found is not None and found.section == CODING_SECTION_KEY:
            found = None        # a coding column is answered in the coding workbook, not here
        if found is None:
            if _ID_SHAPE.fullmatch(raw_id) or answer_cell is not None:
                cells.warn(id_cell.ref, None, "Onbekende vraag-ID; deze rij wordt niet gelezen.",
                           found=raw_id)
            continue
        if found.id in rows:
            cells.error(id_cell.ref, found,
                        f"Deze vraag-ID staat twee keer in het werkblad (ook in cel "
                        f"{rows[found.id].id_ref}); alleen de eerste rij wordt gelezen. "
                        "Verwijder een van beide.", found=raw_id)
            continue
        note_cell = row.get(note_col) if note_col is not None else None
        note = as_text(note_cell.value) if note_cell is not None else ""
        value = cells.read(found, answer_cell)
        ref = cell_ref(number, answer_col)
        if value is None and answer_cell is None and note:
            cells.warn(note_cell.ref, found,
                       "Er staat een toelichting maar geen antwoord; de toelichting wordt niet gebruikt.")
        rows[found.id] = _Row(found, id_cell.ref, ref, value, note or None)
    return rows


def _variant(rows: dict[str, _Row], cells: CellReader) -> Variant | None:
    kind = question(role_id(Role.DOCUMENT))
    row = rows.get(kind.id)
    if row is not None and row.value is not None:
        return Variant(row.value)
    if kind.id not in cells.failed:
        cells.error(row.ref if row else None, kind,
                    f"Het soort document ({kind.id}) is niet ingevuld; zonder {kind.id} is niet duidelijk of dit "
                    "een vragenlijst of een aanvulling is.", expected=kind.allowed_text())
    return None


def _required_text(rows: dict[str, _Row], cells: CellReader, qid: str) -> str | None:
    row = rows.get(qid)
    if row is not None and row.value is not None:
        return str(row.value)
    required = question(qid)
    if qid not in cells.failed:
        where = "" if row else f" (er is geen rij met ID {qid})"
        cells.error(row.ref if row else None, required,
                    f"Verplichte vraag '{required.short_label}' is niet ingevuld{where}.")
    return None
