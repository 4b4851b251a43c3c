"""Split a DOCX's body into stretches that each start on a page of their own.

A change inside such a stretch can move no page outside it as long as the
stretch, laid out alone, fills as many pages as it did: whatever follows
starts on a new page anyway. Word and LibreOffice start a new page at a
section break (unless the next section is continuous), before a paragraph
with pageBreakBefore (its own or its style's, through the styles it is
based on) and after a paragraph that ends in a page break. A break inside
a paragraph, or before a table, is not taken as a start: the stretch is
then longer, which is never wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from report.write.docx.style_chain import inherited

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_CONTENT = {f"{_W}{name}" for name in ("t", "br", "tab", "cr", "sym", "drawing", "pict", "noBreakHyphen")}
_OFF = {"0", "false", "off"}


def starts(body: Sequence[etree._Element], styles: bytes) -> list[bool]:
    """For each element of `body` (the body's children, its last sectPr included), whether a page
    starts with it."""
    breaking = _breaking_styles(styles)
    types = _section_types(body)
    found = [False] * len(body)
    for index, element in enumerate(body):
        if index == 0 or element.tag == f"{_W}sectPr":
            continue
        before = body[index - 1]
        found[index] = (before.find(f"{_W}pPr/{_W}sectPr") is not None and types[index] != "continuous") \
            or _breaks_before(element, breaking) or _ends_in_page_break(before)
    return found


def footnotes_before(body: Sequence[etree._Element], index: int) -> int:
    """How many footnotes the elements before `index` refer to."""
    return sum(1 for element in body[:index] for _ in element.iter(f"{_W}footnoteReference"))


def _section_types(body: Sequence[etree._Element]) -> list[str]:
    """For each element, how the section it lies in starts (the w:type of the sectPr that ends it)."""
    types, current = [""] * len(body), "nextPage"
    for index in range(len(body) - 1, -1, -1):
        section = body[index] if body[index].tag == f"{_W}sectPr" else body[index].find(f"{_W}pPr/{_W}sectPr")
        if section is not None:
            kind = section.find(f"{_W}type")
            current = "nextPage" if kind is None else kind.get(f"{_W}val", "nextPage")
        types[index] = current
    return types


def _breaks_before(element: etree._Element, breaking: set[str]) -> bool:
    if element.tag != f"{_W}p":
        return False
    direct = element.find(f"{_W}pPr/{_W}pageBreakBefore")
    if direct is not None:
        return _on(direct)
    style = element.find(f"{_W}pPr/{_W}pStyle")
    return (style.get(f"{_W}val") if style is not None else None) in breaking


def _ends_in_page_break(element: etree._Element) -> bool:
    if element.tag != f"{_W}p":
        return False
    content = [node for node in element.iter() if node.tag in _RUN_CONTENT]
    return bool(content) and content[-1].tag == f"{_W}br" and content[-1].get(f"{_W}type") == "page"


def _breaking_styles(styles: bytes) -> set[str | None]:
    """The paragraph styles whose paragraphs start a page (None stands for the default style)."""
    root = etree.fromstring(styles)
    flags = inherited(root, lambda style: _flag(style.find(f"{_W}pPr/{_W}pageBreakBefore")))
    everywhere = _flag(root.find(f"{_W}docDefaults/{_W}pPrDefault/{_W}pPr/{_W}pageBreakBefore")) or False
    return {style_id for style_id, flag in flags.items() if (everywhere if flag is None else flag)}


def _flag(flag: etree._Element | None) -> bool | None:
    return None if flag is None else _on(flag)


def _on(flag: etree._Element) -> bool:
    return flag.get(f"{_W}val", "1").lower() not in _OFF
