"""Turn a Document into readable, indented text: the golden file reviewers diff.

Like Pandoc's native format, the dump shows what the report says and how it
is structured (numbers, headings, inline styles, references, boxes, facts
and their origin), never how it looks, so a change in the inputs or the
texts shows up as a small, reviewable diff. File paths of charts are left
out: they differ per build.
"""

from __future__ import annotations

from collections.abc import Iterator

from report.document import (
    Annex, Block, CaseBox, Document, Fact, Factsheet, Figure, FigureRef, Footnote, InfoBox, Inlines,
    ListBlock, Numbering, Paragraph, Section, SectionRef, Text,
)
from report.dutch import long_date

INDENT = "  "


def dump(document: Document) -> str:
    return "\n".join(_document(document)) + "\n"


def _document(document: Document) -> Iterator[str]:
    meta = document.meta
    yield f"RAPPORT {meta.title}"
    yield f"{INDENT}ondertitel: {meta.subtitle}"
    yield f"{INDENT}opdrachtgever: {meta.client}"
    yield f"{INDENT}auteurs: {'; '.join(meta.authors)}"
    yield f"{INDENT}organisatie: {meta.organisation}"
    yield f"{INDENT}versie {meta.version}, {meta.status}, {long_date(meta.date)}"
    for entry in meta.history:
        yield f"{INDENT}versiegeschiedenis: {entry.version} ({long_date(entry.date)}) {entry.change}"
    if meta.colophon_note:
        yield f"{INDENT}colofon: {meta.colophon_note}"
    for chapter in document.chapters:
        yield from _section(chapter, 0)
    for annex in document.annexes:
        yield from _annex(annex)


def _section(section: Section, depth: int) -> Iterator[str]:
    pad = INDENT * depth
    yield ""
    yield f"{pad}{'#' * section.level} {section.number} {section.title}  {{#{section.key}}}"
    for block in section.blocks:
        yield from _block(block, depth + 1)
    for child in section.children:
        yield from _section(child, depth + 1)


def _block(block: Block, depth: int) -> Iterator[str]:
    pad = INDENT * depth
    match block:
        case Paragraph(content):
            yield f"{pad}¶ {_inlines(content)}"
        case ListBlock(numbering, items):
            for index, item in enumerate(items):
                lead = f"**{_inlines(item.lead)}** " if item.lead else ""
                yield f"{pad}{_marker(numbering, index)} {lead}{_inlines(item.content)}"
        case Figure():
            yield f"{pad}[Figuur {block.number}. {block.title}]  ({block.key})"
            yield f"{pad}{INDENT}alt: {block.alt_text}"
            if block.note:
                yield f"{pad}{INDENT}noot: {block.note}"
        case CaseBox():
            yield from _case(block, depth)
        case InfoBox(title, blocks, source):
            yield f"{pad}[Kader: {title}]"
            for inner in blocks:
                yield from _block(inner, depth + 1)
            yield f"{pad}{INDENT}{source}"


def _case(case: CaseBox, depth: int) -> Iterator[str]:
    pad = INDENT * depth
    yield f"{pad}[Casus: {case.title}]  (pilot {case.pilot_id})"
    for paragraph in case.paragraphs:
        yield f"{pad}{INDENT}¶ {_inlines(paragraph.content)}"


def _annex(annex: Annex) -> Iterator[str]:
    yield ""
    yield f"BIJLAGE {annex.letter} {annex.title}  {{#{annex.key}}}"
    for block in annex.blocks:
        yield from _block(block, 1)
    for sheet in annex.factsheets:
        yield from _factsheet(sheet)


def _factsheet(sheet: Factsheet) -> Iterator[str]:
    yield ""
    yield f"{INDENT}FACTSHEET {sheet.title}  ({sheet.pilot_id})"
    for fact in sheet.header + sheet.tags:
        yield f"{INDENT * 2}{_fact(fact)}"
    for section in sheet.sections:
        yield f"{INDENT * 2}{section.title}"
        for fact in section.facts:
            yield f"{INDENT * 3}{_fact(fact)}"
        if section.case:
            yield from _case(section.case, 3)


def _fact(fact: Fact) -> str:
    value = " / ".join(fact.value.splitlines())
    return f"{fact.label}: {value}  [{fact.origin_label}]"


def _inlines(inlines: Inlines) -> str:
    return "".join(_inline(inline) for inline in inlines)


def _inline(inline) -> str:
    match inline:
        case Text(text, bold, italic):
            if bold:
                text = f"**{text}**"
            return f"*{text}*" if italic else text
        case Footnote(number, content):
            return f"[^{number}: {_inlines(content)}]"
        case FigureRef(key, number, label):
            return f"<{label} {number}|{key}>"
        case SectionRef(key, number, label):
            return f"<{label} {number}|{key}>"
    raise TypeError(f"onbekend inline-element: {inline!r}")


def _marker(numbering: Numbering, index: int) -> str:
    if numbering is Numbering.BULLET:
        return "-"
    if numbering is Numbering.ROMAN:
        return f"{_roman(index + 1)}."
    return f"{chr(ord('a') + index)}."


def _roman(n: int) -> str:
    numerals = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for value, numeral in numerals:
        while n >= value:
            out += numeral
            n -= value
    return out
