"""The example report end to end: the bundled inputs built once, both files opened again.

The PDF is read with pdfium (page text), pypdf (bookmarks, metadata) and
pikepdf (tag tree); the DOCX with python-docx and as XML. Expected values come
from the reference structure (shared/spec/reference-report.md), the figure
registry and the coding sheet, not from the writers.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import pikepdf
import pypdf
import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from docxtpl import DocxTemplate
from lxml import etree

from report.build import build
from report.cache import CACHE_DIR
from report.cli import main
from report.compose import CASE_TITLE
from report.document import Figure, Footnote, Paragraph
from report.figures.registry import figure_spec, figures
from report.history.manifest import MANIFEST_FILE, BuildRecord, Manifest, encode
from report.parity import compare, read_docx, read_pdf
from report.read import read_inputs
from report.word_template import styles as S
from report.write.docx.writer import TEMPLATE, frame_context
from report.document.outline import outline
from tests.conftest import EXAMPLE_INPUTS
from tests.walk import sections, struct_elements

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"

# The numbered headings of the reference report, in order, then its annex.
REFERENCE_STRUCTURE = [
    "1", "1.1", "1.2", "1.3", "1.4",
    "2", "2.1", "2.2",
    "3", "3.1", "3.2", "3.3", "3.3.1", "3.3.2", "3.3.3", "3.3.4",
    "4", "4.1", "4.2", "4.3", "4.3.1", "4.3.2", "4.3.3", "4.3.4", "4.4",
    "Bijlage A",
]


# ---------------------------------------------------------------- helpers


def _squeeze(text: str) -> str:
    """Text without spacing and hyphens: PDF lines wrap and hyphenate where they like."""
    return re.sub(r"[\s\-\u2010\u00ad\ufffe]+", "", text)      # U+FFFE: pdfium's mark of a line-end hyphen



def _figures(document) -> list[Figure]:
    return [b for s in sections(document.chapters) for b in s.blocks if isinstance(b, Figure)]


def _footnotes(document) -> list[str]:
    return ["".join(t.text for t in inline.content)
            for s in sections(document.chapters) for b in s.blocks if isinstance(b, Paragraph)
            for inline in b.content if isinstance(inline, Footnote)]


def _headings(document) -> list[tuple[int, str]]:
    """(level, text as printed) of every chapter, section and annex heading."""
    return [(e.level, f"{e.number} {e.title}") for e in outline(document, depth=None)
            if e.kind == "section"]


@pytest.fixture(scope="module")
def lines(example_build) -> list[list[str]]:
    """Per page, its squeezed lines."""
    return [[_squeeze(line) for line in page.splitlines() if line.strip()]
            for page in example_build.pdf_pages]


@pytest.fixture(scope="module")
def contents_pages(lines) -> range:
    first = next(i for i, page in enumerate(lines) if page and page[0] == "Inhoud")
    last = max(i for i, page in enumerate(lines) if any(re.search(r"\.{5,}\d+$", l) for l in page))
    return range(first, last + 1)


def _landing_page(lines, heading: str, after: int) -> int:
    """The 1-based page after the contents where the heading stands on a line (or two) of its own."""
    wanted = _squeeze(heading)
    for index in range(after + 1, len(lines)):
        page = lines[index]
        if wanted in page or any(a + b == wanted for a, b in zip(page, page[1:])):
            return index + 1
    raise AssertionError(f"heading not found in the PDF: {heading}")


def _body(lines, contents_pages) -> str:
    """The text after the contents as one string, running headers included."""
    return "".join(line for page in lines[contents_pages[-1] + 1:] for line in page)


def _positions(text: str, needles: list[str]) -> list[int]:
    """Where each needle stands, searching each one after the one before."""
    found, start = [], 0
    for needle in needles:
        start = text.find(_squeeze(needle), start)
        assert start >= 0, f"not found (in this order): {needle}"
        found.append(start)
    return found


# ---------------------------------------------------------------- the build


def test_build_writes_docx_and_pdf_by_default_with_the_version_in_the_name(example_build):
    names = sorted(path.name for path in example_build.result.outputs if path.suffix in (".docx", ".pdf"))
    assert names == ["pilots-stelselvernieuwing-in-beeld-v0.3-concept.docx",
                     "pilots-stelselvernieuwing-in-beeld-v0.3-concept.pdf"]
    assert "[5/5] Rapport schrijven …" in example_build.progress


def test_a_failing_writer_leaves_no_file_of_any_format(example_cache, tmp_path, monkeypatch):
    def broken(document, **options):
        raise RuntimeError("PDF writer broke")

    monkeypatch.setattr("report.write.pdf.writer.write_pdf", broken)
    with pytest.raises(RuntimeError, match="PDF writer broke"):         # seeded: the charts are not under test
        build(EXAMPLE_INPUTS, example_cache(tmp_path), formats=("docx", "pdf"))
    assert [*tmp_path.glob("*.docx"), *tmp_path.glob("*.pdf")] == []


def test_build_counts_recurring_warnings_instead_of_listing_them(example_build, tmp_path):
    shutil.copytree(example_build.pdf.parent / CACHE_DIR, tmp_path / CACHE_DIR)   # seeded: the layout is not under test
    result = CliRunner().invoke(main, ["build", "--output", str(tmp_path), "--format", "docx"])
    assert result.exit_code == 0, result.output
    pilots = sum(p.kind is not None for p in read_inputs(EXAMPLE_INPUTS).problems)
    assert pilots > 0 and "niet beantwoord" not in result.stderr
    # the publication gate's findings, warnings in a concept, are listed above the count
    assert re.search(rf"\d+ waarschuwingen: {pilots} pilots met onbeantwoorde vragen(, \w+ hierboven)?\. "
                     r"Details: make_report.py check", result.stderr)
    assert [p.suffix for p in tmp_path.iterdir() if p.suffix in (".docx", ".pdf")] == [".docx"]


def test_an_unknown_format_is_refused_in_dutch(tmp_path):
    result = CliRunner().invoke(main, ["build", "--output", str(tmp_path), "--format", "docx,odt"])
    assert result.exit_code == 1
    assert "onbekend uitvoerformaat 'odt' bij --format. Kies uit docx, pdf" in result.stderr
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- PDF


def test_pdf_has_every_heading_of_the_reference_structure_in_order(example_build, lines, contents_pages):
    headings = _headings(example_build.document)
    assert [text.split(" ")[0] if text[0].isdigit() else " ".join(text.split()[:2])
            for _, text in headings] == REFERENCE_STRUCTURE
    pages = [_landing_page(lines, text, contents_pages[-1]) for _, text in headings]
    assert pages == sorted(pages)
    _positions(_body(lines, contents_pages), [text for _, text in headings])


def test_pdf_has_every_figure_with_its_registry_title_in_order(example_build, lines, contents_pages):
    placed = _figures(example_build.document)
    assert [f.number for f in placed] == list(range(1, len(figures()) + 1))
    _positions(_body(lines, contents_pages),
               [f"Figuur {f.number}. {figure_spec(f.key).title}" for f in placed])


def test_pdf_has_the_case_boxes_chosen_in_the_coding_sheet_in_theirsections(example_build, lines,
                                                                             contents_pages):
    chosen = {}
    for pilot in read_inputs(EXAMPLE_INPUTS).pilots:
        if pilot.value("K6"):
            chosen.setdefault(str(pilot.value("K6")).strip().replace(",", "."), []).append(
                CASE_TITLE.format(name=pilot.name))
    assert sum(len(titles) for titles in chosen.values()) == 4
    body = _body(lines, contents_pages)
    headings = [text for _, text in _headings(example_build.document)]
    starts = _positions(body, headings)
    for number, titles in chosen.items():
        index = next(i for i, text in enumerate(headings) if text.split(" ")[0] == number)
        end = starts[index + 1] if index + 1 < len(starts) else len(body)
        section = body[starts[index]:end]
        assert all(_squeeze(title) in section for title in titles), (number, titles)


def test_pdf_footnotes_stand_at_the_foot_of_their_pages(example_build, lines, contents_pages):
    notes = _footnotes(example_build.document)
    assert len(notes) == 2
    for number, note in enumerate(notes, 1):
        pages = [i for i, page in enumerate(lines) if i > contents_pages[-1]
                 and f"{number}{_squeeze(note)}" in "".join(page)]
        assert len(pages) == 1, note
        page = lines[pages[0]]
        assert "".join(page).rindex(_squeeze(note)) > len("".join(page)) * 0.6


def test_pdf_has_30_factsheets_each_opening_a_page(example_build, lines, contents_pages):
    sheets = example_build.document.annexes[0].factsheets
    assert len(sheets) == 30
    pages = [next(i for i, page in enumerate(lines) if i > contents_pages[-1]
                  and _squeeze(sheet.title) in (page[0], "".join(page[:2])))
             for sheet in sheets]
    assert pages == sorted(set(pages))


def test_pdf_contents_page_numbers_are_where_the_headings_land(example_build, lines, contents_pages):
    listed, wrapped = {}, ""
    for index in contents_pages:
        for line in lines[index]:
            if match := re.fullmatch(r"(.+?)\.{3,}(\d+)", wrapped + line):
                listed[match[1]] = int(match[2])
                wrapped = ""
            elif re.match(r"\d+(\.\d+)*\D", line):   # a long title wraps onto the next line
                wrapped = line
    expected = {_squeeze(f"{e.number} {e.title}"): _landing_page(lines, f"{e.number} {e.title}",
                                                                   contents_pages[-1])
                for e in outline(example_build.document)}
    assert listed == expected
    assert len(listed) == sum(n.count(".") < 2 for n in REFERENCE_STRUCTURE) + 30


def test_pdf_bookmarks_name_every_heading_and_factsheet_at_its_page(example_build, lines,
                                                                   contents_pages):
    reader = pypdf.PdfReader(example_build.pdf)

    def walk(items, depth=1):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield depth, item.title, reader.get_destination_page_number(item) + 1

    expected = [(e.level, f"{e.number} {e.title}".strip(),
                 _landing_page(lines, f"{e.number} {e.title}", contents_pages[-1]))
                for e in outline(example_build.document, depth=None)]
    assert list(walk(reader.outline)) == [(1, "Colofon", 2), (1, "Inhoud", 3), *expected]


def test_pdf_metadata_language_tags_and_figure_alt_texts(example_build):
    meta = example_build.document.meta
    reader = pypdf.PdfReader(example_build.pdf)
    assert reader.metadata.title == meta.title
    assert reader.metadata.author == ", ".join(meta.authors)
    assert reader.metadata.subject == meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    with pikepdf.open(example_build.pdf) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        alts = [str(e.Alt) for e in struct_elements(pdf.Root.StructTreeRoot) if e.S == "/Figure"]
    assert alts == [f.alt_text for f in _figures(example_build.document)] and len(alts) == len(figures())



# ---------------------------------------------------------------- DOCX


@pytest.fixture(scope="module")
def word(example_build):
    return open_docx(example_build.docx)


def _after_first_heading(word) -> list:
    body = list(word.element.body)
    first = next(i for i, e in enumerate(body) if e.find(f"{W}pPr/{W}pStyle[@{W}val='Heading1']") is not None)
    return body[first:]


def test_docx_headings_in_order_with_word_levels(example_build, word):
    """A heading's number is text before a tab, for readers that ignore list numbering; an annex's label too."""
    headings = [(p.style.style_id, p.text) for p in word.paragraphs if p.style.style_id in S.HEADINGS]
    expected = [(S.HEADINGS[e.level - 1], f"{e.number}\t{e.title}" if e.numbered else f"{e.number} {e.title}")
                for e in outline(example_build.document, depth=None) if e.kind == "section"]
    assert headings == expected and len(headings) == len(REFERENCE_STRUCTURE)


def test_docx_has_a_caption_with_seq_field_per_figure(example_build, word):
    captions = [p for p in word.paragraphs if p.style.style_id == S.CAPTION]
    assert [p.text for p in captions] == [f"Figuur {f.number}. {figure_spec(f.key).title}"
                                          for f in _figures(example_build.document)]
    assert all("SEQ Figuur" in "".join(t.text for t in p._p.iter(f"{W}instrText")) for p in captions)
    assert len(captions) == len(figures())


def test_docx_footnotes_part_holds_both_footnotes(example_build):
    with zipfile.ZipFile(example_build.docx) as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    texts = ["".join(t.text or "" for t in n.iter(f"{W}t")).strip()
             for n in notes.iter(f"{W}footnote") if n.get(f"{W}type") is None]
    assert texts == _footnotes(example_build.document)


def test_docx_has_one_picture_per_figure_with_alt_text(example_build, word):
    pictures = [d for e in _after_first_heading(word) for d in e.iter(f"{WP}docPr")]
    placed = _figures(example_build.document)
    assert [(d.get("descr"), d.get("title")) for d in pictures] == [(f.alt_text, f.title) for f in placed]
    assert len(pictures) == len(figures()) and all(d.get("descr") for d in pictures)


def test_docx_has_30_factsheets(example_build, word):
    titles = word.element.body.xpath(f'//w:p[w:pPr/w:pStyle/@w:val="{S.FACTSHEET_TITLE}"]')
    assert ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in titles] == [
        sheet.title for sheet in example_build.document.annexes[0].factsheets]
    assert len(titles) == 30


def test_docx_core_properties(example_build, word):
    meta = example_build.document.meta
    properties = word.core_properties
    assert (properties.title, properties.language, properties.version) == (meta.title, "nl-NL", meta.version)
    assert properties.author == "; ".join(meta.authors)


def test_docx_template_needs_no_variable_the_example_lacks(example_build):
    assert DocxTemplate(TEMPLATE).get_undeclared_template_variables(
        context=frame_context(example_build.document.meta)) == set()


# ---------------------------------------------------------------- parity


@pytest.fixture(scope="module")
def pdf_content(example_build):
    return read_pdf(example_build.pdf.read_bytes())


def test_docx_and_pdf_carry_the_same_content(example_build, pdf_content):
    docx = read_docx(example_build.docx.read_bytes())
    assert compare(docx, pdf_content) == []
    assert (len(docx.headings), len(docx.captions), len(docx.footnotes), len(docx.factsheets)) == (
        len(REFERENCE_STRUCTURE), len(figures()), 2, 30)
    assert len(docx.boxes) >= 5 and len(docx.sentences) > 50
    assert "Zes pilots gaan over scheiden en familierecht, vijf over de eerste lijn in brede zin." \
        in docx.sentences


def _tampered(docx: bytes, old: str, new: str) -> bytes:
    """The DOCX with one text changed in document.xml, as someone editing it by hand would."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                assert data.count(old.encode()) == 1, old
                data = data.replace(old.encode(), new.encode())
            target.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize(("old", "new", "part"), [
    ("Zes pilots gaan over scheiden", "Vijf pilots gaan over scheiden", "sentences"),
    (">Een nieuwe werkwijze beklijft alleen met draagvlak en capaciteit in de organisatie<", ">Een nieuwe werkwijze beklijft<", "headings"),
])
def test_a_changed_docx_is_caught(example_build, pdf_content, old, new, part):
    docx = read_docx(_tampered(example_build.docx.read_bytes(), old, new))
    [difference] = compare(docx, pdf_content)
    assert difference.part == part
    assert [_squeeze(new.strip("<>")) in _squeeze(t) for t in difference.docx] == [True]
    assert [_squeeze(old.strip("<>")) in _squeeze(t) for t in difference.pdf] == [True]


def test_vergelijk_command_reports_in_dutch_and_exits_1_on_a_difference(example_build, tmp_path):
    same = CliRunner().invoke(main, ["vergelijk", "--output", str(example_build.docx.parent)])
    assert same.exit_code == 0, same.output
    assert f"Geen verschillen: {len(REFERENCE_STRUCTURE)} koppen, {len(figures())} figuurbijschriften" in same.stdout

    shutil.copy(example_build.pdf, tmp_path / "rapport.pdf")
    (tmp_path / MANIFEST_FILE).write_bytes(encode(Manifest((BuildRecord(
        "0.3", "concept", "2026-01-05", ("rapport.docx", "rapport.pdf"), (), "rapport.snapshot.json"),))))
    (tmp_path / "rapport.docx").write_bytes(_tampered(
        example_build.docx.read_bytes(), "Zes pilots gaan over scheiden", "Zeven pilots gaan over scheiden"))
    changed = CliRunner().invoke(main, ["vergelijk", "--output", str(tmp_path)])
    assert changed.exit_code == 1
    assert "Zinnen met getallen: 1 verschil" in changed.stdout
    assert "  DOCX: Zeven pilots gaan over scheiden" in changed.stdout
    assert "  PDF : Zes pilots gaan over scheiden" in changed.stdout


def test_vergelijk_without_a_build_says_what_to_do(tmp_path):
    result = CliRunner().invoke(main, ["vergelijk", "--output", str(tmp_path)])
    assert result.exit_code == 1 and "make_report.py build" in result.stderr
