"""Turn a ChangeLog into the Dutch Markdown list that goes to the client with a new concept.

One summary line first, then one heading per group that has changes, in the
order a reader checks them: title and headings, answers, pilots, figures,
sentences, paragraphs, factsheets. This is the team's list: it names sources
(file, sheet, cell). Paragraph edits are word diffs, deleted words in
<del>…</del> and added words in <ins>…</ins>: inline HTML, because
CommonMark's `**`/`~~` do not open or close next to punctuation ("bureau**;
sinds**" shows its asterisks) and `~~` is not CommonMark at all. The client's
version of the list is report.history.client.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby

from report.history.changes import (
    AnswerChange, ChangeLog, FigureChange, HeadingChange, ParagraphEdit, PilotAnswers, Place, SentenceChange,
    Version, Words, word_diff,
)
from report.dutch import counted, enumeration, long_date
from report.model import NOT_ANSWERED

ARROW = "→"
NOTHING_CHANGED = "er is niets gewijzigd in de titel, de koppen, de antwoorden, de figuren, de tekst en de factsheets"
LONG_ANSWER_WORDS = 12      # longer text answers are shown as a word diff
_SPECIAL = "\\`*_~[]<>#|"


def render_markdown(log: ChangeLog) -> str:
    old, new = log.old, log.new
    lines = [
        f"# Wijzigingen binnen versie {new.version}" if old.version == new.version
        else f"# Wijzigingen van versie {old.version} naar versie {new.version}",
        "",
        f"*{_escape(new.title)}*, {_version(old)} {ARROW} {_version(new)}",
        "",
        summary(log),
        *_headings(log),
        *_answers(log.answers),
        *_pilots(log),
        *_figures(log.figures),
        *_sentences(log.sentences),
        *_paragraphs(log.paragraphs),
        *_factsheets(log),
    ]
    return "\n".join(lines) + "\n"


def summary(log: ChangeLog) -> str:
    """One Dutch sentence that counts every group with changes."""
    found = summary_parts(log)
    if not found:
        return f"**Samenvatting:** {NOTHING_CHANGED}."
    return f"**Samenvatting:** {enumeration(found)}."


def summary_parts(log: ChangeLog) -> list[str]:
    """Each group with changes, counted: "één gewijzigd antwoord bij één pilot", "drie bewerkte alinea's"."""
    answers = sum(len(p.changes) for p in log.answers)
    parts = [
        log.title_changed and "een nieuwe titel",
        log.headings and counted(len(log.headings), "gewijzigde kop", "gewijzigde koppen"),
        answers and f"{counted(answers, 'gewijzigd antwoord', 'gewijzigde antwoorden')} bij "
                    f"{counted(len(log.answers), 'pilot', 'pilots')}",
        log.pilots_added and counted(len(log.pilots_added), "nieuwe pilot", "nieuwe pilots"),
        log.pilots_removed and counted(len(log.pilots_removed), "vervallen pilot", "vervallen pilots"),
        log.figures and counted(len(log.figures), "figuur", "figuren") + " met andere aantallen",
        log.sentences and counted(len(log.sentences), "zin", "zinnen") + " met andere getallen",
        log.paragraphs and counted(len(log.paragraphs), "bewerkte alinea", "bewerkte alinea's"),
        log.factsheets and counted(len(log.factsheets), "gewijzigde factsheet", "gewijzigde factsheets"),
    ]
    return [part for part in parts if part]


def _version(version: Version) -> str:
    return f"versie {version.version} ({version.status}, {long_date(version.date)})"


def _group(title: str, items: Sequence) -> list[str]:
    return ["", f"## {title}"] if items else []


# ---------------------------------------------------------------- groups


def _headings(log: ChangeLog) -> Iterator[str]:
    yield from _group("Titel en koppen", log.headings or log.title_changed)
    if log.title_changed or log.headings:
        yield ""
    if log.title_changed:
        yield f"- Titel: {_escape(log.old.title)} {ARROW} {_escape(log.new.title)}"
    yield from (f"- {heading_label(h)}: {_escape(h.old)} {ARROW} {_escape(h.new)}" for h in log.headings)


def _answers(pilots: Sequence[PilotAnswers]) -> Iterator[str]:
    yield from _group("Gewijzigde antwoorden", pilots)
    for pilot in pilots:
        yield from ("", f"### {_escape(pilot.name)} ({_escape(pilot.pilot_id)})", "")
        yield from (_answer(change) for change in pilot.changes)


def _answer(change: AnswerChange) -> str:
    """One line: the question, old → new (a word diff for long texts), and the source of the new value."""
    label = f"- **{change.question_id} {_escape(change.label)}**"
    if change.old and change.new and max(len(change.old.split()), len(change.new.split())) > LONG_ANSWER_WORDS:
        shown = _diff(word_diff(change.old, change.new))
    else:
        shown = f"{_value(change.old)} {ARROW} {_value(change.new)}"
    reason = f"; reden: {_escape(change.reason)}" if change.reason else ""
    return f"{label}: {shown} (bron: {_escape(change.source)}{reason})"


def _value(text: str | None) -> str:
    return f"*{NOT_ANSWERED}*" if text is None else _escape(text)


def _pilots(log: ChangeLog) -> Iterator[str]:
    yield from _group("Nieuwe en vervallen pilots", log.pilots_added + log.pilots_removed)
    if log.pilots_added or log.pilots_removed:
        yield ""
    for label, pilots in (("Nieuw", log.pilots_added), ("Vervallen", log.pilots_removed)):
        yield from (f"- {label}: {_escape(p.name)} ({_escape(p.pilot_id)})" for p in pilots)


def _figures(figures: Sequence[FigureChange]) -> Iterator[str]:
    yield from _group("Figuren met andere aantallen", figures)
    for figure in figures:
        number = f"Figuur {figure.number}" if figure.number else "Figuur (niet in de tekst)"
        yield from ("", f"### {number}. {_escape(figure.title)}", "")
        yield from (f"- {_escape(c.label)}: {c.old} {ARROW} {c.new}" for c in figure.counts)


def _sentences(changes: Sequence[SentenceChange]) -> Iterator[str]:
    yield from _group("Zinnen met andere getallen", changes)
    for place, group in groupby(changes, key=lambda change: _section_key(change.place)):
        yield from ("", f"### {place}", "")
        for change in group:
            yield f"- Alinea {change.place.paragraph}"
            yield f"  - was: {_escape(change.old)}"
            yield f"  - wordt: {_escape(change.new)}"
            yield f"  - verschil: {_diff(word_diff(change.old, change.new))}"     # a word edited beside the numbers too


def _paragraphs(edits: Sequence[ParagraphEdit]) -> Iterator[str]:
    yield from _group("Bewerkte alinea's", edits)
    for place, group in groupby(edits, key=lambda edit: _section_key(edit.place)):
        yield from ("", f"### {place}")
        for edit in group:
            kind = {"edited": "", "added": " (nieuw)", "removed": " (vervallen)"}[edit.kind]
            yield from ("", f"*Alinea {edit.place.paragraph}{kind}:* {_diff(edit.words)}")


def _factsheets(log: ChangeLog) -> Iterator[str]:
    yield from _group("Gewijzigde factsheets (bijlage)", log.factsheets)
    if log.factsheets:
        yield ""
    for sheet in log.factsheets:
        yield f"- {_escape(sheet.name)} ({_escape(sheet.pilot_id)}): {_escape(enumeration(sheet.labels))}"


# ---------------------------------------------------------------- text


def _section_key(place: Place) -> str:
    return f"{_escape(place.section_number)} {_escape(place.section_title)}"


def heading_label(heading: HeadingChange) -> str:
    """"Hoofdstuk 2", "Paragraaf 2.1", "Bijlage A": how a reader names a numbered heading."""
    number = heading.number
    if not number[:1].isdigit():
        return f"Bijlage {number}"
    return f"{'Paragraaf' if '.' in number else 'Hoofdstuk'} {number}"


def _diff(words: Iterable[Words]) -> str:
    marks = {"same": "{}", "deleted": "<del>{}</del>", "added": "<ins>{}</ins>"}
    out = []
    for chunk in words:
        space = " " if chunk.text[:1].isspace() else ""
        out.append(space + marks[chunk.kind].format(_escape(chunk.text)))
    return "".join(out).strip()


def _escape(text: str) -> str:
    """Plain text as Markdown shows it literally: on one line, markup characters escaped."""
    flat = " ".join(text.split())
    return "".join(f"\\{char}" if char in _SPECIAL else char for char in flat)
