"""The command line: thin commands that load inputs and call the library."""

from __future__ import annotations

import click

from report import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="make_report.py")
def main() -> None:
    """Rapportpijplijn: van vragenlijsten naar tussenrapport (DOCX en PDF)."""
