"""Comments round-trip: the example report as DOCX, commented with python-docx as a reviewer
would in Word, read back by `make_report.py opmerkingen` and mapped to sections, narrative
lines, figures, cases and factsheet questions; the worklist read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.table import Table
from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from report.cli import main
from report.comments.places import entries, pilots_behind
from report.comments.returned import read_returned
from report.comments.worklist import COLUMNS, SHEET, STATUSES
from report.document import CaseBox, Figure, Footnote, ListBlock, Paragraph, Section, Text
from report.word_template import styles as S
from report.write.docx.package import footnotes_part
from tests.libreoffice import libreoffice_convert, needs_libreoffice
from tests.walk import docx_heading, title_runs

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


# ---------------------------------------------------------------- the example, commented


def _sections(document):
    def walk(sections):
        for section in sections:
            yield section
            yield from walk(section.children)
    return list(walk(document.chapters))


def _section(document, key: str) -> Section:
    return next(s for s in _sections(document) if s.key == key)


def _paragraphs(word):
    """Every paragraph of the body in reading order, table cells included."""
    def walk(container):
        for item in container.iter_inner_content():
            if isinstance(item, Table):
                for row in item.rows:
                    for cell in row.cells:
                        yield from walk(cell)
            else:
                yield item
    return list(walk(word))


def _starting(word, text: str):
    return next(p for p in _paragraphs(word) if p.text.startswith(text))


def _tidy(text: str) -> str:
    """Spaces collapsed line by line: paragraphs stay on lines of their own."""
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in text.split("\n"))


def _first_text(block) -> str:
    inlines = block.content if isinstance(block, Paragraph) else block.lead + block.content
    return next(i.text for i in inlines if isinstance(i, Text))[:40]


def _file_line(file: str, line: int) -> str:
    return (INPUTS / file).read_text(encoding="utf-8").splitlines()[line - 1]


def _factsheet_cells(word, title: str):
    """The table cells of the factsheet titled `title`: from its band to the next band."""
    tables = list(word.tables)
    start = next(i for i, t in enumerate(tables) if t.style.style_id == S.FACTSHEET_HEADER_TABLE
                 and t.rows[0].cells[0].text == title)
    cells = []
    for table in tables[start:]:
        if table is not tables[start] and table.style.style_id == S.FACTSHEET_HEADER_TABLE:
            break
        cells += [cell for row in table.rows for cell in row.cells]
    return cells


class Reviewer:
    """Adds comments and remembers what each should come back as."""

    def __init__(self, word):
        self.word = word
        self.expected: list[dict] = []

    def comment(self, runs, text: str, author: str, where: str, source: str, anchored: str, **extra):
        comment = self.word.add_comment(runs, text=text, author=author, initials=author[:2].upper())
        self.expected.append(dict(text=text, author=author, where=where, source=source,
                                  anchored=_tidy(anchored), **extra))
        return comment


@pytest.fixture(scope="module")
def returned(example_build, tmp_path_factory):
    """The example DOCX (tests/conftest.py) with a comment on each kind of place, saved as a
    reviewer returns it."""
    document = example_build.document
    word = open_docx(example_build.docx)
    reviewer = Reviewer(word)
    annex = document.annexes[0]
    annex_heading = f"Bijlage {annex.letter} {annex.title}"

    cover = _starting(word, "Opdrachtgever")
    reviewer.comment(cover.runs, "Klopt de naam van de directie?", "Fenna Bakker", "Voorblad/colofon",
                     "rapport.yaml, veld opdrachtgever", cover.text)

    bereik = _section(document, "bereik")
    where = f"{bereik.number} {bereik.title}"
    heading = docx_heading(word, S.HEADINGS[1], bereik.title)
    reviewer.comment(title_runs(heading), "Liever 'Bereik'.", "Fenna Bakker", where,
                     f"{bereik.written_at.file}, regel {bereik.written_at.line} (kop)", bereik.title,
                     line_text=f"## {bereik.title}")

    first, second, third = [b for b in bereik.blocks if isinstance(b, Paragraph)][:3]
    text = _starting(word, _first_text(first))
    note = reviewer.comment(text.runs[:1], "Noem ook het totaal.", "Jan de Vries", where,
                            f"{first.written_at.file}, regel {first.written_at.line}", text.runs[0].text,
                            line_text=_first_text(first))
    note.add_paragraph("En de bron van de aantallen.")
    reviewer.expected[-1]["text"] = "Noem ook het totaal.\nEn de bron van de aantallen."
    parent = (note, reviewer.expected[-1])

    start, end = _starting(word, _first_text(second)), _starting(word, _first_text(third))
    reviewer.comment([start.runs[0], end.runs[-1]], "Deze twee alinea's samenvoegen?", "Jan de Vries", where,
                     f"{second.written_at.file}, regel {second.written_at.line}",
                     _tidy(start.text) + "\n" + _tidy(end.text))

    proces = _section(document, "proces")
    item = next(b for b in proces.blocks if isinstance(b, ListBlock)).items[1]
    line = _starting(word, _first_text(item))
    reviewer.comment(line.runs, "Mooi punt.", "Kees Smit", f"{proces.number} {proces.title}",
                     f"{item.written_at.file}, regel {item.written_at.line} (lijstonderdeel)", line.text,
                     line_text="2. **" + _first_text(item))

    holder, figure = next((s, b) for s in _sections(document) for b in s.blocks if isinstance(b, Figure))
    caption = next(p for p in word.paragraphs if p.style.style_id == S.CAPTION and figure.title in p.text)
    reviewer.comment(caption.runs[-1], "Titel inkorten.", "Kees Smit", f"{holder.number} {holder.title}",
                     f"Figuur {figure.number} ({figure.key}): {figure.title}", caption.runs[-1].text)

    holder, case = next((s, b) for s in _sections(document) for b in s.blocks if isinstance(b, CaseBox))
    story = _starting(word, case.paragraphs[0].content[0].text[:40])
    sheet = next(s for s in annex.factsheets if s.pilot_id == case.pilot_id)
    reviewer.comment(story.runs, "Anonimiseren.", "Fenna Bakker", f"{holder.number} {holder.title}",
                     f"Pilot {sheet.title} ({sheet.pilot_id}), casus (vraag D1/D2)", story.text)

    sheet = annex.factsheets[2]
    cells = _factsheet_cells(word, sheet.title)
    fact = sheet.sections[1].facts[0]
    label = next(i for i, c in enumerate(cells) if c.paragraphs[0].style.style_id == S.DATA_LABEL
                 and c.text == fact.label)
    value = cells[label + 1].paragraphs[0]
    reviewer.comment(value.runs, "Is dit nog actueel?", "Kees Smit",
                     f"{annex_heading}, factsheet {sheet.title} ({sheet.pilot_id})",
                     f"Factsheet {sheet.pilot_id} / vraag {fact.question_id} ({fact.label})", value.text)
    tag = sheet.tags[0]
    tile = next(c for c in cells if c.paragraphs[0].style.style_id == S.TAG_LABEL and c.text.startswith(tag.label))
    reviewer.comment(tile.paragraphs[1].runs, "Andere code?", "Kees Smit",
                     f"{annex_heading}, factsheet {sheet.title} ({sheet.pilot_id})",
                     f"Factsheet {sheet.pilot_id} / vraag {tag.question_id} ({tag.label})", tile.paragraphs[1].text)

    _reply(word, reviewer, parent, "Eens, het totaal staat in tabel 2.", "Fenna Bakker")
    folder = tmp_path_factory.mktemp("terug")
    word.save(folder / "zonder voetnoot.docx")      # LibreOffice cannot open a comment in a footnote
    _footnote_comment(word, reviewer, document)
    word.save(folder / "rapport terug.docx")
    return folder / "rapport terug.docx", reviewer.expected


def _reply(word, reviewer: Reviewer, parent, text: str, author: str) -> None:
    """A reply as Word writes it: its own comment on the same text, linked to its parent in
    commentsExtended.xml by the paraId of each comment's last paragraph."""
    parent, expected = parent
    runs = _starting(word, expected["anchored"][:30]).runs[:1]
    reply = reviewer.comment(runs, text, author, expected["where"], expected["source"], expected["anchored"],
                             reply_to=expected["text"])
    for comment, para_id in ((parent, "1A2B3C4D"), (reply, "5E6F7A8B")):
        comment.paragraphs[-1]._p.set(f"{{{W14}}}paraId", para_id)
    root = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
    for para_id, parent_id in (("1A2B3C4D", None), ("5E6F7A8B", "1A2B3C4D")):
        attributes = {f"{{{W15}}}paraId": para_id, f"{{{W15}}}done": "0"}
        if parent_id:
            attributes[f"{{{W15}}}paraIdParent"] = parent_id
        etree.SubElement(root, f"{{{W15}}}commentEx", attributes)
    package = word.part.package
    part = Part(PackURI("/word/commentsExtended.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
                etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), package)
    word.part.relate_to(part, "http://schemas.microsoft.com/office/2011/relationships/commentsExtended")


def _footnote_comment(word, reviewer: Reviewer, document) -> None:
    """A comment inside a footnote: made on a body run, then its range moved into the note."""
    holder, block, footnote = next((s, b, i) for s in _sections(document) for b in s.blocks
                                   if isinstance(b, Paragraph) for i in b.content if isinstance(i, Footnote))
    note = next(n for n in footnotes_part(word).element.iter(qn("w:footnote"))
                if n.get(qn("w:id")) == str(footnote.number))
    text_run = [r for r in note.iter(qn("w:r")) if r.find(qn("w:t")) is not None][-1]
    comment = reviewer.comment(_starting(word, "Opdrachtgever").runs[0], "Link toevoegen.", "Jan de Vries",
                               f"{holder.number} {holder.title}",
                               f"{footnote.written_at.file}, regel {footnote.written_at.line} "
                               f"(voetnoot {footnote.number})", text_run.find(qn("w:t")).text)
    cid = str(comment.comment_id)
    body = word.element.body
    start, end = [e for e in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"))
                  if e.get(qn("w:id")) == cid]
    reference = next(r for r in body.iter(qn("w:r"))
                     if any(ref.get(qn("w:id")) == cid for ref in r.iter(qn("w:commentReference"))))
    text_run.addprevious(start)
    text_run.addnext(end)
    end.addnext(reference)


@pytest.fixture(scope="module")
def run_result(returned):
    path, _ = returned
    result = CliRunner().invoke(main, ["opmerkingen", str(path), "--rapporten", str(path.parent)])
    return result, path.with_name("opmerkingen-v0.3.xlsx")     # the example report's version


def test_every_comment_comes_back_with_author_text_anchored_text_and_place(returned):
    path, expected = returned
    result, problems = read_returned(path)
    assert problems == [] and result.traced
    got = {e.comment.text: e for e in entries(result.comments, result.traced, result.cover)}
    assert len(got) == len(expected)
    for want in expected:
        entry = got[want["text"]]
        assert entry.comment.author == want["author"]
        assert entry.comment.anchored == want["anchored"], want["text"]
        assert (entry.place.where, entry.place.source) == (want["where"], want["source"]), want["text"]
        assert isinstance(entry.comment.date, dt.datetime)


def test_narrative_sources_name_the_line_the_author_wrote(returned):
    """The line in the Bron column is the one in the text file that holds that heading or text."""
    _, expected = returned
    checked = 0
    for want in expected:
        if "line_text" in want:
            file, line = re.match(r"(.+), regel (\d+)", want["source"]).groups()
            assert _file_line(file, int(line)).startswith(want["line_text"]), want
            checked += 1
    assert checked == 3


def _numbers(path: Path) -> dict[str, int]:
    result, _ = read_returned(path)
    return {e.comment.text: e.number for e in entries(result.comments, result.traced)}


def test_reading_order_and_replies(returned):
    path, expected = returned
    result, _ = read_returned(path)
    items = entries(result.comments, result.traced)
    assert [e.number for e in items] == list(range(1, len(expected) + 1))
    assert items[0].place.where == "Voorblad/colofon"
    assert items[-1].place.where.startswith("Bijlage A")
    assert items[1].place.source.endswith("(voetnoot 1)")       # the footnote's reference is in chapter 1
    reply = next(e for e in items if e.comment.text.startswith("Eens"))
    parent = next(e for e in items if e.comment.text.startswith("Noem ook"))
    assert reply.reply_to == parent.number and reply.number == parent.number + 1


def test_the_command_lists_comments_grouped_by_place(run_result, returned):
    result, _ = run_result
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Elf opmerkingen in rapport terug.docx, van drie auteurs.")
    assert "\nVoorblad/colofon\n" in out and "\n3.2 Bereikte rechtzoekenden\n" in out
    assert out.count("\n3.2 Bereikte rechtzoekenden\n") == 1
    parent = _numbers(returned[0])["Noem ook het totaal.\nEn de bron van de aantallen."]
    assert f"(reactie op {parent})" in out and "Bij: “Bereikte rechtzoekenden”" in out
    assert "Werklijst geschreven:" in out and "Traceback" not in out


def _worklist_rows(xlsx: Path) -> tuple[int, list[dict]]:
    ws = load_workbook(xlsx)[SHEET]
    header = next(r for r in range(1, 10) if ws.cell(row=r, column=1).value == "Nr")
    assert [ws.cell(row=header, column=c).value for c in range(1, len(COLUMNS) + 1)] == [c.header for c in COLUMNS]
    return header, [{c.header: ws.cell(row=r, column=i).value for i, c in enumerate(COLUMNS, start=1)}
                    for r in range(header + 1, ws.max_row + 1)]


def test_the_worklist_has_a_row_per_comment_ready_to_assign(run_result, returned):
    result, xlsx = run_result
    _, expected = returned
    header, rows = _worklist_rows(xlsx)
    ws = load_workbook(xlsx)[SHEET]
    assert [row["Nr"] for row in rows] == list(range(1, len(expected) + 1))
    by_text = {row["Opmerking of wijziging"]: row for row in rows}
    numbers = _numbers(returned[0])
    for want in expected:
        text = want["text"] if "reply_to" not in want else f"(Reactie op {numbers[want['reply_to']]}) {want['text']}"
        row = by_text[text]
        assert (row["Auteur"], row["Plaats (hoofdstuk/paragraaf)"], row["Bron (tekstbestand en regel, of pilot en vraag)"] or "",
                row["Geankerde tekst"] or "") == (want["author"], want["where"], want["source"], want["anchored"])
        assert isinstance(row["Datum"], dt.datetime)
        assert (row["Toegewezen aan"], row["Status"], row["Toelichting"]) == (None, "open", None)
        assert row["Bestand"] == "rapport terug.docx" and re.fullmatch(r"[0-9a-f]{10}", row["Kenmerk"])
        assert row["Soort"] == ("reactie" if "reply_to" in want else "opmerking")
    assert len({row["Kenmerk"] for row in rows}) == len(rows)
    last = get_column_letter(len(COLUMNS))
    status = get_column_letter([c.header for c in COLUMNS].index("Status") + 1)
    assert ws.freeze_panes == f"B{header + 1}"
    assert ws.auto_filter.ref == f"A{header}:{last}{header + len(expected)}"
    (validation,) = ws.data_validations.dataValidation
    assert validation.formula1 == '"' + ",".join(STATUSES) + '"'
    assert str(validation.sqref) == f"{status}{header + 1}:{status}{header + len(expected)}"
    assert ws.cell(row=header + 1, column=11).alignment.wrap_text


def test_the_worklist_is_the_same_bytes_for_the_same_file(run_result, returned, tmp_path):
    _, xlsx = run_result
    path, _ = returned
    again = tmp_path / "opnieuw.xlsx"
    assert CliRunner().invoke(main, ["opmerkingen", str(path), "--output", str(again)]).exit_code == 0
    assert again.read_bytes() == xlsx.read_bytes()


@needs_libreoffice
def test_anchors_survive_a_save_in_libreoffice(returned, tmp_path):
    """A reviewer's editor rewrites the whole file; the bookmarks and the source map stay."""
    path, expected = returned
    path = path.with_name("zonder voetnoot.docx")
    libreoffice_convert(path, tmp_path, "docx:MS Word 2007 XML", timeout=120)
    result, problems = read_returned(tmp_path / path.name)
    assert problems == [] and result.traced
    places = {e.comment.text: (e.place.where, e.place.source) for e in entries(result.comments, True, result.cover)}
    assert len(places) == len(expected) - 1
    for want in expected[:-1]:
        assert places[want["text"]] == (want["where"], want["source"]), want["text"]


# ---------------------------------------------------------------- files it cannot use


def _docx_with_comment(path: Path) -> Path:
    word = open_docx()
    word.add_heading("Een ander document", 1)
    paragraph = word.add_paragraph("Tekst van iemand anders.")
    word.add_comment(paragraph.runs, text="Wat bedoelt u?", author="Lezer", initials="L")
    word.save(path)
    return path


def test_a_document_from_elsewhere_lists_its_comments_as_unknown(tmp_path):
    path = _docx_with_comment(tmp_path / "ander.docx")
    result = CliRunner().invoke(main, ["opmerkingen", str(path), "-o", str(tmp_path / "ander-opmerkingen.xlsx")])
    assert result.exit_code == 0
    assert "niet met make_report.py gemaakt" in result.output
    assert "\nonbekend\n" in result.output and "Bij: “Tekst van iemand anders.”" in result.output
    _, (row,) = _worklist_rows(tmp_path / "ander-opmerkingen.xlsx")
    assert (row["Auteur"], row["Plaats (hoofdstuk/paragraaf)"], row["Geankerde tekst"]) == \
        ("Lezer", "onbekend", "Tekst van iemand anders.")


def _zip_without_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("x.txt", "x")


@pytest.mark.parametrize("make, words", [
    (lambda p: p.write_text("geen zip", encoding="utf-8"), "Dit is geen Word-bestand (.docx)"),
    (_zip_without_document, "Dit is geen Word-document (.docx): het hoofddocument ontbreekt"),
    (lambda p: None, "Het bestand bestaat niet"),
])
def test_a_file_that_is_no_docx_gets_a_dutch_message(tmp_path, make, words):
    path = tmp_path / "terug.docx"
    make(path)
    result = CliRunner().invoke(main, ["opmerkingen", str(path)])
    assert result.exit_code == 1
    assert f"Fout: terug.docx: {words}" in result.output
    assert isinstance(result.exception, SystemExit)
    assert list(tmp_path.glob("*.xlsx")) == []


def test_a_document_without_comments_writes_no_worklist(tmp_path):
    word = open_docx()
    word.add_paragraph("Niets op aan te merken.")
    word.save(tmp_path / "schoon.docx")
    result = CliRunner().invoke(main, ["opmerkingen", str(tmp_path / "schoon.docx"), "-o",
                                       str(tmp_path / "lijst.xlsx")])
    assert result.exit_code == 0
    assert "Er staan geen opmerkingen of wijzigingen in schoon.docx" in result.output
    assert "Er is geen werklijst geschreven." in result.output
    assert list(tmp_path.glob("*.xlsx")) == []


def test_the_worklist_must_be_an_xlsx(tmp_path):
    path = _docx_with_comment(tmp_path / "ander.docx")
    result = CliRunner().invoke(main, ["opmerkingen", str(path), "-o", str(tmp_path / "ander.docx")])
    assert result.exit_code == 1
    assert "op .xlsx eindigt" in result.output
    assert path.read_bytes()[:2] == b"PK"


def test_figure_factsheet_and_case_remarks_show_their_pilots(returned):
    path, expected = returned
    result, _ = read_returned(path)
    got = {e.comment.text: pilots_behind(e, result.pilots) for e in entries(result.comments, True, result.cover)}
    figure = got["Titel inkorten."]
    assert figure.count(": ") >= 3 and "Niet ingevuld: 0: geen" in figure
    fact = next(w for w in expected if w["text"] == "Is dit nog actueel?")
    pilot_id = re.search(r"Factsheet (\S+) /", fact["source"]).group(1)
    assert got["Is dit nog actueel?"] == f"{pilot_id} ({result.pilots[pilot_id]})"
    assert got["Anonimiseren."].endswith(")") and got["Klopt de naam van de directie?"] == ""
