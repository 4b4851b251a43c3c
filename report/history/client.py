"""Turn a ChangeLog into the client's change list: a Document the report's own writers lay out in the house style.

The team's Markdown (report.history.markdown) names sources, files and cells;
the reflection group needs none of that. This list says, in plain Dutch, what
changed and where a reader finds it: chapter and section by number and title,
the page in the new report when the build made a PDF, and every edit as a word
diff whose added and deleted words are marked (Text.edit): tracked changes
in the DOCX, announced in the text of the PDF. Because it is a
report.document.Document, the DOCX and the PDF come from the same writers,
cover, fonts and colours as the report itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping

from report.document import (
    Block, Document, Edit, Inlines, ListBlock, ListItem, Metadata, Numbering, Paragraph, Section, Text,
)
from report.dutch import capitalise, enumeration, long_date
from report.history.changes import ChangeLog, Place, Version, Words, word_diff
from report.history.markdown import ARROW, LONG_ANSWER_WORDS, NOTHING_CHANGED, heading_label, summary_parts

Pages = Mapping[tuple[str, str], int]      # ("section" | "figure" | "factsheet", key) -> page in the new report
MISSING = "niet ingevuld"
_EDIT = {"same": None, "added": Edit.ADDED, "deleted": Edit.DELETED}


def client_document(log: ChangeLog, meta: Metadata, pages: Pages | None = None) -> Document:
    """The change list as a small report: one chapter, a summary, then one section per group with changes."""
    pages = pages or {}
    old, new = log.old, log.new
    groups = [
        ("titel-en-koppen", "Titel en koppen", list(_headings(log, pages))),
        ("getallen", "Andere getallen in de tekst", list(_sentences(log, pages))),
        ("tekst", "Bewerkte tekst", list(_paragraphs(log, pages))),
        ("antwoorden", "Gewijzigde antwoorden van pilots", list(_answers(log))),
        ("pilots", "Nieuwe en vervallen pilots", list(_pilots(log))),
        ("figuren", "Figuren met andere aantallen", list(_figures(log, pages))),
        ("factsheets", "Gewijzigde factsheets", list(_factsheets(log, pages))),
    ]
    sections = tuple(Section(f"wijzigingen-{key}", f"1.{number}", title, 2, tuple(blocks))
                     for number, (key, title, blocks) in enumerate(((k, t, b) for k, t, b in groups if b), start=1))
    title = (f"Wijzigingen binnen versie {new.version}" if old.version == new.version
             else f"Wijzigingen van versie {old.version} naar versie {new.version}")
    return Document(
        meta=dataclasses.replace(meta, title=title, subtitle=new.title, subject=f"{title} van {new.title}",
                                 version=new.version, status=new.status, date=new.date,
                                 colophon_note=f"Dit overzicht hoort bij {_version(new)} van {new.title}.",
                                 history=()),
        chapters=(Section("wijzigingen", "1", "Wat is er veranderd", 1, tuple(_summary(log)), sections),),
    )


# ---------------------------------------------------------------- chapters


def _summary(log: ChangeLog) -> Iterator[Block]:
    yield _paragraph(f"Dit overzicht zet op een rij wat er in het rapport {log.new.title} is veranderd van "
                     f"{_version(log.old)} naar {_version(log.new)}.")
    parts = summary_parts(log)
    yield _paragraph(capitalise(f"{enumeration(parts)}." if parts else f"{NOTHING_CHANGED}."))
    if log.sentences or log.paragraphs or log.answers:
        yield _paragraph("Bij bewerkte tekst staat wat verviel en wat erbij kwam als wijziging in de tekst: in "
                         "Word als bijgehouden wijziging (tabblad Controleren), in de PDF met ‘verwijderd:’ en "
                         "‘toegevoegd:’ ervoor.")


def _headings(log: ChangeLog, pages: Pages) -> Iterator[Block]:
    items = []
    if log.title_changed:
        items.append(_item("Titel van het rapport", _change(log.old.title, log.new.title)))
    for heading in log.headings:
        page = _page(pages, "section", heading.section_key)
        items.append(_item(heading_label(heading) + page, _change(heading.old, heading.new)))
    if items:
        yield _list(items)


def _sentences(log: ChangeLog, pages: Pages) -> Iterator[Block]:
    if log.sentences:
        yield _paragraph("Deze zinnen noemen nu andere aantallen, omdat antwoorden van pilots zijn veranderd.")
        yield _list(_item(_where(change.place, pages), _diff(word_diff(change.old, change.new)))
                    for change in log.sentences)


def _paragraphs(log: ChangeLog, pages: Pages) -> Iterator[Block]:
    kinds = {"edited": "", "added": ", nieuwe alinea", "removed": ", vervallen alinea"}
    if log.paragraphs:
        yield _list(_item(_where(edit.place, pages) + kinds[edit.kind], _diff(edit.words))
                    for edit in log.paragraphs)


def _answers(log: ChangeLog) -> Iterator[Block]:
    items = []
    for pilot in log.answers:
        for change in pilot.changes:
            old, new = change.old, change.new
            long = old and new and max(len(old.split()), len(new.split())) > LONG_ANSWER_WORDS
            shown = _diff(word_diff(old, new)) if long else _change(old or MISSING, new or MISSING)
            reason = (Text(f". Reden: {change.reason}."),) if change.reason else ()
            items.append(_item(f"{pilot.name}: {change.label}", shown + reason))
    if items:
        yield _list(items)


def _pilots(log: ChangeLog) -> Iterator[Block]:
    items = [_item(label, (Text(pilot.name),))
             for label, pilots in (("Nieuw", log.pilots_added), ("Vervallen", log.pilots_removed)) for pilot in pilots]
    if items:
        yield _list(items)


def _figures(log: ChangeLog, pages: Pages) -> Iterator[Block]:
    items = []
    for figure in log.figures:
        name = f"Figuur {figure.number}" if figure.number else "Figuur (niet in de tekst)"
        counts = "; ".join(f"{c.label}: {c.old} {ARROW} {c.new}" for c in figure.counts)
        items.append(_item(f"{name}. {figure.title}{_page(pages, 'figure', figure.key)}", (Text(counts + "."),)))
    if items:
        yield _list(items)


def _factsheets(log: ChangeLog, pages: Pages) -> Iterator[Block]:
    if log.factsheets:
        yield _paragraph("In de bijlage met factsheets zijn deze gegevens veranderd.")
        yield _list(_item(sheet.name + _page(pages, "factsheet", sheet.pilot_id),
                          (Text(capitalise(enumeration(sheet.labels)) + "."),))
                    for sheet in log.factsheets)


# ---------------------------------------------------------------- text


def _where(place: Place, pages: Pages) -> str:
    """"Paragraaf 2.1 Thema's (hoofdstuk 2 Bevindingen), pagina 7, alinea 1": how a reader finds a paragraph."""
    number = place.section_number
    if not number[:1].isdigit():
        section = f"{number} {place.section_title}"
    elif "." in number:
        chapter = number.split(".")[0]
        section = f"Paragraaf {number} {place.section_title} (hoofdstuk {chapter} {place.chapter_title})"
    else:
        section = f"Hoofdstuk {number} {place.section_title}"
    return f"{section}{_page(pages, 'section', place.section_key)}, alinea {place.paragraph}"


def _page(pages: Pages, kind: str, key: str) -> str:
    page = pages.get((kind, key))
    return "" if page is None else f", pagina {page}"


def _version(version: Version) -> str:
    return f"versie {version.version} ({version.status}, {long_date(version.date)})"


def _diff(words: Iterable[Words]) -> Inlines:
    """The word diff as marked text; spaces stay unmarked, and a deleted word and the added one after it
    get a space between them, so "Zes" struck and "Vijf" underlined do not run together."""
    inlines: list[Text] = []
    for chunk in words:
        edit = _EDIT[chunk.kind]
        text = chunk.text.lstrip() if edit else chunk.text
        if edit and (text != chunk.text or (inlines and inlines[-1].edit is Edit.DELETED)):
            inlines.append(Text(" "))
        inlines.append(Text(text, edit=edit))
    return tuple(inlines)


def _change(old: str, new: str) -> Inlines:
    return (Text(old, edit=Edit.DELETED), Text(f" {ARROW} "), Text(new, edit=Edit.ADDED))


def _item(lead: str, content: Inlines) -> ListItem:
    return ListItem((Text(lead),), _strip(content))


def _strip(content: Inlines) -> Inlines:
    """The first text without the space the word diff keeps in front of it."""
    if content and isinstance(content[0], Text):
        return (dataclasses.replace(content[0], text=content[0].text.lstrip()),) + content[1:]
    return content


def _list(items: Iterable[ListItem]) -> ListBlock:
    return ListBlock(Numbering.BULLET, tuple(items))


def _paragraph(text: str) -> Paragraph:
    return Paragraph((Text(text),))
