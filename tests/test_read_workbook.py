"""The .xlsx reader: stored values, formulas, cell forms of other producers, and bad files."""

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from report.read.workbook import MissingSheet, UnreadableWorkbook, read_sheet
from tests.workbooks import Formula, patch_sheet

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"


def hand_made(path: Path, rows_xml: str, *, shared: str = "", ns: str = MAIN,
              date1904: bool = False, sheet: str = "Vragenlijst") -> Path:
    """A minimal package as other producers write it: shared strings, styles, absolute targets."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'),
        "xl/workbook.xml": (
            f'<workbook xmlns="{ns}" xmlns:r="{rel}">'
            f'<workbookPr date1904="{int(date1904)}"/>'
            f'<sheets><sheet name="Blad1" sheetId="1" r:id="rId9"/>'
            f'<sheet name="{sheet}" sheetId="2" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="/xl/worksheets/data.xml"/>'
            f'<Relationship Id="rId9" Type="{rel}/worksheet" Target="worksheets/other.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/styles" Target="./styles.xml"/>'
            '</Relationships>'),
        "xl/worksheets/data.xml": f'<worksheet xmlns="{ns}"><sheetData>{rows_xml}</sheetData></worksheet>',
        "xl/worksheets/other.xml": f'<worksheet xmlns="{ns}"><sheetData/></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{ns}">{shared}</sst>',
        "xl/styles.xml": (
            f'<styleSheet xmlns="{ns}"><numFmts><numFmt numFmtId="164" formatCode="d/m/yyyy"/>'
            '</numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/>'
            '<xf numFmtId="2"/></cellXfs></styleSheet>'),
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def values(sheet):
    return {cell.ref: cell.value for row in sheet.rows.values() for cell in row.values()}


def test_shared_strings_rich_text_escapes_and_styles(tmp_path):
    shared = ("<si><t>ID</t></si>"
              "<si><r><t>Stichting </t></r><r><rPr><b/></rPr><t>Vet</t></r><rPh><t>x</t></rPh></si>"
              "<si><t>regel 1_x000D_\nregel 2</t></si>")
    rows = ('<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>'
            '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" s="1"><v>45000</v></c>'
            '<c r="C3" s="2"><v>45001.5</v></c><c r="D3" s="3"><v>12.50</v></c></row>'
            '<row r="4"><c r="B4" t="b"><v>1</v></c><c r="C4" t="d"><v>2024-02-29T00:00:00</v></c>'
            '<c r="D4" t="inlineStr"><is><t>inline</t></is></c></row>')
    sheet = read_sheet(hand_made(tmp_path / "a.xlsx", rows, shared=shared), "Vragenlijst")
    assert values(sheet) == {
        "A2": "ID", "C2": "Stichting Vet", "A3": "regel 1\r\nregel 2",
        "B3": dt.datetime(2023, 3, 15), "C3": dt.datetime(2023, 3, 16, 12), "D3": 12.5,
        "B4": True, "C4": dt.datetime(2024, 2, 29), "D4": "inline",
    }


def test_cells_without_reference_follow_their_neighbours(tmp_path):
    rows = '<row><c t="inlineStr"><is><t>a</t></is></c><c/><c><v>3</v></c></row><row><c><v>4</v></c></row>'
    sheet = read_sheet(hand_made(tmp_path / "a.xlsx", rows), "Vragenlijst")
    assert values(sheet) == {"A1": "a", "C1": 3, "A2": 4}


def test_1904_dates_and_strict_namespace(tmp_path):
    rows = '<row r="1"><c r="A1" s="1"><v>1</v></c></row>'
    path = hand_made(tmp_path / "a.xlsx", rows, ns=STRICT, date1904=True, sheet="vragenlijst ")
    sheet = read_sheet(path, "Vragenlijst")
    assert sheet.name == "vragenlijst "
    assert values(sheet) == {"A1": dt.datetime(1904, 1, 2)}


def test_formulas_keep_their_stored_result_and_are_marked(tmp_path):
    rows = ('<row r="1"><c r="A1" t="str"><f>CONCAT("a";"b")</f><v>ab</v></c>'
            '<c r="B1"><f>1+1</f><v>2</v></c><c r="C1"><f>1+1</f></c>'
            '<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>')
    sheet = read_sheet(hand_made(tmp_path / "a.xlsx", rows), "Vragenlijst")
    a1, b1, c1, d1 = (sheet.cell(1, col) for col in (1, 2, 3, 4))
    assert (a1.value, a1.formula) == ("ab", True)
    assert (b1.value, b1.formula) == (2, True)
    assert (c1.value, c1.formula, c1.error) == (None, True, False)
    assert (d1.value, d1.error) == ("#DIV/0!", True)


def test_openpyxl_workbook_with_merged_cells_and_text_that_looks_like_a_formula(tmp_path):
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Vragenlijst"
    ws.append(["Titel over vier kolommen"])
    ws.merge_cells("A1:D1")
    ws["A2"] = "=niet uitrekenen"
    ws["A2"].data_type = "s"
    ws["B2"] = Formula("=1+1")
    ws["C2"] = dt.date(2024, 1, 31)
    workbook.save(tmp_path / "a.xlsx")
    sheet = read_sheet(tmp_path / "a.xlsx", "Vragenlijst")
    assert values(sheet) == {"A1": "Titel over vier kolommen", "A2": "=niet uitrekenen",
                             "B2": None, "C2": dt.datetime(2024, 1, 31)}
    assert sheet.cell(2, 2).formula and not sheet.cell(2, 1).formula


def test_missing_sheet_lists_the_sheets_found(tmp_path):
    path = hand_made(tmp_path / "a.xlsx", "", sheet="Antwoorden")
    with pytest.raises(MissingSheet) as caught:
        read_sheet(path, "Vragenlijst")
    assert caught.value.found == ("Blad1", "Antwoorden")


def _valid(tmp_path: Path) -> Path:
    return hand_made(tmp_path / "valid.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>')


@pytest.mark.parametrize("make, words", [
    (lambda p: p.write_text("ID;Vraag;Antwoord\nP0;Pilot-ID;P07\n"), "geen Excel-werkboek"),
    (lambda p: p.write_bytes(b""), "leeg"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "wachtwoord"),
    (lambda p: p.write_bytes(_valid(p.parent).read_bytes()[:300]), "beschadigd of onvolledig"),
    (lambda p: _zip(p, {"word/document.xml": "<w/>"}), "geen Excel-werkboek"),
    (lambda p: patch_sheet(_valid(p.parent), lambda x: x.replace("</sheetData>", ""),
                           "xl/worksheets/data.xml").rename(p), "beschadigd"),
    (lambda p: patch_sheet(_valid(p.parent), lambda x: '<!DOCTYPE w [<!ENTITY e "x">]>' + x,
                           "xl/worksheets/data.xml").rename(p), "veiligheidsredenen"),
])
def test_bad_files_say_why_in_dutch(tmp_path, make, words):
    path = tmp_path / "kapot.xlsx"
    make(path)
    with pytest.raises(UnreadableWorkbook) as caught:
        read_sheet(path, "Vragenlijst")
    assert words in str(caught.value)


def test_oversized_part_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("report.office.MAX_PART_BYTES", 100)
    with pytest.raises(UnreadableWorkbook, match="te groot"):
        read_sheet(_valid(tmp_path), "Vragenlijst")


def _zip(path: Path, parts: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
