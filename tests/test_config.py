"""The report config: the bundled file loads; every mistake names file, line and key in Dutch."""

import datetime as dt
from pathlib import Path

import pytest

from report.engagement.config import load_config

INPUTS = Path(__file__).resolve().parents[1] / "inputs"

VALID = """\
titel: Pilots in beeld
ondertitel: Een momentopname
opdrachtgever: Ministerie van Justitie en Veiligheid
auteurs:
  - A. Auteur
  - B. Schrijver
organisatie: Kompas Beleidsonderzoek
datum: 14-10-2022
versie: 1.10
status: Definitief
versies:
  - versie: 1.0
    datum: 2022-09-30
    wijziging: Eerste versie.
"""


def _load(tmp_path, text):
    (tmp_path / "rapport.yaml").write_text(text, encoding="utf-8")
    return load_config(tmp_path)


def test_the_bundled_config_loads():
    config, problems = load_config(INPUTS)
    assert problems == []
    assert config.meta.title and config.meta.authors and config.meta.status in ("concept", "definitief")


def test_values_are_read_as_text_and_converted(tmp_path):
    config, problems = _load(tmp_path, VALID)
    assert problems == []
    meta = config.meta
    assert meta.version == "1.10"                        # not the float 1.1
    assert meta.date == dt.date(2022, 10, 14)
    assert meta.status == "definitief" and not meta.is_concept
    assert meta.subject == "Een momentopname"            # defaults to the subtitle
    assert meta.history[0].version == "1.0" and meta.history[0].date == dt.date(2022, 9, 30)
    assert config.output_name(".pdf") == "pilots-in-beeld-v1.10.pdf"


def test_a_concept_says_so_in_its_file_name(tmp_path):
    config, _ = _load(tmp_path, VALID.replace("status: Definitief", "status: concept"))
    assert config.output_name(".docx") == "pilots-in-beeld-v1.10-concept.docx"


@pytest.mark.parametrize("old, new, line, words", [
    ("status: Definitief", "status: klaar", "regel 10", ["'status'", "klaar", "concept of definitief"]),
    ("datum: 14-10-2022", "datum: 14 oktober", "regel 8", ["'datum'", "geen datum"]),
    ("versie: 1.10", "versie: v2", "regel 9", ["'versie'", "geen versienummer"]),
    ("ondertitel: Een momentopname", "ondertitl: Een momentopname", "regel 2", ["Onbekende sleutel 'ondertitl'"]),
    ("auteurs:\n  - A. Auteur\n  - B. Schrijver", "auteurs: A. Auteur", "regel 4", ["'auteurs'", "lijst"]),
    ("    wijziging: Eerste versie.\n", "", "regel 12", ["wijziging", "ontbreekt"]),
])
def test_mistakes_name_the_line_and_key(tmp_path, old, new, line, words):
    config, problems = _load(tmp_path, VALID.replace(old, new))
    assert config is None
    [problem] = problems
    assert problem.file == "rapport.yaml" and problem.cell == line and problem.is_error
    for word in words:
        assert word in problem.message


def test_missing_keys_and_invalid_yaml_are_reported(tmp_path):
    _, problems = _load(tmp_path, "titel: Alleen een titel\n")
    assert sorted(p.message.split("'")[1] for p in problems) == sorted(
        ["opdrachtgever", "auteurs", "organisatie", "datum", "versie", "status"])
    _, [problem] = _load(tmp_path, "titel: [onaf\n")
    assert "geen geldige YAML" in problem.message and problem.cell


def test_a_missing_file_is_one_problem(tmp_path):
    config, [problem] = load_config(tmp_path)
    assert config is None and "ontbreekt" in problem.message
