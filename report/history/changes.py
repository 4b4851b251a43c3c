"""Turn two snapshots into the list of what changed between two versions of the report.

The client's question after every review round is "what changed since the
last version?". Comparing the snapshots (report.history.snapshot) answers it in the
groups the consultants report in: the title and renamed headings, answers per
pilot, pilots added or removed, figures whose counts moved, sentences whose
numbers moved, paragraphs the consultants edited, and the factsheets that look
different.

A changed paragraph is split into sentences and the sentences aligned; a
changed sentence whose count words differ ("zes" -> "vijf", "ruim de helft"
-> "een minderheid") is a number change, anything else makes the paragraph
an edit, shown as a word diff. An info box's text (its paragraphs and source
line) is the consultants' own wording, so any change in it is an edit.
Paragraphs are aligned by their hashes, so
inserting one paragraph does not mark every later one as edited. Figures
are compared only when both versions have them (the figure list is part of
the pipeline, not of a review round).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from report.engagement.codebook import Role, all_questions, find_question, question, role_id
from report.engagement.active import current
from report.model import NOT_ANSWERED, Source, SourceKind
from report.dutch import capitalise
from report.dutch import count_words, sentences
from report.history.schema import (
    AnswerRecord, FactsheetRecord, FigureRecord, PilotRecord, ReportInfo, SectionRecord, Snapshot, SourceRecord,
)

MISSING = capitalise(NOT_ANSWERED)
_TOKEN = re.compile(r"\s*(?:\w+|[^\w\s])")


@dataclass(frozen=True)
class Version:
    title: str
    version: str
    status: str
    date: dt.date


@dataclass(frozen=True)
class AnswerChange:
    """One answer, as a reader sees it; None is "not answered". `source` says where the new value comes from."""

    question_id: str
    label: str
    old: str | None
    new: str | None
    source: str
    reason: str | None = None    # a correction's reason and review round


@dataclass(frozen=True)
class PilotAnswers:
    pilot_id: str
    name: str
    changes: tuple[AnswerChange, ...]


@dataclass(frozen=True)
class PilotRef:
    pilot_id: str
    name: str


@dataclass(frozen=True)
class CountChange:
    label: str
    old: int
    new: int


@dataclass(frozen=True)
class FigureChange:
    key: str
    number: int | None          # None: the figure is not placed in the text
    title: str
    counts: tuple[CountChange, ...]


@dataclass(frozen=True)
class Place:
    """A paragraph of the new report (of the old one when it was removed), counted from 1 in its section."""

    section_key: str
    section_number: str
    section_title: str
    paragraph: int
    chapter_title: str = ""     # the title of the chapter or annex the section is in


@dataclass(frozen=True)
class HeadingChange:
    section_key: str
    number: str
    old: str
    new: str


@dataclass(frozen=True)
class SentenceChange:
    place: Place
    old: str
    new: str


@dataclass(frozen=True)
class Words:
    kind: Literal["same", "deleted", "added"]
    text: str


@dataclass(frozen=True)
class ParagraphEdit:
    place: Place
    kind: Literal["edited", "added", "removed"]
    words: tuple[Words, ...]


@dataclass(frozen=True)
class FactsheetChange:
    pilot_id: str
    name: str
    labels: tuple[str, ...]     # the facts that changed, in factsheet order


@dataclass(frozen=True)
class ChangeLog:
    old: Version
    new: Version
    headings: tuple[HeadingChange, ...]
    answers: tuple[PilotAnswers, ...]
    pilots_added: tuple[PilotRef, ...]
    pilots_removed: tuple[PilotRef, ...]
    figures: tuple[FigureChange, ...]
    sentences: tuple[SentenceChange, ...]
    paragraphs: tuple[ParagraphEdit, ...]
    factsheets: tuple[FactsheetChange, ...]

    @property
    def title_changed(self) -> bool:
        return self.old.title != self.new.title

    @property
    def empty(self) -> bool:
        return not (self.title_changed or self.headings or self.answers or self.pilots_added
                    or self.pilots_removed or self.figures or self.sentences or self.paragraphs or self.factsheets)


def compare(old: Snapshot, new: Snapshot) -> ChangeLog:
    old_pilots, new_pilots = old.pilots, new.pilots
    both = [pid for pid in sorted(new_pilots) if pid in old_pilots]
    sentence_changes, edits = _narrative(old.sections, new.sections)
    return ChangeLog(
        old=_version(old.report),
        new=_version(new.report),
        headings=tuple(_headings(old.sections, new.sections)),
        answers=tuple(changes for pid in both
                      if (changes := _pilot_answers(pid, old_pilots[pid], new_pilots[pid])).changes),
        pilots_added=_refs(new_pilots, old_pilots),
        pilots_removed=_refs(old_pilots, new_pilots),
        figures=tuple(_figures(old.figures, new.figures)),
        sentences=tuple(sentence_changes),
        paragraphs=tuple(edits),
        factsheets=tuple(_factsheets(old.factsheets, new.factsheets)),
    )


def word_diff(old: str, new: str) -> tuple[Words, ...]:
    """The text of `new` in runs of kept, deleted and added words.

    Punctuation is a word of its own, so "momentopname." -> "momentopname voor
    iedereen." adds three words instead of replacing one. Each run keeps the
    space in front of its first word, so the runs join back into the text.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    chunks: list[Words] = []
    matcher = difflib.SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            chunks.append(Words("same", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            chunks.append(Words("deleted", "".join(a[i1:i2])))
        if j2 > j1:
            chunks.append(Words("added", "".join(b[j1:j2])))
    return tuple(chunks)


# ---------------------------------------------------------------- pilots and answers


def _version(report: ReportInfo) -> Version:
    return Version(report.title, report.version, report.status, report.date)


def _refs(pilots: Mapping[str, PilotRecord], other: Mapping[str, PilotRecord]) -> tuple[PilotRef, ...]:
    return tuple(PilotRef(pid, pilots[pid].name) for pid in sorted(pilots) if pid not in other)


def _pilot_answers(pilot_id: str, old: PilotRecord, new: PilotRecord) -> PilotAnswers:
    old_answers, new_answers = old.answers, new.answers
    order = {q.id: i for i, q in enumerate(all_questions())}
    qids = sorted(set(old_answers) | set(new_answers), key=lambda qid: (order.get(qid, len(order)), qid))
    changes = []
    for qid in qids:
        before, after = old_answers.get(qid), new_answers.get(qid)
        if _value(before) == _value(after):
            continue
        question = find_question(qid)
        changes.append(AnswerChange(qid, question.short_label if question else qid, _shown(before),
                                    _shown(after), _source_text((after or before).source),
                                    _reason(after)))
    return PilotAnswers(pilot_id, new.name, tuple(changes))


def _value(answer: AnswerRecord | None) -> object:
    return None if answer is None else answer.value


def _shown(answer: AnswerRecord | None) -> str | None:
    return None if answer is None else answer.shown


def _reason(answer: AnswerRecord | None) -> str | None:
    correction = answer and answer.correction
    return None if correction is None else f"{correction.reason} ({correction.round})"


def _source_text(source: SourceRecord) -> str:
    """"correctie (correcties.yaml, regel 12)", "vragenlijst (P07.xlsx, blad 'Vragenlijst', cel C14)"."""
    try:
        kind = SourceKind(source.kind)
    except ValueError:
        return source.kind
    return f"{source.kind} ({Source(kind, source.file, source.sheet, source.cell).describe()})"


# ---------------------------------------------------------------- figures


def _figures(old: Mapping[str, FigureRecord], new: Mapping[str, FigureRecord]) -> Iterator[FigureChange]:
    order = sorted(new, key=lambda key: (new[key].number is None, new[key].number or 0, key))
    for key in order:
        if key not in old:
            continue
        counts = tuple(_count_changes(old[key], new[key]))
        if counts:
            yield FigureChange(key, new[key].number, new[key].title, counts)


def _count_changes(old: FigureRecord, new: FigureRecord) -> Iterator[CountChange]:
    old_counts = {c.code: c.count for c in old.categories}
    new_codes = {c.code for c in new.categories}
    rows = [(c.label, old_counts.get(c.code, 0), c.count) for c in new.categories]
    rows += [(c.label, c.count, 0) for c in old.categories if c.code not in new_codes]
    rows.append((MISSING, old.not_answered, new.not_answered))
    yield from (CountChange(label, before, after) for label, before, after in rows if before != after)


# ---------------------------------------------------------------- narrative


Sections = Mapping[str, SectionRecord]


def _headings(old: Sections, new: Sections) -> Iterator[HeadingChange]:
    for key in sorted(new, key=lambda k: _reading_order(new[k].number)):
        if key in old and old[key].title != new[key].title:
            yield HeadingChange(key, new[key].number, old[key].title, new[key].title)


def _narrative(old: Sections, new: Sections) -> tuple[list[SentenceChange], list[ParagraphEdit]]:
    sentence_changes: list[SentenceChange] = []
    edits: list[ParagraphEdit] = []
    for key in sorted(set(old) | set(new), key=lambda k: _reading_order((new.get(k) or old[k]).number)):
        sections = new if key in new else old
        section = sections[key]
        chapter = _chapter(sections, section.number) or section
        place = Place(key, section.number, section.title, 0, chapter.title)
        found, edited = _section_changes(place, old.get(key), new.get(key))
        sentence_changes += found
        edits += edited
    return sentence_changes, edits


def _chapter(sections: Sections, number: str) -> SectionRecord | None:
    chapter = number.split(".")[0]
    return next((s for s in sections.values() if s.number == chapter), None)


def _section_changes(section: Place, old: SectionRecord | None,
                     new: SectionRecord | None) -> tuple[list[SentenceChange], list[ParagraphEdit]]:
    before = old.paragraphs if old else []
    after = new.paragraphs if new else []
    sentence_changes: list[SentenceChange] = []
    edits: list[ParagraphEdit] = []
    for i, j in _pairs([p.hash for p in before], [p.hash for p in after]):
        place = replace(section, paragraph=(i if j is None else j) + 1)
        if i is None:
            edits.append(ParagraphEdit(place, "added", (Words("added", after[j].text),)))
        elif j is None:
            edits.append(ParagraphEdit(place, "removed", (Words("deleted", before[i].text),)))
        else:
            old_text, new_text = before[i].text, after[j].text
            if before[i].box or after[j].box:
                found, edited = [], True
            else:
                found, edited = _sentence_changes(old_text, new_text)
            sentence_changes += (SentenceChange(place, o, n) for o, n in found)
            if edited:
                edits.append(ParagraphEdit(place, "edited", word_diff(old_text, new_text)))
    return sentence_changes, edits


def _pairs(a: Sequence[str], b: Sequence[str]) -> Iterator[tuple[int | None, int | None]]:
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            yield (i1 + k if i1 + k < i2 else None), (j1 + k if j1 + k < j2 else None)


def _sentence_changes(old: str, new: str) -> tuple[list[tuple[str, str]], bool]:
    """The sentence pairs whose numbers differ, and whether anything else in the paragraph changed."""
    a, b = sentences(old), sentences(new)
    changed, edited = [], False
    for i, j in _pairs(a, b):
        if i is not None and j is not None and count_words(a[i]) != count_words(b[j]):
            changed.append((a[i], b[j]))
        else:
            edited = True
    return changed, edited


def _reading_order(number: str) -> tuple:
    """Chapters and sections by their numbers ("2.10" after "2.9"), annexes after them."""
    parts = number.split(".")
    if all(part.isdigit() for part in parts):
        return (0, tuple(int(part) for part in parts), "")
    return (1, (), number)


# ---------------------------------------------------------------- factsheets


def _factsheets(old: Mapping[str, FactsheetRecord], new: Mapping[str, FactsheetRecord]) -> Iterator[FactsheetChange]:
    both = [pid for pid in new if pid in old]
    for pid in sorted(both, key=lambda p: (new[p].title.casefold(), p)):
        labels = _changed_facts(old[pid], new[pid])
        if labels:
            yield FactsheetChange(pid, new[pid].title, labels)


def _changed_facts(old: FactsheetRecord, new: FactsheetRecord) -> tuple[str, ...]:
    def facts(sheet: FactsheetRecord) -> dict[tuple[str, str], tuple[str, str]]:
        return {(f.group, f.label): (f.value, f.origin) for f in sheet.facts}

    before, after = facts(old), facts(new)
    keys = list(after) + [key for key in before if key not in after]
    labels = [key[1] for key in keys if before.get(key) != after.get(key)]
    if old.title != new.title:
        labels.insert(0, question(role_id(Role.NAME)).short_label)
    if old.case != new.case and current().case is not None:
        labels.append(question(current().case.story).short_label)
    return tuple(dict.fromkeys(labels))
