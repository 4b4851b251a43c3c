"""The rendered template the writer appends to, and what it must keep count of.

Bookmark and footnote ids, list restarts and the names of cross-reference
targets live here, so the block writers stay small functions of (canvas,
container, block). Every id is counted from the document in writing order,
which keeps the output byte-for-byte repeatable.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.table import Table
from docx.text.paragraph import Paragraph as WordParagraph

from report.document import Document, Section
from report.write import docx_styles as S
from report.write.docx_package import footnotes_part
from report.write.docx_xml import el


@dataclass
class Canvas:
    word: WordDocument
    targets: dict[tuple[str, str], str]       # (kind, key) -> bookmark name
    text_width: Emu
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _footnote_ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _abstract_by_style: dict[str, str] = field(default_factory=dict)

    @classmethod
    def open(cls, word: WordDocument, document: Document) -> "Canvas":
        section = word.sections[-1]
        width = Emu(section.page_width - section.left_margin - section.right_margin)
        return cls(word, bookmark_targets(document), width)

    # ------------------------------------------------------------ ids and targets

    def next_id(self) -> int:
        return next(self._ids)

    def target(self, kind: str, key: str) -> str:
        return self.targets[(kind, key)]

    # ------------------------------------------------------------ footnotes

    def add_footnote(self, paragraph) -> int:
        """Store a finished footnote paragraph in the footnotes part; returns its id."""
        number = next(self._footnote_ids)
        footnotes_part(self.word).element.append(el("footnote", [paragraph], id=str(number)))
        return number

    # ------------------------------------------------------------ lists

    def restarted_list(self, style_id: str) -> int:
        """A new numId for the list style's numbering that starts again at 1 (a., i.)."""
        numbering = self.word.part.numbering_part.element
        abstract = self._abstract_for(style_id, numbering)
        num_id = 1 + max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num")))
        numbering.append(el("num", [
            el("abstractNumId", val=abstract),
            el("lvlOverride", [el("startOverride", val="1")], ilvl="0"),
        ], numId=str(num_id)))
        return num_id

    def _abstract_for(self, style_id: str, numbering) -> str:
        if style_id not in self._abstract_by_style:
            style = self.word.styles.element.get_by_id(style_id)
            num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
            num = next(n for n in numbering.findall(qn("w:num"))
                       if n.get(qn("w:numId")) == num_id)
            self._abstract_by_style[style_id] = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        return self._abstract_by_style[style_id]


def paragraph(container, style_id: str, text: str = "") -> WordParagraph:
    """A paragraph in a named style at the end of `container` (body, cell, header)."""
    result = container.add_paragraph(text)
    result._p.get_or_add_pPr().style = style_id
    return result


def first_paragraph(cell, style_id: str) -> WordParagraph:
    """The paragraph every new cell already holds, put in a named style."""
    result = cell.paragraphs[0]
    result._p.get_or_add_pPr().style = style_id
    return result


def table(container, style_id: str, widths: list[Emu], rows: int = 1, *,
          header: bool = False, keep_together: bool = False) -> Table:
    """A table in a named table style with fixed column widths."""
    result = container.add_table(rows, len(widths))
    tbl_pr = result._tbl.tblPr
    tbl_pr.style = style_id
    tbl_pr.replace(tbl_pr.find(qn("w:tblLook")), table_look(header))
    for column, width in zip(result.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width
    if keep_together:
        for row in result.rows:
            row._tr.get_or_add_trPr().append(el("cantSplit"))
    return result


def table_look(header: bool):
    """Which conditional parts of the table style apply: only the first row, if asked."""
    return el("tblLook", val="0420" if header else "0400", firstRow="1" if header else "0",
              lastRow="0", firstColumn="0", lastColumn="0", noHBand="0", noVBand="1")


# ---------------------------------------------------------------- cross-reference targets


def bookmark_targets(document: Document) -> dict[tuple[str, str], str]:
    """Bookmark names for every heading, annex and factsheet, known before writing starts."""
    names: dict[tuple[str, str], str] = {}

    def walk(sections: tuple[Section, ...]) -> None:
        for section in sections:
            names[("section", section.key)] = f"_Kop{len(names) + 1}"
            walk(section.children)

    walk(document.chapters)
    for annex in document.annexes:
        names[("annex", annex.key)] = f"_Bijlage{len(names) + 1}"
        for sheet in annex.factsheets:
            names[("factsheet", sheet.pilot_id)] = f"_Factsheet{len(names) + 1}"
    return names


def figure_target(number: int) -> str:
    return f"_Figuur{number}"
