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
            cells = structure_kids(row)
            named = {str(header) for cell in cells if cell.get("/S") == Name.TD
                     for attributes in table_attributes(cell) for header in attributes.get("/Headers", ())}
            for cell in cells:
                if cell.get("/S") == Name.TH:
                    scope = Name.Row if "/ID" in cell and str(cell.ID) in named else Name.Column
                    _owned_attributes(cell).Scope = scope


def structure_kids(node: Dictionary) -> list[Dictionary]:
    """The structure elements among the node's kids (not its marked content or annotations)."""
    kids = node.get("/K")
    items = [] if kids is None else list(kids) if isinstance(kids, Array) else [kids]
    return [kid for kid in items if isinstance(kid, Dictionary) and "/S" in kid]


def table_attributes(cell: Dictionary) -> list[Dictionary]:
    """The cell's attribute dictionaries of the Table owner (where /Scope and /Headers stand)."""
    attributes = cell.get("/A")
    candidates = list(attributes) if isinstance(attributes, Array) else [attributes]
    return [c for c in candidates if isinstance(c, Dictionary) and c.get("/O") == Name.Table]


def _elements(node: Dictionary, role: Name) -> Iterator[Dictionary]:
    """The structure elements with this role under `node`, in document order."""
    for kid in structure_kids(node):
        if kid.get("/S") == role:
            yield kid
        else:
            yield from _elements(kid, role)


def _rows(table: Dictionary) -> Iterator[Dictionary]:
    for kid in structure_kids(table):
        if kid.get("/S") in _ROW_GROUPS:
            yield from _rows(kid)
        elif kid.get("/S") == Name.TR:
            yield kid


def _owned_attributes(cell: Dictionary) -> Dictionary:
    """The cell's Table attribute dictionary, added beside any others if it has none."""
    found = table_attributes(cell)
    if found:
        return found[0]
    table = Dictionary(O=Name.Table)
    other = cell.get("/A")
    cell.A = table if other is None else Array([*(other if isinstance(other, Array) else [other]), table])
    return table
