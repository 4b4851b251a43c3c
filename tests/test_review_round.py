"""A review round: tracked changes read and applied, worklists merged, numbers traced to pilots.

The returned files are the example report (tests/conftest.py) with tracked
changes and comments added by XML through python-docx, as Word writes them,
and the same file after a LibreOffice round trip.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from openpyxl import Workbook, load_workbook

from report.cli import main
from report.comments.align import align, segments
from report.comments.places import entries, pilots_behind
from report.comments.returned import read_returned
from report.comments.worklist import COLUMNS, SHEET, identity
from report.document import Figure, Paragraph, Text
from report.narrative.markdown import Placements, convert, number_texts, parse
from report.narrative.placeholders import render_text
from report.read import read_inputs
from report.word_template import styles as S
from report.write.docx.package import footnotes_part
from tests.conftest import EXAMPLE_INPUTS
from tests.test_narrative import PILOTS
from tests.walk import docx_heading
from tests.tracked import insert, isolate, track
from tests.libreoffice import libreoffice_convert, needs_libreoffice

VOORTGANG = "teksten/3-bevindingen.md"


def _paragraph(word, start: str):
    return next(p for p in word.paragraphs if p.text.startswith(start))


def _sentence_with_eight(document) -> tuple[str, Text]:
    """The example's sentence on delayed pilots and the Text holding its counts."""
    def walk(sections):
        for section in sections:
            yield from section.blocks
            yield from walk(section.children)
    for block in walk(document.chapters):
        if isinstance(block, Paragraph):
            for inline in block.content:
                if isinstance(inline, Text) and "pilots lopen vertraging op" in inline.text:
                    return block, inline
    raise AssertionError("sentence not found")


@pytest.fixture(scope="module")
def reviewed(example_build, tmp_path_factory):
    """Reviewer A: a literal replacement, an edit of a computed number, an insertion and a
    deletion, and a comment on the sentence with the numbers. Reviewer B: another comment."""
    folder = tmp_path_factory.mktemp("ronde")
    word = open_docx(example_build.docx)
    progress = _paragraph(word, "De helft van de pilots")
    track(progress, "Acht", "Zeven", "Anna Jansen")
    track(progress, "coronamaatregelen", "maatregelen tegen corona", "Anna Jansen")
    planning = _paragraph(word, "Wij geven bewust geen")
    insert(planning, "De pilots tellen", "Kort gezegd: ", "Anna Jansen")
    track(planning, "bewust ", "", "Anna Jansen")
    word.add_comment(progress.runs[1:4], text="Zijn het er niet zeven?", author="Anna Jansen", initials="AJ")
    word.save(folder / "anna.docx")

    word = open_docx(example_build.docx)
    word.add_comment(_paragraph(word, "Wij geven bewust geen").runs, text="Bron van de data?",
                     author="Bert de Boer", initials="BB")
    eight = isolate(_paragraph(word, "De helft van de pilots"), "Acht pilots lopen vertraging op")
    word.add_comment([eight], text="Het zijn er zeven.", author="Bert de Boer", initials="BB")
    word.save(folder / "bert.docx")
    inputs = folder / "invoer"
    shutil.copytree(EXAMPLE_INPUTS / "teksten", inputs / "teksten")
    return folder, inputs


def _run(*args: str):
    result = CliRunner().invoke(main, ["opmerkingen", *args])
    assert "Traceback" not in result.output
    return result


def _rows(xlsx: Path) -> list[dict]:
    ws = load_workbook(xlsx)[SHEET]
    header = next(r for r in range(1, 10) if ws.cell(row=r, column=1).value == "Nr")
    return [{c.header: ws.cell(row=r, column=i).value for i, c in enumerate(COLUMNS, start=1)}
            for r in range(header + 1, ws.max_row + 1)]


# ---------------------------------------------------------------- tracked changes


def test_tracked_changes_become_remarks_with_old_and_new_text_and_source(reviewed):
    folder, _ = reviewed
    result, problems = read_returned(folder / "anna.docx")
    assert problems == [] and result.traced
    changes = [e for e in entries(result.comments, True) if e.comment.change is not None]
    got = {(c.comment.change.kind, c.comment.change.old, c.comment.change.new) for c in changes}
    assert got == {("vervanging", "Acht", "Zeven"), ("vervanging", "coronamaatregelen", "maatregelen tegen corona"),
                   ("invoeging", "", "Kort gezegd: "), ("verwijdering", "bewust ", "")}
    for entry in changes:
        assert entry.comment.author == "Anna Jansen"
        assert entry.comment.date == dt.datetime(2026, 3, 2, 10, 15)
        section = "3.1 Voortgang pilots" if entry.comment.change.kind == "vervanging" else "3.2 Bereikte rechtzoekenden"
        assert entry.place.where == section
        assert entry.place.source.startswith(f"{VOORTGANG}, regel ")


def test_changes_are_listed_and_not_applied_without_the_flag(reviewed, tmp_path):
    folder, inputs = reviewed
    before = (inputs / VOORTGANG).read_bytes()
    result = _run(str(folder / "anna.docx"), "--inputs", str(inputs), "-o", str(tmp_path / "lijst.xlsx"))
    assert result.exit_code == 0, result.output
    assert "Eén opmerking en vier bijgehouden wijzigingen in anna.docx" in result.output
    assert "Wijzigingen in de teksten: 3 toe te passen met --toepassen, 0 al verwerkt, 1 niet toe te passen." \
        in result.output
    assert (inputs / VOORTGANG).read_bytes() == before
    rows = {row["Oude tekst"]: row for row in _rows(tmp_path / "lijst.xlsx") if row["Soort"] != "opmerking"}
    assert rows["Acht"]["Nieuwe tekst"] == "Zeven" and rows["Acht"]["Soort"] == "vervanging"
    assert rows["Acht"]["Verwerking in de tekst"].startswith("niet toegepast: de wijziging raakt een berekend getal")
    assert "{{ aantal(B1='vertraagd') | Pilots }}" in rows["Acht"]["Verwerking in de tekst"]
    assert rows["coronamaatregelen"]["Verwerking in de tekst"].startswith("toe te passen met --toepassen")


def test_toepassen_writes_only_literal_text_and_moves_nothing_else(reviewed, tmp_path):
    folder, _ = reviewed
    inputs = tmp_path / "invoer"
    shutil.copytree(EXAMPLE_INPUTS / "teksten", inputs / "teksten")
    source = inputs / VOORTGANG
    before = source.read_text(encoding="utf-8").split("\n")
    result = _run(str(folder / "anna.docx"), "--inputs", str(inputs), "--toepassen", "-o", str(tmp_path / "l.xlsx"))
    assert result.exit_code == 0, result.output
    assert "Wijzigingen in de teksten: 3 toegepast of al verwerkt, 1 niet toegepast." in result.output
    after = source.read_text(encoding="utf-8").split("\n")
    changed = [i for i, (old, new) in enumerate(zip(before, after)) if old != new]
    assert len(after) == len(before) and len(changed) == 2
    progress, planning = (after[i] for i in changed)
    assert before[changed[0]].replace("coronamaatregelen", "maatregelen tegen corona") == progress
    assert "{{ aantal(B1='vertraagd') | Pilots }}" in progress      # the computed number stays a placeholder
    assert before[changed[1]].replace("De pilots tellen", "Kort gezegd: De pilots tellen") \
        .replace("Wij geven bewust geen", "Wij geven geen") == planning
    again = _run(str(folder / "anna.docx"), "--inputs", str(inputs), "--toepassen", "-o", str(tmp_path / "l.xlsx"))
    assert again.output.count("Verwerking: al verwerkt in de bron") == 3
    assert source.read_text(encoding="utf-8").split("\n") == after


def test_a_change_in_a_figure_or_untraced_file_is_not_applied(tmp_path):
    word = open_docx()
    paragraph = word.add_paragraph("Een tekst van elders.")
    track(paragraph, "elders", "buiten", "Lezer")
    word.save(tmp_path / "ander.docx")
    result = _run(str(tmp_path / "ander.docx"), "--inputs", str(tmp_path / "invoer"), "--toepassen",
                  "-o", str(tmp_path / "l.xlsx"))
    assert result.exit_code == 0
    assert "niet toegepast: het Word-bestand heeft geen verwijzingen naar de bronnen" in result.output


@pytest.mark.parametrize("source, shown, change, expected", [
    ("Het gaat *goed* met {{ x }} pilots.", "Het gaat goed met acht pilots.", (9, "goed", "prima"), "prima"),
    ("1. **Kort.** Lang verhaal hier.", "Kort.\nLang verhaal hier.", (11, "verhaal", "relaas"), "relaas"),
    ("Zie {{ figuur('K1') }} en {{ x }}.", "Zie figuur 1 en acht.", (4, "figuur", "fig."), None),
])
def test_align_traces_literal_text_and_refuses_placeholders(source, shown, change, expected):
    start, old, new = change
    alignment = align(shown, segments(source))
    assert alignment is not None
    literal = next((p for p in alignment.placed if p.start <= start < p.start + len(p.literal.text)), None)
    if expected is None:
        assert literal is None
    else:
        spans = literal.literal.spans
        begin, end = spans[start - literal.start][0], spans[start + len(old) - 1 - literal.start][1]
        assert source[begin:end] == old and literal.fixed


# ---------------------------------------------------------------- merged worklists


def test_a_second_run_merges_keeps_filled_in_columns_and_marks_what_is_gone(reviewed, example_build, tmp_path):
    folder, inputs = reviewed
    xlsx = tmp_path / "ronde.xlsx"
    assert _run(str(folder / "anna.docx"), "--inputs", str(inputs), "-o", str(xlsx)).exit_code == 0
    wb = load_workbook(xlsx)
    ws = wb[SHEET]
    header = next(r for r in range(1, 10) if ws.cell(row=r, column=1).value == "Nr")
    headers = [c.header for c in COLUMNS]
    first = header + 1
    ws.cell(row=first, column=headers.index("Toegewezen aan") + 1, value="Karin")
    ws.cell(row=first, column=headers.index("Status") + 1, value="in behandeling")
    ws.cell(row=first, column=headers.index("Toelichting") + 1, value="Navragen bij de projectleider")
    kept_key = ws.cell(row=first, column=headers.index("Kenmerk") + 1).value
    wb.save(xlsx)

    result = _run(str(folder / "anna.docx"), str(folder / "bert.docx"), "--inputs", str(inputs), "-o", str(xlsx))
    assert result.exit_code == 0, result.output
    assert "Werklijst bijgewerkt" in result.output and "2 nieuw, 5 al bekend, 0 niet meer" in result.output
    rows = _rows(xlsx)
    kept = next(r for r in rows if r["Kenmerk"] == kept_key)
    assert (kept["Nr"], kept["Toegewezen aan"], kept["Status"], kept["Toelichting"]) == \
        (1, "Karin", "in behandeling", "Navragen bij de projectleider")
    bert = next(r for r in rows if r["Auteur"] == "Bert de Boer")
    assert (bert["Nr"], bert["Stand"], bert["Bestand"]) == (6, "nieuw", "bert.docx")

    shutil.copy(example_build.docx, tmp_path / "bert.docx")    # Bert sends it again, comment deleted
    result = _run(str(tmp_path / "bert.docx"), "--inputs", str(inputs), "-o", str(xlsx))
    assert "0 nieuw, 0 al bekend, 2 niet meer in het bestand" in result.output
    rows = _rows(xlsx)
    assert len(rows) == 7
    assert [r["Stand"] for r in rows if r["Auteur"] == "Bert de Boer"] == ["niet meer in het bestand"] * 2
    assert next(r for r in rows if r["Kenmerk"] == kept_key)["Toegewezen aan"] == "Karin"


def test_a_file_that_is_no_worklist_is_never_overwritten(reviewed, tmp_path):
    folder, inputs = reviewed
    other = tmp_path / "budget.xlsx"
    Workbook().save(other)          # someone else's workbook at the worklist's name
    before = other.read_bytes()
    result = _run(str(folder / "bert.docx"), "--inputs", str(inputs), "-o", str(other))
    assert result.exit_code == 1
    assert "budget.xlsx bestaat al maar heeft geen blad 'Opmerkingen'" in result.output
    assert "Er is niets geschreven" in result.output
    assert other.read_bytes() == before


# ---------------------------------------------------------------- numbers traced to pilots


def test_placeholders_carry_the_pilots_they_count(tmp_path):
    path = tmp_path / "1.md"
    path.write_text("# Kop\n\n{{ aantal(K1='scheiden') | Pilots }} gaan over scheiden; "
                    "{{ aandeel(aantal(K3='product'), totaal()) | hoofdletter }} is een product "
                    "({{ aantal(K3='product') }}): {{ namen(K3='product') }}.\n", encoding="utf-8")
    rendered, problems = render_text(path, "teksten/1.md", PILOTS)
    assert problems == [] and "\ue005" not in rendered.markdown
    parsed = parse(rendered, "1")
    numbers, _ = number_texts([parsed], figure_keys=())
    chapter, _ = convert(parsed, numbers, Placements(lambda k, n: None, lambda n: []), iter(range(1, 9)))
    (text,) = chapter.blocks[0].content
    assert text.text == rendered.markdown.split("\n")[2]
    shown = [text.text[c.start:c.end] for c in text.counted]
    assert [c.pilots for c in text.counted] == [("a", "b"), ("a", "c"), ("a", "c"), ("a", "c")]
    assert text.text.startswith(shown[0] + " gaan over scheiden; " + shown[1] + " is een product")
    assert shown[1][0].isupper() and shown[2:] == ["twee", "Alfa en charlie"]


def test_the_document_model_knows_the_pilots_behind_numbers_and_bars(example_build):
    _, text = _sentence_with_eight(example_build.document)
    eight = next(c for c in text.counted if text.text[c.start:c.end] == "Acht pilots")
    assert len(eight.pilots) == 8
    pilots = {p.id: p for p in read_inputs(EXAMPLE_INPUTS).pilots}
    assert all(pilots[i].codes("B1") == ("vertraagd",) for i in eight.pilots)
    figure = next(b for s in example_build.document.chapters for c in (s, *s.children) for b in c.blocks
                  if isinstance(b, Figure) and b.key == "K1")
    assert sum(len(bar.pilots) for bar in figure.bars) >= len(pilots)
    assert all(bar.count == len(bar.pilots) for bar in figure.bars)


def test_pilot_lists_stay_out_of_the_visible_report(example_build):
    body = open_docx(example_build.docx).element.body
    text = "".join(t.text or "" for t in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
    assert not any("\ue000" <= c <= "\ue007" for c in text)
    _, inline = _sentence_with_eight(example_build.document)
    pdf = " ".join(example_build.pdf_pages)
    assert not any("\ue000" <= c <= "\ue007" for c in pdf)
    assert ", ".join(inline.counted[2].pilots) not in pdf and ", ".join(inline.counted[2].pilots) not in text


def test_the_worklist_shows_the_pilots_behind_a_commented_number(reviewed, example_build, tmp_path):
    folder, inputs = reviewed
    result, _ = read_returned(folder / "bert.docx")
    comment = next(e for e in entries(result.comments, True) if e.comment.text == "Het zijn er zeven.")
    behind = pilots_behind(comment, result.pilots)
    _, inline = _sentence_with_eight(example_build.document)
    names = {s.pilot_id: s.title for a in example_build.document.annexes for s in a.factsheets}
    assert behind == "Acht pilots: " + ", ".join(f"{p} ({names[p]})" for p in inline.counted[2].pilots)
    result, _ = read_returned(folder / "anna.docx")
    change = next(e for e in entries(result.comments, True) if e.comment.change and e.comment.change.old == "Acht")
    assert pilots_behind(change, result.pilots) == behind
    assert _run(str(folder / "bert.docx"), "--inputs", str(inputs), "-o", str(tmp_path / "p.xlsx")).exit_code == 0
    row = next(r for r in _rows(tmp_path / "p.xlsx") if r["Opmerking of wijziging"] == "Het zijn er zeven.")
    assert row["Pilots achter de getallen"] == behind


def test_herkomst_lists_each_number_of_a_sentence_with_its_pilots(example_build):
    result = CliRunner().invoke(main, ["herkomst", "Acht pilots lopen vertraging op"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("3.1 Voortgang pilots · teksten/3-bevindingen.md, regel ")
    assert "“Acht pilots lopen vertraging op, vier pilots zijn inmiddels afgerond" in out
    assert "  ‘Acht pilots’ (8 pilots)\n" in out and "  ‘vier pilots’ (4 pilots)\n" in out
    _, inline = _sentence_with_eight(example_build.document)
    names = {s.pilot_id: s.title for a in example_build.document.annexes for s in a.factsheets}
    for pilot in inline.counted[2].pilots:
        assert f"{pilot}" in out and names[pilot] in out


def test_herkomst_lists_the_pilots_of_each_bar_and_names_unknown_keys(example_build):
    result = CliRunner().invoke(main, ["herkomst", "k1"])
    assert result.exit_code == 0 and result.output.startswith("Figuur 1 (K1): ")
    assert "Niet ingevuld: 0 (geen pilots)" in result.output
    result = CliRunner().invoke(main, ["herkomst", "K99 bestaat niet"])
    assert result.exit_code == 1 and "Figuren: K1, K2" in result.output


# ---------------------------------------------------------------- LibreOffice


@needs_libreoffice
def test_tracked_changes_and_comments_survive_a_libreoffice_round_trip(reviewed, tmp_path):
    folder, inputs = reviewed
    libreoffice_convert(folder / "anna.docx", tmp_path, "docx:MS Word 2007 XML", timeout=180)
    word_result, _ = read_returned(folder / "anna.docx")
    lo_result, problems = read_returned(tmp_path / "anna.docx")
    assert problems == [] and lo_result.traced and lo_result.pilots == word_result.pilots

    def summary(result):
        return sorted((e.comment.text, e.place.where, e.place.source, pilots_behind(e, result.pilots))
                      for e in entries(result.comments, True))
    assert summary(lo_result) == summary(word_result)
    assert {identity(e) for e in entries(lo_result.comments, True)} == \
        {identity(e) for e in entries(word_result.comments, True)}      # the same rows when merged
    copy = tmp_path / "invoer"
    shutil.copytree(inputs, copy)
    result = _run(str(tmp_path / "anna.docx"), "--inputs", str(copy), "--toepassen", "-o", str(tmp_path / "l.xlsx"))
    assert "Wijzigingen in de teksten: 3 toegepast of al verwerkt, 1 niet toegepast." in result.output
    assert "maatregelen tegen corona" in (copy / VOORTGANG).read_text(encoding="utf-8")


def test_headings_list_items_and_footnotes_are_edited_at_their_own_line(example_build, tmp_path):
    word = open_docx(example_build.docx)
    heading = docx_heading(word, S.HEADINGS[1], "Achtergrond")
    track(heading, "Achtergrond", "Aanleiding", "Anna Jansen")
    item = next(p for p in word.paragraphs if p.style.style_id == S.LISTS["ROMAN"] and "resultaten" in p.text)
    track(item, "resultaten", "uitkomsten", "Anna Jansen")
    note = next(n for n in footnotes_part(word).element.iter(qn("w:footnote")) if n.get(qn("w:id")) == "1")
    track(DocxParagraph(note.find(qn("w:p")), None), "periodiek", "regelmatig", "Anna Jansen")
    word.save(tmp_path / "terug.docx")
    inputs = tmp_path / "invoer"
    shutil.copytree(EXAMPLE_INPUTS / "teksten", inputs / "teksten")
    before = (inputs / "teksten/1-inleiding.md").read_text(encoding="utf-8").split("\n")
    result = _run(str(tmp_path / "terug.docx"), "--inputs", str(inputs), "--toepassen", "--rapporten", str(tmp_path))
    assert "Wijzigingen in de teksten: 3 toegepast of al verwerkt, 0 niet toegepast." in result.output
    after = (inputs / "teksten/1-inleiding.md").read_text(encoding="utf-8").split("\n")
    changed = {before[i]: after[i] for i in range(len(before)) if before[i] != after[i]}
    assert len(after) == len(before) and len(changed) == 3
    assert changed["## Achtergrond"] == "## Aanleiding"
    assert all(old.replace("resultaten", "uitkomsten").replace("periodiek", "regelmatig") == new
               for old, new in changed.items() if not old.startswith("#"))
