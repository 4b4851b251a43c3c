"""Serve the preview on the loopback interface: the page, its charts and fonts, and a stream of updates.

A page is kept as a skeleton and its parts (chapters, factsheets) by
digest. A browser asks for the new version naming the one it shows
(`/?van=<versie>`) and gets the parts it has as empty places carrying their
digest, so a narrative edit sends one chapter, not the whole annex; the
page patches what changed and fetches the whole page if a place does not fit.

Only names the server itself made are served — the page, the current
document's charts by figure key, the house fonts and the logo by their fixed
names — each looked up in a table, never joined to a path from the request,
so no request can reach another file. Browsers keep one event stream open
(`/gebeurtenissen`, server-sent events) and hear the new version number
after each save; the page then fetches itself again and swaps its content.
"""

from __future__ import annotations

import errno
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LOOPBACK = "127.0.0.1"
EVENTS = "/gebeurtenissen"
_HEARTBEAT = 10.0          # seconds between comments that keep an idle stream open
PART_PLACE = '<div class="deel" data-digest="{}" data-kept></div>'      # a part the browser has
_PLACE = re.compile(re.escape(PART_PLACE).replace(r"\{\}", "([0-9a-f]+)"))


@dataclass(frozen=True)
class Page:
    """What the server shows at one moment: the page and the files it refers to (path -> type, bytes).

    `skeleton` is the page with each part as its place (PART_PLACE), `parts` the parts' markup by
    digest, and `earlier` the digests of the parts of recent versions, this one included.
    """

    version: int
    skeleton: str
    parts: Mapping[str, str]
    files: Mapping[str, tuple[str, Callable[[], bytes]]]
    earlier: Mapping[int, frozenset[str]] = field(default_factory=dict)

    @property
    def html(self) -> bytes:
        return self.html_since(None)

    def html_since(self, version: int | None) -> bytes:
        """The page for a browser that shows `version`: the parts it has left as their places."""
        has = self.earlier.get(version, frozenset()) if version is not None else frozenset()
        return _PLACE.sub(lambda place: place[0] if place[1] in has else self.parts[place[1]],
                          self.skeleton).encode()


class Board:
    """The current page, shared between the rebuilding thread and the request threads.

    `run` names this run of the server in every event: a page left open while the preview
    was restarted hears versions that start again at 1, and must take them as new.
    """

    def __init__(self, page: Page, run: str):
        self._page = page
        self.run = run
        self._changed = threading.Condition()
        self.closed = False

    @property
    def page(self) -> Page:
        return self._page

    def publish(self, page: Page) -> None:
        with self._changed:
            self._page = page
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait_newer(self, version: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self._page.version > version, timeout)
            return self._page.version


def _shown(query: str) -> int | None:
    """The version the asking page shows (`van`), if it names one."""
    value = parse_qs(query[:100]).get("van", [""])[0]
    return int(value) if value.isdigit() and len(value) < 10 else None


class PortUnavailable(Exception):
    """The port cannot be listened on (in use, or reserved); the reason in Dutch."""


_REASONS = {errno.EADDRINUSE: "die is al in gebruik (draait het voorbeeld al?)",
            errno.EACCES: "daarvoor is geen toestemming"}


def make_server(board: Board, port: int) -> ThreadingHTTPServer:
    """A server on 127.0.0.1:`port` (0: any free port); start it with serve_forever in a thread."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "rapport-voorbeeld"
        sys_version = ""

        def do_GET(self) -> None:
            request = urlsplit(self.path)
            path, page = request.path, board.page
            if path == "/":
                self._send("text/html; charset=utf-8", page.html_since(_shown(request.query)))
            elif path == EVENTS:
                self._events()
            elif path in page.files:
                kind, read = page.files[path]
                self._send(kind, read())
            else:
                self.send_error(HTTPStatus.NOT_FOUND, "Niet gevonden")

        def _send(self, kind: str, body: bytes) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            version = board.page.version
            try:
                self.wfile.write(f"event: versie\ndata: {version} {board.run}\n\n".encode())
                self.wfile.flush()
                while not board.closed:
                    newer = board.wait_newer(version, _HEARTBEAT)
                    message = f"event: versie\ndata: {newer} {board.run}\n\n" if newer > version else ": wacht\n\n"
                    version = newer
                    self.wfile.write(message.encode())
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

        def log_message(self, format: str, *args) -> None:
            pass           # the terminal shows the consultant's messages, not every request

    try:
        server = ThreadingHTTPServer((LOOPBACK, port), Handler)
    except OSError as error:
        raise PortUnavailable(_REASONS.get(error.errno, "de poort is niet beschikbaar")) from None
    server.daemon_threads = True
    return server
