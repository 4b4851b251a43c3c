"""What the tests assert of the bundled example also holds for reports of generated inputs.

Structure, counts, accessibility and the independent readers' acceptance
were asserted on the example alone (tests/test_reference.py,
tests/test_example_report.py, tests/test_docx_readers.py, …), so code tuned
to the example would pass them. Here two generated input sets (tests/
workbooks.py: seven pilots, one of them short with a supplement; twelve,
every third short) are built in both formats, and every expectation comes
from how the test generated them: the codes the generator wrote, one
factsheet per generated pilot, one figure per registry entry.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import mammoth
import pypandoc
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from docx2python import docx2python
from lxml import etree
from openxml_audit import OpenXmlValidator
from pypdf import PdfReader

from report.build import build
from report.cli import main
from report.engagement.active import current
from report.engagement.codebook import AnswerKind, Variant, question
from report.figures.registry import figures
from report.parity import compare, read_docx, read_pdf
from tests.test_docx_readers import KNOWN_FALSE_POSITIVES
from tests.test_pdf_accessibility import pdfua_findings
from tests.walk import bookmarks
from tests.workbooks import answers_for, coding_for, supplement_for, write_inputs

BUNDLED = Path(__file__).resolve().parents[1] / "inputs"
SETS = {"zeven": (7, 5), "twaalf": (12, 3)}            # pilots, every n-th short with a supplement
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}"


def generated(pilots: int, short_every: int) -> dict[str, dict[str, object]]:
    """Per pilot ID the answers and codes write_inputs writes, as the generator makes them."""
    answers = {}
    for index in range(pilots):
        pilot_id = f"T{index + 1:03d}"
        if index % short_every == short_every - 1:
            given = answers_for(pilot_id, Variant.KORT, index) | supplement_for(pilot_id, index)
        else:
            given = answers_for(pilot_id, Variant.LANG, index)
        answers[pilot_id] = given | coding_for(pilot_id, index)
    return answers


@pytest.fixture(scope="module", params=sorted(SETS))
def report(request, tmp_path_factory):
    pilots, short_every = SETS[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    inputs = write_inputs(folder / "invoer", pilots, short_every=short_every)
    shutil.copy(BUNDLED / "rapport.yaml", inputs / "rapport.yaml")
    shutil.copytree(BUNDLED / "teksten", inputs / "teksten")
    result = build(inputs, folder / "uit")
    assert result.ok, [p.format() for p in result.problems if p.is_error]
    pdf, = (path for path in result.outputs if path.suffix == ".pdf")
    docx, = (path for path in result.outputs if path.suffix == ".docx")
    document = pdfium.PdfDocument(pdf)
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    return {"inputs": inputs, "pdf": pdf, "docx": docx, "pages": pages, "document": result.document,
            "answers": generated(pilots, short_every)}


def test_stats_count_what_the_generator_wrote(report):
    result = CliRunner().invoke(main, ["stats", "--json", "--inputs", str(report["inputs"])])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    answers = report["answers"]
    assert data["pilots"] == len(answers)
    for qid in current().stats:
        if question(qid).kind is not AnswerKind.CHOICE:
            continue
        given = Counter(a[qid] for a in answers.values() if a.get(qid) is not None)
        counted = {code: n for code, n in data["questions"][qid]["counts"].items() if n}
        assert counted == dict(given), qid
        assert data["questions"][qid]["not_answered"] == len(answers) - sum(given.values()), qid


def test_one_factsheet_per_generated_pilot_in_both_files(report):
    names = [f"Pilot {pilot_id}" for pilot_id in report["answers"]]
    assert [sheet.title for annex in report["document"].annexes for sheet in annex.factsheets] == names
    outline = [item.title for item in bookmarks(PdfReader(report["pdf"]).outline)]
    assert [title for title in outline if title.startswith("Pilot T")] == names
    in_docx = read_docx(report["docx"].read_bytes()).factsheets
    assert len(in_docx) == len(names) and all(name in title for name, title in zip(names, in_docx))


def test_docx_and_pdf_carry_the_same_content_and_counts(report):
    docx = read_docx(report["docx"].read_bytes())
    assert compare(docx, read_pdf(report["pdf"].read_bytes())) == []
    assert (len(docx.captions), len(docx.factsheets)) == (len(figures()), len(report["answers"]))


def test_every_figure_is_numbered_and_captioned_in_both_files(report):
    text = " ".join(" ".join(page.split()) for page in report["pages"])
    docx_text = "\n".join(p.text for p in open_docx(report["docx"]).paragraphs)
    for number in range(1, len(figures()) + 1):
        assert f"Figuur {number}." in text and f"Figuur {number}." in docx_text, number
    assert f"Figuur {len(figures()) + 1}." not in text


def test_the_pdf_is_accessible_by_pdfua(report):
    assert pdfua_findings(report["pdf"]) == []
    assert PdfReader(report["pdf"]).trailer["/Root"]["/Lang"] == "nl-NL"


def test_every_docx_picture_has_alt_text_but_the_decorative_cover_band(report):
    with zipfile.ZipFile(report["docx"]) as package:
        document = etree.fromstring(package.read("word/document.xml"))
    pictures = document.findall(f".//{WP}docPr")
    decorative = [p for p in pictures if p.find(f".//{DECORATIVE}decorative") is not None]
    assert [p.get("name") for p in decorative] == ["Omslagband", "Omslagstreep"]
    described = [p for p in pictures if p not in decorative and p.get("descr")]
    assert len(described) == len(pictures) - 2 >= len(figures())
    assert open_docx(report["docx"]).core_properties.language == "nl-NL"


def test_independent_readers_accept_the_docx(report):
    names = [f"Pilot {pilot_id}" for pilot_id in report["answers"]]
    errors = {error.description for error in OpenXmlValidator().validate(report["docx"]).errors}
    assert errors <= KNOWN_FALSE_POSITIVES
    markdown = pypandoc.convert_file(str(report["docx"]), "markdown")
    with open(report["docx"], "rb") as handle:
        html = mammoth.convert_to_html(handle).value
    with docx2python(report["docx"]) as content:
        text = content.text
    chapter = report["document"].chapters[0]
    anchors = r"(<a id=\"\w+\"></a>)*"
    assert f"# {chapter.number} {chapter.title}" in markdown      # the number is typed text, not list numbering
    assert re.search(rf"<h1>{anchors}{chapter.number}\t{anchors}{re.escape(chapter.title)}</h1>", html)
    for name in names:
        assert name in markdown and name in html and name in text, name
