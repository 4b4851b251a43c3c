"""Turn a sheet into a header row and typed answer cells.

Questionnaire and coding sheet follow the same rules: the header row is found
by its names within the first rows, columns by header name, and every answer
cell is checked the same way (stored values only, Excel errors and
uncalculated formulas refused, value parsed per question kind). Both readers
use these functions so the rules cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from report.engagement.codebook import HEADER_SEARCH_ROWS, Question, normalise
from report.model import Problem, Severity, Value
from report.read.values import InvalidAnswer, as_text, parse_answer
from report.read.workbook import Cell, MissingSheet, Sheet, UnreadableWorkbook, read_sheet
from report.text import has_controls

CONTROLS_REMOVED = ("Het antwoord bevat onzichtbare stuurtekens (bijvoorbeeld uit geplakte tekst of een "
                    "Shift+Enter); die zijn verwijderd.")


def open_sheet(path: Path, file: str, sheet_name: str, problems: list[Problem]) -> Sheet | None:
    """The named sheet of a workbook, or None after reporting why it cannot be read."""
    try:
        return read_sheet(path, sheet_name)
    except UnreadableWorkbook as unreadable:
        problems.append(Problem(Severity.ERROR, file, str(unreadable)))
    except MissingSheet as missing:
        found = ", ".join(f"'{name}'" for name in missing.found) or "geen"
        problems.append(Problem(
            Severity.ERROR, file,
            f"Het werkblad '{missing.wanted}' ontbreekt. Gevonden werkbladen: {found}."))
    return None


@dataclass(frozen=True)
class Header:
    row: int
    columns: dict[int, str]  # column index -> normalised header text


def open_table(path: Path, file: str, sheet_name: str, headers: Sequence[str],
               problems: list[Problem]) -> tuple[Sheet, Header, CellReader] | None:
    """The sheet, its header row (the first with all `headers`) and a reader for its cells.

    None after reporting why the workbook, sheet or header row cannot be found.
    """
    sheet = open_sheet(path, file, sheet_name, problems)
    if sheet is None:
        return None
    cells = CellReader(file, sheet.name, problems)
    header = find_header(sheet, {normalise(name) for name in headers})
    if header is None:
        names = " en ".join(", ".join(f"'{name}'" for name in headers).rsplit(", ", 1))
        cells.error(None, None,
                    f"Geen kopregel gevonden: geen van de eerste {HEADER_SEARCH_ROWS} rijen heeft "
                    f"{'de kolommen' if len(headers) > 1 else 'een kolom'} {names}.")
        return None
    return sheet, header, cells


def find_header(sheet: Sheet, wanted: set[str]) -> Header | None:
    """The first row within the search window whose normalised cell texts include `wanted`."""
    for row in sheet.row_numbers():
        if row > HEADER_SEARCH_ROWS:
            break
        columns = {col: normalise(as_text(cell.value)) for col, cell in sheet.rows[row].items()}
        if wanted.issubset(columns.values()):
            return Header(row, columns)
    return None


def column_of(header: Header, name: str) -> int | None:
    """The first column whose header is `name` (compared as the contract compares)."""
    wanted = normalise(name)
    return next((col for col, text in header.columns.items() if text == wanted), None)


@dataclass(frozen=True)
class CellReader:
    """Checks and parses the answer cells of one sheet, reporting problems against its file.

    `failed` holds the IDs of questions whose cell was reported, so a caller
    can tell "not answered" from "answered wrongly".
    """

    file: str
    sheet: str
    problems: list[Problem]
    failed: set[str] = field(default_factory=set)

    def read(self, question: Question, cell: Cell | None) -> Value | None:
        """The typed value of an answer cell, or None (empty, or a problem was reported)."""
        if cell is None:
            return None
        if cell.error:
            self.error(cell.ref, question, "De cel bevat een Excel-foutwaarde in plaats van een antwoord.",
                       found=str(cell.value))
            return None
        if cell.formula and cell.value is None:
            self.error(cell.ref, question,
                       "De cel bevat een formule zonder opgeslagen uitkomst; formules worden niet "
                       "uitgerekend. Typ het antwoord zelf in, of open en bewaar het bestand in Excel.")
            return None
        if isinstance(cell.value, str) and has_controls(cell.value):
            self.warn(cell.ref, question, CONTROLS_REMOVED)
        try:
            return parse_answer(question, cell.value)
        except InvalidAnswer as invalid:
            self.error(cell.ref, question, invalid.message,
                       found=as_text(cell.value).replace("\n", "; "), expected=invalid.expected)
            return None

    def error(self, ref: str | None, question: Question | None, message: str, *,
              found: str | None = None, expected: str | None = None) -> None:
        self.report(Severity.ERROR, ref, question, message, found=found, expected=expected)

    def warn(self, ref: str | None, question: Question | None, message: str, *,
             found: str | None = None) -> None:
        self.report(Severity.WARNING, ref, question, message, found=found)

    def report(self, severity: Severity, ref: str | None, question: Question | None,
               message: str, *, found: str | None = None, expected: str | None = None) -> None:
        if question is not None and severity is Severity.ERROR:
            self.failed.add(question.id)
        self.problems.append(Problem(
            severity, self.file, message, sheet=self.sheet, cell=ref,
            question_id=question.id if question is not None else None,
            found=found, expected=expected))
