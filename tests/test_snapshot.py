"""Snapshot: what a build stores beside the report about what it was built from.

The example is built once for the module (without PDF or DOCX: the snapshot
is the same either way); the pure parts are checked on small inputs.
"""

import datetime as dt
import shutil
from pathlib import Path

import msgspec
import pytest

from report.analyse import distribution
from report.build import build
from report.history.manifest import MANIFEST_FILE
from report.document import FigureRef, Footnote, SectionRef, Text
from report.history.versions import load_snapshot, previous_version, stored_snapshots
from report.read import read_inputs
from report.dutch import count_words, sentences
from report.history.schema import AnswerRecord, CorrectionRecord, MultiValue, SourceRecord, encode, read
from report.history.snapshot import plain_text, text_hash

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
SNAPSHOT_NAME = "pilots-stelselvernieuwing-in-beeld-v0.3-concept.snapshot.json"


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    output = tmp_path_factory.mktemp("uitvoer")
    result = build(INPUTS, output, formats=())
    assert result.ok, [p.format() for p in result.problems if p.is_error]
    return result, output


@pytest.fixture(scope="module")
def stored(example):
    _, output = example
    return read(output / SNAPSHOT_NAME)


def test_the_build_writes_the_snapshot_it_computed_beside_the_report(example, stored):
    result, output = example
    path = output / SNAPSHOT_NAME
    assert result.outputs == [path, output / MANIFEST_FILE]     # the snapshot, then the build's record
    assert path.read_bytes() == encode(result.snapshot) == encode(stored)
    assert stored == result.snapshot
    report = stored.report
    assert (report.title, report.version, report.status, report.date) == (
        "Pilots stelselvernieuwing in beeld", "0.3", "concept", dt.date(2022, 10, 14))
    assert '"date": "2022-10-14"' in path.read_text(encoding="utf-8")


def test_every_answer_has_its_value_and_source_and_a_correction_its_reason(stored):
    answers = stored.pilots["berekenjescheiding"].answers
    assert answers["K1"] == AnswerRecord("scheiden", SourceRecord("codering", "codering.xlsx", "Codering", "C6"),
                                         text="Scheiden / familierecht")
    assert answers["P6"].value == "2020-10-01" and answers["P6"].shown == "1 oktober 2020"
    assert answers["A9"].value == MultiValue(["hjl", "advocatuur", "mediators", "raad"], None)
    line = INPUTS.joinpath("correcties.yaml").read_text(encoding="utf-8").splitlines().index("- pilot: P18") + 1
    corrected = stored.pilots["P18"].answers["A8"]
    assert corrected.value == 67 and corrected.shown == "67"
    assert corrected.source == SourceRecord("correctie", "correcties.yaml", None, f"regel {line}")
    assert isinstance(corrected.correction, CorrectionRecord)
    assert corrected.correction.round == "Reflectiegroep concept 0.2"


def test_personal_data_stays_out_of_the_snapshot(example, stored):
    _, output = example
    leaders = [str(p.value("P5")) for p in read_inputs(INPUTS).pilots if p.value("P5")]
    assert leaders
    text = (output / SNAPSHOT_NAME).read_text(encoding="utf-8")
    assert not [leader for leader in leaders if leader in text]
    assert all("P5" not in pilot.answers for pilot in stored.pilots.values())


def test_figures_hold_their_number_title_and_counts(stored):
    pilots = read_inputs(INPUTS).pilots
    k1 = stored.figures["K1"]
    assert k1.number == 1 and k1.title == "Verdeling pilots naar rechtsgebied of domein"
    counts = {c.code: c.count for c in k1.categories}
    assert counts == distribution(pilots, "K1").counts and counts["scheiden"] == 6
    assert k1.categories[0].label == "Scheiden / familierecht"
    a10 = stored.figures["A10"]
    assert a10.not_answered == distribution(pilots, "A10").not_answered > 0


def test_paragraphs_are_keyed_by_section_with_hash_text_and_number_sentences(stored):
    themes = stored.sections["themas"]
    assert (themes.number, themes.title) == ("2.1", "Inhoudelijke thema's en doelgroepen")
    first = themes.paragraphs[0]
    assert first.hash == text_hash(first.text) and not first.box
    assert first.text.startswith("De pilots bestrijken een breed palet aan rechtsgebieden en domeinen (figuur 1).")
    assert "Zes pilots gaan over scheiden en familierecht, vijf over de eerste lijn in brede zin." \
        in first.number_sentences
    assert stored.sections["bijlage-a"].number == "Bijlage A"


def test_info_box_texts_are_marked_as_box_paragraphs(stored):
    boxed = [p.text for section in stored.sections.values() for p in section.paragraphs if p.box]
    assert boxed and all(p.box for section in stored.sections.values() for p in section.paragraphs
                         if p.text in boxed)


def test_factsheets_hold_the_values_a_reader_sees(stored):
    sheet = stored.factsheets["berekenjescheiding"]
    assert sheet.title == "Berekenjescheiding.nl"
    facts = {f.label: (f.value, f.origin) for f in sheet.facts}
    assert facts["Thema"] == ("Scheiden / familierecht", "codering")
    assert stored.factsheets["P18"].facts[0].group == "header"
    assert any(f.origin == "correctie" for f in stored.factsheets["P18"].facts)


def test_a_build_without_output_folder_computes_the_snapshot_and_writes_nothing(tmp_path, example, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = build(INPUTS, None, formats=("pdf",))
    assert result.ok and result.outputs == [] and list(tmp_path.iterdir()) == []
    assert encode(result.snapshot) == encode(example[0].snapshot)


def test_an_unreadable_snapshot_is_a_warning_and_skipped(tmp_path, example):
    _, output = example
    folder = tmp_path / "uitvoer"
    folder.mkdir()
    shutil.copy(output / SNAPSHOT_NAME, folder)
    (folder / "oud-v0.1.snapshot.json").write_text("{ kapot", encoding="utf-8")
    (folder / "oud-v0.2.snapshot.json").write_text('{"format": 99}', encoding="utf-8")
    found, problems = stored_snapshots(folder)
    assert [s.version for s in found] == ["0.3"]
    assert [p.file for p in problems] == ["oud-v0.1.snapshot.json", "oud-v0.2.snapshot.json"]
    assert "geen geldige JSON" in problems[0].message and "formaatversie 99" in problems[1].message
    assert not any(p.is_error for p in problems)
    snapshot, problem = load_snapshot(folder / SNAPSHOT_NAME)
    assert problem is None and snapshot.version == "0.3"


def test_the_previous_version_is_the_highest_below_the_current(tmp_path, stored):
    for version, date in (("0.9", "2022-09-01"), ("0.10", "2022-09-15"), ("1.0", "2022-12-01")):
        data = msgspec.structs.replace(stored, report=msgspec.structs.replace(
            stored.report, version=version, date=dt.date.fromisoformat(date)))
        (tmp_path / f"r-v{version}.snapshot.json").write_bytes(encode(data))
    found, _ = stored_snapshots(tmp_path)
    assert [s.version for s in found] == ["0.9", "0.10", "1.0"]
    assert previous_version(found, "0.11").version == "0.10"
    assert previous_version(found, "0.10").version == "0.9"
    assert previous_version(found, "0.9") is None


# ---------------------------------------------------------------- text helpers


def test_plain_text_reads_references_and_footnotes_as_a_reader_does():
    inlines = (Text("Zie "), FigureRef("K1", 3), Text(" en "), SectionRef("plek", "2.2"), Text("."),
               Footnote(4, (Text("Een "), Text("bron", italic=True), Text("."))))
    assert plain_text(inlines) == "Zie figuur 3 en paragraaf 2.2. (voetnoot: Een bron.)"


def test_sentences_and_their_count_words():
    text = "Zes pilots gaan over scheiden. Eén pilot stopte in 2021! Ruim de helft loopt door. Geen cijfers hier? Nee."
    parts = sentences(text)
    assert parts == ["Zes pilots gaan over scheiden.", "Eén pilot stopte in 2021!", "Ruim de helft loopt door.",
                     "Geen cijfers hier?", "Nee."]
    assert [count_words(s) for s in parts] == [("zes",), ("eén", "2021"), ("helft",), ("geen",), ()]
    assert count_words("Er zijn 4.820 vragen en 21 pilots; een pilot telt niet.") == ("4.820", "21")
