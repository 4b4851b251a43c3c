"""Turn a built PDF into what stands between it and publication: accessibility gaps and drafting leftovers.

A published report must be a tagged PDF/UA file a screen reader can use
(EN 301 549): the catalogue declares it tagged, PDF/UA and in a language,
shows its title; every figure has alternative text; every table has
header cells that say whether they label a row or a column; headings do not
skip a level; and the tag tree reads in page order. These are checked on the
file's own objects (pikepdf), not on the HTML it came from, so whatever
happened on the way (the part merge, a font join) is checked too. The
leftovers of drafting are read from the text the pages show
(report.publication.drafts).
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pikepdf
from pikepdf import Dictionary, Name

from report.model import Problem, Severity
from report.parity.from_pdf import Element, page_trees, page_texts
from report.publication.drafts import Page, leftovers
from report.write.pdf.tables import structure_kids, table_attributes

HEADING_LEVELS = {f"/H{level}": level for level in range(1, 7)}


def pdf_problems(data: bytes, file: str, publication: bool) -> list[Problem]:
    """Every accessibility gap of the PDF and, with `publication`, every drafting mark left in it."""
    problems: list[Problem] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        checker = _Checker(pdf, file)
        checker.catalogue()
        checker.tree()
        problems += checker.problems
    texts = page_texts(data)
    cells = [_cells(tree) for tree in page_trees(data)] if publication else [()] * len(texts)
    pages = [Page(f"pagina {number}", text, page_cells)
             for number, (text, page_cells) in enumerate(zip(texts, cells), start=1)]
    problems += leftovers(pages, file, publication)
    return problems


class _Checker:
    def __init__(self, pdf: pikepdf.Pdf, file: str):
        self.pdf = pdf
        self.file = file
        self.problems: list[Problem] = []
        self.pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}

    def add(self, message: str, page: int | None = None) -> None:
        self.problems.append(Problem(Severity.ERROR, self.file, message,
                                     cell=f"pagina {page}" if page else None))

    def catalogue(self) -> None:
        root = self.pdf.Root
        if not bool(root.get("/MarkInfo", Dictionary()).get("/Marked", False)):
            self.add("De PDF is niet gemarkeerd als getagd (MarkInfo/Marked ontbreekt).")
        if not str(root.get("/Lang", "")).strip():
            self.add("De PDF noemt geen documenttaal (Lang); een schermlezer weet dan niet hoe hij moet voorlezen.")
        if not bool(root.get("/ViewerPreferences", Dictionary()).get("/DisplayDocTitle", False)):
            self.add("De PDF toont in de titelbalk de bestandsnaam in plaats van de titel (DisplayDocTitle).")
        with self.pdf.open_metadata() as meta:
            if not str(meta.get("dc:title", "") or "").strip():
                self.add("De PDF heeft geen titel in de metadata (dc:title).")
            if str(meta.get("pdfuaid:part", "")) != "1":
                self.add("De PDF verklaart niet dat hij PDF/UA-1 volgt (pdfuaid:part in de XMP-metadata).")

    def tree(self) -> None:
        root = self.pdf.Root.get("/StructTreeRoot")
        if root is None:
            self.add("De PDF heeft geen structuurboom (tags): een schermlezer ziet geen koppen, lijsten of tabellen.")
            return
        last_page, last_level = 0, 0
        for element, page in _walk(root, None, self.pages):
            role = str(element.get("/S"))
            if page is not None and page < last_page:
                self.add(f"De leesvolgorde van de tags springt terug van pagina {last_page} naar pagina {page} "
                         f"({role[1:]}).", page)
            last_page = max(last_page, page or 0)
            if role in HEADING_LEVELS:
                level = HEADING_LEVELS[role]
                if level > last_level + 1:
                    self.add(f"Kop van niveau {level} volgt op niveau {last_level}; er ontbreekt een niveau.", page)
                last_level = level
            elif role == "/Figure" and not str(element.get("/Alt", "")).strip():
                self.add("Een figuur heeft geen alternatieve tekst (Alt).", page)
            elif role == "/Table":
                self.table(element, page)

    def table(self, table: Dictionary, page: int | None) -> None:
        cells = [cell for cell, _ in _walk(table, page, self.pages) if cell.get("/S") in (Name.TH, Name.TD)]
        headers = [cell for cell in cells if cell.get("/S") == Name.TH]
        if not headers:
            self.add("Een tabel heeft geen kopcellen (TH): niets zegt wat de kolommen of rijen betekenen.", page)
        elif not all(any("/Scope" in a or "/Headers" in a for a in table_attributes(cell)) for cell in headers):
            self.add("Een tabel heeft kopcellen zonder Scope: niet vast te stellen of ze een rij of een kolom "
                     "benoemen.", page)


def _walk(node: Dictionary, page: int | None, pages: dict) -> Iterator[tuple[Dictionary, int | None]]:
    """The structure elements under `node` in tree order, each with its page number (inherited if unset)."""
    for kid in structure_kids(node):
        own = pages.get(kid.Pg.objgen) if "/Pg" in kid else page
        yield kid, own
        yield from _walk(kid, own, pages)


def _cells(tree: list[Element]) -> list[str]:
    """The text of every data cell on the page (where a factsheet shows its values)."""
    found = []
    stack = list(tree)
    while stack:
        element = stack.pop(0)
        if element.type == "TD":
            found.append(element.text())
        else:
            stack[:0] = element.elements
    return found
