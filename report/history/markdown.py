"""Turn a ChangeLog into the Dutch Markdown list that goes to the client with a new concept.

One summary line first, then one heading per group that has changes, in the
order a reader checks them: answers, pilots, figures, sentences, paragraphs,
factsheets. Paragraph edits are word diffs: deleted words ~~struck~~, added
words **bold**, so the list reads without the old report at hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby

from report.history.changes import (
    AnswerChange, ChangeLog, FigureChange, ParagraphEdit, PilotAnswers, Place, SentenceChange, Version, Words,
    word_diff,
)
from report.dutch import counted, enumeration, long_date
from report.model import NOT_ANSWERED

ARROW = "→"
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
    answers = sum(len(p.changes) for p in log.answers)
    parts = [
        answers and f"{counted(answers, 'gewijzigd antwoord', 'gewijzigde antwoorden')} bij "
                    f"{counted(len(log.answers), 'pilot', 'pilots')}",
        log.pilots_added and counted(len(log.pilots_added), "nieuwe pilot", "nieuwe pilots"),
        log.pilots_removed and counted(len(log.pilots_removed), "vervallen pilot", "vervallen pilots"),
        log.figures and counted(len(log.figures), "figuur", "figuren") + " met andere aantallen",
        log.sentences and counted(len(log.sentences), "zin", "zinnen") + " met andere getallen",
        log.paragraphs and counted(len(log.paragraphs), "bewerkte alinea", "bewerkte alinea's"),
        log.factsheets and counted(len(log.factsheets), "gewijzigde factsheet", "gewijzigde factsheets"),
    ]
    found = [part for part in parts if part]
    if not found:
        return "**Samenvatting:** er is niets gewijzigd in de antwoorden, de figuren, de tekst en de factsheets."
    return f"**Samenvatting:** {enumeration(found)}."


def _version(version: Version) -> str:
    return f"versie {version.version} ({version.status}, {long_date(version.date)})"


def _group(title: str, items: Sequence) -> list[str]:
    return ["", f"## {title}"] if items else []


# ---------------------------------------------------------------- groups


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


def _diff(words: Iterable[Words]) -> str:
    marks = {"same": "{}", "deleted": "~~{}~~", "added": "**{}**"}
    out = []
    for chunk in words:
        space = " " if chunk.text[:1].isspace() else ""
        out.append(space + marks[chunk.kind].format(_escape(chunk.text)))
    return "".join(out).strip()


def _escape(text: str) -> str:
    """Plain text as Markdown shows it literally: on one line, markup characters escaped."""
    flat = " ".join(text.split())
    return "".join(f"\\{char}" if char in _SPECIAL else char for char in flat)
