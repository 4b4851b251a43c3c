"""Turn a built PDF back into labelled blocks, in reading order, for the parity check.

The PDF is tagged (PDF/UA-1), so its structure tree says what each piece of
text is: H1-H3, P, L/LI/LBody, Figure and Caption. pdfium reads that tree and
the text of every marked-content id. WeasyPrint writes the tree page by page:
the cover, colophon and contents first, then on every page the body (HTML
<main>, tagged Part) followed by that page's footnotes. Three things carry no
tag of their own and are recognised by their shape in the report's HTML
(report.write.pdf.html): a box is a block whose first child is a paragraph (its
title); a footnote call is a digits-only inline in a paragraph; and a
paragraph that runs on to the next page is split in two, so prose that
stops mid-sentence at a page end is joined with the first prose of the next.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from report.parity.content import Block, Content, Role, content, ends_sentence

HEADINGS = {"H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6}
SKIPPED = {"Figure", "Lbl", "Table"}   # chart text, list numbers, factsheet data
INLINE = {"Span", "Link", "NonStruct"}


@dataclass(frozen=True)
class Element:
    """A structure element: its type and its kids, each marked-content text or an element."""

    type: str
    kids: tuple[str | Element, ...]

    @property
    def elements(self) -> list[Element]:
        return [kid for kid in self.kids if isinstance(kid, Element)]

    def text(self) -> str:
        return "".join(kid if isinstance(kid, str) else kid.text() for kid in self.kids)


def read_pdf(data: bytes) -> Content:
    reader = _Reader()
    for tree in page_trees(data):
        reader.page(tree)
    return content(reader.blocks)


def page_trees(data: bytes) -> list[list[Element]]:
    """Each page's top-level structure elements, with their text."""
    return _per_page(data, _page_tree)


def page_texts(data: bytes) -> list[str]:
    """Each page's whole text, artifacts (running headers, page marks) included."""
    return _per_page(data, lambda page: page.get_textpage().get_text_range())


def _per_page(data: bytes, read):
    document = pdfium.PdfDocument(data)
    try:
        return [read(document[index]) for index in range(len(document))]
    finally:
        document.close()


class _Reader:
    """Walks the pages' trees in order, labelling blocks and joining prose split by a page end."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.in_body = False
        self.in_annex = False
        self.last_prose: int | None = None    # the page's last block, if prose
        self.open_prose: int | None = None    # the previous page's last prose, if unfinished

    def page(self, roots: list[Element]) -> None:
        for element in roots:
            if element.type == "Part":
                self.in_body = True
                self._walk(element)
            elif self.in_body:
                self._footnotes(element)
        last = self.last_prose
        self.open_prose = last if last is not None and not ends_sentence(self.blocks[last].text) else None
        self.last_prose = None

    def _walk(self, element: Element) -> None:
        kind = element.type
        if kind in SKIPPED:
            return
        if kind in HEADINGS:
            self._heading(HEADINGS[kind], element.text())
        elif kind == "Caption":
            title, *notes = element.elements
            self._emit(Role.CAPTION, _paragraph_text(title))
            for note in notes:
                self._walk(note)
        elif kind == "P" or (kind == "LBody" and all(e.type in INLINE for e in element.elements)):
            self._emit(Role.PROSE, _paragraph_text(element))
        elif kind == "NonStruct" and element.elements and element.elements[0].type == "P":
            title, *rest = element.elements        # a case box or an info box
            self._emit(Role.BOX_TITLE, _paragraph_text(title))
            for kid in rest:
                self._walk(kid)
        else:
            for kid in element.elements:
                self._walk(kid)

    def _heading(self, level: int, text: str) -> None:
        """A level-1 heading without a number opens an annex, whose level-2 headings are factsheets."""
        if level == 1:
            self.in_annex = not text.strip()[:1].isdigit()
        if self.in_annex and level == 2:
            self._emit(Role.FACTSHEET, text)
        elif not self.in_annex or level == 1:
            self._emit(Role.HEADING, text)

    def _emit(self, role: Role, text: str) -> None:
        if role is Role.PROSE and self.open_prose is not None:
            joined = self.blocks[self.open_prose].text.rstrip() + "\n" + text.lstrip()
            self.blocks[self.open_prose] = Block(Role.PROSE, joined)
            self.last_prose, self.open_prose = self.open_prose, None
            return
        self.open_prose = None
        self.blocks.append(Block(role, text))
        self.last_prose = len(self.blocks) - 1 if role is Role.PROSE else None

    def _footnotes(self, element: Element) -> None:
        """A footnote opens with its number (a digits-only element); an area may hold several."""
        kids = element.elements
        if kids and _is_number(kids[0]):
            self.blocks.append(Block(Role.FOOTNOTE, "".join(
                kid if isinstance(kid, str) else kid.text() for kid in element.kids if kid is not kids[0])))
        else:
            for kid in kids:
                self._footnotes(kid)


def _paragraph_text(element: Element) -> str:
    """A paragraph's text without its footnote calls (the DOCX shows no number in the text).

    A call stands for a space: where it ends a line, the space after it is the line break,
    which the PDF's text does not keep, and the next sentence would run on.
    """
    return "".join(kid if isinstance(kid, str) else " " if _is_number(kid) else _paragraph_text(kid)
                   for kid in element.kids)


def _is_number(element: Element) -> bool:
    return element.type == "NonStruct" and element.text().strip().isdigit()


# ---------------------------------------------------------------- pdfium


def _page_tree(page) -> list[Element]:
    """The page's top-level structure elements (below Document), with their text."""
    texts = _marked_texts(page)
    tree = raw.FPDF_StructTree_GetForPage(page)
    try:
        roots = [_element(raw.FPDF_StructTree_GetChildAtIndex(tree, i), texts)
                 for i in range(raw.FPDF_StructTree_CountChildren(tree))]
    finally:
        raw.FPDF_StructTree_Close(tree)
    return [kid for root in roots
            for kid in (root.elements if root.type == "Document" else [root])]


def _element(handle, texts: dict[int, str]) -> Element:
    """Kids in their order: pdfium numbers an element's kids and its marked content alike."""
    kids: list[str | Element] = []
    for index in range(raw.FPDF_StructElement_CountChildren(handle)):
        child = raw.FPDF_StructElement_GetChildAtIndex(handle, index)
        if child:
            kids.append(_element(child, texts))
        else:
            mcid = raw.FPDF_StructElement_GetMarkedContentIdAtIndex(handle, index)
            kids.append(texts.get(mcid, ""))
    if not kids:        # a single marked-content id, not in an array
        kids.append(texts.get(raw.FPDF_StructElement_GetMarkedContentID(handle), ""))
    return Element(_string(raw.FPDF_StructElement_GetType, handle), tuple(kids))


def _marked_texts(page) -> dict[int, str]:
    """The text of each marked-content id on the page, with pdfium's line breaks and spaces.

    The breaks and spaces pdfium adds belong to no text object; they go with the text before them.
    """
    textpage = page.get_textpage()
    texts: dict[int, list[str]] = {}
    current = -1
    for index in range(raw.FPDFText_CountChars(textpage)):
        text_object = raw.FPDFText_GetTextObject(textpage, index)
        if text_object:
            current = raw.FPDFPageObj_GetMarkedContentID(text_object)
        if current >= 0:
            texts.setdefault(current, []).append(chr(raw.FPDFText_GetUnicode(textpage, index)))
    return {mcid: "".join(chars) for mcid, chars in texts.items()}


def _string(function, handle) -> str:
    """A UTF-16 string out of a pdfium getter that fills a caller's buffer."""
    size = function(handle, None, 0)
    buffer = ctypes.create_string_buffer(size)
    function(handle, buffer, size)
    return buffer.raw[:max(size - 2, 0)].decode("utf-16-le")
