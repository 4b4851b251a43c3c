"""Turn a figure's distribution into a chart: SVG for the PDF, PNG for the DOCX, alt text and data.

The image carries no number and no title: the writers put "Figuur N. <titel>"
below it, numbered by the composer. Every label comes from the codebook and
every number from the distribution, so a corrected answer redraws the chart.
All figures share one width and one bar thickness, so they look alike on the
page; a figure with more bars is simply taller.

SVG text stays text (`svg.fonttype = "none"`): the PDF keeps the chart's words
selectable and searchable, the files are small, and tests read the drawn
numbers back. The PDF writer must therefore declare the house font with
@font-face (WeasyPrint draws SVG text with the document's fonts).
"""

from __future__ import annotations

import functools
import io
import itertools
import textwrap
from collections.abc import Sequence
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure

from report import style
from report.analyse import Distribution
from report.cache import Cache, fingerprint, versions
from report.workers import Workers
from report.figures.registry import FigureSpec, count_figure, figures
from report.files import write_bytes_atomic
from report.model import Pilot
from report.figures import content
from report.figures.content import MISSING_LABEL, ChartData, ChartFiles, alt_text, chart_data, note
from report.style import FONTS_DIR, HOUSE_STYLE, HouseStyle, matplotlib_rc

PNG_DPI = 200

# Geometry in inches, the same for every figure (A4 text width is about 6.4 in).
_WIDTH = 6.3
_LABEL_COLUMN = 2.35     # room for the category labels left of the bars
_VALUE_COLUMN = 0.45     # room for the value labels right of the longest bar
_SLOT = 0.34             # vertical space per bar
_BAR = 0.62              # bar thickness as a share of its slot
_MARGIN = 0.06           # above the first and below the last bar
_MISSING_GAP = 0.45      # extra space (in slots) before the "Niet ingevuld" bar
_WRAP = 34               # characters per label line

_SVG_RC = {"svg.fonttype": "none", "svg.hashsalt": "kompas-figuren"}
_SVG_METADATA = {"Date": None, "Creator": None}
_PNG_METADATA = {"Software": None}
_CODE = (Path(__file__), Path(content.__file__), Path(style.__file__))   # what makes a chart, for its cache key


def register_fonts(style: HouseStyle = HOUSE_STYLE) -> None:
    """Make the shipped house font known to matplotlib, whatever the machine has installed."""
    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    fonts = style.fonts
    for name in (fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic, fonts.semibold):
        path = str(style.font_path(name))
        if path not in known:
            font_manager.fontManager.addfont(path)


def draw(data: ChartData, style: HouseStyle = HOUSE_STYLE) -> Figure:
    """The chart as a matplotlib figure (no pyplot, so nothing global is kept)."""
    register_fonts(style)
    palette = style.palette
    bars = [(row.label, row.count, palette.primary, palette.text) for row in data.rows]
    positions = [float(i) for i in range(len(bars))]
    if data.not_answered:
        bars.append((MISSING_LABEL, data.not_answered, palette.missing, palette.muted))
        positions.append(len(data.rows) + _MISSING_GAP)
    span = positions[-1] + 1.0 if positions else 1.0
    height = span * _SLOT + 2 * _MARGIN
    with _theme(style):
        fig = Figure(figsize=(_WIDTH, height))
        ax = fig.add_axes((_LABEL_COLUMN / _WIDTH, _MARGIN / height,
                           (_WIDTH - _LABEL_COLUMN - _VALUE_COLUMN) / _WIDTH, span * _SLOT / height))
        counts = [count for _, count, _, _ in bars]
        ax.barh(positions, counts, height=_BAR, color=[colour for _, _, colour, _ in bars])
        ax.set_yticks(positions, [_wrap(label) for label, _, _, _ in bars])
        for tick, (_, _, _, text_colour) in zip(ax.get_yticklabels(), bars):
            tick.set_color(text_colour)
        ax.set_ylim(span - 0.5, -0.5)
        ax.set_xlim(0, max(counts, default=0) or 1)
        ax.tick_params(axis="y", pad=6)
        ax.xaxis.set_visible(False)
        for y, (_, count, _, text_colour) in zip(positions, bars):
            ax.annotate(str(count), xy=(count, y), xytext=(4, 0), textcoords="offset points",
                        va="center", ha="left", color=text_colour, fontweight="bold")
    return fig


def _wrap(label: str) -> str:
    """Wrap to the label column in as few lines as greedy wrapping needs.

    Among those wrappings, the one that keeps the early lines full wins,
    provided the last line holds more than one word.
    """
    greedy = textwrap.wrap(label, width=_WRAP, break_long_words=False, break_on_hyphens=False)
    if len(greedy) < 2:
        return label.strip()
    words = label.split()
    candidates = [
        lines for lines in _splits(words, len(greedy))
        if all(len(line) <= _WRAP for line in lines) and (len(lines) == 1 or " " in lines[-1])
    ]
    best = max(candidates, key=lambda lines: [len(line) for line in lines], default=greedy)
    return "\n".join(best)


def _splits(words: list[str], count: int) -> list[list[str]]:
    """Every way to cut the words into `count` lines (labels are short, so this stays tiny)."""
    cuts = itertools.combinations(range(1, len(words)), count - 1)
    return [[" ".join(words[a:b]) for a, b in zip((0, *cut), (*cut, len(words)))] for cut in cuts]


def _theme(style: HouseStyle):
    """The house chart theme plus the settings that make output bytes reproducible."""
    return matplotlib.rc_context({**matplotlib_rc(style), **_SVG_RC})


def figure_bytes(fig: Figure, fmt: str, style: HouseStyle = HOUSE_STYLE) -> bytes:
    """SVG or PNG bytes that depend only on the figure: fixed hash salt, no dates, no versions."""
    buffer = io.BytesIO()
    with _theme(style):
        if fmt == "svg":
            fig.savefig(buffer, format="svg", metadata=_SVG_METADATA)
        else:
            fig.savefig(buffer, format="png", dpi=PNG_DPI, metadata=_PNG_METADATA)
    return buffer.getvalue()


def render_chart(spec: FigureSpec, dist: Distribution, out_dir: Path) -> ChartFiles:
    """Draw one figure and write `<key>.svg` and `<key>.png` into `out_dir`."""
    data = chart_data(spec, dist)
    write_chart(data, out_dir)
    return chart_files(data, out_dir)


def cached_charts(figures: Sequence[tuple[FigureSpec, Distribution]], cache: Cache,
                  pool: Workers) -> dict[str, ChartFiles]:
    """The figures from the cache; those whose bars, the house style or this code changed drawn by the workers."""
    charts = [chart_data(spec, dist) for spec, dist in figures]
    code = (repr(HOUSE_STYLE), fingerprint(*_CODE, FONTS_DIR), versions("matplotlib"))
    folders = cache.folders("figuren", [(data.spec.key, (repr(data), *code), functools.partial(write_chart, data))
                                        for data in charts], pool)
    return {data.spec.key: chart_files(data, folder) for data, folder in zip(charts, folders)}


def write_chart(data: ChartData, out_dir: Path) -> None:
    fig = draw(data)
    svg, png = _paths(data, out_dir)
    write_bytes_atomic(svg, figure_bytes(fig, "svg"))
    write_bytes_atomic(png, figure_bytes(fig, "png"))


def chart_files(data: ChartData, out_dir: Path) -> ChartFiles:
    """The chart whose images `write_chart` wrote into `out_dir`, with its alt text and note."""
    svg, png = _paths(data, out_dir)
    return ChartFiles(data=data, svg=svg, png=png, alt_text=alt_text(data), note=note(data))


def _paths(data: ChartData, out_dir: Path) -> tuple[Path, Path]:
    return out_dir / f"{data.spec.key}.svg", out_dir / f"{data.spec.key}.png"


def render_figures(pilots: Sequence[Pilot], out_dir: Path,
                   specs: Sequence[FigureSpec] | None = None) -> dict[str, ChartFiles]:
    """The engagement's figures (or `specs`), computed from the pilots and drawn into `out_dir`, by key."""
    return {spec.key: render_chart(spec, count_figure(pilots, spec), out_dir) for spec in specs or figures()}
