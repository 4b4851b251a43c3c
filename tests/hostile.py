"""Hostile and broken inputs, generated in code, and a way to run a command on them under hard limits.

Every case runs `make_report.py` in a subprocess capped at 1 GB of address
space and 60 s of CPU (resource.setrlimit), so a regression that exhausts
memory or time fails the test instead of the machine. No large file is
committed: the archives below are a few kilobytes that claim or unpack to
much more.
"""

from __future__ import annotations

import os
import resource
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.workbooks import answers_for, coding_for, write_coding, write_questionnaire

ROOT = Path(__file__).resolve().parents[1]
MEMORY_CAP = 1 << 30
CPU_SECONDS = 60
WALL_SECONDS = 180         # a loaded machine: wall time may exceed CPU time
CHAPTER = "# Inleiding\n\nHet rapport telt {{ totaal() | pilots }}: {{ namen() }}.\n"
ANNEX = "# Factsheets\n\nPer pilot een factsheet.\n"


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def start(*args: str) -> subprocess.Popen:
    """`make_report.py args` under the caps, output captured as text."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONWARNINGS": "error"}
    return subprocess.Popen([sys.executable, str(ROOT / "make_report.py"), *args], preexec_fn=_limits,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def run(*args: str) -> tuple[int, str]:
    """Exit code and everything the command printed (stdout and stderr)."""
    process = start(*args)
    out, err = process.communicate(timeout=WALL_SECONDS)
    return process.returncode, out + err


def assert_refused(code: int, output: str, *words: str, exit_code: int = 1) -> None:
    """The command ended with `exit_code`, said each of `words`, and showed no traceback or escape."""
    assert code == exit_code, output
    assert "Traceback" not in output and "Error:" not in output, output
    assert "\x1b" not in output, output
    for word in words:
        assert word in output, (word, output)


# ---------------------------------------------------------------- inputs


def small_inputs(folder: Path, pilots: int = 2, texts: dict[str, str] | None = None,
                 answers: dict[str, dict[str, object]] | None = None, ids: tuple[str, ...] = ()) -> Path:
    """A valid inputs folder of a few generated pilots (T001, …, then `ids`), with short texts.

    `answers` overrides answers per pilot ID.
    """
    coding = []
    for index, pilot_id in enumerate([f"T{number:03d}" for number in range(1, pilots + 1)] + list(ids)):
        given = answers_for(pilot_id, index=index) | (answers or {}).get(pilot_id, {})
        write_questionnaire(folder / "vragenlijsten" / f"{pilot_id}.xlsx", given)
        coding.append(coding_for(pilot_id, index))
    write_coding(folder / "codering.xlsx", coding)
    shutil.copy(ROOT / "inputs" / "rapport.yaml", folder / "rapport.yaml")
    (folder / "teksten").mkdir(exist_ok=True)
    for name, text in (texts or {"1-inleiding.md": CHAPTER, "bijlage-a.md": ANNEX}).items():
        (folder / "teksten" / name).write_text(text, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- archives


def rewrite_part(path: Path, part: str, write) -> Path:
    """The zip at `path` with `part` replaced by what `write(handle)` streams into it."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            if name == part:
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                with target.open(info, "w", force_zip64=True) as handle:
                    write(handle)
            else:
                target.writestr(name, data)
    return path


def zeros(megabytes: int):
    """A writer of that many megabytes of `0`-characters: a few kB once deflated."""
    def write(handle) -> None:
        block = b"0" * (1 << 20)
        for _ in range(megabytes):
            handle.write(block)
    return write


def lie_about_size(path: Path, part: str, claimed: int = 100) -> Path:
    """The zip's central directory claims `part` unpacks to `claimed` bytes."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        extra_length = struct.unpack_from("<H", data, at + 30)[0]
        if data[at + 46:at + 46 + name_length] == part.encode():
            struct.pack_into("<I", data, at + 24, claimed)
            if struct.unpack_from("<I", data, at + 20)[0] == 0xFFFFFFFF or extra_length:
                _patch_zip64(data, at + 46 + name_length, extra_length, claimed)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def _patch_zip64(data: bytearray, start: int, length: int, claimed: int) -> None:
    end = start + length
    while start + 4 <= end:
        tag, size = struct.unpack_from("<HH", data, start)
        if tag == 1:
            struct.pack_into("<Q", data, start + 4, claimed)     # first field: uncompressed size
        start += 4 + size


def mark_encrypted(path: Path, part: str) -> Path:
    """`part` flagged as password-protected (zip flag bit 0), as an encrypting zip tool writes it."""
    data = bytearray(path.read_bytes())
    for signature, flag_offset, name_offset, length_offset in ((b"PK\x03\x04", 6, 30, 26),
                                                                (b"PK\x01\x02", 8, 46, 28)):
        at = data.find(signature)
        while at != -1:
            length = struct.unpack_from("<H", data, at + length_offset)[0]
            if data[at + name_offset:at + name_offset + length] == part.encode():
                struct.pack_into("<H", data, at + flag_offset,
                                 struct.unpack_from("<H", data, at + flag_offset)[0] | 1)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def tiny_elements(count: int):
    """A sheet of `count` empty XML elements: small packed, huge as a tree."""
    def write(handle) -> None:
        handle.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        block = b"<row/>" * 100_000
        for _ in range(count // 100_000):
            handle.write(block)
        handle.write(b"</sheetData></worksheet>")
    return write


def deep_elements(depth: int):
    def write(handle) -> None:
        handle.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     + b"<a>" * depth + b"</a>" * depth + b"</worksheet>")
    return write


def entity_bomb(handle) -> None:
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    handle.write(f'<!DOCTYPE worksheet [<!ENTITY e0 "ha">{entities}]><worksheet>&e9;</worksheet>'.encode())


def cfb_file(path: Path) -> Path:
    """What Office writes for a password-protected file: a CFB container, no zip."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return path
