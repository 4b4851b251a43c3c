"""The command paths the audit found untested, run as a consultant runs them, on small generated inputs.

`build --processen` and the effect of `--schoon`; `wederhoor` with
`--uiterlijk`, `--contact` and `--output`, and a `--verwerk` that succeeds;
`wijzigingen` with OUD and no NIEUW, writing the client's PDF; `opmerkingen`
on several files without `-o`; a `definitief` build that passes the gate.
Each test checks what the option changes, not only that the command ran.

The build and the fact check also run once as real commands in a process
of their own with an empty temporary folder, which must still be empty
afterwards (the build's workers, WeasyPrint's font folders, LibreOffice's
profile and the fact check's layout all included).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
import yaml
from click.testing import CliRunner
from docx import Document as open_docx
from pypdf import PdfReader

from report import workers as workers_module
from report.build import build
from report.cli import main
from report.figures.registry import figures
from report.engagement.folders import LETTER_FILE
from tests.hostile import small_inputs
from tests.test_factcheck import VALUE_COLUMN, _fill, _form
from tests.workbooks import write_inputs

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "inputs"
STEM = "pilots-stelselvernieuwing-in-beeld-v0.3"
CONTACT = "Mr. A. de Vries, Kompas Beleidsonderzoek"


def _inputs(folder: Path, pilots: int) -> Path:
    """Generated pilots with the bundled report settings, texts and letter."""
    inputs = write_inputs(folder, pilots)
    for name in ("rapport.yaml", "teksten", LETTER_FILE):
        (shutil.copytree if (BUNDLED / name).is_dir() else shutil.copy)(BUNDLED / name, inputs / name)
    return inputs


def _command(*args: str, temporary: Path) -> subprocess.CompletedProcess:
    """make_report.py in a process of its own, whose temporary folder is `temporary`."""
    environment = {**os.environ, "TMPDIR": str(temporary), "PYTHONWARNINGS": "error"}
    return subprocess.run([sys.executable, str(ROOT / "make_report.py"), *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def commands(tmp_path_factory):
    """`build --processen 2` and `wederhoor --uiterlijk --contact --output`, each leaving its temporary
    folder as it found it: empty."""
    root = tmp_path_factory.mktemp("commando")
    inputs, output, temporary = _inputs(root / "invoer", 3), root / "uit", root / "tmp"
    temporary.mkdir()
    built = _command("build", "--inputs", str(inputs), "--output", str(output), "--processen", "2",
                     temporary=temporary)
    after_build = sorted(os.listdir(temporary))
    packets = root / "pakketten"
    checked = _command("wederhoor", "--inputs", str(inputs), "--output", str(packets),
                       "--uiterlijk", "15-01-2027", "--contact", CONTACT, temporary=temporary)
    return SimpleNamespace(inputs=inputs, output=output, packets=packets / "wederhoor", built=built,
                           checked=checked, after_build=after_build, after_check=sorted(os.listdir(temporary)))


def test_a_build_and_the_fact_check_leave_nothing_in_the_temporary_folder(commands):
    assert commands.built.returncode == 0, commands.built.stdout + commands.built.stderr
    assert commands.checked.returncode == 0, commands.checked.stdout + commands.checked.stderr
    assert commands.after_build == [] and commands.after_check == []


def _pools(monkeypatch) -> list[int]:
    """The sizes of the worker pools the builds in this process start (none when one process does all)."""
    pools: list[int] = []
    real = workers_module.ProcessPoolExecutor
    monkeypatch.setattr(workers_module, "ProcessPoolExecutor",
                        lambda count, **options: pools.append(count) or real(count, **options))
    return pools


def test_build_with_processen_1_writes_the_same_pdf_as_2_without_a_pool(commands, tmp_path, monkeypatch):
    pools = _pools(monkeypatch)
    alone = CliRunner().invoke(main, ["build", "--inputs", str(commands.inputs), "--output", str(tmp_path),
                                      "--format", "pdf", "--processen", "1"])
    assert alone.exit_code == 0, alone.output
    assert pools == []
    assert (tmp_path / f"{STEM}-concept.pdf").read_bytes() == (commands.output / f"{STEM}-concept.pdf").read_bytes()


def test_schoon_lays_out_again_what_the_cache_would_give(commands, tmp_path, monkeypatch):
    output = shutil.copytree(commands.output, tmp_path / "uit")
    before = (output / f"{STEM}-concept.pdf").read_bytes()
    pools = _pools(monkeypatch)
    cached = CliRunner().invoke(main, ["build", "--inputs", str(commands.inputs), "--output", str(output),
                                       "--format", "pdf", "--processen", "1"])
    clean = CliRunner().invoke(main, ["build", "--inputs", str(commands.inputs), "--output", str(output),
                                      "--format", "pdf", "--processen", "2", "--schoon"])
    assert cached.exit_code == 0 and clean.exit_code == 0, cached.output + clean.output
    assert pools == [2]
    # three pilots: eleven charts, the front matter, the report part and three factsheets
    reused = [re.search(r"(\d+) van (\d+) figuren en pdf-delen hergebruikt", run.output).groups()
              for run in (cached, clean)]
    assert reused[0][0] == reused[0][1] and int(reused[0][1]) >= len(figures()) + 3
    assert reused[1] == ("0", reused[0][1])
    assert (output / f"{STEM}-concept.pdf").read_bytes() == before


def test_wederhoor_uses_the_date_the_contact_and_the_folder_given(commands):
    assert sorted(p.name for p in commands.packets.iterdir()) == ["T001", "T002", "T003", "overzicht.xlsx"]
    letter = open_docx(commands.packets / "T002" / "brief-T002.docx")
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "uiterlijk 15 januari 2027 terugsturen" in text
    assert text.rstrip().endswith(CONTACT)
    assert not (commands.output / "wederhoor").exists()          # --output, not the build's folder


def test_wederhoor_verwerk_appends_the_returned_values_to_the_corrections(commands, tmp_path):
    inputs = shutil.copytree(commands.inputs, tmp_path / "invoer")
    returned = tmp_path / "terug"
    _fill(_form(commands.packets, "T002"), returned / "formulier T002.xlsx", {"A8": (4321, "Telling tot november")})
    result = CliRunner().invoke(main, ["wederhoor", "--inputs", str(inputs), "--verwerk", str(returned)])
    assert result.exit_code == 0, result.output
    assert "formulier T002.xlsx" in result.output and "A8" in result.output
    [correction] = yaml.safe_load((inputs / "correcties.yaml").read_text(encoding="utf-8"))
    assert correction == {"pilot": "T002", "vraag": "A8", "waarde": "4321", "reden": "Telling tot november",
                          "ronde": "wederhoor", "door": "Pilot T002"}
    form = openpyxl.load_workbook(returned / "formulier T002.xlsx").active
    assert [row[VALUE_COLUMN - 1].value for row in form.iter_rows() if row[0].value == "A8"] == [4321]


def test_wijzigingen_with_only_the_old_snapshot_writes_the_clients_pdf(tmp_path):
    inputs = _inputs(tmp_path / "invoer", 2)
    assert build(inputs, tmp_path / "uit", formats=()).ok
    old = tmp_path / "uit" / f"{STEM}-concept.snapshot.json"
    config = inputs / "rapport.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace('versie: "0.3"', 'versie: "0.4"'),
                      encoding="utf-8")
    (inputs / "correcties.yaml").write_text(
        "- pilot: T001\n  vraag: K1\n  waarde: wonen\n  reden: Herzien.\n  ronde: test\n", encoding="utf-8")
    target = tmp_path / "lijst.pdf"
    result = CliRunner().invoke(main, ["wijzigingen", str(old), "--inputs", str(inputs), "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "Wijzigingen van versie 0.3 naar versie 0.4" in text
    assert "Pilot T001" in text and "Thema" in text and "Wonen" in text
    assert "correcties.yaml" not in text                       # the client's list names no files


def _docx_with_comment(path: Path, author: str, text: str) -> Path:
    word = open_docx()
    word.add_heading("Een ander document", 1)
    paragraph = word.add_paragraph(f"Tekst van {author}.")
    word.add_comment(paragraph.runs, text=text, author=author, initials=author[0])
    word.save(path)
    return path


def test_opmerkingen_on_several_files_writes_the_versions_worklist_among_the_builds(tmp_path):
    builds = tmp_path / "uit"
    assert build(_inputs(tmp_path / "invoer", 2), builds, formats=()).ok          # version 0.3's build record
    first = _docx_with_comment(tmp_path / "anna.docx", "Anna", "Klopt dit getal?")
    second = _docx_with_comment(tmp_path / "bert.docx", "Bert", "Graag een bron.")
    result = CliRunner().invoke(main, ["opmerkingen", str(first), str(second), "--rapporten", str(builds)])
    assert result.exit_code == 0, result.output
    [worklist] = builds.glob("opmerkingen*.xlsx")
    sheet = openpyxl.load_workbook(worklist).active
    values = {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert {"Anna", "Bert", "Klopt dit getal?", "Graag een bron."} <= values


def test_a_definitive_report_that_passes_the_gate_is_written(tmp_path):
    inputs = small_inputs(tmp_path / "invoer", 3)
    config = inputs / "rapport.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("status: concept", "status: definitief"),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--inputs", str(inputs), "--output", str(tmp_path / "uit")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "uit").iterdir() if not p.name.startswith("."))
    assert names == ["bouw.json", f"{STEM}.docx", f"{STEM}.pdf", f"{STEM}.snapshot.json"]      # no -concept
    pdf = PdfReader(tmp_path / "uit" / f"{STEM}.pdf")
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "CONCEPT" not in text.replace(" ", "") and "Pilot T003" in text
    check = CliRunner().invoke(main, ["check", "--inputs", str(inputs), "--publicatie",
                                      "--output", str(tmp_path / "uit")])
    assert check.exit_code == 0, check.output
