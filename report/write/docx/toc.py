"""Turn the document's outline into a Word table of contents that is never empty.

The TOC is a real TOC field, so Word rebuilds it when asked to. Its cached
result, which every reader shows without updating a field, holds the entries
of the shared outline (report.document.outline, the same as the PDF's contents
page): each a link to its heading's bookmark, with a PAGEREF field whose
cached result is the heading's page (report.write.docx.pages).
"""

from __future__ import annotations

from report.document import Document
from report.word_template import styles as S
from report.write.docx.canvas import Canvas, paragraph
from report.write.docx.pages import Pages
from report.write.docx.xml import field_end, field_runs, field_start, hyperlink, run, tab
from report.document.outline import TOC_DEPTH, OutlineEntry, outline

TOC_FIELD = f'TOC \\o "1-{TOC_DEPTH}" \\h \\z \\u'


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
        p.append(hyperlink(target, [*_title_runs(entry), tab(),
                                    *field_runs(f"PAGEREF {target} \\h",
                                                str(pages[(entry.kind, entry.key)]))]))
        if index == len(entries) - 1:
            p.append(field_end())


def _title_runs(entry: OutlineEntry) -> list:
    """As Word lists the heading: a section number before a tab, an annex's in its text."""
    if entry.numbered:
        return [run(entry.number), tab(), run(entry.title)]
    return [run(f"{entry.number} {entry.title}".strip())]
