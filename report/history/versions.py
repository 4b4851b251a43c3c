"""Turn the output folder's snapshots into "the previous version", and a build into its history files.

Every build leaves `<rapport>-v<versie>[-concept].snapshot.json` beside the
report; a rebuild of the same version replaces it, so the folder keeps the
last build of each version. The previous version is the one with the highest
version number below the current one: its last build is what the client
received. A build writes `wijzigingen-v<oud>-v<nieuw>.md` (and, for the client,
.docx and .pdf: report.history.client) against it, and
rewrites that list on every rebuild of the new version, so it always holds
everything that changed since the version the client has. The very first
version has no previous one and gets no list; `make_report.py wijzigingen`
then compares with its own last build instead. One report per output folder:
every snapshot in it counts as an earlier version of this report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from report.engagement.config import ReportConfig
from report.history.changes import ChangeLog, compare
from report.history.markdown import render_markdown
from report.history.schema import SUFFIX, Snapshot, SnapshotError, encode, read
from report.model import Problem, Severity

CHANGELOG_STEM = "wijzigingen-v{old}-v{new}"


@dataclass(frozen=True)
class StoredSnapshot:
    path: Path
    snapshot: Snapshot

    @property
    def version(self) -> str:
        return self.snapshot.report.version

    @property
    def order(self) -> tuple:
        """Version number first, then the report date; a final report after a concept of the same date."""
        report = self.snapshot.report
        return version_key(self.version), report.date, report.status == "definitief"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def load_snapshot(path: Path) -> tuple[StoredSnapshot | None, Problem | None]:
    """A snapshot file, or the Dutch reason it cannot be used (schema.read checks it fully)."""
    try:
        return StoredSnapshot(path, read(path)), None
    except SnapshotError as error:
        return None, Problem(Severity.WARNING, path.name, str(error))


def stored_snapshots(output_dir: Path) -> tuple[list[StoredSnapshot], list[Problem]]:
    """The readable snapshots in the folder, oldest version first; a warning for each unreadable one."""
    return load_snapshots(sorted(output_dir.glob(f"*{SUFFIX}")))


def load_snapshots(paths: Iterable[Path]) -> tuple[list[StoredSnapshot], list[Problem]]:
    """The readable snapshots among `paths`, oldest version first; a warning for each unreadable one."""
    found, problems = [], []
    for path in paths:
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


def changelog_name(old_version: str, new_version: str, suffix: str = ".md") -> str:
    return CHANGELOG_STEM.format(old=old_version, new=new_version) + suffix


@dataclass
class History:
    """A build's history: the change list against the previous version (if any), and its own snapshot."""

    changes: ChangeLog | None = None
    files: dict[Path, bytes] = field(default_factory=dict)    # the team's Markdown list, then the snapshot
    problems: list[Problem] = field(default_factory=list)
    stored: list[StoredSnapshot] = field(default_factory=list)
    client_stem: Path | None = None     # where the client's DOCX and PDF of the list go, without suffix


def history_files(output_dir: Path, config: ReportConfig, snapshot: Snapshot) -> History:
    """The change list against the previous version (if there is one), then the build's own snapshot.

    The snapshot comes last: it marks a build whose every file was written.
    An unreadable snapshot in the folder is a warning and is left out; it never stops a build.
    """
    stored, problems = stored_snapshots(output_dir)
    history = History(problems=problems, stored=stored)
    old = previous_version(stored, config.meta.version)
    if old is not None:
        history.changes = compare(old.snapshot, snapshot)
        history.client_stem = output_dir / changelog_name(old.version, config.meta.version, "")
        history.files[output_dir / changelog_name(old.version, config.meta.version)] = \
            render_markdown(history.changes).encode("utf-8")
    history.files[output_dir / config.output_name(SUFFIX)] = encode(snapshot)
    return history
