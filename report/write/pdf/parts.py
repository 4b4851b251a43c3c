"""Lay out the report in parts that a rebuild can take from the cache, side by side in worker processes.

WeasyPrint lays out a whole document at once, and most of the report's
pages are factsheets, which a changed answer touches one at a time. So the
report is laid out as parts: the report itself, with each factsheet's place
held by as many blank pages as the factsheet fills, and each factsheet on
its own, on pages numbered where it lands. Every part is cached by its HTML
and the bytes of every file that HTML uses (report.cache), so a rebuild
lays out only the parts that changed; report.write.pdf.merge then puts the
factsheets' pages in their places. The parts are laid out by the build's
workers (report.workers) and go to the merge as files, so neither the pool
nor the merge holds them all in memory.

The report part needs each factsheet's page count (for the page numbers in
the contents and after the annex), and a factsheet needs the page it starts
on, which the factsheets before it decide. A factsheet's page count does not
depend on where it starts (left and right pages are equally wide), so the
factsheets are laid out in order, a few at a time, each assuming that the
ones still in progress fill the pages their places hold; one that turns out
longer or shorter sends only the factsheets in progress after it round
again. When a count differs from the guess the report part was laid out
with, the report is laid out once more with the real counts. Clean or
cached, serial or parallel, the same parts meet in the same merge, so the
PDF's bytes depend on neither.

WeasyPrint reads only the files the project provides for the report (its
fonts, its logo, the document's charts): any other URL, whatever the text of
an answer or a narrative says, is refused by the url_fetcher, and the cache
keys name exactly those files by their content.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import shutil
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from multiprocessing.util import Finalize
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pikepdf
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from report.cache import Cache, file_digest, fingerprint, versions
from report.document import Document, Factsheet, figures
from report.style import FONTS_DIR, TEMPLATES_DIR, HouseStyle
from report.write.pdf import hyphenation, wholewords
from report.write.pdf.finish import finish
from report.write.pdf.html import (FRONT, PlacePage, anchor, render_chapter, render_factsheet, render_front,
                                   render_html, stylesheet)
from report.write.pdf.merge import Insert, anchor_pages, merge
from report.write.pdf.tables import scope_headers
from report.workers import Workers

PDF_VARIANT = "pdf/ua-1"
NAMESPACE = "pdf-delen"
PLACES = "pdf-plaatsen"     # where the last build's parts landed (report.cache.Cache.kept)
GUESSED_PAGES = 2      # what a factsheet aims at (report.compose.factsheets), and cover + colophon
ROUNDS = 4             # page counts settle in the second round; more means they keep changing
_BASE_URL = TEMPLATES_DIR.as_uri() + "/"      # resources are file URIs or relative to templates/
hyphenation.install()      # before any layout, here and in every worker (they fork after this import)


def write_in_parts(document: Document, style: HouseStyle, cache: Cache, pool: Workers) -> bytes:
    """The report as one PDF, made of parts laid out with WeasyPrint or taken from the cache."""
    layout = _Layout(cache, stylesheet(document, style), pool, _Assets(document, style))
    sheets = [sheet for annex in document.annexes for sheet in annex.factsheets]
    inserts = [_Insert("voorwerk", FRONT, lambda first_page: render_front(document, style, embed_css=False))]
    inserts += [_Insert(f"hoofdstuk {chapter.number}", anchor("section", chapter.key),
                        functools.partial(render_chapter, document, chapter, style=style, embed_css=False),
                        mapped=True)
                for chapter in document.chapters]
    inserts += [_Insert(f"factsheet {sheet.pilot_id}", anchor("factsheet", sheet.pilot_id),
                        functools.partial(render_factsheet, document, sheet, style=style, embed_css=False))
                for sheet in sheets]
    known = _last_places(cache, {insert.anchor for insert in inserts})
    held = {insert.anchor: known.get(insert.anchor) or insert.guess() for insert in inserts}
    trusted = {insert.anchor for insert in inserts if insert.anchor in known}
    for _ in range(ROUNDS):
        html = render_html(document, style, embed_css=False, front_pages=len(held[FRONT]), sheet_pages={
            sheet.pilot_id: len(held[anchor("factsheet", sheet.pilot_id)]) for sheet in sheets},
            chapter_places={chapter.key: held[anchor("section", chapter.key)] for chapter in document.chapters})
        report = layout.wait(layout.start("rapport", html))
        with pikepdf.open(report.pdf) as pdf:
            starts = anchor_pages(pdf)
        laid = layout.in_order(inserts, starts, held, trusted)
        places = {insert.anchor: part.place for insert, part in zip(inserts, laid)}
        if places == held:
            _keep_places(cache, places)
            return merge(report.pdf, [Insert(insert.anchor, part.pdf) for insert, part in zip(inserts, laid)],
                         metadata=0)
        held, trusted = places, set(places)
    raise RuntimeError(f"pages of the cover, colophon, chapters and factsheets still moving after {ROUNDS} layouts")


Place = tuple[PlacePage, ...]


def _last_places(cache: Cache, anchors: set[str]) -> dict[str, Place]:
    """The places the last build into this folder found for a document with these parts, as the first
    guess: a rebuild's chapters then start where they will land, and a report part whose places did
    not move is in the cache. (A build also writes the client's change list, with parts of its own.)"""
    for kept in cache.kept(PLACES):
        try:
            stored = json.loads(kept.read_bytes())
            if set(stored) == anchors:
                return {name: tuple(PlacePage(tuple(ids), tuple((title, depth) for title, depth in marks))
                                    for ids, marks in pages) for name, pages in stored.items()}
        except (OSError, ValueError, TypeError):
            continue            # a guess only: a damaged one is no guess
    return {}


def _keep_places(cache: Cache, places: dict[str, Place]) -> None:
    data = json.dumps({name: [[page.anchors, page.bookmarks] for page in place] for name, place in places.items()},
                      ensure_ascii=False, sort_keys=True).encode()
    cache.put(PLACES, "plaatsen", (data,), data)


@dataclass(frozen=True)
class _Insert:
    """A part that takes the place of blank pages in the report: its label, anchor and HTML by first page.

    A `mapped` part's place also holds its anchors and bookmarks where the
    part has them (a chapter's headings and figures, for the contents and the
    outline); any other part's place is its first page's anchor and blank pages.
    """

    label: str
    anchor: str
    html: Callable[[int], str]
    mapped: bool = False

    def guess(self) -> Place:
        """The place held before the part is laid out: what a factsheet aims at, or a chapter's
        anchors on one page (the contents must find them; the pages come out in the next round)."""
        if self.mapped:
            return (PlacePage(tuple(_ids(self.html(1)))),)
        return (PlacePage(),) * GUESSED_PAGES


@dataclass(frozen=True)
class _Laid:
    """A part laid out (or found in the cache): its file, the place it fills and the number of its first page."""

    pdf: Path
    place: Place
    first_page: int = 1

    @property
    def pages(self) -> int:
        return len(self.place)


class _Layout:
    """The parts of one report: looked up in the cache here, laid out by the workers when missing."""

    def __init__(self, cache: Cache, css: str, pool: Workers, assets: _Assets):
        self.cache = cache
        self.css = css
        self.pool = pool
        self.assets = assets
        self._shared = (assets.key(css), fingerprint(Path(__file__), Path(wholewords.__file__)),
                        versions("weasyprint", "pydyf"))
        self._making: dict[Future, tuple[str, tuple[str, ...], int, frozenset[str] | None]] = {}

    def start(self, label: str, html: str, first_page: int = 1, mapped: bool = False) -> _Laid | Future:
        """The part from the cache, or the future of its layout."""
        ingredients = (*self._shared, self.assets.key(html))      # what every part shares, then its own
        own = frozenset(_ids(html)) if mapped else None
        found = self.cache.find(NAMESPACE, label, ingredients)
        if found is not None:
            return _Laid(found, _place(found, own), first_page)
        future = self.pool.submit(lay_out, self.css, html, self.assets.allowed)
        self._making[future] = (label, ingredients, first_page, own)
        return future

    def wait(self, started: _Laid | Future) -> _Laid:
        """The part, once laid out; a new part is kept in the cache."""
        if isinstance(started, _Laid):
            return started
        label, ingredients, first_page, own = self._making.pop(started)
        data, _ = started.result()
        made = self.cache.put(NAMESPACE, label, ingredients, data)
        return _Laid(made, _place(made, own), first_page)

    def in_order(self, inserts: list[_Insert], starts: dict[str, int], held: dict[str, Place],
                 trusted: set[str]) -> list[_Laid]:
        """Each insert laid out on the pages where it lands, at most one per worker in progress.

        An insert starts after the pages its predecessors fill: their real
        counts where known, else the pages their places hold. A layout
        whose first page turned out wrong still tells its page count. A
        place that is not `trusted` (a chapter's first guess: one page) holds
        back the inserts after it until its part is laid out, as they would
        mostly be laid out on the wrong pages.
        """
        laid: list[dict[int, _Laid]] = [{} for _ in inserts]     # by first page
        running: dict[Future, int] = {}
        wanted: dict[int, int] = {}                             # insert -> first page in progress
        while True:
            firsts, shift, guessing = [], 0, False
            for i, insert in enumerate(inserts):
                firsts.append(starts[insert.anchor] + 1 + shift)
                if not guessing and firsts[i] not in laid[i] and wanted.get(i) != firsts[i] \
                        and len(running) < self.pool.count:
                    started = self.start(insert.label, insert.html(firsts[i]), firsts[i], insert.mapped)
                    if isinstance(started, _Laid):
                        laid[i][firsts[i]] = started
                    else:
                        running[started], wanted[i] = i, firsts[i]
                if laid[i]:
                    shift += next(iter(laid[i].values())).pages - len(held[insert.anchor])
                elif insert.mapped and insert.anchor not in trusted:
                    guessing = True
            if not running:
                return [laid[i][first] for i, first in enumerate(firsts)]
            for future in wait(running, return_when=FIRST_COMPLETED).done:
                i = running.pop(future)
                part = self.wait(future)
                laid[i][part.first_page] = part
                if wanted.get(i) == part.first_page:
                    del wanted[i]


def factsheet_alone(document: Document, sheet: Factsheet, style: HouseStyle) -> bytes:
    """One factsheet as a PDF of its own, laid out and tagged as in the report, pages from 1: its title
    is the document's H1, its table header cells get their /Scope and its page furniture becomes
    artifacts, as the merge gives the annex's."""
    html = render_factsheet(document, sheet, 1, style=style, embed_css=False, level=1)
    pdf = lay_out(stylesheet(document, style), html, _Assets(document, style).allowed)[0]
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        scope_headers(opened)
        finish(opened)
        buffer = io.BytesIO()
        opened.save(buffer, deterministic_id=True)
    return buffer.getvalue()


def lay_out(css: str, html: str, allowed: frozenset[str]) -> tuple[bytes, int]:
    """A part's PDF and its page count; run by a worker, which sets WeasyPrint up once per stylesheet."""
    return _weasyprint(css, allowed)(html)


@functools.lru_cache(maxsize=1)
def _weasyprint(css: str, allowed: frozenset[str]) -> _WeasyPrint:
    return _WeasyPrint(css, allowed)


class _WeasyPrint:
    """WeasyPrint set up once for all parts of a report: the stylesheet parsed and its fonts loaded once.

    Set up on first use, so a rebuild that finds every part in the cache
    does not pay for it. The parts' bytes are the same as with the
    stylesheet inside each page.
    """

    def __init__(self, css: str, allowed: frozenset[str]):
        self.css = css
        self.allowed = allowed

    @functools.cached_property
    def _setup(self) -> tuple[FontConfiguration, CSS, URLFetcher]:
        fonts, fetcher = FontConfiguration(), _AssetFetcher(self.allowed)
        # WeasyPrint removes its font folder (/tmp/weasyprint-*, about 3 MB) only when the configuration is
        # garbage-collected, which never happens in a worker (it leaves by os._exit) nor, reliably, at exit.
        # multiprocessing's finalizers run in both, and when this set-up drops out of the cache.
        Finalize(self, remove_font_folder, args=(fonts,), exitpriority=0)
        return fonts, CSS(string=self.css, base_url=_BASE_URL, font_config=fonts, url_fetcher=fetcher), fetcher

    def __call__(self, html: str) -> tuple[bytes, int]:
        fonts, css, fetcher = self._setup
        laid_out = HTML(string=html, base_url=_BASE_URL, url_fetcher=fetcher).render(
            stylesheets=[css], font_config=fonts)
        _hold_link_targets(laid_out.pages)
        pdf = wholewords.whole_words(laid_out.write_pdf(pdf_variant=PDF_VARIANT), html)
        return pdf, len(laid_out.pages)


def _hold_link_targets(pages) -> None:
    """Give every link to another part (a chapter's reference to a figure in the next) a target here,
    so WeasyPrint keeps the link: a link names its target, which the merge finds in that part
    (report.write.pdf.merge takes each name from the part whose place holds it)."""
    held = {name for page in pages for name in page.anchors}
    for page in pages:
        for kind, target, *_ in page.links:
            if kind == "internal" and target not in held:
                pages[-1].anchors[target] = (0, 0, 0, 0)
                held.add(target)


def remove_font_folder(fonts: FontConfiguration) -> None:
    """WeasyPrint's temporary font folder removed now, not whenever the configuration is collected."""
    if fonts._folder is not None:          # made by WeasyPrint on the first @font-face
        shutil.rmtree(fonts._folder, ignore_errors=True)


class _Assets:
    """The only files a part may use: the project's fonts and logo, and the document's charts."""

    def __init__(self, document: Document, style: HouseStyle):
        files = [*sorted(FONTS_DIR.iterdir()), style.logo, *(figure.svg for figure in figures(document))]
        self.files = {path.as_uri(): path for path in files}
        self.allowed = frozenset(os.path.realpath(path) for path in files)

    def key(self, text: str) -> str:
        """The text with each asset named by its content, so a part is found wherever its files are."""
        for uri in sorted(self.files, key=len, reverse=True):
            if uri in text:
                text = text.replace(uri, file_digest(self.files[uri]))
        return text


class _AssetFetcher(URLFetcher):
    """WeasyPrint's fetcher, confined to the assets and inline `data:` URLs; it refuses everything else."""

    def __init__(self, allowed: frozenset[str]):
        super().__init__(allowed_protocols=("file", "data"))
        self.allowed = allowed

    def fetch(self, url, headers=None):
        if not url.startswith("data:") and \
                os.path.realpath(unquote(urlsplit(url).path)) not in self.allowed:
            raise ValueError(f"not one of the report's own files: {url[:200]}")
        return super().fetch(url, headers)


def _place(pdf: Path, own: frozenset[str] | None) -> Place:
    """The pages a part fills; with `own` (the ids in its HTML), each page's own anchors and bookmarks."""
    with pikepdf.open(pdf) as opened:
        if own is None:
            return (PlacePage(),) * len(opened.pages)
        anchors: list[list[str]] = [[] for _ in opened.pages]
        for name, page in sorted(anchor_pages(opened).items()):
            if name in own:
                anchors[page].append(name)
        bookmarks: list[list[tuple[str, int]]] = [[] for _ in opened.pages]
        index = {page.objgen: i for i, page in enumerate(opened.pages)}

        def walk(items, depth: int) -> None:
            for item in items:
                bookmarks[index[item.destination[0].objgen]].append((str(item.title), depth))
                walk(item.children, depth + 1)

        with opened.open_outline() as outline:
            walk(outline.root, 1)
        return tuple(PlacePage(tuple(a), tuple(b)) for a, b in zip(anchors, bookmarks))


def _ids(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)

