"""Turn the composed report into one fact-check packet per pilot, and an overview for the team.

Before publication every project leader checks the factsheet of their own
pilot (wederhoor). A packet holds that factsheet as PDF and DOCX, laid out
exactly as in the annex, a cover letter from the consultants' template and the
correction form. It holds nothing of any other pilot: each packet is made from
one factsheet and one pilot. The overview is the only place where the contact
of the project leader (the question with role contact) appears, since the packets go to that person.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from openpyxl.workbook import Workbook

from report.document import Document, Factsheet
from report.dutch import long_date
from report.factcheck.form import build_form
from report.files import write_bytes_atomic
from report.engagement.folders import LETTER_FILE
from report.engagement.codebook import Role, role
from report.model import Pilot, Problem, Severity
from report.read import read_inputs
from report.read.workbook import MissingSheet, UnreadableWorkbook, read_sheet
from report.workbooks.layout import (
    Column, Note, finish_sheet, fixed_cell, header_row, input_cell, new_workbook, set_columns,
    title_block,
)
from report.workbooks.save import workbook_bytes
from report.write.docx import write_factsheet_docx, write_letter_docx
from report.write.pdf import write_factsheet_pdf

FOLDER = "wederhoor"
OVERVIEW_FILE = "overzicht.xlsx"
DEFAULT_DAYS = 14            # the deadline, counted from the report's date, when none is given
_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MAX_NAME = 60


@dataclass(frozen=True)
class Letter:
    """What the cover letter needs besides the pilot: the template text, deadline and contact."""

    template: str
    deadline: dt.date
    contact: str


class LetterError(Exception):
    """The letter template cannot be rendered; `message` is Dutch and names the line."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def make_packets(inputs_dir: Path, output_dir: Path, deadline: dt.date | None = None,
                 contact: str | None = None) -> tuple[list[Path], list[Problem]]:
    """Write every packet and the overview; nothing at all when the inputs or the letter have an error."""
    from report.build import build       # the whole pipeline, only for this command

    result = build(inputs_dir, None, formats=())
    if not result.ok or result.document is None:
        return [], result.problems
    document = result.document
    template_path = inputs_dir / LETTER_FILE
    try:
        template = template_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return [], [Problem(Severity.ERROR, LETTER_FILE, "Het sjabloon voor de begeleidende brief ontbreekt "
                            "of is geen UTF-8-tekst; zet het in de invoermap (zie inputs/ van het voorbeeld).")]
    letter = Letter(template, deadline or document.meta.date + dt.timedelta(days=DEFAULT_DAYS),
                    contact or ", ".join([*document.meta.authors, document.meta.organisation]))
    try:
        files = packet_files(document, read_inputs(inputs_dir).pilots, letter, output_dir)
    except LetterError as error:
        return [], [Problem(Severity.ERROR, LETTER_FILE, error.message)]
    for path, data in files.items():
        write_bytes_atomic(path, data)
    return list(files), []


def packet_files(document: Document, pilots: Sequence[Pilot], letter: Letter,
                 output_dir: Path) -> dict[Path, bytes]:
    """Every file of every packet and the overview, by path; nothing is written here."""
    by_id = {pilot.id: pilot for pilot in pilots}
    sheets = [sheet for annex in document.annexes for sheet in annex.factsheets]
    folders = folder_names([sheet.pilot_id for sheet in sheets])
    root = output_dir / FOLDER
    files: dict[Path, bytes] = {}
    for sheet in sheets:
        pilot = by_id[sheet.pilot_id]
        folder = root / folders[sheet.pilot_id]
        name = folders[sheet.pilot_id]
        files[folder / f"factsheet-{name}.pdf"] = write_factsheet_pdf(document, sheet)
        files[folder / f"factsheet-{name}.docx"] = write_factsheet_docx(document, sheet)
        files[folder / f"brief-{name}.docx"] = write_letter_docx(
            document, letter_paragraphs(letter, document, pilot), f"Wederhoor: {sheet.title}")
        files[folder / f"wederhoorformulier-{name}.xlsx"] = workbook_bytes(
            build_form(pilot, sheet, document.meta.title))
    marks = _marks(root / OVERVIEW_FILE)
    files[root / OVERVIEW_FILE] = workbook_bytes(_overview(document, sheets, by_id, folders, marks))
    return files


def folder_names(pilot_ids: Sequence[str]) -> dict[str, str]:
    """A safe, unique folder name per Pilot-ID: IDs are typed by people and may hold anything."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for pilot_id in pilot_ids:
        base = _UNSAFE.sub("_", pilot_id).strip("._")[:_MAX_NAME] or "pilot"
        name, number = base, 2
        while name.casefold() in taken:
            name, number = f"{base}-{number}", number + 1
        taken.add(name.casefold())
        names[pilot_id] = name
    return names


def letter_paragraphs(letter: Letter, document: Document, pilot: Pilot) -> list[str]:
    """The letter for one pilot as paragraphs: the template filled in, split at blank lines."""
    environment = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    values = {
        "pilot": pilot.name, "pilot_id": pilot.id, "titel": document.meta.title,
        "opdrachtgever": document.meta.client, "organisatie": document.meta.organisation,
        "versie": document.meta.version, "uiterlijk": long_date(letter.deadline),
        "contact": letter.contact,
    }
    try:
        text = environment.from_string(letter.template).render(values)
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        where = f", regel {line}" if line else ""
        raise LetterError(f"{LETTER_FILE}{where}: de brief kan niet worden ingevuld ({error}). "
                          f"Beschikbare velden: {', '.join(sorted(values))}.") from None
    blocks = re.split(r"\n\s*\n", text.strip())
    return [" ".join(block.split()) for block in blocks if block.strip()]


def contact_of(pilot: Pilot) -> str:
    """The project leader's e-mail address from the contact question, or the whole answer when it has none."""
    contact = role(Role.CONTACT)
    answer = str(pilot.value(contact.id) or "") if contact else ""
    found = _EMAIL.search(answer)
    return found[0] if found else answer.strip()


OVERVIEW_SHEET = "Overzicht"
_OVERVIEW_COLUMNS = (
    Column("Pilot-ID", 12), Column("Pilot", 40), Column("Contact", 34),
    Column("Map", 16), Column("Verstuurd op", 14), Column("Terug op", 14),
)
_OVERVIEW_NOTE = Note("Wederhoor", (
    "• Eén pakket per pilot in de map ernaast: factsheet (PDF en Word), brief en formulier.",
    "• Vul Verstuurd op en Terug op in om bij te houden waar u op wacht.",
    "• Verwerk teruggekomen formulieren met: make_report.py wederhoor --verwerk MAP",
), span=4)


def _marks(path: Path) -> dict[str, tuple[object, object]]:
    """The sent and returned dates the team filled in, by Pilot-ID, so a new run keeps them."""
    try:
        sheet = read_sheet(path, OVERVIEW_SHEET)
    except (UnreadableWorkbook, MissingSheet):
        return {}
    cells = ((sheet.cell(row, 1), sheet.cell(row, 5), sheet.cell(row, 6)) for row in sheet.row_numbers())
    return {str(key.value): tuple(c.value if c else None for c in (sent, back))
            for key, sent, back in cells if key is not None and (sent or back)}


def _overview(document: Document, sheets: Sequence[Factsheet], pilots: dict[str, Pilot],
              folders: dict[str, str], marks: dict[str, tuple[object, object]]) -> Workbook:
    wb = new_workbook(f"{document.meta.title}: wederhoor")
    ws = wb.create_sheet(OVERVIEW_SHEET)
    set_columns(ws, _OVERVIEW_COLUMNS)
    header = title_block(ws, _OVERVIEW_COLUMNS, document.meta.title,
                         f"Wederhoor, versie {document.meta.version}", (_OVERVIEW_NOTE,))
    header_row(ws, header, _OVERVIEW_COLUMNS)
    for row, sheet in enumerate(sheets, start=header + 1):
        pilot = pilots[sheet.pilot_id]
        for column, value in enumerate((pilot.id, pilot.name, contact_of(pilot), folders[pilot.id]), 1):
            fixed_cell(ws.cell(row=row, column=column, value=value))
        sent, back = marks.get(pilot.id, (None, None))
        input_cell(ws.cell(row=row, column=5), sent)
        input_cell(ws.cell(row=row, column=6), back)
    finish_sheet(ws, header, freeze=f"A{header + 1}", first_input=f"E{header + 1}")
    return wb
