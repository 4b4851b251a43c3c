"""The PDF laid out in parts and merged reads, links and is tagged as the report laid out at once.

A sample with three factsheets (one runs to three pages, so the first
guess of the page counts is wrong) and an annex after them is written both
ways: by write_pdf (parts, merged) and by WeasyPrint on the whole HTML. The
two must agree on every page's text, the bookmarks, the link targets, the
named destinations and the structure tree; the merged structure tree must
hold together on its own; and each font must be embedded once, with the
glyphs every part drew.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import io
import re

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pytest
from pikepdf import Dictionary, NumberTree
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from report.document import Annex, Document, Fact, FactsheetSection, Paragraph, Text
from report.model import SourceKind
from report.style import TEMPLATES_DIR
from report.write.pdf.html import render_html
from report.write.pdf.wholewords import whole_words
from report.write.pdf.writer import write_pdf
from report.write.pdf.fonts import join_programs
from report.write.pdf.merge import anchor_pages
from report.write.pdf.parts import remove_font_folder
from report.workers import workers
from tests.sample_document import sample_document

LONG = " ".join(["Het spreekuur groeit en de gemeente zoekt een vaste plek in de wijk."] * 12)


def _three_factsheets(document: Document) -> Document:
    annex = document.annexes[0]
    sheet = annex.factsheets[0]
    long_section = FactsheetSection("b. Stand van zaken", tuple(
        Fact(f"Onderdeel {n}", LONG, SourceKind.VRAGENLIJST) for n in range(1, 9)))
    sheets = (
        sheet,
        dataclasses.replace(sheet, pilot_id="lang", title="Lange pilot",
                            sections=(sheet.sections[0], long_section, sheet.sections[-1])),
        dataclasses.replace(sheet, pilot_id="trema", title="Pilot België", sections=(
            FactsheetSection("a. Basisgegevens", (
                Fact("Wat wordt ontwikkeld", "Een enquête onder ouders in België en Curaçao.",
                     SourceKind.VRAGENLIJST),)),)),
    )
    after = Annex(key="bijlage-b", letter="B", title="Verantwoording",
                  blocks=(Paragraph((Text("De gegevens zijn verzameld in 2022."),)),), factsheets=())
    return dataclasses.replace(document, annexes=(dataclasses.replace(annex, factsheets=sheets), after))


@dataclasses.dataclass
class Written:
    document: Document
    parts: bytes
    whole: bytes


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Written:
    document = _three_factsheets(sample_document(tmp_path_factory.mktemp("delen")))
    html = render_html(document)
    whole = HTML(string=html, base_url=TEMPLATES_DIR.as_uri() + "/").write_pdf(pdf_variant="pdf/ua-1")
    return Written(document, write_pdf(document), whole_words(whole, html))   # both read broken words whole


def _texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [re.sub(r"\s+", " ", document[i].get_textpage().get_text_range()).replace("\u2010", "-")
                for i in range(len(document))]
    finally:
        document.close()


def test_every_page_reads_as_in_the_report_laid_out_at_once(written):
    parts, whole = _texts(written.parts), _texts(written.whole)
    assert len(parts) == len(whole) and parts == whole
    long_sheet = [i for i, text in enumerate(parts) if "Lange pilot" in text.split("CONCEPT")[0]]
    assert len(long_sheet) >= 3                        # the guess of two pages was wrong


def test_bookmarks_and_link_targets_are_those_of_the_whole_report(written):
    assert _bookmarks(written.parts) == _bookmarks(written.whole)
    assert _links(written.parts) == _links(written.whole)
    with pikepdf.open(io.BytesIO(written.parts)) as parts, pikepdf.open(io.BytesIO(written.whole)) as whole:
        assert anchor_pages(parts) == anchor_pages(whole)
        assert {"factsheet-proef", "factsheet-lang", "factsheet-trema", "section-bijlage-b"} <= set(
            anchor_pages(parts))


def _bookmarks(pdf: bytes) -> list[tuple[int, str, int, int]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))

    def walk(outline, depth=1):
        for item in outline:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield depth, item.title, reader.get_destination_page_number(item), round(float(item.top))

    return list(walk(reader.outline))


def _links(pdf: bytes) -> list[tuple[int, str]]:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        return [(i, str(annotation.Dest)) for i, page in enumerate(opened.pages)
                for annotation in page.obj.get("/Annots", ()) if "/Dest" in annotation]


def test_structure_tree_is_that_of_the_whole_report(written):
    parts, whole = _structure(written.parts), _structure(written.whole)
    assert parts.kinds == whole.kinds
    assert parts.marked == whole.marked


def test_merged_structure_tree_holds_together(written):
    structure = _structure(written.parts)
    assert structure.broken == []
    assert [name for name, count in structure.ids.items() if count > 1] == []
    assert structure.headers and set(structure.headers) <= set(structure.ids)


@dataclasses.dataclass
class Structure:
    kinds: list[str] = dataclasses.field(default_factory=list)      # element types in reading order
    marked: list[tuple[int, int]] = dataclasses.field(default_factory=list)   # (page, MCID) in order
    ids: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    headers: list[str] = dataclasses.field(default_factory=list)
    broken: list[str] = dataclasses.field(default_factory=list)


def _structure(pdf: bytes) -> Structure:
    """Walk the structure tree, checking parents, pages, marked content and annotations on the way."""
    found = Structure()
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        pages = {page.objgen: i for i, page in enumerate(opened.pages)}
        tree = NumberTree(opened.Root.StructTreeRoot.ParentTree)

        def walk(element: Dictionary, parent: Dictionary) -> None:
            found.kinds.append(str(element.S))
            if element.P.objgen != parent.objgen:
                found.broken.append(f"{element.S}: wrong parent")
            if "/Pg" in element and element.Pg.objgen not in pages:
                found.broken.append(f"{element.S}: page not in the document")
            if "/ID" in element:
                found.ids[str(element.ID)] += 1
            attributes = element.get("/A")
            if isinstance(attributes, Dictionary) and "/Headers" in attributes:
                found.headers.extend(str(h) for h in attributes.Headers)
            for kid in element.K:
                if isinstance(kid, int):
                    page = pages[element.Pg.objgen]
                    found.marked.append((page, kid))
                    mapped = tree[int(opened.pages[page].obj.StructParents)][kid]
                    if mapped.objgen != element.objgen:
                        found.broken.append(f"{element.S}: MCID {kid} on page {page} maps elsewhere")
                elif kid.get("/Type") == "/OBJR":
                    if tree[int(kid.Obj.StructParent)].objgen != element.objgen:
                        found.broken.append(f"{element.S}: annotation maps elsewhere")
                else:
                    walk(kid, element)

        for document in opened.Root.StructTreeRoot.K:
            walk(document, opened.Root.StructTreeRoot)
    return found


def test_each_font_is_embedded_once(written):
    with pikepdf.open(io.BytesIO(written.parts)) as pdf:
        programs = collections.defaultdict(set)
        for obj in pdf.objects:
            if isinstance(obj, Dictionary) and obj.get("/Type") == "/FontDescriptor":
                programs[str(obj.FontName)].add(obj.FontFile2.objgen)
    assert programs and all(len(found) == 1 for found in programs.values())


def test_same_document_gives_same_bytes(written):
    assert write_pdf(written.document) == written.parts


@pytest.mark.parametrize("count", [2, 3])
def test_parallel_layout_gives_the_serial_bytes(written, count):
    """The long factsheet is laid out beside the one after it, which first starts on the wrong page."""
    with workers(count) as pool:
        assert write_pdf(written.document, pool=pool) == written.parts


# ---------------------------------------------------------------- joining font subsets


@functools.cache
def _subset(text: str) -> tuple[bytes, set[int]]:
    """WeasyPrint's subset of the house font for this text, and the glyphs it drew."""
    html = (f'<html lang="nl"><style>@font-face {{ font-family: Huis; src: url('
            f'"{(TEMPLATES_DIR / "fonts" / "Lato-Regular.ttf").as_uri()}") }}'
            f' p {{ font-family: Huis }}</style><p>{text}</p></html>')
    fonts = FontConfiguration()
    try:
        data = HTML(string=html).write_pdf(font_config=fonts)
    finally:
        remove_font_folder(fonts)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        [font] = pdf.pages[0].Resources.Font.values()
        cid_font = font.DescendantFonts[0]
        widths = list(cid_font.W)
        drawn = {first + i for first, run in zip(widths[::2], widths[1::2]) for i in range(len(run))}
        return cid_font.FontDescriptor.FontFile2.read_bytes(), drawn


def _outlines(program: bytes, glyphs: set[int]) -> dict[int, list]:
    from fontTools.ttLib import TTFont
    font = TTFont(io.BytesIO(program))
    table, order = font["glyf"], font.getGlyphOrder()
    return {gid: [tuple(point) for point in table[order[gid]].getCoordinates(table)[0]] for gid in glyphs}


def test_joined_font_draws_every_glyph_as_each_subset_did():
    """ê and ë are composed of pieces that each subset numbers its own way; the join must not mix them."""
    subsets = [_subset("Een enquête"), _subset("België en Curaçao"), _subset("Aan het werk")]
    joined = join_programs(list(subsets))
    for program, drawn in subsets:
        assert _outlines(joined, drawn) == _outlines(program, drawn)
