"""Every command explains itself: a consultant's first stop is --help."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import openpyxl
import pytest
from click.testing import CliRunner

from report import __version__
from report.cli import main
from report.terminal import click_nl

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
    usage = result.output.splitlines()[0]
    assert usage.startswith("Gebruik: ") and f" {name} [OPTIES]" in usage and "\nOpties:\n" in result.output
    assert _english(result.output) == []
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name}: option {param.name} has no help"


def test_the_overview_is_dutch():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and result.output.startswith("Gebruik: main [OPTIES] COMMANDO")
    assert "\nCommando's:\n" in result.output and _english(result.output) == []


@pytest.mark.parametrize("args, message", [
    (["bouw"], "Fout: Onbekend commando 'bouw'."),
    (["build", "--schon"], "Fout: Onbekende optie '--schon'. Bedoelt u '--schoon'?"),
    (["opmerkingen"], "Fout: Ontbrekend argument 'TERUG.docx...'."),
    (["vragenlijst", "-o", "v.xlsx"], "Fout: Ontbrekende optie '--variant'."),
    (["vragenlijst", "--variant", "middel", "-o", "v.xlsx"],
     "Fout: Ongeldige waarde voor '--variant': 'middel' is niet een van 'lang', 'kort', 'aanvulling'."),
    (["wijzigingen", "geen.snapshot.json"], "Fout: Ongeldige waarde voor '[OUD]': Bestand 'geen.snapshot.json' bestaat niet."),
    (["check", "--inputs"], "Fout: Optie '--inputs' heeft een waarde nodig."),
    (["check", "extra"], "Fout: Onverwacht extra argument: extra."),
])
def test_click_errors_are_dutch(args, message):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and message in result.stderr and _english(result.stderr) == []
    if "--inputs" not in args:
        assert "voor uitleg." in result.stderr


def test_every_translated_click_text_still_occurs_in_click():
    """A click upgrade that rewords a text would silently bring the English back."""
    marked = _click_texts("_") | {"required"}      # click marks this one as `_(extra["required"])`
    assert set(click_nl.CATALOG) <= marked and set(click_nl.PLURALS) <= _click_texts("ngettext")


def _click_texts(function: str) -> set:
    texts = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function:
                args = tuple(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
                texts.add(args[0] if function == "_" and args else args[:2])
    return texts


ENGLISH = ("Usage", "Options", "Commands", "Show this", "Show the", "default:", "required", "Error", "Try",
           "Missing", "No such", "Invalid", "Did you mean", "Got unexpected", "Aborted", "TEXT", "DIRECTORY",
           "FILE", "PATH", "INTEGER", "COMMAND", "ARGS", "OLD", "NEW")


def _english(output: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", output)]


def test_ctrl_c_stops_a_command_in_dutch(monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr("report.cli.read_inputs", interrupted)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1 and result.stderr.strip() == "Afgebroken."


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_the_questionnaire_title_is_the_consultants_choice(tmp_path):
    out = tmp_path / "v.xlsx"
    result = CliRunner().invoke(main, ["vragenlijst", "--variant", "lang", "--titel", "Onderzoek X", "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["Vragenlijst"]
    assert sheet["A1"].value.splitlines()[0] == "Onderzoek X"
