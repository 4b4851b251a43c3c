"""The privacy lint: personal data in published free texts is found, masked, and stops a definitive build.

Detection is checked on single texts; the lint and the build on a small
inputs folder written in code (tests/workbooks.py) with the bundled texts,
a rapport.yaml whose status the test chooses, and an answer that holds
personal data.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from report.build import build
from report.cli import main
from report.model import Severity
from report.privacy import privacy_problems
from report.privacy.detect import find_personal_data, mask
from report.privacy.exceptions import EXCEPTIONS_FILE, read_exceptions
from report.read import read_inputs
from report.style import PROJECT_ROOT
from tests.workbooks import answers_for, write_inputs, write_questionnaire

BUNDLED = PROJECT_ROOT / "inputs"
BSN = "111222333"                   # passes the 11-proef
IBAN = "NL91 ABNA 0417 1643 00"     # a valid checksum
PHONE = "06-12345678"
EMAIL = "j.jansen@gemeente.nl"


@pytest.mark.parametrize("text, kind, value", [
    (f"Zijn BSN is {BSN}.", "BSN", BSN),
    ("BSN 1112.22.333 staat in het dossier.", "BSN", "1112.22.333"),
    (f"Mail {EMAIL} voor meer.", "e-mailadres", EMAIL),
    (f"Bel {PHONE} of later.", "telefoonnummer", PHONE),
    ("Bel +31 20 123 4567.", "telefoonnummer", "+31 20 123 4567"),
    ("Bel 020-1234567.", "telefoonnummer", "020-1234567"),
    (f"Rekening {IBAN}.", "IBAN", IBAN),
    ("Adres: Dorpsstraat 12, 1234 AB Utrecht.", "adres (postcode met huisnummer)", "12, 1234 AB"),
    ("Mevrouw De Vries, geboren 12-03-1975, vertelde het.", "geboortedatum", "12-03-1975"),
    ("Contact: J. de Vries (3 maart 1968).", "geboortedatum", "3 maart 1968"),
])
def test_finds_each_kind_of_personal_data(text, kind, value):
    found, = find_personal_data(text)
    assert (found.kind, found.value) == (kind, value)
    assert found.masked != value and found.masked.endswith(value[-2:])


@pytest.mark.parametrize("text", [
    "Zijn nummer is 123456789.",                      # nine digits, but no 11-proef
    "Rekening NL91 ABNA 0417 1643 01.",               # wrong checksum
    "In 2021 hielpen 1200 vrijwilligers 35% van de 3456 rechtzoekenden.",
    "De pilot liep van 12-03-2021 tot 2022-2023.",    # a date, but no birth
    "J. de Vries startte op 12-03-2021.",             # a name, but a date of the pilot
    "De postcode 1234 AB hoort bij de regio.",        # a postcode, no house number
])
def test_numbers_that_only_look_personal_pass(text):
    assert find_personal_data(text) == []


def test_mask_hides_all_but_the_last_two_letters_or_digits():
    assert mask(EMAIL) == "•.••••••@••••••••.nl"
    assert mask(PHONE) == "••-••••••78"


def inputs_with(tmp_path: Path, answer: str, status: str = "definitief", exceptions: str | None = None) -> Path:
    """Five pilots (what the bundled texts need); T001's answer to A1 is `answer`; the bundled texts; rapport.yaml with `status`."""
    inputs = write_inputs(tmp_path / "invoer", 5)
    write_questionnaire(inputs / "vragenlijsten" / "T001.xlsx", {**answers_for("T001"), "A1": answer})
    config = (BUNDLED / "rapport.yaml").read_text(encoding="utf-8")
    (inputs / "rapport.yaml").write_text(config.replace("status: concept", f"status: {status}"), encoding="utf-8")
    shutil.copytree(BUNDLED / "teksten", inputs / "teksten")
    if exceptions is not None:
        (inputs / EXCEPTIONS_FILE).write_text(textwrap.dedent(exceptions), encoding="utf-8")
    return inputs


def test_each_finding_names_pilot_question_and_kind_and_masks_the_value(tmp_path):
    inputs = inputs_with(tmp_path, f"Bel {PHONE} of mail {EMAIL}; BSN {BSN}, rekening {IBAN}.")

    problems = privacy_problems(inputs, read_inputs(inputs).pilots)

    assert [p.message.split(":")[1].split("'")[0].strip() for p in problems] == [
        "telefoonnummer", "e-mailadres", "BSN", "IBAN"]
    for problem in problems:
        assert problem.severity is Severity.ERROR
        assert (problem.file, problem.question_id) == ("vragenlijsten/T001.xlsx", "A1")
        assert problem.message.startswith("Pilot T001: ") and problem.cell
        text = problem.format()
        assert all(value not in text for value in (PHONE, EMAIL, BSN, IBAN, "12345678", "04171643"))


def test_a_definitive_build_refuses_personal_data_and_writes_nothing(tmp_path):
    inputs = inputs_with(tmp_path, f"Contact via {PHONE}.")
    output = tmp_path / "uit"

    result = build(inputs, output)

    assert not result.ok and result.outputs == []
    assert not output.exists() or not any(output.iterdir())
    error, = (p for p in result.problems if p.is_error)
    assert "Pilot T001: telefoonnummer '••-••••••78'" in error.format() and "vraag A1" in error.format()


def test_a_concept_build_shows_personal_data_as_a_warning(tmp_path):
    inputs = inputs_with(tmp_path, f"Contact via {PHONE}.", status="concept")

    result = build(inputs, None)

    assert result.ok and result.document is not None
    warning, = (p for p in result.problems if "telefoonnummer" in p.message)
    assert warning.severity is Severity.WARNING


def test_narrative_lines_are_checked_with_file_and_line(tmp_path):
    inputs = inputs_with(tmp_path, "Geen bijzonderheden.")
    text = inputs / "teksten" / "1-inleiding.md"
    lines = text.read_text(encoding="utf-8").splitlines()
    text.write_text("\n".join([*lines[:2], f"Vragen? Mail {EMAIL}.", *lines[2:]]), encoding="utf-8")

    problem, = privacy_problems(inputs, read_inputs(inputs).pilots)

    assert (problem.file, problem.cell) == ("teksten/1-inleiding.md", "regel 3")
    assert "e-mailadres" in problem.message


def test_an_exception_with_a_reason_lets_a_public_number_pass(tmp_path):
    inputs = inputs_with(tmp_path, "Bel de helpdesk op 0900 8020.", exceptions="""\
        # Openbare gegevens die in het rapport mogen staan.
        - waarde: 0900-8020
          reden: Landelijk nummer van de helpdesk, staat op de website.
        - waarde: 020-1234567
          reden: Oud nummer.
          pilot: T002
        """)

    problems = privacy_problems(inputs, read_inputs(inputs).pilots)

    unused, = problems
    assert (unused.severity, unused.file, unused.cell) == (Severity.WARNING, EXCEPTIONS_FILE, "regel 4")


def test_an_exception_without_a_reason_is_an_error_on_its_line(tmp_path):
    inputs = inputs_with(tmp_path, "Niets.", exceptions="""\
        - waarde: 0900-8020
        - reden: Zonder waarde.
          soort: telefoon
        """)

    allowed, problems = read_exceptions(inputs)

    assert allowed == []
    assert [(p.cell, p.message.split(";")[0].split(".")[0]) for p in problems] == [
        ("regel 1", "De sleutel 'reden' ontbreekt"),
        ("regel 3", "Onbekende sleutel 'soort'"),
        ("regel 2", "De sleutel 'waarde' ontbreekt"),
    ]


def test_check_shows_personal_data_as_a_warning(tmp_path):
    inputs = inputs_with(tmp_path, f"Contact via {PHONE}.")

    result = CliRunner().invoke(main, ["check", "--inputs", str(inputs)])

    assert result.exit_code == 0
    assert "Waarschuwing: blad 'Vragenlijst'" in result.output
    assert "Pilot T001: telefoonnummer '••-••••••78'" in result.output and PHONE not in result.output
