"""What a chart shows, without drawing it: its bars in order, n, the note under it and its alt text.

Apart from the drawing (report.figures.charts) so that the document model, the
figure data workbook and the preview can use a chart's content without loading
matplotlib; the drawing's cache key includes this module, because the alt
text and note travel with the drawn files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from report.analyse import Distribution
from report.dutch import capitalise, counted, enumeration
from report.engagement.codebook import OTHER_CODE, question
from report.figures.registry import FigureSpec
from report.model import NOT_ANSWERED

MISSING_LABEL = capitalise(NOT_ANSWERED)
MULTI_NOTE = "Meerdere antwoorden mogelijk."


@dataclass(frozen=True)
class DataRow:
    label: str
    code: str
    count: int


@dataclass(frozen=True)
class ChartData:
    """What a chart shows: the bars in drawing order, the pilots without an answer, and n."""

    spec: FigureSpec
    rows: tuple[DataRow, ...]
    not_answered: int
    n: int

    @property
    def multi(self) -> bool:
        return self.spec.multi


@dataclass(frozen=True)
class ChartFiles:
    """A rendered chart with everything a writer needs to place it."""

    data: ChartData
    svg: Path
    png: Path
    alt_text: str
    note: str


def chart_data(spec: FigureSpec, dist: Distribution) -> ChartData:
    """The bars of a figure in drawing order.

    By count, largest first, ties in codebook order, with "Anders" last as
    readers expect of a residual category; ordinal answers (order
    "codebook") keep the questionnaire's scale.
    """
    if dist.question_id != spec.question_id:
        raise ValueError(f"figuur {spec.key} toont vraag {spec.question_id}, niet {dist.question_id}")
    rows = [DataRow(spec.label(code), code, count) for code, count in dist.counts.items()]
    if spec.order == "count":
        rows.sort(key=lambda row: (row.code == OTHER_CODE, -row.count))
    return ChartData(spec=spec, rows=tuple(rows), not_answered=dist.not_answered, n=dist.total)


def _pilots(n: int) -> str:
    """"30 pilots": a count in a chart's note and alt text is in digits, like the bars."""
    return counted(n, "pilot", "pilots", digits=True)


def note(data: ChartData) -> str:
    """The line under the caption: multiple answers, and n from the data."""
    n_line = f"n = {_pilots(data.n)}."
    return f"{MULTI_NOTE} {n_line}" if data.multi else n_line


def alt_text(data: ChartData) -> str:
    """Dutch alt text: what is shown, n, the largest categories with counts, and the missing."""
    subject = _lower_first(question(data.spec.question_id).short_label)
    if data.multi:
        opening = (f"Staafdiagram van {_pilots(data.n)} naar {subject}; "
                   f"per pilot zijn meerdere antwoorden mogelijk.")
    else:
        opening = f"Staafdiagram van de verdeling van {_pilots(data.n)} naar {subject}."
    return f"{opening} {_largest_sentence(data.rows)} {MISSING_LABEL}: {data.not_answered}."


def _largest_sentence(rows: tuple[DataRow, ...], top: int = 3, cap: int = 5) -> str:
    """The largest categories; a tie at the cut-off is named too, up to `cap` categories."""
    ranked = sorted((row for row in rows if row.count), key=lambda row: -row.count)
    if not ranked:
        return "Geen enkele pilot heeft een antwoord gegeven."
    if len(ranked) <= top:
        chosen, lead = ranked, "Aantallen"
    else:
        threshold = ranked[top - 1].count
        chosen = [row for row in ranked if row.count >= threshold][:cap]
        lead = "Grootste categorieën"
    items = [f"{row.label} ({row.count})" for row in chosen]
    return f"{lead}: {enumeration(items)}."


def _lower_first(text: str) -> str:
    """Lower-case a label's first letter unless it starts an acronym ("ICT-budget")."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
