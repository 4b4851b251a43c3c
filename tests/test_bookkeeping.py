"""Version bookkeeping: warnings for the slips of a review round, the *correctie* switch, and zero counts.

- a version missing from the history, a date not later than the previous
  version's, a definitive report under a number issued as a concept;
- "correctie" marks: on in a concept, off in a definitive report, and set in
  rapport.yaml (`correcties_markeren: ja|nee`); one switch in compose that
  both writers follow;
- a count filter that renders zero ("nul pilots") is a warning naming file and line.
"""

import dataclasses
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from report.build import build
from report.compose.factsheets import factsheets
from report.engagement.config import load_config
from report.document import VersionEntry
from report.model import SourceKind
from report.history.bookkeeping import version_warnings
from report.history.versions import stored_snapshots
from report.model import Severity
from report.narrative.placeholders import render_text
from report.read import read_inputs
from report.write.docx.writer import write_docx
from report.write.pdf.writer import write_pdf
from tests.pilots import make_pilot
from tests.sample_document import sample_document

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
STEM = "pilots-stelselvernieuwing-in-beeld"


def _set(inputs: Path, key: str, value: str) -> None:
    path = inputs / "rapport.yaml"
    text, found = re.subn(rf"(?m)^{key}: .*$", f"{key}: {value}", path.read_text(encoding="utf-8"))
    if not found:
        text += f"\n{key}: {value}\n"
    path.write_text(text, encoding="utf-8")


@pytest.fixture()
def inputs(tmp_path) -> Path:
    copy = tmp_path / "inputs"
    shutil.copytree(INPUTS, copy, ignore=shutil.ignore_patterns("vragenlijsten"))
    (copy / "vragenlijsten").symlink_to(INPUTS / "vragenlijsten")
    return copy


def _meta(inputs: Path):
    config, problems = load_config(inputs)
    assert config is not None, [p.format() for p in problems]
    return config


# ---------------------------------------------------------------- version warnings


def test_the_example_has_no_bookkeeping_warnings():
    assert version_warnings(_meta(INPUTS).meta, []) == []


def test_a_version_without_a_history_entry(inputs):
    _set(inputs, "versie", '"0.4"')
    _set(inputs, "datum", "2022-11-04")
    [problem] = version_warnings(_meta(inputs).meta, [])
    assert problem.severity is Severity.WARNING and problem.file == "rapport.yaml"
    assert problem.message.startswith("Versie 0.4 staat niet in de versiegeschiedenis ('versies')")


def test_a_date_not_later_than_the_previous_version_in_the_history(inputs):
    meta = _meta(inputs).meta
    meta = dataclasses.replace(meta, date=dt.date(2022, 9, 23),
                               history=meta.history[:2] + (VersionEntry("0.3", dt.date(2022, 9, 23), "x"),))
    [problem] = version_warnings(meta, [])
    assert problem.cell == "sleutel 'datum'"
    assert ("De datum 23 september 2022 van versie 0.3 is niet later dan die van de vorige versie 0.2 "
            "(23 september 2022, volgens de versiegeschiedenis)") in problem.message


def test_a_date_and_a_definitive_number_checked_against_earlier_builds(inputs, tmp_path):
    output = tmp_path / "uitvoer"
    assert build(inputs, output, formats=()).ok                    # 0.3 concept, 14 oktober 2022
    _set(inputs, "versie", '"0.4"')
    (inputs / "rapport.yaml").write_text((inputs / "rapport.yaml").read_text(encoding="utf-8").replace(
        "    wijziging: Reacties van de reflectiegroep en de projectleiders verwerkt.",
        "    wijziging: Reacties van de reflectiegroep en de projectleiders verwerkt.\n"
        "  - versie: \"0.4\"\n    datum: 2022-10-14\n    wijziging: Taal."), encoding="utf-8")
    stored, _ = stored_snapshots(output)
    [problem] = version_warnings(_meta(inputs).meta, stored)
    assert "niet later dan die van de vorige versie 0.3 (14 oktober 2022" in problem.message

    _set(inputs, "versie", '"0.3"')
    _set(inputs, "status", "definitief")
    [problem] = version_warnings(_meta(inputs).meta, stored)
    assert problem.cell == "sleutel 'versie'"
    assert problem.message == (f"Versie 0.3 is al als concept uitgebracht ({STEM}-v0.3-concept.snapshot.json); "
                               "geef het definitieve rapport een hoger versienummer.")


# ---------------------------------------------------------------- correction marks


def test_the_correction_switch_is_read_from_rapport_yaml(inputs):
    assert _meta(inputs).correction_marks is True                  # a concept shows them
    _set(inputs, "status", "definitief")
    assert _meta(inputs).correction_marks is False                 # a definitive report does not
    _set(inputs, "correcties_markeren", "ja")
    assert _meta(inputs).correction_marks is True
    _set(inputs, "correcties_markeren", "misschien")
    config, problems = load_config(inputs)
    assert config is None
    assert [(p.cell, p.message) for p in problems] == [
        (f"regel {len((inputs / 'rapport.yaml').read_text(encoding='utf-8').splitlines())}",
         "Sleutel 'correcties_markeren': 'misschien' is onbekend; kies ja of nee.")]


def test_compose_switches_the_marks_off_for_every_fact():
    pilots = read_inputs(INPUTS).pilots
    corrected = [f for sheet in factsheets(pilots) for s in sheet.sections for f in (*sheet.header, *sheet.tags,
                                                                                     *s.facts) if f.marked]
    assert corrected and all(f.origin is SourceKind.CORRECTIE for f in corrected)
    unmarked = factsheets(pilots, correction_marks=False)
    assert not any(f.marked for sheet in unmarked for s in sheet.sections for f in (*sheet.header, *sheet.tags,
                                                                                   *s.facts))
    assert [f.value for sheet in unmarked for s in sheet.sections for f in s.facts] == \
        [f.value for sheet in factsheets(pilots) for s in sheet.sections for f in s.facts]


def _annex_without_marks(document):
    def facts(found):
        return tuple(dataclasses.replace(f, correction_mark=False) for f in found)

    annex = document.annexes[0]
    sheets = tuple(dataclasses.replace(sheet, header=facts(sheet.header), tags=facts(sheet.tags), sections=tuple(
        dataclasses.replace(s, facts=facts(s.facts)) for s in sheet.sections)) for sheet in annex.factsheets)
    return dataclasses.replace(document, annexes=(dataclasses.replace(annex, factsheets=sheets),))


def test_both_writers_follow_the_switch(tmp_path):
    marked = sample_document(tmp_path)
    unmarked = _annex_without_marks(marked)
    for document, expected in ((marked, True), (unmarked, False)):
        word = docx.Document(io.BytesIO(write_docx(document)))
        cells = " ".join(c.text for t in word.tables for row in t.rows for c in row.cells)
        assert "120" in cells and ("120 correctie" in cells) is expected
        pdf = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(write_pdf(document))).pages)
        assert "120" in pdf and ("120 correctie" in pdf) is expected


# ---------------------------------------------------------------- zero counts


@pytest.mark.parametrize("text, shown", [
    ("Een.\n{{ aantal(K1='inkomen') | woord }} pilots stoppen.\n", "nul"),
    ("{{ aantal(K1='inkomen') | Pilots }} stoppen.\n", "Geen pilots"),
    ("{{ aantal(K1='inkomen') | telling('casus', 'casussen') }}.\n", "geen casussen"),
])
def test_a_count_that_renders_zero_is_a_warning_with_file_and_line(tmp_path, text, shown):
    path = tmp_path / "tekst.md"
    path.write_text(text, encoding="utf-8")
    pilots = [make_pilot("a", K1="scheiden"), make_pilot("b", K1="wonen")]
    rendered, problems = render_text(path, "teksten/tekst.md", pilots)
    assert shown.casefold() in rendered.markdown.casefold()   # a sentence start capitalises it
    [problem] = problems
    assert problem.severity is Severity.WARNING and problem.file == "teksten/tekst.md"
    assert problem.cell == f"regel {text.count(chr(10), 0, text.index('{{')) + 1}"
    assert f"geeft hier nul ('{shown}')" in problem.message and "geen enkele pilot voldoet" in problem.message


def test_a_count_above_zero_gives_no_warning(tmp_path):
    path = tmp_path / "tekst.md"
    path.write_text("{{ aantal(K1='scheiden') | Pilots }} gaan door.\n", encoding="utf-8")
    rendered, problems = render_text(path, "teksten/tekst.md", [make_pilot("a", K1="scheiden")])
    assert rendered.markdown == "Eén pilot gaan door.\n" and problems == []
