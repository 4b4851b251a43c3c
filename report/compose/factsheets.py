"""Turn each pilot into its factsheet for Annex A, and a pilot's case into a case box.

Every factsheet has the same layout, so a reader finds the same fact in the
same place for every pilot: header facts, a strip of tags, then sections a
with their questions, one of them holding the case as a box; which questions
go where is the engagement's (`factsheet` in rapportvorm.yaml). Labels and
values come from the codebook; a missing answer, the case included, keeps its
row and reads as the engagement's `onbeantwoord` (a dash in the example, which
the annex's introduction explains once), never an empty gap; personal data is
never shown.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from report.engagement.codebook import OTHER_CODE, AnswerKind, Role, question, role
from report.document import CaseBox, Fact, Factsheet, FactsheetSection, Paragraph, Text
from report.engagement.active import current
from report.engagement.reporttype import FactsheetLayout, FactsheetPart
from report.model import Answer, Multi, PartialDate, Pilot
from report.dutch import amount, month_year, period

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


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


def layout() -> FactsheetLayout:
    return current().factsheet


def factsheet(pilot: Pilot) -> Factsheet:
    shape = layout()
    period = period_fact(pilot)
    header = tuple(fact(pilot, qid) for qid in shape.header) + ((period,) if period else ())
    return Factsheet(
        pilot_id=pilot.id,
        title=pilot.name,
        header=header,
        tags=tuple(fact(pilot, qid) for qid in shape.tags),
        sections=tuple(_section(pilot, part) for part in shape.parts),
    )


def case_questions() -> tuple[str, ...]:
    """The questions a pilot's case is made of (its title and story), as the case-box rule names them."""
    rule = current().case
    return tuple(qid for qid in (rule.title, rule.story) if qid) if rule else ()


def _case_section(pilot: Pilot, title: str) -> FactsheetSection:
    """The case as a box under its own title; without a story, the unanswered mark like any other answer."""
    rule = current().case
    box = case_box(pilot, str((rule.title and pilot.value(rule.title)) or question(rule.story).short_label))
    if box is None:
        return FactsheetSection(title, (fact(pilot, rule.story),))
    return FactsheetSection(title, (), box)


def _section(pilot: Pilot, part: FactsheetPart) -> FactsheetSection:
    if part.case:
        return _case_section(pilot, part.title)
    return FactsheetSection(part.title, tuple(fact(pilot, qid) for qid in part.questions))


def fact(pilot: Pilot, qid: str) -> Fact:
    """One answer as a labelled value that remembers where it came from."""
    q = question(qid)
    answer = pilot.answer(q.id)
    if q.personal:
        raise ValueError(f"vraag {q.id} bevat persoonsgegevens en komt nooit in het rapport")
    if answer is None:
        return Fact(q.short_label, layout().not_answered, None, q.id)
    return Fact(q.short_label, display_value(answer), answer.source.kind, q.id)


def period_fact(pilot: Pilot) -> Fact | None:
    """The start and end dates as one period, "maart 2021 – december 2022"; None without both questions."""
    questions = [role(Role.START), role(Role.END)]
    if None in questions:
        return None
    start, end = (pilot.answer(q.id) for q in questions)
    text = period(*(a.value if a and isinstance(a.value, PartialDate) else None for a in (start, end)))
    question_id = "/".join(q.id for q in questions)
    label = layout().period_label
    if text is None:
        return Fact(label, layout().not_answered, None, question_id)
    return Fact(label, text, (start or end).source.kind, question_id)


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
    """The pilot's case (the case-box rule's story) as a shaded box, one paragraph per blank-line-separated block."""
    rule = current().case
    story = pilot.value(rule.story) if rule else None
    if not story:
        return None
    paragraphs = [" ".join(block.split()) for block in _PARAGRAPH_BREAK.split(str(story))]
    return CaseBox(title, tuple(Paragraph((Text(p),)) for p in paragraphs if p), pilot.id)

