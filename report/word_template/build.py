"""Turn the house style into templates/report-template.docx, the Word frame of the report.

The template carries the styles and list numbering of report.word_template.styles,
the page geometry of report.style, the cover, colophon and running headers with
docxtpl placeholders, and two anchor paragraphs where the DOCX writer puts the
table of contents and the chapters. Rebuild it after changing the house style:

    .venv/bin/python scripts/build_word_template.py   (or: -m report.word_template.build)

A designer may also restyle the .docx in Word; tests/test_word_template.py
then says where it no longer matches report/style.py.
"""

from __future__ import annotations

import datetime as dt
import io

import pypdfium2
from docx import Document
from docx.enum.section import WD_SECTION
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from weasyprint import HTML

from report.files import write_bytes_atomic
from report.style import HOUSE_STYLE, TEMPLATES_DIR, HouseStyle
from report.word_template import styles as S
from report.write.docx.canvas import first_paragraph, paragraph, table
from report.write.docx.package import related_xml_part, saved, set_statistics
from report.word_template.style_xml import (
    numbering_element, run_properties, style_element,
)
from report.word_template.theme import SLOTS, house_theme
from report.word_template.styles import RunLook, WordHouseStyle, word_house_style
from report.write.docx.xml import EMU_PER_MM, WPS, decorative_extension, el, field_runs, run, tab, twips_mm

TEMPLATE = TEMPLATES_DIR / "report-template.docx"
TEMPLATE_DATE = dt.date(2024, 1, 1)      # fixed, so rebuilding gives the same bytes
_KEEP_STYLES = {"DefaultParagraphFont", "TableNormal", "NoList"}


def build(style: HouseStyle = HOUSE_STYLE) -> bytes:
    """The template as .docx bytes: first the package and styles, then the pages."""
    word = word_house_style(style)
    document = Document()
    _strip_default_package(document)
    _install_styles(document, word)
    _install_theme(document, style)
    _install_settings(document, word)
    _install_fonts(document, word)
    _install_footnotes(document)
    _install_properties(document, style)
    _page_setup(document, style)
    front = el("body")
    _cover(document, front, style)
    _colophon(front, style)
    paragraph(front, "TOCHeading", "Inhoud")
    paragraph(front, S.NORMAL, S.TOC_ANCHOR)
    _append(document, front)
    document.add_section(WD_SECTION.NEW_PAGE)
    body = el("body")
    paragraph(body, S.NORMAL, S.BODY_ANCHOR)
    _append(document, body)
    _headers_and_footers(document)
    set_statistics(document, None, [document.element.body])
    return saved(document, TEMPLATE_DATE)


# ---------------------------------------------------------------- package


def _strip_default_package(document) -> None:
    """Drop what python-docx's default template carries and a report does not need."""
    part = document.part
    for rId, rel in list(part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, RT.WEB_SETTINGS) \
                or rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rId)
    package_rels = part.package.rels
    for rId, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rId)


def _install_styles(document, word: WordHouseStyle) -> None:
    """Replace every style and list definition by those of the house style."""
    numbering = document.part.numbering_part.element
    new_numbering, numbering_ids = numbering_element(word)
    numbering.clear()
    numbering.extend(list(new_numbering))

    styles = document.styles.element
    for element in styles.findall(qn("w:style")):
        if element.get(qn("w:styleId")) not in _KEEP_STYLES:
            styles.remove(element)
    defaults = run_properties(RunLook(font=word.font, size=HOUSE_STYLE.sizes.body))
    defaults.append(el("lang", val=word.language, eastAsia=word.language, bidi="ar-SA"))
    styles.find(qn("w:docDefaults")).clear()
    styles.find(qn("w:docDefaults")).extend([
        el("rPrDefault", [defaults]),
        el("pPrDefault", [el("pPr", [el("spacing", after="0", line="240", lineRule="auto")])]),
    ])
    styles.extend(style_element(style, numbering_ids) for style in word.styles)


def _install_theme(document, style: HouseStyle) -> None:
    """The house colours and font as the theme, which the styles refer to."""
    theme = document.part.part_related_by(RT.THEME)
    theme._blob = house_theme(theme.blob, style)


def _install_settings(document, word: WordHouseStyle) -> None:
    """Mirrored margins, Dutch hyphenation, footnote separators, embedded fonts (the writer
    embeds the faces it uses, report.write.docx.fonts). Fields are not updated on
    opening: the writer caches every field's result, so no prompt is needed."""
    settings = document.settings.element
    colour_mapping = settings.find(qn("w:clrSchemeMapping"))
    settings.clear()
    settings.extend([
        el("zoom", percent="100"),
        el("embedTrueTypeFonts"),
        el("mirrorMargins"),
        el("defaultTabStop", val="709"),
        el("autoHyphenation"),
        el("evenAndOddHeaders"),
        el("characterSpacingControl", val="doNotCompress"),
        el("footnotePr", [el("footnote", id="-1"), el("footnote", id="0")]),
        el("compat", [el("compatSetting", name="compatibilityMode",
                         uri="http://schemas.microsoft.com/office/word", val="15")]),
        el("themeFontLang", val=word.language),
        colour_mapping,
        el("decimalSymbol", val=","),
        el("listSeparator", val=";"),
    ])


def _install_fonts(document, word: WordHouseStyle) -> None:
    """Declare the house font with its Word-safe fallback, so Word substitutes sensibly."""
    fonts = related_xml_part(document, RT.FONT_TABLE).element
    fonts.clear()
    fonts.extend([
        el("font", [el("altName", val=word.font_fallback),
                    el("panose1", val="020F0502020204030203"), el("charset", val="00"),
                    el("family", val="swiss"), el("pitch", val="variable")], name=word.font),
        el("font", [el("panose1", val="020F0502020204030204"), el("charset", val="00"),
                    el("family", val="swiss"), el("pitch", val="variable")],
           name=word.font_fallback),
    ])


def _install_footnotes(document) -> None:
    """The footnotes part with Word's two separator notes; the writer appends the notes."""
    separators = [
        el("footnote", [el("p", [el("pPr", [el("spacing", after="0")]),
                                 run(children=[el(kind)])])], type=kind, id=str(number))
        for number, kind in ((-1, "separator"), (0, "continuationSeparator"))
    ]
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES,
                   el("footnotes", separators), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def _install_properties(document, style: HouseStyle) -> None:
    properties = document.core_properties
    properties.title = "Sjabloon tussenrapport"
    properties.author = properties.last_modified_by = style.organisation
    properties.comments = ""
    properties.language = style.language
    properties.created = properties.modified = dt.datetime.combine(TEMPLATE_DATE, dt.time())


# ---------------------------------------------------------------- pages


def _page_setup(document, style: HouseStyle) -> None:
    page, section = style.page, document.sections[0]
    section.page_width, section.page_height = Mm(page.width), Mm(page.height)
    section.top_margin, section.bottom_margin = Mm(page.margin_top), Mm(page.margin_bottom)
    section.left_margin, section.right_margin = Mm(page.margin_inner), Mm(page.margin_outer)
    section.header_distance = section.footer_distance = Mm(S.HEADER_DISTANCE)
    section.gutter = Mm(0)


def _append(document, fragment) -> None:
    """Move what was written into `fragment` to the end of the document's body."""
    for element in list(fragment):
        document.element.body.sectPr.addprevious(element)


# Room between the (sub)title and the client, date and version: they sit in the lower
# half of the cover, below the band, as on the PDF's; a longer title moves them down.
COVER_FACTS_GAP = 108    # mm


def _cover(document, container, style: HouseStyle) -> None:
    """A full-width band with the title, then client, date and version; the logo and
    organisation above it are the cover page's own header.

    The Title paragraph is the body's first paragraph with text, where pandoc and other
    readers take the document's title from; so the band is not a table around it but two
    rectangles behind the text (band and accent stripe), anchored to the title.
    """
    header = document.sections[0].first_page_header
    logo = header.part.new_pic_inline(io.BytesIO(_logo_png(style)), width=Mm(15))
    logo.docPr.append(decorative_extension())      # the organisation's name follows it as text
    _fill(header, "Omslagorganisatie", [run(children=[el("drawing", [logo])]), run("  {{ organisation }}"),
                                        tab(), _concept_mark()])
    paragraph(container, "Omslagband")
    paragraph(container, "Title").extend(_cover_band(document, style) + [run("{{ title }}")])
    _optional(container, "Subtitle", "subtitle")
    facts = (("Opdrachtgever", "{{ client }}"), ("Datum", "{{ date }}"),
             ("Versie", "{{ version }} ({{ status }})"))
    for index, (label, value) in enumerate(facts):
        line = paragraph(container, "Omslaggegevens")
        if index == 0:
            line.pPr.append(el("spacing", before=twips_mm(COVER_FACTS_GAP)))
        line.extend([run(label, "Omslaglabel"), tab(), run(value)])


def _cover_band(document, style: HouseStyle) -> list:
    """Runs holding the band and its accent stripe: rectangles behind the text, bleeding
    to both page edges, from the room above the title down."""
    shapes = (("Omslagband", "primary", -S.COVER_BAND_TOP, S.COVER_BAND_HEIGHT),
              ("Omslagstreep", "accent", S.COVER_BAND_HEIGHT - S.COVER_BAND_TOP, S.COVER_STRIPE))
    return [run(children=[el("drawing", [_rectangle(document.part.next_id + index, name, SLOTS[colour][0],
                                                    top, height, style.page.width)])])
            for index, (name, colour, top, height) in enumerate(shapes)]


def _rectangle(shape_id: int, name: str, scheme_colour: str, top: float, height: float, width: float):
    """A decorative rectangle behind the text (as Word's Insert > Shapes, "Behind text"):
    `top` mm below its paragraph, from the page's left edge, filled with a theme colour
    (so Word's Design > Colours restyles it with the rest)."""
    def emu(mm: float) -> int:
        return round(mm * EMU_PER_MM)
    anchor = parse_xml(f"""
<wp:anchor {nsdecls("wp", "a")} xmlns:wps="{WPS}" distT="0" distB="0" distL="0" distR="0" simplePos="0"
    relativeHeight="{shape_id}" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1">
  <wp:simplePos x="0" y="0"/>
  <wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionH>
  <wp:positionV relativeFrom="paragraph"><wp:posOffset>{emu(top)}</wp:posOffset></wp:positionV>
  <wp:extent cx="{emu(width)}" cy="{emu(height)}"/>
  <wp:effectExtent l="0" t="0" r="0" b="0"/>
  <wp:wrapNone/>
  <wp:docPr id="{shape_id}" name="{name}"/>
  <wp:cNvGraphicFramePr/>
  <a:graphic><a:graphicData uri="{WPS}"><wps:wsp>
    <wps:cNvSpPr/>
    <wps:spPr>
      <a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(width)}" cy="{emu(height)}"/></a:xfrm>
      <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
      <a:solidFill><a:schemeClr val="{scheme_colour}"/></a:solidFill>
      <a:ln><a:noFill/></a:ln>
    </wps:spPr>
    <wps:bodyPr/>
  </wps:wsp></a:graphicData></a:graphic>
</wp:anchor>""")
    anchor.find(qn("wp:docPr")).append(decorative_extension())
    return anchor


def _colophon(container, style: HouseStyle) -> None:
    paragraph(container, "Kopvoorwerk", "Colofon")
    facts = (
        ("Titel", "{{ title }}{% if subtitle %}. {{ subtitle }}{% endif %}"),
        ("Opdrachtgever", "{{ client }}"),
        ("Uitgevoerd door", "{{ organisation }}"),
        ('{{ "Auteur" if authors|length == 1 else "Auteurs" }}', '{{ authors|join(", ") }}'),
        ("Datum", "{{ date }}"),
        ("Versie", "{{ version }}"),
        ("Status", "{{ status|capitalize }}"),
    )
    grid = table(container, S.DATA_TABLE, _widths(style, 38, None), len(facts),
                 header_column=True, caption="Colofon")
    for (label_cell, value_cell), (label, value) in zip(grid, facts):
        first_paragraph(label_cell, S.DATA_LABEL).append(run(label))
        first_paragraph(value_cell, S.DATA_VALUE).append(run(value))

    paragraph(container, S.NORMAL, "{%p if history %}")
    paragraph(container, "Tussenkopvoorwerk", "Versiegeschiedenis")
    history = table(container, S.DATA_TABLE, _widths(style, 20, 35, None), 4, header=True,
                    caption="Versiegeschiedenis")
    rows = (("Versie", "Datum", "Wijziging"),
            ("{%tr for entry in history %}", "", ""),
            ("{{ entry.version }}", "{{ entry.date }}", "{{ entry.change }}"),
            ("{%tr endfor %}", "", ""))
    for cells, texts in zip(history, rows):
        for cell, text in zip(cells, texts):
            first_paragraph(cell, S.DATA_VALUE).append(run(text))
    paragraph(container, S.NORMAL, "{%p endif %}")
    _optional(container, "Colofonnoot", "colophon_note")


def _headers_and_footers(document) -> None:
    """Front matter: concept mark and page number; body: title, concept mark and the heading
    the writer puts in each section's copy (report.write.docx.headers)."""
    front, body = document.sections
    front.different_first_page_header_footer = True       # the cover's header: _cover
    _fill(front.first_page_footer, "Footer", [])
    for header in (front.header, front.even_page_header):
        _fill(header, "Koptekstvoorwerk", [tab(), _concept_mark()])
    for header in (body.header, body.even_page_header):
        _fill(header, "Header", [run("{{ running_title }}"), tab(), _concept_mark(), tab(),
                                 run(S.RUNNING_HEAD)])
    _fill(front.footer, "Footer", [tab(), *field_runs("PAGE", "1")])
    _fill(front.even_page_footer, "Footer", field_runs("PAGE", "2"))


# ---------------------------------------------------------------- small pieces


def _concept_mark():
    return run("{% if is_concept %}Concept{% endif %}", "Conceptmarkering")


def _optional(container, style_id: str, name: str) -> None:
    """A paragraph holding `{{ name }}`, left out by docxtpl when the value is empty."""
    paragraph(container, S.NORMAL, f"{{%p if {name} %}}")
    paragraph(container, style_id, f"{{{{ {name} }}}}")
    paragraph(container, S.NORMAL, "{%p endif %}")


def _fill(header_or_footer, style_id: str, runs: list) -> None:
    """The one paragraph of a header or footer, in a named style, holding `runs`."""
    header_or_footer.is_linked_to_previous = False
    old = header_or_footer.paragraphs[0]._p
    new = paragraph(el("body"), style_id)
    new.extend(runs)
    old.getparent().replace(old, new)


def _widths(style: HouseStyle, *millimetres: float | None) -> list[Mm]:
    """Column widths; a None column takes what the others leave of the text width."""
    fixed = sum(mm for mm in millimetres if mm)
    free = (S.text_width_mm(style) - fixed) / sum(1 for mm in millimetres if not mm)
    return [Mm(mm or free) for mm in millimetres]


def _logo_png(style: HouseStyle) -> bytes:
    """The SVG logo as a PNG Word can show, drawn by WeasyPrint and rasterised by PDFium."""
    html = (f'<style>@page {{ size: 20mm 20mm; margin: 0 }} body {{ margin: 0 }} '
            f'img {{ display: block; width: 20mm }}</style><img src="{style.logo.as_uri()}">')
    pdf = pypdfium2.PdfDocument(HTML(string=html).write_pdf())
    image = pdf[0].render(scale=600 / 72).to_pil()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(600, 600), optimize=True)
    return buffer.getvalue()


def main() -> None:
    write_bytes_atomic(TEMPLATE, build())
    print(f"geschreven: {TEMPLATE}")


if __name__ == "__main__":
    main()
