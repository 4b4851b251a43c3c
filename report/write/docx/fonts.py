"""Turn the house font files into fonts embedded in the DOCX the way Word embeds them.

Ministry PCs do not have Lato, and Word would show Calibri instead. Word
embeds a TrueType font as an "obfuscated" part (ECMA-376 Part 1, 17.8.1):
the font file with its first 32 bytes XORed with a GUID key that the font
table names beside the part's relationship (`w:embedRegular` …). Only the
faces the document uses are embedded: which ones is read from the styles
and runs as written. Keys come from the font files' bytes, so the same
fonts give the same package.
"""

from __future__ import annotations

import hashlib
import uuid

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn

from report.style import HOUSE_STYLE, HouseStyle
from report.write.docx.package import related_xml_part
from report.write.docx.xml import el

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_NAMESPACE = uuid.UUID("6f1b2c3e-2d0a-4c1e-9a55-4b6f6d2f0a10")   # for repeatable font keys
# (bold, italic) -> the font table's element and the house font's file
_FACES = {(False, False): ("embedRegular", "regular"), (True, False): ("embedBold", "bold"),
          (False, True): ("embedItalic", "italic"), (True, True): ("embedBoldItalic", "bold_italic")}


def embed_fonts(word: WordDocument, faces: set[tuple[bool, bool]],
                style: HouseStyle = HOUSE_STYLE) -> None:
    """Embed the house font's `faces` ((bold, italic) pairs) in the package's font table."""
    table = related_xml_part(word, RT.FONT_TABLE)
    entry = next(font for font in table.element.findall(qn("w:font"))
                 if font.get(qn("w:name")) == style.fonts.family)
    for face, (tag, attribute) in _FACES.items():      # in the order the schema wants
        if face not in faces:
            continue
        data = style.font_path(getattr(style.fonts, attribute)).read_bytes()
        key = "{%s}" % str(uuid.uuid5(_NAMESPACE, hashlib.sha256(data).hexdigest())).upper()
        part = Part(word.part.package.next_partname("/word/fonts/font%d.odttf"), OBFUSCATED_FONT,
                    obfuscated(data, key), word.part.package)
        entry.append(el(tag, **{"fontKey": key}))
        entry[-1].set(qn("r:id"), table.relate_to(part, RT.FONT))


def obfuscated(font: bytes, key: str) -> bytes:
    """The font with its first 32 bytes XORed with the key's bytes in reverse order, as Word does."""
    secret = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ secret[i % 16] for i, byte in enumerate(font[:32]))
    return head + font[32:]


def faces_used(word: WordDocument, parts) -> set[tuple[bool, bool]]:
    """The (bold, italic) faces of every run in `parts` (root elements), styles followed."""
    looks = _style_looks(word)
    found = set()
    for root in parts:
        for paragraph in root.iter(qn("w:p")):
            base = looks.get(_val(paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")) or "Normal",
                             (False, False))
            for r in paragraph.iter(qn("w:r")):
                if r.find(qn("w:t")) is None:
                    continue
                properties = r.find(qn("w:rPr"))
                bold, italic = base
                if properties is not None:
                    run_style = looks.get(_val(properties.find(qn("w:rStyle"))), (None, None))
                    bold = _flag(properties.find(qn("w:b")), run_style[0], bold)
                    italic = _flag(properties.find(qn("w:i")), run_style[1], italic)
                found.add((bold, italic))
    return found


def _style_looks(word: WordDocument) -> dict[str, tuple[bool | None, bool | None]]:
    """Each style's bold and italic, following basedOn (paragraph styles resolve to bools)."""
    elements = {s.get(qn("w:styleId")): s for s in word.styles.element.findall(qn("w:style"))}

    def look(style_id: str | None, depth: int = 0):
        element = elements.get(style_id)
        if element is None or depth > 20:
            return None, None
        parent = look(_val(element.find(qn("w:basedOn"))), depth + 1)
        properties = element.find(qn("w:rPr"))
        own = [None if properties is None else properties.find(qn(tag)) for tag in ("w:b", "w:i")]
        return tuple(_flag(mine, None, inherited) for mine, inherited in zip(own, parent))

    looks = {style_id: look(style_id) for style_id in elements}
    return {style_id: (bool(b), bool(i)) if elements[style_id].get(qn("w:type")) == "paragraph"
            else (b, i) for style_id, (b, i) in looks.items()}


def _flag(element, style_value, inherited):
    if element is not None:
        return element.get(qn("w:val")) not in ("0", "false")
    return inherited if style_value is None else style_value


def _val(element) -> str | None:
    return None if element is None else element.get(qn("w:val"))
