#!/usr/bin/env python3
"""Time a clean build of the example against the rebuild of a review round.

Each round copies the example inputs into a temporary folder and builds them
into an empty output folder (empty cache); then it makes what a review round
makes: a new version with a new date and a history entry in rapport.yaml,
one changed text answer of one pilot (question A1 of the first pilot,
which only its factsheet shows, written with openpyxl) and a one-word edit in
each of two chapters' texts; and it builds again
into the same folder, so the rebuild finds the cache the clean build left.
Only the parts that show what changed are laid out again: the cover and
colophon (date, version, history), the two edited chapters and that pilot's
factsheet. Every build
runs in a fresh interpreter, as a consultant runs make_report.py, so its
wall time includes start-up and imports; the CPU time (user + system) of the
build and its worker processes is printed too, as it varies less when the
machine is busy. Prints each round, the medians and the ratio rebuild /
clean (aim, issue 24: under 30%).

    .venv/bin/python bench/bench_rebuild.py [--rounds N] [--formats docx,pdf] [--processes N]

--smoke runs one round on the smoke runs' synthetic pilots (bench/synthetic_inputs.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_inputs import smoke_inputs  # noqa: E402
from report.read import read_inputs  # noqa: E402

QUESTION = "A1"
TEXT_EDITS = (("1-inleiding.md", "geleidelijke", "stapsgewijze"), ("4-borging.md", "eenvoudig", "makkelijk"))
BUILD = """
import json, sys
from pathlib import Path
from report.build import build
result = build(Path(sys.argv[1]), Path(sys.argv[2]), formats=tuple(sys.argv[3].split(",")),
               processes=int(sys.argv[4]) if sys.argv[4] else None)
assert result.ok, [p.format() for p in result.problems if p.is_error]
print(json.dumps({"phases": result.timings,
                  "made": {kind: stats.made for kind, stats in result.cache.items()}}))
"""


def timed_build(inputs: Path, output: Path, formats: str, processes: int | None) -> dict:
    """Build in a fresh interpreter; its wall time, CPU time and what the build reports."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", BUILD, str(inputs), str(output), formats, str(processes or "")],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, **json.loads(run.stdout.splitlines()[-1])}


def change_answer(inputs: Path, text: str) -> str:
    """Give the first pilot a new A1 answer in its own workbook; returns the pilot's ID."""
    pilot = read_inputs(inputs).pilots[0]
    source = pilot.answer(QUESTION).source
    workbook = openpyxl.load_workbook(inputs / source.file)
    workbook[source.sheet][source.cell] = text
    workbook.save(inputs / source.file)
    return pilot.id


def new_version(inputs: Path, number: int) -> None:
    """The next version of the report, dated a week later, with its history entry."""
    config = inputs / "rapport.yaml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    version = f"{settings['versie']}.{number}"
    date = settings["datum"] + dt.timedelta(days=7)
    text = config.read_text(encoding="utf-8")
    text = text.replace(f'versie: "{settings["versie"]}"', f'versie: "{version}"', 1)
    text = text.replace(f"datum: {settings['datum']}", f"datum: {date}", 1)
    config.write_text(text + f'  - versie: "{version}"\n    datum: {date}\n    wijziging: Meting.\n',
                      encoding="utf-8")


def edit_texts(inputs: Path) -> None:
    """A consultant's two text edits in two chapters: one word each, inside a paragraph."""
    for name, old, new in TEXT_EDITS:
        path = inputs / "teksten" / name
        text = path.read_text(encoding="utf-8")
        if old not in text:
            raise SystemExit(f"{name} no longer holds {old!r}: choose another word to edit")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def round_(number: int, formats: str, processes: int | None, source: Path) -> tuple[dict, dict, str]:
    with tempfile.TemporaryDirectory(prefix="bench-rebuild-") as tmp:
        inputs, output = Path(tmp) / "invoer", Path(tmp) / "uitvoer"
        shutil.copytree(source, inputs)
        clean = timed_build(inputs, output, formats, processes)
        new_version(inputs, number)
        pilot = change_answer(inputs, f"Een gewijzigd antwoord voor de meting, ronde {number}.")
        edit_texts(inputs)
        rebuild = timed_build(inputs, output, formats, processes)
    return clean, rebuild, pilot


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--formats", default="docx,pdf")
    parser.add_argument("--processes", type=int, help="worker processes of each build (default: cores)")
    parser.add_argument("--smoke", action="store_true", help="a quick run at the smallest size (CI)")
    args = parser.parse_args()
    if args.smoke:
        with smoke_inputs() as inputs:
            rounds(inputs, 1, args.formats, args.processes)
    else:
        rounds(ROOT / "inputs", args.rounds, args.formats, args.processes)


def rounds(source: Path, count: int, formats: str, processes: int | None) -> None:
    cleans, rebuilds = [], []
    for number in range(1, count + 1):
        clean, rebuild, pilot = round_(number, formats, processes, source)
        cleans.append(clean)
        rebuilds.append(rebuild)
        print(f"round {number}: clean {clean['wall']:.2f} s wall ({clean['cpu']:.2f} s cpu), "
              f"rebuild of a new version with {QUESTION} of {pilot} changed and two text edits {rebuild['wall']:.2f} s wall "
              f"({rebuild['cpu']:.2f} s cpu); rebuild made {rebuild['made']}")
    for label, runs in (("clean", cleans), ("rebuild", rebuilds)):
        phases = {name: statistics.median(run["phases"][name] for run in runs) for name in runs[0]["phases"]}
        print(f"{label:8} phases (median s): " + ", ".join(f"{name} {value:.2f}" for name, value in phases.items()))
    wall = [statistics.median(run["wall"] for run in runs) for runs in (cleans, rebuilds)]
    cpu = [statistics.median(run["cpu"] for run in runs) for runs in (cleans, rebuilds)]
    print(f"median wall: clean {wall[0]:.2f} s, rebuild {wall[1]:.2f} s, ratio {wall[1] / wall[0]:.0%}")
    print(f"median cpu:  clean {cpu[0]:.2f} s, rebuild {cpu[1]:.2f} s, ratio {cpu[1] / cpu[0]:.0%} "
          f"(aim: rebuild under 30% of clean)")


if __name__ == "__main__":
    main()
