#!/usr/bin/env python3
"""Print where a build's time goes: per phase, the wall time and the CPU time of each process.

A 2-core machine shared with other jobs makes wall times noisy, so the
profile is CPU time: of the build's own process, of each worker process
(one line per worker, as each keeps a core busy) and of the programs the
workers start (LibreOffice). The build runs in this process; at each phase
boundary (the build's progress lines) every process of the tree is sampled
with psutil. The merge of the PDF's parts runs in the build's process and
is timed on its own. With --round, the same folder is then built again after
a review round (new version and date, one changed answer, two text edits,
as bench/bench_rebuild.py makes them), so the profile of a round follows
that of the clean build.

    .venv/bin/python bench/bench_phases.py [--pilots N] [--processes N] [--round]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_rebuild import change_answer, edit_texts, new_version  # noqa: E402
from bench.synthetic_inputs import write_inputs  # noqa: E402
from report.build import build  # noqa: E402
from report.write.pdf import parts  # noqa: E402


class Profile:
    """CPU seconds per phase and process, sampled at the build's progress lines."""

    def __init__(self):
        self.me = psutil.Process()
        self.rows: list[tuple[str, float, dict[str, float]]] = []
        self.before: dict[str, float] = {}
        self.phase, self.started, self.before = "before", time.perf_counter(), self._sample()
        self.merge = 0.0

    def _sample(self, final: bool = False) -> dict[str, float]:
        """Each process's CPU; LibreOffice's is what the build and the workers reaped of their children
        (once the build has ended, its reaped children are the workers, already counted)."""
        times = self.me.cpu_times()
        cpu = {"build": _own(times), "LibreOffice": self.before["LibreOffice"] if final else
               times.children_user + times.children_system}
        for number, worker in enumerate(sorted(self.me.children(), key=lambda p: p.pid), start=1):
            try:
                times = worker.cpu_times()
            except psutil.NoSuchProcess:
                continue
            cpu[f"worker {number}"] = _own(times)
            cpu["LibreOffice"] += times.children_user + times.children_system
        return cpu

    def progress(self, line: str) -> None:
        """A phase starts at its title line and ends at its "klaar in" line, before the workers stop."""
        if line.startswith("["):
            self.phase = line.split("]", 1)[1].strip(" …")
        elif "klaar in" in line:
            self.close()
            self.phase = "between and after"

    def close(self, final: bool = False) -> None:
        now, after = time.perf_counter(), self._sample(final)
        spent = {name: after[name] - self.before.get(name, 0.0) for name in after}
        self.rows.append((self.phase, now - self.started, spent))
        self.started, self.before = now, after

    def print(self, title: str) -> None:
        names = sorted({name for _, _, spent in self.rows for name in spent})
        print(f"\n{title}\n{'phase':<24}{'wall s':>8}" + "".join(f"{name:>13}" for name in names))
        for phase, wall, spent in self.rows:
            print(f"{phase:<24}{wall:8.2f}" + "".join(f"{spent.get(name, 0.0):13.2f}" for name in names))
        totals = {name: sum(spent.get(name, 0.0) for _, _, spent in self.rows) for name in names}
        print(f"{'total':<24}{sum(w for _, w, _ in self.rows):8.2f}" + "".join(f"{totals[n]:13.2f}" for n in names)
              + f"   (cpu {sum(totals.values()):.2f} s; merge of the PDF parts {self.merge:.2f} s of 'build')")


def _own(times) -> float:
    return times.user + times.system


def profiled(inputs: Path, output: Path, processes: int | None, title: str) -> None:
    profile = Profile()
    merge = parts.merge

    def timed_merge(*args, **kwargs):
        start = time.process_time()
        try:
            return merge(*args, **kwargs)
        finally:
            profile.merge += time.process_time() - start

    parts.merge = timed_merge
    try:
        result = build(inputs, output, processes=processes, progress=profile.progress)
    finally:
        parts.merge = merge
    profile.close(final=True)
    if not result.ok:
        raise SystemExit(f"build failed: {[p.format() for p in result.problems if p.is_error]}")
    profile.print(f"{title}: {sum(len(s.made) for s in result.cache.values())} pieces made, "
                  f"{sum(len(s.hits) for s in result.cache.values())} from the cache")
    for namespace, stats in result.cache.items():      # what a round lays out again, by name
        if stats.made and len(stats.made) <= 12:
            print(f"  made in {namespace}: {', '.join(stats.made)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pilots", type=int, default=30, help="30: the example; other counts are synthetic")
    parser.add_argument("--processes", type=int, help="worker processes (default: cores)")
    parser.add_argument("--round", action="store_true", help="then profile a review round's rebuild")
    parser.add_argument("--smoke", action="store_true", help="3 pilots, with a round (CI)")
    args = parser.parse_args()
    if args.smoke:
        args.pilots, args.round = 3, True
    with tempfile.TemporaryDirectory(prefix="bench-fasen-") as tmp:
        inputs = Path(tmp) / "invoer"
        if args.pilots == 30:
            shutil.copytree(ROOT / "inputs", inputs)
        else:
            write_inputs(args.pilots, inputs)
        profiled(inputs, Path(tmp) / "uit", args.processes, f"clean build, {args.pilots} pilots")
        if args.round:
            new_version(inputs, 1)
            change_answer(inputs, "Een gewijzigd antwoord voor de meting.")
            edit_texts(inputs)
            profiled(inputs, Path(tmp) / "uit", args.processes, "review round, same folder")


if __name__ == "__main__":
    main()
