#!/usr/bin/env python3
"""Time a full build of the example report per phase, and its peak memory, for pdf, docx and both.

Each build runs in a fresh interpreter into an empty folder, so imports count
and no cache from an earlier build helps, as for a consultant's first build.
The phases are the build's own (BuildResult.timings); the write phase is
split into each format's writer (the rest of it is the snapshot and the files).
Memory is the process's peak resident size (lxml, Pango and HarfBuzz allocate
outside Python, so tracemalloc alone would undercount). The build runs in one
process (no workers), so each writer's time is its own; bench/bench_scale.py
measures the build with its worker processes.

    .venv/bin/python bench/bench_build.py [--inputs DIR] [--formats pdf docx docx,pdf]

--smoke builds both formats once, of the smoke runs' synthetic pilots (bench/synthetic_inputs.py).

Aims (issues 4 and 5): a PDF build under 10 s and 600 MB; DOCX writing under 3 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_inputs import smoke_inputs  # noqa: E402


def measure(inputs: Path, formats: tuple[str, ...], output: Path) -> dict[str, object]:
    """One build in this process: phase times, each writer's share, wall time and peak RSS."""
    start = time.perf_counter()
    from report.build import build
    from report.write.formats import Writer
    imported = time.perf_counter()
    writers: dict[str, float] = {}
    write = Writer.write

    def timed(writer, *args, **kwargs):
        before = time.perf_counter()
        data = write(writer, *args, **kwargs)
        writers[writer.suffix.lstrip(".")] = time.perf_counter() - before
        return data

    Writer.write = timed
    result = build(inputs, output, formats, processes=1)
    wall = time.perf_counter() - start
    if not result.ok:
        raise SystemExit(f"build failed: {[p.format() for p in result.problems if p.is_error]}")
    return {"formats": ",".join(formats), "imports": imported - start, **result.timings,
            "wall": wall, "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "writers": writers}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=Path, default=ROOT / "inputs")
    parser.add_argument("--formats", nargs="+", default=["pdf", "docx", "docx,pdf"])
    parser.add_argument("--single", help=argparse.SUPPRESS)
    parser.add_argument("--smoke", action="store_true", help="a quick run at the smallest size (CI)")
    args = parser.parse_args()
    if args.single:
        with tempfile.TemporaryDirectory() as output:
            print(json.dumps(measure(args.inputs, tuple(args.single.split(",")), Path(output))))
        return
    if args.smoke:
        with smoke_inputs() as inputs:
            table(inputs, ["docx,pdf"])
    else:
        table(args.inputs, args.formats)


def table(inputs: Path, formats_list: list[str]) -> None:
    """Build once per entry of `formats_list`, each in a fresh interpreter; print the phases side by side."""
    rows = []
    for formats in formats_list:
        completed = subprocess.run([sys.executable, __file__, "--inputs", str(inputs),
                                    "--single", formats], check=True, capture_output=True, text=True)
        rows.append(json.loads(completed.stdout))
    phases = [key for key in rows[0] if key not in ("formats", "wall", "rss_peak_mb", "writers")]
    print(f"{'phase':<24}" + "".join(f"{row['formats']:>12}" for row in rows))
    for phase in phases:
        print(f"{phase:<24}" + "".join(f"{row.get(phase, 0):>11.2f}s" for row in rows))
    for name in ("docx", "pdf"):
        print(f"{'  ' + name + ' writer only':<24}" + "".join(
            f"{row['writers'][name]:>11.2f}s" if name in row["writers"] else f"{'-':>12}"
            for row in rows))
    print(f"{'total (wall clock)':<24}" + "".join(f"{row['wall']:>11.2f}s" for row in rows))
    print(f"{'peak RSS':<24}" + "".join(f"{row['rss_peak_mb']:>10.0f}MB" for row in rows))


if __name__ == "__main__":
    main()
