"""Turn what a rendered piece is made from into a key, so the next build can reuse the piece.

A review round changes a few answers; redrawing every chart and laying out
every factsheet again would take most of a build's time. Each piece is stored
under the hash of its ingredients plus the code and tools that render it, so
a stale entry can never be found: a changed answer, template, font or package
version gives a new key.

Entries live in `<output>/.cache/<namespace>/<key>/`. An entry records the
digest of each of its files and is checked before use, so a damaged or
half-written entry is made again, never trusted and never a crash. New entries
are made in a staging folder and only moved into the cache by `commit()`,
after the build succeeded: a failed build changes nothing in the output
folder. The commit also drops the entries this build did not use, so the cache
holds one build and does not grow with every review round.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from report.files import write_bytes_atomic, write_text_atomic
from report.workers import Workers

CACHE_DIR = ".cache"
_MANIFEST = "inhoud.json"        # name -> sha256 of each file of an entry; written last
_BLOB = "data"


@dataclass
class CacheStats:
    """What one namespace of the cache did in a build: the labels found and the labels made."""

    hits: list[str] = field(default_factory=list)
    made: list[str] = field(default_factory=list)


class Cache:
    """A store of rendered pieces under `root`; without a root every piece is made afresh.

    `reuse=False` (a clean build) makes every piece afresh too, and its
    commit leaves the cache holding exactly this build's pieces.
    """

    def __init__(self, root: Path | None, staging: Path, reuse: bool = True):
        self.root = root
        self.staging = staging
        self.reuse = reuse
        self.stats: dict[str, CacheStats] = {}
        self._used: dict[str, set[str]] = {}
        self._staged: list[tuple[str, str]] = []

    @classmethod
    def for_output(cls, output_dir: Path | None, staging: Path, reuse: bool = True) -> Cache:
        """The cache of builds into `output_dir`; none when the build writes no files."""
        return cls(None if output_dir is None else output_dir / CACHE_DIR, staging, reuse)

    def folder(self, namespace: str, label: str, ingredients: Iterable[str | bytes],
               make: Callable[[Path], None]) -> Path:
        """The folder of files `make` writes for these ingredients, made only when not cached."""
        [entry] = self.folders(namespace, [(label, ingredients, make)], Workers(None, 1))
        return entry

    def folders(self, namespace: str, pieces: Sequence[tuple[str, Iterable[str | bytes], Callable[[Path], None]]],
                pool: Workers) -> list[Path]:
        """`folder` for several pieces (label, ingredients, make); the missing ones made side by side by `pool`."""
        stats = self.stats.setdefault(namespace, CacheStats())
        entries, making = [], []
        for label, ingredients, make in pieces:
            key = _key(namespace, ingredients)
            self._used.setdefault(namespace, set()).add(key)
            if self.root is not None and self.reuse and _intact(self.root / namespace / key):
                stats.hits.append(label)
                entries.append(self.root / namespace / key)
                continue
            entry = self.staging / namespace / key
            entries.append(entry)
            if _intact(entry) or any(entry == other for _, other, _ in making):
                continue                     # the same piece twice in one build is made once
            shutil.rmtree(entry, ignore_errors=True)
            entry.mkdir(parents=True)
            making.append((label, entry, pool.submit(make, entry)))
        for label, entry, future in making:
            future.result()
            _write_manifest(entry)
            self._staged.append((namespace, entry.name))
            stats.made.append(label)
        return entries

    def find(self, namespace: str, label: str, ingredients: Iterable[str | bytes]) -> Path | None:
        """The file of a blob made for these ingredients before (by an earlier build or this one), or None.

        For pieces made elsewhere (in a worker process): find, else make and `put`.
        """
        key = _key(namespace, ingredients)
        self._used.setdefault(namespace, set()).add(key)
        if self.root is not None and self.reuse and _intact(self.root / namespace / key):
            self.stats.setdefault(namespace, CacheStats()).hits.append(label)
            return self.root / namespace / key / _BLOB
        return self.staging / namespace / key / _BLOB if _intact(self.staging / namespace / key) else None

    def peek(self, namespace: str, ingredients: Iterable[str | bytes]) -> Path | None:
        """The blob an earlier build kept for these ingredients, or None; for a worker, which only
        reads the cache: its build records the use with `find` or `put`."""
        entry = None if self.root is None or not self.reuse else self.root / namespace / _key(namespace, ingredients)
        return entry / _BLOB if entry is not None and _intact(entry) else None

    def kept(self, namespace: str) -> list[Path]:
        """The blobs the last build kept in `namespace`: for a piece whose key is not known before it
        is made, such as a guess that a build checks before it trusts it."""
        folder = None if self.root is None or not self.reuse else self.root / namespace
        entries = sorted(entry for entry in folder.iterdir() if _intact(entry)) if folder and folder.is_dir() else []
        return [entry / _BLOB for entry in entries]

    def put(self, namespace: str, label: str, ingredients: Iterable[str | bytes], data: bytes) -> Path:
        """Keep the bytes made for these ingredients; the file that holds them."""
        return self.folder(namespace, label, ingredients,
                           lambda folder: write_bytes_atomic(folder / _BLOB, data)) / _BLOB

    def commit(self) -> None:
        """Move this build's new entries into the cache and drop the entries it did not use."""
        if self.root is None:
            return
        for namespace, key in self._staged:
            target = self.root / namespace / key
            shutil.rmtree(target, ignore_errors=True)
            _remove(_sibling(target))                # left over from an interrupted commit
            shutil.copytree(self.staging / namespace / key, _sibling(target))
            os.replace(_sibling(target), target)
        self._staged.clear()
        for namespace, used in self._used.items():
            folder = self.root / namespace
            for entry in folder.iterdir() if folder.is_dir() else ():
                if entry.name not in used:
                    _remove(entry)


def fingerprint(*paths: Path) -> str:
    """A digest of these files' bytes (for a folder: every file below it), for a cache key."""
    files = sorted(p for path in paths for p in (path.rglob("*") if path.is_dir() else [path]) if p.is_file())
    return digest("".join(f"{file.name}:{file_digest(file)}\n" for file in files))


def file_digest(path: Path) -> str:
    """A digest of one file's bytes; a missing file has a digest of its own."""
    try:
        stat = path.stat()
    except OSError:
        return digest(f"ontbreekt: {path}")
    return _file_digest(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=1024)
def _file_digest(path: Path, modified: int, size: int) -> str:
    """Remembered per file version: every part of the report names the same fonts."""
    return digest(path.read_bytes())


def versions(*packages: str) -> str:
    """The installed versions of these packages, for a cache key."""
    return " ".join(f"{name}={version(name)}" for name in packages)


def digest(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def _key(namespace: str, ingredients: Iterable[str | bytes]) -> str:
    hasher = hashlib.sha256(namespace.encode())
    for item in ingredients:
        hasher.update(digest(item).encode())
    return hasher.hexdigest()[:40]


def _intact(entry: Path) -> bool:
    """Whether every file the entry's manifest lists is there with its recorded digest."""
    try:
        manifest = json.loads((entry / _MANIFEST).read_text(encoding="utf-8"))
        return isinstance(manifest, dict) and bool(manifest) and all(
            digest((entry / name).read_bytes()) == expected for name, expected in manifest.items())
    except (OSError, ValueError, TypeError):
        return False


def _write_manifest(entry: Path) -> None:
    files = sorted(p.name for p in entry.iterdir() if p.is_file() and p.name != _MANIFEST)
    write_text_atomic(entry / _MANIFEST, json.dumps({name: digest((entry / name).read_bytes())
                                                     for name in files}, indent=1))


def _sibling(target: Path) -> Path:
    return target.with_name(f".{target.name}.nieuw")


def _remove(entry: Path) -> None:
    if entry.is_dir():
        shutil.rmtree(entry, ignore_errors=True)
    else:
        entry.unlink(missing_ok=True)
