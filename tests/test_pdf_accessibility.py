"""The example PDF as a screen reader, a search box and a checker meet it.

Read back from the example build (tests/conftest.py): the independent
checker pdfua finds nothing at warning level or above; our own structure
checks (report.publication.pdf) find nothing either; every table header cell
says whether it labels a row or a column; the text a reader extracts is the
text of the source (hyphens as typed, no substitute characters); and names
are never hyphenated, nor any word so that fewer than three letters stand on
a line.
"""

from __future__ import annotations

import re
import unicodedata

import pikepdf
import pypdf
import pytest
from pdfua import Severity as PdfuaSeverity
from pdfua import validate

from report.document.dump import dump
from report.parity.from_pdf import page_trees
from report.publication.pdf import pdf_problems
from tests.walk import struct_elements

LINE_END = re.compile(r"(\w+)-\n(\w+)")


def pdfua_findings(path) -> list[str]:
    """What pdfua reports at warning level or above, one line each."""
    report = validate(str(path))
    return [f"{f.rule_id} {f.message}" for f in report.findings if f.severity >= PdfuaSeverity.WARNING]


def test_pdfua_finds_nothing_in_the_example(example_build):
    assert pdfua_findings(example_build.pdf) == []


def test_own_structure_checks_find_nothing_in_the_example(example_build):
    assert pdf_problems(example_build.pdf.read_bytes(), example_build.pdf.name, publication=False) == []


def test_label_cells_are_row_headers_and_column_headings_column_headers(example_build):
    with pikepdf.open(example_build.pdf) as pdf:
        headers = [cell for cell in struct_elements(pdf.Root.StructTreeRoot) if cell.get("/S") == "/TH"]
        scopes = [str(cell.A.Scope) for cell in headers]
    sheets = len(example_build.document.annexes[0].factsheets)
    history = len(example_build.document.meta.history) and 3      # Versie, Datum, Wijziging
    assert scopes.count("/Column") == history
    assert scopes.count("/Row") == len(scopes) - history > 10 * sheets   # every label of every factsheet


@pytest.fixture(scope="module")
def pdf_text(example_build) -> str:
    """The text as pypdf extracts it: line by line, as the PDF maps its glyphs to characters.

    (pdfium, which the other tests read with, joins a word broken at a line
    end and marks the break with U+FFFE.)
    """
    return "\f".join(page.extract_text() for page in pypdf.PdfReader(example_build.pdf).pages)


@pytest.fixture(scope="module")
def source_text(example_build) -> str:
    """The report's text as composed, without the dump's anchors and pilot IDs."""
    return re.sub(r"\{#[^}]*\}|\((?:pilot )?[\w-]+\)$|\|[\w-]+>", "", dump(example_build.document), flags=re.MULTILINE)


def test_extracted_text_has_no_substitute_private_or_ligature_characters(pdf_text):
    odd = {char for char in pdf_text
           if unicodedata.category(char) in ("Co", "Cs", "Cn") or char in "\ufffd\ufffe\u2010\u00ad"
           or 0xFB00 <= ord(char) <= 0xFB4F}
    assert odd == set()


def test_hyphenated_words_read_back_as_written(pdf_text, source_text):
    """Every hyphenated word of the source is in the text, whether or not a line breaks in it."""
    kept = LINE_END.sub(r"\1-\2", pdf_text)         # a break after the word's own hyphen
    added = LINE_END.sub(r"\1\2", pdf_text)         # a break hyphenation added
    words = set(re.findall(r"\w+(?:-\w+)+", source_text))
    assert {"basis-ICT", "ICT-middelen"} <= words
    assert sorted(word for word in words if word not in kept and word not in added) == []


def test_breaks_keep_names_whole_and_three_letters_each_side(pdf_text, source_text):
    """pypdf reads the glyphs, not the ActualText that makes a broken word whole (pdfium and poppler
    read that), so it shows every break hyphenation added."""
    added = [(before, after) for before, after in LINE_END.findall(pdf_text)      # the rest of a word is lower case
             if f"{before}-{after}" not in source_text and after[0].islower()]
    assert len(added) > 20
    names = [f"{b}-{a}" for b, a in added if any(c.isupper() for c in b + a)]
    short = [f"{b}-{a}" for b, a in added if len(b) < 3 or len(a) < 3]
    assert (names, short) == ([], [])


def test_pdfium_reads_a_hyphenated_word_whole(example_build, pdf_text, source_text):
    """The tag tree's text through pdfium, which honours ActualText: no break hyphenation added is left."""
    trees = page_trees(example_build.pdf.read_bytes())
    text = "\n".join(element.text() for tree in trees for element in tree)
    broken = [f"{b}-{a}" for b, a in re.findall(r"(\w+)\x02(\w+)", text) if f"{b}-{a}" not in source_text]
    words = [f"{b}{a}" for b, a in LINE_END.findall(pdf_text) if f"{b}-{a}" not in source_text]
    assert broken == [] and sum(word in text for word in words) > 0.9 * len(words) > 20


def test_own_structure_checks_name_each_gap_with_its_page(example_build, tmp_path):
    """The example with its language, one chart's alt text and one table's scopes taken out."""
    with pikepdf.open(example_build.pdf) as pdf:
        del pdf.Root["/Lang"]
        elements = list(struct_elements(pdf.Root.StructTreeRoot))
        figure = next(e for e in elements if e.get("/S") == "/Figure")
        del figure["/Alt"]
        table = next(e for e in elements if e.get("/S") == "/Table")
        for cell in struct_elements(table):
            if cell.get("/S") == "/TH":
                del cell.A["/Scope"]
        pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        figure_page, table_page = (f"pagina {pages[e.Pg.objgen]}" for e in (figure, table))
        pdf.save(tmp_path / "kapot.pdf")

    problems = pdf_problems((tmp_path / "kapot.pdf").read_bytes(), "kapot.pdf", publication=False)

    assert [(p.cell, p.message.split(" (")[0].split(":")[0]) for p in problems] == [
        (None, "De PDF noemt geen documenttaal"),
        (table_page, "Een tabel heeft kopcellen zonder Scope"),
        (figure_page, "Een figuur heeft geen alternatieve tekst"),
    ]
