"""Turn one `opmerkingen` run (returned DOCX files, an optional worklist) into its output.

Every returned file is read first; if one cannot be read nothing is written.
Then per file the remarks are traced to their place, tracked changes are
planned (and with `--toepassen` written into the narrative), and all rows are
merged into the worklist that may already exist, which is never overwritten
without keeping what the team filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from openpyxl.workbook import Workbook

from report.comments.apply import Outcome, apply, plan
from report.comments.listing import format_entries, quote
from report.comments.merge import Merged, NotAWorklist, merge, read_worklist
from report.comments.places import Entry, entries, pilots_behind
from report.comments.returned import read_returned
from report.comments.worklist import (
    KEY, NUMBER, REMARK, entry_row, identity, worklist, worklist_name,
)
from report.history.manifest import ManifestError, read_manifest
from report.dutch import counted

Echo = Callable[..., None]


class Failed(Exception):
    """The run stops; the message is Dutch and names the file."""


@dataclass
class _File:
    path: Path
    entries: list[Entry]
    traced: bool
    pilots: dict[str, str]                                         # ID -> name, from the source map
    version: str | None                                            # the report version it is a copy of
    outcomes: dict[str, Outcome] = field(default_factory=dict)    # by comment id

    def pilots_behind(self, entry: Entry) -> str:
        return pilots_behind(entry, self.pilots)


@dataclass(frozen=True)
class Result:
    workbook: Workbook | None
    target: Path
    merged: Merged | None
    existed: bool


def review(paths: list[Path], output: Path | None, builds: Path, inputs: Path, apply_changes: bool,
           echo: Echo) -> Result:
    """Read, trace, plan or apply, merge: the worklist to save (None when there is nothing to list).

    Without `output` the worklist is the one of the returned report's version in
    the builds folder, so every run on that version merges into one list.
    """
    files = _read_all(paths)
    target = output or builds / worklist_name(_version(files, builds))
    if target.suffix.lower() != ".xlsx":
        raise Failed(f"de werklijst is een Excel-bestand; geef een naam die op .xlsx eindigt, niet {target.name}.")
    existing = None
    if target.exists():
        try:
            existing = read_worklist(target)
        except NotAWorklist as error:
            raise Failed(f"{error} Er is niets geschreven; kies met -o een andere naam voor de werklijst.") from None
    for file in files:
        if not file.traced and file.entries:
            echo(f"Let op: {file.path.name} is niet met make_report.py gemaakt (of de verwijzingen naar de "
                 "bronnen zijn verloren gegaan); de plaats van de opmerkingen is daarom 'onbekend'.", err=True)
        file.outcomes = {o.comment.id: o for o in plan(tuple(e.comment for e in file.entries), file.traced, inputs)}
    if apply_changes:
        _apply(files)
    for file in files:
        if not file.entries:
            echo(f"Er staan geen opmerkingen of wijzigingen in {file.path.name}.")
            continue
        notes = {cid: [f"Verwerking: {o.describe()}"] for cid, o in file.outcomes.items()}
        for entry in file.entries:
            if text := file.pilots_behind(entry):
                notes.setdefault(entry.comment.id, []).append(f"Pilots: {text}")
        echo(format_entries(file.entries, file.path.name, notes) + "\n")
    _echo_changes(files, apply_changes, echo)
    rows = _rows(files)
    if not rows and existing is None:
        echo("Er is geen werklijst geschreven.")
        return Result(None, target, None, False)
    merged = merge(existing.rows if existing else None, rows, {file.path.name for file in files})
    _number_replies(merged.rows)
    subtitle = ", ".join(f.path.name for f in files) + f": {counted(len(merged.rows), 'rij', 'rijen')}"
    return Result(worklist(merged.rows, subtitle, existing.layout if existing else None), target, merged,
                  existing is not None)


def _version(files: list[_File], builds: Path) -> str:
    """The report version the returned files are copies of (from their source map), or else the
    newest build's; several versions at once need -o."""
    versions = sorted({file.version for file in files if file.version})
    if len(versions) > 1:
        raise Failed(f"de bestanden zijn kopieën van verschillende versies van het rapport ({', '.join(versions)}); "
                     "lees ze per versie in, of noem met -o één werklijst voor allemaal. Er is niets geschreven.")
    if versions:
        return versions[0]
    try:
        newest = read_manifest(builds).newest if builds.is_dir() else None
    except ManifestError as error:
        raise Failed(f"{error} Noem de werklijst met -o. Er is niets geschreven.") from None
    if newest is None:
        raise Failed(f"van welke versie deze bestanden zijn, staat er niet in en in {builds} is geen build; "
                     "noem de werklijst met -o. Er is niets geschreven.")
    return newest.version


def _read_all(paths: list[Path]) -> list[_File]:
    files, problems = [], []
    for path in paths:
        result, found = read_returned(path)
        problems += found
        if result is not None:
            files.append(_File(path, entries(result.comments, result.traced, result.cover), result.traced,
                               result.pilots, dict(result.cover).get("versie")))
    if problems:
        raise Failed("\n".join(p.format() for p in problems) + "\nEr is niets geschreven.")
    return files


def _apply(files: list[_File]) -> None:
    """Each distinct change once, even when several returned copies hold it."""
    seen: dict[str, tuple[_File, str]] = {}
    planned: list[Outcome] = []
    owners: list[tuple[_File, str]] = []
    duplicates: list[tuple[_File, str, str]] = []
    for file in files:
        for entry in file.entries:
            outcome = file.outcomes.get(entry.comment.id)
            if outcome is None:
                continue
            key = identity(entry)
            if key in seen:
                duplicates.append((file, entry.comment.id, key))
                continue
            seen[key] = (file, entry.comment.id)
            planned.append(outcome)
            owners.append((file, entry.comment.id))
    for (file, cid), outcome in zip(owners, apply(planned)):
        file.outcomes[cid] = outcome
    for file, cid, key in duplicates:
        first_file, first_id = seen[key]
        file.outcomes[cid] = replace(first_file.outcomes[first_id], comment=file.outcomes[cid].comment)


def _echo_changes(files: list[_File], applied: bool, echo: Echo) -> None:
    outcomes = [o for file in files for o in file.outcomes.values()]
    if not outcomes:
        return
    done = [o for o in outcomes if o.applied or o.already]
    ready = [o for o in outcomes if o.edit is not None and not o.applied]
    refused = [o for o in outcomes if o.edit is None and not o.already]
    if applied:
        echo(f"Wijzigingen in de teksten: {len(done)} toegepast of al verwerkt, {len(refused)} niet toegepast.")
    else:
        echo(f"Wijzigingen in de teksten: {len(ready)} toe te passen met --toepassen, {len(done)} al verwerkt, "
             f"{len(refused)} niet toe te passen.")
    for outcome in done + ready + refused:
        echo(f"  • {quote(outcome.comment.text, 80)}: {outcome.describe()}")
    echo("")


def _rows(files: list[_File]) -> list[dict]:
    rows = []
    for file in files:
        keys = {entry.number: identity(entry) for entry in file.entries}
        for entry in file.entries:
            outcome = file.outcomes.get(entry.comment.id)
            row = entry_row(entry, file.path.name, outcome.describe() if outcome else "",
                            file.pilots_behind(entry))
            if entry.reply_to is not None:
                row["reply_to"] = keys.get(entry.reply_to)
            rows.append(row)
    return rows


def _number_replies(rows: list[dict]) -> None:
    """A reply read in this run names the number its comment has in the merged list.

    Only a real parent counts: rows the team added have no Kenmerk, and rows
    kept from the list without being read again already carry their prefix.
    """
    numbers = {row[KEY]: row.get(NUMBER) for row in rows if row.get(KEY)}
    for row in rows:
        parent = row.pop("reply_to", None)
        if parent and numbers.get(parent) is not None:
            row[REMARK] = f"(Reactie op {numbers[parent]}) {row[REMARK]}"
