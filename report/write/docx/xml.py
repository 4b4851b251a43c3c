"""Turn fields, bookmarks and runs into the WordprocessingML that python-docx has no API for.

Fields (PAGE, SEQ, REF, PAGEREF, TOC), bookmarks and footnote references are
written as raw `w:r` elements. Both the template builder and the DOCX writer
use them, so every field in the template and the output has one shape.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

TWIPS_PER_MM = 1440 / 25.4
EMU_PER_MM = 36000


def twips_mm(mm: float) -> str:
    return str(round(mm * TWIPS_PER_MM))


def twips_emu(emu: int) -> int:
    return round(emu / 635)


def twips_pt(pt: float) -> str:
    return str(round(pt * 20))


def el(tag: str, children=(), **attrs: str):
    """An element `w:tag` with `w:` attributes given as keywords (`val="x"` -> `w:val`)."""
    element = OxmlElement(tag if ":" in tag else f"w:{tag}")
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    element.extend(children)
    return element


def run(text: str = "", style_id: str | None = None, *, children=()):
    """A `w:r` holding `text` (tabs and line breaks included) or other run content,
    optionally in a character style."""
    r = el("r")
    if text:
        r.text = text
    if style_id:
        r.insert(0, el("rPr", [el("rStyle", val=style_id)]))
    r.extend(children)
    return r


def field_runs(instruction: str, result: str, style_id: str | None = None) -> list:
    """A complex field with its cached `result`, shown until Word updates the field."""
    return [
        run(style_id=style_id, children=[el("fldChar", fldCharType="begin")]),
        run(style_id=style_id, children=[_instr(instruction)]),
        run(style_id=style_id, children=[el("fldChar", fldCharType="separate")]),
        run(result, style_id),
        run(style_id=style_id, children=[el("fldChar", fldCharType="end")]),
    ]


def field_start(instruction: str) -> list:
    """The opening half of a field whose result spans several paragraphs (the TOC)."""
    return [run(children=[el("fldChar", fldCharType="begin")]), run(children=[_instr(instruction)]),
            run(children=[el("fldChar", fldCharType="separate")])]


def field_end():
    return run(children=[el("fldChar", fldCharType="end")])


def _instr(instruction: str):
    instr = el("instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return instr


def bookmarked(bookmark_id: int, name: str, content: list) -> list:
    """`content` (runs) wrapped in a bookmark, the target of REF and PAGEREF fields."""
    return [el("bookmarkStart", id=str(bookmark_id), name=name), *content,
            el("bookmarkEnd", id=str(bookmark_id))]


def hyperlink(anchor: str, content: list):
    """An internal link to a bookmark, as Word writes TOC entries."""
    link = el("hyperlink", anchor=anchor, history="1")
    link.extend(content)
    return link


SVG_BLIP_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"   # shapes (the cover's band)


def svg_extension(rId: str):
    """The `a:extLst` of a picture's blip that points at its SVG (Word 2016 and later)."""
    blip = etree.Element(f"{{{ASVG}}}svgBlip", nsmap={"asvg": ASVG})
    blip.set(qn("r:embed"), rId)
    return _extension_list(SVG_BLIP_URI, blip)


def decorative_extension():
    """The `a:extLst` of a picture's `wp:docPr` that marks it decorative, as Word's
    "Mark as decorative" does: screen readers skip it."""
    return _extension_list(DECORATIVE_URI, etree.Element(f"{{{ADEC}}}decorative",
                                                         nsmap={"adec": ADEC}, val="1"))


def _extension_list(uri: str, content):
    extensions = OxmlElement("a:extLst")
    extension = OxmlElement("a:ext")
    extension.set("uri", uri)
    extension.append(content)
    extensions.append(extension)
    return extensions


def tab():
    return run(children=[el("tab")])
