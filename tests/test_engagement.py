"""The report type is the engagement's data: read, checked in Dutch, and enough to build a second report."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from report.build import build
from report.cli import main
from report.engagement.load import activate_folder, load_report_type
from scripts.make_engagement_example import write_engagement_example
from tests.conftest import EXAMPLE_INPUTS, ROOT

END_EVALUATION = ROOT / "examples" / "eindevaluatie"

CODEBOOK = """\
secties:
  - sleutel: P
    titel: Pilot
  - sleutel: a
    titel: Resultaat
vragen:
  - id: P0
    sectie: P
    soort: tekst
    vraag: Pilot-ID
    label: Pilot-ID
    kort: ja
    verplicht: ja
    rol: pilot-id
  - id: P1
    sectie: P
    soort: tekst
    vraag: Naam
    label: Naam
    kort: ja
    verplicht: ja
    rol: naam
  - id: P8
    sectie: P
    soort: keuze
    vraag: Soort document
    label: Soort document
    rol: soort-document
    keuzes:
      lang: Lang
      kort: Kort
      aanvulling: Aanvulling
  - id: A1
    sectie: a
    soort: keuze
    vraag: Bereikt?
    label: Bereikt
    keuzes:
      ja: Ja
      nee: Nee
  - id: A2
    sectie: a
    soort: tekst
    vraag: Toelichting
    label: Toelichting
"""
REPORT_TYPE = """\
figuren:
  - vraag: A1
    titel: Bereikt
factsheet:
  kop: [A1]
  secties:
    - sectie: a
"""


def _engagement(folder: Path, codebook: str = CODEBOOK, report_type: str = REPORT_TYPE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "codeboek.yaml").write_text(codebook, encoding="utf-8")
    (folder / "rapportvorm.yaml").write_text(report_type, encoding="utf-8")
    return folder


def _messages(folder: Path) -> list[str]:
    report_type, problems = load_report_type(folder)
    assert report_type is None or not problems
    return [problem.format() for problem in problems]


def test_a_small_report_type_loads_with_its_defaults(tmp_path):
    report_type, problems = load_report_type(_engagement(tmp_path))
    assert problems == [] and report_type is not None
    assert [q.id for q in report_type.codebook.questions] == ["P0", "P1", "P8", "A1", "A2"]
    assert report_type.factsheet.parts[0].questions == ("A2",)        # A1 is in the header already
    assert report_type.stats == ("A1",) and report_type.case is None
    assert report_type.figures[0].order == "count" and report_type.factsheet.not_answered == "niet ingevuld"


def test_every_mistake_in_the_codebook_is_named_with_its_file_and_line_in_one_run(tmp_path):
    codebook = CODEBOOK.replace("    soort: tekst\n    vraag: Toelichting", "    soort: text\n    vraag: Toelichting")
    codebook = codebook.replace("      nee: Nee\n", "      nee: Nee\n      ja: Nogmaals ja\n")
    codebook = codebook.replace("    rol: naam\n", "")
    codebook += "  - id: A1\n    sectie: z\n    soort: tekst\n    vraag: Dubbel\n    label: Dubbel\n"
    messages = _messages(_engagement(tmp_path, codebook))
    expected = [
        ("regel 43", "Vraag A2: onbekende soort 'text'. Kies uit tekst, keuze, meerkeuze, datum, getal."),
        ("regel 40", "Vraag A1: de code 'ja' staat twee keer in de keuzes"),
        ("regel 46", "De ID 'A1' komt twee keer voor (ook op regel 32)"),
        ("regel 47", "Vraag A1 hoort bij een onbekende sectie 'z'. Bekende secties: P, a."),
        ("regel 7", "Geen vraag heeft de rol 'naam'"),
    ]
    for line, text in expected:
        assert any(text in message and line in message and "codeboek.yaml" in message for message in messages), \
            (text, messages)
    assert len(messages) == len(expected)


def test_every_mistake_in_the_report_type_is_named_with_its_line(tmp_path):
    report_type = """\
figuren:
  - vraag: A2
    titel: Een open vraag
  - vraag: A1
    titel: Een klasse
    soort: verdeling
  - vraag: Z9
    titel: Onbekend
factsheet:
  kop: [A1, Z8]
  secties:
    - sectie: q
    - sectie: a
      casus: ja
kader:
  verhaal: A1
"""
    messages = _messages(_engagement(tmp_path, report_type=report_type))
    expected = [
        ("regel 2", "Figuur A2 ('Een open vraag') kan niet worden getekend: vraag A2 (Toelichting) is een tekstvraag"),
        ("regel 4", "'soort: verdeling' is voor een getalvraag"),
        ("regel 4", "geef onder 'klassen' de ondergrenzen"),
        ("regel 7", "toont een onbekende vraag 'Z9'"),
        ("regel 10", "De kop van de factsheet noemt een onbekende vraag 'Z8'"),
        ("regel 12", "De factsheet noemt een onbekende sectie 'q'"),
        ("regel 16", "'kader' noemt bij 'verhaal' A1, maar dat is geen open vraag"),
        ("regel 13", "toont de casus, maar er is geen 'kader'"),
    ]
    for line, text in expected:
        assert any(text in message and (f"rapportvorm.yaml, {line}:" in message or f"rapportvorm.yaml, {line},"
                                        in message) for message in messages), \
            (text, messages)
    assert len(messages) == len(expected)


def test_broken_yaml_and_missing_files_are_dutch_errors_and_check_stops_without_a_traceback(tmp_path):
    folder = _engagement(tmp_path / "kapot", CODEBOOK.replace("  - id: A2", "  - id: A2\n   fout: [", 1))
    assert "Dit is geen geldige YAML" in _messages(folder)[0]
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert "codeboek.yaml: Het bestand ontbreekt" in _messages(empty)[0]
    result = CliRunner().invoke(main, ["check", "--inputs", str(folder)])
    assert result.exit_code == 1 and "codeboek.yaml" in result.stdout and "Traceback" not in result.output
    result = CliRunner().invoke(main, ["vragenlijst", "--variant", "lang", "-o", str(tmp_path / "v.xlsx"),
                                       "--inputs", str(empty)])
    assert result.exit_code == 1 and "ontbreekt" in result.output and not (tmp_path / "v.xlsx").exists()


def test_a_codebook_that_expands_without_end_is_refused_on_its_line(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b]\n"
    messages = _messages(_engagement(tmp_path, bomb))
    assert len(messages) == 1 and "codeboek.yaml, regel 1" in messages[0] and "YAML-verwijzingen" in messages[0]


def test_the_blank_questionnaire_comes_from_the_engagements_codebook(tmp_path):
    output = tmp_path / "lang.xlsx"
    result = CliRunner().invoke(main, ["vragenlijst", "--variant", "lang", "-o", str(output),
                                       "--inputs", str(_engagement(tmp_path / "opdracht"))])
    assert result.exit_code == 0, result.output
    cells = [str(c.value) for row in load_workbook(output)["Vragenlijst"].iter_rows() for c in row if c.value]
    assert "Bereikt?\nKies een antwoord uit de lijst." in cells and "A2" in cells and cells[0] == "Vragenlijst\nLang"
    assert not any("Basisgegevens" in c for c in cells)


def test_the_end_evaluations_workbooks_are_what_its_codebook_generates(tmp_path):
    folder = tmp_path / "eind"
    assert activate_folder(END_EVALUATION) == []
    written = write_engagement_example(folder)
    assert len(written) == len(list((END_EVALUATION / "vragenlijsten").glob("*.xlsx"))) + 1
    changed = [path.name for path in written
               if path.read_bytes() != (END_EVALUATION / path.relative_to(folder)).read_bytes()]
    assert changed == [], "run: .venv/bin/python -m scripts.make_engagement_example examples/eindevaluatie"


@pytest.fixture(scope="module")
def end_evaluation(tmp_path_factory):
    result = build(END_EVALUATION, tmp_path_factory.mktemp("eindrapport"))
    assert result.ok, [problem.format() for problem in result.problems if problem.is_error]
    return result


def test_the_end_evaluation_builds_with_the_same_code(end_evaluation, example_build):
    report_type, _ = load_report_type(END_EVALUATION)
    docx = next(path for path in end_evaluation.outputs if path.suffix == ".docx")
    pdf = next(path for path in end_evaluation.outputs if path.suffix == ".pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    word = "\n".join(p.text for p in WordDocument(docx).paragraphs)
    for spec in report_type.figures:
        assert spec.title in text.replace("\n", " ")
    assert len(report_type.figures) == 5 != len(load_report_type(EXAMPLE_INPUTS)[0].figures)
    assert "Figuur 5." in word and "Figuur 6." not in word
    # the number question as classes, the case boxes, the engagement's own factsheet
    assert "50 tot 250" in text and "Hoe Route Breda verder hielp" in text
    assert "Periode" in text and "geen antwoord" in text.replace("\n", " ") and "Uitvoerder" in text
    assert "Basisgegevens" not in text and "Looptijd" not in text
    assert any("Basisgegevens" in page for page in example_build.pdf_pages)


def test_nieuw_makes_an_engagement_that_builds_at_once_and_is_found_from_its_folder(tmp_path, monkeypatch):
    folder = tmp_path / "eindevaluatie-2023"
    result = CliRunner().invoke(main, ["nieuw", str(folder)])
    assert result.exit_code == 0, result.output
    names = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    assert {"codeboek.yaml", "rapportvorm.yaml", "rapport.yaml", "README.md", "wederhoor-brief.md",
            "teksten/1-inleiding.md", "teksten/bijlage-a.md", "codering.xlsx", "vragenlijsten/voorbeeld.xlsx",
            "lege-vragenlijsten/vragenlijst-lang.xlsx", "lege-vragenlijsten/vragenlijst-kort.xlsx",
            "lege-vragenlijsten/vragenlijst-aanvulling.xlsx"} == names
    assert "Dit rapport beschrijft" in (folder / "teksten" / "1-inleiding.md").read_text(encoding="utf-8")
    again = CliRunner().invoke(main, ["nieuw", str(folder)])
    assert again.exit_code == 1 and "niet leeg" in again.output and "Traceback" not in again.output

    monkeypatch.chdir(folder)          # no --inputs: the current folder is the engagement
    check = CliRunner().invoke(main, ["check"])
    assert check.exit_code == 0 and "1 pilot gelezen uit 2 werkboeken" in check.stdout
    output = tmp_path / "uit"
    built = CliRunner().invoke(main, ["build", "--output", str(output)])
    assert built.exit_code == 0, built.output
    pdf = next(output.glob("*.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", " ")
    assert "Pilots naar de vraag of de pilot volgens plan verloopt" in text and "Voorbeeldpilot" in text
    assert "Dit rapport beschrijft één pilot" in text or "Dit rapport beschrijft 1 pilot" in text
    word = WordDocument(next(output.glob("*.docx")))
    assert any(p.text.startswith("Figuur 1.") for p in word.paragraphs)
