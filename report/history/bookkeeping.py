"""Turn rapport.yaml's version, date and history, and the snapshots of earlier builds, into bookkeeping warnings.

After a review round a consultant edits version, date and status by hand,
and the client tracks the report by its version number. Three slips go
unnoticed otherwise: a version missing from the history in the colophon, a
date that is not later than the previous version's (left unchanged), and a
definitive report under a number the client already received as a concept.
The earlier versions are the history in rapport.yaml and the snapshots in the
output folder (report.history.versions); these are warnings, never errors: a
deliberate rebuild of an old version must still be possible.
"""

from __future__ import annotations

from collections.abc import Sequence

from report.engagement.config import CONFIG_FILE
from report.document import Metadata
from report.dutch import long_date
from report.history.versions import StoredSnapshot, version_key
from report.model import Problem, Severity


def version_warnings(meta: Metadata, stored: Sequence[StoredSnapshot]) -> list[Problem]:
    """Every bookkeeping slip in `meta`, given the earlier builds in the output folder."""
    problems = []
    if meta.history and not any(entry.version == meta.version for entry in meta.history):
        problems.append(_warning("versies", f"Versie {meta.version} staat niet in de versiegeschiedenis ('versies'); "
                                            "voeg haar toe met datum en wijziging, dan staat ze in het colofon."))
    problems += _date_warnings(meta, stored)
    if meta.status == "definitief":
        concepts = sorted(s.path.name for s in stored if s.version == meta.version and s.snapshot.report.status
                          == "concept")
        if concepts:
            problems.append(_warning("versie", f"Versie {meta.version} is al als concept uitgebracht ({concepts[0]}); "
                                               "geef het definitieve rapport een hoger versienummer."))
    return problems


def _date_warnings(meta: Metadata, stored: Sequence[StoredSnapshot]) -> list[Problem]:
    """The date against the latest earlier version, from the history and from earlier builds."""
    below = version_key(meta.version)
    earlier = [(entry.date, entry.version, "de versiegeschiedenis") for entry in meta.history
               if version_key(entry.version) < below]
    earlier += [(s.snapshot.report.date, s.version, s.path.name) for s in stored if version_key(s.version) < below]
    if not earlier:
        return []
    _, version, where = max(earlier, key=lambda found: (version_key(found[1]), found[0]))
    date = max(found[0] for found in earlier if found[1] == version)
    if meta.date > date:
        return []
    return [_warning("datum", f"De datum {long_date(meta.date)} van versie {meta.version} is niet later dan die van "
                              f"de vorige versie {version} ({long_date(date)}, volgens {where}); pas 'datum' aan.")]


def _warning(key: str, message: str) -> Problem:
    return Problem(Severity.WARNING, CONFIG_FILE, message, cell=f"sleutel '{key}'")
