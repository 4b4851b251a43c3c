"""Write the bundled example inputs from the example data table.

`inputs/vragenlijsten/<P0>.xlsx` holds each pilot's returned questionnaire
(long or short), `<P0>-aanvulling.xlsx` the researchers' supplement of a short
one, and `inputs/codering.xlsx` the coding sheet. The answers come from
the table `scripts/example_data/pilots.yaml` (read by
`scripts.example_data.pilots`) and are typed the way people type them: mostly
Dutch labels, dates as real Excel dates. A few returns carry the habits real
ones show (see `HABITS`), so the example exercises every matching rule of the
reader while still reading back to exactly the table.

Run from the project root: ``.venv/bin/python -m scripts.make_example_inputs``.
The workbooks are built and saved by `report.workbooks`, so the same table
always gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.workbook import Workbook
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet

from report.engagement.codebook import (
    CODING_PILOT_HEADER, HEADER_ID, QUESTIONNAIRE_SHEET, AnswerKind, Question, Variant, question, questions_for,
)
from report.engagement.load import activate_folder
from report.engagement.folders import CODING_FILE, QUESTIONNAIRE_DIR
from report.workbooks import build_coding, build_questionnaire, save_workbook
from report.workbooks.coding import NAME_HEADER
from report.workbooks.layout import font
from scripts.example_data.pilots import CODING_IDS, PILOTS, Pilot

ROOT = Path(__file__).resolve().parents[1]
SUPPLEMENT_SUFFIX = "-aanvulling"
STUDY_TITLE = "Tussentijdse evaluatie pilots stelselvernieuwing gesubsidieerde rechtsbijstand"
_MONTH_ONLY = re.compile(r"\d{2}-\d{4}")


@dataclass(frozen=True)
class Habits:
    """How one workbook was typed; the defaults are a tidy return."""

    codes: bool = False                 # choices as codes ("vertraagd") instead of labels
    casual: bool = False                # labels in lower case, a single choice ending in a full stop
    separator: str = "; "               # between the answers of a multiple choice
    dates_as_text: bool = False         # full dates typed as dd-mm-jjjj text, not Excel dates
    number_as_text: bool = False        # a number typed into a text cell
    retyped_ids: tuple[str, ...] = ()   # ID cells retyped in lower case with spaces around
    swapped: tuple[str, str] | None = None  # two question rows the respondent swapped
    above_header: tuple[str, ...] = ()  # lines in rows inserted above the header (a title, a note)
    notes: Mapping[str, str] = field(default_factory=dict)  # Toelichting per question ID


#: The human touches, by workbook (file name without .xlsx); other workbooks are tidy.
HABITS: dict[str, Habits] = {
    "berekenjescheiding": Habits(dates_as_text=True, notes={
        "A8": "Aantal afgeronde berekeningen tot en met september 2022; een huishouden kan de tool "
              "vaker gebruiken.",
    }),
    "P03": Habits(codes=True, notes={
        "B1": "De bouw van het videoplatform liep een halfjaar uit, waardoor de testfase korter is.",
    }),
    "vitamine-r": Habits(casual=True),
    "hjl-uwv": Habits(dates_as_text=True),
    "P18-aanvulling": Habits(notes={
        "A6": "Bron: tussenrapportage aan Divosa, voorjaar 2022.",
        "B2": "Bron: gesprek met de projectleider, september 2022.",
    }),
    "P14": Habits(retyped_ids=("A8", "B1")),
    "rotterdam-zuid": Habits(separator="\n"),
    "rotterdam-zuid-aanvulling": Habits(notes={
        "A3b": "Bron: verslagen van de bijeenkomsten van het programma.",
        "A6": "Bron: tussenevaluatie van de gemeente (2021).",
    }),
    "utrecht": Habits(separator="\n", notes={
        "A8": "Alleen de premediationtrajecten; wie de routekaart gebruikt, tellen we niet.",
        "A9": "In Utrecht heten de sociale wijkteams buurtteams.",
    }),
    "heerlen": Habits(dates_as_text=True, above_header=(
        "Huis van het Recht Heerlen - vragenlijst tussenevaluatie",
        "Ingevuld door de projectgroep; versie 2, aangepast na de stuurgroep van oktober 2022.",
    ), notes={
        "P6": "Officiële opening van het Huis; de voorbereiding begon in 2019.",
    }),
    "P21": Habits(swapped=("B1", "B3")),
    "P24": Habits(notes={"A8": "Aantal downloads van de app, niet het aantal unieke gebruikers."}),
    "P28": Habits(number_as_text=True, dates_as_text=True, notes={
        "A8": "Bezoekers die de check helemaal hebben doorlopen.",
    }),
}

#: Pilots whose coding row the researchers typed in codes rather than picked from the list.
CODED_BY_HAND: tuple[str, ...] = ("P29", "P30")


# ---------------------------------------------------------------------------
# Answers as typed
# ---------------------------------------------------------------------------

def typed(q: Question, value: object, habits: Habits) -> object:
    """A table value as the respondent would have put it in the cell."""
    if q.kind is AnswerKind.CHOICE:
        text = _choice_text(q, str(value), habits)
        return f"{text}." if habits.casual else text
    if q.kind is AnswerKind.MULTI:
        return habits.separator.join(_multi_item(q, item, habits) for item in value)
    if q.kind is AnswerKind.DATE:
        return _typed_date(str(value), habits)
    if q.kind is AnswerKind.NUMBER:
        return str(value) if habits.number_as_text else value
    return value


def _choice_text(q: Question, code: str, habits: Habits) -> str:
    if habits.codes:
        return code
    label = q.label(code)
    return label.lower() if habits.casual else label


def _multi_item(q: Question, item: str | tuple[str, str], habits: Habits) -> str:
    if isinstance(item, tuple):
        code, text = item
        return f"{_choice_text(q, code, habits)}: {text}"
    return _choice_text(q, item, habits)


def _typed_date(value: str, habits: Habits) -> object:
    """A month alone can only be typed as mm-jjjj; a full date is an Excel date or dd-mm-jjjj."""
    if _MONTH_ONLY.fullmatch(value):
        return value
    day = dt.date.fromisoformat(value)
    return day.strftime("%d-%m-%Y") if habits.dates_as_text else day


# ---------------------------------------------------------------------------
# Workbooks
# ---------------------------------------------------------------------------

def pilot_workbooks(pilot: Pilot) -> list[tuple[str, Workbook]]:
    """The returned questionnaire of `pilot` and, for a short one, the supplement: (stem, workbook)."""
    answers = pilot.answers()
    if pilot.variant == Variant.LANG.value:
        return [(pilot.P0, questionnaire(pilot.P0, Variant.LANG, answers))]
    supplied = set(pilot.supplement)
    short = {q.id: answers[q.id] for q in questions_for(Variant.KORT) if q.id not in supplied}
    supplement = {"P0": pilot.P0, "P1": pilot.P1, "P8": Variant.AANVULLING.value,
                  **{qid: answers[qid] for qid in pilot.supplement}}
    stem = pilot.P0 + SUPPLEMENT_SUFFIX
    return [(pilot.P0, questionnaire(pilot.P0, Variant.KORT, short)),
            (stem, questionnaire(stem, Variant.AANVULLING, supplement))]


def questionnaire(stem: str, variant: Variant, values: Mapping[str, object]) -> Workbook:
    """One filled questionnaire, typed with the habits of workbook `stem`."""
    habits = HABITS.get(stem, Habits())
    answers = {qid: typed(question(qid), value, habits) for qid, value in values.items() if value is not None}
    unanswered = sorted(set(habits.notes) - set(answers))
    if unanswered:
        raise ValueError(f"{stem}: a Toelichting without an answer would only draw a warning: {unanswered}")
    wb = build_questionnaire(variant, answers, habits.notes, title=STUDY_TITLE)
    ws = wb[QUESTIONNAIRE_SHEET]
    for qid in habits.retyped_ids:
        ws.cell(row=_row_of(ws, qid), column=1, value=f"  {qid.lower()} ")
    if habits.swapped:
        first, second = (_row_of(ws, qid) for qid in habits.swapped)
        _move_rows(ws, {first: second, second: first})
    if habits.above_header:
        _insert_above_header(ws, habits.above_header)
    return wb


def coding_row(pilot: Pilot) -> dict[str, object]:
    """The coding row of `pilot` as the researchers filled it: labels from the list, or typed codes."""
    row: dict[str, object] = {CODING_PILOT_HEADER: pilot.P0, NAME_HEADER: pilot.P1}
    for cid in CODING_IDS:
        value = getattr(pilot, cid)
        if value is None:
            continue
        q = question(cid)
        as_label = q.kind is AnswerKind.CHOICE and pilot.P0 not in CODED_BY_HAND
        row[cid] = q.label(value) if as_label else value
    return row


# ---------------------------------------------------------------------------
# Sheet edits a respondent makes
# ---------------------------------------------------------------------------

def _row_of(ws: Worksheet, qid: str) -> int:
    for (cell,) in ws.iter_rows(min_col=1, max_col=1):
        if cell.value == qid:
            return cell.row
    raise KeyError(f"no row with ID {qid}")


def _header_row(ws: Worksheet) -> int:
    return _row_of(ws, HEADER_ID)


def _move_rows(ws: Worksheet, moves: Mapping[int, int]) -> None:
    """Move whole rows (cells, heights, dropdowns) as cut and paste in Excel does.

    `moves` maps old to new row numbers; rows not named stay put. Rows are
    parked below the sheet first, so moves may swap or overlap.
    """
    park = ws.max_row + 1
    width = ws.max_column
    for merged in ws.merged_cells.ranges:
        if any(merged.min_row <= row <= merged.max_row for row in moves):
            raise ValueError(f"cannot move rows across merged cells {merged.coord}")
    heights = {row: ws.row_dimensions[row].height for row in moves}
    for row in moves:
        ws.move_range(CellRange(min_col=1, min_row=row, max_col=width, max_row=row), rows=park)
    for row, target in moves.items():
        ws.move_range(CellRange(min_col=1, min_row=park + row, max_col=width, max_row=park + row),
                      rows=target - park - row)
    for row in moves:
        ws.row_dimensions[row].height = None
    for row, target in moves.items():
        ws.row_dimensions[target].height = heights[row]
    for validation in ws.data_validations.dataValidation:
        validation.sqref = MultiCellRange([_moved(cells, moves) for cells in validation.sqref.ranges])


def _moved(cells: CellRange, moves: Mapping[int, int]) -> CellRange:
    if cells.min_row != cells.max_row:
        raise ValueError(f"cannot move a dropdown spanning rows: {cells.coord}")
    target = moves.get(cells.min_row, cells.min_row)
    return CellRange(min_col=cells.min_col, min_row=target, max_col=cells.max_col, max_row=target)


def _insert_above_header(ws: Worksheet, lines: Sequence[str]) -> None:
    """Insert rows just above the header (below the title block) holding `lines`, each merged across."""
    header = _header_row(ws)
    count = len(lines)
    _move_rows(ws, {row: row + count for row in range(ws.max_row, header - 2, -1)})
    for offset, text in enumerate(lines):
        row = header - 1 + offset
        cell = ws.cell(row=row, column=1, value=text)
        cell.font = font(bold=offset == 0)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ws.max_column)
        ws.row_dimensions[row].height = 18
    _shift_view(ws, count)


def _shift_view(ws: Worksheet, rows: int) -> None:
    """Keep the frozen header, the cursor and the printed title row on the moved header."""
    pane = ws.sheet_view.pane
    pane.ySplit += rows
    pane.topLeftCell = _shifted(pane.topLeftCell, rows)
    for selection in ws.sheet_view.selection:
        selection.activeCell = _shifted(selection.activeCell, rows)
        selection.sqref = _shifted(selection.sqref, rows)
    header = _header_row(ws)
    ws.print_title_rows = f"{header}:{header}"


def _shifted(ref: str | None, rows: int) -> str | None:
    if ref is None:
        return None
    cells = CellRange(str(ref))
    cells.shift(row_shift=rows)
    return cells.coord


# ---------------------------------------------------------------------------
# Command
# ---------------------------------------------------------------------------

def write_example_inputs(inputs_dir: Path,
                         report: Callable[[str], None] = print) -> list[Path]:
    """Write every example workbook into `inputs_dir`; returns the paths written."""
    folder = inputs_dir / QUESTIONNAIRE_DIR
    written = []
    for pilot in PILOTS:
        for stem, workbook in pilot_workbooks(pilot):
            path = folder / f"{stem}.xlsx"
            save_workbook(workbook, path)
            written.append(path)
    coding = inputs_dir / CODING_FILE
    save_workbook(build_coding([coding_row(pilot) for pilot in PILOTS]), coding)
    stale = sorted(path.name for path in folder.glob("*.xlsx") if path not in written)
    if stale:
        report(f"Let op: {folder} bevat ook werkboeken die dit script niet schreef: {', '.join(stale)}")
    return [*written, coding]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Schrijf de voorbeeldinvoer (vragenlijsten en codering).")
    parser.add_argument("--inputs", type=Path, default=ROOT / "inputs",
                        help="de invoermap (standaard: inputs/ van het project)")
    args = parser.parse_args(argv)
    problems = activate_folder(ROOT / "inputs")     # the example's codebook, whichever folder is written
    if problems:
        print("\n".join(problem.format() for problem in problems), file=sys.stderr)
        return 1
    paths = write_example_inputs(args.inputs)
    print(f"{len(paths) - 1} vragenlijsten en {CODING_FILE} geschreven in {args.inputs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
