"""The client's change list: a review round built in both formats gives wijzigingen-v0.3-v0.4.docx and .pdf.

The round on a copy of the example: a correction (recode one divorce pilot
as housing), an edited sentence, a renamed section heading, an edited info
box source line and a new title; then version 0.4 is built with DOCX and PDF.
The client's list is read back with python-docx and pypdf: plain Dutch, no
file names or line numbers, places by chapter, section and page, the word
diff as real tracked changes in the DOCX and announced in the PDF's text,
headings and title listed, the box's source line under the edited text.
"""

import datetime as dt
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from click.testing import CliRunner
from pypdf import PdfReader

from report.build import build
from report.cache import CACHE_DIR
from report.cli import main
from report.document import Edit, ListBlock, Metadata, Text
from report.history.changes import compare
from report.history.client import client_document
from report.style import HOUSE_STYLE
from report.write.pdf.html import render_html
from tests.walk import bookmarks
from tests.test_changelog import NEW_SENTENCE, OLD_SENTENCE, _correct, _replace, _set_version, _snapshot

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
STEM = "wijzigingen-v0.3-v0.4"
LABELS = "toegevoegd:|verwijderd:"
REPORT = "pilots-stelselvernieuwing-in-beeld-v0.4-concept"


@pytest.fixture(scope="module")
def round_(example_build, tmp_path_factory):
    root = tmp_path_factory.mktemp("klantlijst")
    inputs, output = root / "inputs", root / "uitvoer"
    shutil.copytree(INPUTS, inputs)
    assert build(inputs, output, formats=()).ok
    shutil.copytree(example_build.pdf.parent / CACHE_DIR, output / CACHE_DIR, dirs_exist_ok=True)  # laid out once
    _correct(inputs, "berekenjescheiding", "K1", "wonen")
    _replace(inputs / "teksten" / "1-inleiding.md", OLD_SENTENCE, NEW_SENTENCE)
    _replace(inputs / "teksten" / "1-inleiding.md", "Bron: Raad voor Rechtsbijstand\n",
             "Bron: Raad voor Rechtsbijstand, 2022\n")
    _replace(inputs / "teksten" / "3-bevindingen.md", "## Voortgang pilots", "## Voortgang van de pilots")
    _replace(inputs / "rapport.yaml", "titel: Pilots stelselvernieuwing in beeld",
             "titel: Pilots stelselvernieuwing tussentijds in beeld")
    _set_version(inputs, "0.4", "2022-11-04")
    result = build(inputs, output, formats=("docx", "pdf"))
    assert result.ok, [p.format() for p in result.problems if p.is_error]
    word = docx.Document(output / f"{STEM}.docx")
    pdf = PdfReader(output / f"{STEM}.pdf")
    return SimpleNamespace(output=output, result=result, word=word, pdf=pdf,
                           pdf_text="\n".join(page.extract_text() for page in pdf.pages),
                           docx_text="\n".join(_text(p) for p in word.element.body.iter(qn("w:p"))))


def _text(paragraph) -> str:
    """A paragraph's text with its tracked insertions and deletions (python-docx leaves both out)."""
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t"), qn("w:delText")))


def test_the_build_writes_the_client_list_beside_the_team_list(round_):
    out = round_.output
    names = [p.name for p in round_.result.outputs]
    stem = "pilots-stelselvernieuwing-tussentijds-in-beeld-v0.4-concept"
    assert names == [f"{stem}.docx", f"{stem}.pdf", f"{STEM}.docx", f"{STEM}.pdf", f"{STEM}.md",
                     f"{stem}.snapshot.json", "bouw.json"]
    assert (out / f"{STEM}.md").read_text(encoding="utf-8").count("correcties.yaml") == 1


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_client_list_is_plain_dutch_without_files_or_lines(round_, fmt):
    text = " ".join(getattr(round_, f"{fmt}_text").split())
    assert "Wat is er veranderd" in text and "Wijzigingen van versie 0.3 naar versie 0.4" in text
    for internal in ("correcties.yaml", ".xlsx", ".md", "regel ", "teksten/", "cel ", "Alinea 1"):
        assert internal not in text, internal
    assert "Berekenjescheiding.nl: Thema" in text
    assert "De pilot richt zich vooral op de woonlasten na een scheiding." in text


def test_places_name_chapter_section_and_the_page_in_the_new_report(round_):
    report = PdfReader(round_.output / "pilots-stelselvernieuwing-tussentijds-in-beeld-v0.4-concept.pdf")
    [page] = [report.get_destination_page_number(item) + 1 for item in bookmarks(report.outline)
              if "Inhoudelijke thema's en doelgroepen" in item.title]
    text = " ".join(round_.pdf_text.split())
    assert (f"Paragraaf 2.1 Inhoudelijke thema's en doelgroepen (hoofdstuk 2 Overzicht van pilots), "
            f"pagina {page}, alinea 1") in text
    assert re.search(r"Figuur 1\. Verdeling pilots naar rechtsgebied of domein, pagina \d+", text)
    assert re.search(r"Berekenjescheiding\.nl, pagina \d+", text)


def _page_in_new_report(round_, title: str) -> int:
    report = PdfReader(round_.output / "pilots-stelselvernieuwing-tussentijds-in-beeld-v0.4-concept.pdf")
    [page] = [report.get_destination_page_number(item) + 1 for item in bookmarks(report.outline)
              if item.title.endswith(title)]
    return page



def test_headings_and_the_title_are_listed(round_):
    text = " ".join(round_.docx_text.split())
    assert "Titel van het rapport" in text
    assert "Pilots stelselvernieuwing in beeld → Pilots stelselvernieuwing tussentijds in beeld" in text
    page = _page_in_new_report(round_, "Voortgang van de pilots")
    assert f"Paragraaf 3.1, pagina {page}" in text and "Voortgang pilots → Voortgang van de pilots" in text


def _marked_runs(word, mark: str) -> list[str]:
    """The text of each tracked insertion ("u", as Word shows it) or deletion ("strike")."""
    tag = qn("w:ins") if mark == "u" else qn("w:del")
    return [_text(change) for change in word.element.body.iter(tag)]


def test_the_docx_word_diff_is_tracked_changes_by_the_program_on_the_reports_date(round_):
    """Defect 8: strikethrough and underline alone; Word's Review pane showed nothing."""
    added, deleted = _marked_runs(round_.word, "u"), _marked_runs(round_.word, "strike")
    assert "tussentijdse" in [t.strip() for t in added] and "voor de reflectiegroep" in [t.strip() for t in added]
    assert "Zes" in [t.strip() for t in deleted] and "Vijf" in [t.strip() for t in added]
    assert "**" not in round_.docx_text and "~~" not in round_.docx_text
    changes = [*round_.word.element.body.iter(qn("w:ins"), qn("w:del"))]
    assert {(c.get(qn("w:author")), c.get(qn("w:date"))) for c in changes} == {
        ("report (make_report.py)", "2022-11-04T00:00:00Z")}
    assert len({c.get(qn("w:id")) for c in changes}) == len(changes)
    assert not [r for r in round_.word.element.body.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:strike')}")
                is not None or r.find(f"{qn('w:rPr')}/{qn('w:u')}") is not None]


def test_the_box_source_line_is_an_edited_paragraph(round_):
    text = " ".join(round_.docx_text.split())
    edited = text[text.index("Bewerkte tekst"):]
    numbers = text[text.index("Andere getallen in de tekst"):text.index("Bewerkte tekst")]
    assert "Bron: Raad voor Rechtsbijstand, 2022" in edited.replace(" , ", ", ")
    assert "Bron: Raad voor Rechtsbijstand" not in numbers
    assert "2022" in [t.strip(" ,") for t in _marked_runs(round_.word, "u")]


def test_the_pdf_announces_the_word_diff_in_its_text(round_):
    """Defect 8: a screen reader heard both versions run together; now each edit is announced (WCAG 1.4.1)."""
    text = re.sub(r"(\w)- (\w)", r"\1\2", " ".join(round_.pdf_text.split()))    # words hyphenated at a line end
    assert ("Dit rapport geeft die toegevoegd: tussentijdse momentopname toegevoegd: voor de reflectiegroep."
            in text)
    assert "verwijderd: Zes toegevoegd: Vijf pilots gaan over scheiden" in text
    html_marks = [t for t in round_.pdf_text.split() if t in ("**", "~~")]
    assert html_marks == []
    with pdfplumber.open(round_.output / f"{STEM}.pdf") as pdf:
        assert _lines_through(pdf, "Zes", "Vijf", "pilots gaan over scheiden") == ({"doorgehaald"}, {"onderstreept"})
        assert _lines_through(pdf, "Vijf", "pilots", "gaan over scheiden") == ({"onderstreept"}, set())


def _lines_through(pdf, first: str, second: str, after: str) -> tuple[set[str], set[str]]:
    """How the lines WeasyPrint draws mark two words that follow each other (an edit's label, not marked,
    may stand between them): struck through or underlined."""
    for page in pdf.pages:
        chars = page.chars
        found = re.search(rf"({first})\s*(?:{LABELS})?\s*({second})\s*{after}", "".join(c["text"] for c in chars))
        if found:
            break
    else:
        raise AssertionError(f"{first} {second} {after} is not in the PDF")

    def marks(group: int) -> set[str]:
        word = chars[found.start(group):found.end(group)]
        x0, x1 = min(c["x0"] for c in word), max(c["x1"] for c in word)
        top, bottom = min(c["top"] for c in word), max(c["bottom"] for c in word)
        height = bottom - top
        return {"doorgehaald" if line["top"] < top + 0.7 * height else "onderstreept" for line in page.lines
                if abs(line["top"] - line["bottom"]) < 1 and line["x0"] <= x0 + 1 and line["x1"] >= x1 - 1
                and top <= line["top"] <= bottom + height / 4}

    return marks(1), marks(2)


def test_the_client_document_uses_edit_marks_not_markup():
    """Built from a ChangeLog alone: every diff is Text with an Edit, and the lists are bullets."""
    meta = Metadata("T", "", "Opdrachtgever", ("A",), "Org", dt.date(2022, 10, 1), "0.2", "concept")
    log = compare(_snapshot("0.1", ["Het gaat goed."]), _snapshot("0.2", ["Het gaat redelijk."]))
    document = client_document(log, meta, {("section", "een"): 7})
    [chapter] = document.chapters
    [section] = chapter.children
    assert section.title == "Bewerkte tekst"
    [block] = section.blocks
    assert isinstance(block, ListBlock)
    [item] = block.items
    assert item.lead == (Text("Hoofdstuk 1 Een, pagina 7, alinea 1"),)
    assert item.content == (Text("Het gaat"), Text(" "), Text("goed", edit=Edit.DELETED), Text(" "),
                            Text("redelijk", edit=Edit.ADDED), Text("."))


def test_the_pdf_html_marks_added_and_deleted_words():
    meta = Metadata("T", "", "Opdrachtgever", ("A",), "Org", dt.date(2022, 10, 1), "0.2", "concept")
    log = compare(_snapshot("0.1", ["Het gaat goed."]), _snapshot("0.2", ["Het gaat redelijk."]))
    document = client_document(log, meta)
    html = render_html(document, HOUSE_STYLE)
    assert ('Het gaat <span class="edit-label">verwijderd: </span><del>goed</del> '
            '<span class="edit-label">toegevoegd: </span><ins>redelijk</ins>.') in html


def test_the_command_writes_the_client_list_between_two_snapshots(round_, tmp_path):
    old, new = (round_.output / f"pilots-stelselvernieuwing{t}-in-beeld-v{v}-concept.snapshot.json"
                for t, v in (("", "0.3"), ("-tussentijds", "0.4")))
    target = tmp_path / "voor-de-opdrachtgever.docx"
    result = CliRunner().invoke(main, ["wijzigingen", str(old), str(new), "-o", str(target),
                                       "--inputs", str(INPUTS)])
    assert result.exit_code == 0, result.output
    word = docx.Document(target)
    text = " ".join(p.text for p in word.paragraphs)
    assert "Wat is er veranderd" in text and "Berekenjescheiding.nl: Thema" in text
    assert not re.search(r"\bpagina \d", text.split("Wat is er veranderd", 1)[1])      # no PDF of the new report at hand
    assert "Scheiden / familierecht" in _marked_runs(word, "strike")
