"""Every option of every command is invoked by some test: an option no test runs is an untested path.

The options come from each command's --help, as a consultant sees them. A
test invokes an option when a list, tuple or call in a test module holds the
option's string (or "--option=value") together with the command's name; a
list without a command name (a helper such as `run(*args)` that adds it)
counts for every command that module names in an invocation. Simple on
purpose: it reads the tests' source, it does not trace their calls.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

from click.testing import CliRunner

from report.cli import main

TESTS = Path(__file__).resolve().parent
COMMANDS = sorted(main.commands)
HELP = {"-h", "--help"}


def options_in_help(command: str) -> list[tuple[str, ...]]:
    """Each option of `command` as its names (`("-o", "--output")`), read from its --help."""
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    listed = result.output.split("\nOpties:\n", 1)[1]
    options = []
    for line in listed.splitlines():
        if re.match(r"\s{1,4}-", line):
            names = tuple(re.findall(r"(?<![\w-])--?[A-Za-z][\w-]*", re.split(r"\s{2,}", line.strip())[0]))
            if not HELP & set(names):
                options.append(names)
    return options


def invoked_options() -> dict[str, set[str]]:
    """Per command, the option strings the tests' invocations hold."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted(TESTS.glob("test_*.py")):
        groups = [_strings(node) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(node, (ast.List, ast.Tuple, ast.Call))]
        named = {s for group in groups for s in group if s in main.commands}
        for group in groups:
            options = {s.split("=", 1)[0] for s in group if s.startswith("-")}
            for command in ({s for s in group if s in main.commands} or named):
                found[command] |= options
    return found


def _strings(node: ast.AST) -> list[str]:
    items = node.elts if isinstance(node, (ast.List, ast.Tuple)) else node.args
    return [item.value for item in items if isinstance(item, ast.Constant) and isinstance(item.value, str)]


def test_every_option_of_every_command_is_invoked_by_a_test():
    invoked = invoked_options()
    missing = [f"make_report.py {command} {' / '.join(names)}" for command in COMMANDS
               for names in options_in_help(command) if not set(names) & invoked[command]]
    assert not missing, "no test invokes these options (add a test that runs each one and checks its " \
                        "effect):\n  " + "\n  ".join(missing)


def test_the_help_lists_the_options_the_commands_define():
    """The check above reads --help; it must see every option click knows of, or it would miss some."""
    for command in COMMANDS:
        defined = {tuple(sorted(p.opts)) for p in main.commands[command].params
                   if p.param_type_name == "option" and not HELP & set(p.opts)}
        assert {tuple(sorted(names)) for names in options_in_help(command)} == defined, command
