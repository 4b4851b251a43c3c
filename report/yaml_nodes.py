"""Turn a hand-edited YAML file (rapport.yaml, correcties.yaml) into nodes that know their line.

Consultants type these files in whatever editor is at hand, so the reader
takes UTF-8, UTF-16 (with its byte-order mark, as Windows Notepad saves
"Unicode") and Windows-1252/Latin-1, and says every syntax slip in Dutch on
its line. It reads nodes, not Python values: every value stays text (YAML's
own typing would turn version 1.10 into 1.1) and every message can name the
line of a key. The files come from outside the program, so reading is
bounded: the file's size, the nesting depth, and no anchors or aliases
(`&`/`*`), which a hand-written file does not need and which can make a small
file expand without end.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import yaml

from report.text import without_controls

MAX_BYTES = 1_000_000
MAX_DEPTH = 20

Complaint = Callable[[int | None, str], object]    # (line, Dutch message) -> the caller's Problem

# What PyYAML's most common complaints mean for a hand-typed file.
_HINTS = {
    "mapping values are not allowed": "er staat een dubbele punt met spatie waar die niet kan: in een "
                                      "waarde (zet de waarde dan tussen aanhalingstekens) of na een "
                                      "regel die verder is ingesprongen dan de regel erboven",
    "could not find expected ':'": "na een sleutel ontbreekt de dubbele punt, of een regel is anders "
                                   "ingesprongen dan de regels erboven",
    "expected <block end>": "een regel is anders ingesprongen dan de regels erboven",
    "cannot start any token": "er staat een tab of een teken als @ of ` aan het begin van een waarde; "
                              "gebruik spaties om in te springen en zet zo'n waarde tussen aanhalingstekens",
    "special characters are not allowed": "er staat een onzichtbaar stuurteken in het bestand",
    "found unexpected end of stream": "een aanhalingsteken wordt niet gesloten",
    "found undefined alias": "er staat een * aan het begin van een waarde; zet zo'n waarde tussen "
                             "aanhalingstekens",
}
_GENERAL_HINT = "controleer de inspringing, de dubbele punt na elke sleutel en de aanhalingstekens"


def read_nodes(path: Path, complain: Complaint) -> yaml.Node | None:
    """The file's root node (None when empty or unreadable); every problem goes to `complain`.

    The caller knows the file's name and what it holds, so it makes the
    Problem; this reader only says the line and what is wrong, in Dutch.
    """
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        complain(None, f"Het bestand kan niet worden gelezen ({error.strerror or error}).")
        return None
    if len(data) > MAX_BYTES:
        complain(None, f"Het bestand is groter dan {MAX_BYTES // 1_000_000} MB; dat is geen "
                       "met de hand getypt bestand. Controleer of het het goede bestand is.")
        return None
    text = decode(data)
    if text is None:
        complain(None, "Het bestand is geen tekst in een bekende tekenset; sla het op als UTF-8.")
        return None
    try:
        if (line := _unbounded(text)) is not None:
            complain(line, "Dit bestand gebruikt YAML-verwijzingen (& of *) of is dieper genest dan "
                           f"{MAX_DEPTH} niveaus; dat is hier niet nodig. Zet een waarde die met & of * "
                           "begint tussen aanhalingstekens.")
            return None
        return yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as error:
        complain(*_syntax(error, text))
        return None


def decode(data: bytes) -> str | None:
    """The text of a hand-edited file: UTF-8 or UTF-16 by their marks, else UTF-8, else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def line_of(node: yaml.Node | None) -> int | None:
    """The 1-based line a node starts on, as every message names it."""
    return node.start_mark.line + 1 if node is not None else None


def text_of(node: yaml.Node | None) -> str | None:
    """A scalar's text with its whitespace collapsed and control characters removed; None for a list or mapping."""
    return " ".join(without_controls(str(node.value)).split()) if isinstance(node, yaml.ScalarNode) else None


def keyed(node: yaml.MappingNode, known: dict | tuple, where: str,
           complain: Complaint) -> dict[str, yaml.Node]:
    """The value nodes of a mapping by key (matched case-insensitively); unknown and doubled keys complained of."""
    found: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value).strip().casefold()
        if key not in known:
            complain(line_of(key_node), f"Onbekende sleutel '{key_node.value}' in {where}. "
                                     f"Bekende sleutels: {', '.join(known)}.")
        elif key in found:
            complain(line_of(key_node), f"De sleutel '{key}' staat twee keer in {where} (ook op regel "
                                     f"{line_of(found[key])}); laat er één staan.")
        else:
            found[key] = value_node
    return found


def _unbounded(text: str) -> int | None:
    """The line of the first alias, anchor or too deep nesting; None when the file is plain."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.BaseLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return event.start_mark.line + 1
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _syntax(error: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """PyYAML's complaint as a Dutch message on the line where it noticed the mistake."""
    mark = getattr(error, "problem_mark", None)
    if mark is not None:
        where = mark.line + 1
    elif isinstance(error, yaml.reader.ReaderError):
        where = text.count("\n", 0, error.position) + 1
    else:
        where = None
    complaint = str(getattr(error, "problem", None) or error)
    hint = next((hint for known, hint in _HINTS.items() if known in complaint), _GENERAL_HINT)
    return where, f"Dit is geen geldige YAML: {hint}. Kijk op deze regel en de regel erboven."
