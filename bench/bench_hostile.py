"""Print what hostile inputs cost: the PDF with a long unbroken word, and reading crafted workbooks.

1. Two generated pilots, one answering with a single word of N characters;
   the PDF is written with and without the break opportunities that
   report.text.breakable inserts in the PDF layout (time per PDF).
2. A workbook whose sheet is a million tiny XML elements, and one whose
   zip index lies about a 60 MB part: time and peak memory of `read_inputs`,
   which must refuse both quickly (report/office.py).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from report.build import build  # noqa: E402
from report.read import read_inputs  # noqa: E402
from report.text import breakable  # noqa: E402
from tests.hostile import lie_about_size, rewrite_part, small_inputs, tiny_elements, zeros  # noqa: E402
from tests.workbooks import SHEET_XML  # noqa: E402


def pdf_seconds(length: int, broken: bool) -> float:
    """One clean build to PDF; without breaks, the layout leaves the word as it is (`str`)."""
    with tempfile.TemporaryDirectory() as tmp, mock.patch("report.write.pdf.html.breakable",
                                                          breakable if broken else str):
        inputs = small_inputs(Path(tmp) / "invoer", answers={"T002": {"A2": _word(length)}})
        start = time.perf_counter()
        result = build(inputs, Path(tmp) / "uit", formats=("pdf",), clean=True)
        seconds = time.perf_counter() - start
        assert result.ok, [p.format() for p in result.problems if p.is_error]
        return seconds


def _word(length: int) -> str:
    """A single word of Dutch syllables, which the PDF's hyphenation tries to break."""
    return ("onafgebroken" * (length // 12 + 1))[:length]


def read_seconds(make) -> tuple[float, str]:
    with tempfile.TemporaryDirectory() as tmp:
        inputs = small_inputs(Path(tmp) / "invoer")
        make(inputs / "vragenlijsten" / "T002.xlsx")
        start = time.perf_counter()
        result = read_inputs(inputs)
        seconds = time.perf_counter() - start
        message = next(p.message for p in result.problems if p.file.endswith("T002.xlsx"))
        return seconds, message


def main() -> None:
    print("PDF of 2 pilots, one answer a single word of N characters (seconds, whole build, pdf only)")
    print(f"{'N':>7} {'with breaks':>12} {'without':>9}")
    for length in (500, 2_000):
        print(f"{length:>7} {pdf_seconds(length, True):>12.1f} {pdf_seconds(length, False):>9.1f}")
    print("\nReading a crafted workbook (read_inputs of 2 pilots)")
    cases = {"1.2 million tiny elements": lambda p: rewrite_part(p, SHEET_XML, tiny_elements(1_200_000)),
             "index lies about 60 MB": lambda p: lie_about_size(rewrite_part(p, SHEET_XML, zeros(60)), SHEET_XML)}
    for label, make in cases.items():
        seconds, message = read_seconds(make)
        print(f"  {label:<28} {seconds:5.2f} s  {message[:70]}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"\npeak memory of this process: {peak} MB")


if __name__ == "__main__":
    main()
