"""Turn a pilot's factsheet into the correction form its project leader fills in, and back.

The form lists every question the factsheet shows, with the value as the
factsheet shows it (locked) and two open columns: the correct value and why.
Choice questions get the questionnaire's dropdowns, so a returned value is
judged exactly like a questionnaire answer. A hidden sheet keeps the pilot ID,
the round and each value as it was sent: a form returned after the value
changed in the meantime is recognised, rather than its stale view overwriting
a newer answer. The same sheet holds the keyed digest of those (report.factcheck.seal),
so an edited hidden sheet does not pass for another pilot's form.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl.workbook import Workbook

from report.engagement.codebook import find_question, question
from report.compose.factsheets import case_questions, display_value, layout
from report.document import Factsheet
from report.engagement.active import current
from report.factcheck.seal import seal
from report.model import Pilot
from report.read.workbook import MissingSheet, Sheet, UnreadableWorkbook, read_sheet
from report.workbooks.layout import (
    BODY_SIZE, ChoiceLists, Column, Note, answer_validation, band_row, finish_sheet, fixed_cell,
    header_row, height_for, input_cell, line_count, new_workbook, set_columns, text_with_hint,
    title_block,
)
from report.workbooks.questionnaire import hint

FORM_SHEET = "Wederhoor"
SENT_SHEET = "Verstuurd"          # hidden: pilot ID, round, digest; then question ID and value as sent, per row

COLUMNS = (
    Column("ID", 7),
    Column("Vraag", 44),
    Column("Zoals in de factsheet", 40),
    Column("Juiste waarde", 40),
    Column("Toelichting", 34),
)
_QUESTION_COL, _SHOWN_COL, _VALUE_COL, _REASON_COL = 2, 3, 4, 5

_HOW_TO = Note("Zo controleert u uw factsheet", (
    "• Klopt een gegeven niet? Zet het juiste antwoord in de gekleurde kolom Juiste waarde.",
    "• Leg in Toelichting kort uit waarom; dat helpt de onderzoekers bij het verwerken.",
    "• Klopt alles? Laat de kolommen leeg en meld dat aan de onderzoeker.",
), span=3)
_GOOD_TO_KNOW = Note("Goed om te weten", (
    "• Keuzevraag: kies met het pijltje; meer antwoorden: scheid ze met een puntkomma (;).",
    "• Datum: dd-mm-jjjj, of mm-jjjj. Laat ID en Vraag staan zoals ze zijn.",
), span=2)


def form_questions(sheet: Factsheet) -> tuple[str, ...]:
    """The IDs the form asks to confirm: the engagement's list (`wederhoor` in rapportvorm.yaml), or
    every question the factsheet shows, in the order it shows them, and the case."""
    facts = (*sheet.header, *sheet.tags, *(f for section in sheet.sections for f in section.facts))
    ids = [qid for f in facts for qid in f.question_id.split("/") if find_question(qid)]
    chosen = current().factcheck
    return chosen if chosen is not None else tuple(dict.fromkeys([*ids, *case_questions()]))


def shown_value(pilot: Pilot, qid: str) -> str:
    """A value as the factsheet shows it; what the form compares to see that nothing moved."""
    answer = pilot.answer(qid)
    return layout().not_answered if answer is None else display_value(answer)


def build_form(pilot: Pilot, sheet: Factsheet, title: str, key: bytes, round_: str) -> Workbook:
    """The correction form for one pilot, protected except for the two answer columns, sealed with `key`."""
    wb = new_workbook(f"{title}: wederhoor {pilot.id}")
    ws = wb.create_sheet(FORM_SHEET)
    lists = ChoiceLists(wb)
    sent = wb.create_sheet(SENT_SHEET)
    sent.sheet_state = "veryHidden"
    sent.protection.sheet = True
    questions = form_questions(sheet)
    values = [(qid, shown_value(pilot, qid)) for qid in questions]
    for column, value in enumerate((pilot.id, round_, seal(key, pilot.id, round_, values)), start=1):
        sent.cell(row=1, column=column, value=value)
    set_columns(ws, COLUMNS)
    header = title_block(ws, COLUMNS, title, f"Wederhoor factsheet: {pilot.name} ({pilot.id})",
                         (_HOW_TO, _GOOD_TO_KNOW))
    header_row(ws, header, COLUMNS)
    row = header
    band_row(ws, row + 1, pilot.name, column=_QUESTION_COL, width=len(COLUMNS))
    row += 1
    for index, (qid, shown) in enumerate(values, start=2):
        row += 1
        sent.cell(row=index, column=1, value=qid)
        sent.cell(row=index, column=2, value=shown)
        _row(ws, lists, row, qid, shown)
    finish_sheet(ws, header, freeze=f"A{header + 1}", first_input=f"D{header + 2}")
    return wb


def _row(ws, lists: ChoiceLists, row: int, qid: str, shown: str) -> None:
    q = question(qid)
    fixed_cell(ws.cell(row=row, column=1, value=q.id), bold=True)
    fixed_cell(ws.cell(row=row, column=_QUESTION_COL, value=text_with_hint(q.text, hint(q))))
    fixed_cell(ws.cell(row=row, column=_SHOWN_COL, value=shown))
    value_cell = ws.cell(row=row, column=_VALUE_COL)
    input_cell(value_cell)
    input_cell(ws.cell(row=row, column=_REASON_COL), shaded=False)
    answer_validation(ws, lists, q, value_cell)
    lines = max(line_count(q.text, COLUMNS[_QUESTION_COL - 1].width) + (2 if hint(q) else 0),
                line_count(shown, COLUMNS[_SHOWN_COL - 1].width))
    ws.row_dimensions[row].height = height_for([(min(lines, 40), BODY_SIZE)])


@dataclass(frozen=True)
class FormRow:
    """One filled-in row of a returned form: where it stands, what was sent, what came back."""

    question_id: str
    cell: str              # the Juiste waarde cell, e.g. D9
    sent: str              # the value as the factsheet showed it when the packet was made
    value: object          # the raw cell value, judged like a questionnaire answer
    reason: str


@dataclass(frozen=True)
class ReturnedForm:
    path: Path
    pilot_id: str
    rows: tuple[FormRow, ...]
    round: str = ""
    digest: str = ""
    sent: tuple[tuple[str, str], ...] = ()     # question ID and value as sent, in form order


class NotAForm(Exception):
    """The file is no correction form of this pipeline; `message` says why, in Dutch."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_form(path: Path) -> ReturnedForm:
    """The filled-in rows of a returned form; raises NotAForm for anything else."""
    try:
        sent = read_sheet(path, SENT_SHEET)
        form = read_sheet(path, FORM_SHEET)
    except UnreadableWorkbook as error:
        raise NotAForm(str(error)) from None
    except MissingSheet:
        raise NotAForm("Dit is geen wederhoorformulier van dit rapport (het tabblad "
                       f"'{FORM_SHEET}' of de verzendgegevens ontbreken).") from None
    pilot_id = _text(sent, 1, 1)
    if not pilot_id:
        raise NotAForm("De verzendgegevens van het formulier zijn leeg; gebruik het formulier uit het pakket.")
    sent_rows = tuple((_text(sent, row, 1), _text(sent, row, 2)) for row in sent.row_numbers() if row > 1)
    return ReturnedForm(path, pilot_id, tuple(_filled_rows(form, dict(sent_rows))),
                        _text(sent, 1, 2), _text(sent, 1, 3), sent_rows)


def _filled_rows(form: Sheet, sent_values: dict[str, str]) -> list[FormRow]:
    rows = []
    for number in form.row_numbers():
        qid = _text(form, number, 1)
        if qid not in sent_values:
            continue            # title, header and band rows
        value_cell = form.cell(number, _VALUE_COL)
        reason = _text(form, number, _REASON_COL)
        if value_cell is None or value_cell.value in (None, ""):
            continue
        rows.append(FormRow(qid, value_cell.ref, sent_values[qid], value_cell.value, reason))
    return rows


def _text(sheet: Sheet, row: int, column: int) -> str:
    cell = sheet.cell(row, column)
    return "" if cell is None or cell.value is None else str(cell.value).strip()


