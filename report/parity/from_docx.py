"""Turn a built DOCX back into labelled blocks, in reading order, for the parity check.

The writer gives every paragraph a named style (report.word_template.styles), so
a paragraph's style is its role. A heading's number is in its text, before a
tab; an annex's label too ("Bijlage A ...").
Footnotes come from the footnotes part, in the order the text refers to them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree

from report.parity.content import Block, Content, Role, content
from report.word_template import styles as S
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)

ROLES = {
    S.CAPTION: Role.CAPTION,
    S.FIGURE_NOTE: Role.PROSE,
    S.NORMAL: Role.PROSE,
    S.BOX_TITLE: Role.BOX_TITLE,
    S.BOX_TEXT: Role.PROSE,
    S.BOX_SOURCE: Role.PROSE,
    S.FACTSHEET_TITLE: Role.FACTSHEET,
    **{style: Role.PROSE for style in S.LISTS.values()},
}


def read_docx(data: bytes) -> Content:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"), _PARSER).find(f"{W}body")
        names = package.namelist()
        notes = (etree.fromstring(package.read("word/footnotes.xml"), _PARSER)
                 if "word/footnotes.xml" in names else None)
    footnotes = {} if notes is None else {
        note.get(f"{W}id"): _text(note) for note in notes.iter(f"{W}footnote")}
    return content(_blocks(body, footnotes))


def _blocks(body, footnotes: dict[str, str]) -> Iterator[Block]:
    """The body from the first heading on (the cover, colophon and contents come before)."""
    started = False
    for p in body.iter(f"{W}p"):
        style_element = p.find(f"{W}pPr/{W}pStyle")
        style = S.NORMAL if style_element is None else style_element.get(f"{W}val")
        if style in S.HEADINGS:
            started = True
            yield Block(Role.HEADING, _text(p))
        elif started and style in ROLES:
            for line in _text(p).split("\n"):
                yield Block(ROLES[style], line)
        if started:
            for reference in p.iter(f"{W}footnoteReference"):
                yield Block(Role.FOOTNOTE, footnotes.get(reference.get(f"{W}id"), ""))


def _text(element) -> str:
    """The visible text: runs' text and field results, tabs as spaces, line breaks as newlines."""
    parts = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}noBreakHyphen"):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}br":
            parts.append("\n")
        elif node.tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif node.getparent().tag == f"{W}r":     # a tab stop in the text, not a tab definition
            parts.append(" ")
    return "".join(parts)
