"""Turn each pilot into its factsheet for Annex A, and a pilot's case into a case box.

Every factsheet has the same layout, so a reader finds the same fact in the
same place for every pilot: header facts, a strip of tags, then sections a
to e with every other question of that section, section d holding the case
as a box. Labels and values come from the codebook; a missing answer, the
case included, keeps its row and reads as one dash (UNANSWERED), which the
annex's introduction explains once, never an empty gap nor a phrase repeated
in every such cell; personal data (P5) is never shown.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from report.codebook import OTHER_CODE, QUESTIONS, SECTIONS, AnswerKind, question
from report.document import CaseBox, Fact, Factsheet, FactsheetSection, Paragraph, Text
from report.model import Answer, Multi, PartialDate, Pilot
from report.dutch import amount, month_year, period

PERIOD_LABEL = "Looptijd"
PERIOD_QUESTIONS = ("P6", "P7")
HEADER_QUESTIONS = ("P2", "P3", "P4")     # the period (P6-P7) follows them
TAG_QUESTIONS = ("K1", "K3", "K2", "B1", "B3", "C2", "A10", "A11", "A8b")
FACT_SECTIONS = ("a", "b", "c", "d", "e")
CASE_SECTION = "d"                        # its facts are the case, shown as a box
CASE_QUESTIONS = ("D1", "D2")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
UNANSWERED = "–"      # an unanswered question's value in a factsheet (teksten/bijlage-a.md says so once)


def factsheets(pilots: Sequence[Pilot], correction_marks: bool = True) -> tuple[Factsheet, ...]:
    """One factsheet per pilot, alphabetical by name, as readers look a pilot up.

    Without correction marks (a definitive report, or rapport.yaml says so) no
    value says *correctie*; both writers read Fact.marked, so this is the one switch.
    """
    sheets = (factsheet(p) for p in sorted(pilots, key=lambda p: (p.name.casefold(), p.id)))
    return tuple(sheets if correction_marks else map(_unmarked, sheets))


def _unmarked(sheet: Factsheet) -> Factsheet:
    def facts(found: tuple[Fact, ...]) -> tuple[Fact, ...]:
        return tuple(dataclasses.replace(fact, correction_mark=False) for fact in found)

    return dataclasses.replace(sheet, header=facts(sheet.header), tags=facts(sheet.tags), sections=tuple(
        dataclasses.replace(section, facts=facts(section.facts)) for section in sheet.sections))


def factsheet(pilot: Pilot) -> Factsheet:
    header = tuple(fact(pilot, qid) for qid in HEADER_QUESTIONS) + (period_fact(pilot),)
    return Factsheet(
        pilot_id=pilot.id,
        title=pilot.name,
        header=header,
        tags=tuple(fact(pilot, qid) for qid in TAG_QUESTIONS),
        sections=tuple(_section(pilot, key) for key in FACT_SECTIONS),
    )


def _case_section(pilot: Pilot, title: str) -> FactsheetSection:
    """The case as a box under its own title; without a story, a dash like any other answer."""
    box = case_box(pilot, str(pilot.value("D1") or question("D2").short_label))
    if box is None:
        return FactsheetSection(title, (fact(pilot, "D2"),))
    return FactsheetSection(title, (), box)


def _section(pilot: Pilot, key: str) -> FactsheetSection:
    title = next(s.title for s in SECTIONS if s.key == key)
    if key == CASE_SECTION:
        return _case_section(pilot, title)
    # A fact already in the tag strip is not repeated below it, which keeps a sheet to two pages.
    hidden = {*CASE_QUESTIONS, *TAG_QUESTIONS}
    shown = [q for q in QUESTIONS if q.section == key and not q.personal and q.id not in hidden]
    return FactsheetSection(title, tuple(fact(pilot, q.id) for q in shown))


def fact(pilot: Pilot, qid: str) -> Fact:
    """One answer as a labelled value that remembers where it came from."""
    q = question(qid)
    answer = pilot.answer(q.id)
    if q.personal:
        raise ValueError(f"vraag {q.id} bevat persoonsgegevens en komt nooit in het rapport")
    if answer is None:
        return Fact(q.short_label, UNANSWERED, None, q.id)
    return Fact(q.short_label, display_value(answer), answer.source.kind, q.id)


def period_fact(pilot: Pilot) -> Fact:
    """P6 and P7 as one period, "maart 2021 – december 2022"."""
    start, end = (pilot.answer(qid) for qid in PERIOD_QUESTIONS)
    text = period(*(a.value if a and isinstance(a.value, PartialDate) else None for a in (start, end)))
    question_id = "/".join(PERIOD_QUESTIONS)
    if text is None:
        return Fact(PERIOD_LABEL, UNANSWERED, None, question_id)
    return Fact(PERIOD_LABEL, text, (start or end).source.kind, question_id)


def display_value(answer: Answer) -> str:
    """An answer as a reader should see it: labels for codes, Dutch dates, `anders` with its text."""
    q = question(answer.question_id)
    value = answer.value
    if isinstance(value, Multi):
        labels = [q.label(code) for code in value.codes]
        if value.other and OTHER_CODE in value.codes:
            labels[value.codes.index(OTHER_CODE)] = f"{q.label(OTHER_CODE)}: {value.other}"
        return "; ".join(labels)
    if q.kind is AnswerKind.CHOICE:
        return q.label(str(value))
    if isinstance(value, int):
        return amount(value)
    if isinstance(value, PartialDate):
        return month_year(value) if value.day is None else f"{value.day} {month_year(value)}"
    return str(value)


def case_box(pilot: Pilot, title: str) -> CaseBox | None:
    """The pilot's case (D2) as a shaded box, one paragraph per blank-line-separated block."""
    story = pilot.value("D2")
    if not story:
        return None
    paragraphs = [" ".join(block.split()) for block in _PARAGRAPH_BREAK.split(str(story))]
    return CaseBox(title, tuple(Paragraph((Text(p),)) for p in paragraphs if p), pilot.id)

