"""Same inputs, same bytes: two builds of the example in two folders, every file compared.

A consultant who rebuilds without changing anything must be able to tell
from the files alone that nothing changed, and a change log must not report
noise. Each build writes every format the pipeline has, plus the snapshot.
"""

import io
import zipfile
from pathlib import Path

import pikepdf

from report.build import WRITERS, build

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"


def _build(output: Path) -> dict[str, bytes]:
    result = build(INPUTS, output, formats=tuple(WRITERS))
    assert result.ok, [p.format() for p in result.problems if p.is_error]
    return {path.name: path.read_bytes() for path in result.outputs}


def test_two_builds_of_the_same_inputs_are_byte_identical(tmp_path):
    first, second = _build(tmp_path / "eerste"), _build(tmp_path / "tweede")
    stem = "pilots-stelselvernieuwing-in-beeld-v0.3-concept"
    assert set(first) == {f"{stem}{writer.suffix}" for writer in WRITERS.values()} | {f"{stem}.snapshot.json"}
    assert set(second) == set(first)
    assert [name for name in first if first[name] != second[name]] == []
    _assert_dated_by_the_report(first, stem)


def _assert_dated_by_the_report(files: dict[str, bytes], stem: str) -> None:
    """The dates inside the files are the report's date (rapport.yaml: 2022-10-14), never the build's."""
    with pikepdf.open(io.BytesIO(files[f"{stem}.pdf"])) as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == "D:20221014"
    if "docx" in WRITERS:
        with zipfile.ZipFile(io.BytesIO(files[f"{stem}.docx"])) as package:
            assert {info.date_time for info in package.infolist()} == {(2022, 10, 14, 0, 0, 0)}
            core = package.read("docProps/core.xml").decode("utf-8")
            assert '<dcterms:created xsi:type="dcterms:W3CDTF">2022-10-14T00:00:00Z</dcterms:created>' in core
