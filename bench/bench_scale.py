#!/usr/bin/env python3
"""Time the project's clean build against a naive one-pass pipeline, for 30 and for 300 pilots.

Both make the DOCX and the PDF from the same inputs, each in a fresh
interpreter into an empty folder, taking turns (the order flips every
round, so a busy machine weighs on both alike):

- project: `build(..., clean=True)`, as `make_report.py build --schoon`:
  PDF parts and the DOCX in worker processes (one per core, or --processes);
- naive: one process reads, draws the charts, composes, lays out the
  report's whole HTML in one WeasyPrint pass and writes the DOCX with the
  contents' page numbers of that PDF (docxtpl + one WeasyPrint pass: no
  parts, no cache, no LibreOffice).

For 30 pilots the inputs are the example; for more, bench/synthetic_inputs.py
writes them. Memory is sampled every 50 ms over the whole process tree
(the build and its workers) with psutil: the largest process (RSS), and the
tree together, both as the sum of RSS (counts pages a forked worker shares
with the build twice) and, every 0.5 s as it costs the machine more, of PSS
(shared pages split between the sharers).
CPU time is the user + system time of the tree. Prints every run, then the
medians and the ratio project / naive.

    .venv/bin/python bench/bench_scale.py [--pilots 30 300] [--rounds 3] [--processes N]

Aims (issues 13 and 24): the example at most 0.7x the naive wall time, 300 pilots at
most 0.5x; at 300 pilots every process under 600 MB and the tree under 1.2 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pikepdf
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_inputs import write_inputs  # noqa: E402

PROJECT = """
import sys
from pathlib import Path
from report.build import build
processes = int(sys.argv[3]) if sys.argv[3] else None
result = build(Path(sys.argv[1]), Path(sys.argv[2]), clean=True, processes=processes)
assert result.ok, [p.format() for p in result.problems if p.is_error]
"""

NAIVE = """
import sys
from pathlib import Path
from unittest import mock
from weasyprint import HTML
from report.compose import compose
from report.engagement.config import load_config
from report.figures.charts import render_chart
from report.figures.registry import count_figure, figures
from report.read import read_inputs
from report.style import TEMPLATES_DIR
from report.write.docx.writer import write_docx
from report.write.pdf.html import render_html
inputs, output = Path(sys.argv[1]), Path(sys.argv[2])
pilots = read_inputs(inputs).pilots
config, _ = load_config(inputs)
charts = {spec.key: render_chart(spec, count_figure(pilots, spec), output) for spec in figures()}
document, _ = compose(config, pilots, inputs, charts)
pdf = HTML(string=render_html(document), base_url=TEMPLATES_DIR.as_uri() + "/").write_pdf(pdf_variant="pdf/ua-1")
(output / "rapport.pdf").write_bytes(pdf)
with mock.patch("shutil.which", return_value=None):     # no LibreOffice: the contents take the PDF's pages
    (output / "rapport.docx").write_bytes(write_docx(document, pdf=pdf))
"""

SAMPLE_EVERY = 0.05
PSS_EVERY = 10          # PSS reads every mapping of a process (smaps): costly, so every 10th sample only


def run(code: str, inputs: Path, processes: int | None) -> dict[str, float]:
    """One build in a fresh interpreter: wall and CPU time, peak memory of its process tree, pages."""
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as output:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        build = psutil.Popen([sys.executable, "-c", code, str(inputs), output, str(processes or "")],
                             cwd=ROOT, stdout=sys.stderr)
        peak = {"process_mb": 0.0, "tree_rss_mb": 0.0, "tree_pss_mb": 0.0}
        samples = 0
        while build.poll() is None:
            _sample(build, peak, pss=samples % PSS_EVERY == 0)
            samples += 1
            time.sleep(SAMPLE_EVERY)
        wall = time.perf_counter() - start
        if build.returncode:
            raise SystemExit(f"build failed ({build.returncode})")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        [pdf] = Path(output).rglob("*.pdf")
        with pikepdf.open(pdf) as opened:
            pages = len(opened.pages)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"wall": wall, "cpu": cpu, **peak, "pages": pages}


def _sample(build: psutil.Process, peak: dict[str, float], pss: bool) -> None:
    rss = shared = 0
    try:
        tree = [build, *build.children(recursive=True)]
    except psutil.NoSuchProcess:
        return
    for process in tree:
        try:
            memory = process.memory_full_info() if pss else process.memory_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
        rss += memory.rss
        shared += getattr(memory, "pss", memory.rss)
        peak["process_mb"] = max(peak["process_mb"], memory.rss / 2**20)
    peak["tree_rss_mb"] = max(peak["tree_rss_mb"], rss / 2**20)
    if pss:
        peak["tree_pss_mb"] = max(peak["tree_pss_mb"], shared / 2**20)


def bench(pilots: int, rounds: int, processes: int | None) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="bench-invoer-") as tmp:
        inputs = ROOT / "inputs" if pilots == 30 else write_inputs(pilots, Path(tmp) / "invoer")
        runs: dict[str, list[dict[str, float]]] = {"project": [], "naive": []}
        for number in range(rounds):
            order = ("project", "naive") if number % 2 == 0 else ("naive", "project")
            for kind in order:
                measured = run(PROJECT if kind == "project" else NAIVE, inputs, processes)
                runs[kind].append(measured)
                print(f"{pilots} pilots, round {number + 1}, {kind:7}: " + _line(measured), flush=True)
    return {kind: {key: statistics.median(run[key] for run in measured) for key in measured[0]}
            for kind, measured in runs.items()}


def _line(figures: dict[str, float]) -> str:
    return (f"{figures['wall']:6.1f} s wall, {figures['cpu']:6.1f} s cpu, {figures['pages']:4.0f} pages, "
            f"{figures['wall'] / figures['pages']:.3f} s/page wall, {figures['cpu'] / figures['pages']:.3f} "
            f"s/page cpu, largest process {figures['process_mb']:5.0f} MB, tree {figures['tree_rss_mb']:5.0f} "
            f"MB rss / {figures['tree_pss_mb']:5.0f} MB pss")


def _table(results: dict[int, dict[str, dict[str, float]]]) -> str:
    """The medians side by side, as Markdown: the project's and the naive pipeline's row per size."""
    rows = ["| pilots | pipeline | wall s | cpu s | pages | wall s/page | cpu s/page | ratio wall/page |"
            " largest process MB | tree PSS MB |", "|" + "---|" * 10]
    for pilots, medians in results.items():
        naive = medians["naive"]["wall"] / medians["naive"]["pages"]
        for kind, m in medians.items():
            per_page = m["wall"] / m["pages"]
            rows.append(f"| {pilots} | {kind} | {m['wall']:.1f} | {m['cpu']:.1f} | {m['pages']:.0f} | "
                        f"{per_page:.3f} | {m['cpu'] / m['pages']:.3f} | {per_page / naive:.2f} | "
                        f"{m['process_mb']:.0f} | {m['tree_pss_mb']:.0f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pilots", type=int, nargs="+", default=[30, 300])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--processes", type=int, help="worker processes of the project build (default: cores)")
    parser.add_argument("--json", type=Path, help="also write the medians here")
    parser.add_argument("--smoke", action="store_true", help="a quick run at the smallest size (CI)")
    args = parser.parse_args()
    if args.smoke:
        args.pilots, args.rounds = [3], 1
    results = {}
    for pilots in args.pilots:
        medians = bench(pilots, args.rounds, args.processes)
        results[pilots] = medians
        for kind, figures in medians.items():
            print(f"{pilots} pilots, median  {kind:7}: " + _line(figures))
        ratio = medians["project"]["wall"] / medians["naive"]["wall"]
        cpu = medians["project"]["cpu"] / medians["naive"]["cpu"]
        print(f"{pilots} pilots: project / naive = {ratio:.2f} wall, {cpu:.2f} cpu "
              f"({psutil.cpu_count()} cores)", flush=True)
    print(_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
