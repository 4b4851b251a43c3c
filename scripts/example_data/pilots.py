"""The example data: the 30 illustrative pilot records of `pilots.yaml`, typed.

The answers live in a table (`pilots.yaml`, one record per pilot) so that
editing the example means editing Dutch answers, not Python; this module reads
that table into `Pilot` records for the workbook generator, the reference-count
check, the tests and the synthetic inputs of the benches. The file's header
explains its conventions.

Value conventions of a `Pilot`
------------------------------
- ``None`` means *not answered*, for every kind of question.
- Text questions: Dutch ``str``; paragraphs in D2 are separated by ``"\\n\\n"``.
- Choice questions: the exact code from the contract, e.g. ``"afhankelijk"``.
- Multiple choice (A3, A9): a ``tuple`` of codes in the order given; the code
  ``anders`` with free text is the pair ``("anders", "tekst")``.
- A8: ``int`` >= 0, or ``None``.
- Dates (P6, P7): ``"jjjj-mm-dd"`` (ISO) or ``"mm-jjjj"`` when only the month
  is known - both forms the contract accepts.
- K6: the report section of the pilot's case box (``"2.1"``, ...) or ``None``;
  K7: a free cluster label or ``None``.
- ``variant``: ``"lang"`` or ``"kort"``; ``supplement`` lists, for a ``kort``
  pilot, the question IDs whose answer comes from the researchers' supplement.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

#: The table of answers, one record per pilot.
TABLE = Path(__file__).with_name("pilots.yaml")

#: Question IDs of the questionnaire, in contract order.
QUESTION_IDS: tuple[str, ...] = (
    "P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8",
    "A1", "A2", "A3", "A3b", "A4", "A5", "A6", "A7", "A8", "A8b", "A8c",
    "A9", "A9b", "A10", "A10b", "A11", "A11b",
    "B1", "B2", "B3", "B3b",
    "C1", "C2", "C3", "C4", "C5",
    "D1", "D2", "E1",
)

#: Coding columns of the coding workbook (headers there: "K1 Thema", ...).
CODING_IDS: tuple[str, ...] = ("K1", "K2", "K3", "K4", "K5", "K6", "K7")

#: Questions that only the long questionnaire asks (not marked K in the contract).
LONG_ONLY_IDS: tuple[str, ...] = (
    "A3b", "A6", "A8c", "A10b", "A11b", "B2", "B3b", "C3", "C4", "E1",
)

#: Questions of the short questionnaire (marked K in the contract).
SHORT_IDS: tuple[str, ...] = tuple(q for q in QUESTION_IDS if q not in LONG_ONLY_IDS)


@dataclass(frozen=True, kw_only=True)
class Pilot:
    """One pilot: its questionnaire answers, its coding row and where answers come from."""

    variant: str
    # Identity
    P0: str
    P1: str
    P2: str | None
    P3: str | None
    P4: str | None
    P5: str | None
    P6: str | None
    P7: str | None
    P8: str
    # a. Basisgegevens
    A1: str | None
    A2: str | None
    A3: tuple[Any, ...] | None
    A3b: str | None
    A4: str | None
    A5: str | None
    A6: str | None
    A7: str | None
    A8: int | None
    A8b: str | None
    A8c: str | None
    A9: tuple[Any, ...] | None
    A9b: str | None
    A10: str | None
    A10b: str | None
    A11: str | None
    A11b: str | None
    # b. Stand van zaken
    B1: str | None
    B2: str | None
    B3: str | None
    B3b: str | None
    # c. Implementatie en borging
    C1: str | None
    C2: str | None
    C3: str | None
    C4: str | None
    C5: str | None
    # d. Casus, e. Overig
    D1: str | None
    D2: str | None
    E1: str | None
    # Coding workbook
    K1: str
    K2: str
    K3: str
    K4: str
    K5: str
    K6: str | None
    K7: str | None
    # Provenance of the answers of a short-questionnaire pilot
    supplement: tuple[str, ...] = ()

    def answers(self) -> dict[str, Any]:
        """The questionnaire answers by question ID (P0 ... E1)."""
        return {q: getattr(self, q) for q in QUESTION_IDS}

    def coding(self) -> dict[str, Any]:
        """The coding row by column ID (K1 ... K7)."""
        return {k: getattr(self, k) for k in CODING_IDS}


assert [f.name for f in fields(Pilot)] == ["variant", *QUESTION_IDS, *CODING_IDS, "supplement"]


#: Keys of a record in the table besides the question and coding IDs.
_VARIANT, _SUPPLEMENT = "variant", "aanvulling"
_REQUIRED = ("P0", "P1", "P8", "K1", "K2", "K3", "K4", "K5")


def load(path: Path = TABLE) -> tuple[Pilot, ...]:
    """The records of the table at `path`; a key the table should not hold is an error naming the pilot."""
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(_pilot(record, number) for number, record in enumerate(records, start=1))


def _pilot(record: dict[str, Any], number: int) -> Pilot:
    name = record.get("P0", f"record {number}")
    unknown = sorted(set(record) - {_VARIANT, _SUPPLEMENT, *QUESTION_IDS, *CODING_IDS})
    missing = [key for key in (_VARIANT, *_REQUIRED) if record.get(key) is None]
    if unknown or missing:
        raise ValueError(f"{TABLE.name}, {name}: unknown keys {unknown}, missing keys {missing}")
    values = {key: _value(record.get(key)) for key in (*QUESTION_IDS, *CODING_IDS)}
    return Pilot(variant=record[_VARIANT], supplement=tuple(record.get(_SUPPLEMENT, ())), **values)


def _value(value: Any) -> Any:
    """A list in the table is a multiple choice: a tuple, with ``{anders: text}`` as ``("anders", text)``."""
    if not isinstance(value, list):
        return value
    return tuple(next(iter(item.items())) if isinstance(item, dict) else item for item in value)


PILOTS: tuple[Pilot, ...] = load()
