"""Typographic rules read back from a built PDF and DOCX (pdfplumber, python-docx).

Each function returns what breaks its rule, one line each, so a test shows
the places; tests/test_typography.py runs them on the example and on
generated inputs with long names.
"""

from __future__ import annotations

import functools
import io
import re
import statistics
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import pdfplumber
from lxml import etree

from report.style import HOUSE_STYLE, contrast
from report.write.docx.fitting import side_width_mm, text_mm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HYPHENATED = re.compile(r"\w-$")
_SECTION_HEADING = re.compile(r"^[a-e]\. [A-Z]")


_MARGIN = 20 * 72 / 25.4     # running header and footer live in the top and bottom 20 mm


@dataclass(frozen=True)
class _Page:
    """What the rules read of one page, taken out of pdfplumber once: pdfminer's reading of the
    glyphs is the slow part (about 12 s for the example), the rules on it take a fraction of that."""
    height: float
    chars: list[dict]
    rects: list[dict]
    lines: list[list[dict]]
    words: list[dict]
    text: str


def _pages(pdf: bytes, count: int | None = None) -> tuple[_Page, ...]:
    """The pages of `pdf` (the first `count`), read once for every rule run on the same bytes (a test
    module runs them all on one or two PDFs)."""
    return _read(pdf, count)


@functools.lru_cache(maxsize=2)      # called with both arguments always: one key per PDF and count
def _read(pdf: bytes, count: int | None) -> tuple[_Page, ...]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return tuple(_Page(page.height, page.chars, page.rects, _lines(page),
                           page.extract_words(extra_attrs=["non_stroking_color"]), page.extract_text() or "")
                     for page in document.pages[:count])


def page_texts(pdf: bytes) -> tuple[str, ...]:
    """Each page's text as pdfminer reads it: the glyphs as laid out (it ignores ActualText)."""
    return tuple(page.text for page in _pages(pdf))


def _lines(page) -> list[list[dict]]:
    """The page's words in stream order (running header and footer left out), cut into lines
    where the baseline moves."""
    lines: list[list[dict]] = []
    for word in page.extract_words(use_text_flow=True, extra_attrs=["size", "non_stroking_color"]):
        if word["top"] < _MARGIN or word["bottom"] > page.height - _MARGIN:
            continue
        if lines and abs(word["bottom"] - lines[-1][-1]["bottom"]) < 1:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def early_breaks(pdf: bytes) -> list[str]:
    """Words hyphenated although the rest of the word had room on the line (2 pt to spare)."""
    found = []
    for number, page in enumerate(_pages(pdf), start=1):
        lines = page.lines
        for index, line in enumerate(lines[:-1]):
            last, following = line[-1], lines[index + 1]
            first = following[0]
            if not _HYPHENATED.search(last["text"]) or first["top"] <= last["top"]:
                continue
            column = [other for other in lines[max(0, index - 8):index + 9]
                      if abs(other[0]["x0"] - first["x0"]) < 1]
            right = max(other[-1]["x1"] for other in column)
            hyphen = (last["x1"] - last["x0"]) / len(last["text"])
            if not first["text"][:1].isalpha():
                continue
            needed = first["x1"] - first["x0"] - hyphen        # the rest, punctuation and all
            if right - last["x1"] > needed + 2:
                found.append(f"pagina {number}: {last['text']}{first['text']}")
    return found


def lone_section_headings(pdf: bytes) -> list[str]:
    """Factsheet section headings ("b. Stand van zaken") with fewer than two lines below them on the page."""
    found = []
    document = _pages(pdf)
    for number, page in enumerate(document, start=1):
        lines = [line for line in page.lines if line[0]["size"] > 6.5]      # the page number is smaller
        for index, line in enumerate(lines):
            text = " ".join(w["text"] for w in line)
            if _SECTION_HEADING.match(text) and len(line) <= 5:
                below = [other for other in lines[index + 1:] if other[0]["top"] > line[0]["bottom"]]
                if len(below) < 2 and _continues(document, number):
                    found.append(f"pagina {number}: '{text}' met {len(below)} regel(s) eronder")
    return found


def _continues(document, number: int) -> bool:
    """Whether the page after page `number` goes on with the same factsheet (no new band in white)."""
    if number >= len(document):
        return False
    lines = document[number].lines
    return bool(lines) and _colour(lines[0][0]["non_stroking_color"]) != (255, 255, 255)


def lone_last_words_in_boxes(pdf: bytes) -> list[str]:
    """Lines of one word inside a shaded box that end a paragraph of several lines."""
    style = HOUSE_STYLE.palette
    fills = {_rgb(style.box_fill), _rgb(style.info_fill)}
    found = []
    for number, page in enumerate(_pages(pdf), start=1):
        boxes = [r for r in page.rects if _colour(r.get("non_stroking_color")) in fills and r["width"] > 200]
        for box in boxes:
            inside = [line for line in page.lines
                      if box["x0"] <= line[0]["x0"] and line[-1]["x1"] <= box["x1"]
                      and box["top"] <= line[0]["top"] and line[0]["bottom"] <= box["bottom"]]
            for previous, line in zip(inside, inside[1:]):
                same_paragraph = line[0]["top"] - previous[0]["bottom"] < previous[0]["size"] * 0.6
                if len(line) == 1 and same_paragraph and line[0]["text"][-1:] in ".!?":
                    found.append(f"pagina {number}: '{line[0]['text']}' alleen op de laatste regel")
    return found


def weak_marks(pdf: bytes, mark: str = "correctie") -> list[str]:
    """Each `mark` whose colour reads below 4.5:1 on the fill drawn beneath it (white where none)."""
    found = []
    for number, page in enumerate(_pages(pdf), start=1):
        for word in page.words:
            if word["text"].casefold() != mark:
                continue
            under = [r for r in page.rects if r["x0"] <= word["x0"] and word["x1"] <= r["x1"]
                     and r["top"] <= word["top"] and word["bottom"] <= r["bottom"]
                     and _colour(r.get("non_stroking_color")) is not None and r["width"] > word["x1"] - word["x0"] + 6]
            background = _colour(under[-1]["non_stroking_color"]) if under else (255, 255, 255)
            ratio = contrast(_hex(_colour(word["non_stroking_color"])), _hex(background))
            if ratio < 4.5:
                found.append(f"pagina {number}: '{word['text']}' {ratio:.1f}:1")
    return found


_LEADER = re.compile(r"\.{5,}")


def contents_out_of_column(pdf: bytes, pages: int | None = None) -> list[str]:
    """Contents lines that leave the page-number column: a page number not flush with the others,
    title text reaching into the column, or a wrapped title not continuing under its own start.
    With `pages`, only the first so many pages are read: those before the first chapter hold the
    contents, and reading the rest would cost a test that knows where it starts most of its time."""
    found = []
    for number, page in enumerate(_pages(pdf, pages), start=1):
        lines = page.lines
        entries = [line for line in lines if len(line) > 1 and line[-1]["text"].isdigit()
                   and (line[-2]["text"] == "." or _LEADER.search(line[-2]["text"]))]
        if len(entries) < 3:
            continue
        right = statistics.median(line[-1]["x1"] for line in entries)
        column = min(line[-1]["x0"] for line in entries if abs(line[-1]["x1"] - right) <= 1)
        lines = lines[lines.index(entries[0]):lines.index(entries[-1]) + 1]
        for index, line in enumerate(lines):
            text = " ".join(w["text"] for w in line)
            if line in entries and abs(line[-1]["x1"] - right) > 1:
                found.append(f"pagina {number}: paginanummer buiten de kolom in '{text}'")
            title = [c for c in page.chars if c["top"] >= line[0]["top"] - 1 and c["bottom"] <= line[0]["bottom"] + 1
                     and c["x1"] > column - 2 and c["text"] != "." and not (line in entries and c["x0"] >= line[-1]["x0"] - 0.5)]
            if title:
                found.append(f"pagina {number}: titel loopt de nummerkolom in: '{text}'")
            if line not in entries and index + 1 < len(lines):
                start = lines[index + 1][0]["x0"]
                if not any(abs(w["x0"] - start) < 1 for w in line):
                    found.append(f"pagina {number}: '{text}' loopt niet door onder de eigen titel")
    return found


def wrapping_running_heads(docx: bytes, concept: bool) -> list[str]:
    """Running header texts of the DOCX wider than their side of the header."""
    room = side_width_mm(concept)
    size = HOUSE_STYLE.sizes.small
    found = []
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        for name in sorted(n for n in package.namelist() if re.fullmatch(r"word/header\d+\.xml", n)):
            for paragraph in etree.fromstring(package.read(name)).iter(f"{W}p"):
                for text in _tab_separated(paragraph):
                    if text and text.casefold() != "concept" and text_mm(text, size) > room:
                        found.append(f"{name}: '{text}'")
    return found


def _tab_separated(paragraph) -> Iterator[str]:
    parts = [""]
    for element in paragraph.iter(f"{W}t", f"{W}tab"):
        if element.tag == f"{W}tab":
            parts.append("")
        else:
            parts[-1] += element.text or ""
    yield from parts


def _colour(value) -> tuple[int, int, int] | None:
    if not isinstance(value, (tuple, list)) or len(value) not in (1, 3, 4):
        return None
    if len(value) == 1:
        return (round(value[0] * 255),) * 3
    if len(value) == 4:
        c, m, y, k = value
        return tuple(round(255 * (1 - v) * (1 - k)) for v in (c, m, y))
    return tuple(round(v * 255) for v in value)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{v:02X}" for v in rgb)
