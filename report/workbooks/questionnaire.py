"""Turn the codebook into a questionnaire workbook a project leader fills in unaided.

Blank workbooks are handed out; the same builder, given answers, produces the
filled example returns, so both always match what the reader expects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from report.engagement.codebook import (
    HEADER_ANSWER, HEADER_ID, HEADER_NOTE, HEADER_QUESTION, QUESTIONNAIRE_SHEET, AnswerKind, Question, Role,
    Variant, codebook, question, questions_for, role_id, sections,
)
from report.workbooks.layout import (
    BODY_SIZE, HINT_SIZE, ChoiceLists, Column, Note, answer_validation, band_row, finish_sheet,
    fixed_cell, header_row, height_for, input_cell, line_count, new_workbook, set_columns,
    text_with_hint, title_block,
)

COLUMNS = (
    Column(HEADER_ID, 7),
    Column(HEADER_QUESTION, 60),
    Column(HEADER_ANSWER, 48),
    Column(HEADER_NOTE, 34),
)
_QUESTION_COL, _ANSWER_COL, _NOTE_COL = 2, 3, 4

_HOW_TO = Note("Zo vult u deze vragenlijst in", (
    "• Zet uw antwoord in de gekleurde kolom Antwoord; een uitleg of nuance kan in Toelichting.",
    "• Keuzevraag: klik op de antwoordcel en kies met het pijltje een antwoord uit de lijst.",
    "• Meer antwoorden mogelijk: zet elk antwoord op een eigen regel (Alt+Enter) "
    "of scheid ze met een puntkomma (;).",
), span=2)

_RETURN = "• Klaar? Sla het bestand op en stuur het terug naar de onderzoeker die het u stuurde."
_SUPPLEMENT = ("• Aanvulling: vul alleen aan wat de vragenlijst van de pilot openlaat, "
               "met dezelfde Pilot-ID ({pilot_id}).")

_CHOICE_HINT = "Kies een antwoord uit de lijst."
_MULTI_OPTIONS = "Kies één of meer van: {options}."

# Answer space a respondent gets before the row must be resized, in lines.
_MIN_ANSWER_LINES = {AnswerKind.TEXT: 3}


def build_questionnaire(variant: Variant, answers: Mapping[str, object] | None = None,
                        notes: Mapping[str, str] | None = None,
                        pilot_id: str | None = None, title: str | None = None) -> Workbook:
    """A questionnaire of `variant`, blank or filled.

    `answers` maps question IDs to cell values as a person would type them
    (label text, "a; b" lists, numbers, dates); `notes` fills Toelichting.
    The document-kind question is prefilled with the variant and the
    Pilot-ID with `pilot_id`; `answers` wins. The title defaults to the codebook's.
    """
    title = title or codebook().title
    kind_id, pilot_id_id = role_id(Role.DOCUMENT), role_id(Role.PILOT_ID)
    questions = questions_for(variant)
    _check_ids(questions, {**(answers or {}), **(notes or {})})
    subtitle = question(kind_id).label(variant.value)
    values: dict[str, object] = {kind_id: subtitle}
    if pilot_id:
        values[pilot_id_id] = pilot_id
    values.update(answers or {})

    wb = new_workbook(f"{title}: {subtitle}")
    ws = wb.create_sheet(QUESTIONNAIRE_SHEET)
    lists = ChoiceLists(wb)
    set_columns(ws, COLUMNS)
    closing = _SUPPLEMENT.format(pilot_id=pilot_id_id) if variant is Variant.AANVULLING else _RETURN
    header = title_block(ws, COLUMNS, title, subtitle, (_HOW_TO, _good_to_know(closing)))
    header_row(ws, header, COLUMNS)
    row = header
    for sec in sections():
        in_section = [q for q in questions if q.section == sec.key]
        if not in_section:
            continue
        row += 1
        band_row(ws, row, sec.title, column=_QUESTION_COL, width=len(COLUMNS))
        for q in in_section:
            row += 1
            _question_row(ws, lists, row, q, values.get(q.id), (notes or {}).get(q.id))
    finish_sheet(ws, header, freeze=f"A{header + 1}", first_input=f"C{header + 2}")
    return wb


def _good_to_know(closing: str) -> Note:
    return Note("Goed om te weten", (
        "• Datum: dd-mm-jjjj, of mm-jjjj als u alleen maand en jaar weet.",
        "• Weet u het antwoord niet? Laat de cel dan leeg.",
        closing,
    ), span=2)


def _check_ids(questions: tuple[Question, ...], given: Mapping[str, object]) -> None:
    """Refuse answers to questions this variant does not ask: a caller's bug, not user input."""
    asked = {q.id for q in questions}
    unknown = sorted(qid for qid in given if qid not in asked)
    if unknown:
        raise ValueError(f"questions not in this variant: {', '.join(unknown)}")


def hint(q: Question) -> str:
    """The grey line under a question: how to answer it."""
    if q.kind is AnswerKind.MULTI:
        options = _MULTI_OPTIONS.format(options="; ".join(c.label for c in q.choices))
        return f"{options}\n{q.help}" if q.help else options
    if q.kind is AnswerKind.CHOICE:
        return f"{_CHOICE_HINT} {q.help}".strip()
    return q.help


def _question_row(ws: Worksheet, lists: ChoiceLists, row: int, q: Question,
                  answer: object, note: str | None) -> None:
    fixed_cell(ws.cell(row=row, column=1, value=q.id), bold=True)
    question_cell = ws.cell(row=row, column=_QUESTION_COL, value=text_with_hint(q.text, hint(q)))
    fixed_cell(question_cell)
    answer_cell = ws.cell(row=row, column=_ANSWER_COL)
    input_cell(answer_cell, answer)
    input_cell(ws.cell(row=row, column=_NOTE_COL), note, shaded=False)
    answer_validation(ws, lists, q, answer_cell)
    ws.row_dimensions[row].height = _row_height(q, answer, note)


def _row_height(q: Question, answer: object, note: str | None) -> float:
    width = COLUMNS[_QUESTION_COL - 1].width
    asked = [(line_count(q.text, width), BODY_SIZE)]
    if hint(q):
        asked.append((line_count(hint(q), width, HINT_SIZE), HINT_SIZE))
    answer_lines = max(_MIN_ANSWER_LINES.get(q.kind, 1),
                       _typed_lines(answer, COLUMNS[_ANSWER_COL - 1].width),
                       _typed_lines(note, COLUMNS[_NOTE_COL - 1].width))
    return max(height_for(asked), height_for([(answer_lines, BODY_SIZE)]))


def _typed_lines(value: object, width: float) -> int:
    if value is None or isinstance(value, dt.date):
        return 1
    return line_count(str(value), width)
