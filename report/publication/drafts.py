"""Turn the text of a built report, and its worklists, into the marks of drafting left in it.

A concept carries marks a published report must not: gaps where the data
could not fill a placeholder, the CONCEPT mark, the *correctie* badges after
corrected factsheet values, and review comments still open in a worklist
(report.comments.worklist). Gaps are reported for every build; the other
marks belong to a concept, so they count only for publication. One finding
per kind and file names every page or place where it stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


from report.comments.merge import NotAWorklist, read_worklist
from report.comments.worklist import GONE, NUMBER, PRESENCE, SHEET, STATUS, STATUSES, worklist_name
from report.history.manifest import MANIFEST_FILE, ManifestError, read_manifest
from report.model import Problem, Severity, SourceKind
from report.narrative.placeholders import GAP_TEXT

_CONCEPT = re.compile(r"(?-i:\bC ?O ?N ?C ?E ?P ?T\b)|^\s*concept\s*$|\(concept\)", re.MULTILINE | re.IGNORECASE)
_BADGE = re.compile(rf"\s{re.escape(SourceKind.CORRECTIE.value)}\s*$")
_DONE = set(STATUSES[2:])          # verwerkt, niet overgenomen
_PAGE = re.compile(r"pagina (\d+)")
_SHOWN = 6                         # places named in one finding before "en N meer"


@dataclass(frozen=True)
class Page:
    """A page of a PDF, or the stretch of a DOCX under one heading: its text and its table cells."""

    place: str
    text: str
    cells: Sequence[str] = field(default_factory=tuple)


def leftovers(pages: Sequence[Page], file: str, publication: bool) -> list[Problem]:
    checks = [(lambda page: GAP_TEXT in page.text,
               f"Er staat nog '{GAP_TEXT}' in de tekst: een plaatshouder die de gegevens niet konden vullen.")]
    if publication:
        checks += [(lambda page: bool(_CONCEPT.search(page.text)),
                    "Er staat nog een CONCEPT-markering; zet de status in rapport.yaml op definitief."),
                   (lambda page: any(_BADGE.search(cell) for cell in page.cells),
                    f"Er staat nog een merkteken '{SourceKind.CORRECTIE.value}' bij een waarde in een factsheet.")]
    problems = []
    for found, message in checks:
        places = [page.place for page in pages if found(page)]
        if places:
            problems.append(Problem(Severity.ERROR, file, message, cell=join_places(places)))
    return problems


def open_comments(folder: Path) -> list[Problem]:
    """Each remark of a version's worklist in `folder` whose status is not done (verwerkt, niet overgenomen).

    The worklists are those of the versions the folder's build record names
    (report.history.manifest), where `opmerkingen` keeps them. A remark marked
    as no longer in its returned file is not waited for.
    """
    try:
        versions = dict.fromkeys(build.version for build in read_manifest(folder).builds)
    except ManifestError as error:
        return [Problem(Severity.ERROR, MANIFEST_FILE, f"{error} Open opmerkingen zijn daardoor niet te vinden.")]
    problems = []
    for path in (folder / worklist_name(version) for version in versions):
        if not path.is_file():
            continue
        try:
            rows = read_worklist(path).rows
        except NotAWorklist as error:
            problems.append(Problem(Severity.ERROR, path.name, f"{error} Open opmerkingen zijn daardoor niet te zien."))
            continue
        for index, row in enumerate(rows, start=1):
            state = str(row.get(STATUS) or STATUSES[0]).strip()
            if state not in _DONE and row.get(PRESENCE) != GONE:
                problems.append(Problem(
                    Severity.ERROR, path.name, f"Opmerking {row.get(NUMBER) or index} staat nog op '{state}'; werk haar af "
                    f"of zet haar op '{STATUSES[-1]}'.", sheet=SHEET))
    return problems


def join_places(places: Sequence[str]) -> str:
    """The places as one Dutch phrase: pages as ranges ("pagina's 1–4, 9"), others listed up to a limit."""
    numbers = [int(match[1]) for place in places if (match := _PAGE.fullmatch(place))]
    if numbers and len(numbers) == len(places):
        ranges: list[list[int]] = []
        for number in numbers:
            if ranges and number == ranges[-1][1] + 1:
                ranges[-1][1] = number
            else:
                ranges.append([number, number])
        text = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in ranges)
        return f"pagina {text}" if len(numbers) == 1 else f"pagina's {text}"
    shown = ", ".join(places[:_SHOWN])
    rest = len(places) - _SHOWN
    return shown if rest <= 0 else f"{shown} en nog {rest}"
