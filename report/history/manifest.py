"""Turn the files a build wrote into a small record in the output folder, and back.

Several commands need "the newest report": `vergelijk`, `check --publicatie`,
`wijzigingen` and the open-remarks check of the publication gate. Guessing it
from file times or names goes wrong: the change list is written after the
report and has the same suffixes, and consultants copy files into the folder.
So every build records what it wrote (report files, change list files,
snapshot) in `bouw.json`, replaced together with those files
(report.files.replace_together), and these commands read the record. It keeps
one entry per version and status (as the snapshots do), the newest last; the
worklist of a version has a fixed name beside it (report.comments.worklist).

The record is read like any file from outside: bounded in size, each name a
plain file name in the folder, anything else a Dutch error naming the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST_FILE = "bouw.json"
FORMAT = 1
_MAX_BYTES = 1 << 20         # a record of hundreds of versions is a few dozen KB
_MAX_BUILDS = 1000


class ManifestError(Exception):
    """The record cannot be used; the message is Dutch and names the file."""


@dataclass(frozen=True)
class BuildRecord:
    """What one build wrote, as names of files in the output folder."""

    version: str
    status: str
    date: str                       # the report's date, ISO
    reports: tuple[str, ...]        # the report itself, one file per format
    changes: tuple[str, ...]        # the change list against the previous version (team and client)
    snapshot: str

    def report(self, suffix: str) -> str | None:
        return next((name for name in self.reports if name.lower().endswith(suffix)), None)


@dataclass(frozen=True)
class Manifest:
    builds: tuple[BuildRecord, ...] = ()     # one per version and status, the newest build last

    @property
    def newest(self) -> BuildRecord | None:
        return self.builds[-1] if self.builds else None

    def with_build(self, record: BuildRecord) -> Manifest:
        """This record added as the newest, replacing an earlier build of its version and status."""
        kept = tuple(b for b in self.builds if b.snapshot != record.snapshot)
        return Manifest((*kept, record)[-_MAX_BUILDS:])


def encode(manifest: Manifest) -> bytes:
    builds = [{"versie": b.version, "status": b.status, "datum": b.date, "rapport": list(b.reports),
               "wijzigingen": list(b.changes), "snapshot": b.snapshot} for b in manifest.builds]
    return (json.dumps({"formaat": FORMAT, "builds": builds}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_manifest(folder: Path) -> Manifest:
    """The folder's record; an empty one when no build wrote there yet."""
    path = folder / MANIFEST_FILE
    if not path.is_file():
        return Manifest()
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_BYTES + 1)
    except OSError as error:
        raise ManifestError(f"{path}: kan niet worden gelezen ({error.strerror or error}).") from None
    if len(data) > _MAX_BYTES:
        raise ManifestError(f"{path}: het bestand is groter dan een buildregistratie kan zijn; maak het rapport "
                            "opnieuw met make_report.py build.")
    try:
        raw = json.loads(data.decode("utf-8"))
        if raw.get("formaat") != FORMAT:
            raise ValueError
        return Manifest(tuple(_record(entry) for entry in raw["builds"][:_MAX_BUILDS]))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise ManifestError(f"{path}: dit is geen leesbare buildregistratie van make_report.py (of een andere "
                            "versie ervan); maak het rapport opnieuw met make_report.py build.") from None


def _record(entry: dict) -> BuildRecord:
    return BuildRecord(_text(entry["versie"]), _text(entry["status"]), _text(entry["datum"]),
                       tuple(_name(n) for n in entry["rapport"]), tuple(_name(n) for n in entry["wijzigingen"]),
                       _name(entry["snapshot"]))


def _text(value: object) -> str:
    if not isinstance(value, str) or len(value) > 200:
        raise ValueError
    return value


def _name(value: object) -> str:
    """A plain file name in the folder: never a path that leads elsewhere."""
    name = _text(value)
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        raise ValueError
    return name


def newest_reports(folder: Path) -> dict[str, Path]:
    """Suffix -> path of the newest build's report files that are still there ({} without a build)."""
    record = read_manifest(folder).newest if folder.is_dir() else None
    if record is None:
        return {}
    paths = {Path(name).suffix.lower(): folder / name for name in record.reports}
    return {suffix: path for suffix, path in paths.items() if path.is_file()}
