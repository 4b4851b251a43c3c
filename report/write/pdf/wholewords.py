"""Give a word that WeasyPrint hyphenated at a line end its whole self in the text layer.

WeasyPrint draws "facts-" at the end of one line and "heet" at the start of
the next, and the text layer holds exactly that: search, copy and a screen
reader meet two fragments and a hyphen that is not in the text. PDF's answer
is ActualText on a marked-content span (ISO 32000-1 14.9.4), which Acrobat,
poppler (pdftotext, Evince, Okular) and pdfium use in place of the glyphs:
the first fragment with its hyphen is marked as the whole word, the second
fragment as a space (pdfium ignores an empty ActualText and would read the
fragment again), so the word is read once, whole, where it starts.
(pdfminer and pypdf ignore ActualText; no mark a PDF can carry reaches them.)

Only hyphens the hyphenator added are marked. The font draws a typed hyphen
and an inserted one with the same glyph, so the page cannot tell them apart;
the source text can: a break whose fragments, joined by a hyphen, occur in
the laid-out HTML ("Noord-Holland", "e-mail", "huur- en") is a
typed hyphen and stays as it is.

Runs on each part WeasyPrint lays out, before the parts are merged, so the
merge and the cache see finished parts.
"""

from __future__ import annotations

import html as html_text
import io
import re

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator, String

_TAGS = re.compile(r"<[^>]*>")
_CMAP_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_CMAP_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_SECTIONS = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)


def whole_words(pdf: bytes, source_html: str) -> bytes:
    """`pdf` with each inserted line-end hyphenation marked by ActualText, or `pdf` itself when it has none."""
    typed = _typed_text(source_html)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        changed = False
        for page in document.pages:
            changed |= _mark_page(document, page, typed)
        if not changed:
            return pdf
        buffer = io.BytesIO()
        document.save(buffer, deterministic_id=True)
        return buffer.getvalue()


def _typed_text(source_html: str) -> str:
    """The HTML's text, whitespace collapsed, to look typed hyphens up in."""
    return " ".join(html_text.unescape(_TAGS.sub(" ", source_html)).split())


class _Shown:
    """One text-showing operation (TJ or Tj) of a page: its place, its TJ elements and its glyphs' text."""

    def __init__(self, index: int, elements: list, font: dict[int, str]):
        self.index = index
        self.elements = elements
        self.glyphs = [font.get(int.from_bytes(code, "big"), "\ufffd")
                       for element in elements if isinstance(element, String) for code in _codes(bytes(element))]
        self.text = "".join(self.glyphs)

    def glyphs_for(self, chars: int, from_end: bool = False) -> int | None:
        """How many glyphs draw the first (or last) `chars` characters; None if a glyph straddles the edge."""
        count, total = 0, 0
        for glyph in reversed(self.glyphs) if from_end else self.glyphs:
            if total >= chars:
                break
            total += len(glyph)
            count += 1
        return count if total == chars else None


def _mark_page(document: pikepdf.Pdf, page: pikepdf.Page, typed: str) -> bool:
    instructions = list(pikepdf.parse_content_stream(page))
    fonts = page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary())
    maps: dict[str, dict[int, str] | None] = {}
    shown: list[_Shown] = []
    font = None
    for index, (operands, operator) in enumerate(instructions):
        name = str(operator)
        if name == "Tf":
            key = str(operands[0])
            if key not in maps:
                maps[key] = _unicode_map(fonts.get(key))
            font = maps[key]
        elif name in ("TJ", "Tj") and font is not None:
            shown.append(_Shown(index, list(operands[0]) if name == "TJ" else [operands[0]], font))
    spans: dict[int, list[tuple[int, int, str]]] = {}      # per operation: (first glyph, end, ActualText)
    for line, following in zip(shown, shown[1:]):
        split = _inserted_break(line.text, following.text, typed)
        if split is None:
            continue
        tail, head = split
        ending, starting = line.glyphs_for(len(tail) + 1, from_end=True), following.glyphs_for(len(head))
        if ending is None or starting is None or following.text.strip() == f"{head}-":
            continue        # a word over three lines: only its last break is marked
        spans.setdefault(line.index, []).append((len(line.glyphs) - ending, len(line.glyphs), tail + head))
        spans.setdefault(following.index, []).insert(0, (0, starting, " "))
    if not spans:
        return False
    by_index = {item.index: item for item in shown}
    out = []
    for index, instruction in enumerate(instructions):
        out.extend(_marked(by_index[index].elements, spans[index]) if index in spans else [instruction])
    page.obj.Contents = document.make_stream(pikepdf.unparse_content_stream(out))
    return True


def _inserted_break(line: str, following: str, typed: str) -> tuple[str, str] | None:
    """(tail, head) when `line` ends in a word fragment and a hyphen the hyphenator added, else None.

    The head takes the punctuation that follows the word, so the text reads "gefinancierd," on the
    first line and not "," alone at the start of the next."""
    tail = re.search(r"(\w+)-$", line)
    head = re.match(r"(\w+)[^\w\s]*", following)
    if tail is None or head is None or not head.group(1)[0].islower():
        return None
    if re.search(rf"(?<!\w){re.escape(tail.group(1))}-\s*{re.escape(head.group(1))}", typed):
        return None     # typed so: a compound's own hyphen
    return tail.group(1), head.group(0)       # the rest of the word with its punctuation ("cierd,")


def _marked(elements: list, spans: list[tuple[int, int, str]]) -> list:
    """TJ operations showing `elements`, each span's glyphs (first, end) in a span with its ActualText."""
    parts, done = [], 0
    for start, end, actual in spans:
        before, elements = _split(elements, start - done)
        inside, elements = _split(elements, end - start)
        if before:
            parts.append(([Array(before)], Operator("TJ")))
        parts += [([Name.Span, Dictionary(ActualText=String(actual))], Operator("BDC")),
                  ([Array(inside)], Operator("TJ")),
                  ([], Operator("EMC"))]
        done = end
    if elements:
        parts.append(([Array(elements)], Operator("TJ")))
    return parts


def _split(elements: list, glyphs: int) -> tuple[list, list]:
    """TJ `elements` cut after `glyphs` glyphs, a string cut between two glyphs where needed."""
    taken, count = [], 0
    for position, element in enumerate(elements):
        if isinstance(element, String):
            data = bytes(element)
            if count + len(data) // 2 > glyphs:
                cut = (glyphs - count) * 2
                return taken + ([String(data[:cut])] if cut else []), \
                    [String(data[cut:])] + list(elements[position + 1:])
            count += len(data) // 2
        taken.append(element)
    return taken, []


def _codes(data: bytes) -> list[bytes]:
    return [data[offset:offset + 2] for offset in range(0, len(data) - 1, 2)]


def _unicode_map(font: Dictionary | None) -> dict[int, str] | None:
    """The font's glyph codes to text, from its ToUnicode CMap; None for a font without two-byte codes."""
    if font is None or font.get("/Subtype") != Name.Type0 or "/ToUnicode" not in font:
        return None
    data = font.ToUnicode.read_bytes()
    mapping: dict[int, str] = {}
    for kind, body in _SECTIONS.findall(data):
        if kind == b"bfchar":
            for code, text in _CMAP_CHAR.findall(body):
                mapping[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be", "replace")
        else:
            for low, high, text in _CMAP_RANGE.findall(body):
                first = int.from_bytes(bytes.fromhex(text.decode()), "big")
                for number, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                    mapping[code] = chr(first + number)
    return mapping
