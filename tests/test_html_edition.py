"""The HTML edition (`build --format html`): read as a browser and a screen reader would, and checked by axe-core.

The example is built once for the module, in all three formats into one
folder, so `vergelijk` can compare the edition with the DOCX and the PDF of
the same build.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html
from selenium.webdriver.common.by import By

from report.cli import main
from report.document import Bar, Figure
from report.write.html import figure_csv
from report.figures.registry import figures
from tests.browser import axe_violations, chromium, describe
from tests.conftest import EXAMPLE_INPUTS


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("html-editie")
    result = CliRunner().invoke(main, ["build", "--inputs", str(EXAMPLE_INPUTS), "--output", str(output),
                                       "--format", "docx,pdf,html"])
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture(scope="module")
def page(built) -> Path:
    [page] = built.glob("*-html/index.html")
    return page


@pytest.fixture(scope="module")
def tree(page):
    return html.fromstring(page.read_bytes())


def test_the_edition_is_a_folder_that_needs_nothing_from_elsewhere(page, tree):
    folder = page.parent
    assert {p.name for p in (folder / "figuren").iterdir()} == {f"{spec.key}.{kind}" for spec in figures()
                                                                for kind in ("svg", "csv")}
    assert (folder / "lettertypen" / "Lato-Regular.ttf").is_file() and (folder / "logo.svg").is_file()
    for element, attribute in ((tree.iter("img"), "src"), (tree.iter("a"), "href")):
        for node in element:
            target = node.get(attribute)
            assert not target.startswith(("http:", "https:", "file:", "/")), target
            if not target.startswith("#"):
                assert (folder / target).is_file(), target
    ids = {node.get("id") for node in tree.iter() if node.get("id")}
    assert all(a.get("href")[1:] in ids for a in tree.iter("a") if a.get("href", "").startswith("#"))
    assert not list(tree.iter("script"))               # no script needed to read it


def test_the_page_has_language_landmarks_and_skip_links(tree):
    assert tree.get("lang") == "nl"
    skips = tree.xpath("//body/a[@class='skip']")
    assert [a.get("href") for a in skips] == ["#inhoud", "#inhoudsopgave"]
    assert [len(tree.xpath(f"//body//{tag}")) for tag in ("main", "nav", "header[@class='cover']", "footer")] == [1, 1, 1, 1]
    assert tree.xpath("//main")[0].get("id") == "inhoud"


def test_every_figure_has_alt_text_and_a_table_with_headers_and_caption(tree):
    shown = tree.xpath("//main//figure")
    assert len(shown) == len(figures())
    for figure in shown:
        [image] = figure.xpath(".//img")
        assert len(image.get("alt")) > 40
        [table] = figure.xpath(".//details/table")
        assert table.xpath("./caption") and table.xpath("./thead/tr/th[@scope='col']")
        rows = table.xpath("./tbody/tr")
        assert rows and all(row.xpath("./th[@scope='row']") and row.xpath("./td") for row in rows)


def test_each_figure_offers_its_numbers_as_csv_as_in_its_table(page, tree):
    for table in tree.xpath("//main//figure//details/table"):
        [link] = table.xpath("../p[@class='figure-download']/a[@download]")
        with (page.parent / link.get("href")).open(newline="", encoding="utf-8") as data:
            rows = list(csv.reader(data))
        shown = [[" ".join(cell.text_content().split()) for cell in row.xpath("./th | ./td")] for row in table.xpath(".//tr")]
        assert rows == shown and rows[0] == ["Antwoord", "Pilots"]


def test_footnotes_link_to_their_text_and_back(tree):
    calls = tree.xpath("//sup[@class='fn-call']/a")
    assert len(calls) == 2
    for call in calls:
        [note] = tree.xpath(f"//li[@id='{call.get('href')[1:]}']")
        [back] = note.xpath("./a[@class='fn-back']")
        assert back.get("href") == f"#{call.get('id')}"


def test_print_css_is_there(page):
    assert "@media print" in page.read_text(encoding="utf-8")


def test_the_edition_passes_axe_core_wcag_21_aa_in_chromium(page):
    with chromium() as driver:
        driver.get(page.as_uri())
        violations = axe_violations(driver)
        fonts = driver.execute_script("return document.fonts.check('16px Lato')")
        text = driver.execute_script("return document.querySelector('main').innerText")
    assert violations == [], describe(violations)
    assert fonts and "Inleiding" in text


def test_vergelijk_finds_the_same_content_in_docx_pdf_and_html(built):
    result = CliRunner().invoke(main, ["vergelijk", "--output", str(built)])
    assert result.exit_code == 0, result.output
    assert result.output.count("Geen verschillen") == 2 and "in de DOCX en de HTML gelijk" in result.output


def test_vergelijk_catches_a_changed_html_edition(built, page, tmp_path):
    for source in built.iterdir():
        if source.suffix in (".docx", ".pdf") or source.name == "bouw.json":     # the build and its record
            (tmp_path / source.name).write_bytes(source.read_bytes())
    copy = tmp_path / page.parent.name
    copy.mkdir()
    text = page.read_text(encoding="utf-8")
    old = 'Zes pilots gaan over scheiden'
    assert text.count(old) == 1
    (copy / "index.html").write_text(text.replace(old, "Zeven pilots gaan over scheiden"), encoding="utf-8")
    result = CliRunner().invoke(main, ["vergelijk", "--output", str(tmp_path)])
    assert result.exit_code == 1
    assert "  HTML: Zeven pilots gaan over scheiden" in result.output


def test_the_build_record_names_the_edition_by_its_folder(built, page):
    [record] = json.loads((built / "bouw.json").read_text(encoding="utf-8"))["builds"]
    assert page.parent.name in record["rapport"] and len(record["rapport"]) == 3
    assert not any(name.endswith((".svg", ".ttf", ".html")) for name in record["rapport"] + record["wijzigingen"])


def test_every_table_has_a_caption_that_names_it_and_headers_with_their_scope(page, tree):
    tables = tree.xpath("//table")
    captions = [" ".join(table.xpath("string(./caption)").split()) for table in tables]
    assert len(tables) > 3 * len(tree.xpath("//section[@class='factsheet']")) > 0
    assert all(table[0].tag == "caption" for table in tables) and all(captions)
    assert len(set(captions)) == len(captions), "two tables a screen reader cannot tell apart"
    assert all(th.get("scope") in ("row", "col") for th in tree.iter("th"))
    with chromium() as driver:             # the name Chromium gives each table is its caption
        driver.get(page.as_uri())
        driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")  # figures' tables
        named = [element.accessible_name for element in driver.find_elements(By.TAG_NAME, "table")]
        hidden = driver.execute_script(
            "return [...document.querySelectorAll('.factsheet caption')].every(c => c.offsetHeight <= 1)")
    assert [" ".join(name.split()) for name in named] == captions
    assert hidden          # the heading above names a factsheet's table to the eye


def test_a_label_a_spreadsheet_would_calculate_is_quoted_in_the_csv():
    bars = (Bar("=HYPERLINK(\"http://x\")", 2, ("P01", "P02")), Bar("Afgerond, deels", 1, ("P03",)))
    figure = Figure("K1", 1, "Voortgang", "Staafdiagram", Path("K1.svg"), Path("K1.png"), bars=bars)
    rows = list(csv.reader(io.StringIO(figure_csv(figure).decode("utf-8"), newline="")))
    assert rows == [["Antwoord", "Pilots"], ["'=HYPERLINK(\"http://x\")", "2"], ["Afgerond, deels", "1"]]
