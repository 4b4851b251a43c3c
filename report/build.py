"""Turn the inputs folder into the report files, in five numbered phases.

First everything is read and checked (workbooks, coding sheet, report
config); then the figures are counted and drawn, the texts composed into one
Document, and only then is anything written. A run with an input error stops
before the write phase, so earlier outputs stay as they were; every write
goes through report.files, so an interrupted run never leaves half a file.

A new output format is one entry in WRITERS: a function from Document to
bytes and the file suffix. The writers run side by side in the build's
worker processes (report.workers): a plain writer as one piece of work, a
cached one (the PDF) here, handing its parts to the workers.
"""

from __future__ import annotations

import importlib
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from report.analyse import distribution
from report.cache import Cache, CacheStats
from report.figures.charts import cached_charts
from report.compose import compose
from report.config import load_config
from report.document import Document
from report.figures.registry import FIGURES
from report.files import write_bytes_atomic
from report.history.versions import history_files
from report.model import Problem, has_errors
from report.read import read_inputs
from report.history.snapshot import take_snapshot
from report.workers import Workers, workers

PHASES = 5


@dataclass(frozen=True)
class Writer:
    """An output format: a function Document -> bytes, imported only when that format is built."""

    suffix: str
    module: str
    function: str
    cached: bool = False        # the function takes the build's cache and workers as `cache=`, `pool=`

    def load(self) -> Callable[..., bytes]:
        return getattr(importlib.import_module(self.module), self.function)

    def write(self, document: Document, cache: Cache | None, pool: Workers | None = None) -> bytes:
        function = self.load()
        return function(document, cache=cache, pool=pool) if self.cached else function(document)


WRITERS: dict[str, Writer] = {
    "docx": Writer(".docx", "report.write.docx", "write_docx"),
    "pdf": Writer(".pdf", "report.write.pdf", "write_pdf", cached=True),
}
DEFAULT_FORMATS = ("docx", "pdf")


@dataclass
class BuildResult:
    """What a build did: the files it wrote, what it found wrong, and how long each phase took."""

    outputs: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    document: Document | None = None
    snapshot: dict | None = None
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
    """
    result = BuildResult()
    phase = _Phases(progress, result.timings)
    with phase(1, "Invoer lezen"):
        read = read_inputs(inputs_dir)
        config, config_problems = load_config(inputs_dir)
        result.problems += read.problems + config_problems
        progress(f"      {len(read.pilots)} pilots gelezen")
    if has_errors(read.problems):
        return result       # the texts would be checked against unreliable pilots
    with phase(2, "Analyseren"):
        distributions = {spec.key: distribution(read.pilots, spec.question_id) for spec in FIGURES}
    for name in formats if output_dir is not None else ():
        WRITERS[name].load()        # imported before the workers fork, so each starts with it (a second each)
    with tempfile.TemporaryDirectory(prefix="bouw-") as work, workers(processes) as pool:
        cache = Cache.for_output(output_dir, Path(work), reuse=not clean)
        result.cache = cache.stats
        with phase(3, "Figuren tekenen"):
            charts = cached_charts([(spec, distributions[spec.key]) for spec in FIGURES], cache, pool)
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
            written = _write(document, formats, cache, pool)
            files = {output_dir / config.output_name(WRITERS[f].suffix): written[f] for f in formats}
            history, found = history_files(output_dir, config, result.snapshot)
            files.update(history)
            result.problems += found
            for path, data in files.items():
                write_bytes_atomic(path, data)
                result.outputs.append(path)
                progress(f"      {path}")
            cache.commit()
            progress(_cache_line(cache.stats))
    return result


def _write(document: Document, formats: Sequence[str], cache: Cache, pool: Workers) -> dict[str, bytes]:
    """Each format's bytes: the plain writers in a worker each, beside the cached ones' parts."""
    aside = {f: pool.submit(_write_aside, WRITERS[f], document) for f in formats if not WRITERS[f].cached}
    here = {f: WRITERS[f].write(document, cache, pool) for f in formats if WRITERS[f].cached}
    return here | {f: future.result() for f, future in aside.items()}


def _write_aside(writer: Writer, document: Document) -> bytes:
    """A plain writer's work in a worker (a function the pool can name, whatever `write` is)."""
    return writer.write(document, None)


def _cache_line(stats: dict[str, CacheStats]) -> str:
    """How much of the build the cache saved, in one line for the consultant."""
    found = sum(len(s.hits) for s in stats.values())
    total = found + sum(len(s.made) for s in stats.values())
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
