"""Turn a built HTML edition back into labelled blocks, in reading order, for the parity check.

The page's own markup says what each text is (report.write.html): headings
in the body's sections, `figcaption` titles and notes, box titles, factsheet
titles, and paragraphs and list items. A footnote call is a link to the
footnote list; its text is taken from there and placed after the block that
calls it, as the DOCX reader does, and the call's number is left out of the
prose. The data table behind each figure, the factsheets' facts and the
footnote lists themselves are not prose the DOCX and PDF share.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import html

from report.parity.content import Block, Content, Role, content

_SKIPPED = {"table", "details", "img", "script", "style", "sup"}
_BLOCK_TAGS = {"p", "li"}
_MAX_BYTES = 64 * 1024 * 1024


def read_html(data: bytes) -> Content:
    if len(data) > _MAX_BYTES:
        raise ValueError("the page is larger than an HTML edition can be")
    page = html.document_fromstring(data, parser=html.HTMLParser(no_network=True, huge_tree=False))
    main = page.find(".//main")
    if main is None:
        return content([])
    notes = {note.get("id"): _text(note.find_class("footnote-text")[0])
             for note in main.iter("li") if note.find_class("footnote-text")}
    return content(_blocks(main, notes))


def _blocks(element, notes: dict[str, str]) -> Iterator[Block]:
    for child in element.iterchildren():
        if not isinstance(child.tag, str) or child.tag in _SKIPPED or "footnotes" in _classes(child):
            continue
        classes = _classes(child)
        if child.tag in ("h1", "h2", "h3") and child.getparent().tag == "section" \
                and "factsheet" not in _classes(child.getparent().getparent()):
            yield Block(Role.FACTSHEET if "fs-band" in _classes(child.getparent()) else Role.HEADING, _text(child))
        elif child.tag == "h2" and "fs-band" in _classes(child.getparent()):
            yield Block(Role.FACTSHEET, _text(child))
        elif "caption-title" in classes:
            yield Block(Role.CAPTION, _text(child))
        elif "box-title" in classes:
            yield Block(Role.BOX_TITLE, _text(child))
        elif child.tag in _BLOCK_TAGS and not _has_blocks(child):
            yield Block(Role.PROSE, _text(child))
            yield from _called(child, notes)
        else:
            yield from _blocks(child, notes)


def _called(element, notes: dict[str, str]) -> Iterator[Block]:
    for call in element.iter("a"):
        if "fn-call" in _classes(call.getparent()):
            yield Block(Role.FOOTNOTE, notes.get(call.get("href", "").lstrip("#"), ""))


def _has_blocks(element) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in element.iterdescendants())


def _text(element) -> str:
    """The visible text, without footnote calls and the preview's pilot lists."""
    parts = []

    def walk(node) -> None:
        if isinstance(node.tag, str) and (node.tag == "sup" or "provenance" in _classes(node)):
            parts.append(node.tail or "")
            return
        parts.append(node.text or "")
        for child in node.iterchildren():
            walk(child)
        if node is not element:
            parts.append(node.tail or "")

    walk(element)
    return "".join(parts)


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split()) if isinstance(element.tag, str) else set()
