"""Turn a snapshot into JSON bytes and back: typed records, a format version, and a checked, bounded read.

The snapshot schema lives here and nowhere else: `snapshot` fills these
records from a build, `changes` reads their attributes, and `versions` loads
them from the output folder. A snapshot file is untrusted input (it sits in a
shared folder and may be edited, truncated or replaced), so reading it is
bounded and checked: at most MAX_BYTES are read before parsing, msgspec
decodes straight into the records and refuses every wrong type, unknown field
or nesting the schema does not have (so a JSON nested 100,000 deep stops at
its first bracket), and every refusal is a Dutch sentence naming the place in
the file. The encoding is deterministic: sorted keys, fixed indentation, a
final newline, fields at their default left out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Annotated, Literal

import msgspec

FORMAT = 1
SUFFIX = ".snapshot.json"
MAX_BYTES = 64 * 1024 * 1024      # a report of 30 pilots takes about 0.6 MB

VersionNumber = Annotated[str, msgspec.Meta(pattern=r"^\d{1,6}(\.\d{1,6}){0,5}$")]


class _Record(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """A part of a snapshot: immutable, and a field the schema does not know is an error."""


class ReportInfo(_Record):
    title: str
    version: VersionNumber
    status: Literal["concept", "definitief"]
    date: dt.date


class SourceRecord(_Record):
    kind: str
    file: str
    sheet: str | None
    cell: str | None


class CorrectionRecord(_Record):
    reason: str
    round: str
    by: str | None


class MultiValue(_Record):
    codes: list[str]
    other: str | None


class AnswerRecord(_Record):
    value: str | int | MultiValue
    source: SourceRecord
    text: str | None = None                     # what a reader sees, when it differs from the value
    correction: CorrectionRecord | None = None

    @property
    def shown(self) -> str:
        return self.text if self.text is not None else str(self.value)


class PilotRecord(_Record):
    name: str
    answers: dict[str, AnswerRecord]


class CategoryCount(_Record):
    code: str
    label: str
    count: int


class FigureRecord(_Record):
    number: int | None                          # None: the figure is not placed in the text
    title: str
    question: str
    categories: list[CategoryCount]
    not_answered: int


class ParagraphRecord(_Record):
    hash: str
    text: str
    number_sentences: list[str]
    box: bool = False                           # the text of an info box (its paragraphs and source line)


class SectionRecord(_Record):
    number: str
    title: str
    paragraphs: list[ParagraphRecord]


class FactRecord(_Record):
    group: str
    label: str
    value: str
    origin: str


class CaseRecord(_Record):
    title: str
    paragraphs: list[str]


class FactsheetRecord(_Record):
    title: str
    facts: list[FactRecord]
    case: CaseRecord | None


class Snapshot(_Record):
    """What one build said and was made from, keyed by stable IDs."""

    format: int
    report: ReportInfo
    pilots: dict[str, PilotRecord]
    figures: dict[str, FigureRecord]
    sections: dict[str, SectionRecord]
    factsheets: dict[str, FactsheetRecord]


class _Format(msgspec.Struct):
    format: int | None = None


class SnapshotError(ValueError):
    """Why a snapshot file cannot be used, in Dutch for the consultant."""


def encode(snapshot: Snapshot) -> bytes:
    """Sorted keys and a final newline: the same snapshot is always the same bytes."""
    data = msgspec.to_builtins(snapshot, order="sorted")
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def decode(data: bytes) -> Snapshot:
    """The snapshot in `data`, or a SnapshotError saying in Dutch what is wrong and where."""
    if len(data) > MAX_BYTES:
        raise SnapshotError(f"Het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB; zo groot is een "
                            "snapshot nooit.")
    try:
        found = msgspec.json.decode(data, type=_Format).format
        if found != FORMAT:
            raise SnapshotError(f"Dit snapshotbestand heeft formaatversie {found if found is not None else 'onbekend'}"
                                f", deze pijplijn leest versie {FORMAT}; maak die rapportversie opnieuw om ermee "
                                "te vergelijken.")
        return msgspec.json.decode(data, type=Snapshot)
    except msgspec.ValidationError as error:
        raise SnapshotError(f"Dit snapshotbestand klopt niet met het schema: {_dutch(str(error))}. Het is "
                            "beschadigd of met de hand bewerkt; maak die rapportversie opnieuw.") from None
    except msgspec.DecodeError:
        raise SnapshotError("Dit snapshotbestand is geen geldige JSON (beschadigd of afgebroken); maak die "
                            "rapportversie opnieuw.") from None
    except RecursionError:
        raise SnapshotError("Dit snapshotbestand is te diep genest; zo ziet een snapshot er nooit uit.") from None


def read(path: Path) -> Snapshot:
    """The snapshot file at `path`; never more than MAX_BYTES + 1 bytes are read."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise SnapshotError(f"Dit snapshotbestand is niet te lezen ({error.strerror or error}).") from None
    return decode(data)


# ---------------------------------------------------------------- messages

_TYPES = {"str": "een tekst", "int": "een geheel getal", "object": "een object", "array": "een lijst",
          "null": "niets (null)", "date": "een datum (jjjj-mm-dd)", "bool": "ja/nee", "float": "een getal"}
_MESSAGES = (
    (re.compile(r"Expected `(.+?)`, got `(\w+)`"),
     lambda m: f"verwacht {_type(m[1])}, gevonden {_type(m[2])}"),
    (re.compile(r"Expected `str` matching regex"), lambda m: "geen geldig versienummer"),
    (re.compile(r"Object missing required field `(.+?)`"), lambda m: f"het veld '{m[1]}' ontbreekt"),
    (re.compile(r"Object contains unknown field `(.+?)`"), lambda m: f"onbekend veld '{m[1]}'"),
    (re.compile(r"Invalid enum value '?(.*?)'?(?: -|$)"), lambda m: f"ongeldige waarde '{m[1]}'"),
    (re.compile(r"Invalid (date|RFC3339)"), lambda m: "geen geldige datum (jjjj-mm-dd)"),
)
_PATH = re.compile(r" - at `\$(.*)`$")


def _dutch(message: str) -> str:
    """msgspec's English reason as Dutch, with the place in the file ("bij report.version")."""
    where = _PATH.search(message)
    reason = next((explain(m) for pattern, explain in _MESSAGES if (m := pattern.search(message))),
                  "een onverwachte waarde")
    return f"{reason} bij {where.group(1).lstrip('.') or 'het begin'}" if where else reason


def _type(name: str) -> str:
    return " of ".join(_TYPES.get(part.strip(" `"), part.strip(" `")) for part in name.split("|"))
