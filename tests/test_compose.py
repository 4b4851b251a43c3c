"""Compose: texts + pilots + charts -> one Document; the build command around it.

Small cases use pilots built in code and texts written here; the example
report is checked against a golden dump (only scripts/regenerate_golden.py
rewrites it, after a reviewed change) and rebuilt from a copy of the inputs with one
answer changed, to prove that no number in the text is typed.
"""

import difflib
import itertools
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from report.analyse import distribution
from report.figures.charts import render_chart
from report.cli import main
from report.compose import compose
from report.engagement.config import load_config
from report.document import CaseBox, Figure, FigureRef, Paragraph
from report.document.dump import dump
from report.figures.registry import figure_spec, figures
from tests.pilots import make_pilot
from tests.walk import narrative_sentences

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
GOLDEN = ROOT / "tests" / "golden" / "example-report.txt"

PILOTS = [
    make_pilot("p1", P1="Zuid", K1="scheiden", K3="product", K6="2.1", D2="Een verhaal.\n\nEen tweede alinea."),
    make_pilot("p2", P1="Noord", K1="wonen", K3="werkwijze", K6="2,1", D2="Nog een verhaal."),
    make_pilot("p3", P1="Oost", K1="scheiden", K3="werkwijze", K6="9.9", D2="Zoek."),
]

CHAPTER_1 = """\
{#een}
# Een

{{ aantal(K1='scheiden') | Pilots }} gaan over scheiden ({{ figuur('K1') }}); zie ook {{ paragraaf('casussen') }}.

[[figuur K3]]

[[figuur K1]]
"""

CHAPTER_2 = """\
# Twee

{#casussen}
## Casussen

[[casus]]
"""

ANNEX = "# Factsheets pilots\n\nPer pilot een factsheet.\n"


@pytest.fixture
def small_inputs(tmp_path):
    inputs = tmp_path / "inputs"
    (inputs / "teksten").mkdir(parents=True)
    shutil.copy(INPUTS / "rapport.yaml", inputs / "rapport.yaml")
    for name, text in (("1-een.md", CHAPTER_1), ("2-twee.md", CHAPTER_2), ("bijlage-a.md", ANNEX)):
        (inputs / "teksten" / name).write_text(text, encoding="utf-8")
    return inputs


def _charts(tmp_path, *keys):
    work = tmp_path / "figuren"
    work.mkdir(exist_ok=True)
    specs = [figure_spec(key) for key in keys]
    return {s.key: render_chart(s, distribution(PILOTS, s.question_id), work) for s in specs}


def _compose(inputs, charts):
    config, problems = load_config(inputs)
    assert problems == []
    return compose(config, PILOTS, inputs, charts)


def test_figures_are_numbered_in_the_order_the_text_places_them(small_inputs, tmp_path):
    document, problems = _compose(small_inputs, _charts(small_inputs.parent, "K1", "K3"))
    assert not [p for p in problems if p.is_error]
    intro, k3, k1 = document.chapters[0].blocks
    assert (k3.key, k3.number, k1.key, k1.number) == ("K3", 1, "K1", 2)
    assert k1.title == figure_spec("K1").title and "n = 3 pilots" in k1.note and "Scheiden" in k1.alt_text
    assert k1.svg.is_file() and k1.png.is_file()
    assert FigureRef("K1", 2, "figuur") in intro.content
    assert intro.content[0].text.startswith("Twee pilots gaan over scheiden")


def test_case_boxes_follow_the_coding_sheet(small_inputs):
    document, problems = _compose(small_inputs, _charts(small_inputs.parent, "K1", "K3"))
    boxes = document.chapters[1].children[0].blocks
    assert all(isinstance(b, CaseBox) for b in boxes)
    assert [b.title for b in boxes] == ["Voorbeeld casus pilot Noord", "Voorbeeld casus pilot Zuid"]
    assert boxes[1].paragraphs[1] == Paragraph(boxes[1].paragraphs[1].content)
    [lost] = [p for p in problems if p.question_id == "K6"]
    assert not lost.is_error and "Oost" in lost.message and "9.9" in lost.message


def test_unplaced_figures_are_warnings_and_the_annex_holds_the_factsheets(small_inputs, tmp_path):
    document, problems = _compose(small_inputs, _charts(tmp_path, "K1", "K3", "K5"))
    assert any("'K5'" in p.message and not p.is_error for p in problems)
    [annex] = document.annexes
    assert (annex.letter, annex.title) == ("A", "Factsheets pilots")
    assert [s.title for s in annex.factsheets] == ["Noord", "Oost", "Zuid"]


def test_a_text_error_means_no_document(small_inputs, tmp_path):
    (small_inputs / "teksten" / "2-twee.md").write_text("# Twee\n\n{{ aantal(K1='scheidn') }}\n")
    document, problems = _compose(small_inputs, _charts(tmp_path, "K1", "K3"))
    assert document is None
    assert [(p.file, p.cell) for p in problems if p.is_error] == [("teksten/2-twee.md", "regel 3")]


def test_build_with_input_errors_writes_nothing_and_exits_1(tmp_path):
    inputs, output = tmp_path / "inputs", tmp_path / "uitvoer"
    shutil.copytree(INPUTS, inputs)
    (inputs / "rapport.yaml").write_text("titel: Onvolledig\n", encoding="utf-8")
    (inputs / "teksten" / "2-overzicht.md").write_text("# Twee\n\n{{ aantal(K1='scheidn') }}\n")
    result = CliRunner().invoke(main, ["build", "--inputs", str(inputs), "--output", str(output)])
    assert result.exit_code == 1
    # one run reports the config and the text mistakes together
    assert "rapport.yaml" in result.stderr and "Sleutel 'status' ontbreekt" in result.stderr
    assert "teksten/2-overzicht.md" in result.stderr and "regel 3" in result.stderr
    assert "[4/5] Rapport samenstellen" in result.stdout and "[5/5]" not in result.stdout
    assert not output.exists()


def test_build_writes_the_named_file_and_keeps_it_when_a_later_run_fails(tmp_path, monkeypatch):
    """The write phase with a stand-in PDF writer (the dump as bytes), so this stays fast."""
    monkeypatch.setattr("report.write.pdf.writer.write_pdf", lambda document, **writer: dump(document).encode("utf-8"))
    inputs, output = tmp_path / "inputs", tmp_path / "uitvoer"
    shutil.copytree(INPUTS, inputs)
    args = ["build", "--inputs", str(inputs), "--output", str(output), "--format", "pdf"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert [f"[{n}/5]" in first.stdout for n in range(1, 6)] == [True] * 5
    [written] = list(output.glob("*.pdf"))
    files = sorted(output.iterdir())
    assert written.name == "pilots-stelselvernieuwing-in-beeld-v0.3-concept.pdf"
    content = written.read_bytes()
    assert "Van de zes pilots over scheiden zijn er vier een online product".encode() in content
    assert CliRunner().invoke(main, args).exit_code == 0 and written.read_bytes() == content   # deterministic

    text = inputs / "teksten" / "3-bevindingen.md"
    text.write_text(text.read_text(encoding="utf-8") + "\n{{ aantal(B1='op-schema') }}\n", encoding="utf-8")
    failed = CliRunner().invoke(main, args)
    assert failed.exit_code == 1
    assert "teksten/3-bevindingen.md" in failed.stderr and "Onbekende code 'op-schema'" in failed.stderr
    assert sorted(output.iterdir()) == files and written.read_bytes() == content


def test_dump_shows_structure_numbers_and_references(small_inputs, tmp_path):
    document, _ = _compose(small_inputs, _charts(tmp_path, "K1", "K3"))
    text = dump(document)
    assert "# 1 Een  {#een}" in text
    assert "<figuur 2|K1>" in text and "<paragraaf 2.1|casussen>" in text
    assert "[Figuur 1. " + figure_spec("K3").title + "]  (K3)" in text
    assert "[Casus: Voorbeeld casus pilot Zuid]  (pilot p1)" in text
    assert "FACTSHEET Noord  (p2)" in text and "Financiering: –  [niet ingevuld]" in text
    assert str(tmp_path) not in text                # no build-specific paths


def _figures(document):
    found = []

    def walk(section):
        found.extend(b for b in section.blocks if isinstance(b, Figure))
        for child in section.children:
            walk(child)

    for chapter in document.chapters:
        walk(chapter)
    return found


# ---------------------------------------------------------------- the example report


def _example_document(inputs: Path, tmp_path: Path):
    from report.build import build

    result = build(inputs, tmp_path / "uitvoer", formats=())
    assert result.ok, [p.format() for p in result.problems if p.is_error]
    return result.document


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    return _example_document(INPUTS, tmp_path_factory.mktemp("voorbeeld"))


def test_the_example_report_matches_the_golden_dump(example):
    """Compares only: a missing, damaged or stale golden file fails; the script rewrites it on purpose."""
    assert GOLDEN.is_file(), f"{GOLDEN} is missing; write it with scripts/regenerate_golden.py and review it"
    expected, text = GOLDEN.read_text(encoding="utf-8"), dump(example)
    difference = "".join(itertools.islice(difflib.unified_diff(
        expected.splitlines(keepends=True), text.splitlines(keepends=True), "golden", "now"), 40))
    assert text == expected, "the report's dump differs from the golden file; if the change is intended, " \
        f"run scripts/regenerate_golden.py and review git diff tests/golden:\n{difference}"


@pytest.mark.parametrize("golden", ["damaged", "missing"])
def test_the_golden_test_fails_on_a_damaged_or_missing_file_and_leaves_it(example, golden, tmp_path, monkeypatch):
    """The old trick (REGENERATE_GOLDEN=1 rewrote the file, then compared it with itself) must not pass."""
    damaged = tmp_path / "example-report.txt"
    if golden == "damaged":
        damaged.write_text(GOLDEN.read_text(encoding="utf-8").replace("Figuur", "Figuor", 1), encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "GOLDEN", damaged)
    monkeypatch.setenv("REGENERATE_GOLDEN", "1")
    with pytest.raises(AssertionError, match="golden|missing"):
        test_the_example_report_matches_the_golden_dump(example)
    assert [p.name for p in tmp_path.iterdir()] == (["example-report.txt"] if golden == "damaged" else [])
    if golden == "damaged":
        assert "Figuor" in damaged.read_text(encoding="utf-8")


def test_the_example_report_has_every_section_figure_and_case(example):
    placed = _figures(example)
    assert [f.number for f in placed] == list(range(1, len(figures()) + 1))
    assert sorted(f.key for f in placed) == sorted(spec.key for spec in figures())
    titles = [c.title for c in example.chapters]
    assert titles[0] == "Inleiding" and titles[3].startswith("Borging en implementatie")
    assert [s.number for s in example.chapters[2].children[2].children] == ["3.3.1", "3.3.2", "3.3.3", "3.3.4"]
    assert len(example.annexes[0].factsheets) == 30
    text = dump(example)
    for phrase in ("Van de zes pilots over scheiden zijn er vier een online product",
                   "Vier pilots sluiten aan bij de nieuwe rechtshulppakketten in de tweede lijn; daarvan gaan er "
                   "drie over scheiden en één over conflictoplossing tussen burger en overheid",
                   "Tussen werkwijzen en producten zien wij op dit punt geen duidelijk verschil",
                   "daartoe behoren alle pilots die vroegtijdig zijn gestopt",
                   "[^2: Het deelprogramma Burgergerichte overheid omvat drie pilots",
                   "ADR ondersteuningstool, Digitaal bezwaarplatform en Versterking samenwerking hJL en UWV"):
        assert phrase in text


def test_no_sentence_of_the_example_opens_with_digits(example):
    texts = list(narrative_sentences(example))
    assert len(texts) > 200
    assert [s for s in texts if s.lstrip("(")[:1].isdigit()] == []
    # counts up to twenty read as words in running text, and the total as "dertig"
    assert "Dit rapport gaat over de overige dertig pilots." in texts
    assert "Negentien pilots ontwikkelen een werkwijze van of voor professionals" in " ".join(texts)


def test_a_changed_answer_changes_the_sentence_and_the_figure(tmp_path, example):
    """Recode one divorce pilot as housing in a copy of the inputs: text and Figure 1 follow."""
    from openpyxl import load_workbook

    inputs = tmp_path / "inputs"
    shutil.copytree(INPUTS, inputs)
    workbook = load_workbook(inputs / "codering.xlsx")
    sheet = workbook["Codering"]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "berekenjescheiding")
    header_row = next(row for row in sheet.iter_rows() if any(c.value == "K1 Thema" for c in row))
    column = next(c.column for c in header_row if c.value == "K1 Thema")
    sheet.cell(cell.row, column).value = "wonen"
    workbook.save(inputs / "codering.xlsx")

    changed = _example_document(inputs, tmp_path)
    before, after = dump(example), dump(changed)
    assert "Zes pilots gaan over scheiden en familierecht" in before
    assert "Vijf pilots gaan over scheiden en familierecht" in after
    assert "Van de vijf pilots over scheiden zijn er drie een online product" in after
    k1 = next(f for f in _figures(changed) if f.key == "K1")
    assert "Scheiden / familierecht (5)" in k1.alt_text
