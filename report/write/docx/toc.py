"""Turn the document's outline into a Word table of contents that is never empty.

The TOC is a real TOC field, so Word rebuilds it when asked to. Its cached
result, which every reader shows without updating a field, holds the entries
of the shared outline (report.document.outline, the same as the PDF's contents
page): each a link to its heading's bookmark, with a PAGEREF field whose
cached result is the heading's page (report.write.docx.pages).

The page numbers stand in a column of their own at the right margin. A
title too long for one line would run on into that column (Word and
LibreOffice wrap only at the margin, and LibreOffice drops a number whose
tab stop lies beyond a right indent), so the cached title is broken into
lines at words, measured in the house font, that end before the column;
the lines continue under the title's first word.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn

from report.document import Document
from report.style import HOUSE_STYLE
from report.word_template import styles as S
from report.write.docx.canvas import Canvas, paragraph
from report.write.docx.fitting import wrapped
from report.write.docx.pages import Pages
from report.write.docx.xml import el, field_end, field_runs, field_start, hyperlink, run, tab
from report.document.outline import TOC_DEPTH, OutlineEntry, outline

TOC_FIELD = f'TOC \\o "1-{TOC_DEPTH}" \\h \\z \\u'
_PAGEREF = re.compile(r" PAGEREF (\S+) \\h ")
NUMBER_COLUMN_MM = 8.0      # the page numbers' column at the right margin, kept clear of titles
_TWIPS_PER_MM = 1440 / 25.4


def write_toc(canvas: Canvas, container, document: Document, pages: Pages) -> None:
    entries = outline(document)
    if not entries:
        paragraph(container, S.TOC_LEVELS[0]).extend([*field_start(TOC_FIELD), field_end()])
        return
    for index, entry in enumerate(entries):
        p = paragraph(container, S.TOC_LEVELS[entry.level - 1])
        if index == 0:
            p.extend(field_start(TOC_FIELD))
        target = canvas.target(entry.kind, entry.key)
        p.append(hyperlink(target, [*_title_runs(entry, p), tab(),
                                    *field_runs(f"PAGEREF {target} \\h",
                                                str(pages[(entry.kind, entry.key)]))]))
        if index == len(entries) - 1:
            p.append(field_end())


def set_toc_pages(body, pages: dict[str, int]) -> None:
    """Give each contents entry in `body` the page of its heading's bookmark (`pages`), as the cached
    result of its PAGEREF field: the one thing that differs from the contents as written first."""
    for instruction in body.iter(qn("w:instrText")):
        found = _PAGEREF.fullmatch(instruction.text or "")
        if found is None or found[1] not in pages:
            continue
        for following in instruction.getparent().itersiblings(qn("w:r")):
            text = following.find(qn("w:t"))
            if text is not None:
                text.text = str(pages[found[1]])
                break


def _title_runs(entry: OutlineEntry, p) -> list:
    """As Word lists the heading: a section number before a tab, an annex's in its text;
    the title in lines that stay clear of the page numbers' column."""
    look = S.word_house_style().by_id[S.TOC_LEVELS[entry.level - 1]]
    indent, hanging = look.paragraph.indent or 0.0, look.paragraph.hanging or 0.0
    title = entry.title if entry.numbered else f"{entry.number} {entry.title}".strip()
    start = indent if entry.numbered else indent - hanging
    room = S.text_width_mm() - start - NUMBER_COLUMN_MM
    lines = wrapped(title, room, HOUSE_STYLE.sizes.body, bold=bool(look.run.bold))
    runs = [run(children=[el("br")]) if n % 2 else run(lines[n // 2]) for n in range(2 * len(lines) - 1)]
    if entry.numbered:
        return [run(entry.number), tab(), *runs]
    if len(lines) > 1:      # continued under the title, which starts where the hanging number would
        p.pPr.append(el("ind", left=round(start * _TWIPS_PER_MM), hanging=0))
    return runs
