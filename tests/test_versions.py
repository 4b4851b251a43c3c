"""Versions: a concept says so on every page of both formats, a final version nowhere; both colophons list the history.

The sample document gets a three-version history and is written in both
statuses. "Every page" is checked on rendered pages: the PDF as WeasyPrint
lays it out, the DOCX as LibreOffice lays it out (Word's headers differ per
section and for first and even pages, so the XML alone cannot prove it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import zipfile

import pytest
from pypdf import PdfReader

from report.document import Document, VersionEntry
from report.write.docx.writer import write_docx
from report.write.pdf.writer import write_pdf
from tests.sample_document import sample_document
from tests.conftest import lacking
from tests.libreoffice import libreoffice_pdf

HISTORY = (
    VersionEntry("0.1", dt.date(2022, 5, 13), "Opzet met hoofdstukindeling voor de startbijeenkomst."),
    VersionEntry("0.2", dt.date(2022, 6, 3), "Volledig concept voor de reflectiegroep."),
    VersionEntry("0.3", dt.date(2022, 6, 30), "Reacties van de reflectiegroep verwerkt."),
)
# The history as the colophon shows it: version, Dutch date, change.
HISTORY_ROWS = (("0.1", "13 mei 2022", HISTORY[0].change), ("0.2", "3 juni 2022", HISTORY[1].change),
                ("0.3", "30 juni 2022", HISTORY[2].change))
MARK = "CONCEPT"    # upper case, letter-spaced in both formats; the history's prose says "concept"


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Document]:
    sample = sample_document(tmp_path_factory.mktemp("versies"))
    return {status: dataclasses.replace(sample, meta=dataclasses.replace(sample.meta, status=status,
                                                                          history=HISTORY))
            for status in ("concept", "definitief")}


@pytest.fixture(scope="module")
def pdf_pages(documents) -> dict[str, list[str]]:
    return {status: [page.extract_text() for page in PdfReader(io.BytesIO(write_pdf(document))).pages]
            for status, document in documents.items()}


@pytest.fixture(scope="module")
def docx(documents) -> dict[str, bytes]:
    return {status: write_docx(document) for status, document in documents.items()}


@pytest.fixture(scope="module")
def docx_pages(docx, tmp_path_factory) -> dict[str, list[str]]:
    if shutil.which("soffice") is None:
        lacking("LibreOffice (soffice)")
    pages = {}
    for status, data in docx.items():
        work = tmp_path_factory.mktemp(status)
        source = work / "rapport.docx"
        source.write_bytes(data)
        pages[status] = [page.extract_text() for page in PdfReader(libreoffice_pdf(source, work)).pages]
    return pages


def _docx_parts(data: bytes, pattern: str) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name).decode("utf-8") for name in package.namelist()
                if re.fullmatch(pattern, name)}


def _text(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


# ---------------------------------------------------------------- the concept mark


def test_a_concept_pdf_has_the_mark_on_every_page(pdf_pages):
    pages = pdf_pages["concept"]
    assert len(pages) > 3 and all(MARK in _squeeze(page) for page in pages)


def test_a_final_pdf_has_no_mark(pdf_pages):
    assert not any(MARK in _squeeze(page) for page in pdf_pages["definitief"])


def test_a_concept_docx_has_the_mark_on_every_page(docx_pages):
    pages = docx_pages["concept"]
    assert len(pages) > 3 and all(MARK in _squeeze(page) for page in pages)


def test_a_final_docx_has_no_mark(docx, docx_pages):
    assert len(docx_pages["definitief"]) > 3
    assert not any(MARK in _squeeze(page) for page in docx_pages["definitief"])
    frame = _docx_parts(docx["definitief"], r"word/(header|footer)\d+\.xml")
    assert frame and not any("concept" in _text(xml).casefold() for xml in frame.values())


def test_every_docx_header_of_a_concept_carries_the_mark_the_covers_too(docx, documents):
    """The cover's own (first-page) header is its logo and organisation line, with the mark."""
    document = _docx_parts(docx["concept"], r"word/document\.xml")["word/document.xml"]
    relations = _docx_parts(docx["concept"], r"word/_rels/document\.xml\.rels")
    targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', *relations.values()))
    headers = _docx_parts(docx["concept"], r"word/header\d+\.xml")
    sections = re.findall(r"<w:sectPr.*?</w:sectPr>", document, flags=re.S)
    marked = []
    for number, section in enumerate(sections):
        for kind, rid in re.findall(r'<w:headerReference w:type="(\w+)" r:id="(rId\d+)"/>', section):
            text = _text(headers["word/" + targets[rid]])
            assert "Concept" in text, (kind, text)
            if (number, kind) == (0, "first"):
                assert documents["concept"].meta.organisation in text
            marked.append(kind)
    assert len(sections) >= 2 and {"first", "default", "even"} <= set(marked)


# ---------------------------------------------------------------- the version history


@pytest.mark.parametrize("status", ["concept", "definitief"])
def test_the_pdf_colophon_lists_every_version(pdf_pages, status):
    [colophon] = [page for page in pdf_pages[status] if "Colofon" in page]
    squeezed = _squeeze(colophon)
    positions = [squeezed.find(_squeeze("".join(row))) for row in HISTORY_ROWS]
    assert -1 not in positions and positions == sorted(positions), colophon


@pytest.mark.parametrize("status", ["concept", "definitief"])
def test_the_docx_colophon_lists_every_version(docx, status):
    body = _docx_parts(docx[status], r"word/document\.xml")["word/document.xml"]
    rows = [[_text(cell) for cell in re.findall(r"<w:tc>.*?</w:tc>", row, flags=re.S)]
            for row in re.findall(r"<w:tr[ >].*?</w:tr>", body, flags=re.S)]
    history = [tuple(row) for row in rows if tuple(row) in HISTORY_ROWS]
    assert history == list(HISTORY_ROWS)


def test_the_docx_properties_carry_version_and_status(docx):
    for status, data in docx.items():
        core = _docx_parts(data, r"docProps/core\.xml")["docProps/core.xml"]
        assert "<cp:version>0.3</cp:version>" in core
        assert f"versie 0.3; {status}" in core
