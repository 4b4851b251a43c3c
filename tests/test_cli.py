"""Every command explains itself: a consultant's first stop is --help."""

from __future__ import annotations

import click
import openpyxl
import pytest
from click.testing import CliRunner

from report import __version__
from report.cli import main

COMMANDS = sorted(main.commands)


def test_the_cli_has_the_commands_the_readme_promises():
    assert {"build", "check", "stats", "figuren", "vragenlijst", "codering",
            "wijzigingen", "opmerkingen", "vergelijk"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_dutch_help(name):
    command = main.commands[name]
    assert command.help and command.get_short_help_str().strip()
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name}: option {param.name} has no help"


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_the_questionnaire_title_is_the_consultants_choice(tmp_path):
    out = tmp_path / "v.xlsx"
    result = CliRunner().invoke(main, ["vragenlijst", "--variant", "lang", "--titel", "Onderzoek X", "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["Vragenlijst"]
    assert sheet["A1"].value.splitlines()[0] == "Onderzoek X"
