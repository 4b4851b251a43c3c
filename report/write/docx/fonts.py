"""Turn the house font files into fonts embedded in the DOCX the way Word embeds them.

Ministry PCs do not have Lato, and Word would show Calibri instead. Word
embeds a TrueType font as an "obfuscated" part (ECMA-376 Part 1, 17.8.1):
the font file with its first 32 bytes XORed with a GUID key that the font
table names beside the part's relationship (`w:embedRegular` …). Only the
faces the document uses are embedded: which ones is read from the styles
and runs as written. Keys come from the font files' bytes, so the same
fonts give the same package.

Each face is embedded as a subset, as Word does with "Embed only the
characters used" (`w:saveSubsetFonts`): the characters of the package's
text, plus the Latin letters, digits and punctuation an editor types when
correcting a word, so a reviewer's edit does not fall back to another font.
The whole faces would be two thirds of the file (1.3 MB of 1.9 MB for the
example); fontTools (already WeasyPrint's) does the subsetting. A subset
takes a third of a second per face, most of a rebuild's DOCX when its layout
comes from the cache, so a build keeps its subsets in the cache (FontSubsets)
and the next one, whose characters are nearly always the same, reuses them.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from fontTools import subset
from fontTools.ttLib import TTFont

from report.cache import Cache, digest, fingerprint, versions
from report.write.docx.style_chain import inherited
from report.style import HOUSE_STYLE, HouseStyle
from report.write.docx.package import related_xml_part
from report.write.docx.xml import el

NAMESPACE = "docx-lettertypen"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_NAMESPACE = uuid.UUID("6f1b2c3e-2d0a-4c1e-9a55-4b6f6d2f0a10")   # for repeatable font keys
# (bold, italic) -> the font table's element and the house font's file
_FACES = {(False, False): ("embedRegular", "regular"), (True, False): ("embedBold", "bold"),
          (False, True): ("embedItalic", "italic"), (True, True): ("embedBoldItalic", "bold_italic")}


@dataclass
class FontSubsets:
    """Where the subsets come from: the cache an earlier build filled (read only, so a worker may use
    it), else fontTools. `used` holds each subset's cache ingredients, with its bytes when it was made
    here; the build's process keeps them (`keep`), as it alone writes the cache."""

    cache: Cache | None = None
    used: dict[tuple[str, ...], bytes | None] = field(default_factory=dict)

    def subset(self, font: bytes, characters: frozenset[str]) -> bytes:
        ingredients = (digest(font), digest("".join(sorted(characters))), _CODE)
        stored = None if self.cache is None else self.cache.peek(NAMESPACE, ingredients)
        if stored is not None:
            self.used.setdefault(ingredients, None)
            return stored.read_bytes()
        self.used[ingredients] = data = subsetted(font, characters)
        return data

    def keep(self, cache: Cache) -> None:
        """Record the subsets this build used in `cache`, storing those it made."""
        for ingredients, data in self.used.items():
            if cache.find(NAMESPACE, "lettertype", ingredients) is None and data is not None:
                cache.put(NAMESPACE, "lettertype", ingredients, data)


def embed_fonts(word: WordDocument, faces: set[tuple[bool, bool]], style: HouseStyle = HOUSE_STYLE,
                subsets: FontSubsets | None = None) -> None:
    """Embed the house font's `faces` ((bold, italic) pairs) in the package's font table."""
    subsets = subsets or FontSubsets()
    table = related_xml_part(word, RT.FONT_TABLE)
    characters = _characters(word)
    _save_subsets(word)
    entry = next(font for font in table.element.findall(qn("w:font"))
                 if font.get(qn("w:name")) == style.fonts.family)
    for face, (tag, attribute) in _FACES.items():      # in the order the schema wants
        if face not in faces:
            continue
        data = subsets.subset(style.font_path(getattr(style.fonts, attribute)).read_bytes(), characters)
        key = "{%s}" % str(uuid.uuid5(_NAMESPACE, hashlib.sha256(data).hexdigest())).upper()
        part = Part(word.part.package.next_partname("/word/fonts/font%d.odttf"), OBFUSCATED_FONT,
                    obfuscated(data, key), word.part.package)
        entry.append(el(tag, **{"fontKey": key}))
        entry[-1].set(qn("r:id"), table.relate_to(part, RT.FONT))


#: What an editor may type when correcting the text: ASCII, Latin-1 and the typographic marks.
_TYPED = frozenset(chr(c) for c in [*range(0x20, 0x7F), *range(0xA0, 0x100)]) | frozenset("‘’‚“”„–—…•€™")


def _characters(word: WordDocument) -> frozenset[str]:
    """Every character of the package's text (body, headers, footers, notes), and what an editor types."""
    used = set(_TYPED)
    for part in word.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is not None:
            for text in element.iter(qn("w:t")):
                used.update(text.text or "")
    return frozenset(used)


@functools.lru_cache(maxsize=8)
def subsetted(font: bytes, characters: frozenset[str]) -> bytes:
    """The font with only the glyphs of `characters` (and what they need), its names and metrics kept.

    Timestamps are kept too, so the same characters give the same bytes.
    """
    logging.getLogger("fontTools").setLevel(logging.ERROR)     # Lato's 1970 timestamp is no news to a user
    loaded = TTFont(io.BytesIO(font), recalcTimestamp=False)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.layout_features = ["kern"]      # Word applies kerning; ligatures and the rest it ignores
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in characters))
    subsetter.subset(loaded)
    buffer = io.BytesIO()
    loaded.save(buffer)
    return buffer.getvalue()


_CODE = f"{fingerprint(Path(__file__))} {versions('fonttools')}"    # what makes a subset, for its cache key


def _save_subsets(word: WordDocument) -> None:
    """Tell Word to keep embedding subsets when it saves the file again (schema order: after embedSystemFonts)."""
    settings = word.settings.element
    if settings.find(qn("w:saveSubsetFonts")) is not None:
        return
    anchor = settings.find(qn("w:embedSystemFonts"))
    anchor = anchor if anchor is not None else settings.find(qn("w:embedTrueTypeFonts"))
    if anchor is None:
        settings.insert(0, el("saveSubsetFonts"))
    else:
        anchor.addnext(el("saveSubsetFonts"))


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
            base = looks.get(_val(paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")), (False, False))
            for r in paragraph.iter(qn("w:r")):
                if r.find(qn("w:t")) is None:
                    continue
                properties = r.find(qn("w:rPr"))
                bold, italic = base
                if properties is not None:
                    named = _val(properties.find(qn("w:rStyle")))
                    run_style = looks.get(named, (None, None)) if named else (None, None)
                    bold = _flag(properties.find(qn("w:b")), run_style[0], bold)
                    italic = _flag(properties.find(qn("w:i")), run_style[1], italic)
                found.add((bold, italic))
    return found


def _style_looks(word: WordDocument) -> dict[str | None, tuple[bool | None, bool | None]]:
    """Each style's bold and italic, following basedOn (paragraph styles resolve to bools); under
    None, the default paragraph style's."""
    root = word.styles.element
    bold, italic = (inherited(root, lambda style, tag=tag: _flag(style.find(f"{qn('w:rPr')}/{qn(tag)}"), None, None),
                              kind=None) for tag in ("w:b", "w:i"))
    paragraphs = {style.get(qn("w:styleId")) for style in root.iter(qn("w:style"))
                  if style.get(qn("w:type")) == "paragraph"} | {None}
    return {style_id: (bool(bold[style_id]), bool(italic[style_id])) if style_id in paragraphs
            else (bold[style_id], italic[style_id]) for style_id in bold}


def _flag(element, style_value, inherited):
    if element is not None:
        return element.get(qn("w:val")) not in ("0", "false")
    return inherited if style_value is None else style_value


def _val(element) -> str | None:
    return None if element is None else element.get(qn("w:val"))
