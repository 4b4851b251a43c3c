"""The build's cache: a rebuild after one changed answer redraws and lays out only what depends on it.

Each rebuild starts from a copy of an inputs folder and of the cache its last
build left, changes one answer in a workbook with openpyxl (or a word of the
texts, or the version), and reads the build's cache counts: which figures
and PDF parts were found, which were made. A clean build of the changed
inputs must give the same bytes as the rebuild. The inputs are the example
(with the cache of the session's example build, tests/conftest.py) where a
rebuild is all the test makes; where it builds clean too, or LibreOffice
lays the DOCX out, they are three generated pilots under the example's texts
and config (bench/synthetic_inputs.py), built once for the module: the
cache's rules are the same at any size, and a clean build of three pilots
costs a third of one of thirty.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from bench.synthetic_inputs import SMOKE_PILOTS, write_inputs
from report.write.docx import fonts, relayout
from report.build import BuildResult, build
from report.cache import CACHE_DIR, Cache, fingerprint
from report.engagement.codebook import question
from report.document import figures as document_figures
from report.document.outline import outline
from report.figures.registry import figures
from report.read import read_inputs
from report.style import HOUSE_STYLE, Palette
from report.write.pdf import parts
from report.write.pdf.writer import write_pdf
from tests.hostile import small_inputs
from tests.libreoffice import libreoffice_pdf, needs_libreoffice
from tests.sample_document import sample_document
from tests.test_docx_pages import toc_numbers

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_INPUTS = ROOT / "inputs"
NEW_TEXT = "Een spreekuur op het gemeentehuis, elke dinsdagmiddag, zonder afspraak."


@dataclasses.dataclass
class Copy:
    inputs: Path
    output: Path

    def build(self, **options) -> BuildResult:
        result = build(self.inputs, self.output, **options)
        assert result.ok, [problem.format() for problem in result.problems if problem.is_error]
        return result

    def set_answer(self, question_id: str, value) -> str:
        """Write a new answer for the first pilot into its workbook; returns the pilot's ID."""
        pilot = read_inputs(self.inputs).pilots[0]
        source = pilot.answer(question_id).source
        workbook = openpyxl.load_workbook(self.inputs / source.file)
        workbook[source.sheet][source.cell] = value
        workbook.save(self.inputs / source.file)
        return pilot.id


@pytest.fixture
def copy(example_build, tmp_path) -> Copy:
    """The example inputs, and an output folder holding the session build's cache."""
    return _copy(EXAMPLE_INPUTS, example_build.pdf.parent / CACHE_DIR, tmp_path)


@pytest.fixture(scope="module")
def few_pilots(tmp_path_factory) -> Copy:
    """Three generated pilots under the example's texts and config, built once (both formats)."""
    folder = tmp_path_factory.mktemp("drie-pilots")
    built = Copy(write_inputs(SMOKE_PILOTS, folder / "invoer"), folder / "uitvoer")
    built.build()
    return built


@pytest.fixture
def small_copy(few_pilots, tmp_path) -> Copy:
    """A copy of the three pilots' inputs, and an output folder holding their build's cache."""
    return _copy(few_pilots.inputs, few_pilots.output / CACHE_DIR, tmp_path)


def _copy(inputs: Path, cache: Path, tmp_path: Path) -> Copy:
    copied = Copy(tmp_path / "invoer", tmp_path / "uitvoer")
    shutil.copytree(inputs, copied.inputs)
    shutil.copytree(cache, copied.output / CACHE_DIR)
    return copied


def _made(result: BuildResult) -> dict[str, list[str]]:
    """The charts and PDF parts a build made, in name order (workers finish in any order); the DOCX's
    pagination check follows every changed DOCX, and its font subsets every new set of characters."""
    return {namespace: sorted(stats.made) for namespace, stats in result.cache.items()
            if namespace not in (relayout.NAMESPACE, parts.PLACES, fonts.NAMESPACE)}


def _docx_of(built: Copy) -> Path:
    docx, = built.output.glob("*.docx")
    return docx


def _files(result: BuildResult) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in result.outputs if path.suffix in (".docx", ".pdf")}


@needs_libreoffice
def test_a_changed_text_answer_lays_out_only_its_factsheet(small_copy, tmp_path):
    pilot = small_copy.set_answer("A1", NEW_TEXT)
    rebuilt = small_copy.build()
    assert _made(rebuilt) == {"figuren": [], "pdf-delen": [f"factsheet {pilot}"]}
    assert len(rebuilt.cache["figuren"].hits) == len(figures())
    assert any(NEW_TEXT in " ".join(page.split()) for page in _pdf_text(rebuilt))

    clean = build(small_copy.inputs, tmp_path / "schoon", clean=True)
    assert all(stats.hits == [] for stats in clean.cache.values())
    assert _files(clean) == _files(rebuilt)                # byte for byte, PDF and DOCX


@needs_libreoffice
def test_an_answer_a_line_longer_keeps_the_docx_pages_without_laying_it_out_again(small_copy, few_pilots, tmp_path):
    """The answer takes a line more in the DOCX, but its factsheet, laid out alone before and after
    by LibreOffice, fills as many pages: the last layout's pages stand, and the DOCX is a clean build's."""
    old = read_inputs(small_copy.inputs).pilots[0].answer("A1").value
    small_copy.set_answer("A1", f"{old} {NEW_TEXT}")
    rebuilt = small_copy.build(formats=("docx",))
    assert rebuilt.cache[relayout.NAMESPACE].made == [relayout.CHECKED]
    docx, = (path for path in rebuilt.outputs if path.suffix == ".docx")
    start = " ".join(old.split()[:4])
    assert _lines_on_page_with(docx, start, tmp_path / "na") == \
        _lines_on_page_with(_docx_of(few_pilots), start, tmp_path / "voor") + 1

    clean = build(small_copy.inputs, tmp_path / "schoon", formats=("docx",), clean=True)
    assert clean.cache[relayout.NAMESPACE].made == [relayout.LABEL]
    assert _files(clean) == _files(rebuilt)


def _lines_on_page_with(docx: Path, text: str, work: Path) -> int:
    """How many lines LibreOffice sets on the page of `docx` that shows `text`."""
    with pdfplumber.open(libreoffice_pdf(docx, work)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    page, = (page for page in pages if text in " ".join(page.split()))
    return len(page.splitlines())


def _edit_text(copy: Copy, old: str, new: str) -> None:
    text = copy.inputs / "teksten" / "1-inleiding.md"
    narrative = text.read_text(encoding="utf-8")
    assert narrative.count(old) == 1
    text.write_text(narrative.replace(old, new), encoding="utf-8")


@needs_libreoffice
def test_a_word_that_keeps_its_lines_lays_out_only_its_chapter_and_the_docx_is_not_laid_out_again(small_copy, tmp_path):
    """LibreOffice lays out the edited paragraph alone, before and after; its lines stay, so the last
    layout's pages stand, and the DOCX is the one a clean build gives."""
    _edit_text(small_copy, "geleidelijke invoering", "stapsgewijze invoering")
    rebuilt = small_copy.build()
    assert _made(rebuilt) == {"figuren": [], "pdf-delen": ["hoofdstuk 1"]}
    assert rebuilt.cache[relayout.NAMESPACE].made == [relayout.CHECKED]
    clean = build(small_copy.inputs, tmp_path / "schoon", clean=True)
    assert clean.cache[relayout.NAMESPACE].made == [relayout.LABEL]
    assert _files(clean) == _files(rebuilt)


@needs_libreoffice
def test_a_page_more_in_a_chapter_lays_the_docx_out_again(small_copy, few_pilots):
    """Laid out alone, the chapter fills a page more: every later heading moves, so LibreOffice lays
    the whole DOCX out and the contents show the new pages."""
    _edit_text(small_copy, "geleidelijke invoering.", "geleidelijke invoering. " + NEW_TEXT * 60)
    rebuilt = small_copy.build(formats=("docx",))
    assert rebuilt.cache[relayout.NAMESPACE].made == [relayout.LABEL]
    docx, = (path for path in rebuilt.outputs if path.suffix == ".docx")
    later = [entry.level == 1 for entry in outline(rebuilt.document)].index(True, 1)
    moved = {now - before for now, before in zip(toc_numbers(docx)[later:], toc_numbers(_docx_of(few_pilots))[later:])}
    assert len(moved) == 1 and moved.pop() >= 1


def _new_version(copy: Copy, history: bool = True) -> None:
    """Version 0.4 of a later date; with `history`, its line in the colophon's version history."""
    config = copy.inputs / "rapport.yaml"
    text = config.read_text(encoding="utf-8")
    assert 'datum: 2022-10-14\nversie: "0.3"' in text
    text = text.replace('datum: 2022-10-14\nversie: "0.3"', 'datum: 2022-11-04\nversie: "0.4"')
    if history:
        text += '  - versie: "0.4"\n    datum: 2022-11-04\n    wijziging: Een antwoord verbeterd.\n'
    config.write_text(text, encoding="utf-8")


def test_a_new_version_lays_out_only_what_shows_the_date_and_the_changed_answer(small_copy, tmp_path):
    """Cover and colophon show the date, version and history; the factsheet the answer."""
    _new_version(small_copy)
    pilot = small_copy.set_answer("A1", NEW_TEXT)
    rebuilt = small_copy.build(formats=("pdf",))
    assert _made(rebuilt) == {"figuren": [], "pdf-delen": sorted(["voorwerk", f"factsheet {pilot}"])}
    clean = build(small_copy.inputs, tmp_path / "schoon", formats=("pdf",), clean=True, processes=1)
    assert _files(clean) == _files(rebuilt)


@needs_libreoffice
def test_a_new_version_and_date_keep_libreoffices_layout_of_the_docx(small_copy, tmp_path):
    """A date and version on the cover, colophon and headers move no page: LibreOffice does not run.

    (A new line in the version history can: the colophon might overflow its page.)"""
    _new_version(small_copy, history=False)
    rebuilt = small_copy.build(formats=("docx",))
    assert rebuilt.cache[relayout.NAMESPACE].hits == [relayout.LABEL] and not rebuilt.cache[relayout.NAMESPACE].made
    clean = build(small_copy.inputs, tmp_path / "schoon", formats=("docx",), clean=True)
    assert clean.cache[relayout.NAMESPACE].made == [relayout.LABEL]
    assert _files(clean) == _files(rebuilt)


def test_a_changed_figure_answer_redraws_its_chart_and_lays_out_what_shows_it(copy):
    b3 = question("B3")
    pilot = copy.set_answer("B3", b3.label("nee"))
    rebuilt = copy.build(formats=("pdf",))
    [chapter] = [chapter.number for chapter in rebuilt.document.chapters if "B3" in {
        figure.key for figure in document_figures(dataclasses.replace(rebuilt.document, chapters=(chapter,)))}]
    assert _made(rebuilt) == {"figuren": ["B3"], "pdf-delen": sorted([f"hoofdstuk {chapter}", f"factsheet {pilot}"])}


def test_the_cache_keeps_only_what_the_last_build_used(copy):
    copy.set_answer("A1", NEW_TEXT)
    rebuilt = copy.build(formats=("pdf",))
    for namespace, stats in rebuilt.cache.items():
        entries = sorted(p.name for p in (copy.output / CACHE_DIR / namespace).iterdir())
        assert len(entries) == len(stats.hits) + len(stats.made)


def test_damaged_entries_are_made_again_and_the_output_is_unchanged(small_copy):
    intact = _files(small_copy.build())
    cache = small_copy.output / CACHE_DIR
    parts = sorted((cache / "pdf-delen").iterdir())
    (parts[0] / "data").write_bytes(b"%PDF-1.7 afgebroken")
    (parts[1] / "inhoud.json").write_text("{niet: json", encoding="utf-8")
    charts = sorted((cache / "figuren").iterdir())
    next(charts[0].glob("*.svg")).write_text("<svg/>", encoding="utf-8")
    shutil.rmtree(charts[1])
    rebuilt = small_copy.build()
    assert {namespace: len(made) for namespace, made in _made(rebuilt).items()} == {"figuren": 2, "pdf-delen": 2}
    assert _files(rebuilt) == intact


def test_a_failed_build_leaves_the_cache_as_it_was(copy):
    before = _tree(copy.output / CACHE_DIR)
    copy.set_answer("B3", question("B3").label("nee"))     # a figure that would be redrawn
    text = copy.inputs / "teksten" / "1-inleiding.md"
    text.write_text(text.read_text(encoding="utf-8") + "\n{{ aantal(B1='op-schema') }}\n", encoding="utf-8")
    assert not build(copy.inputs, copy.output).ok
    assert _tree(copy.output / CACHE_DIR) == before


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_new_chart_code_version_redraws_every_chart_but_reuses_the_pdf(copy, monkeypatch):
    monkeypatch.setattr("report.figures.charts.versions", lambda *names: "matplotlib=99.0")
    rebuilt = copy.build(formats=("pdf",))
    assert len(_made(rebuilt)["figuren"]) == len(figures())
    assert _made(rebuilt)["pdf-delen"] == []               # same chart bytes: the parts still match


def _pdf_text(result: BuildResult) -> list[str]:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(next(p for p in result.outputs if p.suffix == ".pdf"))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


# ---------------------------------------------------------------- the PDF parts' keys


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return sample_document(tmp_path_factory.mktemp("monster"))


def _write(document, root: Path, staging: Path, **options) -> tuple[bytes, list[str]]:
    cache = Cache(root, staging)
    pdf = write_pdf(document, cache=cache, **options)
    cache.commit()
    return pdf, sorted(cache.stats["pdf-delen"].made)


# The sample's chapters fill more than their guessed page, its factsheet one page, not the guessed two:
# the report is laid out again. A build that finds the last build's places lays it out once.
ALL_PARTS = ["factsheet proef", "hoofdstuk 1", "hoofdstuk 2", "rapport", "rapport", "voorwerk"]
ALL_PARTS_IN_KNOWN_PLACES = ["factsheet proef", "hoofdstuk 1", "hoofdstuk 2", "rapport", "voorwerk"]


def test_pdf_parts_are_made_again_when_the_stylesheet_or_renderer_changes(sample, tmp_path, monkeypatch):
    root = tmp_path / "cache"
    first, made = _write(sample, root, tmp_path / "a")
    assert made == ALL_PARTS
    assert _write(sample, root, tmp_path / "b") == (first, [])
    restyled = dataclasses.replace(HOUSE_STYLE, palette=dataclasses.replace(Palette(), accent="#AA3377"))
    assert _write(sample, root, tmp_path / "c", style=restyled)[1] == ALL_PARTS_IN_KNOWN_PLACES
    monkeypatch.setattr("report.write.pdf.parts.versions", lambda *names: "weasyprint=99.0")
    assert _write(sample, root, tmp_path / "d")[1] == ALL_PARTS_IN_KNOWN_PLACES


def test_fingerprint_follows_the_bytes_of_the_code(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("A = 1\n", encoding="utf-8")
    before = fingerprint(module)
    assert fingerprint(module) == before
    module.write_text("A = 22\n", encoding="utf-8")
    assert fingerprint(module) != before


def test_a_rebuild_takes_the_docx_font_subsets_from_the_cache(tmp_path, monkeypatch):
    """Subsetting the house font is most of a rebuild's DOCX: the next build reuses the subsets."""
    inputs = small_inputs(tmp_path / "invoer")
    output = tmp_path / "uitvoer"
    first = build(inputs, output, formats=["docx"], processes=1)
    assert first.ok and first.cache[fonts.NAMESPACE].made
    made = []
    monkeypatch.setattr(fonts, "subsetted", lambda *args: made.append(args) or b"")
    again = build(inputs, output, formats=["docx"], processes=1)
    assert again.ok and not made and sorted(again.cache[fonts.NAMESPACE].hits) == sorted(first.cache[fonts.NAMESPACE].made)
    assert [path.read_bytes() for path in again.outputs if path.suffix == ".docx"] == \
        [path.read_bytes() for path in first.outputs if path.suffix == ".docx"]
