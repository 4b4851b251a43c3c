"""Turn inputs/privacy-uitzonderingen.yaml into the personal data a report may carry on purpose.

Some numbers look personal but are meant to be published, such as a
public helpline. The consultants list them here, each with the reason, so
the privacy check (report.privacy) lets them pass and the reason stays on
record. Read like the report's other hand-typed YAML files
(report.engagement.config, report.read.corrections): every mistake is a Problem
naming the line. A missing file means: no exceptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from report.model import Problem, Severity
from report.yaml_nodes import read_nodes, text_of

EXCEPTIONS_FILE = "privacy-uitzonderingen.yaml"
KEYS = {
    "waarde": "het gegeven zoals het in de tekst staat, bijvoorbeeld 0900-8020",
    "reden": "waarom het gegeven gepubliceerd mag worden",
    "pilot": "alleen bij deze pilot (mag weg: dan overal)",
}
REQUIRED = ("waarde", "reden")


@dataclass(frozen=True)
class Allowed:
    """One deliberate piece of personal-looking data, and why it may stay."""

    value: str
    reason: str
    line: int
    pilot: str | None = None

    def allows(self, value: str, pilot: str | None) -> bool:
        return same_value(self.value, value) and (self.pilot is None or self.pilot == pilot)


def same_value(a: str, b: str) -> bool:
    """Equal but for spacing, punctuation and case: "0900-8020" is "0900 8020"."""
    return _key(a) == _key(b)


def _key(value: str) -> str:
    return re.sub(r"[\W_]+", "", value).casefold()


def read_exceptions(inputs_dir: Path) -> tuple[list[Allowed], list[Problem]]:
    """The exceptions listed in the inputs folder, and the problems of the entries that are wrong."""
    path = inputs_dir / EXCEPTIONS_FILE
    if not path.is_file():
        return [], []
    read_problems: list[Problem] = []
    root = read_nodes(path, lambda line, message: read_problems.append(_problem(line, message)))
    if read_problems or root is None:
        return [], read_problems
    if not isinstance(root, yaml.SequenceNode):
        return [], [_problem(_line(root), "Verwacht een lijst; begin elke uitzondering met '- waarde: ...'.")]
    exceptions, problems = [], []
    for node in root.value:
        entry = _entry(node, problems)
        if entry is not None:
            exceptions.append(entry)
    return exceptions, problems


def _entry(node: yaml.Node, problems: list[Problem]) -> Allowed | None:
    if not isinstance(node, yaml.MappingNode):
        problems.append(_problem(_line(node), f"Verwacht een uitzondering met de sleutels {', '.join(KEYS)}."))
        return None
    fields: dict[str, str] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value).strip().casefold()
        if key not in KEYS:
            problems.append(_problem(_line(key_node), f"Onbekende sleutel '{key_node.value}'. "
                                                      f"Bekende sleutels: {', '.join(KEYS)}."))
        elif not isinstance(value_node, yaml.ScalarNode) or not str(value_node.value).strip():
            problems.append(_problem(_line(value_node), f"De sleutel '{key}' verwacht één tekst: {KEYS[key]}."))
        else:
            fields[key] = text_of(value_node)
    missing = [key for key in REQUIRED if key not in fields]
    for key in missing:
        problems.append(_problem(_line(node), f"De sleutel '{key}' ontbreekt; elke uitzondering noemt {KEYS[key]}."))
    if missing:
        return None
    return Allowed(fields["waarde"], fields["reden"], _line(node), fields.get("pilot"))


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _problem(line: int | None, message: str) -> Problem:
    return Problem(Severity.ERROR, EXCEPTIONS_FILE, message, cell=f"regel {line}" if line else None)
