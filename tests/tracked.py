"""Tracked changes written into a python-docx document by XML, as Word writes them."""

from __future__ import annotations

import copy

from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = "2026-03-02T10:15:00Z"


def track(paragraph, old: str, new: str, author: str, date: str = DATE, occurrence: int = 0) -> None:
    """Replace the `occurrence`-th `old` inside one run of `paragraph` by `new` as a tracked
    change: a w:del with the old text, then a w:ins with the new (none when `new` is empty)."""
    run = next(r for r in paragraph.runs if old in r.text)
    text = run.text
    at = _nth(text, old, occurrence)
    before, after = text[:at], text[at + len(old):]
    element = run._r
    pieces = []
    if before:
        pieces.append(_run(element, before))
    if old:
        pieces.append(_change("del", _run(element, old, deleted=True), author, date))
    if new:
        pieces.append(_change("ins", _run(element, new), author, date))
    if after:
        pieces.append(_run(element, after))
    for piece in pieces:
        element.addprevious(piece)
    element.getparent().remove(element)


def insert(paragraph, before_text: str, new: str, author: str, date: str = DATE) -> None:
    """Insert `new` as a tracked insertion right before `before_text`."""
    run = next(r for r in paragraph.runs if before_text in r.text)
    at = run.text.index(before_text)
    element = run._r
    pieces = [_run(element, run.text[:at])] if at else []
    pieces += [_change("ins", _run(element, new), author, date), _run(element, run.text[at:])]
    for piece in pieces:
        element.addprevious(piece)
    element.getparent().remove(element)


def isolate(paragraph, text: str):
    """Split the run holding `text` so that `text` is a run of its own (to comment on exactly it)."""
    run = next(r for r in paragraph.runs if text in r.text)
    at = run.text.index(text)
    element = run._r
    pieces = [_run(element, part) for part in (run.text[:at], text, run.text[at + len(text):]) if part]
    for piece in pieces:
        element.addprevious(piece)
    element.getparent().remove(element)
    return next(r for r in paragraph.runs if r.text == text)


def _nth(text: str, part: str, occurrence: int) -> int:
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(part, at + 1)
    return at


_ids = iter(range(9000, 99999))


def _change(kind: str, run, author: str, date: str):
    element = copy.deepcopy(run).makeelement(qn(f"w:{kind}"), {qn("w:id"): str(next(_ids)),
                                                              qn("w:author"): author, qn("w:date"): date})
    element.append(run)
    return element


def _run(template, text: str, deleted: bool = False):
    run = copy.deepcopy(template)
    for child in list(run):
        if child.tag != qn("w:rPr"):
            run.remove(child)
    t = run.makeelement(qn("w:delText" if deleted else "w:t"), {})
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    return run


def emphasise(paragraph, text: str, author: str, date: str = DATE) -> None:
    """Make `text` bold as a tracked formatting change (w:rPrChange holding the properties before)."""
    run = isolate(paragraph, text)._r
    properties = run.get_or_add_rPr()
    before = copy.deepcopy(properties)
    properties.append(properties.makeelement(qn("w:b"), {}))
    change = properties.makeelement(qn("w:rPrChange"), {qn("w:id"): str(next(_ids)), qn("w:author"): author,
                                                        qn("w:date"): date})
    before.tag = qn("w:rPr")
    change.append(before)
    properties.append(change)
