"""The pipeline is not tuned to the example: other workbooks that follow the contract build too.

Synthetic pilots (tests/workbooks.py) with the bundled texts and config: the
data lack what some sentences ask for (no dates, no Burgergerichte-overheid
cluster, no case boxes chosen), which must give warnings and a visible gap,
never a failed build.
"""

from __future__ import annotations

import shutil

import pypdfium2
from docx import Document as open_docx

from report.build import build
from report.narrative.placeholders import GAP_TEXT
from report.style import PROJECT_ROOT
from tests.test_pdf_accessibility import pdfua_findings
from tests.workbooks import write_inputs

BUNDLED = PROJECT_ROOT / "inputs"


def test_a_different_set_of_pilots_builds_with_warnings(tmp_path):
    inputs = write_inputs(tmp_path / "invoer", 5)
    shutil.copy(BUNDLED / "rapport.yaml", inputs / "rapport.yaml")
    shutil.copytree(BUNDLED / "teksten", inputs / "teksten")

    result = build(inputs, tmp_path / "uit")

    assert result.ok, [p.format() for p in result.problems if p.is_error]
    assert any(GAP_TEXT in p.message for p in result.problems)
    pdf, = (path for path in result.outputs if path.suffix == ".pdf")
    docx, = (path for path in result.outputs if path.suffix == ".docx")
    text = "".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    assert "Figuur 11." in text and GAP_TEXT in text
    assert all(f"Pilot T00{n}" in text for n in range(1, 6))   # a factsheet each
    body = "\n".join(p.text for p in open_docx(docx).paragraphs)
    assert GAP_TEXT in body
    assert pdfua_findings(pdf) == []
