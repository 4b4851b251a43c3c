"""Turn the narrative texts, the pilots and the rendered charts into one Document.

Compose decides what the report says, never how it looks: it fills in the
texts' placeholders from the pilots, numbers chapters, sections, figures and
footnotes in reading order, places each figure and case box where the text
asks for it, and appends the factsheet annex. Both writers receive the
result, so PDF and DOCX cannot disagree on a number.

The texts live in `<inputs>/teksten/`: chapters are the files named
`<n>-<naam>.md`, taken in the order of n; each `bijlage-<letter>.md` is an
annex, and the first annex holds the factsheets.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from report.figures.content import MISSING_LABEL, ChartFiles
from report.engagement.config import ReportConfig
from report.document import Annex, Bar, CaseBox, Document, Factsheet, Figure, Section
from report.compose.factsheets import case_box, factsheets
from report.engagement.active import current
from report.figures.registry import bar_pilots, figures
from report.engagement.folders import TEXTS_DIR
from report.model import Pilot, Problem, Severity, has_errors
from report.narrative.markdown import Numbers, ParsedText, Placements, convert, number_texts, parse
from report.narrative.placeholders import RenderedText, render_text
from report.text import has_controls, without_controls

CASE_TITLE = "Voorbeeld casus pilot {name}"
_CHAPTER_FILE = re.compile(r"^(\d+)-[\w-]+\.md$")
_ANNEX_FILE = re.compile(r"^bijlage-([a-z])\.md$")


@dataclass(frozen=True)
class TextFile:
    path: Path
    number: str          # "1" for a chapter, "A" for an annex
    is_annex: bool

    @property
    def display_name(self) -> str:
        return f"{TEXTS_DIR}/{self.path.name}"


def compose(config: ReportConfig | None, pilots: Sequence[Pilot], inputs_dir: Path,
            charts: Mapping[str, ChartFiles],
            sheets: tuple[Factsheet, ...] | None = None,
            render: Callable[[Path, str, Sequence[Pilot]], tuple[RenderedText | None, list[Problem]]] = render_text,
            bars: Callable[[ChartFiles, Sequence[Pilot]], tuple[Bar, ...]] | None = None,
            ) -> tuple[Document | None, list[Problem]]:
    """The whole report; None when a text has an error (the problems say where).

    Without a config (it had errors of its own) the texts are still checked,
    so one run reports every mistake. `sheets` are the factsheets of these
    pilots when the caller kept them (the live preview, after a text edit);
    `render` and `bars` may likewise answer from what the caller kept (a
    text's placeholders filled in, a chart's bars). Numbering, cross-references
    and footnotes are always made again, over all texts.
    """
    bars = bars or figure_bars
    files, problems = text_files(inputs_dir / TEXTS_DIR)
    parsed: list[ParsedText] = []
    for file in files:
        rendered, found = render(file.path, file.display_name, pilots)
        problems += found
        if rendered is not None:
            problems += _controls(rendered)
            try:
                parsed.append(parse(replace(rendered, markdown=without_controls(rendered.markdown)), file.number))
            except RecursionError:
                problems.append(_too_deep(file.display_name))
    if has_errors(problems):
        return None, problems     # a text that did not render would only cause follow-up errors
    numbers, found = number_texts(parsed, figure_keys=tuple(charts))
    problems += found + _unplaced_figures(numbers, charts)
    cases = _CasePlacer(pilots)
    placements = Placements(figure=lambda key, number: _figure(charts[key], number, bars(charts[key], pilots)),
                            cases=cases.place)
    footnotes = itertools.count(1)
    sections: list[Section] = []
    for text in parsed:
        try:
            section, found = convert(text, numbers, placements, footnotes)
        except RecursionError:
            section, found = None, [_too_deep(text.file)]
        problems += found
        if section is not None:
            sections.append(section)
    problems += cases.unplaced()
    if config is None or has_errors(problems) or len(sections) != len(files):
        return None, problems
    return _document(config, pilots, files, sections, sheets), problems


def _controls(text: RenderedText) -> list[Problem]:
    """A warning per line of the text that holds control characters (they are removed)."""
    return [Problem(Severity.WARNING, text.file, "Onzichtbare stuurtekens in deze regel zijn verwijderd.",
                    cell=f"regel {text.source_line(index)}")
            for index, line in enumerate(text.markdown.split("\n")) if has_controls(line)]


def _too_deep(file: str) -> Problem:
    return Problem(Severity.ERROR, file, "De opmaak is te diep genest (bijvoorbeeld duizenden * of > achter "
                   "elkaar) en kan niet worden gelezen.")


def text_files(directory: Path) -> tuple[list[TextFile], list[Problem]]:
    """The chapter files in the order of their number, then the annexes by letter."""
    if not directory.is_dir():
        return [], [Problem(Severity.ERROR, TEXTS_DIR, f"De map met teksten ontbreekt: {directory}.")]
    chapters, annexes, problems = [], [], []
    for path in sorted(directory.glob("*.md")):
        if match := _CHAPTER_FILE.match(path.name):
            chapters.append((int(match.group(1)), path))
        elif match := _ANNEX_FILE.match(path.name):
            annexes.append(TextFile(path, match.group(1).upper(), is_annex=True))
        else:
            problems.append(Problem(Severity.WARNING, f"{TEXTS_DIR}/{path.name}",
                                    "Dit bestand wordt overgeslagen: noem een hoofdstuk '<nummer>-<naam>.md' "
                                    "en een bijlage 'bijlage-<letter>.md'."))
    chapters.sort(key=lambda pair: pair[0])
    files = [TextFile(path, str(i), is_annex=False) for i, (_, path) in enumerate(chapters, start=1)]
    if not files:
        problems.append(Problem(Severity.ERROR, TEXTS_DIR, "Er staat geen enkel hoofdstuk in de map teksten."))
    if not annexes:
        problems.append(Problem(Severity.ERROR, TEXTS_DIR, "De bijlage met factsheets ontbreekt "
                                "(teksten/bijlage-a.md met de inleiding op de factsheets)."))
    return files + annexes, problems


def _document(config: ReportConfig, pilots: Sequence[Pilot], files: list[TextFile],
              sections: list[Section], kept: tuple[Factsheet, ...] | None) -> Document:
    chapters = tuple(s for f, s in zip(files, sections) if not f.is_annex)
    annex_sections = [s for f, s in zip(files, sections) if f.is_annex]
    sheets = kept if kept is not None else factsheets(pilots, correction_marks=config.correction_marks)
    annexes = tuple(Annex(s.key, s.number, s.title, s.blocks, sheets if i == 0 else (), s.written_at)
                    for i, s in enumerate(annex_sections))
    return Document(meta=config.meta, chapters=chapters, annexes=annexes)


def _figure(chart: ChartFiles, number: int, bars: tuple[Bar, ...]) -> Figure:
    spec = chart.data.spec
    return Figure(key=spec.key, number=number, title=spec.title, alt_text=chart.alt_text,
                  svg=chart.svg, png=chart.png, note=chart.note, bars=bars)


def figure_bars(chart: ChartFiles, pilots: Sequence[Pilot]) -> tuple[Bar, ...]:
    """Each bar with the pilots it counts, then the pilots without an answer."""
    spec = chart.data.spec
    bars = [(row.label, bar_pilots(pilots, spec, row.code)) for row in chart.data.rows]
    bars.append((MISSING_LABEL, bar_pilots(pilots, spec, None)))
    return tuple(Bar(label, len(chosen), tuple(p.id for p in chosen)) for label, chosen in bars)


def _unplaced_figures(numbers: Numbers, charts: Mapping[str, ChartFiles]) -> list[Problem]:
    return [Problem(Severity.WARNING, TEXTS_DIR, f"Figuur '{spec.key}' ({spec.title}) staat nergens in de "
                    f"tekst; plaats hem met een eigen alinea [[figuur {spec.key}]].")
            for spec in figures() if spec.key in charts and spec.key not in numbers.figures]


class _CasePlacer:
    """Finds the case boxes the coding sheet assigns to a section (the case-box rule's `paragraaf`
    column), and remembers which were placed."""

    def __init__(self, pilots: Sequence[Pilot]):
        self.pilots = sorted(pilots, key=lambda p: p.name.casefold())
        self.placed: set[str] = set()

    def place(self, section_number: str) -> list[CaseBox]:
        self.placed.add(section_number)
        boxes = [case_box(p, CASE_TITLE.format(name=p.name)) for p in self.assigned(section_number)]
        return [box for box in boxes if box is not None]

    def assigned(self, section_number: str) -> list[Pilot]:
        return [p for p in self.pilots if _section_number(p) == section_number]

    def unplaced(self) -> list[Problem]:
        problems = []
        for pilot in self.pilots:
            number = _section_number(pilot)
            if number is None:      # no case-box rule, or no section for this pilot's case
                continue
            rule = current().case
            answer = pilot.answer(rule.place)
            if number not in self.placed:
                reason = f"paragraaf {number} bestaat niet of heeft geen [[casus]] in de tekst"
            elif not pilot.value(rule.story):
                reason = f"de pilot heeft geen casus ingevuld (vraag {rule.story})"
            else:
                continue
            problems.append(Problem(Severity.WARNING, answer.source.file,
                                    f"De casus van pilot '{pilot.name}' komt niet in het rapport: {reason}.",
                                    sheet=answer.source.sheet, cell=answer.source.cell, question_id=rule.place,
                                    found=str(answer.value)))
        return problems


def _section_number(pilot: Pilot) -> str | None:
    """The case's section as typed ("2.1", "2,1", " 3.3.2 "), normalised to a section number."""
    rule = current().case
    value = pilot.value(rule.place) if rule and rule.place else None
    if value is None:
        return None
    return str(value).strip().replace(",", ".").rstrip(".") or None
