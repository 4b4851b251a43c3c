"""Finish a laid-out PDF where PDF/UA asks more than WeasyPrint's tagging gives.

Two Matterhorn checkpoints that the pdfua checker does not test:

- running headers, footers and page numbers are *artifacts* (checkpoint
  01-005/18-001): WeasyPrint marks the page-margin boxes' text as tagged
  content whose elements never join the structure tree, so a screen reader
  meets neither a heading nor an artifact. Every marked-content sequence
  whose element the structure tree does not reach becomes
  `/Artifact <</Type /Pagination>>`, and its parent-tree entry is cleared;
- the XMP metadata names the document's language (`dc:language`) and its
  title (`dc:title`, as the document information does; checkpoint 06-003
  and 07-002 with DisplayDocTitle).

Runs on the merged report and on a factsheet laid out alone, so every PDF
the pipeline writes is finished the same way.
"""

from __future__ import annotations

import re

from pikepdf import Array, Dictionary, NumberTree, Object, Pdf

# Marked content as WeasyPrint writes it (its text is hex glyph strings, so this cannot match inside text).
_TAGGED = re.compile(rb"/\w+\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")
_ARTIFACT = b"/Artifact <</Type /Pagination>> BDC"


def finish(pdf: Pdf) -> None:
    """Mark the untagged page furniture as artifacts and complete the XMP metadata, in place."""
    _pagination_artifacts(pdf)
    _complete_metadata(pdf)


def _pagination_artifacts(pdf: Pdf) -> None:
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    reached = _reached(root)
    tree = NumberTree(root.ParentTree)
    for page in pdf.pages:
        if "/StructParents" not in page.obj:
            continue
        entries = tree[int(page.obj.StructParents)]
        orphans = {number for number, element in enumerate(entries)
                   if isinstance(element, Dictionary) and element.objgen not in reached}
        if not orphans:
            continue
        contents = page.obj.Contents
        data = b"\n".join(part.read_bytes() for part in contents) if isinstance(contents, Array) \
            else contents.read_bytes()

        def artifact(match: re.Match) -> bytes:
            return _ARTIFACT if int(match.group(1)) in orphans else match.group(0)

        page.obj.Contents = pdf.make_stream(_TAGGED.sub(artifact, data))
        for number in orphans:
            entries[number] = None


def _reached(root: Dictionary) -> set[tuple[int, int]]:
    """The structure elements the tree reaches from its root."""
    seen: set[tuple[int, int]] = set()
    todo = list(_kids(root))
    while todo:
        element = todo.pop()
        if not isinstance(element, Dictionary) or "/S" not in element or element.objgen in seen:
            continue
        seen.add(element.objgen)
        todo.extend(_kids(element))
    return seen


def _kids(element: Dictionary) -> list[Object]:
    kids = element.get("/K")
    return list(kids) if isinstance(kids, Array) else [] if kids is None else [kids]


def _complete_metadata(pdf: Pdf) -> None:
    language = str(pdf.Root.get("/Lang", ""))
    title = str(pdf.trailer.get("/Info", Dictionary()).get("/Title", ""))
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if language:
            meta["dc:language"] = [language]
        if title:
            meta["dc:title"] = title
