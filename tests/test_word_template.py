"""The committed Word template carries the house style the DOCX writer relies on.

Every style of report.word_template.styles must exist in templates/report-template.docx
with the font, size, colour and weight the house style gives it (following
`basedOn` the way Word does), so a template restyled in Word, or a house style
changed without rebuilding the template, fails here rather than in a report.
"""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from report.style import HOUSE_STYLE
from report.word_template.theme import A, SLOTS

from report.word_template import styles as S
from report.write.docx.writer import TEMPLATE
from report.write.docx.package import related_xml_part
from report.word_template.styles import WORD_HOUSE_STYLE, StyleKind

RUN_FIELDS = ("font", "size", "color", "bold", "italic")


@pytest.fixture(scope="module")
def template():
    return Document(str(TEMPLATE))


def _template_style(template, style_id):
    return template.styles.element.get_by_id(style_id)


def _spec_value(style_id: str | None, name: str):
    """A run property of a house style, inherited through basedOn down to Normal."""
    while style_id:
        spec = WORD_HOUSE_STYLE.by_id[style_id]
        value = getattr(spec.run, name)
        if value is not None:
            return value
        style_id = spec.based_on
    return {"font": WORD_HOUSE_STYLE.font}.get(name)


def _template_value(template, style_id: str | None, name: str):
    """The same property read from the template with python-docx, inherited the same way."""
    styles = template.styles
    while style_id:
        element = _template_style(template, style_id)
        font = styles[element.name_val].font
        value = {"font": font.name, "size": font.size and font.size.pt,
                 "color": font.color.rgb and f"#{font.color.rgb}", "bold": font.bold,
                 "italic": font.italic}[name]
        if value is not None:
            return value
        style_id = element.basedOn_val
    defaults = styles.element.find(qn("w:docDefaults"))
    return {"font": defaults.find(".//" + qn("w:rFonts")).get(qn("w:ascii"))}.get(name)


@pytest.mark.parametrize("style", [s for s in WORD_HOUSE_STYLE.styles if s.kind is not StyleKind.TABLE],
                         ids=lambda s: s.style_id)
def test_text_style_matches_house_style(template, style):
    element = _template_style(template, style.style_id)
    assert element is not None, f"style {style.style_id} missing from the template"
    assert element.type.name.lower() == style.kind.value
    for name in RUN_FIELDS:
        expected = _spec_value(style.style_id, name)
        actual = _template_value(template, style.style_id, name)
        if isinstance(expected, str) and expected.startswith("#"):
            expected = expected.upper()
        assert actual == expected, f"{style.style_id}.{name}: template {actual!r}, house {expected!r}"


@pytest.mark.parametrize("style", [s for s in WORD_HOUSE_STYLE.styles if s.kind is StyleKind.TABLE],
                         ids=lambda s: s.style_id)
def test_table_style_matches_house_style(template, style):
    element = _template_style(template, style.style_id)
    assert element is not None and element.type.name == "TABLE"
    fill = element.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    assert (fill.get(qn("w:fill")) if fill is not None else None) == \
        (style.table.fill.lstrip("#").upper() if style.table.fill else None)
    borders = {b.tag.split("}")[1]: b.get(qn("w:color"))
               for b in element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")}
    assert borders == {side: b.color.lstrip("#").upper() for side, b in style.table.borders}


def test_house_font_with_word_safe_fallback_and_dutch_language(template):
    fonts = related_xml_part(template, RT.FONT_TABLE).element
    lato = fonts.find(f"{qn('w:font')}[@{qn('w:name')}='{WORD_HOUSE_STYLE.font}']")
    assert lato.find(qn("w:altName")).get(qn("w:val")) == WORD_HOUSE_STYLE.font_fallback
    lang = template.styles.element.find(".//" + qn("w:rPrDefault") + "//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "nl-NL"


def test_headings_carry_no_list_numbering_and_their_number_has_a_style(template):
    """A heading's number is typed before a tab (report.write.docx.blocks), so readers that ignore list
    numbering see it; list numbering on the heading styles would show every number twice."""
    for style_id in S.HEADINGS:
        assert _template_style(template, style_id).find(f"{qn('w:pPr')}/{qn('w:numPr')}") is None, style_id
    number = _template_style(template, S.HEADING_NUMBER)
    assert number.get(qn("w:type")) == "character"


@pytest.mark.parametrize("numbering,fmt", [("ALPHA", "lowerLetter"), ("ROMAN", "lowerRoman")])
def test_list_styles_carry_their_numbering(template, numbering, fmt):
    element = _template_style(template, S.LISTS[numbering])
    num_id = element.find(f".//{qn('w:numId')}").get(qn("w:val"))
    numbering_root = template.part.numbering_part.element
    num = numbering_root.find(f"{qn('w:num')}[@{qn('w:numId')}='{num_id}']")
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = numbering_root.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']")
    assert abstract.find(f".//{qn('w:numFmt')}").get(qn("w:val")) == fmt


def test_frame_has_anchors_footnote_separators_and_no_update_prompt(template):
    texts = [p.text for p in template.paragraphs]
    assert texts.count(S.TOC_ANCHOR) == 1 and texts.count(S.BODY_ANCHOR) == 1
    assert texts.index(S.TOC_ANCHOR) < texts.index(S.BODY_ANCHOR)
    separators = [f.get(qn("w:type")) for f in
                  related_xml_part(template, RT.FOOTNOTES).element.findall(qn("w:footnote"))]
    assert separators == ["separator", "continuationSeparator"]
    settings = template.settings.element
    assert settings.find(qn("w:updateFields")) is None     # every field's result is cached
    assert settings.find(qn("w:evenAndOddHeaders")) is not None


def _package_part(name: str):
    with zipfile.ZipFile(TEMPLATE) as package:
        return etree.fromstring(package.read(name))


def test_theme_carries_the_house_palette_and_font():
    theme = _package_part("word/theme/theme1.xml")
    scheme = theme.find(f".//{{{A}}}clrScheme")
    for name, (slot, _) in SLOTS.items():
        value = scheme.find(f"{{{A}}}{slot}/{{{A}}}srgbClr").get("val")
        assert f"#{value}" == getattr(HOUSE_STYLE.palette, name).upper(), slot
    for kind in ("majorFont", "minorFont"):
        assert theme.find(f".//{{{A}}}{kind}/{{{A}}}latin").get("typeface") == HOUSE_STYLE.fonts.family


@pytest.mark.parametrize("part", ["word/styles.xml", "word/numbering.xml", "word/document.xml"])
def test_every_colour_and_font_refers_to_the_theme(part):
    root = _package_part(part)
    colours = [(e, "themeColor") for tag in ("color", "top", "left", "bottom", "right", "insideH",
                                             "insideV", "bdr")
               for e in root.iter(qn(f"w:{tag}")) if e.get(qn("w:color")) not in (None, "auto")]
    colours += [(e, "themeFill") for e in root.iter(qn("w:shd"))]
    assert colours or part != "word/styles.xml"
    for element, attribute in colours:
        assert element.get(qn(f"w:{attribute}")), element.tag
    for fonts in root.iter(qn("w:rFonts")):
        assert fonts.get(qn("w:asciiTheme")) in ("minorHAnsi", "majorHAnsi")
