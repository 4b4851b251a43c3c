#!/usr/bin/env python3
"""Time the live preview from saving an input to the updated page, in a real headless Chromium.

Starts `make_report.py voorbeeld` on a copy of the example (30 pilots) or on
N synthetic pilots (bench/synthetic_inputs.py; below 30 pilots without the
example's corrections, which name pilots that are then missing), opens it in
Debian's Chromium, and in each round saves two edits the way an editor does
(written beside the file, then renamed over it):

- a narrative edit: one sentence of the first chapter, changed back and forth;
- a changed answer: question B1 of pilot P03's workbook (written with
  openpyxl), which moves a count in the text, a chart and a factsheet.

The clock starts when the rename is done and stops when the page, observed
from inside (a MutationObserver), shows the changed text: the watcher's wait
for the save to settle, the recomputation, the page, the event, the fetch and
the swap are all inside. Prints every round and the median and maximum
(aims, issue 22: 0.5 s and 1.5 s at 30 pilots; 1 s and 3 s at 300), the
preview server's CPU time over the same span (wall time on a shared machine
is noisy; CPU time is what the update costs) and the load average.

    .venv/bin/python bench/bench_preview.py [--pilots N] [--rounds R]      (smoke run: --smoke)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
from selenium.webdriver.common.by import By

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_inputs import write_inputs  # noqa: E402
from tests.browser import chromium, preview  # noqa: E402

EXAMPLE = 30
TEXT = Path("teksten") / "1-inleiding.md"
SENTENCE = ("In november 2018 zond de minister", "In december 2018 zond de minister")
WORKBOOK = Path("vragenlijsten") / "P03.xlsx"
ANSWERS = (("afgerond", "Afgerond"), ("gestopt", "Vroegtijdig gestopt"))

# Resolves when #rapport holds `wanted` in the element `selector`, with the page's wall clock.
_OBSERVE = """
const [selector, wanted] = arguments;
window.updatedAt = null;
const seen = () => {
  const element = document.querySelector(selector);
  if (element && element.closest('#rapport') && element.innerText.includes(wanted)) {
    window.updatedAt = Date.now(); observer.disconnect();
  }
};
const observer = new MutationObserver(seen);
observer.observe(document.body, {childList: true, subtree: true});
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pilots", type=int, default=EXAMPLE, help="30: the example; other: synthetic pilots")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="a quick run (CI): 3 pilots, one round")
    args = parser.parse_args()
    if args.smoke:
        args.pilots, args.rounds = 3, 1
    if args.pilots < 3:
        parser.error("--pilots: at least 3 (the answer changed is that of the third pilot, P03)")
    with tempfile.TemporaryDirectory(prefix="bench-voorbeeld-") as folder:
        inputs = _inputs(args.pilots, Path(folder) / "invoer")
        started = time.perf_counter()
        with preview(inputs) as running, chromium() as driver:
            driver.get(running.url)
            while not driver.find_elements(By.CSS_SELECTOR, "#rapport main"):     # the first rendering
                time.sleep(0.05)
            print(f"preview of {args.pilots} pilots shown in {time.perf_counter() - started:.1f} s at {running.url}")
            narrative, answer, cpu = [], [], {"narrative": [], "answer": []}
            server = running.process.pid
            for round in range(args.rounds):
                old, new = SENTENCE if round % 2 == 0 else SENTENCE[::-1]
                used = _cpu_seconds(server)
                narrative.append(_timed(driver, "#rapport main", new, lambda: _replace_text(inputs / TEXT, old, new)))
                cpu["narrative"].append(_cpu_seconds(server) - used)
                code, label = ANSWERS[round % 2]
                used = _cpu_seconds(server)
                answer.append(_timed(driver, "#factsheet-P03", "",
                                     lambda: _set_answer(inputs / WORKBOOK, "B1", code), label))
                cpu["answer"].append(_cpu_seconds(server) - used)
                print(f"  round {round + 1}: narrative edit {narrative[-1]:.2f} s (server CPU "
                      f"{cpu['narrative'][-1]:.2f} s), changed answer {answer[-1]:.2f} s "
                      f"(server CPU {cpu['answer'][-1]:.2f} s), load {os.getloadavg()[0]:.1f}")
        computed = [line.split(" s ")[0].split()[-1] for line in running.lines if line.startswith("Bijgewerkt in ")]
        print(f"of which the preview computed (s): {', '.join(computed)}")
        print(f"narrative edit → updated page: median {statistics.median(narrative):.2f} s, max {max(narrative):.2f} s; "
              f"server CPU median {statistics.median(cpu['narrative']):.2f} s")
        print(f"changed answer → updated page: median {statistics.median(answer):.2f} s, max {max(answer):.2f} s; "
              f"server CPU median {statistics.median(cpu['answer']):.2f} s")
        print(f"load average (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


def _inputs(pilots: int, target: Path) -> Path:
    if pilots == EXAMPLE:
        return Path(shutil.copytree(ROOT / "inputs", target))
    write_inputs(pilots, target)
    if pilots < EXAMPLE:
        (target / "correcties.yaml").unlink(missing_ok=True)
    return target


def _timed(driver, selector: str, wanted: str, save, factsheet_label: str | None = None) -> float:
    """Seconds from the end of `save()` to the page showing `wanted` (or the factsheet showing the label)."""
    if factsheet_label is not None:     # the factsheet is the section around its heading
        selector, wanted = "#rapport section.factsheet:has(#factsheet-P03)", factsheet_label
    driver.execute_script(_OBSERVE, selector, wanted)
    save()
    saved = time.time()
    deadline = time.monotonic() + 120
    while (updated := driver.execute_script("return window.updatedAt")) is None:
        if time.monotonic() > deadline:
            raise SystemExit(f"the page did not show {wanted!r} within 120 s")
        time.sleep(0.005)
    return updated / 1000 - saved


def _cpu_seconds(pid: int) -> float:
    """CPU time (user and system) the process has used so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _replace_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    _save(path, text.replace(old, new, 1).encode("utf-8"))


def _set_answer(path: Path, qid: str, value: str) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    row = next(cell.row for cell in sheet["A"] if cell.value == qid)
    sheet[f"C{row}"] = value
    staged = path.with_name(f".{path.name}.tmp")
    book.save(staged)
    os.replace(staged, path)


def _save(path: Path, data: bytes) -> None:
    """As an editor saves: beside the file, then renamed over it."""
    staged = path.with_name(f".{path.name}.tmp")
    staged.write_bytes(data)
    os.replace(staged, path)


if __name__ == "__main__":
    main()
