"""Turn inputs/correcties.yaml into answers that override every workbook.

After a review round the consultants correct answers here instead of in the
returned workbooks, so the pilot's own answer, the new value and the reason
for the change all stay on record. The file is typed by hand, so every entry
is checked on its own and every message names its line; a value is checked
exactly like a workbook answer (report.read.values). Whether the pilot exists
and whether the value changes anything is judged in report.read.merge, where
the pilots are known. A missing file means: no corrections.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from report.engagement.folders import CORRECTIONS_FILE
from report.engagement.codebook import AnswerKind, Question, Role, all_questions, find_question
from report.model import Answer, Correction, Problem, Severity, Source, SourceKind, Value
from report.read.merge import PilotAnswer, pilot_key
from report.read.values import InvalidAnswer, expected, parse_answer
from report.yaml_nodes import keyed, line_of, read_nodes, text_of
from report.read.table import CONTROLS_REMOVED
from report.text import has_controls


# key -> what it holds, for messages; required keys first.
KEYS = {
    "pilot": "de Pilot-ID",
    "vraag": "de vraag-ID of codeerkolom, zoals in codeboek.yaml",
    "waarde": "het nieuwe antwoord",
    "reden": "waarom het antwoord verandert",
    "ronde": "de reviewronde, bijvoorbeeld Reflectiegroep 1",
    "door": "wie de correctie invoerde",
}
REQUIRED = ("pilot", "vraag", "waarde", "reden", "ronde")
TEXT_KEYS = tuple(key for key in KEYS if key != "waarde")
# These say which workbook was returned, not what the pilot answered.
NOT_CORRECTABLE = {
    Role.PILOT_ID: "De Pilot-ID verbindt de werkboeken van een pilot en kan niet met een correctie "
          "veranderen; pas hem aan in de werkboeken zelf.",
    Role.DOCUMENT: "Het soort document zegt welk werkboek is ingeleverd en kan niet met een correctie "
          "veranderen.",
}


def read_corrections(path: Path) -> tuple[list[PilotAnswer], list[Problem]]:
    """The valid corrections of the file at `path`, in file order, and the problems of the others."""
    if not path.is_file():
        return [], []
    reader = _Reader()
    root = read_nodes(path, reader.complain)
    if reader.problems:
        return [], reader.problems
    return reader.corrections(root), reader.problems


@dataclass(frozen=True)
class _Entry:
    """What the reader knows of the entry it is checking, to say it in every message."""

    line: int
    pilot: str = ""
    question: Question | None = None

    def problem(self, message: str, line: int | None = None, **fields) -> Problem:
        lead = f"Correctie voor pilot '{self.pilot}': " if self.pilot else ""
        fields.setdefault("question_id", self.question.id if self.question else None)
        return _problem(line or self.line, lead + message, **fields)


class _Reader:
    """Walks the YAML nodes, so every message can name the line of the entry or key."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.seen: dict[tuple[str, str], int] = {}   # (pilot key, question ID) -> line

    def complain(self, line: int | None, message: str) -> None:
        self.problems.append(_problem(line, message))

    def corrections(self, root: yaml.Node | None) -> list[PilotAnswer]:
        if root is None:
            return []      # only comments: no corrections yet
        if not isinstance(root, yaml.SequenceNode):
            self.problems.append(_problem(line_of(root), "Verwacht een lijst met correcties; begin elke "
                                          "correctie met '- pilot: ...' (zie de uitleg bovenaan het bestand)."))
            return []
        found = (self.entry(node) for node in root.value)
        return [correction for correction in found if correction is not None]

    def entry(self, node: yaml.Node) -> PilotAnswer | None:
        if not isinstance(node, yaml.MappingNode):
            self.problems.append(_Entry(line_of(node)).problem(
                f"Verwacht een correctie met de sleutels {', '.join(KEYS)}, elk als 'sleutel: waarde'."))
            return None
        complaints: list[tuple[int | None, str]] = []
        fields = keyed(node, KEYS, "deze correctie", lambda line, message: complaints.append((line, message)))
        texts = {key: text_of(fields[key]) for key in TEXT_KEYS if key in fields}
        entry = _Entry(line_of(node), texts.get("pilot") or "", find_question(texts.get("vraag") or "-"))
        self.problems += [entry.problem(message, line) for line, message in complaints]
        complete = self.required(fields, texts, entry)
        question = self.question(fields, texts, entry)
        if not complete or question is None:
            return None
        value = self.value(fields["waarde"], entry)
        if value is None or not self.first(entry):
            return None
        source = Source(SourceKind.CORRECTIE, CORRECTIONS_FILE, cell=f"regel {entry.line}")
        correction = Correction(texts["reden"], texts["ronde"], texts.get("door") or None)
        return PilotAnswer(entry.pilot, Answer(question.id, value, source, correction=correction))

    def required(self, fields: dict[str, yaml.Node], texts: dict[str, str | None], entry: _Entry) -> bool:
        """Every required key is there and every text key holds one text; the value is judged later."""
        missing = [key for key in REQUIRED if key not in fields or (key in texts and texts[key] == "")]
        lists = [key for key in TEXT_KEYS if key in fields and texts[key] is None]
        for key in missing:
            self.problems.append(entry.problem(
                f"De sleutel '{key}' ontbreekt of is leeg; elke correctie noemt {KEYS[key]}.",
                line_of(fields.get(key))))
        for key in lists:
            self.problems.append(entry.problem(
                f"De sleutel '{key}' verwacht één tekst ({KEYS[key]}), geen lijst.", line_of(fields[key])))
        return not missing and not lists

    def question(self, fields: dict[str, yaml.Node], texts: dict[str, str | None],
                 entry: _Entry) -> Question | None:
        raw = texts.get("vraag")
        if not raw:
            return None         # reported as missing
        if entry.question is None:
            self.problems.append(entry.problem(
                "Onbekende vraag-ID; deze correctie kan nergens worden toegepast.", line_of(fields["vraag"]),
                found=raw, expected=", ".join(q.id for q in all_questions()), question_id=raw))
            return None
        if entry.question.role in NOT_CORRECTABLE:
            self.problems.append(entry.problem(NOT_CORRECTABLE[entry.question.role], line_of(fields["vraag"]),
                                               found=raw))
            return None
        return entry.question

    def value(self, node: yaml.Node, entry: _Entry) -> Value | None:
        question = entry.question
        if isinstance(node, yaml.SequenceNode) and question.kind is AnswerKind.MULTI \
                and all(isinstance(item, yaml.ScalarNode) for item in node.value):
            raw = "; ".join(str(item.value) for item in node.value)
        elif isinstance(node, yaml.ScalarNode):
            raw = str(node.value)
        else:
            self.problems.append(entry.problem(
                f"Vraag {question.id} verwacht één waarde, geen lijst of sleutels.", line_of(node),
                expected=expected(question)))
            return None
        if has_controls(raw):
            self.problems.append(replace(entry.problem(CONTROLS_REMOVED, line_of(node)), severity=Severity.WARNING))
        try:
            value = parse_answer(question, raw)
        except InvalidAnswer as invalid:
            self.problems.append(entry.problem(invalid.message, line_of(node), found=raw.strip(),
                                               expected=invalid.expected))
            return None
        if value is None:
            self.problems.append(entry.problem(
                "De nieuwe waarde is leeg. Een correctie geeft altijd een nieuw antwoord; een "
                "antwoord wissen kan niet. Is het antwoord onbekend, kies dan 'onbekend' als de "
                "vraag die keuze heeft.",
                line_of(node), expected=expected(question)))
        return value

    def first(self, entry: _Entry) -> bool:
        """True for the first correction of this pilot and question; a second one is an error."""
        key = (pilot_key(entry.pilot), entry.question.id)
        if key not in self.seen:
            self.seen[key] = entry.line
            return True
        self.problems.append(entry.problem(
            f"Vraag {entry.question.id} van deze pilot wordt ook op regel {self.seen[key]} gecorrigeerd; "
            f"per pilot en vraag hoort er één correctie. Voeg regel {self.seen[key]} en regel "
            f"{entry.line} samen."))
        return False


def _problem(line: int | None, message: str, **fields) -> Problem:
    return Problem(Severity.ERROR, CORRECTIONS_FILE, message, cell=f"regel {line}" if line else None,
                   **fields)
