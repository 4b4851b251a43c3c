"""The DOCX's contents and running headers are right without Word updating a field.

The page numbers cached in the TOC field come from the PDF's layout
(report.write.docx.pages); LibreOffice lays out the DOCX independently, and
the page on which it puts each heading must be the number the contents show,
for the example and for another set of inputs. Its running headers name the
chapter or factsheet of each page.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pypdfium2
from pypdf import PdfReader

from report.build import build
from report.document.outline import TOC_DEPTH, outline
from report.style import PROJECT_ROOT
from report.write.docx.headers import running_heads
from tests.libreoffice import libreoffice_pdf, needs_libreoffice
from tests.typography import contents_out_of_column
from tests.workbooks import long_name_inputs

_TOC_NUMBER = re.compile(r'PAGEREF (\S+) \\h </w:instrText></w:r><w:r><w:fldChar '
                         r'w:fldCharType="separate"/></w:r><w:r><w:t>(\d+)</w:t>')


def toc_numbers(docx: Path) -> list[int]:
    """The page numbers the contents show, in order, as stored in the TOC field's result."""
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    return [int(number) for _, number in _TOC_NUMBER.findall(xml)]


def heading_pages(pdf: Path) -> list[tuple[str, int]]:
    """LibreOffice's bookmarks down to the contents' depth: (title, 1-based page)."""
    reader = PdfReader(pdf)
    found: list[tuple[str, int]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            elif depth < TOC_DEPTH:
                found.append((item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def check_against_libreoffice(result, work: Path) -> None:
    docx = next(path for path in result.outputs if path.suffix == ".docx")
    pdf = libreoffice_pdf(docx, work)
    entries = outline(result.document)
    laid_out = heading_pages(pdf)
    assert [title for title, _ in laid_out] == \
        [f"{entry.number} {entry.title}".strip() for entry in entries]
    assert toc_numbers(docx) == [page for _, page in laid_out]
    document = pypdfium2.PdfDocument(pdf)
    before_chapters = laid_out[0][1] - 1
    front = "".join(document[i].get_textpage().get_text_range() for i in range(before_chapters))
    shown = [int(n) for n in re.findall(r"\.{5,}\s?(\d+)\s*$", front, flags=re.M)]
    assert shown == toc_numbers(docx)           # and visible after the dot leaders
    assert contents_out_of_column(pdf.read_bytes(), before_chapters) == []     # in their column, titles clear of it

    heads = running_heads(result.document)      # shortened with "…" where a title is long
    full = [f"{e.number} {e.title}".strip() for e in outline(result.document, depth=None)
            if e.level == 1 or e.kind == "factsheet"]
    starts = {page for title, page in laid_out if title in full}
    for index, head in zip(sorted(starts), heads):
        lines = document[index - 1].get_textpage().get_text_range().split("\r\n")
        top = " ".join(lines[0].split())            # the header is one line
        assert top.startswith(result.document.meta.title) and head in top, (index, top)


def test_contents_show_page_numbers_without_an_update_prompt(example_build):
    numbers = toc_numbers(example_build.docx)
    assert len(numbers) == len(outline(example_build.document)) and all(numbers)
    assert numbers == sorted(numbers)
    settings = zipfile.ZipFile(example_build.docx).read("word/settings.xml").decode()
    assert "updateFields" not in settings


def test_every_chapter_and_factsheet_is_a_section_with_its_heading_as_header(example_build):
    with zipfile.ZipFile(example_build.docx) as package:
        headers = [package.read(name).decode() for name in package.namelist()
                   if re.fullmatch(r"word/header\d+\.xml", name)]
        document = package.read("word/document.xml").decode()
    heads = running_heads(example_build.document)
    assert document.count("<w:sectPr") == len(heads) + 1          # and the front matter
    for head in heads:
        escaped = head.replace("&", "&amp;").replace("'", "&apos;")
        assert sum(escaped in header or head in header for header in headers) == 2   # odd and even
    assert not any("STYLEREF" in header or "[[" in header for header in headers)


@needs_libreoffice
def test_libreoffice_puts_headings_on_the_pages_the_contents_show(example_build, tmp_path):
    check_against_libreoffice(example_build.result, tmp_path)


@needs_libreoffice
def test_same_for_another_set_of_inputs_with_long_names(tmp_path):
    inputs = long_name_inputs(tmp_path / "invoer", 12)
    result = build(inputs, tmp_path / "uit")
    assert result.ok
    check_against_libreoffice(result, tmp_path / "lo")


def test_a_docx_only_build_lays_out_the_pdf_for_its_numbers(example_build, tmp_path):
    result = build(PROJECT_ROOT / "inputs", tmp_path, formats=("docx",))
    docx, = (path for path in result.outputs if path.suffix == ".docx")
    assert not any(path.suffix == ".pdf" for path in result.outputs)
    assert docx.read_bytes() == example_build.docx.read_bytes()
