"""Turn a workbook into stable bytes on disk.

openpyxl stamps the save time into the document properties and into every zip
entry, so the same workbook saved twice differs. We write the parts with
openpyxl's writer (which leaves our fixed properties alone), then repack the
zip with a fixed entry time, so regenerated files change only when their
content does, and write them atomically.
"""

from __future__ import annotations

import io
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl.workbook import Workbook
from openpyxl.writer.excel import ExcelWriter

from report.files import write_bytes_atomic

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def workbook_bytes(wb: Workbook) -> bytes:
    raw = io.BytesIO()
    ExcelWriter(wb, ZipFile(raw, "w", ZIP_DEFLATED, allowZip64=True)).save()
    stable = io.BytesIO()
    with ZipFile(raw) as source, ZipFile(stable, "w", ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = ZipInfo(entry.filename, date_time=_ZIP_EPOCH)
            fixed.compress_type = ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return stable.getvalue()


def save_workbook(wb: Workbook, path: Path) -> None:
    write_bytes_atomic(Path(path), workbook_bytes(wb))
