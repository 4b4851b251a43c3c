"""The review round keeps the team's own work and finds the right files (issue 20).

Each test is one defect a consultant ran into: the worklist is the team's
document (rows and columns added by hand survive), every command that needs
"the newest report" finds it through the build's record, one worklist per
report version, the fact check's own files in a returned folder, and
commands that change inputs never change the bundled example by default.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
from click.testing import CliRunner
from docx import Document as open_docx
from openpyxl import load_workbook

from bench.synthetic_inputs import write_inputs
from report.build import build
from report.cli import main
from report.comments.merge import read_worklist
from report.comments.places import Entry, Place
from report.comments.returned import Comment
from report.comments.worklist import (
    HEADERS, KEY, NEW_ROW, NUMBER, PILOTS, PRESENCE, REMARK, SHEET, STATUS, entry_row, worklist,
)
from report.factcheck.form import FORM_SHEET
from report.history.changes import compare
from report.history.manifest import MANIFEST_FILE, read_manifest
from report.history.markdown import render_markdown
from report.history.schema import FORMAT, decode
from report.history.snapshot import text_hash
from report.publication.docx import docx_problems
from report.read import read_inputs
from report.workbooks import save_workbook
from report.word_template import styles as S
from tests.conftest import EXAMPLE_INPUTS
from tests.libreoffice import needs_libreoffice
from tests.test_pdf_accessibility import pdfua_findings
from tests.test_factcheck import other_packets  # noqa: F401  (a fixture: packets for four synthetic pilots)
from tests.tracked import emphasise, track


def _invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def _docx(path: Path, *remarks: str) -> Path:
    """A returned file from elsewhere (untraced): one comment per remark."""
    word = open_docx()
    for remark in remarks:
        paragraph = word.add_paragraph(f"Tekst bij {remark}")
        word.add_comment(paragraph.runs, text=remark, author="Lezer", initials="L")
    word.save(path)
    return path


def _sheet(xlsx: Path):
    wb = load_workbook(xlsx)
    ws = wb[SHEET]
    header = next(r for r in range(1, 13) if ws.cell(row=r, column=1).value == NUMBER)
    return wb, ws, header


def worklist_rows(xlsx: Path) -> list[dict]:
    """Every row of a worklist by header, the team's own columns included."""
    _, ws, header = _sheet(xlsx)
    names = [ws.cell(row=header, column=c).value for c in range(1, ws.max_column + 1)]
    return [{name: ws.cell(row=r, column=c).value for c, name in enumerate(names, start=1) if name}
            for r in range(header + 1, ws.max_row + 1)]


def add_by_hand(xlsx: Path, row: dict, column: str | None = None, values: dict | None = None) -> None:
    """What the team does in Excel: a row of its own, and a column of its own with a value per Nr."""
    wb, ws, header = _sheet(xlsx)
    names = [ws.cell(row=header, column=c).value for c in range(1, ws.max_column + 1)]
    if column:
        extra = ws.max_column + 1
        ws.cell(row=header, column=extra, value=column)
        for r in range(header + 1, ws.max_row + 1):
            ws.cell(row=r, column=extra, value=(values or {}).get(ws.cell(row=r, column=1).value))
        names.append(column)
    target = ws.max_row + 1
    for name, value in row.items():
        ws.cell(row=target, column=names.index(name) + 1, value=value)
    wb.save(xlsx)


# ---------------------------------------------------------------- 1, 2: the worklist is the team's document


def test_a_row_the_team_adds_corrupts_no_remark(tmp_path):
    """Defect 1: a row without a Kenmerk made every text start with "(Reactie op None) ", once more per run."""
    first, second = _docx(tmp_path / "a.docx", "Eerste punt."), _docx(tmp_path / "b.docx", "Tweede punt.")
    lijst = tmp_path / "lijst.xlsx"
    assert _invoke("opmerkingen", str(first), "-o", str(lijst)).exit_code == 0
    add_by_hand(lijst, {"Opmerking of wijziging": "Zelf toegevoegd: bron nalopen.", "Toegewezen aan": "Sanne"})
    for path in (second, second, first):
        assert _invoke("opmerkingen", str(path), "-o", str(lijst)).exit_code == 0
    rows = worklist_rows(lijst)
    assert [row[REMARK] for row in rows] == ["Eerste punt.", "Zelf toegevoegd: bron nalopen.", "Tweede punt."]
    assert rows[1]["Toegewezen aan"] == "Sanne" and rows[1][KEY] is None


def test_a_column_the_team_adds_and_its_sorting_and_filter_survive_a_re_read(tmp_path):
    """Defect 2: a column the team added was dropped while the tool said the filled-in columns were kept."""
    returned = _docx(tmp_path / "terug.docx", "Punt een.", "Punt twee.")
    lijst = tmp_path / "lijst.xlsx"
    assert _invoke("opmerkingen", str(returned), "-o", str(lijst)).exit_code == 0
    add_by_hand(lijst, {}, "Prioriteit", {1: "laag", 2: "hoog"})
    wb, ws, header = _sheet(lijst)                     # the team sorts on its column and filters it
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=header + 1, max_row=header + 2)]
    for r, values in enumerate(reversed(rows), start=header + 1):
        for c, value in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=value)
    ws.auto_filter.add_filter_column(ws.max_column - 1, ["hoog", "laag"])
    wb.save(lijst)

    result = _invoke("opmerkingen", str(returned), "-o", str(lijst))

    assert result.exit_code == 0 and "ingevulde kolommen zijn behouden" in result.output
    rows = worklist_rows(lijst)
    assert [(row[NUMBER], row["Prioriteit"]) for row in rows] == [(2, "hoog"), (1, "laag")]
    _, ws, header = _sheet(lijst)
    assert ws.cell(row=header, column=ws.max_column).value == "Prioriteit"
    assert [f.colId for f in ws.auto_filter.filterColumn] == [ws.max_column - 1]


def test_new_stays_until_the_status_is_set(tmp_path):
    """Defect 7 (first part): *nieuw* disappeared on the next run although nobody looked at the row."""
    first, second = _docx(tmp_path / "a.docx", "Een."), _docx(tmp_path / "b.docx", "Twee.", "Drie.")
    lijst = tmp_path / "lijst.xlsx"
    _invoke("opmerkingen", str(first), "-o", str(lijst))
    _invoke("opmerkingen", str(second), "-o", str(lijst))
    wb, ws, header = _sheet(lijst)
    status = [ws.cell(row=header, column=c).value for c in range(1, ws.max_column + 1)].index(STATUS) + 1
    ws.cell(row=header + 2, column=status, value="in behandeling")       # "Twee." has been looked at
    wb.save(lijst)
    _invoke("opmerkingen", str(first), "-o", str(lijst))
    assert {row[REMARK]: row[PRESENCE] for row in worklist_rows(lijst)} == {"Een.": None, "Twee.": None,
                                                                         "Drie.": NEW_ROW}


# ---------------------------------------------------------------- 3: the newest report through the build's record


def _decoy_pair(folder: Path, stem: str) -> None:
    """A change list's DOCX and PDF, written after the report (as the build writes them)."""
    word = open_docx()
    word.add_heading("Wijzigingen", 1)
    word.save(folder / f"{stem}.docx")
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(folder / f"{stem}.pdf")
    later = (folder / f"{stem}.pdf").stat().st_mtime + 60
    for suffix in (".docx", ".pdf"):
        os.utime(folder / f"{stem}{suffix}", (later, later))


def test_vergelijk_and_the_gate_read_the_report_not_the_change_list(example_build, tmp_path):
    """Defect 3: they took the newest same-named DOCX/PDF pair, which is the change list."""
    out = shutil.copytree(example_build.docx.parent, tmp_path / "uit", ignore=shutil.ignore_patterns(".cache"))
    _decoy_pair(out, "wijzigingen-v0.2-v0.3")

    compared = _invoke("vergelijk", "--output", str(out))
    assert compared.exit_code == 0, compared.output
    assert f"Vergeleken: {example_build.docx.name} en {example_build.pdf.name}" in compared.output

    gate = _invoke("check", "--publicatie", "--output", str(out), "--inputs", str(EXAMPLE_INPUTS))
    assert gate.exit_code == 1
    assert "merkteken 'correctie'" in gate.output and "wijzigingen-v0.2-v0.3" not in gate.output


def test_a_damaged_build_record_is_a_dutch_error(tmp_path):
    (tmp_path / MANIFEST_FILE).write_text('{"formaat": 1, "builds": [{"rapport": ["../x"]}]}', encoding="utf-8")
    for args in (["vergelijk"], ["check", "--publicatie", "--inputs", str(EXAMPLE_INPUTS)]):
        result = _invoke(*args, "--output", str(tmp_path))
        assert result.exit_code == 1 and "geen leesbare buildregistratie" in result.output, result.output


# ---------------------------------------------------------------- 5: one worklist per version; the packet folder


def _commented_copy(docx: Path, target: Path, remark: str, author: str) -> Path:
    word = open_docx(docx)
    paragraph = next(p for p in word.paragraphs if p.text.startswith("Wij geven bewust geen"))
    word.add_comment(paragraph.runs, text=remark, author=author, initials=author[:2])
    word.save(target)
    return target


def test_every_opmerkingen_call_merges_into_the_versions_worklist_that_the_gate_finds(example_build, tmp_path):
    """Defect 5: one file wrote TERUG-opmerkingen.xlsx beside it, two files a new opmerkingen.xlsx, and the
    open-remarks check looked only in output/."""
    out = shutil.copytree(example_build.docx.parent, tmp_path / "uit", ignore=shutil.ignore_patterns(".cache"))
    back = tmp_path / "terug"
    back.mkdir()
    anna = _commented_copy(example_build.docx, back / "anna.docx", "Bron?", "Anna Jansen")
    bert = _commented_copy(example_build.docx, back / "bert.docx", "Klopt dit?", "Bert de Boer")
    version = read_manifest(out).newest.version
    lijst = out / f"opmerkingen-v{version}.xlsx"

    assert _invoke("opmerkingen", str(anna), "--rapporten", str(out)).exit_code == 0
    wb, ws, header = _sheet(lijst)
    assigned = [ws.cell(row=header, column=c).value for c in range(1, ws.max_column + 1)].index("Toegewezen aan")
    ws.cell(row=header + 1, column=assigned + 1, value="Jeroen")
    wb.save(lijst)
    assert _invoke("opmerkingen", str(anna), str(bert), "--rapporten", str(out)).exit_code == 0

    assert sorted(back.iterdir()) == [anna, bert]
    rows = {row[REMARK]: row for row in worklist_rows(lijst)}
    assert rows["Bron?"]["Toegewezen aan"] == "Jeroen" and set(rows) == {"Bron?", "Klopt dit?"}
    gate = _invoke("check", "--publicatie", "--output", str(out), "--inputs", str(EXAMPLE_INPUTS))
    assert f"{lijst.name}" in gate.output and "Opmerking 1 staat nog op 'open'" in gate.output


def fill_form(form: Path, question_id: str, value: object, reason: str) -> None:
    workbook = load_workbook(form)
    for row in workbook[FORM_SHEET].iter_rows():
        if row[0].value == question_id:
            row[3].value, row[4].value = value, reason
    workbook.save(form)


def test_verwerk_reads_the_forms_in_the_packet_folder_itself(other_packets, tmp_path):
    """Defect 5: the project's own overview.xlsx was refused as "geen wederhoorformulier" and nothing was processed."""
    inputs, root, _ = other_packets
    inputs = shutil.copytree(inputs, tmp_path / "invoer")
    root = shutil.copytree(root, tmp_path / "wederhoor")
    pilot = read_inputs(inputs).pilots[0]
    fill_form(root / pilot.id / f"wederhoorformulier-{pilot.id}.xlsx", "A8", 987, "Geteld in december")

    result = _invoke("wederhoor", "--inputs", str(inputs), "--verwerk", str(root))

    assert result.exit_code == 0, result.output
    assert "geen wederhoorformulier" not in result.output and "overzicht van de pakketten is overgeslagen" in result.output
    assert read_inputs(inputs).pilots[0].value("A8") == 987


# ---------------------------------------------------------------- 6: the bundled example is never changed by default


def test_commands_that_change_inputs_refuse_the_bundled_example_by_default(tmp_path):
    """Defect 6: --toepassen and --verwerk wrote into the bundled example when --inputs was left out."""
    word = open_docx()
    track(word.add_paragraph("Een tekst van elders."), "elders", "buiten", "Lezer")
    word.save(tmp_path / "terug.docx")
    (tmp_path / "formulieren").mkdir()
    before = {p: p.read_bytes() for p in EXAMPLE_INPUTS.rglob("*") if p.is_file()}

    applied = _invoke("opmerkingen", str(tmp_path / "terug.docx"), "--toepassen", "-o", str(tmp_path / "l.xlsx"))
    processed = _invoke("wederhoor", "--verwerk", str(tmp_path / "formulieren"))

    for result, option in ((applied, "--toepassen"), (processed, "--verwerk")):
        assert result.exit_code == 1 and f"{option} verandert de invoer; noem de invoermap met --inputs" in result.output
    assert {p: p.read_bytes() for p in EXAMPLE_INPUTS.rglob("*") if p.is_file()} == before
    assert not (tmp_path / "l.xlsx").exists()
    named = _invoke("wederhoor", "--verwerk", str(tmp_path / "formulieren"), "--inputs", str(EXAMPLE_INPUTS))
    assert named.exit_code == 0 and "geen formulieren gelezen" in named.output


# ---------------------------------------------------------------- the whole round, and no placeholder in any output


_TEMPLATE_SYNTAX = ("{{", "}}", "{%", "%}", "{#", "[[", "]]", S.RUNNING_HEAD)


def _visible_text(path: Path) -> str:
    """What a reader of the file can see, whatever its format (every part of a DOCX: headers too)."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as package:
            return "\n".join(package.read(name).decode("utf-8") for name in package.namelist()
                             if name.startswith("word/") and name.endswith(".xml"))
    if path.suffix == ".pdf":
        document = pdfium.PdfDocument(path)
        try:
            return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
        finally:
            document.close()
    if path.suffix == ".xlsx":
        wb = load_workbook(path)
        return "\n".join(str(cell.value) for ws in wb for row in ws.iter_rows() for cell in row if cell.value)
    return path.read_text(encoding="utf-8")


def _leftovers(folder: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".docx", ".pdf", ".xlsx", ".md") and ".cache" not in path.parts:
            text = _visible_text(path)
            if hits := [marker for marker in _TEMPLATE_SYNTAX if marker in text]:
                found[str(path.relative_to(folder))] = hits
    return found


def _set(inputs: Path, **values: str) -> None:
    path = inputs / "rapport.yaml"
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        text = re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", text)
    path.write_text(text, encoding="utf-8")


def _statuses(xlsx: Path, status: str) -> None:
    wb, ws, header = _sheet(xlsx)
    column = [ws.cell(row=header, column=c).value for c in range(1, ws.max_column + 1)].index(STATUS) + 1
    for row in range(header + 1, ws.max_row + 1):
        ws.cell(row=row, column=column, value=status)
    wb.save(xlsx)


ROUND_PILOTS = 10


@needs_libreoffice
def test_a_whole_review_round_loses_nothing(tmp_path):
    """Two reviewers (Word, and LibreOffice saving again), the worklist edited by hand, --toepassen, the
    fact check with a form, a version bump and a definitive build. The round runs on generated pilots
    under the example's texts and config (bench/synthetic_inputs.py): what it tests holds for any report,
    and the fact check's packets and the builds of thirty pilots cost three times as much. Ten is the
    fewest whose report fills every placeholder of the example's texts, as a definitive build requires."""
    inputs = write_inputs(ROUND_PILOTS, tmp_path / "invoer")
    out = tmp_path / "uit"
    first = build(inputs, out)
    assert first.ok, [problem.format() for problem in first.problems if problem.is_error]
    [built] = [path for path in first.outputs if path.suffix == ".docx"]
    back = tmp_path / "terug"
    back.mkdir()
    word = open_docx(built)
    progress = next(p for p in word.paragraphs if "coronamaatregelen" in p.text)
    track(progress, "coronamaatregelen", "maatregelen tegen corona", "Anna Jansen")
    word.add_comment(progress.runs[1:3], text="Zijn het er niet zeven?", author="Anna Jansen", initials="AJ")
    word.save(back / "anna.docx")
    word = open_docx(built)
    planning = next(p for p in word.paragraphs if p.text.startswith("Wij geven bewust geen"))
    track(planning, "bewust ", "", "Bert de Boer")
    word.add_comment(planning.runs, text="Bron van de data?", author="Bert de Boer", initials="BB")
    word.save(tmp_path / "bert.docx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(back), str(tmp_path / "bert.docx")],
                   check=True, capture_output=True, timeout=180)
    lijst = out / "opmerkingen-v0.3.xlsx"

    # the worklist: one reviewer, the team's own row and column, the other reviewer, then apply both
    assert _invoke("opmerkingen", str(back / "anna.docx"), "--rapporten", str(out)).exit_code == 0
    add_by_hand(lijst, {REMARK: "Zelf: figuur 3 nalopen.", "Toegewezen aan": "Sanne"}, "Prioriteit", {1: "hoog"})
    assert _invoke("opmerkingen", str(back / "bert.docx"), "--rapporten", str(out)).exit_code == 0
    applied = _invoke("opmerkingen", str(back / "anna.docx"), str(back / "bert.docx"), "--toepassen",
                      "--inputs", str(inputs), "--rapporten", str(out))
    assert "Wijzigingen in de teksten: 2 toegepast of al verwerkt, 0 niet toegepast." in applied.output
    rows = worklist_rows(lijst)
    assert len(rows) == 5 and not [row for row in rows if "Reactie op" in str(row[REMARK])]
    assert {row[REMARK] for row in rows} >= {"Zijn het er niet zeven?", "Bron van de data?", "Zelf: figuur 3 nalopen."}
    assert [row["Prioriteit"] for row in rows if row[NUMBER] == 1] == ["hoog"]
    bevindingen = (inputs / "teksten" / "3-bevindingen.md").read_text(encoding="utf-8")
    assert "maatregelen tegen corona" in bevindingen and "bewust " not in bevindingen

    # the fact check: packets out, one form back in the packet folder itself
    assert _invoke("wederhoor", "--inputs", str(inputs), "--output", str(out)).exit_code == 0
    pilot = read_inputs(inputs).pilots[0]
    fill_form(out / "wederhoor" / pilot.id / f"wederhoorformulier-{pilot.id}.xlsx", "A8", 4321, "Telling november")
    processed = _invoke("wederhoor", "--inputs", str(inputs), "--verwerk", str(out / "wederhoor"))
    assert processed.exit_code == 0 and "Toegevoegd aan correcties.yaml (1)" in processed.output, processed.output

    # a new version: its change list beside it, and every command finds the report through the record
    _set(inputs, versie='"0.4"', datum="2022-11-04")
    assert _invoke("build", "--inputs", str(inputs), "--output", str(out)).exit_code == 0
    newest = read_manifest(out).newest
    assert (newest.version, newest.changes) == ("0.4", ("wijzigingen-v0.3-v0.4.docx", "wijzigingen-v0.3-v0.4.pdf",
                                                        "wijzigingen-v0.3-v0.4.md"))
    compared = _invoke("vergelijk", "--output", str(out))
    assert compared.exit_code == 0 and f"Vergeleken: {newest.reports[0]}" in compared.output
    changes = _invoke("wijzigingen", "--inputs", str(inputs), "--output", str(out)).output
    assert "van versie 0.3 naar versie 0.4" in changes and "Telling november" in changes
    assert "maatregelen tegen corona" in changes
    gate = _invoke("check", "--publicatie", "--inputs", str(inputs), "--output", str(out))
    assert gate.exit_code == 1 and "opmerkingen-v0.3.xlsx" in gate.output and "merkteken 'correctie'" in gate.output

    # the definitive report, once every remark is done
    _statuses(lijst, "verwerkt")
    _set(inputs, versie='"1.0"', datum="2022-12-01", status="definitief")
    final = _invoke("build", "--inputs", str(inputs), "--output", str(out))
    assert final.exit_code == 0, final.output
    record = read_manifest(out)
    assert [b.version for b in record.builds] == ["0.3", "0.4", "1.0"]
    word = open_docx(out / record.newest.report(".docx"))
    assert any("maatregelen tegen corona" in p.text for p in word.paragraphs)
    assert not any(p.text.startswith("Wij geven") and "totaal of gemiddelde" in p.text and "bewust " in p.text for p in word.paragraphs)
    rows = worklist_rows(lijst)
    assert len(rows) == 5 and {row["Toegewezen aan"] for row in rows} >= {"Sanne"}
    assert _leftovers(out) == {}
    packet = out / "wederhoor" / pilot.id / f"factsheet-{pilot.id}.pdf"
    for pdf in (out / record.newest.report(".pdf"), out / "wijzigingen-v0.4-v1.0.pdf", packet):
        assert pdfua_findings(pdf) == [], pdf.name


def test_a_correction_badge_in_the_docx_names_its_factsheet():
    """Defect 7: gate findings for a *correctie* badge in the DOCX did not name the pilot."""
    word = open_docx()
    word.add_heading("Bijlage A Factsheets", 1)
    for pilot, value in (("Pilot Een", "12"), ("Pilot Twee", "42 correctie")):
        band = word.add_table(rows=1, cols=1)
        band.cell(0, 0).paragraphs[0].text = pilot
        band.cell(0, 0).paragraphs[0].style = word.styles["Heading 2"]
        facts = word.add_table(rows=1, cols=2)
        facts.cell(0, 0).text, facts.cell(0, 1).text = "Aantal", value
    buffer = io.BytesIO()
    word.save(buffer)
    [badge] = [p for p in docx_problems(buffer.getvalue(), "r.docx", publication=True) if "correctie" in p.message]
    assert badge.cell == "onder 'Pilot Twee'"


def test_a_long_pilot_list_is_summarised_with_the_full_list_in_the_cells_comment(tmp_path):
    """Defect 7: a figure comment's pilots cell ran to 1,600 characters."""
    full = "; ".join(f"{bar}: " + ", ".join(f"P{n:03} (Pilot met een lange naam {n})" for n in range(12))
                     for bar in ("Ja", "Nee", "Deels", "Onbekend"))
    comment = Comment("1", "Lezer", "L", None, "Titel inkorten.", "Figuur 3", None, None)
    row = {**entry_row(Entry(1, comment, Place("Figuur 3", ""), None), "terug.docx", pilots=full), NUMBER: 1}
    lijst = tmp_path / "lijst.xlsx"
    save_workbook(worklist([row], "terug.docx"), lijst)

    wb, ws, header = _sheet(lijst)
    cell = ws.cell(row=header + 1, column=HEADERS.index(PILOTS) + 1)
    assert len(full) > 1000 and len(cell.value) < 700 and cell.value.startswith("Ja: P000")
    assert cell.value.endswith("… (volledige lijst: zie de opmerking bij deze cel)") and ", P" in cell.value
    assert cell.comment.text == full
    [again] = read_worklist(lijst).rows
    assert again[PILOTS] == full


def test_a_formatting_only_change_gets_a_row_of_its_own_and_is_never_applied(example_build, tmp_path):
    """Defect 7: a reviewer's formatting-only change was dropped without a row."""
    word = open_docx(example_build.docx)
    planning = next(p for p in word.paragraphs if p.text.startswith("Wij geven bewust geen"))
    emphasise(planning, "Wij geven bewust geen", "Anna Jansen")
    word.save(tmp_path / "anna.docx")
    inputs = tmp_path / "invoer"
    shutil.copytree(EXAMPLE_INPUTS / "teksten", inputs / "teksten")
    before = {p: p.read_bytes() for p in inputs.rglob("*.md")}

    result = _invoke("opmerkingen", str(tmp_path / "anna.docx"), "--toepassen", "--inputs", str(inputs),
                     "-o", str(tmp_path / "lijst.xlsx"))

    assert result.exit_code == 0, result.output
    [row] = worklist_rows(tmp_path / "lijst.xlsx")
    assert (row["Soort"], row["Oude tekst"], row["Auteur"]) == ("opmaak", "Wij geven bewust geen", "Anna Jansen")
    assert row["Verwerking in de tekst"].startswith("niet toegepast: alleen de opmaak is veranderd")
    assert row["Plaats (hoofdstuk/paragraaf)"].startswith("3.")
    assert {p: p.read_bytes() for p in inputs.rglob("*.md")} == before


def _numbered(version: str, sentence: str):
    return decode(json.dumps({
        "format": FORMAT,
        "report": {"title": "T", "version": version, "status": "concept", "date": "2022-10-01"},
        "pilots": {}, "figures": {}, "factsheets": {},
        "sections": {"een": {"number": "1", "title": "Een", "paragraphs": [
            {"hash": text_hash(sentence), "text": sentence, "number_sentences": [sentence], "box": False}]}},
    }).encode())


def test_a_word_replaced_beside_changed_numbers_is_marked_in_the_team_list():
    """Defect 7: in the team's change list a one-word replacement ("inmiddels" → "intussen") was not marked."""
    log = compare(_numbered("0.1", "Acht pilots zijn inmiddels gestart."),
                  _numbered("0.2", "Zeven pilots zijn intussen gestart."))
    assert ("  - verschil: <del>Acht</del><ins>Zeven</ins> pilots zijn <del>inmiddels</del> <ins>intussen</ins> "
            "gestart.") in render_markdown(log)
