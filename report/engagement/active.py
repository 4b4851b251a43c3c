"""Hold the report type of the engagement being worked on, for every stage to read.

A command works on one engagement at a time: it loads the engagement's report
type (codebook, figures, factsheet, ...) from its folder and makes it the
active one before anything reads a question. The stages then ask for the
active report type instead of having it handed through every call, which
keeps their signatures those of a single report. Worker processes inherit it
when they fork. This module imports nothing of the package, so any module
can read it without an import cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from report.engagement.reporttype import ReportType

_current: "ReportType | None" = None


class NoEngagement(RuntimeError):
    """A stage asked for the report type before a command loaded one: a programming error."""


def activate(report_type: "ReportType") -> None:
    """Make `report_type` the one every stage reads from now on."""
    global _current
    _current = report_type


def loaded() -> "ReportType | None":
    """The active report type, or None for a command that can do without one."""
    return _current


def current() -> "ReportType":
    if _current is None:
        raise NoEngagement("geen opdracht geladen: laad eerst het rapporttype van de invoermap "
                           "(report.engagement.load.load_report_type)")
    return _current
