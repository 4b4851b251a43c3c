"""The publication gate: accessibility of the DOCX, drafting leftovers, open comments, and the commands.

The DOCX checks run on small documents made with python-docx, so each gap
is made on purpose; the gate on the example build and on a definitive
build of other inputs (tests/workbooks.py) checks the whole way through.
"""

from __future__ import annotations

import base64
import io
import shutil

import docx
from click.testing import CliRunner
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from report.build import build
from report.cli import main
from report.comments.places import Entry, Place
from report.comments.returned import Comment
from report.history.manifest import MANIFEST_FILE, BuildRecord, Manifest, encode
from report.comments.worklist import GONE, NUMBER, PRESENCE, STATUS, STATUSES, entry_row, worklist
from report.narrative.placeholders import GAP_TEXT
from report.publication import file_problems
from report.publication.docx import docx_problems
from report.publication.drafts import Page, join_places, leftovers, open_comments
from report.style import PROJECT_ROOT
from report.workbooks import save_workbook
from tests.workbooks import write_inputs

BUNDLED = PROJECT_ROOT / "inputs"


def word_file(*, header_row: bool, alt_text: str | None, skip_level: bool, language: bool = True) -> bytes:
    """A small DOCX: a title, two headings, a table and, with `alt_text`, a described picture."""
    document = docx.Document()
    document.core_properties.title = "Proefrapport"
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    lang.set(qn("w:val"), "nl-NL" if language else "")
    document.add_heading("Inleiding", level=1)
    document.add_heading("Detail", level=3 if skip_level else 2)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Naam", "Waarde"
    caption = OxmlElement("w:tblCaption")          # a data table, as the writer marks them
    caption.set(qn("w:val"), "Gegevens")
    table._tbl.tblPr.append(caption)
    if header_row:
        properties = table.rows[0]._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:tblHeader"))
    if alt_text is not None:
        document.add_picture(_png())
        document.inline_shapes[0]._inline.docPr.set("descr", alt_text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _png() -> io.BytesIO:
    """A one-pixel PNG."""
    return io.BytesIO(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="))


def test_an_accessible_docx_passes():
    data = word_file(header_row=True, alt_text="Een stip.", skip_level=False)
    assert docx_problems(data, "rapport.docx", publication=True) == []


def test_docx_gaps_are_named_with_their_place():
    data = word_file(header_row=False, alt_text="", skip_level=True, language=False)

    problems = docx_problems(data, "rapport.docx", publication=True)

    assert [(p.cell, p.message.split(";")[0].split(":")[0]) for p in problems] == [
        (None, "Het document noemt geen taal (w"),
        ("kop 'Detail'", "Kop van niveau 3 volgt op niveau 1"),
        ("tabel 1 (onder 'Detail')", "Eén tabel heeft geen kopregel"),
        ("afbeelding 1 (Picture 1)", "Een afbeelding heeft geen alternatieve tekst."),
    ]


def test_gaps_count_always_concept_marks_and_badges_only_for_publication():
    pages = [Page("pagina 1", "Omslag\nCONCEPT"), Page("pagina 2", f"Er zijn {GAP_TEXT} pilots.\nC O N C E P T"),
             Page("pagina 3", "Een proof of concept.", ("Naam", "42 correctie")), Page("pagina 4", "C O N C E P T")]

    concept = leftovers(pages, "rapport.pdf", publication=False)
    final = leftovers(pages, "rapport.pdf", publication=True)

    assert [(p.cell, GAP_TEXT in p.message) for p in concept] == [("pagina 2", True)]
    assert [p.cell for p in final] == ["pagina 2", "pagina's 1–2, 4", "pagina 3"]
    assert "CONCEPT" in final[1].message and "'correctie'" in final[2].message


def test_places_list_pages_as_ranges_and_others_up_to_a_limit():
    assert join_places([f"pagina {n}" for n in (1, 2, 3, 7, 9, 10)]) == "pagina's 1–3, 7, 9–10"
    assert join_places([f"tabel {n}" for n in range(1, 9)]) == \
        "tabel 1, tabel 2, tabel 3, tabel 4, tabel 5, tabel 6 en nog 2"


def test_open_comments_of_a_worklist_stand_in_the_way(tmp_path):
    comments = [Comment(str(n), "Lezer", "L", None, f"Opmerking {n}", "tekst", None, None) for n in (1, 2, 3, 4)]
    rows = [{**entry_row(Entry(n, c, Place("1 Inleiding", ""), None), "terug.docx"), NUMBER: n}
            for n, c in enumerate(comments, 1)]
    rows[1][STATUS] = STATUSES[2]           # verwerkt
    rows[2][STATUS] = STATUSES[1]           # in behandeling
    rows[3][PRESENCE] = GONE                # no longer in the returned file: nothing to wait for
    save_workbook(worklist(rows, "terug.docx"), tmp_path / "opmerkingen-v0.2.xlsx")
    (tmp_path / MANIFEST_FILE).write_bytes(encode(Manifest((BuildRecord("0.2", "concept", "2026-01-05", (), (),
                                                                        "r-v0.2-concept.snapshot.json"),))))
    problems = open_comments(tmp_path)

    assert [p.message.split(";")[0] for p in problems] == [
        "Opmerking 1 staat nog op 'open'", "Opmerking 3 staat nog op 'in behandeling'"]
    assert all(p.file == "opmerkingen-v0.2.xlsx" and p.sheet == "Opmerkingen" for p in problems)


def test_check_publicatie_names_what_keeps_the_example_concept_from_publication(example_build):
    result = CliRunner().invoke(main, ["check", "--publicatie", "--output", str(example_build.pdf.parent)])

    assert result.exit_code == 1
    assert "CONCEPT-markering" in result.output and "pagina's 1–" in result.output
    assert "persoonsgegevens" not in result.output and "Traceback" not in result.output


def test_check_publicatie_without_a_build_says_so(tmp_path):
    result = CliRunner().invoke(main, ["check", "--publicatie", "--output", str(tmp_path)])
    assert result.exit_code == 1 and "make_report.py build" in result.output


def test_a_definitive_build_with_a_gap_writes_nothing(tmp_path):
    inputs = write_inputs(tmp_path / "invoer", 5)
    config = (BUNDLED / "rapport.yaml").read_text(encoding="utf-8")
    (inputs / "rapport.yaml").write_text(config.replace("status: concept", "status: definitief"), encoding="utf-8")
    shutil.copytree(BUNDLED / "teksten", inputs / "teksten")
    output = tmp_path / "uit"

    result = build(inputs, output, formats=("pdf",))

    assert not result.ok and result.outputs == []
    assert not any(path.suffix in (".pdf", ".docx", ".json") for path in output.glob("*"))
    gap, = (p for p in result.problems if p.is_error and GAP_TEXT in p.message)
    assert gap.file.endswith(".pdf") and gap.cell.startswith("pagina")


def test_a_file_that_cannot_be_read_is_a_finding_not_a_crash():
    problems = file_problems({"rapport.pdf": b"geen pdf", "rapport.docx": b"geen docx"}, None, publication=False)
    assert [(p.file, p.message) for p in problems] == [
        ("rapport.pdf", "Het bestand is geen leesbare PDF en kan niet worden gecontroleerd."),
        ("rapport.docx", "Het bestand is geen leesbare DOCX en kan niet worden gecontroleerd."),
    ]
