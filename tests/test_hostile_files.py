"""Hostile and broken workbooks and returned DOCX files: a Dutch message for that file, within 1 GB and 60 s.

Each case is generated (tests/hostile.py) and run as a command in a capped
subprocess; it must end with the expected exit code, name the file (and the
part, cell or question), print no traceback and no terminal escape.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as open_docx

from tests.hostile import (
    assert_refused, cfb_file, deep_elements, entity_bomb, lie_about_size, mark_encrypted, rewrite_part,
    run, small_inputs, tiny_elements, zeros,
)
from tests.workbooks import SHEET_XML, answer_cell, patch_sheet

WORKBOOK = "vragenlijsten/T002.xlsx"


def _bomb(path: Path) -> Path:
    return rewrite_part(path, SHEET_XML, zeros(60))


WORKBOOK_CASES = {
    "an index that lies about a 60 MB part": (lambda p: lie_about_size(_bomb(p), SHEET_XML),
                                               ("beschadigd", SHEET_XML)),
    "an honest 60 MB part": (_bomb, ("te groot", SHEET_XML)),
    "1.2 million tiny elements": (lambda p: rewrite_part(p, SHEET_XML, tiny_elements(1_200_000)),
                                  ("te ingewikkeld", SHEET_XML)),
    "elements nested 10,000 deep": (lambda p: rewrite_part(p, SHEET_XML, deep_elements(10_000)),
                                    ("te ingewikkeld",)),
    "an entity bomb": (lambda p: rewrite_part(p, SHEET_XML, entity_bomb), ("veiligheidsredenen",)),
    "a password-protected entry": (lambda p: mark_encrypted(p, SHEET_XML), ("wachtwoord", SHEET_XML)),
    "an encrypted workbook (CFB)": (cfb_file, ("wachtwoord",)),
}


@pytest.mark.parametrize("case", WORKBOOK_CASES)
def test_a_hostile_workbook_is_a_dutch_error_for_that_file_only(tmp_path, case):
    make, words = WORKBOOK_CASES[case]
    inputs = small_inputs(tmp_path / "invoer")
    make(inputs / WORKBOOK)
    code, output = run("check", "--inputs", str(inputs))
    assert_refused(code, output, "T002.xlsx", *words)
    assert "T001.xlsx" not in output       # the other pilot was read as usual


def test_control_characters_and_escapes_in_a_cell_are_removed_with_a_warning(tmp_path):
    inputs = small_inputs(tmp_path / "invoer", answers={"T002": {"A1": "MARKERING"}})
    path = inputs / WORKBOOK
    cell = answer_cell(path, "A1")
    patch_sheet(path, lambda xml: xml.replace("MARKERING", "een_x000B_twee _x001B_[31mrood"))
    code, output = run("check", "--inputs", str(inputs))
    assert_refused(code, output, "T002.xlsx", f"cel {cell}", "vraag A1", "stuurtekens", exit_code=0)


def test_an_answer_over_ten_thousand_characters_is_an_error_naming_the_question(tmp_path):
    inputs = small_inputs(tmp_path / "invoer", answers={"T002": {"A1": "woord" * 2_001}})
    code, output = run("check", "--inputs", str(inputs))
    assert_refused(code, output, "T002.xlsx", "vraag A1", "te lang (10.005 tekens; hoogstens 10.000)")
    assert len(output) < 5_000            # the message quotes the start of the answer, not all of it


def test_an_escape_sequence_in_a_file_name_never_reaches_the_terminal(tmp_path):
    inputs = small_inputs(tmp_path / "invoer")
    (inputs / "vragenlijsten" / "\x1b[2Jwissen.xlsx").write_text("geen werkboek", encoding="utf-8")
    code, output = run("check", "--inputs", str(inputs))
    assert_refused(code, output, "vragenlijsten/wissen.xlsx", "geen Excel-werkboek")


# ---------------------------------------------------------------- returned DOCX files


def _returned(path: Path) -> Path:
    word = open_docx()
    paragraph = word.add_paragraph("Tekst met een opmerking.")
    word.add_comment(paragraph.runs, text="Klopt dit?", author="Lezer", initials="L")
    word.save(path)
    return path


DOCX_CASES = {
    "an index that lies about a 60 MB document": (
        lambda p: lie_about_size(rewrite_part(_returned(p), "word/document.xml", zeros(60)), "word/document.xml"),
        ("beschadigd", "word/document.xml")),
    "an honest 60 MB document": (lambda p: rewrite_part(_returned(p), "word/document.xml", zeros(60)),
                                  ("te groot", "word/document.xml")),
    "a password-protected comments part": (lambda p: mark_encrypted(_returned(p), "word/comments.xml"),
                                           ("wachtwoord", "word/comments.xml")),
    "an encrypted document (CFB)": (cfb_file, ("beveiligd document",)),
}


@pytest.mark.parametrize("case", DOCX_CASES)
def test_a_hostile_returned_docx_is_a_dutch_error(tmp_path, case):
    make, words = DOCX_CASES[case]
    path = tmp_path / "terug.docx"
    make(path)
    code, output = run("opmerkingen", str(path))
    assert_refused(code, output, "terug.docx", *words)
    assert list(tmp_path.glob("*.xlsx")) == []


def test_a_workbook_given_as_the_returned_docx_is_an_error(tmp_path):
    inputs = small_inputs(tmp_path / "invoer", pilots=1)
    code, output = run("opmerkingen", str(inputs / "codering.xlsx"))
    assert_refused(code, output, "codering.xlsx", "geen Word-document")
