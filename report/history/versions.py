"""Turn the output folder's snapshots into "the previous version", and a build into its history files.

Every build leaves `<rapport>-v<versie>[-concept].snapshot.json` beside the
report; a rebuild of the same version replaces it, so the folder keeps the
last build of each version. The previous version is the one with the highest
version number below the current one: its last build is what the client
received. A build writes `wijzigingen-v<oud>-v<nieuw>.md` against it, and
rewrites that list on every rebuild of the new version, so it always holds
everything that changed since the version the client has. The very first
version has no previous one and gets no list; `make_report.py wijzigingen`
then compares with its own last build instead. One report per output folder:
every snapshot in it counts as an earlier version of this report.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from report.history.changes import compare
from report.history.markdown import render_markdown
from report.config import ReportConfig
from report.model import Problem, Severity
from report.history.snapshot import FORMAT, SUFFIX, encode

CHANGELOG_NAME = "wijzigingen-v{old}-v{new}.md"
_REQUIRED = ("report", "pilots", "figures", "sections", "factsheets")


@dataclass(frozen=True)
class StoredSnapshot:
    path: Path
    data: dict

    @property
    def version(self) -> str:
        return self.data["report"]["version"]

    @property
    def order(self) -> tuple:
        """Version number first, then the report date; a final report after a concept of the same date."""
        report = self.data["report"]
        return version_key(self.version), report["date"], report["status"] == "definitief"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def load_snapshot(path: Path) -> tuple[StoredSnapshot | None, Problem | None]:
    """A snapshot file, or the Dutch reason it cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, _problem(path, f"Dit snapshotbestand is niet te lezen ({error}).")
    if not isinstance(data, dict) or data.get("format") != FORMAT or any(key not in data for key in _REQUIRED):
        return None, _problem(path, "Dit snapshotbestand komt van een andere versie van de pijplijn of is "
                                    "beschadigd; maak die rapportversie opnieuw om ermee te vergelijken.")
    try:
        version_key(data["report"]["version"])
        dt.date.fromisoformat(data["report"]["date"])
    except (KeyError, TypeError, ValueError):
        return None, _problem(path, "Dit snapshotbestand heeft geen geldig versienummer of geen geldige datum.")
    return StoredSnapshot(path, data), None


def stored_snapshots(output_dir: Path) -> tuple[list[StoredSnapshot], list[Problem]]:
    """The readable snapshots in the folder, oldest version first; a warning for each unreadable one."""
    found, problems = [], []
    for path in sorted(output_dir.glob(f"*{SUFFIX}")):
        snapshot, problem = load_snapshot(path)
        if snapshot is None:
            problems.append(problem)
        else:
            found.append(snapshot)
    return sorted(found, key=lambda s: s.order), problems


def previous_version(snapshots: list[StoredSnapshot], version: str) -> StoredSnapshot | None:
    """The last build of the highest version below `version`: what the client has now."""
    older = [s for s in snapshots if version_key(s.version) < version_key(version)]
    return max(older, key=lambda s: s.order, default=None)


def default_old(snapshots: list[StoredSnapshot], version: str) -> StoredSnapshot | None:
    """The previous version; for the very first version, its own last build."""
    same = [s for s in snapshots if s.version == version]
    return previous_version(snapshots, version) or max(same, key=lambda s: s.order, default=None)


def changelog_name(old_version: str, new_version: str) -> str:
    return CHANGELOG_NAME.format(old=old_version, new=new_version)


def history_files(output_dir: Path, config: ReportConfig, snapshot: dict) -> tuple[dict[Path, bytes], list[Problem]]:
    """The change list against the previous version (if there is one), then the build's own snapshot.

    The snapshot comes last: it marks a build whose every file was written.
    """
    stored, problems = stored_snapshots(output_dir)
    files: dict[Path, bytes] = {}
    old = previous_version(stored, config.meta.version)
    if old is not None:
        markdown = render_markdown(compare(old.data, snapshot))
        files[output_dir / changelog_name(old.version, config.meta.version)] = markdown.encode("utf-8")
    files[output_dir / config.output_name(SUFFIX)] = encode(snapshot)
    return files, problems


def _problem(path: Path, message: str) -> Problem:
    return Problem(Severity.WARNING, path.name, message)
