"""Turn the inputs folder into the report's Document again after a save, redoing only what the change touches.

A build runs its phases once; the preview keeps each phase's result and
knows which inputs each one reads: the workbooks, the coding sheet and the
corrections feed the pilots and the charts; `rapport.yaml` the metadata;
the texts only the composition. So a narrative edit composes again from
the pilots and charts already in memory, filling in the placeholders of the
saved text only (RememberedTexts), and a changed answer redraws only
the charts whose bars changed (the charts are cached by their bars, as in a
build). Everything else in the folder is treated as data, to be safe.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from report.cache import Cache
from report.compose import compose
from report.compose.assemble import figure_bars
from report.compose.factsheets import factsheets
from report.engagement.config import load_config
from report.document import Bar, Document, Factsheet
from report.figures.content import ChartFiles
from report.figures.charts import cached_charts
from report.figures.registry import count_figure, figures
from report.engagement.folders import CONFIG_FILE, TEXTS_DIR
from report.model import Pilot, Problem, has_errors
from report.narrative.placeholders import RenderedText, render_text
from report.privacy import privacy_problems
from report.publication import gated
from report.read import ReadResult, read_inputs
from report.read.questionnaire import Questionnaire, read_questionnaire
from report.workers import Workers


class Stage(enum.IntEnum):
    """What a changed file makes stale: later stages depend on earlier ones."""

    DATA = 1       # pilots and charts, then everything after
    CONFIG = 2     # rapport.yaml
    TEXTS = 3      # the narrative only


def stage_of(path: Path, inputs_dir: Path) -> Stage:
    try:
        relative = path.resolve().relative_to(inputs_dir.resolve())
    except ValueError:
        return Stage.DATA
    if relative.parts[:1] == (TEXTS_DIR,):
        return Stage.TEXTS
    if relative == Path(CONFIG_FILE):
        return Stage.CONFIG
    return Stage.DATA


@dataclass
class Rendering:
    """One pass over the inputs: the document when they hold no error, and every problem found."""

    document: Document | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.document is not None and not has_errors(self.problems)


class Pipeline:
    """The build's read, analyse, draw and compose phases, each kept until its inputs change.

    `work` holds the charts; the caller owns it and removes it.
    """

    def __init__(self, inputs_dir: Path, work: Path):
        self.inputs_dir = inputs_dir
        self._cache = Cache(None, work)
        self._pool = Workers(None, 1)
        self._workbooks = RememberedWorkbooks()
        self._texts = RememberedTexts()
        self._read: ReadResult | None = None
        self._charts: dict | None = None
        self._config = None
        self._config_problems: list[Problem] = []
        self._reads = 0             # reads of the pilots so far: the factsheets are kept per read
        self._sheets: tuple[tuple, tuple[Factsheet, ...]] | None = None

    def refresh(self, changed: Iterable[Path] = ()) -> Rendering:
        """Everything again on the first call; after that what the changed files make stale."""
        stages = {stage_of(path, self.inputs_dir) for path in changed}
        if self._read is None or Stage.DATA in stages:
            self._read = read_inputs(self.inputs_dir, self._workbooks.read)
            self._reads += 1
            self._workbooks.forget_unused()
            self._texts = RememberedTexts()      # new pilots: every placeholder and bar may change
            self._charts = None
        if self._charts is None and not has_errors(self._read.problems):
            distributions = {spec.key: count_figure(self._read.pilots, spec) for spec in figures()}
            self._charts = cached_charts([(spec, distributions[spec.key]) for spec in figures()],
                                         self._cache, self._pool)
        if self._config is None or stages & {Stage.DATA, Stage.CONFIG}:
            self._config, self._config_problems = load_config(self.inputs_dir)
        problems = self._read.problems + self._config_problems
        if has_errors(self._read.problems):
            return Rendering(None, problems)
        concept = self._config is None or self._config.meta.is_concept
        problems += gated(privacy_problems(self.inputs_dir, self._read.pilots), concept)
        document, found = compose(self._config, self._read.pilots, self.inputs_dir, self._charts, self._factsheets(),
                                  render=self._texts.render, bars=self._texts.bars)
        return Rendering(document, problems + found)

    def _factsheets(self) -> tuple[Factsheet, ...] | None:
        """The factsheets of the current pilots and config, made once until either changes."""
        if self._config is None:
            return None
        key = (self._reads, self._config.correction_marks)
        if self._sheets is None or self._sheets[0] != key:
            self._sheets = (key, factsheets(self._read.pilots, correction_marks=self._config.correction_marks))
        return self._sheets[1]


# A text that takes in another text: its rendering depends on more than its own file.
_TAKES_IN = re.compile(rb"\{%-?\s*(?:include|import|from|extends)\b")


class RememberedTexts:
    """The texts' placeholders filled in and the charts' bars, for one read of the pilots.

    Filling in is most of composing at scale (each count walks every pilot),
    and a narrative edit changes one file: the others are kept while their
    file stays the same (size, change time, inode), unless they take in
    another text. Numbering and cross-references are not kept: compose makes
    them again over all texts, so an edit that renumbers shows everywhere.
    """

    def __init__(self) -> None:
        self._rendered: dict[tuple, tuple[RenderedText | None, list[Problem]]] = {}
        self._bars: dict[str, tuple[Bar, ...]] = {}

    def render(self, path: Path, display_name: str, pilots: Sequence[Pilot]) -> tuple[RenderedText | None, list[Problem]]:
        try:
            status = path.stat()
            alone = not _TAKES_IN.search(path.read_bytes())
        except OSError:
            return render_text(path, display_name, pilots)
        key = (str(path), display_name, status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
        if not alone:
            return render_text(path, display_name, pilots)
        if key not in self._rendered:
            self._rendered = {k: v for k, v in self._rendered.items() if k[0] != key[0]}   # its earlier states
            self._rendered[key] = render_text(path, display_name, pilots)
        rendered, problems = self._rendered[key]
        return rendered, list(problems)

    def bars(self, chart: ChartFiles, pilots: Sequence[Pilot]) -> tuple[Bar, ...]:
        key = chart.data.spec.key
        if key not in self._bars:
            self._bars[key] = figure_bars(chart, pilots)
        return self._bars[key]


class RememberedWorkbooks:
    """Questionnaires read before, kept while their file stays the same (path, size, change time, inode).

    A changed answer is one saved workbook; the others are not opened again.
    Only the workbooks of the last read are kept.
    """

    def __init__(self) -> None:
        self._kept: dict[tuple, tuple[Questionnaire | None, list[Problem]]] = {}
        self._used: dict[tuple, tuple[Questionnaire | None, list[Problem]]] = {}

    def read(self, path: Path, label: str) -> tuple[Questionnaire | None, list[Problem]]:
        try:
            status = path.stat()
        except OSError:
            return read_questionnaire(path, label)
        key = (str(path), label, status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
        if key not in self._used:
            self._used[key] = self._kept.get(key) or read_questionnaire(path, label)
        return self._used[key]

    def forget_unused(self) -> None:
        """After a read: keep only what it used."""
        self._kept, self._used = self._used, {}
