"""Hostile answers, texts and output folders in a whole build: bounded, in Dutch, all or nothing.

The builds run as commands under the caps of tests/hostile.py (1 GB, 60 s of
CPU). One build of hostile but valid answers must succeed with every answer
literal and no file read; the other cases must fail naming file and line,
or leave the previous output set exactly as it was.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
import yaml
from docx import Document as open_docx

from report.style import FONTS_DIR, HOUSE_STYLE
from report.write.pdf.parts import _AssetFetcher, _Assets
from tests.hostile import assert_refused, run, small_inputs, start
from tests.sample_document import sample_document
from tests.workbooks import patch_sheet

NAME = "Naam\n\n## Ingevoegd hoofdstuk [^x] *nadruk*"
LONG_WORD = "onafgebroken" * 200
HOSTILE = {
    "T002": {"P1": NAME, "A1": "Zie file:///dev/zero en <img src='file:///etc/passwd'>",
             "A2": LONG_WORD, "A4": "MARKERING"},
}
TITLE = "Een titel die maar doorgaat " * 20


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, str]:
    """Inputs with hostile answers, two pilot IDs that look alike, a very long title; built once."""
    folder = tmp_path_factory.mktemp("vijandig")
    inputs = small_inputs(folder / "invoer", answers=HOSTILE, ids=("zz.a", "zz a"))
    patch_sheet(inputs / "vragenlijsten" / "T002.xlsx", lambda xml: xml.replace("MARKERING", "een_x000B_twee"))
    config = yaml.safe_load((inputs / "rapport.yaml").read_text(encoding="utf-8"))
    config["titel"] = TITLE
    (inputs / "rapport.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    output = folder / "uit"
    code, printed = run("build", "--inputs", str(inputs), "--output", str(output))
    assert_refused(code, printed, "Klaar", "stuurtekens", exit_code=0)
    return inputs, output, printed


def _report(output: Path, suffix: str) -> Path:
    return next(output.glob(f"*{suffix}"))


def test_answers_stay_literal_text(built):
    _, output, _ = built
    word = open_docx(_report(output, ".docx"))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Kop"))]
    assert not any("Ingevoegd hoofdstuk" in heading for heading in headings)
    text = "\n".join(p.text for p in word.paragraphs)
    assert "## Ingevoegd hoofdstuk [^x] *nadruk*" in text          # the name, inserted by {{ namen() }}
    assert "eentwee" in "".join(p.text for t in word.tables for r in t.rows for c in r.cells for p in c.paragraphs)


def test_the_pdf_holds_every_factsheet_and_breaks_the_long_word(built):
    _, output, _ = built
    document = pdfium.PdfDocument(_report(output, ".pdf"))
    try:
        pages = [document[i] for i in range(len(document))]
        text = "".join(page.get_textpage().get_text_range() for page in pages)
        overflowing = [(number, char) for number, page in enumerate(pages, start=1)
                       for char in _chars_beyond_the_right_margin(page)]
    finally:
        document.close()
    assert "Pilot zz.a" in text and "Pilot zz a" in text
    # the lines as drawn: pdfplumber ignores the ActualText that lets other readers read a broken word whole
    with pdfplumber.open(_report(output, ".pdf")) as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").replace("\u200b", "").split("\n")]
    runs = [len(run) for line in lines for run in re.findall(r"(?:onafgebroken)+", line)]
    assert len(runs) > 10 and len("onafgebroken") * 3 <= max(runs) < len(LONG_WORD) // 4   # many lines, not one
    assert overflowing == []


def _chars_beyond_the_right_margin(page) -> list[str]:
    """Characters drawn past the page's right edge minus 1 cm: a word that overflowed its column."""
    limit = page.get_width() - 28
    textpage = page.get_textpage()
    return [textpage.get_text_range(index, 1) for index in range(textpage.count_chars())
            if textpage.get_charbox(index)[2] > limit]


def test_a_long_title_gives_a_short_file_name(built):
    _, output, _ = built
    assert all(len(path.name) < 120 for path in output.iterdir())


def test_weasyprint_may_read_only_the_project_assets(tmp_path):
    assets = _Assets(sample_document(tmp_path), HOUSE_STYLE)
    fetcher = _AssetFetcher(assets.allowed)
    for url in ("file:///dev/zero", "file:///etc/passwd", "file:///etc/", "http://example.org/x.png"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    font = next(FONTS_DIR.glob("*.ttf"))
    response = fetcher.fetch(font.as_uri())
    try:
        assert response.read(4) == font.read_bytes()[:4]
    finally:
        response.close()
    assert assets.key("<p>file:///dev/zero</p>") == "<p>file:///dev/zero</p>"


# ---------------------------------------------------------------- all or nothing


def _copy(built, tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    inputs, output, _ = built
    inputs_copy, output_copy = tmp_path / "invoer", tmp_path / "uit"
    shutil.copytree(inputs, inputs_copy)
    shutil.copytree(output, output_copy, symlinks=True)
    before = {path.name: path.read_bytes() for path in output_copy.iterdir() if path.is_file()}
    return inputs_copy, output_copy, before


def _unchanged(output: Path, before: dict[str, bytes]) -> None:
    after = {path.name: path.read_bytes() for path in output.iterdir() if path.is_file()}
    assert after == before


def test_a_pdf_target_that_cannot_be_written_leaves_the_whole_set_as_it_was(built, tmp_path):
    inputs, output, before = _copy(built, tmp_path)
    patch_sheet(inputs / "vragenlijsten" / "T001.xlsx", lambda xml: xml.replace("Pilot T001", "Pilot T001 nieuw"))
    pdf = _report(output, ".pdf")
    del before[pdf.name]
    pdf.unlink()
    pdf.mkdir()
    code, printed = run("build", "--inputs", str(inputs), "--output", str(output))
    assert_refused(code, printed, pdf.name, "map met dezelfde naam", "er is niets vervangen")
    _unchanged(output, before)
    assert not [p for p in output.iterdir() if p.name.startswith(".") and p.name != ".cache"]


@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_stops_the_build_in_dutch_and_leaves_no_staging(built, tmp_path, sent):
    inputs, output, before = _copy(built, tmp_path)
    staging = tmp_path / "tmp"
    staging.mkdir()
    os.environ["TMPDIR"], previous = str(staging), os.environ.get("TMPDIR")
    try:
        process = start("build", "--inputs", str(inputs), "--output", str(output), "--schoon")
    finally:
        os.environ.pop("TMPDIR") if previous is None else os.environ.__setitem__("TMPDIR", previous)
    for line in process.stdout:
        if "[3/5]" in line:
            break
    process.send_signal(sent)
    out, err = process.communicate(timeout=120)
    assert_refused(process.returncode, out + err, "gestopt", "er is niets vervangen")
    _unchanged(output, before)
    assert list(staging.iterdir()) == []


# ---------------------------------------------------------------- narrative texts

RENDER_CASES = {
    "1-zelf.md": ("# Zelf\n\nTekst.\n{% include '1-zelf.md' %}\n", ("regel 4", "voegt zichzelf")),
    "2-buiten.md": ("# Buiten\n\n{% include '../rapport.yaml' %}\n", ("regel 3", "buiten de map")),
    "3-koppeling.md": ("# Link\n\n\n{% include 'elders.txt' %}\n", ("regel 4", "buiten de map")),
    "4-reeks.md": ("# Reeks\n\n{% for i in range(10**9) %}x{% endfor %}\n", ("regel 3", "te groot")),
    "5-macht.md": ("# Macht\n\n{{ 10**(10**10) }}\n", ("regel 3", "macht")),
    "6-herhaling.md": ("# Herhaling\n\n{{ 'x' * 10**9 }}\n", ("regel 3", "herhaling")),
    "7-lus.md": ("# Lus\n\n{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}\n",
                 ("regel 3", "reeksen (range)", "samen meer dan")),
}
FOOTNOTE_CASE = {
    "1-voetnoot.md": ("# Voetnoot\n\nTekst[^1].\n\n[^1]: Zie[^1].\n", ("regel 5", "voetnoot verwijst naar zichzelf")),
}
NESTING_CASE = {"1-sterren.md": ("# Sterren\n\n" + "*" * 20_000 + "x" + "*" * 20_000 + "\n", ("te diep genest",))}


@pytest.mark.parametrize("cases", [RENDER_CASES, FOOTNOTE_CASE, NESTING_CASE], ids=["invullen", "voetnoot", "nesting"])
def test_hostile_texts_are_dutch_errors_with_file_and_line(tmp_path, cases):
    texts = {name: text for name, (text, _) in cases.items()} | {"bijlage-a.md": "# Factsheets\n\nTekst.\n"}
    inputs = small_inputs(tmp_path / "invoer", texts=texts)
    (inputs / "teksten" / "elders.txt").symlink_to(inputs / "rapport.yaml")
    output = tmp_path / "uit"
    code, printed = run("build", "--inputs", str(inputs), "--output", str(output))
    for name, (_, words) in cases.items():
        block = printed[printed.index(f"teksten/{name}"):]
        assert_refused(code, block.split("\n\n")[0], *words)
    assert not output.exists()
