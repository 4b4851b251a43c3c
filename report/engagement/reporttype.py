"""Hold everything that makes an engagement's report this report, as one value.

The codebook says what is asked; the rest says what the report does with the
answers: which figures it draws, how a factsheet is laid out, which answers
the fact check asks a pilot to confirm, where a pilot's case goes and which
distributions `stats` publishes. All of it comes from the engagement folder
(report.engagement.load), none of it from the code.
"""

from __future__ import annotations

from dataclasses import dataclass

from report.engagement.codebook import Codebook
from report.figures.spec import FigureSpec
from report.model import NOT_ANSWERED

PERIOD_LABEL = "Looptijd"


@dataclass(frozen=True)
class FactsheetPart:
    """One section of a factsheet: its title and the questions it shows, or the pilot's case."""

    key: str
    title: str
    questions: tuple[str, ...] = ()
    case: bool = False


@dataclass(frozen=True)
class FactsheetLayout:
    """The factsheet of every pilot: header facts, a period, a strip of tags, then sections."""

    header: tuple[str, ...]
    tags: tuple[str, ...]
    parts: tuple[FactsheetPart, ...]
    period_label: str = PERIOD_LABEL     # shown when the codebook has start and end questions
    not_answered: str = NOT_ANSWERED


@dataclass(frozen=True)
class CaseRule:
    """Where a pilot's case comes from and which coding column places it in a section.

    `title` and `place` may be empty: the box then takes the story question's
    label as title, and a case is shown only in the factsheet.
    """

    story: str
    title: str = ""
    place: str = ""


@dataclass(frozen=True)
class ReportType:
    codebook: Codebook
    figures: tuple[FigureSpec, ...]
    factsheet: FactsheetLayout
    case: CaseRule | None
    factcheck: tuple[str, ...] | None    # None: every question the factsheet shows, and the case
    stats: tuple[str, ...]
    folder: str = ""                     # where it was read from, for messages
