"""Turn a built DOCX into what stands between it and publication: accessibility gaps and drafting leftovers.

Word's own accessibility checker asks the same of a document as EN 301 549:
a document language, a title, headings that give it an outline without
skipping a level, tables whose first row repeats as a header row (so a
screen reader names the column of a cell), and alternative text on every
picture. Checked on the file's XML (python-docx), whatever wrote it; the
leftovers of drafting are read from its text, place by place under the
heading they stand under (report.publication.drafts).
"""

from __future__ import annotations


import io
import re

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from report.model import Problem, Severity
from report.write.docx.style_chain import inherited
from report.dutch import capitalise, counted
from report.publication.drafts import Page, join_places, leftovers

_DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"


def docx_problems(data: bytes, file: str, publication: bool) -> list[Problem]:
    """Every accessibility gap of the DOCX and, with `publication`, every drafting mark left in it."""
    document = docx.Document(io.BytesIO(data))
    problems = []

    def add(message: str, place: str | None = None) -> None:
        problems.append(Problem(Severity.ERROR, file, message, cell=place))

    if not _language(document):
        add("Het document noemt geen taal (w:lang in de standaardopmaak); Word en schermlezers weten dan niet "
            "welke taal de tekst is.")
    if not (document.core_properties.title or "").strip():
        add("Het document heeft geen titel in de documenteigenschappen.")
    pages = [Page("kop- en voetteksten", "\n".join(_margin_texts(document)))]
    heading, level, texts, cells, tables, headless = "het begin", 0, [], [], 0, []
    levels = _style_levels(document)
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            outline = _outline_level(block._p, levels)
            if outline is not None and block.text.strip():
                pages.append(Page(f"onder '{heading}'", "\n".join(texts), tuple(cells)))
                if outline > level + 1:
                    add(f"Kop van niveau {outline} volgt op niveau {level}; er ontbreekt een niveau.",
                        f"kop '{block.text.strip()}'")
                heading, level, texts, cells = block.text.strip(), outline, [], []
            texts.append(block.text)
        else:
            tables += 1
            # A heading may stand in a table (a factsheet's title in its band): its level counts, and what
            # follows stands under it, so a finding there names the pilot.
            inner = [(found, p.text.strip()) for element in block._tbl.iter(qn("w:p"))
                     if (found := _outline_level(element, levels)) and (p := Paragraph(element, block)).text.strip()]
            if inner:
                pages.append(Page(f"onder '{heading}'", "\n".join(texts), tuple(cells)))
                (level, heading), texts, cells = inner[-1], [], []
            if _is_data_table(block) and not _has_headers(block):
                headless.append(f"tabel {tables} (onder '{heading}')")
            table_cells = [cell.text for row in block.rows for cell in row.cells]
            cells += table_cells
            texts += table_cells
    pages.append(Page(f"onder '{heading}'", "\n".join(texts), tuple(cells)))
    if headless:
        add(f"{capitalise(counted(len(headless), 'tabel heeft', 'tabellen hebben'))} geen kopregel: markeer de eerste rij "
            "als rij die bovenaan elke pagina herhaald wordt, of de eerste kolom als kopkolom.", join_places(headless))
    if level == 0:
        add("Het document heeft geen koppen; een schermlezer kan er niet door navigeren.")
    for number, picture in enumerate(document.element.body.iter(qn("wp:docPr")), start=1):
        if not (picture.get("descr") or "").strip() and not _decorative(picture):
            add("Een afbeelding heeft geen alternatieve tekst.", f"afbeelding {number} ({picture.get('name')})")
    return problems + leftovers(pages, file, publication)


def _language(document: WordDocument) -> str:
    """The language of the document's default run properties."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = None if defaults is None else defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    return "" if lang is None else (lang.get(qn("w:val")) or "")


def _margin_texts(document: WordDocument) -> list[str]:
    return [paragraph.text for section in document.sections
            for part in (section.header, section.first_page_header, section.even_page_header,
                         section.footer, section.first_page_footer, section.even_page_footer)
            if not part.is_linked_to_previous for paragraph in part.paragraphs]


_BUILTIN_HEADING = re.compile(r"Heading([1-9])")


def _style_levels(document: WordDocument) -> dict[str | None, int | None]:
    """Each paragraph style's heading level (1 is a chapter), None for body text; under None, the
    default style's. Resolved once per document, as python-docx looks a paragraph's style up through
    the package every time."""
    found = inherited(document.styles.element, _own_level)
    return {style_id: (level or None) if level is not None else _builtin_level(style_id)
            for style_id, level in found.items()}


def _builtin_level(style_id: str | None) -> int | None:
    """Word gives its own heading styles their level without an outline level of their own."""
    builtin = _BUILTIN_HEADING.fullmatch(style_id or "")
    return int(builtin[1]) if builtin else None


def _own_level(element) -> int | None:
    """What an element's own w:outlineLvl says: its level, 0 for body text (level 10), None without one."""
    found = element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    if found is None:
        return None
    value = int(found.get(qn("w:val")))
    return value + 1 if value < 9 else 0


def _outline_level(paragraph, levels: dict[str | None, int | None]) -> int | None:
    """The heading level of a paragraph (its w:p), from itself or its style; None for body text."""
    own = _own_level(paragraph)
    if own is not None:
        return own or None
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return levels.get(None if style is None else style.get(qn("w:val")))


def _is_data_table(table: Table) -> bool:
    """A table that holds data carries a caption (w:tblCaption); one that only lays out a box or a band does not."""
    return table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}") is not None


def _has_headers(table: Table) -> bool:
    """A header row repeated on every page, or, for a label/value table (no header row), its first column
    marked as headers. Word's default look marks both, so a default table needs its header row."""
    rows = table._tbl.tr_lst
    look = table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblLook')}")
    return (bool(rows) and rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None) or \
        (look is not None and look.get(qn("w:firstColumn")) == "1" and look.get(qn("w:firstRow")) == "0")


def _decorative(picture) -> bool:
    """Marked decorative in Word (Accessibility > Mark as decorative): no alternative text needed."""
    return any(element.get("val") in ("1", "true") for element in picture.iter(_DECORATIVE))
