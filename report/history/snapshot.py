"""Turn a built report into its snapshot: what it said and what it was built from, as typed records.

A snapshot (its typed records and JSON encoding are in report.history.schema)
is stored beside every build so that the next version can be
compared with it (report.history.changes): every answer of every pilot with its
source, every figure's counts, every narrative paragraph (its text, a hash
and the sentences that carry a number) and every factsheet value. It is
written for machines, keyed by stable IDs (pilot ID, question ID, figure
key, section key + paragraph index), and encoded deterministically so the
same inputs give the same bytes. Personal data (questions marked personal
in the codebook) is left out: the output folder is shared with the client.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence

from report.analyse import Distribution
from report.engagement.codebook import question
from report.document import (
    Block, Document, Fact, Factsheet, FigureRef, Footnote, InfoBox, Inlines, ListBlock,
    Paragraph, Section, SectionRef, Text,
)
from report.compose.factsheets import display_value
from report.figures import registry
from report.model import Answer, Multi, PartialDate, Pilot, Source, Value
from report.dutch import count_words, sentences
from report.document.outline import annex_number, placed_figures
from report.history.schema import (
    FORMAT, AnswerRecord, CaseRecord, CategoryCount, CorrectionRecord, FactRecord, FactsheetRecord, FigureRecord,
    MultiValue, ParagraphRecord, PilotRecord, ReportInfo, SectionRecord, Snapshot, SourceRecord,
)


def take_snapshot(document: Document, pilots: Sequence[Pilot],
                  distributions: Mapping[str, Distribution]) -> Snapshot:
    meta = document.meta
    return Snapshot(
        format=FORMAT,
        report=ReportInfo(meta.title, meta.version, meta.status, meta.date),
        pilots={pilot.id: _pilot(pilot) for pilot in pilots},
        figures=_figures(document, distributions),
        sections=dict(_sections(document)),
        factsheets={sheet.pilot_id: _factsheet(sheet) for annex in document.annexes for sheet in annex.factsheets},
    )


# ---------------------------------------------------------------- text


def plain_text(inlines: Inlines) -> str:
    """A paragraph as a reader reads it: references as their numbers, footnotes in brackets."""
    return " ".join("".join(_plain(inline) for inline in inlines).split())


def _plain(inline) -> str:
    match inline:
        case Text(text):
            return text
        case FigureRef(_, number, label) | SectionRef(_, number, label):
            return f"{label} {number}"
        case Footnote(_, content):
            return f" (voetnoot: {plain_text(content)})"
    raise TypeError(f"onbekend inline-element: {inline!r}")


def paragraph_texts(blocks: Sequence[Block], box: bool = False) -> Iterator[tuple[str, bool]]:
    """The narrative paragraphs of a section in reading order, each with whether it stands in an info box.

    Figures and cases are data, not text.
    """
    for block in blocks:
        match block:
            case Paragraph(content):
                yield plain_text(content), box
            case ListBlock(_, items):
                yield from ((plain_text(item.lead + (Text(" "),) + item.content), box) for item in items)
            case InfoBox(_, inner, source):
                yield from paragraph_texts(inner, box=True)
                if source:
                    yield source, True


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- parts


def _pilot(pilot: Pilot) -> PilotRecord:
    return PilotRecord(pilot.name, {qid: _answer(answer) for qid, answer in pilot.answers.items()
                                    if not question(qid).personal})


def _answer(answer: Answer) -> AnswerRecord:
    """The value, the text a reader sees when it differs (labels, Dutch dates), and why it was corrected."""
    value, text = json_value(answer.value), display_value(answer)
    c = answer.correction
    return AnswerRecord(value, _source(answer.source), text=None if text == value else text,
                        correction=None if c is None else CorrectionRecord(c.reason, c.round, c.by))


def json_value(value: Value) -> str | int | MultiValue:
    """Codes stay codes, dates become ISO text, numbers stay numbers."""
    if isinstance(value, Multi):
        return MultiValue(list(value.codes), value.other)
    if isinstance(value, PartialDate):
        return value.iso()
    return value


def _source(source: Source) -> SourceRecord:
    return SourceRecord(source.kind.value, source.file, source.sheet, source.cell)


def _figures(document: Document, distributions: Mapping[str, Distribution]) -> dict[str, FigureRecord]:
    placed = {figure.key: figure.number for figure in placed_figures(document)}
    figures = {}
    for spec in registry.figures():
        if spec.key not in distributions:
            continue
        counts = distributions[spec.key]
        figures[spec.key] = FigureRecord(
            number=placed.get(spec.key),
            title=spec.title,
            question=spec.question_id,
            categories=[CategoryCount(code, spec.label(code), n) for code, n in counts.counts.items()],
            not_answered=counts.not_answered,
        )
    return figures


def _sections(document: Document) -> Iterator[tuple[str, SectionRecord]]:
    def walk(section: Section) -> Iterator[tuple[str, SectionRecord]]:
        yield section.key, _section(section.number, section.title, section.blocks)
        for child in section.children:
            yield from walk(child)

    for chapter in document.chapters:
        yield from walk(chapter)
    for annex in document.annexes:
        yield annex.key, _section(annex_number(annex), annex.title, annex.blocks)


def _section(number: str, title: str, blocks: Sequence[Block]) -> SectionRecord:
    return SectionRecord(number, title, [_paragraph(text, box) for text, box in paragraph_texts(blocks)])


def _paragraph(text: str, box: bool) -> ParagraphRecord:
    return ParagraphRecord(text_hash(text), text, [s for s in sentences(text) if count_words(s)], box=box)


def _factsheet(sheet: Factsheet) -> FactsheetRecord:
    groups = [("header", sheet.header), ("tags", sheet.tags), *((s.title, s.facts) for s in sheet.sections)]
    case = sheet.case
    return FactsheetRecord(
        title=sheet.title,
        facts=[_fact(group, fact) for group, facts in groups for fact in facts],
        case=None if case is None else CaseRecord(case.title, [plain_text(p.content) for p in case.paragraphs]),
    )


def _fact(group: str, fact: Fact) -> FactRecord:
    return FactRecord(group, fact.label, fact.value, fact.origin_label)
