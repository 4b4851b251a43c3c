"""Turn a workbook into stable bytes on disk.

openpyxl stamps the save time into the document properties and into every zip
entry, so the same workbook saved twice differs. We write the parts with
openpyxl's writer (which leaves our fixed properties alone), then repack the
zip with a fixed entry time, so regenerated files change only when their
content does, and write them atomically. No cell leaves here as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl.workbook import Workbook
from openpyxl.writer.excel import ExcelWriter

from report.files import fixed_zip, write_bytes_atomic
from report.workbooks.cells import literal_workbook

_ZIP_EPOCH = dt.date(1980, 1, 1)


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook's bytes, every text cell stored as literal text (report.workbooks.cells)."""
    literal_workbook(wb)
    raw = io.BytesIO()
    ExcelWriter(wb, ZipFile(raw, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return fixed_zip(raw.getvalue(), _ZIP_EPOCH)


def save_workbook(wb: Workbook, path: Path) -> None:
    write_bytes_atomic(Path(path), workbook_bytes(wb))
