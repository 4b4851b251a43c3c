"""The PDF writer, checked on the hand-built sample document.

The sample is rendered once per module (WeasyPrint takes a while) and read
back with pypdf, pdfplumber and pikepdf: text order, page numbers, bookmarks,
metadata, tagging and fonts are asserted on the PDF itself.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import logging
import re
from dataclasses import dataclass

import pdfplumber
import pikepdf
import pypdf
import pytest

from report.document import Document, Footnote, Paragraph, Text
from report.style import HOUSE_STYLE, TEMPLATES_DIR
from report.write.pdf.html import render_html
from report.write.pdf.writer import write_pdf
from tests.sample_document import sample_document
from tests.walk import sections, struct_elements

HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b")


@dataclass
class Rendered:
    document: Document
    pdf: bytes
    warnings: list[logging.LogRecord]

    @functools.cached_property
    def lines(self) -> list[list[str]]:
        """Per page, the text lines with all whitespace removed (PDF spacing varies)."""
        with pdfplumber.open(io.BytesIO(self.pdf)) as pdf:
            return [[_squeeze(line) for line in (page.extract_text() or "").splitlines()]
                    for page in pdf.pages]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _render(document: Document) -> Rendered:
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        return Rendered(document, write_pdf(document), collect.records)
    finally:
        logger.removeHandler(collect)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Rendered:
    return _render(sample_document(tmp_path_factory.mktemp("sample")))


@pytest.fixture(scope="module")
def lines(rendered) -> list[list[str]]:
    return rendered.lines


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)



def _outline(document: Document) -> list[tuple[int, str]]:
    """(level, text) of every heading as the reader sees it, in document order."""
    headings = [(s.level, f"{s.number} {s.title}") for s in sections(document.chapters)]
    for annex in document.annexes:
        headings.append((1, f"Bijlage {annex.letter} {annex.title}"))
        headings.extend((2, sheet.title) for sheet in annex.factsheets)
    return headings


def _headings(document: Document) -> list[str]:
    return [text for _, text in _outline(document)]


def _toc_page(lines: list[list[str]]) -> int:
    return next(i for i, page in enumerate(lines) if "Inhoud" in page)


def _landing_page(lines: list[list[str]], heading: str, after: int) -> int:
    """The 1-based page after the contents whose own line is exactly this heading."""
    wanted = _squeeze(heading)
    return next(i + 1 for i, page in enumerate(lines) if i > after and wanted in page)


# ---------------------------------------------------------------- rendering


def test_weasyprint_logs_no_warnings(rendered):
    assert [record.getMessage() for record in rendered.warnings] == []


def test_same_document_gives_same_bytes(rendered):
    assert write_pdf(rendered.document) == rendered.pdf


# ---------------------------------------------------------------- text


def test_headings_appear_in_document_order(rendered, lines):
    after = _toc_page(lines)
    body = [line for page in lines[after + 1:] for line in page]
    positions = [body.index(_squeeze(heading)) for heading in _headings(rendered.document)]
    assert positions == sorted(positions)


def test_contents_page_numbers_match_where_headings_land(rendered, lines):
    after = _toc_page(lines)
    toc = {}
    for line in lines[after]:
        if match := re.fullmatch(r"(.+?)\.{3,}(\d+)", line):
            toc[match[1]] = int(match[2])
    expected = {_squeeze(text): _landing_page(lines, text, after)
                for level, text in _outline(rendered.document) if level <= 2}
    assert toc == expected


def test_figure_caption_sits_below_its_image(rendered, lines):
    figure = rendered.document.chapters[1].children[0].blocks[0]
    caption = _squeeze(f"Figuur {figure.number}. {figure.title}")
    page = next(page for page in lines if caption in page)
    assert page[page.index(caption) + 1] == _squeeze(figure.note)


def test_case_box_title_and_factsheet_markers_are_shown(rendered, lines):
    text = [line for page in lines for line in page]
    assert text.count("VoorbeeldcasuspilotProefpilot") == 2   # in chapter 2 and the factsheet
    factsheet = lines[-1]
    assert "Watverderopvalt–" in factsheet
    assert factsheet.index("d.Casus") + 1 == factsheet.index("VoorbeeldcasuspilotProefpilot")
    assert "Geholpenrechtzoekenden120correctie" in factsheet
    missing = [f for f in rendered.document.annexes[0].factsheets[0].tags if f.missing]
    dashes = sum(line.count("–") for line in factsheet if not line.startswith("Looptijd"))
    assert missing and dashes == 1 + len(missing)


def test_footnotes_stand_at_the_bottom_of_the_page_of_their_call(rendered, lines):
    notes = list(_footnotes(rendered.document))
    assert [number for number, _, _ in notes] == [1, 2]
    for number, before, note in notes:
        page = next(page for page in lines if any(_squeeze(before) in line for line in page))
        assert f"{number}{_squeeze(note)}" in page[-3:]


def _footnotes(document: Document):
    """(number, text just before the call, footnote text) for each footnote."""
    for section in sections(document.chapters):
        for block in section.blocks:
            if isinstance(block, Paragraph):
                for previous, inline in zip(block.content, block.content[1:]):
                    if isinstance(inline, Footnote):
                        yield inline.number, previous.text, "".join(t.text for t in inline.content)


def test_cover_and_colophon_carry_the_metadata_in_dutch(rendered, lines):
    meta = rendered.document.meta
    cover, colophon = lines[0], lines[1]
    assert {"OPDRACHTGEVERMinisterievanJustitieenVeiligheid", "DATUM30juni2022",
            "VERSIE0.3(concept)"} <= set(cover)
    assert "AuteursA.Auteur,B.Schrijver" in colophon
    assert "0.330juni2022Verwerkingreactiesreflectiegroep." in colophon
    assert _squeeze(meta.colophon_note) in colophon


def test_concept_mark_on_every_page(lines):
    assert all(any("CONCEPT" in line for line in page) for page in lines)


def test_running_header_names_chapter_then_pilot(rendered, lines):
    after = _toc_page(lines)
    for heading in ("2 Overzicht van pilots", "Proefpilot"):
        page = lines[_landing_page(lines, heading, after) - 1]
        assert page[0].endswith(_squeeze(heading))


def test_block_text_loses_outer_whitespace(rendered):
    """A trailing space made WeasyPrint 70 hyphenate a paragraph's last line into "be-"."""
    paragraph = Paragraph((Text("  Een alinea met spaties eromheen. "),))
    chapter = dataclasses.replace(rendered.document.chapters[0], blocks=(paragraph,))
    html = render_html(dataclasses.replace(rendered.document, chapters=(chapter,)))
    assert "<p>Een alinea met spaties eromheen.</p>" in html


# ---------------------------------------------------------------- PDF structure


def test_bookmarks_nest_chapters_sections_and_factsheets(rendered, lines):
    reader = pypdf.PdfReader(io.BytesIO(rendered.pdf))

    def walk(outline, depth=1):
        for item in outline:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield depth, item.title, reader.get_destination_page_number(item) + 1

    bookmarks = list(walk(reader.outline))
    after = _toc_page(lines)
    assert bookmarks == [
        (1, "Colofon", 2), (1, "Inhoud", 3),
        *[(level, text, _landing_page(lines, text, after))
          for level, text in _outline(rendered.document)],
    ]


def test_metadata_and_language(rendered):
    reader = pypdf.PdfReader(io.BytesIO(rendered.pdf))
    meta = rendered.document.meta
    assert reader.metadata.title == meta.title
    assert reader.metadata.author == "A. Auteur, B. Schrijver"
    assert reader.metadata.subject == meta.subject
    assert reader.metadata["/CreationDate"].startswith("D:20220630")
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"


def test_tagged_as_pdf_ua_with_chart_alt_text(rendered):
    with pikepdf.open(io.BytesIO(rendered.pdf)) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.open_metadata().get("pdfuaid:part")) == "1"
        elements = list(struct_elements(pdf.Root.StructTreeRoot))
    figures = [str(e.Alt) for e in elements if e.S == "/Figure"]
    assert figures == [rendered.document.chapters[1].children[0].blocks[0].alt_text]
    kinds = {str(e.S) for e in elements}
    assert {"/H1", "/H2", "/H3", "/L", "/LI", "/Table", "/Caption", "/Link"} <= kinds
    nested = [e for e in elements if str(e.S).startswith("/H") and str(e.P.S).startswith("/H")]
    assert nested == []



def test_header_cells_label_their_row_or_their_column(rendered):
    """A label beside its value is a row header; a heading above a column (version history) a column header."""
    with pikepdf.open(io.BytesIO(rendered.pdf)) as pdf:
        rows = [list(e.K) for e in struct_elements(pdf.Root.StructTreeRoot) if e.S == "/TR"]
        scopes = {(tuple(str(cell.S) for cell in row), str(row[0].A.Scope)) for row in rows if row[0].S == "/TH"}
    assert scopes == {(("/TH", "/TD"), "/Row"), (("/TH", "/TH", "/TH"), "/Column")}


def test_fonts_are_embedded_lato_subsets(rendered):
    with pikepdf.open(io.BytesIO(rendered.pdf)) as pdf:
        descriptors = [obj for obj in pdf.objects
                       if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor"]
        assert descriptors
        for descriptor in descriptors:
            assert "Lato" in str(descriptor.FontName)
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor


def test_cross_references_link_to_their_targets(rendered, lines):
    reader = pypdf.PdfReader(io.BytesIO(rendered.pdf))
    after = _toc_page(lines)
    page = next(i for i, text in enumerate(lines)
                if i > after and any("zoalsfiguur1" in line for line in text))
    targets = {_link_target(reader, ref.get_object()) for ref in reader.pages[page]["/Annots"]}
    figure_page = next(i for i, text in enumerate(lines)
                       if any(line.startswith("Figuur1.") for line in text))
    section_page = _landing_page(lines, "2.1 Bevindingen", after) - 1
    annex_page = _landing_page(lines, "Bijlage A Factsheets pilots", after) - 1
    assert targets == {figure_page, section_page, annex_page}


def _link_target(reader: pypdf.PdfReader, annotation) -> int:
    destination = annotation["/Dest"] if "/Dest" in annotation else annotation["/A"]["/D"]
    if isinstance(destination, (str, bytes)) or not isinstance(destination, list):
        destination = reader.named_destinations[str(destination)]
        return reader.get_destination_page_number(destination)
    return reader.get_page_number(destination[0].get_object())


# ---------------------------------------------------------------- house style


def test_stylesheet_colours_all_come_from_the_house_style(rendered):
    palette = {value.upper() for value in dataclasses.asdict(HOUSE_STYLE.palette).values()}
    css_template = (TEMPLATES_DIR / "html" / "report.css.j2").read_text(encoding="utf-8")
    assert HEX_COLOUR.findall(css_template) == []
    html = render_html(rendered.document)
    used = {colour.upper() for colour in HEX_COLOUR.findall(html)}
    assert used and used <= palette


def test_logo_is_drawn_in_house_colours():
    palette = {value.upper() for value in dataclasses.asdict(HOUSE_STYLE.palette).values()}
    used = {c.upper() for c in HEX_COLOUR.findall(HOUSE_STYLE.logo.read_text(encoding="utf-8"))}
    assert used and used <= palette


# ---------------------------------------------------------------- a final version


@pytest.fixture(scope="module")
def final(tmp_path_factory, rendered) -> Rendered:
    """The sample as a final version whose chart has live text in the house font."""
    svg = tmp_path_factory.mktemp("final") / "tekst.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" viewBox="0 0 300 60">'
        '<text x="4" y="30" style="font-family: \'Lato\'; font-size: 12px">Werkwijze 7</text></svg>',
        encoding="utf-8")
    document = rendered.document
    chapter = document.chapters[1]
    section = chapter.children[0]
    figure = dataclasses.replace(section.blocks[0], svg=svg)
    chapter = dataclasses.replace(chapter, children=(
        dataclasses.replace(section, blocks=(figure, *section.blocks[1:])),))
    document = dataclasses.replace(
        document, meta=dataclasses.replace(document.meta, status="definitief"),
        chapters=(document.chapters[0], chapter))
    return _render(document)


def test_final_version_has_no_concept_mark(final):
    assert final.warnings == []
    assert not any("CONCEPT" in line for page in final.lines for line in page)


def test_chart_text_renders_in_the_house_font(final):
    with pdfplumber.open(io.BytesIO(final.pdf)) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    chart = [c for c in chars if c["text"] == "7" and "Werkwijze" in "".join(
        x["text"] for x in chars if abs(x["top"] - c["top"]) < 1)]
    assert chart and all("Lato" in c["fontname"] for c in chart)
