"""Turn a DOCX returned with Word comments into the comments, each with what it hangs on.

Word keeps a comment's text in comments.xml and marks the stretch it covers
with commentRangeStart/End in the document (or in a footnote). Walking the
document in reading order, we collect that covered text and note the source
anchor (report.write.docx.sources) of the paragraph where it begins, and the
heading it stands under. A comment that covers no text (a point comment)
takes the anchor where it stands. Replies are linked to their comment
through commentsExtended.xml when Word wrote one.

The file comes from outside: it is opened through report.office, which bounds
what it can make us decompress and parse, and every way it can fail is a
Dutch Problem.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from report.comments.changes import ChangeCollector, TrackedChange, word_date
from report.model import Problem, Severity
from report.office import WORD, Package, UnreadablePackage
from report.write.docx.sources import CUSTOM_XML_RELATIONSHIP, Anchor, read_anchors, read_cover, read_pilots

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_PART_TYPES = {
    "comments": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
    "replies": "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
    "footnotes": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
    "endnotes": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes",
}
PICTURE = "[afbeelding]"
_RUN_TEXT = {f"{{{W}}}tab": "\t", f"{{{W}}}br": "\n", f"{{{W}}}cr": "\n", f"{{{W}}}noBreakHyphen": "-",
             f"{{{W}}}drawing": f" {PICTURE} ", f"{{{W}}}pict": f" {PICTURE} "}
_NOTE_REFERENCES = {f"{{{W}}}footnoteReference": "footnote", f"{{{W}}}endnoteReference": "endnote"}
_SPACES = re.compile(r"[ \t\u00a0]+")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Comment:
    """One Word comment; `anchor` and `section` are None where no source anchor precedes it."""

    id: str
    author: str
    initials: str
    date: dt.datetime | None
    text: str
    anchored: str                  # the text the comment covers, paragraphs on their own lines
    anchor: Anchor | None
    section: Anchor | None         # the heading or annex it stands under
    reply_to: str | None = None    # id of the comment this one answers
    change: TrackedChange | None = None   # set for a tracked change instead of a comment


@dataclass(frozen=True)
class ReturnedDocx:
    comments: tuple[Comment, ...]  # comments and tracked changes in reading order, a reply right after what it answers
    traced: bool                   # the file has this pipeline's source map
    pilots: dict[str, str] = field(default_factory=dict)      # pilot ID -> name, from the source map
    cover: tuple[tuple[str, str], ...] = ()                   # rapport.yaml key, text on cover or colophon


def read_returned(path: Path) -> tuple[ReturnedDocx | None, list[Problem]]:
    """The comments of `path`; None and one Problem when it cannot be read as a DOCX."""
    try:
        with Package(path, WORD) as package:
            return _read(_Package(package)), []
    except UnreadablePackage as error:
        return None, [_problem(path, str(error))]


def _problem(path: Path, message: str) -> Problem:
    return Problem(Severity.ERROR, path.name, message)


class _Package:
    """The parts of the Word document that matter, found through the package's relationships."""

    def __init__(self, package: Package):
        self.package = package
        self.parsed: dict[str, object] = {}
        main = package.main_part()
        if main is None:
            raise UnreadablePackage("Dit is geen Word-document (.docx): het hoofddocument ontbreekt in het bestand.")
        self.main = main
        if self.xml(main).tag != _w("document"):
            raise UnreadablePackage("Dit is geen Word-document (.docx) maar een ander bestand (bijvoorbeeld een "
                                    "Excel-werkboek dat .docx heet). Geef het teruggestuurde Word-bestand op.")

    def xml(self, name: str):
        if name not in self.parsed:
            self.parsed[name] = self.package.xml(name)
        return self.parsed[name]

    def related(self, kind: str) -> list:
        return [self.xml(name) for name in self.package.targets(self.main, _PART_TYPES.get(kind, kind))]


def _read(package: _Package) -> ReturnedDocx:
    root = _source_map(package)
    anchors = read_anchors(root) if root is not None else None
    walk = _Walk(anchors or {})
    walk.part(package.xml(package.main))
    for notes in package.related("footnotes") + package.related("endnotes"):
        for note in notes:
            if _note_key(note) in walk.note_references:
                walk.note(note)
    texts = {c.get(_w("id")): c for part in package.related("comments") for c in part.iterchildren(_w("comment"))}
    replies = _replies(package, texts)
    comments = [_comment(texts[cid], walk.found.get(cid), replies.get(cid)) for cid in texts]
    positions = {cid: found.position for cid, found in walk.found.items()}
    for number, found in enumerate(walk.changes.found, start=1):
        anchor, section, position = found.context
        cid = f"w{number}"
        comments.append(_tracked(cid, found.change, anchor, section))
        positions[cid] = position
    if root is None:
        return ReturnedDocx(_reading_order(comments, positions), False)
    return ReturnedDocx(_reading_order(comments, positions), True, read_pilots(root), read_cover(root))


def _source_map(package: _Package):
    """The parsed custom XML part holding the source map; None in a file from elsewhere."""
    for root in package.related(CUSTOM_XML_RELATIONSHIP):
        if read_anchors(root) is not None:
            return root
    return None


# ---------------------------------------------------------------- the walk


@dataclass
class _Found:
    position: tuple[int, int]
    anchor: Anchor | None = None
    section: Anchor | None = None
    started: bool = False
    pieces: list[str] = field(default_factory=list)


class _Walk:
    """Reading order through the document, keeping the anchor and heading in force."""

    def __init__(self, anchors: dict[str, Anchor]):
        self.anchors = anchors
        self.anchor: Anchor | None = None
        self.section: Anchor | None = None
        self.position = (0, 0)
        self.open: dict[str, _Found] = {}
        self.found: dict[str, _Found] = {}
        self.note_references: dict[tuple[str, str], tuple[Anchor | None, Anchor | None, tuple[int, int]]] = {}
        self.changes = ChangeCollector()

    def part(self, root) -> None:
        for event, element in etree.iterwalk(root, events=("start", "end")):
            self.position = (self.position[0] + 1, 0)
            self.visit(event, element)
        self.close_all()

    def note(self, note) -> None:
        """A footnote or endnote, read where its reference stands in the text."""
        self.anchor, self.section, (position, _) = self.note_references[_note_key(note)]
        for step, (event, element) in enumerate(etree.iterwalk(note, events=("start", "end")), start=1):
            self.position = (position, step)
            self.visit(event, element)
        self.close_all()

    def visit(self, event: str, element) -> None:
        tag = element.tag
        if event == "end":
            if tag == _w("p"):
                self.text("\n", paragraph_end=True)
            self.changes.visit(event, element, None)
            return
        if tag == _w("p"):
            self.enter_paragraph(element)
        self.changes.visit(event, element, (self.anchor, self.section, self.position))
        if tag == _w("commentRangeStart"):
            self.open.setdefault(element.get(_w("id")), _Found(self.position))
        elif tag == _w("commentRangeEnd"):
            self.close(element.get(_w("id")))
        elif tag == _w("commentReference"):
            cid = element.get(_w("id"))
            if cid not in self.found and cid not in self.open:
                self.open[cid] = _Found(self.position)
                self.close(cid)
        elif tag in _NOTE_REFERENCES:
            key = (_NOTE_REFERENCES[tag], element.get(_w("id")))
            self.note_references[key] = (self.anchor, self.section, self.position)
        elif tag == _w("t") and element.getparent().tag == _w("r"):
            self.text(element.text or "")
        elif tag in _RUN_TEXT and element.getparent().tag == _w("r"):
            self.text(_RUN_TEXT[tag])

    def enter_paragraph(self, paragraph) -> None:
        """A paragraph's anchor counts from its first character, wherever Word put the bookmark."""
        for bookmark in paragraph.iter(_w("bookmarkStart")):
            anchor = self.anchors.get(bookmark.get(_w("name"), ""))
            if anchor is not None and _paragraph_of(bookmark) is paragraph:
                self.anchor = anchor
                if anchor.is_section:
                    self.section = anchor
                return

    def text(self, text: str, paragraph_end: bool = False) -> None:
        for found in self.open.values():
            if paragraph_end and not found.started:
                continue
            if not found.started:
                found.anchor, found.section, found.started = self.anchor, self.section, True
            found.pieces.append(text)

    def close(self, cid: str) -> None:
        found = self.open.pop(cid, None)
        if found is None:
            return
        if not found.started:
            found.anchor, found.section = self.anchor, self.section
        self.found[cid] = found

    def close_all(self) -> None:
        for cid in list(self.open):
            self.close(cid)


def _note_key(note) -> tuple[str, str]:
    """Footnotes and endnotes number separately: ("footnote", "1") is not ("endnote", "1")."""
    return etree.QName(note).localname, note.get(_w("id"))


def _paragraph_of(element):
    parent = element.getparent()
    while parent is not None and parent.tag != _w("p"):
        parent = parent.getparent()
    return parent


# ---------------------------------------------------------------- comments


def _comment(element, found: _Found | None, reply_to: str | None) -> Comment:
    return Comment(
        id=element.get(_w("id"), ""),
        author=element.get(_w("author"), "").strip(),
        initials=element.get(_w("initials"), "").strip(),
        date=word_date(element.get(_w("date"))),
        text=_tidy("\n".join(_paragraph_text(p) for p in element.iter(_w("p")))),
        anchored=_tidy("".join(found.pieces)) if found else "",
        anchor=found.anchor if found else None,
        section=found.section if found else None,
        reply_to=reply_to,
    )


def _tracked(cid: str, change: TrackedChange, anchor: Anchor | None, section: Anchor | None) -> Comment:
    return Comment(id=cid, author=change.author, initials="", date=change.date, text=change.describe(),
                   anchored=_tidy(change.context()), anchor=anchor, section=section, change=change)


def _paragraph_text(paragraph) -> str:
    pieces = []
    for element in paragraph.iter():
        if element.tag == _w("t") and element.getparent().tag == _w("r"):
            pieces.append(element.text or "")
        elif element.tag in _RUN_TEXT and element.getparent().tag == _w("r"):
            pieces.append(_RUN_TEXT[element.tag])
    return "".join(pieces)


def _tidy(text: str) -> str:
    """Spaces collapsed, empty lines dropped: paragraphs stay one to a line."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _replies(package: _Package, comments: dict[str, object]) -> dict[str, str]:
    """Reply id -> id of the comment it answers, from Word's commentsExtended part.

    That part names comments by the paraId of their last paragraph.
    """
    by_paragraph = {}
    for cid, comment in comments.items():
        paragraphs = list(comment.iter(_w("p")))
        if paragraphs and paragraphs[-1].get(f"{{{W14}}}paraId"):
            by_paragraph[paragraphs[-1].get(f"{{{W14}}}paraId")] = cid
    replies = {}
    for part in package.related("replies"):
        for extended in part.iter(f"{{{W15}}}commentEx"):
            child = by_paragraph.get(extended.get(f"{{{W15}}}paraId"))
            parent = by_paragraph.get(extended.get(f"{{{W15}}}paraIdParent"))
            if child and parent and child != parent:
                replies[child] = parent
    return replies


def _reading_order(comments: list[Comment], found: dict[str, tuple[int, int]]) -> tuple[Comment, ...]:
    """Where each comment begins; a reply follows the comment it answers, in its own order."""
    unplaced = (1 << 62, 0)
    positions = {c.id: found.get(c.id, unplaced) for c in comments}

    def key(comment: Comment) -> tuple:
        root, depth = comment, 0
        while root.reply_to in by_id and depth < len(comments):
            root, depth = by_id[root.reply_to], depth + 1
        return positions[root.id], depth > 0, positions[comment.id], _number(comment.id)

    by_id = {c.id: c for c in comments}
    return tuple(sorted(comments, key=key))


def _number(cid: str) -> int:
    return int(cid) if cid.isdigit() else -1
