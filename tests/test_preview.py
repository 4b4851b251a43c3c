"""The live preview (`make_report.py voorbeeld`) in a real headless Chromium.

One preview of a copy of the example runs for the module; each test edits
the copy as a consultant would (a sentence, an answer, a broken
placeholder), waits for the open page to change in place, and puts the
file back.
"""

from __future__ import annotations

import glob
import shutil
import socket
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from report.cli import main
from tests.browser import axe_violations, body_text, chromium, describe, preview, wait_for
from tests.conftest import EXAMPLE_INPUTS

CHAPTER = "teksten/1-inleiding.md"
SENTENCE = "In november 2018 zond de minister"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    return Path(shutil.copytree(EXAMPLE_INPUTS, tmp_path_factory.mktemp("voorbeeld") / "invoer"))


@pytest.fixture(scope="module")
def running(inputs):
    before = set(glob.glob(f"{tempfile.gettempdir()}/voorbeeld-*"))
    with preview(inputs) as process:
        yield process
    assert process.process.returncode == 0, process.lines
    assert "Voorbeeld gestopt." in process.lines
    assert set(glob.glob(f"{tempfile.gettempdir()}/voorbeeld-*")) == before     # its charts are gone


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        yield driver


@pytest.fixture
def page(browser, running):
    browser.get(running.url)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#rapport main"), timeout=600)   # the first rendering
    return browser


def _version(driver) -> int:
    return int(driver.find_element(By.ID, "status").get_attribute("data-versie"))


def _edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


def test_a_port_in_use_or_a_missing_folder_is_a_dutch_error_at_once(inputs):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["voorbeeld", "--inputs", str(inputs), "--poort", str(port)])
    assert result.exit_code == 1
    assert f"de server kan niet starten op poort {port}" in result.output and "--poort" in result.output
    missing = CliRunner().invoke(main, ["voorbeeld", "--inputs", str(inputs / "bestaat-niet"), "--poort", "0"])
    assert missing.exit_code == 1 and "bestaat niet" in missing.output


def test_the_server_listens_on_loopback_only_and_serves_nothing_else(running):
    assert running.url.startswith("http://127.0.0.1:")
    for path in ("../../etc/passwd", "lettertypen/../../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd",
                 "lettertypen/..%2f..%2fpyproject.toml", "figuren/K1.svg", "teksten/1-inleiding.md"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(running.url + path, timeout=10)
        refused.value.close()
        assert refused.value.code == 404, path
    with urllib.request.urlopen(running.url + "lettertypen/Lato-Regular.ttf", timeout=10) as font:
        assert font.read(4) == b"\x00\x01\x00\x00"


# The size of the whole page shown, and the bytes of the updates fetched since (`/?van=<versie>`).
_FETCHED = """
const loaded = document.documentElement.outerHTML.length;
const updates = performance.getEntriesByType('resource').filter(e => e.name.includes('?van='));
return [loaded, updates.map(e => e.decodedBodySize)];
"""


def test_a_narrative_edit_updates_the_open_page_in_place(page, inputs):
    page.execute_script("window.scrollTo(0, 2400); window.sameLoad = true; performance.clearResourceTimings();"
                        "window.sheet = document.getElementById('factsheet-P03').closest('.deel');")
    before = _version(page)
    original = _edit(inputs / CHAPTER, SENTENCE, "In december 2018 zond de minister")
    try:
        wait_for(page, lambda d: "In december 2018 zond de minister" in body_text(d, "#rapport"))
        assert _version(page) > before
        assert page.execute_script("return window.sameLoad") is True          # no reload
        assert page.execute_script("return window.scrollY") == 2400            # the reader's place kept
        assert page.execute_script("return window.sheet.isConnected")       # the annex stayed, not sent again
        loaded, updates = page.execute_script(_FETCHED)
        assert updates and all(size < loaded / 3 for size in updates), (loaded, updates)
        assert not page.find_elements(By.CSS_SELECTOR, "[data-kept]")        # every place was filled
        changed = page.execute_script("return [...document.querySelectorAll('.bijgewerkt')]"
                                      ".map(part => part.querySelector('h1').innerText)")
        assert [heading.split()[0] for heading in changed] == ["1"]          # marked where the save landed
    finally:
        (inputs / CHAPTER).write_text(original, encoding="utf-8")
    wait_for(page, lambda d: SENTENCE in body_text(d, "#rapport"))


def test_a_page_missing_a_part_the_server_leaves_out_fetches_the_whole_page(page, inputs):
    # Chapter 3 as this page holds it no longer matches what the server thinks the page has.
    page.execute_script("window.sameLoad = true; performance.clearResourceTimings();"
                        "document.querySelectorAll('main > .deel')[2].dataset.digest = 'anders';")
    original = _edit(inputs / CHAPTER, SENTENCE, "In december 2018 zond de minister")
    try:
        wait_for(page, lambda d: "In december 2018 zond de minister" in body_text(d, "#rapport"))
        fetched = page.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert any("?van=" in name for name in fetched) and any(name.endswith("/") for name in fetched), fetched
        assert not page.find_elements(By.CSS_SELECTOR, "[data-kept], [data-digest='anders']")
        assert page.execute_script("return window.sameLoad") is True
    finally:
        (inputs / CHAPTER).write_text(original, encoding="utf-8")
    wait_for(page, lambda d: SENTENCE in body_text(d, "#rapport"))


def test_a_page_left_open_while_the_preview_restarts_shows_the_new_run(browser, tmp_path):
    inputs = Path(shutil.copytree(EXAMPLE_INPUTS, tmp_path / "invoer"))
    with preview(inputs) as first:
        browser.get(first.url)
        wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#rapport main"), timeout=600)
        browser.execute_script("window.scrollTo(0, 2400); window.sameLoad = true;")
    _edit(inputs / CHAPTER, SENTENCE, "In december 2018 zond de minister")      # saved while it was stopped
    port = first.url.rsplit(":", 1)[1].strip("/")
    with preview(inputs, port=int(port)):       # its versions start at 1 again, below the page's
        wait_for(browser, lambda d: "In december 2018 zond de minister" in body_text(d, "#rapport"), timeout=600)
        assert browser.execute_script("return window.sameLoad") is True
        assert browser.execute_script("return window.scrollY") == 2400


def _set_answer(workbook: Path, qid: str, value: str) -> str:
    book = load_workbook(workbook)
    sheet = book.active
    row = next(cell.row for cell in sheet["A"] if cell.value == qid)
    old = sheet[f"C{row}"].value
    sheet[f"C{row}"] = value
    book.save(workbook)
    return old


def test_a_changed_answer_updates_counts_factsheet_and_provenance(page, inputs):
    workbook = inputs / "vragenlijsten" / "P03.xlsx"
    sheet = "document.getElementById('factsheet-P03').closest('section').innerText"
    assert "Vertraagd" in page.execute_script(f"return {sheet}")
    old = _set_answer(workbook, "B1", "afgerond")
    try:
        wait_for(page, lambda d: "Afgerond" in d.execute_script(f"return {sheet}"))
        assert page.find_elements(By.XPATH, "//span[@class='provenance-pilot' and starts-with(., 'P03')]")
    finally:
        _set_answer(workbook, "B1", old)
    wait_for(page, lambda d: "Vertraagd" in d.execute_script(f"return {sheet}"))


def test_hovering_or_focusing_a_number_shows_its_pilots(page):
    number = page.find_elements(By.CSS_SELECTOR, "main .counted")[0]
    tooltip = number.find_element(By.CSS_SELECTOR, ".provenance")
    assert not tooltip.is_displayed()
    ActionChains(page).move_to_element(number).perform()
    wait_for(page, lambda d: tooltip.is_displayed())
    shown = tooltip.text
    pilots = tooltip.find_elements(By.CSS_SELECTOR, ".provenance-pilot")
    assert pilots and shown.startswith(f"{len(pilots)} pilot")
    assert all(pilot.text.split(" · ")[0] for pilot in pilots) and " · " in pilots[0].text    # ID · name
    ActionChains(page).move_to_element(page.find_element(By.ID, "status")).perform()
    wait_for(page, lambda d: not tooltip.is_displayed())
    # the keyboard: Tab from the last heading before it reaches the number and shows the same list
    page.execute_script("""const n = arguments[0];
        const before = document.createElement('a'); before.href = '#'; before.id = 'voor-het-getal';
        before.textContent = 'x'; n.before(before); before.focus();""", number)
    ActionChains(page).send_keys(Keys.TAB).perform()
    assert page.execute_script("return document.activeElement") == number
    wait_for(page, lambda d: tooltip.is_displayed())
    assert number.get_attribute("aria-describedby") == tooltip.get_attribute("id")


def test_an_input_error_shows_in_dutch_above_the_last_good_report(page, inputs):
    original = _edit(inputs / CHAPTER, SENTENCE, "{{ aantal(K1='x' }} " + SENTENCE)
    try:
        alert = wait_for(page, lambda d: d.find_elements(By.CSS_SELECTOR, ".invoerfout"))[0]
        assert alert.get_attribute("role") == "alert"
        assert CHAPTER in alert.text and "regel" in alert.text and "laatste goede versie" in alert.text
        assert SENTENCE in body_text(page, "#rapport")                 # the last good rendering, beneath
        assert len(page.find_elements(By.CSS_SELECTOR, "main figure img")) >= 5
    finally:
        (inputs / CHAPTER).write_text(original, encoding="utf-8")
    wait_for(page, lambda d: not d.find_elements(By.CSS_SELECTOR, ".invoerfout"))


def test_warnings_stand_at_their_place_and_in_a_linked_list(page, inputs):
    original = _edit(inputs / CHAPTER, SENTENCE, "Het jaar eindigde. 12 pilots kregen een casus. " + SENTENCE)
    try:
        marked = wait_for(page, lambda d: d.find_elements(By.CSS_SELECTOR, "main .warned"))[0]
        assert "Waarschuwing" in marked.text and "begint met een getal in cijfers" in marked.text
        assert "12 pilots kregen een casus" in marked.text          # the block written at that line
        link = page.find_element(By.CSS_SELECTOR, f"#waarschuwingen a[href='#{marked.get_attribute('id')}']")
        assert CHAPTER in link.get_attribute("textContent")
    finally:
        (inputs / CHAPTER).write_text(original, encoding="utf-8")
    wait_for(page, lambda d: not d.find_elements(By.CSS_SELECTOR, "main .warned"))


def test_the_preview_passes_axe_core_wcag_21_aa(page):
    violations = axe_violations(page)
    assert violations == [], describe(violations)
