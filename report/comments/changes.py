"""Turn the tracked changes in a returned DOCX into edits: who changed which text, and how.

Reviewers edit with "track changes" on as often as they comment. Word and
LibreOffice both write such an edit as runs inside `w:ins` (inserted text in
`w:t`) or `w:del` (deleted text in `w:delText`), moves as `w:moveTo` and
`w:moveFrom`. Per paragraph we keep its text as the reviewer received it
(unchanged plus deleted text) and every stretch that changed; a deletion and
an insertion that touch, by the same author, are one replacement. A change
of formatting alone (`w:rPrChange`) is a change of its own, listed for the
team but never written into the narrative: the house style decides the look. The
paragraph's text and the offset of the change are what lets `apply` find the
spot in the narrative source.

The collector is fed the same element events as the comment walk
(report.comments.returned), so a change gets the same source anchor and
section as a comment on that text would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_INSERTED = {f"{{{W}}}ins", f"{{{W}}}moveTo"}
_DELETED = {f"{{{W}}}del", f"{{{W}}}moveFrom"}
_TEXT = f"{{{W}}}t"
_DELETED_TEXT = f"{{{W}}}delText"
_RUN = f"{{{W}}}r"
_PARAGRAPH = f"{{{W}}}p"
_RUN_PROPERTIES = f"{{{W}}}rPr"
_FORMAT_CHANGE = f"{{{W}}}rPrChange"
_SPECIAL = {f"{{{W}}}tab": "\t", f"{{{W}}}br": "\n", f"{{{W}}}cr": "\n", f"{{{W}}}noBreakHyphen": "-"}


@dataclass(frozen=True)
class TrackedChange:
    """One insertion, deletion or replacement inside one paragraph."""

    author: str
    date: dt.datetime | None
    old: str                 # the text deleted ("" for an insertion)
    new: str                 # the text inserted ("" for a deletion)
    paragraph: str           # the paragraph as the reviewer received it (unchanged + deleted text)
    start: int               # where `old` begins in `paragraph`
    breaks_paragraph: bool   # a paragraph mark was inserted or deleted too
    formatting: bool = False  # only the look of `old` (== `new`) changed

    @property
    def kind(self) -> str:
        if self.formatting:
            return "opmaak"
        if self.old and self.new:
            return "vervanging"
        return "invoeging" if self.new else "verwijdering"

    def context(self, width: int = 60) -> str:
        """The words around the change in the paragraph as received, cut at a word."""
        before = self.paragraph[:self.start]
        after = self.paragraph[self.start + len(self.old):]
        if len(before) > width:
            before = "… " + before[-width:].split(" ", 1)[-1]
        if len(after) > width:
            after = after[:width].rsplit(" ", 1)[0] + " …"
        return f"{before}{self.old}{after}"

    def describe(self) -> str:
        """The change in words, as the worklist and the listing show it."""
        match self.kind:
            case "vervanging":
                return f"Vervangen: ‘{self.old}’ door ‘{self.new}’"
            case "invoeging":
                return f"Ingevoegd: ‘{self.new}’"
            case "opmaak":
                return f"Opmaak gewijzigd: ‘{self.old}’"
        return f"Verwijderd: ‘{self.old}’"


@dataclass
class _Piece:
    kind: str                # "", "ins", "del" or "fmt" (formatting only)
    author: str
    date: str
    text: str


@dataclass
class _Paragraph:
    context: object                      # what the walk had in force where the paragraph began
    pieces: list[_Piece] = field(default_factory=list)
    mark_changed: bool = False


@dataclass(frozen=True)
class Found:
    """A change with the walk's context at its paragraph (anchor, section, position)."""

    change: TrackedChange
    context: object


class ChangeCollector:
    """Follows element events; `found` fills as paragraphs end."""

    def __init__(self):
        self.open: list[tuple[str, str, str]] = []      # enclosing ins/del: kind, author, date
        self.paragraphs: list[_Paragraph] = []
        self.found: list[Found] = []
        self.formatted: tuple[object, str, str] | None = None   # the run whose formatting changed: run, author, date

    def visit(self, event: str, element, context) -> None:
        tag = element.tag
        if tag == _FORMAT_CHANGE:
            properties = element.getparent()
            if event == "start" and properties is not None and properties.tag == _RUN_PROPERTIES:
                self.formatted = (properties.getparent(), element.get(f"{{{W}}}author", ""),
                                  element.get(f"{{{W}}}date", ""))
            return
        if tag in _INSERTED or tag in _DELETED:
            if element.getparent() is not None and element.getparent().tag == _RUN_PROPERTIES:
                if event == "start" and self.paragraphs:
                    self.paragraphs[-1].mark_changed = True     # an inserted or deleted paragraph mark
                return
            if event == "start":
                self.open.append(("ins" if tag in _INSERTED else "del", element.get(f"{{{W}}}author", ""),
                                  element.get(f"{{{W}}}date", "")))
            elif self.open:
                self.open.pop()
            return
        if tag == _PARAGRAPH:
            if event == "start":
                self.paragraphs.append(_Paragraph(context))
            elif self.paragraphs:
                self._finish(self.paragraphs.pop())
            return
        if event != "start" or not self.paragraphs or element.getparent() is None \
                or element.getparent().tag != _RUN:
            return
        if tag in (_TEXT, _DELETED_TEXT):
            text = element.text or ""
        elif tag in _SPECIAL:
            text = _SPECIAL[tag]
        else:
            return
        kind, author, date = self.open[-1] if self.open else ("", "", "")
        if tag == _DELETED_TEXT and kind != "del":
            kind = "del"
        if not kind and self.formatted is not None and self.formatted[0] is element.getparent():
            kind, author, date = "fmt", self.formatted[1], self.formatted[2]
        pieces = self.paragraphs[-1].pieces
        if pieces and (pieces[-1].kind, pieces[-1].author, pieces[-1].date) == (kind, author, date):
            pieces[-1].text += text
        else:
            pieces.append(_Piece(kind, author, date, text))

    def _finish(self, paragraph: _Paragraph) -> None:
        before = "".join(p.text for p in paragraph.pieces if p.kind != "ins")
        offset, group = 0, []
        for piece in [*paragraph.pieces, _Piece("", "", "", "")]:
            if piece.kind and (not group or (group[0].author, group[0].kind == "fmt")
                               == (piece.author, piece.kind == "fmt")):
                group.append(piece)
                continue
            if group:
                self._change(paragraph, before, offset, group)
                offset += sum(len(p.text) for p in group if p.kind in ("del", "fmt"))
                group = []
            if piece.kind:
                group = [piece]
            else:
                offset += len(piece.text)

    def _change(self, paragraph: _Paragraph, before: str, offset: int, group: list[_Piece]) -> None:
        formatting = group[0].kind == "fmt"
        old = "".join(p.text for p in group if p.kind in ("del", "fmt"))
        new = old if formatting else "".join(p.text for p in group if p.kind == "ins")
        if not old and not new:
            return
        change = TrackedChange(group[0].author.strip(), word_date(group[0].date), old, new, before, offset,
                               paragraph.mark_changed, formatting)
        self.found.append(Found(change, paragraph.context))


def word_date(value: str | None) -> dt.datetime | None:
    """A w:date attribute as a naive datetime; None when absent or not a date."""
    try:
        return dt.datetime.fromisoformat(value).replace(tzinfo=None) if value else None
    except ValueError:
        return None
