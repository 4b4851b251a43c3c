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

from report.codebook import CODING_COLUMNS, QUESTIONS, Kind, Question, find_question
from report.model import Answer, Correction, Problem, Severity, Source, SourceKind, Value
from report.read.merge import PilotAnswer, pilot_key
from report.read.values import InvalidAnswer, expected, parse_answer
from report.read.table import CONTROLS_REMOVED
from report.text import has_controls, without_controls

CORRECTIONS_FILE = "correcties.yaml"

# key -> what it holds, for messages; required keys first.
KEYS = {
    "pilot": "de Pilot-ID",
    "vraag": "de vraag-ID of codeerkolom, bijvoorbeeld A8 of K3",
    "waarde": "het nieuwe antwoord",
    "reden": "waarom het antwoord verandert",
    "ronde": "de reviewronde, bijvoorbeeld Reflectiegroep 1",
    "door": "wie de correctie invoerde",
}
REQUIRED = ("pilot", "vraag", "waarde", "reden", "ronde")
TEXT_KEYS = tuple(key for key in KEYS if key != "waarde")
# These say which workbook was returned, not what the pilot answered.
NOT_CORRECTABLE = {
    "P0": "De Pilot-ID verbindt de werkboeken van een pilot en kan niet met een correctie "
          "veranderen; pas hem aan in de werkboeken zelf.",
    "P8": "Het soort document zegt welk werkboek is ingeleverd en kan niet met een correctie "
          "veranderen.",
}
_QUESTION_IDS = ", ".join(q.id for q in QUESTIONS + CODING_COLUMNS)


def read_corrections(path: Path) -> tuple[list[PilotAnswer], list[Problem]]:
    """The valid corrections of the file at `path`, in file order, and the problems of the others."""
    if not path.is_file():
        return [], []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], [_problem(None, "Het bestand is geen UTF-8-tekst; sla het op als UTF-8.")]
    except OSError as error:
        return [], [_problem(None, f"Het bestand kan niet worden gelezen ({error.strerror or error}).")]
    try:
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as error:
        return [], [_yaml_error(error, text)]
    reader = _Reader()
    return reader.corrections(root), reader.problems


# What PyYAML's most common complaints mean for a hand-typed corrections file.
_YAML_HINTS = {
    "mapping values are not allowed": "er staat een dubbele punt met spatie waar die niet kan: in een "
                                      "waarde (zet de waarde dan tussen aanhalingstekens) of na een "
                                      "regel die verder is ingesprongen dan de regel erboven",
    "could not find expected ':'": "na een sleutel ontbreekt de dubbele punt, of een regel is anders "
                                   "ingesprongen dan de regels erboven",
    "expected <block end>": "een regel is anders ingesprongen dan de andere sleutels van deze correctie",
    "cannot start any token": "er staat een tab of een teken als @ of ` aan het begin van een waarde; "
                              "gebruik spaties om in te springen en zet zo'n waarde tussen aanhalingstekens",
    "special characters are not allowed": "er staat een onzichtbaar stuurteken in het bestand",
    "found unexpected end of stream": "een aanhalingsteken wordt niet gesloten",
}


def _yaml_error(error: yaml.YAMLError, text: str) -> Problem:
    """PyYAML's complaint as a Dutch message on the line where it noticed the mistake."""
    mark = getattr(error, "problem_mark", None)
    if mark is not None:
        line = mark.line + 1
    elif isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
    else:
        line = None
    complaint = str(getattr(error, "problem", None) or error)
    hint = next((hint for known, hint in _YAML_HINTS.items() if known in complaint),
                "controleer de inspringing, de dubbele punt na elke sleutel en de aanhalingstekens")
    return _problem(line, f"Dit is geen geldige YAML: {hint}. Kijk op deze regel en de regel erboven, "
                          "en vergelijk ze met de voorbeelden bovenaan het bestand.")


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

    def corrections(self, root: yaml.Node | None) -> list[PilotAnswer]:
        if root is None:
            return []      # only comments: no corrections yet
        if not isinstance(root, yaml.SequenceNode):
            self.problems.append(_problem(_line(root), "Verwacht een lijst met correcties; begin elke "
                                          "correctie met '- pilot: ...' (zie de uitleg bovenaan het bestand)."))
            return []
        found = (self.entry(node) for node in root.value)
        return [correction for correction in found if correction is not None]

    def entry(self, node: yaml.Node) -> PilotAnswer | None:
        if not isinstance(node, yaml.MappingNode):
            self.problems.append(_Entry(_line(node)).problem(
                f"Verwacht een correctie met de sleutels {', '.join(KEYS)}, elk als 'sleutel: waarde'."))
            return None
        fields, complaints = _fields(node)
        texts = {key: _scalar(fields[key]) for key in TEXT_KEYS if key in fields}
        entry = _Entry(_line(node), texts.get("pilot") or "", find_question(texts.get("vraag") or "-"))
        self.problems += [entry.problem(message, line) for message, line in complaints]
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
                _line(fields.get(key))))
        for key in lists:
            self.problems.append(entry.problem(
                f"De sleutel '{key}' verwacht één tekst ({KEYS[key]}), geen lijst.", _line(fields[key])))
        return not missing and not lists

    def question(self, fields: dict[str, yaml.Node], texts: dict[str, str | None],
                 entry: _Entry) -> Question | None:
        raw = texts.get("vraag")
        if not raw:
            return None         # reported as missing
        if entry.question is None:
            self.problems.append(entry.problem(
                "Onbekende vraag-ID; deze correctie kan nergens worden toegepast.", _line(fields["vraag"]),
                found=raw, expected=_QUESTION_IDS, question_id=raw))
            return None
        if entry.question.id in NOT_CORRECTABLE:
            self.problems.append(entry.problem(NOT_CORRECTABLE[entry.question.id], _line(fields["vraag"]),
                                               found=raw))
            return None
        return entry.question

    def value(self, node: yaml.Node, entry: _Entry) -> Value | None:
        question = entry.question
        if isinstance(node, yaml.SequenceNode) and question.kind is Kind.MULTI \
                and all(isinstance(item, yaml.ScalarNode) for item in node.value):
            raw = "; ".join(str(item.value) for item in node.value)
        elif isinstance(node, yaml.ScalarNode):
            raw = str(node.value)
        else:
            self.problems.append(entry.problem(
                f"Vraag {question.id} verwacht één waarde, geen lijst of sleutels.", _line(node),
                expected=expected(question)))
            return None
        if has_controls(raw):
            self.problems.append(replace(entry.problem(CONTROLS_REMOVED, _line(node)), severity=Severity.WARNING))
        try:
            value = parse_answer(question, raw)
        except InvalidAnswer as invalid:
            self.problems.append(entry.problem(invalid.message, _line(node), found=raw.strip(),
                                               expected=invalid.expected))
            return None
        if value is None:
            self.problems.append(entry.problem(
                "De nieuwe waarde is leeg. Een correctie geeft altijd een nieuw antwoord; een "
                "antwoord wissen kan niet. Is het antwoord onbekend, kies dan 'onbekend' als de "
                "vraag die keuze heeft.",
                _line(node), expected=expected(question)))
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


def _fields(node: yaml.MappingNode) -> tuple[dict[str, yaml.Node], list[tuple[str, int | None]]]:
    """The entry's value nodes by key, and complaints (message, line) about unknown or doubled keys."""
    fields: dict[str, yaml.Node] = {}
    complaints = []
    for key_node, value_node in node.value:
        key = str(key_node.value).strip().casefold()
        if key not in KEYS:
            complaints.append((f"Onbekende sleutel '{key_node.value}'. Bekende sleutels: {', '.join(KEYS)}.",
                               _line(key_node)))
        elif key in fields:
            complaints.append((f"De sleutel '{key}' staat twee keer in deze correctie (ook op regel "
                               f"{_line(fields[key])}); laat er één staan.", _line(key_node)))
        else:
            fields[key] = value_node
    return fields, complaints


def _scalar(node: yaml.Node) -> str | None:
    return " ".join(without_controls(str(node.value)).split()) if isinstance(node, yaml.ScalarNode) else None


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _problem(line: int | None, message: str, **fields) -> Problem:
    return Problem(Severity.ERROR, CORRECTIONS_FILE, message, cell=f"regel {line}" if line else None,
                   **fields)
