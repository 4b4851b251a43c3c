"""Turn output bytes into files safely: atomic writes, so a failed or interrupted build never damages an
earlier output; a set of files replaced together or not at all; and zip packages (xlsx,
docx) that repeat byte for byte."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path


class NotWritable(Exception):
    """A file of a set cannot be written; the message is Dutch and names the file. Nothing was replaced."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_together(files: Mapping[Path, bytes]) -> None:
    """Write every file, or none: all are staged beside their targets and checked first, then swapped in.

    A target that is a folder, or a file that cannot be opened for writing
    (read-only, immutable), stops the set before any target is touched. If
    a swap still fails, the targets already swapped get their old contents
    back. Staged files and backups never outlive the call, also not when it
    is interrupted.
    """
    staged: dict[Path, str] = {}
    backups: dict[Path, str] = {}
    try:
        for path, data in files.items():
            _check_target(path)
            staged[path] = _stage(path, data)
        for path in files:
            if path.exists():
                try:
                    backups[path] = _backup(path)
                except OSError as error:
                    raise _unwritable(path, error) from None
        swapped: list[Path] = []
        try:
            for path, tmp in staged.items():
                os.replace(tmp, path)
                swapped.append(path)
        except OSError as error:
            for path in swapped:
                if path in backups:
                    os.replace(backups.pop(path), path)
                else:
                    path.unlink(missing_ok=True)
            raise _unwritable(path, error) from None
    finally:
        for leftover in (*staged.values(), *backups.values()):
            Path(leftover).unlink(missing_ok=True)


def _check_target(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise NotWritable(path, "op die plaats staat een map met dezelfde naam; hernoem of verwijder die.")
        if path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_APPEND))
    except OSError as error:
        raise _unwritable(path, error) from None


def _stage(path: Path, data: bytes) -> str:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:80]}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise _unwritable(path, error) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise _unwritable(path, error) from None
    return tmp


def _backup(path: Path) -> str:
    """A second name for the current file (a hard link; a copy where links are not possible)."""
    fd, backup = tempfile.mkstemp(prefix=f".{path.name[:80]}.", suffix=".oud", dir=path.parent)
    os.close(fd)
    os.unlink(backup)
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
    return backup


def _unwritable(path: Path, error: OSError) -> NotWritable:
    return NotWritable(path, f"kan niet worden geschreven ({error.strerror or error}).")


def _umask() -> int:
    """The process umask; mkstemp creates files 0600, outputs should be readable as usual."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def fixed_zip(data: bytes, date: dt.date) -> bytes:
    """`data` (a zip) rewritten with every entry dated `date`, in the same order.

    openpyxl and python-docx stamp the save time into every zip entry, so the
    same content would give other bytes on every save.
    """
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
