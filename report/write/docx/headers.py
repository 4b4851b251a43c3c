"""Turn chapters and factsheets into Word sections, each with its running header as plain text.

A running header built from a STYLEREF field is blank in every reader that
does not update fields (LibreOffice, Word Online, previews), so, as in
hand-made reports, every chapter, annex and factsheet is a section of its
own whose header copies the template's body header with the heading's text
in place of S.RUNNING_HEAD. A section ends in its last paragraph; where a
table ends it (a factsheet's last facts), a section-break paragraph (styled
to take no room) holds the end.
"""

from __future__ import annotations

import copy

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.parts.hdrftr import HeaderPart

from report.document import Document
from report.document.outline import outline
from report.word_template import styles as S
from report.write.docx.canvas import paragraph
from report.write.docx.fitting import fitted, side_width_mm


def running_heads(document: Document) -> list[str]:
    """The header text of each section of the body: chapters, annexes and factsheets in order,
    each shortened to its side of the header (report.write.docx.fitting)."""
    room = side_width_mm(document.meta.is_concept)
    return [fitted(f"{entry.number} {entry.title}".strip(), room) for entry in outline(document, depth=None)
            if entry.level == 1 or entry.kind == "factsheet"]


def split_sections(word: WordDocument, body, heads: list[str]) -> None:
    """Start a section at each chapter heading and factsheet band of the body fragment."""
    starts = [index for index, element in enumerate(body) if _starts_section(element)]
    if len(starts) != len(heads):
        raise ValueError(f"{len(starts)} section starts for {len(heads)} running heads")
    last = word.element.body.sectPr
    template = {kind: word.part.rels[last.find(
        f"{qn('w:headerReference')}[@{qn('w:type')}='{kind}']").get(qn("r:id"))].target_part
        for kind in ("default", "even")}
    for start, head in zip(reversed(starts[1:]), reversed(heads[:-1])):
        section = copy.deepcopy(last)
        for reference in section.findall(qn("w:headerReference")):
            part = _header_copy(word, template[reference.get(qn("w:type"))], head)
            reference.set(qn("r:id"), word.part.relate_to(part, RT.HEADER))
        _holder(body, start - 1).get_or_add_pPr().append(section)
    set_running_head(word, heads[-1] if heads else "")
    for name in list(last.attrib):       # stale revision ids of python-docx's default template
        del last.attrib[name]


def set_running_head(word: WordDocument, head: str) -> None:
    """The last section's headers (the template's body headers) with `head` as their running head."""
    last = word.element.body.sectPr
    for reference in last.findall(qn("w:headerReference")):
        _set_head(word.part.rels[reference.get(qn("r:id"))].target_part.element, head)


def number_pages(word: WordDocument) -> None:
    """The last section gets the page-number footers of the section before it.

    In the report the body inherits them from the front matter; a document
    made of the body alone (a fact-check packet) has no such section, so it
    references them itself.
    """
    body = word.element.body
    last = body.sectPr
    front = body.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:sectPr')}")
    if front is None or last.find(qn("w:footerReference")) is not None:
        return
    anchor = last.findall(qn("w:headerReference"))[-1]
    for reference in reversed(front.findall(qn("w:footerReference"))):
        if reference.get(qn("w:type")) != "first":
            anchor.addnext(copy.deepcopy(reference))


def _starts_section(element) -> bool:
    """A chapter or annex heading, or the table whose first cell holds a factsheet's title."""
    if element.tag == qn("w:p"):
        first, wanted = element, S.HEADINGS[0]
    else:
        first, wanted = element.find(f"{qn('w:tr')}/{qn('w:tc')}/{qn('w:p')}"), S.FACTSHEET_TITLE
    style = None if first is None else first.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and style.get(qn("w:val")) == wanted


def _holder(body, index: int):
    """The paragraph that ends a section: the last one before the next start, or a new break
    (a spacer there, which keeps two tables apart, becomes the break: the page ends anyway)."""
    element = body[index]
    style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    if style is not None and style.get(qn("w:val")) == S.SPACER:
        style.set(qn("w:val"), S.SECTION_BREAK)
    if element.tag == qn("w:p"):
        return element
    holder = paragraph(body, S.SECTION_BREAK)
    element.addnext(holder)
    return holder


def _header_copy(word: WordDocument, template: HeaderPart, head: str) -> HeaderPart:
    package = word.part.package
    element = copy.deepcopy(template.element)
    _set_head(element, head)
    return HeaderPart(package.next_partname("/word/header%d.xml"), template.content_type,
                      element, package)


def _set_head(element, head: str) -> None:
    for text in element.iter(qn("w:t")):
        if text.text == S.RUNNING_HEAD:
            text.text = head
