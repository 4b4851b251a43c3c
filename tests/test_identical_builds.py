"""Same inputs, same bytes: a second build of the example, every file compared with the session's build.

A consultant who rebuilds without changing anything must be able to tell
from the files alone that nothing changed, and a change log must not report
noise. Both builds use the default formats and a fresh folder each; the
session's build uses a worker process per core, the second one none, so the
bytes are also shown not to depend on the number of workers.
"""

import io
import zipfile
from pathlib import Path

import pikepdf

from report.build import build

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
STEM = "pilots-stelselvernieuwing-in-beeld-v0.3-concept"


def test_two_builds_of_the_same_inputs_are_byte_identical(example_build, tmp_path):
    again = build(INPUTS, tmp_path / "opnieuw", processes=1)
    assert again.ok
    first = {path.name: path.read_bytes() for path in example_build.result.outputs}
    second = {path.name: path.read_bytes() for path in again.outputs}
    assert set(first) == {f"{STEM}.docx", f"{STEM}.pdf", f"{STEM}.snapshot.json", "bouw.json"} == set(second)
    assert [name for name in first if first[name] != second[name]] == []
    _assert_dated_by_the_report(first)


def _assert_dated_by_the_report(files: dict[str, bytes]) -> None:
    """The dates inside the files are the report's date (rapport.yaml: 2022-10-14), never the build's."""
    with pikepdf.open(io.BytesIO(files[f"{STEM}.pdf"])) as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == "D:20221014"
    with zipfile.ZipFile(io.BytesIO(files[f"{STEM}.docx"])) as package:
        assert {info.date_time for info in package.infolist()} == {(2022, 10, 14, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode("utf-8")
        assert '<dcterms:created xsi:type="dcterms:W3CDTF">2022-10-14T00:00:00Z</dcterms:created>' in core
