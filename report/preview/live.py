"""The live page: the current rendering of the inputs, remade after each save, and the loop that serves it.

An input error shows above the last good rendering, which stays. The server listens on
127.0.0.1 only and opens no browser; Ctrl-C or SIGTERM stops it and removes its working
folder (the charts).
"""

from __future__ import annotations

import datetime as dt
import secrets
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

from report.document import Document, Figure, Metadata, figures
from report.engagement.folders import EXCEL_LOCK_PREFIX
from report.model import Problem, Severity
from report.preview.markup import PreviewMarkup
from report.preview.pipeline import Pipeline, Rendering
from report.preview.server import LOOPBACK, Board, Page, make_server
from report.stopping import stoppable
from report.style import FONTS_DIR, HOUSE_STYLE
from report.write.html import font_files, render_page
from report.write.pdf.html import anchor

_STEP_MS = 40             # how long a save must be quiet before it counts (editors write in bursts)
_VERSIONS_KEPT = 8        # the parts of as many recent versions: an open page shows one of them


class Preview:
    """The inputs' current page, remade after each save; the last good report stays when an input breaks."""

    def __init__(self, inputs_dir: Path, work: Path):
        self.pipeline = Pipeline(inputs_dir, work)
        self.run = secrets.token_hex(4)       # this run's name (report.preview.server.Board)
        self.version = 0
        self._good: tuple[Document, list[Problem]] | None = None
        self._sheets: dict = {}       # the factsheets' markup on the last page
        self._earlier: dict[int, frozenset[str]] = {}     # the digests of recent versions' parts

    def refresh(self, changed: Iterable[Path] = ()) -> Page:
        rendering = self.pipeline.refresh(changed)
        self.version += 1
        return self._page(rendering)

    def waiting(self) -> Page:
        """The page while the first rendering is made; it fetches that when it is ready."""
        return self._render([], [], "Het voorbeeld wordt gemaakt …")

    def _page(self, rendering: Rendering) -> Page:
        warnings = [p for p in rendering.problems if p.severity is Severity.WARNING]
        errors = [p for p in rendering.problems if p.is_error]
        if rendering.ok:
            self._good = (rendering.document, warnings)
        elif not errors:      # no document without an error message: say so rather than show nothing
            errors = [Problem(Severity.ERROR, "rapport.yaml", "Het rapport kan niet worden samengesteld.")]
        status = f"Versie {self.version} van het voorbeeld, bijgewerkt om {time.strftime('%H:%M:%S')}."
        return self._render(warnings, errors, status)

    def _render(self, warnings: list[Problem], errors: list[Problem], status: str) -> Page:
        files = {"/logo.svg": ("image/svg+xml", HOUSE_STYLE.logo.read_bytes)}
        files.update({f"/lettertypen/{name}": (_font_type(name), (FONTS_DIR / name).read_bytes)
                      for name in font_files()})
        context = dict(version=self.version, run=self.run, status=status, errors=errors,
                       has_report=self._good is not None)
        if self._good is None:
            empty = _empty()
            html = render_page(empty, PreviewMarkup(empty, [], _figure_src), fonts="/lettertypen/",
                               logo="/logo.svg", template="preview.html.j2", warnings=[], **context)
            return Page(self.version, html, {}, files)
        document, good_warnings = self._good
        markup = PreviewMarkup(document, good_warnings if errors else warnings, _figure_src, self._sheets)
        for figure in figures(document):
            files[_figure_src(figure)] = ("image/svg+xml", figure.svg.read_bytes)
        html = render_page(document, markup, fonts="/lettertypen/", logo="/logo.svg",
                           template="preview.html.j2", warnings=markup.warnings, **context)
        self._sheets = markup.used
        self._earlier = {v: d for v, d in self._earlier.items() if v > self.version - _VERSIONS_KEPT}
        self._earlier[self.version] = frozenset(markup.parts)
        return Page(self.version, html, markup.parts, files, dict(self._earlier))


def run_preview(inputs_dir: Path, port: int, echo: Callable[[str], None]) -> None:
    """Serve the preview until Ctrl-C or SIGTERM; `echo` tells the consultant where and what changed."""
    with stoppable(), tempfile.TemporaryDirectory(prefix="voorbeeld-") as work:
        preview = Preview(inputs_dir, Path(work))
        board = Board(preview.waiting(), preview.run)
        server = make_server(board, port)      # first: a port in use is told at once
        thread = threading.Thread(target=server.serve_forever, name="voorbeeld", daemon=True)
        thread.start()
        echo(f"Voorbeeld op http://{LOOPBACK}:{server.server_port}/ (stoppen met Ctrl-C)")
        try:
            board.publish(preview.refresh())
            echo(f"Klaar (versie {board.page.version}); het voorbeeld volgt nu elke wijziging in {inputs_dir}.")
            for changes in watchfiles.watch(inputs_dir, step=_STEP_MS, watch_filter=_input_file,
                                            raise_interrupt=True):
                paths = sorted({Path(path) for _, path in changes})
                started = time.perf_counter()
                page = preview.refresh(paths)
                board.publish(page)
                took = f"{time.perf_counter() - started:.2f}".replace(".", ",")
                echo(f"Bijgewerkt in {took} s (versie {page.version}): {', '.join(p.name for p in paths)}")
        except KeyboardInterrupt:
            echo("Voorbeeld gestopt.")
        finally:
            board.close()
            server.shutdown()
            server.server_close()
            thread.join()


def _input_file(change: watchfiles.Change, path: str) -> bool:
    """Inputs only: not editors' swap files, Excel's lock files or hidden files."""
    name = Path(path).name
    return watchfiles.DefaultFilter()(change, path) and not name.startswith((".", EXCEL_LOCK_PREFIX))


def _figure_src(figure: Figure) -> str:
    """The chart's address, new whenever its drawing is (the cache folder is named by its bars)."""
    return f"/figuren/{anchor('fig', figure.key)}-{figure.svg.parent.name[:16]}.svg"


def _font_type(name: str) -> str:
    return "font/ttf" if name.endswith(".ttf") else "text/plain; charset=utf-8"



def _empty() -> Document:
    """A document without content, for the page of inputs that have not yet made a report."""
    meta = Metadata(title="Voorbeeld van het rapport", subtitle="", client="", authors=(),
                    organisation=HOUSE_STYLE.organisation, date=dt.date.today(), version="", status="concept")
    return Document(meta=meta, chapters=())
