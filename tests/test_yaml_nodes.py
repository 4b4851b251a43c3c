"""The hand-edited YAML files: any common encoding, Dutch syntax messages on their line, bounded reading."""

from __future__ import annotations

import pytest

from report import yaml_nodes
from report.engagement.config import load_config
from report.engagement.folders import CONFIG_FILE, CORRECTIONS_FILE
from report.read.corrections import read_corrections
from tests.test_config import VALID


def _config(tmp_path, data: bytes):
    (tmp_path / CONFIG_FILE).write_bytes(data)
    return load_config(tmp_path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1252", "latin-1"])
def test_rapport_yaml_in_any_common_encoding_is_read(tmp_path, encoding):
    text = VALID.replace("Pilots in beeld", "Pilots in beeld, één overzicht")
    config, problems = _config(tmp_path, ("\ufeff" if encoding == "utf-16-be" else "").encode(encoding) +
                               text.encode(encoding))
    assert problems == [] and config.meta.title == "Pilots in beeld, één overzicht"


@pytest.mark.parametrize("text, line, words", [
    ("titel: Pilots\nondertitel: Pilots: in beeld\n", 2, "dubbele punt met spatie"),
    ("titel: Pilots\nversie \"0.3\"\nstatus: concept\n", 3, "ontbreekt de dubbele punt"),
    ("titel: \"Pilots\n", 2, "aanhalingsteken wordt niet gesloten"),
    ("titel: Pilots\n\tversie: 0.3\n", 2, "gebruik spaties"),
])
def test_a_yaml_syntax_error_in_rapport_yaml_is_dutch_with_its_line(tmp_path, text, line, words):
    config, [problem] = _config(tmp_path, text.encode("utf-8"))
    assert config is None and problem.file == CONFIG_FILE and problem.cell == f"regel {line}"
    assert problem.message.startswith("Dit is geen geldige YAML: ") and words in problem.message
    assert "mapping" not in problem.message and "expected" not in problem.message


@pytest.mark.parametrize("name, reader", [(CONFIG_FILE, lambda path: load_config(path.parent)),
                                          (CORRECTIONS_FILE, read_corrections)])
@pytest.mark.parametrize("text, line, words", [
    ("a: &x [1, 2]\nb: [*x, *x, *x]\n", 1, "verwijzingen (& of *)"),
    ("a: " + "[" * 50 + "]" * 50 + "\n", 1, f"dieper genest dan {yaml_nodes.MAX_DEPTH}"),
    ("a: " + "[" * 100_000 + "\n", 1, "dieper genest"),
])
def test_aliases_and_deep_nesting_are_refused_in_dutch(tmp_path, name, reader, text, line, words):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, [problem] = reader(path)
    assert problem.file == name and problem.cell == f"regel {line}" and words in problem.message


def test_a_file_too_large_to_be_typed_by_hand_is_refused_unread(tmp_path):
    config, [problem] = _config(tmp_path, b"# " + b"x" * yaml_nodes.MAX_BYTES + b"\n")
    assert config is None and problem.cell is None and "groter dan 1 MB" in problem.message


def test_bytes_that_are_no_text_are_an_error(tmp_path):
    config, [problem] = _config(tmp_path, b"titel: \x81\x8d\x8f\n")
    assert config is None and "geen tekst in een bekende tekenset" in problem.message
