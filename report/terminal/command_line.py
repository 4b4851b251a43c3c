"""Give every command module the same group, folder options and Dutch way of stopping.

`report.cli` and `report.cli_review` both hang their commands on `main` and
take their folders the same way; both import this module and neither imports
the other's helpers, so the command modules stay without an import circle.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click
from openpyxl.workbook import Workbook

from report import __version__
from report.engagement.load import activate_folder
from report.engagement.folders import CODEBOOK_FILE, CODING_FILE, INPUTS_DIR, QUESTIONNAIRE_DIR, REPORT_TYPE_FILE
from report.terminal.targets import OVERWRITE_FLAG, Refused, check_target
from report.terminal import click_nl
from report.terminal.problems import echo_summarised
from report.text import for_terminal
from report.workbooks import save_workbook

click_nl.install()     # before the options below are made: their type names are translated too


def folder_option(name: str, default: Path, help: str):
    """A folder option with its default in the project, as every command takes its folders."""
    return click.option(name, type=click.Path(file_okay=False, path_type=Path),
                        default=default, show_default=True, help=help)


def find_engagement(given: Path | None) -> Path:
    """The engagement a command works on: --inputs, else the current folder when it is one
    (it holds a codebook), else the bundled example."""
    if given is not None:
        return given
    here = Path.cwd()
    return here if (here / CODEBOOK_FILE).is_file() else INPUTS_DIR


def inputs_option(help: str = f"De invoermap, met {QUESTIONNAIRE_DIR}/ en {CODING_FILE}."):
    return click.option("--inputs", type=click.Path(file_okay=False, path_type=Path), default=None,
                        callback=lambda context, parameter, value: find_engagement(value),
                        help=f"{help} Standaard: de huidige map als daar {CODEBOOK_FILE} staat, anders de "
                             "meegeleverde voorbeeldopdracht.")


@click.group(cls=click_nl.DutchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="make_report.py")
def main() -> None:
    """Rapportpijplijn: van vragenlijsten naar tussenrapport (DOCX en PDF)."""


overwrite_option = click.option(
    OVERWRITE_FLAG, "overwrite", is_flag=True,
    help="Vervang een bestaand uitvoerbestand. Bestanden in de invoermap, een uitgebracht rapport en "
         "zijn snapshot worden nooit vervangen.")


def check_output(target: Path, **rules) -> None:
    """Stop with a Dutch error when the command may not write `target` (report.terminal.targets)."""
    try:
        check_target(target, **rules)
    except Refused as refused:
        fail(str(refused))


def load_engagement(inputs: Path) -> None:
    """Make the engagement's report type the active one, or list what is wrong with it and stop."""
    problems = activate_folder(inputs)
    if problems:
        echo_summarised(problems)
        fail(f"het rapporttype in {inputs} ({CODEBOOK_FILE}, {REPORT_TYPE_FILE}) bevat fouten.")


def save(workbook: Workbook, output: Path) -> None:
    try:
        save_workbook(workbook, output)
    except OSError as error:
        fail(f"{output} kan niet worden geschreven ({error.strerror or error}).")


def fail(message: str) -> NoReturn:
    click.echo(for_terminal(f"Fout: {message}"), err=True)     # paths may hold escape sequences
    sys.exit(1)
