"""Keep the compiled form of each narrative text while its source stays the same.

Every render of a text builds a fresh sandboxed Jinja environment (its
functions close over the pilots), so Jinja's own template cache never
helps, and compiling is most of a text's render. Jinja's bytecode cache
is keyed by file name and checked against a digest of the source, so an
edited text compiles afresh and an unchanged one is loaded; the live
preview, which renders every text after each save, is what gains. One entry
per text file, as Jinja keys it.
"""

from __future__ import annotations

import threading

import jinja2


class CompiledTexts(jinja2.BytecodeCache):
    """Jinja's bytecode cache in memory, holding at most `limit` texts (the oldest go first)."""

    def __init__(self, limit: int = 256):
        self._limit = limit
        self._entries: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with self._lock:
            data = self._entries.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = bucket.bytecode_to_string()
        with self._lock:
            self._entries.pop(bucket.key, None)
            self._entries[bucket.key] = data
            while len(self._entries) > self._limit:
                del self._entries[next(iter(self._entries))]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


COMPILED_TEXTS = CompiledTexts()
