"""Fixtures shared across test modules.

`example_build` builds the bundled example inputs once per test session, in
both formats, into a temporary folder: the end-to-end and parity tests all
read the same two files, so the slow PDF layout runs once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from report.build import BuildResult, build
from report.document import Document
from report.engagement.active import activate
from report.engagement.load import load_report_type

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_INPUTS = ROOT / "inputs"
EXAMPLE_TYPE, _problems = load_report_type(EXAMPLE_INPUTS)
assert EXAMPLE_TYPE is not None, [problem.format() for problem in _problems]
activate(EXAMPLE_TYPE)       # test modules read the example's codebook and figures when imported


@pytest.fixture(autouse=True)
def example_report_type():
    """Every test starts with the example engagement's report type active, whatever the test before built."""
    activate(EXAMPLE_TYPE)
    return EXAMPLE_TYPE


@dataclass(frozen=True)
class ExampleBuild:
    result: BuildResult
    progress: tuple[str, ...]

    @property
    def document(self) -> Document:
        return self.result.document

    @property
    def docx(self) -> Path:
        return next(path for path in self.result.outputs if path.suffix == ".docx")

    @property
    def pdf(self) -> Path:
        return next(path for path in self.result.outputs if path.suffix == ".pdf")

    @functools.cached_property
    def pdf_pages(self) -> tuple[str, ...]:
        """The text of every page, as pdfium reads it (many times faster than pdfminer)."""
        document = pdfium.PdfDocument(self.pdf)
        try:
            return tuple(document[i].get_textpage().get_text_range() for i in range(len(document)))
        finally:
            document.close()


@pytest.fixture(scope="session")
def example_build(tmp_path_factory) -> ExampleBuild:
    progress: list[str] = []
    result = build(EXAMPLE_INPUTS, tmp_path_factory.mktemp("voorbeeldrapport"), progress=progress.append)
    assert result.ok, [problem.format() for problem in result.problems if problem.is_error]
    return ExampleBuild(result, tuple(progress))
