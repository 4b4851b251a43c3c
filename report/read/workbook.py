"""Turn an .xlsx file into the stored cell values of one sheet.

We read the package ourselves (zip + XML, report.office) rather than via
openpyxl, because the contract needs two facts openpyxl never gives in one
load: the *stored* value of a cell and whether the cell holds a formula
(`data_only=True` hides formulas, `data_only=False` hides stored values; two
loads double the cost). One pass over the sheet XML gives both, and is about
ten times faster than openpyxl (see bench/bench_read.py). openpyxl's own
helpers still decide which number formats are dates and convert serials.

Everything a damaged, foreign or hostile file can do ends in
`UnreadableWorkbook` with a Dutch message; the package is opened through
report.office, which bounds what a crafted file can make us decompress and
parse.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from lxml.etree import _Element as Element
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel, from_ISO8601
from openpyxl.utils.escape import unescape

from report.office import WORKBOOK, Package, UnreadablePackage

CellValue = Union[str, int, float, bool, dt.datetime, dt.date, dt.time, dt.timedelta]

# Number formats 27-36 and 50-58 are locale-dependent (East Asian) date formats
# that openpyxl's table of built-in formats leaves out.
_LOCALE_DATE_FORMATS = frozenset(range(27, 37)) | frozenset(range(50, 59))
_REF = re.compile(r"([A-Za-z]{1,3})(\d+)$")
_NOT_A_WORKBOOK = ("Het bestand is een zip-archief maar geen Excel-werkboek "
                   "(bijvoorbeeld een Word-document dat .xlsx heet).")


UnreadableWorkbook = UnreadablePackage     # the file cannot be read as a workbook; the message says why


class MissingSheet(Exception):
    """The workbook has no sheet of the wanted name; carries the names it has."""

    def __init__(self, wanted: str, found: tuple[str, ...]):
        super().__init__(wanted)
        self.wanted = wanted
        self.found = found


@dataclass(frozen=True)
class Cell:
    """One non-empty cell as stored in the file.

    `formula` marks a formula cell; its `value` is the result Excel stored
    (None if the workbook was never calculated). `error` marks an Excel error
    value such as `#N/A`, whose text is the value.
    """

    row: int
    column: int
    value: CellValue | None
    formula: bool = False
    error: bool = False

    @property
    def ref(self) -> str:
        return cell_ref(self.row, self.column)


def cell_ref(row: int, column: int) -> str:
    """The A1-style reference people see in Excel, e.g. C14."""
    return f"{get_column_letter(column)}{row}"


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: dict[int, dict[int, Cell]]

    def cell(self, row: int, column: int) -> Cell | None:
        return self.rows.get(row, {}).get(column)

    def row_numbers(self) -> list[int]:
        return sorted(self.rows)


def read_sheet(path: Path, sheet_name: str) -> Sheet:
    """Read the named sheet (exact name, else case-insensitive) of an .xlsx file."""
    with Package(path, WORKBOOK) as package:
        try:
            return _Workbook(package).sheet(sheet_name)
        except (ValueError, IndexError, KeyError):
            raise UnreadableWorkbook(f"Het bestand is beschadigd en kan niet als Excel-werkboek worden "
                                     f"gelezen. {WORKBOOK.repair}") from None


class _Workbook:
    """The parts of one open .xlsx package that the sheet reader needs."""

    def __init__(self, package: Package):
        self.package = package
        self.names = package.names
        self.workbook_part = package.main_part()
        if self.workbook_part is None:
            raise UnreadableWorkbook(_NOT_A_WORKBOOK)
        self.workbook = self._xml(self.workbook_part)
        if not self.workbook.tag.endswith("workbook"):
            raise UnreadableWorkbook(_NOT_A_WORKBOOK)
        self.ns = _namespace(self.workbook)
        self.relations = package.relations(self.workbook_part)

    def sheet(self, wanted: str) -> Sheet:
        sheets = self._sheets()
        name = _pick_sheet(wanted, tuple(sheets))
        target = self.relations.get(sheets[name])
        if target is None:
            raise KeyError(name)
        cells = _SheetParser(self.ns, self._shared_strings(), self._date_styles(),
                             self._epoch()).rows(self._xml(target[1]))
        return Sheet(name, cells)

    def _sheets(self) -> dict[str, str]:
        """Sheet name -> relationship id, in workbook order."""
        container = self.workbook.find(f"{self.ns}sheets")
        found: dict[str, str] = {}
        for sheet in container if container is not None else ():
            rel_id = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            if rel_id is not None:
                found[sheet.get("name", "")] = rel_id
        return found

    def _related(self, type_suffix: str) -> str | None:
        for rel_type, target in self.relations.values():
            if rel_type.endswith(type_suffix) and target in self.names:
                return target
        return None

    def _shared_strings(self) -> list[str]:
        part = self._related("/sharedStrings")
        if part is None:
            return []
        return [_rich_text(item, self.ns) for item in self._xml(part)
                if item.tag == f"{self.ns}si"]

    def _date_styles(self) -> frozenset[int]:
        """The cell-style indexes whose number format shows a date or time."""
        part = self._related("/styles")
        if part is None:
            return frozenset()
        styles = self._xml(part)
        custom = {int(fmt.get("numFmtId", "-1")): fmt.get("formatCode", "")
                  for fmt in styles.iterfind(f"{self.ns}numFmts/{self.ns}numFmt")}
        dates = set()
        for index, xf in enumerate(styles.iterfind(f"{self.ns}cellXfs/{self.ns}xf")):
            fmt_id = int(xf.get("numFmtId", "0"))
            code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, ""))
            if fmt_id in _LOCALE_DATE_FORMATS or is_date_format(code):
                dates.add(index)
        return frozenset(dates)

    def _epoch(self) -> dt.datetime:
        props = self.workbook.find(f"{self.ns}workbookPr")
        date1904 = props is not None and props.get("date1904", "0").lower() in ("1", "true")
        return MAC_EPOCH if date1904 else WINDOWS_EPOCH

    def _xml(self, name: str) -> Element:
        return self.package.xml(name)


class _SheetParser:
    """Worksheet XML -> non-empty cells by row and column."""

    def __init__(self, ns: str, shared: list[str], date_styles: frozenset[int],
                 epoch: dt.datetime):
        self.ns = ns
        self.shared = shared
        self.date_styles = date_styles
        self.epoch = epoch

    def rows(self, worksheet: Element) -> dict[int, dict[int, Cell]]:
        ns = self.ns
        data = worksheet.find(f"{ns}sheetData")
        result: dict[int, dict[int, Cell]] = {}
        row_number = 0
        for row in data if data is not None else ():
            row_number = int(row.get("r") or row_number + 1)
            column = 0
            cells: dict[int, Cell] = {}
            for element in row.iterfind(f"{ns}c"):
                ref = element.get("r")
                match = _REF.match(ref) if ref else None
                column = _column_index(match.group(1)) if match else column + 1
                cell = self._cell(element, row_number, column)
                if cell is not None:
                    cells[column] = cell
            if cells:
                result[row_number] = cells
        return result

    def _cell(self, element: Element, row: int, column: int) -> Cell | None:
        ns = self.ns
        kind = element.get("t", "n")
        formula = element.find(f"{ns}f") is not None
        if kind == "inlineStr":
            inline = element.find(f"{ns}is")
            value: CellValue | None = _rich_text(inline, ns) if inline is not None else None
        else:
            value = self._value(element.findtext(f"{ns}v"), kind, element.get("s"))
            if kind == "e" and value is not None:
                return Cell(row, column, value, formula, error=True)
        if isinstance(value, str) and value == "":
            value = None
        if value is None and not formula:
            return None
        return Cell(row, column, value, formula)

    def _value(self, text: str | None, kind: str, style: str | None) -> CellValue | None:
        if not text:
            return None
        if kind == "s":
            return self.shared[int(text)]
        if kind in ("str", "e"):
            return unescape(text)
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            return _iso_datetime(text)
        number = _number(text)
        if style is not None and int(style) in self.date_styles:
            try:
                return from_excel(number, self.epoch)
            except (OverflowError, ValueError):
                return number  # a serial outside Excel's dates: the answer check says why
        return number


def _number(text: str) -> int | float:
    text = text.strip()
    try:
        return int(text)
    except ValueError:
        return float(text)


def _iso_datetime(text: str) -> CellValue:
    try:
        return from_ISO8601(text)
    except ValueError:
        return text


def _rich_text(item: Element, ns: str) -> str:
    """The text of a shared or inline string: plain, or the runs of rich text."""
    plain = item.find(f"{ns}t")
    if plain is not None:
        return unescape(plain.text or "")
    return unescape("".join(run.text or "" for run in item.iterfind(f"{ns}r/{ns}t")))


def _namespace(root: Element) -> str:
    return root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""


def _column_index(letters: str) -> int:
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index


def _pick_sheet(wanted: str, names: tuple[str, ...]) -> str:
    if wanted in names:
        return wanted
    for name in names:
        if name.strip().casefold() == wanted.casefold():
            return name
    raise MissingSheet(wanted, names)
