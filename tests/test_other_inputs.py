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
from report.figures.registry import figures
from report.narrative.placeholders import GAP_TEXT
from report.style import PROJECT_ROOT
from tests.walk import narrative_sentences
from tests.test_pdf_accessibility import pdfua_findings
from tests.test_pdf_matterhorn import matterhorn_findings
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
    assert f"Figuur {len(figures())}." in text and GAP_TEXT in text
    assert all(f"Pilot T00{n}" in text for n in range(1, 6))   # a factsheet each
    body = "\n".join(p.text for p in open_docx(docx).paragraphs)
    assert GAP_TEXT in body
    assert pdfua_findings(pdf) == []
    assert matterhorn_findings(pdf.read_bytes()) == []


def test_counts_above_twenty_never_open_a_sentence_in_digits(tmp_path):
    """Sixty-three pilots: sentence-opening counts are spelled out, whatever the text's filter."""
    inputs = write_inputs(tmp_path / "invoer", 63)
    shutil.copy(BUNDLED / "rapport.yaml", inputs / "rapport.yaml")
    shutil.copytree(BUNDLED / "teksten", inputs / "teksten")

    result = build(inputs, tmp_path / "uit", formats=())

    assert result.ok, [p.format() for p in result.problems if p.is_error]
    texts = list(narrative_sentences(result.document))
    assert [s for s in texts if s.lstrip("(")[:1].isdigit()] == []
    assert not [p for p in result.problems if "begint met een getal" in p.message]
    # coding_for(pilot, index) codes K3 (the third column) with choice (index + 2) % 2: werkwijze for the
    # 32 even indices of 0..62
    opening = "Tweeëndertig pilots ontwikkelen een werkwijze"
    assert any(s.startswith(opening) for s in texts), opening


def test_two_pilots_build_when_a_comparison_has_an_empty_group(tmp_path):
    """With two pilots a compared group is empty: a warning with its line, never a failed build."""
    inputs = write_inputs(tmp_path / "invoer", 2)
    shutil.copy(BUNDLED / "rapport.yaml", inputs / "rapport.yaml")
    shutil.copytree(BUNDLED / "teksten", inputs / "teksten")

    result = build(inputs, None, formats=())

    assert result.ok, [p.format() for p in result.problems if p.is_error]
    assert any("verschilt(...)" in p.message and p.cell for p in result.problems if not p.is_error)
