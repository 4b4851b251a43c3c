"""Turn the rendered template into the canvas the writer writes into, keeping count of ids.

Bookmark, drawing and footnote ids, list restarts and the names of
cross-reference targets live here, so the block writers stay small functions
of (canvas, container, block). Containers are plain lxml elements (a detached
body fragment, a table cell): building WordprocessingML directly is many times
faster than python-docx's object layer, which matters for an annex of hundreds
of factsheets. Every id is counted in writing order, so output is repeatable.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from pathlib import Path

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.shared import Emu

from report.document import Document, Factsheet
from report.word_template import styles as S
from report.write.docx.package import footnotes_part
from report.write.docx.sources import SourceMap
from report.write.docx.xml import el, run, svg_extension, twips_emu

SVG_CONTENT_TYPE = "image/svg+xml"
from report.document.outline import outline


@dataclass
class Canvas:
    word: WordDocument
    targets: dict[tuple[str, str], str]       # (kind, key) -> bookmark name
    annex_keys: frozenset[str]
    text_width: Emu
    _drawing_ids: itertools.count
    sources: SourceMap = field(default_factory=lambda: SourceMap({}))
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _footnote_ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _abstract_by_style: dict[str, str] = field(default_factory=dict)
    revision_date: str = ""                   # when a word diff's tracked changes were made: the document's date

    @classmethod
    def open(cls, word: WordDocument, document: Document) -> "Canvas":
        section = word.sections[-1]
        width = Emu(section.page_width - section.left_margin - section.right_margin)
        used = [int(i) for i in word.element.xpath("//@id") if i.isdigit()]
        return cls(word, bookmark_targets(document),
                   frozenset(annex.key for annex in document.annexes), width,
                   itertools.count(max(used, default=0) + 1),
                   SourceMap.of(document), revision_date=f"{document.meta.date.isoformat()}T00:00:00Z")

    # ------------------------------------------------------------ ids and targets

    def next_id(self) -> int:
        return next(self._ids)

    def mark(self, item: object, sheet: Factsheet | None = None) -> list:
        """The hidden anchor that traces `item` back to its source (report.write.docx.sources)."""
        return self.sources.mark(self.next_id(), item, sheet)

    def target(self, kind: str, key: str) -> str:
        return self.targets[(kind, key)]

    def is_annex(self, key: str) -> bool:
        return key in self.annex_keys

    def reference_field(self, key: str) -> str:
        """The REF field for a reference to a section (its bookmarked number) or an annex (the
        bookmarked letter of its unnumbered heading)."""
        target = self.target("section", key)
        return f"REF {target if self.is_annex(key) else number_target(target)} \\h"

    # ------------------------------------------------------------ pictures

    def picture(self, path: str, width: Emu, height: Emu, svg: Path | None = None):
        """An inline picture (a `w:drawing`) whose image part is added to the package once.

        With `svg`, the picture is that SVG and the PNG at `path` its fallback, stored as
        Word 2016 and later store SVG pictures (an `asvg:svgBlip` extension of the blip);
        older readers show the PNG.
        """
        rId, image = self.word.part.get_or_add_image(path)
        inline = CT_Inline.new_pic_inline(next(self._drawing_ids), rId, image.filename, width, height)
        if svg is not None:
            blip = inline.find(f".//{qn('a:blip')}")
            blip.append(svg_extension(self.word.part.relate_to(self._svg_part(svg), RT.IMAGE)))
        return el("drawing", [inline])

    def _svg_part(self, svg: Path) -> Part:
        package = self.word.part.package
        return Part(package.next_partname("/word/media/image%d.svg"), SVG_CONTENT_TYPE,
                    svg.read_bytes(), package)

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


# ---------------------------------------------------------------- containers


def paragraph(container, style_id: str, text: str = ""):
    """A `w:p` in a named style appended to `container` (a body fragment or a cell)."""
    p = el("p", [el("pPr", [el("pStyle", val=style_id)])])
    if text:
        p.append(run(text))
    container.append(p)
    return p


def first_paragraph(cell, style_id: str):
    """The paragraph every new cell holds, put in a named style."""
    p = cell.find(qn("w:p"))
    p.pPr.find(qn("w:pStyle")).set(qn("w:val"), style_id)
    return p


def table(container, style_id: str, widths: list[Emu], rows: int = 1, *,
          header: bool = False, header_column: bool = False, caption: str | None = None,
          unsplit_rows: bool = False, span_first_row: bool = False):
    """A table in a named table style with fixed column widths, appended to `container`.

    Returns its cells (`w:tc`) row by row, each holding one empty paragraph.
    A data table says what its header cells are: `header` marks the first row as
    a header row (repeated on every page, announced as column headers),
    `header_column` the first column (row headers, as in a label/value table);
    `caption` is its title for assistive technology. A layout table (band, box,
    tiles) sets none of these. `unsplit_rows` keeps each row on one page;
    `span_first_row` makes the first row one cell across all columns. Word joins
    tables that touch, so one that would follow another gets a spacer paragraph first.
    """
    if len(container) and container[-1].tag == qn("w:tbl"):
        paragraph(container, S.SPACER)
    twips = [twips_emu(w) for w in widths]
    properties = [el("tblStyle", val=style_id), el("tblW", w=str(sum(twips)), type="dxa"),
                  el("tblLayout", type="fixed"), _table_look(header, header_column)]
    if caption:
        properties.append(el("tblCaption", val=caption))
    tbl = el("tbl", [el("tblPr", properties),
                     el("tblGrid", [el("gridCol", w=str(w)) for w in twips])])
    cells = []
    for index in range(rows):
        if span_first_row and index == 0:
            row_cells = [_cell(sum(twips), span=len(twips))]
        else:
            row_cells = [_cell(w) for w in twips]
        row_properties = ([el("cantSplit")] if unsplit_rows else []) + \
            ([el("tblHeader")] if header and index == 0 else [])
        tr = el("tr", [el("trPr", row_properties)] if row_properties else [])
        tr.extend(row_cells)
        tbl.append(tr)
        cells.append(row_cells)
    container.append(tbl)
    return cells


def _cell(width: int, span: int = 1):
    properties = [el("tcW", w=str(width), type="dxa")]
    if span > 1:
        properties.append(el("gridSpan", val=str(span)))
    return el("tc", [el("tcPr", properties), el("p", [el("pPr", [el("pStyle", val=S.NORMAL)])])])


def _table_look(header: bool, header_column: bool):
    """Which conditional parts of the table style apply: the header row and column, if any."""
    value = 0x0400 | (0x0020 if header else 0) | (0x0080 if header_column else 0)
    return el("tblLook", val=f"{value:04X}", firstRow="1" if header else "0", lastRow="0",
              firstColumn="1" if header_column else "0", lastColumn="0", noHBand="0",
              noVBand="1")


# ---------------------------------------------------------------- cross-reference targets


def bookmark_targets(document: Document) -> dict[tuple[str, str], str]:
    """Bookmark names for every heading, annex and factsheet, known before writing starts."""
    names: dict[tuple[str, str], str] = {}
    for entry in outline(document, depth=None):
        prefix = "_Factsheet" if entry.kind == "factsheet" else "_Bijlage" if entry.annex else "_Kop"
        names[(entry.kind, entry.key)] = f"{prefix}{len(names) + 1}"
    return names


def number_target(target: str) -> str:
    """The bookmark around a section heading's number, beside `target` around its title."""
    return f"{target}Nr"


def figure_target(number: int) -> str:
    return f"_Figuur{number}"
