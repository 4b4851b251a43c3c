"""Snapshot files are untrusted: typed records, a checked and bounded read, and a Dutch reason for every refusal.

Each hostile file is generated here (nothing large is committed). A bad
snapshot in the output folder is a warning naming the file and never stops a
build; `wijzigingen` refuses one it is given, in Dutch, with exit code 1.
The memory-hungry cases run in a subprocess under a 1 GB address-space limit.
"""

import json
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import msgspec
import pytest
from click.testing import CliRunner

from report.build import build
from report.cli import main
from report.history import manifest, schema
from report.history.manifest import MANIFEST_FILE, BuildRecord
from report.history.schema import FORMAT, MAX_BYTES, SnapshotError, decode, encode, read
from report.history.versions import stored_snapshots

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"


def _small() -> dict:
    return {
        "format": FORMAT,
        "report": {"title": "Titel", "version": "0.1", "status": "concept", "date": "2022-10-01"},
        "pilots": {"p1": {"name": "Een", "answers": {"B1": {
            "value": "ja", "text": "Ja", "source": {"kind": "vragenlijst", "file": "p1.xlsx",
                                                     "sheet": "Vragenlijst", "cell": "C9"}}}}},
        "figures": {},
        "sections": {"een": {"number": "1", "title": "Een", "paragraphs": [
            {"hash": "abc", "text": "Tekst.", "number_sentences": []}]}},
        "factsheets": {},
    }


def _bytes(data: object) -> bytes:
    return json.dumps(data).encode()


def _refusal(data: bytes) -> str:
    with pytest.raises(SnapshotError) as error:
        decode(data)
    return str(error.value)


def test_a_snapshot_round_trips_through_json_to_the_same_bytes():
    snapshot = decode(_bytes(_small()))
    assert snapshot.pilots["p1"].answers["B1"].shown == "Ja"
    assert snapshot.report.date.isoformat() == "2022-10-01"
    assert decode(encode(snapshot)) == snapshot
    assert encode(decode(encode(snapshot))) == encode(snapshot)
    text = encode(snapshot).decode()
    assert text.endswith("}\n") and '"correction"' not in text and '"box"' not in text   # defaults left out
    assert list(json.loads(text)) == sorted(json.loads(text)) and text.startswith('{\n "factsheets": {},')
    named = decode(_bytes(dict(_small(), report=dict(_small()["report"], title="Één"))))
    assert '"title": "Één"' in encode(named).decode()


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["report"].update(title=3), "verwacht een tekst, gevonden een geheel getal bij report.title"),
    (lambda d: d["report"].update(version="nul.drie"), "geen geldig versienummer bij report.version"),
    (lambda d: d["report"].update(date="gisteren"), "datum"),
    (lambda d: d["report"].update(status="klaar"), "ongeldige waarde"),
    (lambda d: d["pilots"]["p1"].pop("name"), "het veld 'name' ontbreekt bij pilots[...]"),
    (lambda d: d["pilots"]["p1"].update(extra=1), "onbekend veld 'extra' bij pilots[...]"),
    (lambda d: d.update(pilots=[]), "verwacht een object, gevonden een lijst bij pilots"),
    (lambda d: d["sections"]["een"]["paragraphs"][0].update(text=None), "bij sections[...].paragraphs[0].text"),
])
def test_a_snapshot_of_the_wrong_shape_is_refused_in_dutch_naming_the_place(change, expected):
    data = _small()
    change(data)
    message = _refusal(_bytes(data))
    assert message.startswith("Dit snapshotbestand klopt niet met het schema: ") and expected in message
    assert "Expected" not in message and "got" not in message


def test_another_format_version_and_damaged_json_have_their_own_message():
    assert "formaatversie 2, deze pijplijn leest versie 1" in _refusal(_bytes(dict(_small(), format=2)))
    assert "formaatversie onbekend" in _refusal(b"{}")
    assert "geen geldige JSON" in _refusal(_bytes(_small())[:-10])
    assert "geen geldige JSON" in _refusal("é".encode("latin-1"))


def test_deep_nesting_is_refused_without_a_crash():
    deep = b"[" * 100_000 + b"]" * 100_000
    assert "verwacht een object" in _refusal(deep)
    for data in (b'{"format": 1, "pilots": ' + deep + b"}", b'{"x": ' + deep + b', "format": 1}'):
        assert _refusal(data) == "Dit snapshotbestand is te diep genest; zo ziet een snapshot er nooit uit."


def test_a_file_larger_than_the_cap_is_refused_without_reading_it_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(schema, "MAX_BYTES", 1000)
    path = tmp_path / "groot.snapshot.json"
    path.write_bytes(b" " * 5000 + _bytes(_small()))
    with pytest.raises(SnapshotError, match="groter dan"):
        read(path)


def _run_limited(code: str) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter limited to 1 GB of address space and 60 s of CPU."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        resource.setrlimit(resource.RLIMIT_CPU, (60, 60))

    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          preexec_fn=limit, cwd=ROOT, env={"PYTHONPATH": str(ROOT)}, timeout=120)


def test_a_huge_snapshot_file_costs_no_memory(tmp_path):
    """A sparse 1 GB file: the read stops after MAX_BYTES + 1 bytes, far below the 1 GB limit."""
    path = tmp_path / "enorm.snapshot.json"
    with path.open("wb") as file:
        file.truncate(1 << 30)
    assert MAX_BYTES < (1 << 30) // 4
    done = _run_limited(f"""
        from pathlib import Path
        from report.history.schema import SnapshotError, read
        try:
            read(Path({str(path)!r}))
        except SnapshotError as error:
            print(error)
    """)
    assert done.returncode == 0, done.stderr
    assert "groter dan 64 MB" in done.stdout


def test_a_bad_snapshot_is_a_warning_and_never_blocks_the_build(tmp_path):
    output = tmp_path / "uitvoer"
    output.mkdir()
    bad = {"oud-v0.1.snapshot.json": b"[" * 100_000,
           "oud-v0.2.snapshot.json": _bytes(dict(_small(), pilots={"p1": {"name": 5, "answers": {}}}))}
    for name, data in bad.items():
        (output / name).write_bytes(data)
    result = build(INPUTS, output, formats=())
    assert result.ok
    warnings = [p for p in result.problems if p.file in bad]
    assert [p.file for p in warnings] == list(bad) and not any(p.is_error for p in warnings)
    assert result.outputs == [output / "pilots-stelselvernieuwing-in-beeld-v0.3-concept.snapshot.json",
                              output / MANIFEST_FILE]
    assert stored_snapshots(output)[0][0].snapshot == result.snapshot


def test_wijzigingen_refuses_a_bad_snapshot_in_dutch(tmp_path):
    good = tmp_path / "goed.snapshot.json"
    good.write_bytes(_bytes(_small()))
    bad = tmp_path / "kapot.snapshot.json"
    bad.write_bytes(_bytes(dict(_small(), report={"title": "T", "version": "0.2", "status": "concept"})))
    result = CliRunner().invoke(main, ["wijzigingen", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"Fout: {bad}: Dit snapshotbestand klopt niet met het schema: het veld 'date' ontbreekt bij report" \
        in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def test_records_are_immutable():
    snapshot = decode(_bytes(_small()))
    with pytest.raises(AttributeError):
        snapshot.report.title = "Anders"
    assert isinstance(snapshot, msgspec.Struct)


def test_wijzigingen_warns_about_a_bad_snapshot_in_the_folder_and_uses_the_good_ones(tmp_path):
    """The current inputs (version 0.3) against the folder: 0.2 is unreadable, so 0.1 is the previous version."""
    folder = tmp_path / "uitvoer"
    folder.mkdir()
    (folder / "r-v0.1.snapshot.json").write_bytes(_bytes(_small()))
    (folder / "r-v0.2.snapshot.json").write_bytes(b'{"format": 1, "report": ' + b"[" * 50_000)
    records = (BuildRecord(v, "concept", "2026-01-01", (), (), f"r-v{v}.snapshot.json") for v in ("0.1", "0.2"))
    (folder / MANIFEST_FILE).write_bytes(manifest.encode(manifest.Manifest(tuple(records))))
    result = CliRunner().invoke(main, ["wijzigingen", "--inputs", str(INPUTS), "--output", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Waarschuwing: r-v0.2.snapshot.json: Dit snapshotbestand" in result.output
    assert "# Wijzigingen van versie 0.1 naar versie 0.3" in result.output
