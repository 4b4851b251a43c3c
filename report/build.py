"""Turn the inputs folder into the report files, in five numbered phases.

First everything is read and checked (workbooks, coding sheet, report
config); then the figures are counted and drawn, the texts composed into one
Document, and only then is anything written. What is about to be written
passes the publication gate first (report.publication): a definitive report
with a finding is not written, a concept shows the findings as warnings. A
run with an input error stops before the write phase, so earlier outputs
stay as they were. The write phase replaces the whole set of files (report,
snapshot, change list) together or not at all (report.files), and Ctrl-C or
a stop signal unwinds the build, cleaning its staging, before any output is
touched (report.stopping).

A new output format is one entry in WRITERS: a function from Document to
bytes and the file suffix. The writers run side by side in the build's
worker processes (report.workers): the DOCX starts first as one piece of
work (written and laid out by LibreOffice in a worker), then the PDF hands
its parts to the workers from here.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from report.cache import CACHE_DIR, Cache, CacheStats
from report.figures.charts import cached_charts
from report.compose import compose
from report.engagement.config import load_config
from report.document import Document, Metadata
from report.dutch import counted
from report.figures.registry import count_figure, figures
from report.files import NotWritable, replace_together
from report.history.bookkeeping import version_warnings
from report.history.client import client_document
from report.history.manifest import MANIFEST_FILE, BuildRecord, Manifest, ManifestError, encode, read_manifest
from report.history.versions import History, history_files
from report.model import Problem, Severity, has_errors
from report.privacy import privacy_problems
from report.publication import file_problems, gated
from report.read import read_inputs
from report.history.schema import SUFFIX as SNAPSHOT_SUFFIX, Snapshot
from report.history.snapshot import take_snapshot
from report.stopping import stoppable
from report.workers import Workers, workers
from report.write.formats import DEFAULT_FORMATS, WRITERS

PHASES = 5




@dataclass
class BuildResult:
    """What a build did: the files it wrote, what it found wrong, and how long each phase took."""

    outputs: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    document: Document | None = None
    snapshot: Snapshot | None = None
    cache: dict[str, CacheStats] = field(default_factory=dict)   # per kind of piece: found and made

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def build(inputs_dir: Path, output_dir: Path | None, formats: Sequence[str] = DEFAULT_FORMATS,
          progress: Callable[[str], None] = lambda line: None, clean: bool = False,
          processes: int | None = None) -> BuildResult:
    """Run the pipeline; writes nothing when any input has an error, or when there is no output_dir.

    `processes` is the number of worker processes that draw and write
    (default: one per core); the files' bytes do not depend on it.

    Beside the report go its snapshot and, when the folder holds an earlier
    version's snapshot, the list of changes since then (report.history.versions).
    Ctrl-C and SIGTERM raise report.stopping.Stopped, with nothing replaced.
    """
    with stoppable() as check_stopped:
        return _build(inputs_dir, output_dir, formats, progress, clean, check_stopped, processes)


def _build(inputs_dir: Path, output_dir: Path | None, formats: Sequence[str], progress: Callable[[str], None],
           clean: bool, check_stopped: Callable[[], None], processes: int | None) -> BuildResult:
    result = BuildResult()
    phase = _Phases(progress, result.timings)
    with phase(1, "Invoer lezen"):
        read = read_inputs(inputs_dir)
        config, config_problems = load_config(inputs_dir)
        result.problems += read.problems + config_problems
        concept = config is None or config.meta.is_concept
        private = gated(privacy_problems(inputs_dir, read.pilots), concept)
        result.problems += private
        progress(f"      {counted(len(read.pilots), 'pilot', 'pilots', digits=True)} gelezen")
    if has_errors(read.problems) or has_errors(private):
        return result       # the texts would be checked against unreliable pilots; or it may not be published
    with phase(2, "Analyseren"):
        distributions = {spec.key: count_figure(read.pilots, spec) for spec in figures()}
    for name in formats if output_dir is not None else ():
        WRITERS[name].load()        # imported before the workers fork, so each starts with it (a second each)
    with tempfile.TemporaryDirectory(prefix="bouw-") as work, workers(processes) as pool:
        cache = Cache.for_output(output_dir, Path(work), reuse=not clean)
        result.cache = cache.stats
        with phase(3, "Figuren tekenen"):
            charts = cached_charts([(spec, distributions[spec.key]) for spec in figures()], cache, pool)
        with phase(4, "Rapport samenstellen"):
            document, compose_problems = compose(config, read.pilots, inputs_dir, charts)
            result.problems += compose_problems
        if document is None or not result.ok or config is None:
            return result
        result.document = document
        result.snapshot = take_snapshot(document, read.pilots, distributions)
        if output_dir is None:
            return result
        with phase(5, "Rapport schrijven"):
            made = _write_formats(document, formats, cache, pool)
            files = {path: data for f in formats
                     for path, data in WRITERS[f].files(output_dir / config.output_name(WRITERS[f].suffix),
                                                        made[f]).items()}
            gate = pool.submit(file_problems, {path.name: data for path, data in files.items()}, output_dir,
                               not concept)         # in a worker, while the client's change list is made
            history = history_files(output_dir, config, result.snapshot)
            pdf = files.get(output_dir / config.output_name(WRITERS["pdf"].suffix))
            later = {**_client_change_list(history, document, formats, pdf, cache, pool), **history.files}
            result.problems += gated(gate.result(), concept)
            if not result.ok:
                cache.commit()      # the parts stay good for the build after the fix
                return result
            reports = [config.output_name(WRITERS[f].suffix) for f in formats]     # a folder by its name
            files.update(later)
            snapshot = config.output_name(SNAPSHOT_SUFFIX)
            changes = [path.name for path in later if path.name != snapshot]
            files[output_dir / MANIFEST_FILE] = _manifest(output_dir, config.meta, reports, changes, snapshot,
                                                          result.problems)
            result.problems += history.problems + version_warnings(config.meta, history.stored)
            check_stopped()
            try:
                replace_together(files)
            except NotWritable as error:
                result.problems.append(Problem(Severity.ERROR, str(error.path), f"{error.reason} Er is niets "
                                               "vervangen: de vorige uitvoer is ongewijzigd."))
                return result
            for path in files:
                result.outputs.append(path)
                progress(f"      {path}")
            try:
                cache.commit()
            except OSError as error:
                result.problems.append(Problem(Severity.WARNING, str(output_dir / CACHE_DIR), "De cache kon niet "
                                               f"worden bijgewerkt ({error.strerror or error}); het rapport is wel "
                                               "geschreven, de volgende build duurt langer."))
            progress(_cache_line(cache.stats))
    return result


def _client_change_list(history: History, document: Document, formats: Sequence[str], pdf: bytes | None,
                        cache: Cache, pool: Workers) -> dict[Path, bytes]:
    """The change list for the client in every format built, with the pages of the new report's PDF."""
    if history.changes is None or history.client_stem is None:
        return {}
    pages = {}
    if pdf is not None:
        from report.write.pdf.writer import page_numbers   # WeasyPrint loads only when a PDF is built
        pages = page_numbers(document, pdf)
    client = client_document(history.changes, document.meta, pages)
    formats = [f for f in formats if not WRITERS[f].folder]     # the client's list is a file to send
    made = _write_formats(client, formats, cache, pool)
    return {Path(f"{history.client_stem}{WRITERS[f].suffix}"): made[f] for f in formats}


def _manifest(output_dir: Path, meta: Metadata, reports: list[str], changes: list[str], snapshot: str,
              problems: list[Problem]) -> bytes:
    """The folder's build record with this build as the newest (report.history.manifest)."""
    try:
        manifest = read_manifest(output_dir)
    except ManifestError as error:
        problems.append(Problem(Severity.WARNING, MANIFEST_FILE, f"{error} Het wordt vervangen door een nieuwe "
                                                                 "registratie van deze build."))
        manifest = Manifest()
    record = BuildRecord(meta.version, meta.status, meta.date.isoformat(), tuple(reports), tuple(changes), snapshot)
    return encode(manifest.with_build(record))


def _write_formats(document: Document, formats: Sequence[str], cache: Cache, pool: Workers) -> dict[str, bytes]:
    """Each format's bytes. A format that starts in the workers (the DOCX, which LibreOffice lays out
    there) starts first, so the others are written meanwhile; then it gets the bytes it can use (the
    DOCX takes the PDF's pages where LibreOffice gives none)."""
    finishing = {name: WRITERS[name].start(document, cache, pool) for name in formats if WRITERS[name].starts}
    made = {name: WRITERS[name].write(document, cache, pool) for name in formats if name not in finishing}
    for name, finish in finishing.items():
        takes = WRITERS[name].takes
        made[name] = finish(**({takes: made[takes]} if takes in made else {}))
    return {name: made[name] for name in formats}


def _cache_line(stats: dict[str, CacheStats]) -> str:
    """How much of the build the cache saved, in one line for the consultant: each figure and part
    counts once, also when a wrong guess of its first page had it laid out twice."""
    found = sum(len(set(s.hits) - set(s.made)) for s in stats.values())
    total = sum(len(set(s.hits) | set(s.made)) for s in stats.values())
    return f"      {found} van {total} figuren en pdf-delen hergebruikt uit de cache"


class _Phases:
    """Announces each phase and records its wall time, for the user and for the bench."""

    def __init__(self, progress: Callable[[str], None], timings: dict[str, float]):
        self.progress = progress
        self.timings = timings

    @contextmanager
    def __call__(self, number: int, title: str) -> Iterator[None]:
        self.progress(f"[{number}/{PHASES}] {title} …")
        start = time.perf_counter()
        yield
        self.timings[title] = time.perf_counter() - start
        self.progress(f"      klaar in {self.timings[title]:.1f} s".replace(".", ","))
