"""Independent readers accept the example DOCX: pandoc, mammoth, docx2python, an OOXML schema
check, and LibreOffice with the house font removed from the machine (the embedded Lato is used).

python-docx and LibreOffice's layout are exercised throughout tests/test_write_docx.py and
tests/test_docx_pages.py.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import zipfile

import mammoth
import pypandoc
from docx import Document
from docx2python import docx2python
from lxml import etree
from fontTools.ttLib import TTFont
from openxml_audit import OpenXmlValidator

from report.style import FONTS_DIR
from report.write.docx.fonts import obfuscated
from report.write.docx.package import APPLICATION
from tests.conftest import lacking
from tests.libreoffice import libreoffice_pdf, needs_libreoffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

# Findings of the schema check that are not errors, each with its reason.
KNOWN_FALSE_POSITIVES = {
    # ISO/IEC 29500-1, 17.9.18: numId 0 removes the numbering a style gives (the annex
    # heading in the numbered "heading 1" style); it needs no definition.
    "Numbering definition '0' referenced but not found",
}


def test_schema_check_finds_nothing_but_known_false_positives(example_build):
    result = OpenXmlValidator().validate(example_build.docx)
    assert {error.description for error in result.errors} <= KNOWN_FALSE_POSITIVES


def test_pandoc_reads_headings_tables_and_footnotes(example_build):
    markdown = pypandoc.convert_file(str(example_build.docx), "markdown")
    chapter = example_build.document.chapters[0]
    sheet = example_build.document.annexes[0].factsheets[0]
    section = chapter.children[0]
    assert f"# {chapter.number} {chapter.title}" in markdown and f"## {section.number} {section.title}" in markdown
    assert sheet.title in markdown and "[^1]" in markdown and "+---" in markdown


def test_pandoc_and_python_docx_find_the_documents_title(example_build):
    """pandoc takes the title only from a Title paragraph that opens the body: the cover's
    band is a shape behind it, not a table around it."""
    title = example_build.document.meta.title
    document = json.loads(pypandoc.convert_file(str(example_build.docx), "json"))
    title_block = {"t": "Plain", "c": document["meta"]["title"]["c"]}
    assert pypandoc.convert_text(json.dumps({**document, "blocks": [title_block]}), "plain",
                                 format="json", extra_args=["--wrap=none"]).strip() == title
    word = Document(example_build.docx)
    titles = [paragraph.text for paragraph in word.paragraphs if paragraph.style.style_id == "Title"]
    assert titles == [title] and word.core_properties.title == title


def test_data_tables_mark_their_header_row_or_column_and_layout_tables_neither(example_build):
    """A table with a caption is a data table: its first row is a repeated header row, or (label/value)
    its first column holds row headers. Boxes and tiles are layout tables and mark nothing."""
    body = etree.fromstring(zipfile.ZipFile(example_build.docx).read("word/document.xml"))
    kinds = []
    for tbl in body.iter(f"{W}tbl"):
        look = tbl.find(f"{W}tblPr/{W}tblLook")
        row, column = look.get(f"{W}firstRow") == "1", look.get(f"{W}firstColumn") == "1"
        repeated = tbl.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None
        captioned = tbl.find(f"{W}tblPr/{W}tblCaption") is not None
        assert row == repeated and (row or column) == captioned, etree.tostring(tbl.find(f"{W}tblPr"))
        kinds.append("rij" if row else "kolom" if column else "opmaak")
    sheets = example_build.document.annexes[0].factsheets
    assert kinds.count("rij") == 1                          # the version history
    assert kinds.count("kolom") > 2 * len(sheets)           # each sheet's band and fact tables, the colophon


def test_pandoc_reads_the_header_row_as_the_tables_head(example_build):
    document = json.loads(pypandoc.convert_file(str(example_build.docx), "json"))
    heads = [pypandoc.convert_text(json.dumps({**document, "blocks": [block]}), "plain", format="json")
             for block in document["blocks"] if block["t"] == "Table" and block["c"][3][1]]
    assert len(heads) == 1 and "Versie" in heads[0]


def test_mammoth_reads_headings_and_alt_text(example_build):
    with open(example_build.docx, "rb") as handle:
        html = mammoth.convert_to_html(handle).value
    chapter = example_build.document.chapters[0]
    figure = next(block for c in example_build.document.chapters for block in _blocks(c)
                  if hasattr(block, "alt_text"))
    anchors = r"(?:<a id=\"\w+\"></a>)*"
    assert re.search(rf"<h1>{anchors}{chapter.number}\t{anchors}{re.escape(chapter.title)}</h1>", html)
    assert figure.alt_text.replace("&", "&amp;").replace('"', "&quot;")[:60] in html


def test_docx2python_reads_body_and_footnotes(example_build):
    with docx2python(example_build.docx) as content:
        text, footnotes = content.text, content.footnotes
    section = example_build.document.chapters[2].children[0]
    assert f"\n{section.number}\t{section.title}\n" in text      # the heading with its number
    assert any("footnote1)" in str(note) for note in footnotes)


def test_every_part_declares_its_namespaces_on_the_root(example_build):
    with zipfile.ZipFile(example_build.docx) as package:
        for name in package.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            root = etree.fromstring(package.read(name))
            declared = set(root.nsmap.values())
            used = {etree.QName(e).namespace for e in root.iter() if isinstance(e.tag, str)}
            used |= {etree.QName(a).namespace for e in root.iter() for a in e.attrib}
            assert used - {None, "http://www.w3.org/XML/1998/namespace"} <= declared, name
            if root.tag.startswith("{http://schemas.openxmlformats.org/wordprocessingml"):
                assert "r" in root.nsmap, name


def test_app_properties_name_this_program_and_count_pages(example_build):
    app = etree.fromstring(zipfile.ZipFile(example_build.docx).read("docProps/app.xml"))
    values = {etree.QName(e).localname: e.text for e in app}
    assert values["Application"] == APPLICATION
    assert int(values["Pages"]) == len(example_build.pdf_pages)
    assert int(values["Words"]) > 10_000 and "AppVersion" not in values


def test_only_used_lato_faces_are_embedded_obfuscated(example_build):
    with zipfile.ZipFile(example_build.docx) as package:
        table = package.read("word/fontTable.xml").decode()
        fonts = [n for n in package.namelist() if n.startswith("word/fonts/")]
        types = package.read("[Content_Types].xml").decode()
        settings = package.read("word/settings.xml").decode()
        first = package.read(fonts[0])
    assert "embedRegular" in table and "embedBold" in table and "embedItalic" in table
    assert len(fonts) == table.count("w:fontKey") and all(n.endswith(".odttf") for n in fonts)
    assert "obfuscatedFont" in types and "embedTrueTypeFonts" in settings
    assert first[:4] != b"\x00\x01\x00\x00"      # the TrueType header is scrambled



def test_fonts_are_subsets_of_the_text_and_an_editors_characters_and_the_file_stays_small(example_build):
    """Word's "embed only the characters used", plus what an editor types: a fraction of the faces."""
    with zipfile.ZipFile(example_build.docx) as package:
        settings = package.read("word/settings.xml").decode()
        table = etree.fromstring(package.read("word/fontTable.xml"))
        rels = etree.fromstring(package.read("word/_rels/fontTable.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        embedded = [(e.get(f"{W}fontKey"), targets[e.get(f"{R}id")]) for e in table.iter(f"{W}embedRegular")]
        (key, target), = embedded
        font = TTFont(io.BytesIO(obfuscated(package.read(f"word/{target}"), key)))   # XOR undoes itself
        body = package.read("word/document.xml").decode()
    whole = TTFont(FONTS_DIR / "Lato-Regular.ttf")
    assert "<w:saveSubsetFonts/>" in settings
    assert len(font.getGlyphOrder()) < len(whole.getGlyphOrder()) / 5
    cmap = font.getBestCmap()
    assert all(ord(c) in cmap for c in "Eén rechtzoekende: 'ë', “ï” – € 5,00…")
    assert "Eén" in body or "één" in body
    assert example_build.docx.stat().st_size < 800_000

@needs_libreoffice
def test_libreoffice_uses_the_embedded_lato_when_the_machine_has_none(example_build, tmp_path):
    fonts = tmp_path / "fonts.conf"
    fonts.write_text('<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>'
                     f"<cachedir>{tmp_path}/cache</cachedir></fontconfig>")
    environment = {**os.environ, "FONTCONFIG_FILE": str(fonts)}
    listed = subprocess.run(["fc-list"], env=environment, capture_output=True, text=True).stdout
    if "dejavu" not in listed.lower():
        lacking("DejaVu, the scratch font set (fonts-dejavu-core)")
    assert "Lato" not in listed
    pdf = libreoffice_pdf(example_build.docx, tmp_path, environment)
    used = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Lato-Regular" in used and "Lato-Bold" in used


def _blocks(section):
    yield from section.blocks
    for child in section.children:
        yield from _blocks(child)
