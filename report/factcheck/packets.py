"""Turn the composed report into one fact-check packet per pilot, and an overview for the team.

Before publication every project leader checks the factsheet of their own
pilot (wederhoor). A packet holds that factsheet as PDF and DOCX, laid out
exactly as in the annex, a cover letter from the consultants' template and the
correction form. It holds nothing of any other pilot: each packet is made from
one factsheet and one pilot. The overview is the only place where the contact
of the project leader (the question with role contact) appears, since the packets go to that person.

Laying out each factsheet as PDF and DOCX is nearly all of the work, and
the pilots do not depend on each other, so the packets' documents are made
side by side by the build's worker processes (report.workers), one per core.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import StrictUndefined, Template, TemplateError, TemplateNotFound
from openpyxl.workbook import Workbook

from report.document import Document, Factsheet
from report.dutch import long_date
from report.factcheck.form import build_form
from report.engagement.codebook import Role, role
from report.engagement.folders import LETTER_FILE
from report.factcheck.names import folder_names
from report.factcheck.seal import MissingKey, team_key
from report.files import NotWritable, replace_together
from report.model import Pilot, Problem, Severity
from report.narrative.limits import BoundedEnvironment, NarrativeLimit, TextsLoader, render_bounded
from report.narrative.placeholders import template_line
from report.read import read_inputs
from report.read.workbook import MissingSheet, UnreadableWorkbook, read_sheet
from report.workbooks.layout import (
    Column, Note, finish_sheet, fixed_cell, header_row, input_cell, new_workbook, set_columns,
    title_block,
)
from report.workbooks.save import workbook_bytes
from report.workers import Workers, workers
from report.write.docx.writer import write_factsheet_docx, write_letter_docx
from report.write.pdf.writer import write_factsheet_pdf

FOLDER = "wederhoor"
OVERVIEW_FILE = "overzicht.xlsx"
DEFAULT_DAYS = 14            # the deadline, counted from the report's date, when none is given
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class Letter:
    """What the cover letter needs besides the pilot: the inputs folder that holds it, deadline and contact."""

    folder: Path
    deadline: dt.date
    contact: str


class LetterError(Exception):
    """The letter template cannot be rendered; `message` is Dutch and names the line."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def make_packets(inputs_dir: Path, output_dir: Path, deadline: dt.date | None = None,
                 contact: str | None = None) -> tuple[list[Path], list[Problem]]:
    """Write every packet and the overview, all at once; nothing at all when the inputs or the letter have an error.

    The set is staged beside its targets and swapped in together
    (report.files.replace_together): a full disk leaves the previous packets.
    """
    from report.build import build       # the whole pipeline, only for this command

    result = build(inputs_dir, None, formats=())
    if not result.ok or result.document is None:
        return [], result.problems
    document = result.document
    letter = Letter(inputs_dir, deadline or document.meta.date + dt.timedelta(days=DEFAULT_DAYS),
                    contact or ", ".join([*document.meta.authors, document.meta.organisation]))
    try:
        key = team_key(inputs_dir, create=True)
        with workers() as pool:
            files = packet_files(document, read_inputs(inputs_dir).pilots, letter, output_dir, key, pool)
        replace_together(files)
    except LetterError as error:
        return [], [Problem(Severity.ERROR, LETTER_FILE, error.message)]
    except MissingKey as error:
        return [], [Problem(Severity.ERROR, str(inputs_dir), str(error))]
    except NotWritable as error:
        return [], [Problem(Severity.ERROR, str(error.path), f"{error.reason} Er is geen pakket vervangen.")]
    except OSError as error:
        return [], [Problem(Severity.ERROR, str(inputs_dir), "De pakketten kunnen niet worden geschreven "
                            f"({error.strerror or error}). Er is geen pakket vervangen.")]
    return list(files), []


def packet_files(document: Document, pilots: Sequence[Pilot], letter: Letter,
                 output_dir: Path, key: bytes, pool: Workers | None = None) -> dict[Path, bytes]:
    """Every file of every packet and the overview, by path; nothing is written here.

    Every letter is filled in before any factsheet is laid out, so a letter
    template with an error stops the command at once."""
    by_id = {pilot.id: pilot for pilot in pilots}
    sheets = [sheet for annex in document.annexes for sheet in annex.factsheets]
    folders = folder_names([sheet.pilot_id for sheet in sheets])
    root = output_dir / FOLDER
    pool = pool or Workers(None, 1)
    letters = [letter_paragraphs(letter, document, by_id[sheet.pilot_id]) for sheet in sheets]
    made = [pool.submit(_packet_documents, document, sheet, paragraphs) for sheet, paragraphs in zip(sheets, letters)]
    files: dict[Path, bytes] = {}
    for sheet, documents in zip(sheets, made):
        folder = root / folders[sheet.pilot_id]
        name = folders[sheet.pilot_id]
        pdf, docx, letter_docx = documents.result()
        files[folder / f"factsheet-{name}.pdf"] = pdf
        files[folder / f"factsheet-{name}.docx"] = docx
        files[folder / f"brief-{name}.docx"] = letter_docx
        files[folder / f"wederhoorformulier-{name}.xlsx"] = workbook_bytes(
            build_form(by_id[sheet.pilot_id], sheet, document.meta.title, key, form_round(document)))
    marks = _marks(root / OVERVIEW_FILE)
    files[root / OVERVIEW_FILE] = workbook_bytes(_overview(document, sheets, by_id, folders, marks))
    return files


def _packet_documents(document: Document, sheet: Factsheet, letter: list[str]) -> tuple[bytes, bytes, bytes]:
    """One pilot's factsheet as PDF and DOCX, and its letter; run by a worker."""
    return (write_factsheet_pdf(document, sheet), write_factsheet_docx(document, sheet),
            write_letter_docx(document, letter, f"Wederhoor: {sheet.title}"))


def form_round(document: Document) -> str:
    """The round a form belongs to, as its seal binds it: the report's version and date."""
    return f"versie {document.meta.version}, {document.meta.date.isoformat()}"


def letter_paragraphs(letter: Letter, document: Document, pilot: Pilot) -> list[str]:
    """The letter for one pilot as paragraphs: the template filled in, split at blank lines.

    The template is a narrative text like any other: loaded from inside the
    inputs folder (no link out), rendered in the same bounded sandbox.
    """
    environment = BoundedEnvironment(loader=TextsLoader(letter.folder), undefined=StrictUndefined,
                                     autoescape=False)
    values = {
        "pilot": pilot.name, "pilot_id": pilot.id, "titel": document.meta.title,
        "opdrachtgever": document.meta.client, "organisatie": document.meta.organisation,
        "versie": document.meta.version, "uiterlijk": long_date(letter.deadline),
        "contact": letter.contact,
    }
    template = None
    try:
        if (letter.folder / LETTER_FILE).is_symlink():
            raise NarrativeLimit("Het sjabloon is een koppeling naar een ander bestand; zet de tekst zelf in "
                                 "de invoermap.")
        environment.globals.update(values)
        template = environment.get_template(LETTER_FILE)
        text = render_bounded(template)
    except TemplateNotFound:
        raise LetterError(f"{LETTER_FILE}: het sjabloon voor de begeleidende brief ontbreekt; zet het in de "
                          "invoermap (zie inputs/ van het voorbeeld).") from None
    except UnicodeDecodeError:
        raise LetterError(f"{LETTER_FILE}: het sjabloon is geen UTF-8-tekst; sla het op als UTF-8.") from None
    except NarrativeLimit as error:
        raise LetterError(f"{LETTER_FILE}{_where(error, template)}: {error}") from None
    except (TemplateError, ValueError, TypeError, ArithmeticError) as error:
        raise LetterError(f"{LETTER_FILE}{_where(error, template)}: de brief kan niet worden ingevuld ({error}). "
                          f"Beschikbare velden: {', '.join(sorted(values))}.") from None
    blocks = re.split(r"\n\s*\n", text.strip())
    return [" ".join(block.split()) for block in blocks if block.strip()]


def _where(error: BaseException, template: Template | None) -> str:
    """", regel N" for the line of the letter an error comes from, when Jinja knows it."""
    filename = template.filename if template is not None else None
    line = getattr(error, "lineno", None) or (filename and (
        template_line(error, filename) or template_line(error.__context__, filename)))
    return f", regel {line}" if line else ""


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
