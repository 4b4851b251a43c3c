"""Turn the header cells of a tagged PDF's tables into row or column headers with /Scope.

WeasyPrint 70 ties every data cell to its header cells with /Headers and
/ID, but leaves the header cells themselves without /Scope, so a checker
(and some screen readers) that looks at the header cell cannot tell whether
it labels a row or a column. The HTML says it (`<th scope="row">`), and
WeasyPrint's /Headers keep the answer: it lists a row header only for the
data cells of its own row, and a column header for the data cells of its
column in other rows. So a header cell that a data cell of its own row
names is a row header; every other header cell is a column header.
"""

from __future__ import annotations

from collections.abc import Iterator

from pikepdf import Array, Dictionary, Name, Pdf

_ROW_GROUPS = (Name.THead, Name.TBody, Name.TFoot)


def scope_headers(pdf: Pdf) -> None:
    """Give every /TH of every /Table in the structure tree a /Scope of /Row or /Column."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    for table in _elements(root, Name.Table):
        for row in _rows(table):
            cells = _kids(row)
            named = {header for cell in cells if cell.get("/S") == Name.TD for header in _headers(cell)}
            for cell in cells:
                if cell.get("/S") == Name.TH:
                    row_header = "/ID" in cell and str(cell.ID) in named
                    _table_attributes(cell).Scope = Name.Row if row_header else Name.Column


def _elements(node: Dictionary, role: Name) -> Iterator[Dictionary]:
    """The structure elements with this role under `node`, in document order."""
    for kid in _kids(node):
        if kid.get("/S") == role:
            yield kid
        else:
            yield from _elements(kid, role)


def _rows(table: Dictionary) -> Iterator[Dictionary]:
    for kid in _kids(table):
        if kid.get("/S") in _ROW_GROUPS:
            yield from _rows(kid)
        elif kid.get("/S") == Name.TR:
            yield kid


def _kids(node: Dictionary) -> list[Dictionary]:
    """The structure elements among the node's kids (not its marked content or annotations)."""
    kids = node.get("/K")
    if kids is None:
        return []
    items = list(kids) if isinstance(kids, Array) else [kids]
    return [kid for kid in items if isinstance(kid, Dictionary) and "/S" in kid]


def _headers(cell: Dictionary) -> set[str]:
    attributes = cell.get("/A")
    candidates = list(attributes) if isinstance(attributes, Array) else [attributes]
    return {str(header) for candidate in candidates if isinstance(candidate, Dictionary)
            for header in candidate.get("/Headers", ())}


def _table_attributes(cell: Dictionary) -> Dictionary:
    """The cell's attribute dictionary of the Table owner, made if missing."""
    attributes = cell.get("/A")
    candidates = list(attributes) if isinstance(attributes, Array) else [attributes]
    for candidate in candidates:
        if isinstance(candidate, Dictionary) and candidate.get("/O") == Name.Table:
            return candidate
    table = Dictionary(O=Name.Table)
    cell.A = Array([*(c for c in candidates if c is not None), table]) if attributes is not None else table
    return table
