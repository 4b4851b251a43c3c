"""Turn the font subsets of a merged PDF into one embedded program per font.

Each part of the report (report.write.pdf.parts) embeds its own subset of
every font it uses, so the merged PDF would carry the same font up to some
thirty times. WeasyPrint subsets with retained glyph IDs and uses the glyph
ID as character code, so a glyph a part drew has the same index in every
subset of that font. The joined program holds every drawn glyph at that
index. Every part keeps its own font dictionary (widths and text mapping
exactly as laid out); only the program they point at is shared, so one
subset tag names one subset, as PDF requires.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph, flagOnCurve
from fontTools.ttLib.tables.ttProgram import Program
from pikepdf import Array, Dictionary, Name, Pdf, Stream

_PROGRAM = Name.FontFile2       # WeasyPrint embeds TrueType outlines (the house font is TrueType)


def join_fonts(pdf: Pdf) -> None:
    """Point every subset of the same font at one program holding all their glyphs."""
    for fonts in _fonts_by_name(pdf).values():
        if len(fonts) < 2:
            continue
        joined = Stream(pdf, join_programs([(_program(font), _drawn(font)) for font in fonts]))
        joined.Length1 = len(joined.read_bytes())
        for font in fonts:
            font.FontDescriptor[_PROGRAM] = joined


def join_programs(subsets: list[tuple[bytes, set[int]]]) -> bytes:
    """One TrueType program with the drawn glyphs of these subsets of one font, each at its index.

    Only the glyphs a part drew keep their index in its subset; the pieces
    accented letters are composed of may be renumbered per subset. So every
    joined glyph is a plain outline (composites drawn out), taken from the
    first subset that drew it.
    """
    with _quiet_font_tools():
        target, glyphs, metrics = None, {}, {}
        for data, drawn in subsets:         # one subset parsed at a time: hundreds of parts stay small
            font = TTFont(io.BytesIO(data), recalcTimestamp=False)
            target = target or font
            for gid in sorted(drawn - glyphs.keys()):
                if gid < font["maxp"].numGlyphs:
                    glyphs[gid] = _outline(font, gid)
                    metrics[gid] = font["hmtx"][font.getGlyphOrder()[gid]]
        _grow(target, max(glyphs, default=0) + 1)
        for gid, name in enumerate(target.getGlyphOrder()):
            target["glyf"][name] = glyphs.get(gid, _empty())
            target["hmtx"][name] = metrics.get(gid, (0, 0))
        buffer = io.BytesIO()
        target.save(buffer)
    return buffer.getvalue()


def _outline(font: TTFont, gid: int) -> Glyph:
    """The glyph as a plain outline, whatever it is composed of in this subset."""
    table = font["glyf"]
    glyph = table[font.getGlyphOrder()[gid]]
    if not glyph.isComposite():
        return glyph
    coordinates, ends, flags = glyph.getCoordinates(table)
    flat = _empty()
    flat.numberOfContours = len(ends)
    flat.coordinates = coordinates
    flat.endPtsOfContours = list(ends)
    flat.flags = bytearray(flag & flagOnCurve for flag in flags)
    flat.recalcBounds(table)
    return flat


def _empty() -> Glyph:
    glyph = Glyph()
    glyph.numberOfContours = 0
    glyph.program = Program()
    glyph.program.fromBytecode(b"")
    return glyph


def _grow(font: TTFont, count: int) -> None:
    """Give the font at least `count` glyph slots."""
    order = font.getGlyphOrder()
    if len(order) >= count:
        return
    names = [*order, *(f"glyph{gid:05d}" for gid in range(len(order), count))]
    font.setGlyphOrder(names)
    font["glyf"].setGlyphOrder(names)
    for name in names[len(order):]:
        font["glyf"][name] = _empty()
        font["hmtx"][name] = (0, 0)


@contextlib.contextmanager
def _quiet_font_tools() -> Iterator[None]:
    """WeasyPrint's subsets carry a zero creation date, which fontTools logs as a warning."""
    logger = logging.getLogger("fontTools.ttLib.tables._h_e_a_d")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _fonts_by_name(pdf: Pdf) -> dict[str, list[Dictionary]]:
    """The embedded TrueType CID fonts by font name, each once, in page order."""
    found: dict[str, list[Dictionary]] = {}
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        for font in page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary()).values():
            for cid_font in font.get("/DescendantFonts", ()):
                descriptor = cid_font.get("/FontDescriptor")
                if descriptor is not None and _PROGRAM in descriptor and cid_font.objgen not in seen:
                    seen.add(cid_font.objgen)
                    found.setdefault(str(descriptor.FontName), []).append(cid_font)
    return found


def _program(cid_font: Dictionary) -> bytes:
    return cid_font.FontDescriptor[_PROGRAM].read_bytes()


def _drawn(cid_font: Dictionary) -> set[int]:
    """The glyph IDs in the font's width array: exactly the glyphs its part drew."""
    drawn, widths, i = set(), list(cid_font.get("/W", ())), 0
    while i < len(widths):
        first = int(widths[i])
        if isinstance(widths[i + 1], Array):        # first [w1 w2 ...]
            drawn.update(range(first, first + len(widths[i + 1])))
            i += 2
        else:                                       # first last w
            drawn.update(range(first, int(widths[i + 1]) + 1))
            i += 3
    return drawn
