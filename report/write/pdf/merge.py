"""Turn the separately laid-out parts of the report into one tagged PDF.

The report part holds a run of blank pages where each chapter and factsheet belongs
(report.write.pdf.parts); here those pages make way for the factsheet's own
pages, and everything that points at pages is joined up again, so a
reader, a screen reader and a validator see one document:

- the structure tree: WeasyPrint tags page by page (each page's content
  hangs under the Document element, in page order), so a factsheet page's
  elements take the place of its blank page's elements. The parent tree,
  which maps marked content and link annotations back to their elements,
  is renumbered, and the IDs that tie table cells to their header cells get
  a per-part prefix, as each part numbers them from scratch;
- named destinations and bookmarks: the anchors and bookmarks on a part's
  blank pages (a factsheet's title, a chapter's headings and figures) move to
  where the part has them. A part may also name another part's anchor, as the
  target of a link (a reference to a figure in the next chapter): each name is
  taken from the part whose blank pages hold it, so the link lands there;
- fonts: report.write.pdf.fonts gives all parts one program per font;
- table header cells get their /Scope (report.write.pdf.tables);
- page furniture becomes artifacts and the XMP gets language and title
  (report.write.pdf.finish).

The report part keeps its catalogue: language, viewer preferences and, unless
an insert carries them, the XMP metadata (PDF/UA) and document information.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pikepdf import Array, Dictionary, Name, NameTree, NumberTree, Object, ObjectStreamMode, Pdf, Stream, String

from report.write.pdf.finish import finish
from report.write.pdf.fonts import join_fonts
from report.write.pdf.tables import scope_headers

ObjGen = tuple[int, int]


@dataclass(frozen=True)
class Insert:
    """A part laid out on its own (its file), and the anchor of the blank pages it replaces."""

    anchor: str
    pdf: Path


def merge(report: Path, inserts: Sequence[Insert], metadata: int | None = None) -> bytes:
    """The report with each insert's pages in place of the blank pages held for it.

    With `metadata`, the document information and XMP metadata come from
    that insert (the one that shows the date and authors), not the report.
    """
    with Pdf.open(report) as out:
        _Merge(out).run(inserts, metadata)
        scope_headers(out)
        join_fonts(out)
        finish(out)
        buffer = io.BytesIO()
        out.save(buffer, deterministic_id=True, object_stream_mode=ObjectStreamMode.generate)
    return buffer.getvalue()


def anchor_pages(pdf: Pdf) -> dict[str, int]:
    """Each named destination's 0-based page index."""
    index = {page.objgen: i for i, page in enumerate(pdf.pages)}
    return {name: index[dest[0].objgen] for name, dest in _destinations(pdf).items()
            if dest[0].objgen in index}


class _Merge:
    """One merge: the report's pages and structure, with the inserts spliced in."""

    def __init__(self, out: Pdf):
        self.out = out
        self.document = out.Root.StructTreeRoot.K[0]
        self.elements: dict[ObjGen, list[Dictionary]] = {}    # page -> its top-level structure elements
        self.parents: dict[ObjGen, Object] = {}               # page or annotation -> parent tree entry
        self.blanks: dict[ObjGen, int] = {}                   # blank page -> index of its insert
        self.headings: list[list[Array]] = []                 # each insert's bookmark destinations, in order

    def run(self, inserts: Sequence[Insert], metadata: int | None) -> None:
        """Splice the inserts in, one part open at a time: an open part holds half a MB, whatever its size."""
        self._collect()
        starts = anchor_pages(self.out)
        holder = _holders(starts, inserts)
        names: dict[str, Array] = {}
        for number, insert in enumerate(inserts):
            with Pdf.open(insert.pdf) as part:
                start, count = starts[insert.anchor], len(part.pages)
                self._splice(number, start, part)
                copied = [self.out.pages[i].obj for i in range(start, start + count)]
                for name, dest in _destinations(part).items():
                    if holder.get(name, number) == number:
                        names.setdefault(name, _copy(self.out, dest))
                if number == metadata:
                    self.out.trailer.Info = self.out.copy_foreign(part.trailer.Info)
                    self.out.Root.Metadata = self.out.copy_foreign(part.Root.Metadata)
                    copied.append(self.out.Root.Metadata)
                _own_stream_data(copied)
        self._rebuild_structure()
        self._rebuild_destinations(names)
        self._move_bookmarks(self.out.Root.get("/Outlines", Dictionary()).get("/First"))

    def _collect(self) -> None:
        """Remember each report page's elements and parent tree entries (its own and its annotations')."""
        tree = NumberTree(self.out.Root.StructTreeRoot.ParentTree)
        for kid in self.document.K:
            self.elements.setdefault(kid.Pg.objgen, []).append(kid)
        for page in self.out.pages:
            self.parents[page.objgen] = tree[int(page.obj.StructParents)]
            for annotation in _tagged_annotations(page.obj):
                self.parents[annotation.objgen] = tree[int(annotation.StructParent)]

    def _splice(self, number: int, start: int, part: Pdf) -> None:
        """Put the part's pages, with their structure, over the blank pages from `start`."""
        count = len(part.pages)
        document = part.Root.StructTreeRoot.K[0]
        for kid in document.K:
            del kid["/P"]                 # copy each page's elements, not the part's whole tree
        _prefix_ids(document, f"d{number + 1}-")
        tree = NumberTree(part.Root.StructTreeRoot.ParentTree)
        for blank in range(start, start + count):
            self.blanks[self.out.pages[blank].objgen] = number
        for offset, page in enumerate(part.pages):
            self.out.pages.insert(start + offset, page)
            copied = self.out.pages[start + offset].obj
            self.parents[copied.objgen] = _copy(self.out, tree[int(page.obj.StructParents)])
            for original, annotation in zip(_tagged_annotations(page.obj), _tagged_annotations(copied)):
                self.parents[annotation.objgen] = _copy(self.out, tree[int(original.StructParent)])
        for _ in range(count):
            del self.out.pages[start + count]
        for kid in document.K:
            copied = _copy(self.out, kid)
            self.elements.setdefault(copied.Pg.objgen, []).append(copied)
        self.headings.append([_copy(self.out, dest) for dest in _bookmark_destinations(part.Root.get("/Outlines"))])

    def _rebuild_structure(self) -> None:
        """The Document's kids in page order; the parent tree numbered pages first, then annotations."""
        kids, nums, annotations = [], [], []
        for index, page in enumerate(self.out.pages):
            for element in self.elements.get(page.objgen, ()):
                element.P = self.document
                kids.append(element)
            page.obj.StructParents = index
            nums += [index, self.parents[page.objgen]]
            annotations += _tagged_annotations(page.obj)
        for number, annotation in enumerate(annotations, start=len(self.out.pages)):
            nums += [number, self.parents[annotation.objgen]]
            annotation.StructParent = number
        self.document.K = Array(kids)
        self.out.Root.StructTreeRoot.ParentTree = self.out.make_indirect(Dictionary(Nums=Array(nums)))

    def _rebuild_destinations(self, inserted: dict[str, Array]) -> None:
        """One sorted name list: the inserts' anchors, and the report's on pages that stayed."""
        live = {page.objgen for page in self.out.pages}
        names = {name: dest for name, dest in _destinations(self.out).items() if dest[0].objgen in live}
        for name, dest in inserted.items():
            names.setdefault(name, dest)
        flat = [item for name in sorted(names) for item in (String(name), names[name])]
        if flat:
            self.out.Root.Names.Dests = self.out.make_indirect(Dictionary(Names=Array(flat)))

    def _move_bookmarks(self, item: Dictionary | None) -> None:
        """Bookmarks that pointed at a part's blank pages point at the part's own, in order (the
        blank pages hold the part's bookmarks in its order: report.write.pdf.parts)."""
        taken = [0] * len(self.headings)
        for bookmark in _bookmarks(item):
            dest = bookmark.get("/Dest")
            number = None if dest is None else self.blanks.get(dest[0].objgen)
            if number is not None:
                bookmark.Dest = self.headings[number][taken[number]]
                taken[number] += 1


def _holders(starts: dict[str, int], inserts: Sequence[Insert]) -> dict[str, int | None]:
    """Each of the report's anchors -> the insert whose blank pages hold it (None: the report's own page)."""
    owner: dict[int, int] = {}
    for number, insert in enumerate(inserts):
        with Pdf.open(insert.pdf) as part:
            owner.update({page: number for page in range(starts[insert.anchor],
                                                         starts[insert.anchor] + len(part.pages))})
    return {name: owner.get(page) for name, page in starts.items()}


def _bookmarks(item: Dictionary | None) -> list[Dictionary]:
    """The bookmarks from `item` on, in reading order (each before its children, then its next)."""
    found = []
    while item is not None:
        found += [item, *_bookmarks(item.get("/First"))]
        item = item.get("/Next")
    return found


def _bookmark_destinations(outlines: Dictionary | None) -> list[Array]:
    return [item.Dest for item in _bookmarks(None if outlines is None else outlines.get("/First"))]


def _destinations(pdf: Pdf) -> dict[str, Array]:
    names = pdf.Root.get("/Names", Dictionary())
    return dict(NameTree(names.Dests).items()) if "/Dests" in names else {}


def _tagged_annotations(page: Dictionary) -> list[Dictionary]:
    return [a for a in page.get("/Annots", ()) if "/StructParent" in a]


def _own_stream_data(objects: list[Object]) -> None:
    """Give the streams these objects reach their data in the merged PDF, so their part can be closed.

    qpdf copies a stream's data from the other PDF only when the merged one
    is saved; upward links (/Parent, /P) lead back into the report and are not followed.
    """
    seen: set[ObjGen] = set()
    todo = list(objects)
    while todo:
        obj = todo.pop()
        if not isinstance(obj, (Array, Dictionary, Stream)) or (obj.is_indirect and obj.objgen in seen):
            continue
        if obj.is_indirect:
            seen.add(obj.objgen)
        if isinstance(obj, Stream):
            obj.write(obj.read_raw_bytes(), filter=obj.get("/Filter"), decode_parms=obj.get("/DecodeParms"))
        todo.extend(obj if isinstance(obj, Array) else (value for key, value in obj.items()
                                                        if key not in ("/Parent", "/P")))


def _copy(out: Pdf, obj: Object) -> Object:
    """`obj` from another PDF, in `out`; a direct array or dictionary is copied member by member."""
    if isinstance(obj, Array) and not obj.is_indirect:
        return Array([_copy(out, item) for item in obj])
    if isinstance(obj, Dictionary) and not obj.is_indirect:
        return Dictionary({key: _copy(out, value) for key, value in obj.items()})
    if isinstance(obj, Object) and obj.is_indirect:
        return out.copy_foreign(obj)
    return obj


def _prefix_ids(element: Dictionary, prefix: str) -> None:
    """Make table header cell IDs, and the cells' references to them, unique across parts."""
    if "/ID" in element:
        element.ID = String(prefix + str(element.ID))
    attributes = element.get("/A")
    if isinstance(attributes, Dictionary) and "/Headers" in attributes:
        attributes.Headers = Array([String(prefix + str(h)) for h in attributes.Headers])
    for kid in element.get("/K", ()):
        if isinstance(kid, Dictionary) and kid.get("/Type") == Name.StructElem:
            _prefix_ids(kid, prefix)
