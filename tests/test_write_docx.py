"""The DOCX writer: the hand-built sample document, opened again with python-docx and as XML."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pytest
from docx import Document as open_docx
from docxtpl import DocxTemplate
from lxml import etree
from pypdf import PdfReader

from report.document import ListBlock, ListItem, Numbering, Paragraph, Text
from report.word_template import styles as S
from report.write.docx.writer import TEMPLATE, frame_context, write_docx
from report.write.docx.blocks import is_label
from tests.sample_document import sample_document
from tests.libreoffice import libreoffice_pdf, needs_libreoffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return sample_document(tmp_path_factory.mktemp("charts"))


@pytest.fixture(scope="module")
def data(sample):
    return write_docx(sample)


@pytest.fixture(scope="module")
def word(data):
    return open_docx(io.BytesIO(data))


def _part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _body_after_frame(word):
    """The elements the writer wrote after the template's front matter, from chapter 1 on."""
    body = list(word.element.body)
    first = next(i for i, e in enumerate(body) if e.xpath("string(.)") == "1Inleiding")    # number, tab, title
    return body[first:-1]


def test_headings_in_order_with_levels(word):
    headings = [(p.style.style_id, p.text) for p in word.paragraphs
                if p.style.style_id in S.HEADINGS]
    assert headings == [
        ("Heading1", "1\tInleiding"), ("Heading2", "1.1\tAchtergrond"),
        ("Heading1", "2\tOverzicht van pilots"), ("Heading2", "2.1\tBevindingen"),
        ("Heading3", "2.1.1\tDetails"), ("Heading1", "Bijlage A Factsheets pilots"),
    ]
    assert not any(p._p.pPr.find(f"{W}numPr") is not None for p in word.paragraphs
                   if p.style.style_id in S.HEADINGS)      # numbers are text, not list numbering


def test_caption_with_seq_field_and_bookmark(word, sample):
    captions = [p for p in word.paragraphs if p.style.style_id == S.CAPTION]
    assert [p.text for p in captions] == ["Figuur 1. Verdeling pilots naar werkwijze of product"]
    xml = etree.tostring(captions[0]._p, encoding="unicode")
    assert "SEQ Figuur" in xml
    assert re.search(r'bookmarkStart [^>]*w:name="_Figuur1"', xml)
    references = next(p for p in word.paragraphs if "zoals figuur" in p.text)
    assert "zoals figuur 1 laat zien; zie ook paragraaf 2.1 en bijlage A." in references.text
    fields = [t.text.strip() for t in references._p.iter(f"{W}instrText")]
    assert fields == ["REF _Figuur1 \\h", "REF _Kop4Nr \\h", "REF _Bijlage6 \\h"]      # the heading's number
    number = next(p for p in word.paragraphs if p.text == "2.1\tBevindingen")._p
    assert re.search(r'w:name="_Kop4Nr"/>.*<w:t>2\.1</w:t>', etree.tostring(number, encoding="unicode"), re.S)


def test_real_footnotes_with_references_in_the_body(data, word):
    notes = {n.get(f"{W}id"): _text(n) for n in _part(data, "word/footnotes.xml")
             if n.get(f"{W}type") is None}
    assert list(notes.values()) == ["Zie het overzicht op de website van het ministerie.",
                                    "Digitaal bezwaarplatform en ADR ondersteuningstool."]
    references = [r.get(f"{W}id") for r in word.element.body.iter(f"{W}footnoteReference")]
    assert references == list(notes)


def test_one_picture_per_figure_with_alt_text(word, sample):
    figure = sample.chapters[1].children[0].blocks[0]
    body_pictures = [d for e in _body_after_frame(word) for d in e.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert [(d.get("descr"), d.get("title")) for d in body_pictures] == [
        (figure.alt_text, figure.title)]


def test_factsheet_on_its_own_page_with_missing_and_corrected_values(word):
    titles = word.element.body.xpath(f'//w:p[w:pPr/w:pStyle/@w:val="{S.FACTSHEET_TITLE}"]')
    assert [_text(p) for p in titles] == ["Proefpilot"]
    assert word.styles.element.get_by_id(S.FACTSHEET_TITLE).pPr.pageBreakBefore_val is True
    xml = etree.tostring(word.element.body, encoding="unicode")
    assert re.search(rf'w:rStyle w:val="{S.MISSING}"/></w:rPr><w:t>–', xml)
    assert re.search(rf'w:rStyle w:val="{S.CORRECTION}"/></w:rPr><w:t>correctie', xml)
    tags = next(t for t in word.tables if t.style.style_id == S.TAG_TABLE)
    assert [tags.cell(0, c).paragraphs[0].text for c in range(3)] == [
        "Thema", "Type", "Financiering"]
    headings = [p.text for p in word.paragraphs if p.style.style_id == S.FACTSHEET_SECTION]
    assert headings == ["a. Basisgegevens", "b. Stand van zaken", "d. Casus", "e. Overige observaties"]
    case_heading = next(p for p in word.paragraphs if p.text == "d. Casus")._p
    box = case_heading.getnext()              # the case box, no label/value table in between
    assert box.tag == f"{W}tbl" and S.CASE_BOX in etree.tostring(box, encoding="unicode")


def test_case_boxes_are_shaded_layout_tables_that_may_break(word):
    boxes = [t for t in word.tables if t.style.style_id == S.CASE_BOX]
    assert len(boxes) == 2          # in chapter 2 and in the factsheet
    for box in boxes:
        assert box._tbl.find(f"{W}tr/{W}trPr/{W}cantSplit") is None     # a long box breaks
        assert box._tbl.find(f"{W}tblPr/{W}tblCaption") is None         # layout, not data
        assert box.cell(0, 0).paragraphs[0].text == "Voorbeeld casus pilot Proefpilot"
        assert box.cell(0, 0).paragraphs[0].style.paragraph_format.keep_with_next


def test_data_tables_mark_their_header_cells(word):
    facts = [t for t in word.tables if t.style.style_id == S.DATA_TABLE]
    assert facts
    for table in facts:
        properties = table._tbl.tblPr
        assert properties.find(f"{W}tblCaption").get(f"{W}val")
        look = properties.find(f"{W}tblLook")
        header_row = table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
        assert look.get(f"{W}firstColumn") == "1" or header_row


def outline_levels(word) -> dict[str, set[int]]:
    """Style id -> the outline levels (0 = heading 1) its paragraphs have, set on them or by style."""
    levels: dict[str, set[int]] = {}
    for p in word.element.body.iter(f"{W}p"):
        named = p.find(f"{W}pPr/{W}pStyle")
        style_id = S.NORMAL if named is None else named.get(f"{W}val")
        style = word.styles.element.get_by_id(style_id)
        level = p.find(f"{W}pPr/{W}outlineLvl")
        level = style.find(f"{W}pPr/{W}outlineLvl") if level is None else level
        if level is not None:
            levels.setdefault(style_id, set()).add(int(level.get(f"{W}val")))
    return levels


def test_factsheet_sections_are_headings_below_the_factsheet_title(word):
    levels = outline_levels(word)
    assert levels[S.FACTSHEET_TITLE] == {1} and levels[S.FACTSHEET_SECTION] == {2}


def test_a_short_bold_paragraph_is_a_label_heading(sample):
    label = (Text("a. Basisgegevens", bold=True),)
    assert is_label(label)
    assert not is_label((Text("Een vetgedrukte zin.", bold=True),))
    assert not is_label((Text("a. ", bold=True), Text("gewoon")))
    chapter = sample.chapters[0]
    labelled = dataclasses.replace(chapter, blocks=(Paragraph(label), *chapter.blocks))
    word = open_docx(io.BytesIO(write_docx(dataclasses.replace(
        sample, chapters=(labelled, *sample.chapters[1:])))))
    assert outline_levels(word)[S.GROUP_LABEL] == {chapter.level}


def test_no_two_tables_touch(word):
    """Word joins adjacent tables into one; a paragraph must always stand between them."""
    tags = [e.tag for e in word.element.body]
    assert all(not (a == b == f"{W}tbl") for a, b in zip(tags, tags[1:]))


def test_lettered_lists_restart_and_keep_bold_leads(sample, tmp_path):
    section = sample.chapters[1].children[0]
    lettered = ListBlock(Numbering.ALPHA, (ListItem((Text("Kern."),), (Text("Uitleg."),)),))
    twice = dataclasses.replace(section, blocks=(*section.blocks, lettered))
    chapter = dataclasses.replace(sample.chapters[1], children=(twice,))
    word = open_docx(io.BytesIO(write_docx(dataclasses.replace(
        sample, chapters=(sample.chapters[0], chapter)))))
    items = [p for p in word.paragraphs if p.style.style_id == S.LISTS["ALPHA"]]
    num_ids = [p._p.pPr.numPr.numId.val for p in items]
    assert len(items) == 3 and num_ids[0] == num_ids[1] != num_ids[2]
    numbering = word.part.numbering_part.element
    for num_id in {num_ids[0], num_ids[2]}:
        num = numbering.num_having_numId(num_id)
        assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"
    lead = items[0].runs[0]
    assert lead.style.style_id == S.LEAD and lead.text == "Samenwerking kost tijd."


def test_emphasis_is_kept_as_bold_and_italic_runs(word):
    italic = [r for p in word.paragraphs for r in p.runs if r.italic]
    assert [r.text for r in italic] == ["divers"]
    assert italic[0]._r.rPr.find(f"{W}i") is not None and not italic[0].bold


def test_document_without_annex_or_sections_still_has_a_toc_field(sample):
    bare = dataclasses.replace(sample, chapters=(), annexes=())
    word = open_docx(io.BytesIO(write_docx(bare)))
    instructions = [t.text.strip() for t in word.element.body.iter(f"{W}instrText")]
    assert instructions == ['TOC \\o "1-2" \\h \\z \\u']


def test_toc_field_prefilled_with_links_to_bookmarks_and_pdf_pages(word):
    body = etree.tostring(word.element.body, encoding="unicode")
    assert 'TOC \\o "1-2" \\h \\z \\u' in body
    entries = [p for p in word.paragraphs if p.style.style_id in S.TOC_LEVELS]
    assert [p.text for p in entries] == [
        "1\tInleiding\t4", "1.1\tAchtergrond\t4", "2\tOverzicht van pilots\t5",
        "2.1\tBevindingen\t5", "Bijlage A Factsheets pilots\t6", "Proefpilot\t7"]
    bookmarks = set(word.element.body.xpath("//w:bookmarkStart/@w:name"))
    anchors = word.element.body.xpath("//w:hyperlink/@w:anchor")
    assert len(anchors) == 6 and set(anchors) <= bookmarks


def test_frame_rendered_from_metadata(word, data, sample):
    texts = _text(word.element.body)
    assert sample.meta.title in texts and "30 juni 2022" in texts
    assert not re.search(r"\{\{|\{%|\[\[", etree.tostring(word.element, encoding="unicode"))
    headers = [_text(_part(data, name)) for name in zipfile.ZipFile(
        io.BytesIO(data)).namelist() if re.fullmatch(r"word/header\d+\.xml", name)]
    assert any(h.startswith(sample.meta.title) and "Concept" in h for h in headers)


def test_template_needs_no_variable_the_context_lacks(sample):
    template = DocxTemplate(TEMPLATE)
    assert template.get_undeclared_template_variables(
        context=frame_context(sample.meta)) == set()


def test_core_properties(word, sample):
    properties = word.core_properties
    assert properties.title == sample.meta.title
    assert properties.author == "A. Auteur; B. Schrijver"
    assert properties.language == "nl-NL" and properties.version == "0.3"
    assert properties.created.date() == properties.modified.date() == sample.meta.date


def test_styles_used_exist_in_template_and_no_direct_look(word, data):
    used = set()
    for name in ("word/document.xml", "word/footnotes.xml"):
        for tag in ("pStyle", "rStyle", "tblStyle"):
            used |= {e.get(f"{W}val") for e in _part(data, name).iter(f"{W}{tag}")}
    template_ids = {s.get(f"{W}styleId") for s in _part(TEMPLATE.read_bytes(), "word/styles.xml")
                    .iter(f"{W}style")}
    assert used <= template_ids
    for element in _body_after_frame(word):
        for tag in ("color", "sz", "rFonts", "shd", "spacing", "ind", "jc"):
            assert next(element.iter(f"{W}{tag}"), None) is None, tag


def test_restyled_template_changes_output_without_code(sample, tmp_path):
    restyled = tmp_path / "restyled.docx"
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(restyled, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/styles.xml":
                content = re.sub(rb'(w:styleId="Heading1".*?w:color w:val=")0B4F6C', rb"\g<1>AA0000",
                                 content, count=1, flags=re.S)
            target.writestr(item, content)
    styles = _part(write_docx(sample, restyled), "word/styles.xml")
    heading = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Heading1")
    assert heading.find(f"{W}rPr/{W}color").get(f"{W}val") == "AA0000"


def test_same_document_same_bytes(sample, data):
    assert write_docx(sample) == data


def test_the_builds_docx_writer_gives_the_same_bytes_outside_a_build(sample, data):
    """`wijzigingen -o lijst.docx` writes through the build's writer, which starts the DOCX in workers."""
    from report.write.formats import WRITERS
    assert WRITERS["docx"].write(sample, cache=None) == data


@needs_libreoffice
def test_libreoffice_converts_it_to_pdf_with_the_headings(data, tmp_path):
    source = tmp_path / "rapport.docx"
    source.write_bytes(data)
    pdf = libreoffice_pdf(source, tmp_path)
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    for expected in ("Inleiding", "1.1", "Achtergrond", "Figuur 1. Verdeling pilots",
                     "Bijlage A Factsheets pilots", "Proefpilot", "–",
                     "Digitaal bezwaarplatform en ADR ondersteuningstool."):
        assert expected in text


def test_charts_are_svg_with_png_fallback_and_the_cover_logo_and_band_are_decorative(data):
    document = _part(data, "word/document.xml")
    rels = {r.get("Id"): r.get("Target") for r in _part(data, "word/_rels/document.xml.rels")}
    A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    svgs = document.findall(".//{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip")
    captions = [t for t in document.iter(f"{W}instrText") if "SEQ Figuur" in t.text]
    assert len(svgs) == len(captions) > 0
    for svg in svgs:
        blip = svg.getparent().getparent().getparent()
        assert blip.tag == f"{A}blip" and rels[blip.get(f"{R}embed")].endswith(".png")
        assert rels[svg.get(f"{R}embed")].endswith(".svg")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "image/svg+xml" in package.read("[Content_Types].xml").decode()
    pictures = document.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/"
                                "wordprocessingDrawing}docPr")
    decorative = [p for p in pictures if p.find(
        ".//{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative") is not None]
    assert [p.get("name") for p in decorative] == ["Omslagband", "Omslagstreep"]      # the cover's band
    assert not any(p.get("descr") for p in decorative) and all(p.get("descr") for p in pictures if p not in decorative)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        headers = [etree.fromstring(package.read(name)) for name in package.namelist()
                   if re.fullmatch(r"word/header\d+\.xml", name)]
    logos = [p for header in headers for p in header.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert len(logos) == 1 and logos[0].find(".//{http://schemas.microsoft.com/office/drawing/2017/decorative}"
                                              "decorative") is not None
