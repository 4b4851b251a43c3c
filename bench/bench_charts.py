#!/usr/bin/env python3
"""Time the figures: statistics plus every chart, cold and warm.

Cold runs in a fresh interpreter, so interpreter start and imports count, as
they do for a consultant typing `make_report.py figuren`. Warm repeats the
work in one process, which is what a full build pays per figure. Reading the
workbooks is timed apart: it is the read stage's cost, not the charts'.

    .venv/bin/python bench/bench_charts.py [--inputs DIR] [--repeat N]

--smoke runs once, on the smoke runs' synthetic pilots (bench/synthetic_inputs.py).
"""

from __future__ import annotations

import argparse
import json
import statistics as stats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_inputs import smoke_inputs  # noqa: E402


def run(inputs: Path, out_dir: Path) -> dict[str, float]:
    """One pass, timing each phase; imports are done here so a fresh process pays them."""
    start = time.perf_counter()
    from report.analyse import statistics
    from report.figures.charts import render_figures
    from report.read import read_inputs
    imported = time.perf_counter()
    pilots = read_inputs(inputs).pilots
    read = time.perf_counter()
    statistics(pilots)
    charts = render_figures(pilots, out_dir)
    done = time.perf_counter()
    return {"imports": imported - start, "read": read - imported, "charts": done - read,
            "figures": len(charts), "pilots": len(pilots)}


def cold(inputs: Path, out_dir: Path) -> dict[str, float]:
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, __file__, "--inputs", str(inputs), "--out", str(out_dir), "--single"],
        check=True, capture_output=True, text=True)
    phases = json.loads(completed.stdout)
    phases["process"] = time.perf_counter() - started
    return phases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=Path, default=ROOT / "inputs")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--single", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--smoke", action="store_true", help="a quick run at the smallest size (CI)")
    args = parser.parse_args()
    if args.single:
        print(json.dumps(run(args.inputs, args.out)))
        return
    if args.smoke:
        with smoke_inputs() as inputs:
            measure(inputs, 1)
    else:
        measure(args.inputs, args.repeat)


def measure(inputs: Path, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        first = cold(inputs, out)
        cold_charts = first["process"] - first["read"]
        print(f"{first['figures']} figures, {first['pilots']} pilots")
        print(f"cold: {cold_charts:.2f} s for start, imports, statistics and charts "
              f"(imports {first['imports']:.2f} s, charts {first['charts']:.2f} s; "
              f"reading the workbooks another {first['read']:.2f} s)")
        run(inputs, out)
        warm = [run(inputs, out)["charts"] for _ in range(repeat)]
        print(f"warm: {stats.median(warm):.2f} s statistics and charts "
              f"(median of {repeat}, {stats.median(warm) / first['figures'] * 1000:.0f} ms per figure)")
        print(f"aim: under 3 s cold -> {'met' if cold_charts < 3 else 'NOT met'}")


if __name__ == "__main__":
    main()
