"""Change log: a review round on a copy of the example, and the comparison rules on small snapshots.

The round: build version 0.3, then record a correction (recode one divorce
pilot as housing), edit a sentence of the introduction, bump the version to
0.4 and build again into the same folder. The build must write
wijzigingen-v0.3-v0.4.md listing the answer with its correction, Figure 1's
counts, the sentences whose numbers moved, the edited paragraph as a word
diff, and the factsheet.
"""

import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import msgspec
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from report.build import build
from report.history.changes import Words, compare, word_diff
from report.history.markdown import render_markdown
from report.cli import main
from report.history.versions import default_old, stored_snapshots
from report.history.schema import FORMAT, Snapshot, decode
from report.history.snapshot import text_hash

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
OLD_SENTENCE = "Dit rapport geeft die momentopname."
NEW_SENTENCE = "Dit rapport geeft die tussentijdse momentopname voor de reflectiegroep."
REASON = "De pilot richt zich vooral op de woonlasten na een scheiding."
# The round's list, checked by hand against what the round changes: berekenjescheiding leaves divorce (6 -> 5,
# four -> three online products, as it is one) for housing (1 -> 2); one sentence of 1.1 gains two phrases.
EXPECTED_LIST = """\
# Wijzigingen van versie 0.3 naar versie 0.4

*Pilots stelselvernieuwing in beeld*, versie 0.3 (concept, 14 oktober 2022) → versie 0.4 (concept, 4 november 2022)

**Samenvatting:** één gewijzigd antwoord bij één pilot, één figuur met andere aantallen, vier zinnen met andere getallen, één bewerkte alinea en één gewijzigde factsheet.

## Gewijzigde antwoorden

### Berekenjescheiding.nl (berekenjescheiding)

- **K1 Thema**: Scheiden / familierecht → Wonen (bron: correctie (correcties.yaml, regel {line}); reden: De pilot richt zich vooral op de woonlasten na een scheiding. (Reflectiegroep concept 0.3))

## Figuren met andere aantallen

### Figuur 1. Verdeling pilots naar rechtsgebied of domein

- Scheiden / familierecht: 6 → 5
- Wonen: 1 → 2

## Zinnen met andere getallen

### 2.1 Inhoudelijke thema's en doelgroepen

- Alinea 1
  - was: Zes pilots gaan over scheiden en familierecht, vijf over de eerste lijn in brede zin.
  - wordt: Vijf pilots gaan over scheiden en familierecht, vijf over de eerste lijn in brede zin.
  - verschil: <del>Zes</del><ins>Vijf</ins> pilots gaan over scheiden en familierecht, vijf over de eerste lijn in brede zin.
- Alinea 1
  - was: De overige pilots gaan over doorverwijzing van de eerste naar de tweede lijn (één), wonen (één) en inkomen (twee).
  - wordt: De overige pilots gaan over doorverwijzing van de eerste naar de tweede lijn (één), wonen (twee) en inkomen (twee).
  - verschil: De overige pilots gaan over doorverwijzing van de eerste naar de tweede lijn (één), wonen (<del>één</del><ins>twee</ins>) en inkomen (twee).
- Alinea 2
  - was: Van de zes pilots over scheiden zijn er vier een online product, zoals een rekenhulp of een digitaal scheidingsplan.
  - wordt: Van de vijf pilots over scheiden zijn er drie een online product, zoals een rekenhulp of een digitaal scheidingsplan.
  - verschil: Van de <del>zes</del> <ins>vijf</ins> pilots over scheiden zijn er <del>vier</del> <ins>drie</ins> een online product, zoals een rekenhulp of een digitaal scheidingsplan.

### 3.3.2 Online hulpmiddelen vragen een lange aanloop; bij scheiden is de behoefte duidelijk

- Alinea 5
  - was: Van de zes pilots over scheiden zijn er vier online; de andere twee zijn een werkwijze, zoals een gemeentelijk spreekuur met een eigen webpagina.
  - wordt: Van de vijf pilots over scheiden zijn er drie online; de andere twee zijn een werkwijze, zoals een gemeentelijk spreekuur met een eigen webpagina.
  - verschil: Van de <del>zes</del> <ins>vijf</ins> pilots over scheiden zijn er <del>vier</del> <ins>drie</ins> online; de andere twee zijn een werkwijze, zoals een gemeentelijk spreekuur met een eigen webpagina.

## Bewerkte alinea's

### 1.1 Achtergrond

*Alinea 4:* De pilots van de Raad begonnen vanaf juni 2020, de Divosa-pilots vanaf januari 2021. De laatste Divosa-pilot loopt tot december 2022, de laatste pilot van de Raad tot maart 2023; de Divosa-pilots krijgen daarna nog een borgingsfase tot medio 2023. Na afloop van de pilots evalueert JenV de stelselvernieuwing in 2023 als geheel. Omdat die eindevaluatie de pilots pas achteraf beoordeelt, heeft het ministerie behoefte aan een tussentijds beeld: wat wordt er ontwikkeld, hoe staan de pilots ervoor, en wat is nodig om bruikbare resultaten na afloop vast te houden? Dit rapport geeft die <ins>tussentijdse</ins> momentopname <ins>voor de reflectiegroep</ins>.

## Gewijzigde factsheets (bijlage)

- Berekenjescheiding.nl (berekenjescheiding): Thema
"""


def _correct(inputs: Path, pilot: str, qid: str, value: str) -> int:
    """Append a correction to correcties.yaml; the line it starts on."""
    path = inputs / "correcties.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    entry = [f"- pilot: {pilot}", f"  vraag: {qid}", f"  waarde: {value}", f"  reden: {REASON}",
             "  ronde: Reflectiegroep concept 0.3"]
    path.write_text("\n".join(lines + [""] + entry) + "\n", encoding="utf-8")
    return len(lines) + 2


def _set_version(inputs: Path, version: str, date: str) -> None:
    path = inputs / "rapport.yaml"
    text = re.sub(r"(?m)^versie: .*$", f'versie: "{version}"', path.read_text(encoding="utf-8"))
    path.write_text(re.sub(r"(?m)^datum: .*$", f"datum: {date}", text), encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _build(inputs: Path, output: Path):
    result = build(inputs, output, formats=())
    assert result.ok, [p.format() for p in result.problems if p.is_error]
    return result


@pytest.fixture(scope="module")
def review_round(tmp_path_factory):
    root = tmp_path_factory.mktemp("ronde")
    inputs, output = root / "inputs", root / "uitvoer"
    shutil.copytree(INPUTS, inputs)
    first = _build(inputs, output)
    line = _correct(inputs, "berekenjescheiding", "K1", "wonen")
    _replace(inputs / "teksten" / "1-inleiding.md", OLD_SENTENCE, NEW_SENTENCE)
    _set_version(inputs, "0.4", "2022-11-04")
    second = _build(inputs, output)
    path = output / "wijzigingen-v0.3-v0.4.md"
    return SimpleNamespace(inputs=inputs, output=output, first=first, second=second, line=line,
                           path=path, text=path.read_text(encoding="utf-8"),
                           log=compare(first.snapshot, second.snapshot))


def test_the_build_writes_the_list_next_to_the_report(review_round):
    record = review_round.output / "bouw.json"       # the build's record comes last (report.history.manifest)
    assert review_round.second.outputs == [
        review_round.path, review_round.output / "pilots-stelselvernieuwing-in-beeld-v0.4-concept.snapshot.json",
        record]
    assert review_round.text == EXPECTED_LIST.format(line=review_round.line)
    assert review_round.first.outputs == [
        review_round.output / "pilots-stelselvernieuwing-in-beeld-v0.3-concept.snapshot.json", record]


def test_the_list_opens_with_title_versions_dates_and_a_summary(review_round):
    head = review_round.text.splitlines()[:5]
    assert head == [
        "# Wijzigingen van versie 0.3 naar versie 0.4",
        "",
        "*Pilots stelselvernieuwing in beeld*, versie 0.3 (concept, 14 oktober 2022) → versie 0.4 "
        "(concept, 4 november 2022)",
        "",
        "**Samenvatting:** één gewijzigd antwoord bij één pilot, één figuur met andere aantallen, vier zinnen "
        "met andere getallen, één bewerkte alinea en één gewijzigde factsheet.",
    ]


def test_the_corrected_answer_is_listed_with_its_source_and_reason(review_round):
    [pilot] = review_round.log.answers
    [change] = pilot.changes
    assert (pilot.pilot_id, pilot.name) == ("berekenjescheiding", "Berekenjescheiding.nl")
    assert (change.question_id, change.label, change.old, change.new) == ("K1", "Thema", "Scheiden / familierecht",
                                                                          "Wonen")
    assert change.source == f"correctie (correcties.yaml, regel {review_round.line})"
    assert "### Berekenjescheiding.nl (berekenjescheiding)\n\n- **K1 Thema**: Scheiden / familierecht → Wonen " \
           f"(bron: correctie (correcties.yaml, regel {review_round.line}); reden: {REASON} " \
           "(Reflectiegroep concept 0.3))" in review_round.text


def test_the_figure_counts_that_moved(review_round):
    [figure] = review_round.log.figures
    assert (figure.number, figure.key) == (1, "K1")
    assert [(c.label, c.old, c.new) for c in figure.counts] == [("Scheiden / familierecht", 6, 5), ("Wonen", 1, 2)]
    assert "### Figuur 1. Verdeling pilots naar rechtsgebied of domein\n\n- Scheiden / familierecht: 6 → 5\n" \
           "- Wonen: 1 → 2\n" in review_round.text


def test_the_sentences_whose_numbers_moved(review_round):
    changes = [(c.place.section_number, c.place.paragraph, c.old, c.new) for c in review_round.log.sentences]
    assert changes[0] == ("2.1", 1, "Zes pilots gaan over scheiden en familierecht, vijf over de eerste lijn in "
                                    "brede zin.",
                          "Vijf pilots gaan over scheiden en familierecht, vijf over de eerste lijn in brede zin.")
    assert changes[2][:2] == ("2.1", 2) and changes[2][3].startswith("Van de vijf pilots over scheiden zijn er drie")
    assert changes[3][:2] == ("3.3.2", 5) and "Van de vijf pilots over scheiden zijn er drie online" in changes[3][3]
    assert len(changes) == 4
    assert "### 2.1 Inhoudelijke thema's en doelgroepen\n\n- Alinea 1\n  - was: Zes pilots gaan over scheiden" \
        in review_round.text
    assert "\n  - wordt: Vijf pilots gaan over scheiden en familierecht" in review_round.text


def test_the_edited_paragraph_as_a_word_diff(review_round):
    [edit] = review_round.log.paragraphs
    assert (edit.kind, edit.place.section_key, edit.place.section_number) == ("edited", "achtergrond", "1.1")
    assert "### 1.1 Achtergrond" in review_round.text
    assert "Dit rapport geeft die <ins>tussentijdse</ins> momentopname <ins>voor de reflectiegroep</ins>." \
        in review_round.text
    assert not any(s.place.section_key == "achtergrond" for s in review_round.log.sentences)


def test_the_factsheet_that_changed(review_round):
    [sheet] = review_round.log.factsheets
    assert (sheet.pilot_id, sheet.labels) == ("berekenjescheiding", ("Thema",))
    assert review_round.text.endswith("## Gewijzigde factsheets (bijlage)\n\n"
                                      "- Berekenjescheiding.nl (berekenjescheiding): Thema\n")


def test_a_rebuild_of_the_same_version_still_lists_everything_since_the_previous_one(review_round, tmp_path):
    inputs, output = tmp_path / "inputs", tmp_path / "uitvoer"
    shutil.copytree(review_round.inputs, inputs)
    shutil.copytree(review_round.output, output)
    _replace(inputs / "teksten" / "4-borging.md", "De meeste pilots willen door.", "Bijna alle pilots willen door.")
    result = _build(inputs, output)
    text = (output / "wijzigingen-v0.3-v0.4.md").read_text(encoding="utf-8")
    assert result.outputs[0] == output / "wijzigingen-v0.3-v0.4.md"
    assert "- **K1 Thema**: Scheiden / familierecht → Wonen" in text             # from the first 0.4 build
    assert "  - was: De meeste pilots willen door." in text               # a count word came in
    assert sorted(p.name for p in output.glob("*.snapshot.json")) == [
        "pilots-stelselvernieuwing-in-beeld-v0.3-concept.snapshot.json",
        "pilots-stelselvernieuwing-in-beeld-v0.4-concept.snapshot.json"]


# ---------------------------------------------------------------- the command


def test_the_command_compares_the_current_inputs_with_the_previous_version(review_round):
    result = CliRunner().invoke(main, ["wijzigingen", "--inputs", str(review_round.inputs),
                                       "--output", str(review_round.output)])
    assert result.exit_code == 0, result.output
    assert result.output == review_round.text


def test_the_command_compares_two_snapshot_files_and_writes_a_file(review_round, tmp_path):
    old, new = (review_round.output / f"pilots-stelselvernieuwing-in-beeld-v{v}-concept.snapshot.json"
                for v in ("0.3", "0.4"))
    target = tmp_path / "lijst.md"
    result = CliRunner().invoke(main, ["wijzigingen", str(new), str(old), "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Wijzigingen van versie 0.4 naar versie 0.3\n")
    assert "- **K1 Thema**: Wonen → Scheiden / familierecht" in text
    assert "Dit rapport geeft die <del>tussentijdse</del> momentopname <del>voor de reflectiegroep</del>." in text


def test_the_command_explains_a_broken_snapshot_and_a_missing_build(review_round, tmp_path):
    broken = tmp_path / "kapot.snapshot.json"
    broken.write_text("{", encoding="utf-8")
    result = CliRunner().invoke(main, ["wijzigingen", str(broken), "--inputs", str(review_round.inputs)])
    assert result.exit_code == 1 and "Fout:" in result.output and "geen geldige JSON" in result.output
    result = CliRunner().invoke(main, ["wijzigingen", "--inputs", str(review_round.inputs),
                                       "--output", str(tmp_path / "leeg")])
    assert result.exit_code == 1 and "geen eerdere build gevonden" in result.output
    assert "Traceback" not in result.output


def test_without_an_earlier_version_the_command_compares_with_the_last_build(review_round):
    found, _ = stored_snapshots(review_round.output)
    assert default_old(found, "0.4").version == "0.3"
    assert default_old(found, "0.3").version == "0.3"
    assert default_old(found, "0.1") is None


# ---------------------------------------------------------------- comparison rules


def _snapshot(version: str, paragraphs: list[str], answers: dict | None = None, box: bool = False,
              title: str = "Een") -> Snapshot:
    return decode(json.dumps({
        "format": FORMAT,
        "report": {"title": "Titel *met* ster", "version": version, "status": "concept", "date": "2022-10-01"},
        "pilots": {"p1": {"name": "Pilot_een", "answers": answers or {}}},
        "figures": {},
        "sections": {"een": {"number": "1", "title": title, "paragraphs": [
            {"hash": text_hash(t), "text": t, "number_sentences": [], "box": box} for t in paragraphs]}},
        "factsheets": {},
    }).encode())


def test_an_inserted_paragraph_does_not_mark_the_later_ones_as_edited():
    old = _snapshot("0.1", ["Eerste alinea.", "Tweede alinea."])
    new = _snapshot("0.2", ["Nieuwe alinea.", "Eerste alinea.", "Tweede alinea."])
    log = compare(old, new)
    assert [(e.kind, e.place.paragraph, e.words) for e in log.paragraphs] == [
        ("added", 1, (Words("added", "Nieuwe alinea."),))]
    assert "*Alinea 1 (nieuw):* <ins>Nieuwe alinea.</ins>" in render_markdown(log)


def test_a_changed_count_is_a_sentence_change_and_a_changed_word_an_edit():
    old = _snapshot("0.1", ["Zes pilots lopen. Het gaat goed.", "Twee pilots stoppen."])
    new = _snapshot("0.2", ["Vijf pilots lopen. Het gaat redelijk.", "Twee pilots stoppen nu."])
    log = compare(old, new)
    assert [(s.place.paragraph, s.old, s.new) for s in log.sentences] == [
        (1, "Zes pilots lopen.", "Vijf pilots lopen.")]
    assert [e.place.paragraph for e in log.paragraphs] == [1, 2]
    assert render_markdown(log).count("<del>goed</del> <ins>redelijk</ins>") == 1


def test_answers_that_appear_or_disappear_and_markup_in_names():
    source = {"kind": "vragenlijst", "file": "p1.xlsx", "sheet": "Vragenlijst", "cell": "C9"}
    old = _snapshot("0.1", [], {"B1": {"value": "ja", "text": "Ja, op schema", "source": source}})
    new = _snapshot("0.2", [], {"E1": {"value": "Tekst", "source": source}})
    [pilot] = compare(old, new).answers
    assert [(c.question_id, c.old, c.new) for c in pilot.changes] == [("B1", "Ja, op schema", None),
                                                                     ("E1", None, "Tekst")]
    text = render_markdown(compare(old, new))
    assert "→ *niet ingevuld*" in text and "*niet ingevuld* → Tekst" in text
    assert "### Pilot\\_een (p1)" in text and "*Titel \\*met\\* ster*" in text


def test_identical_snapshots_give_an_empty_list():
    snapshot = _snapshot("0.1", ["Een alinea."])
    log = compare(snapshot, snapshot)
    assert log.empty
    assert render_markdown(log).splitlines()[0] == "# Wijzigingen binnen versie 0.1"
    assert "er is niets gewijzigd" in render_markdown(log)


def test_word_diff_keeps_punctuation_apart_and_spacing_intact():
    chunks = word_diff("Zij stoppen.", "Zij stoppen niet.")
    assert chunks == (Words("same", "Zij stoppen"), Words("added", " niet"), Words("same", "."))



def test_an_edit_in_a_box_text_is_an_edited_paragraph_not_a_number_change():
    old = _snapshot("0.1", ["Bron: Raad voor Rechtsbijstand, 2021."], box=True)
    new = _snapshot("0.2", ["Bron: Raad voor Rechtsbijstand en CBS, 2022."], box=True)
    log = compare(old, new)
    assert log.sentences == ()
    [edit] = log.paragraphs
    assert edit.kind == "edited" and Words("added", " en CBS") in edit.words


def test_a_renamed_heading_and_a_changed_title_are_listed():
    old = _snapshot("0.1", ["Tekst."])
    new = msgspec.structs.replace(_snapshot("0.2", ["Tekst."], title="Eerste hoofdstuk"),
                                  report=msgspec.structs.replace(old.report, title="Nieuwe titel", version="0.2"))
    log = compare(old, new)
    assert log.title_changed and [(h.number, h.old, h.new) for h in log.headings] == [("1", "Een", "Eerste hoofdstuk")]
    text = render_markdown(log)
    assert "## Titel en koppen\n\n- Titel: Titel \\*met\\* ster → Nieuwe titel\n- Hoofdstuk 1: Een → Eerste hoofdstuk" \
        in text
    assert "een nieuwe titel en één gewijzigde kop." in text


def test_the_word_diff_renders_as_marked_text_in_commonmark():
    """The v0.3→v0.4 case that showed literal asterisks: a change that starts with punctuation."""
    old = _snapshot("0.1", ["Het loket werkt samen met het bureau."])
    new = _snapshot("0.2", ["Het loket werkt samen met het bureau; sinds kort ook met *gemeenten*."])
    html = MarkdownIt("commonmark").render(render_markdown(compare(old, new)))
    assert "het bureau<ins>; sinds kort ook met *gemeenten*</ins>." in html
    assert "**" not in html and "~~" not in html and "<em>gemeenten" not in html
