"""Matterhorn checkpoints the pdfua checker skips, read back with pikepdf.

- 01-005 / 18-001: content is either in the structure tree or an artifact;
  the running headers, footers and page numbers are pagination artifacts;
- 06-003, 07-002: the XMP carries the document's title (dc:title) and
  language (dc:language), the title bar shows the title (DisplayDocTitle).

`matterhorn_findings` is shared with the tests that build other inputs.
"""

from __future__ import annotations

import io
import re

import pikepdf
from pikepdf import Array, Dictionary, NumberTree

from report.write.pdf import write_factsheet_pdf



def matterhorn_findings(data: bytes, furniture_from: int = 3) -> list[str]:
    """What the PDF misses of the checkpoints above, one line each (page numbers from 1).

    Pages from `furniture_from` on carry a running header or footer (the cover and colophon do not).
    """
    findings = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.StructTreeRoot
        reached = _reached(root)
        tree = NumberTree(root.ParentTree)
        for number, page in enumerate(pdf.pages, start=1):
            entries = tree[int(page.obj.StructParents)]
            content = _content(page.obj)
            for mcid in (int(m) for m in re.findall(rb"/MCID\s+(\d+)", content)):
                element = entries[mcid] if mcid < len(entries) else None
                if not isinstance(element, Dictionary) or element.objgen not in reached:
                    findings.append(f"pagina {number}: MCID {mcid} is getagd maar niet in de structuur")
            if number >= furniture_from and b"/Artifact <</Type /Pagination>>" not in content:
                findings.append(f"pagina {number}: geen kop- of voettekst als artefact")
        with pdf.open_metadata() as meta:
            language, title = meta.get("dc:language"), meta.get("dc:title")
        info_title = str(pdf.trailer.Info.get("/Title", ""))
        if not info_title or title != info_title:
            findings.append(f"dc:title {title!r} is niet de titel {info_title!r}")
        if not language or set(language) != {str(pdf.Root.Lang)}:
            findings.append(f"dc:language {language!r} is niet de taal {pdf.Root.get('/Lang')!r}")
        if not pdf.Root.ViewerPreferences.get("/DisplayDocTitle", False):
            findings.append("de titelbalk toont de bestandsnaam, niet de titel")
    return findings


def _content(page: Dictionary) -> bytes:
    contents = page.Contents
    return b"\n".join(part.read_bytes() for part in contents) if isinstance(contents, Array) \
        else contents.read_bytes()


def _reached(root: Dictionary) -> set:
    seen, todo = set(), [root]
    while todo:
        node = todo.pop()
        if not isinstance(node, Dictionary) or node.objgen in seen:
            continue
        seen.add(node.objgen)
        kids = node.get("/K")
        todo.extend(kids if isinstance(kids, Array) else [kids] if kids is not None else [])
    return seen


def test_the_example_meets_the_checkpoints(example_build):
    assert matterhorn_findings(example_build.pdf.read_bytes()) == []


def test_a_factsheet_alone_meets_them_too(example_build):
    document = example_build.document
    sheet = document.annexes[0].factsheets[0]
    assert matterhorn_findings(write_factsheet_pdf(document, sheet), furniture_from=1) == []


def test_the_checkpoints_find_what_weasyprint_alone_leaves(example_build):
    """Undone on the example: the running header tagged again, the XMP without language."""
    with pikepdf.open(example_build.pdf) as pdf:
        page = pdf.pages[4]
        content = _content(page.obj).replace(b"/Artifact <</Type /Pagination>> BDC", b"/Span <</MCID 999>> BDC", 1)
        page.obj.Contents = pdf.make_stream(content)
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            del meta["dc:language"]
        buffer = io.BytesIO()
        pdf.save(buffer)
    findings = matterhorn_findings(buffer.getvalue())
    assert findings[0] == "pagina 5: MCID 999 is getagd maar niet in de structuur"
    assert findings[-1].startswith("dc:language None")
