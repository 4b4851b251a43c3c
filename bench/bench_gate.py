"""Print what the publication gate adds to a build of the example: privacy check, PDF and DOCX checks.

The example is built once (both formats) into a temporary folder; then each
part of the gate is timed on those files, best of a few runs: the privacy
check of the inputs (run after reading), and the file checks as a concept
build runs them (page texts only) and as a definitive build or
`check --publicatie` runs them (the tag tree too, for the correction badges).
--smoke does it once, on the smoke runs' synthetic pilots (bench/synthetic_inputs.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic_inputs import smoke_inputs  # noqa: E402
from report.build import build  # noqa: E402
from report.privacy import privacy_problems  # noqa: E402
from report.publication import file_problems  # noqa: E402
from report.read import read_inputs  # noqa: E402
from report.style import PROJECT_ROOT  # noqa: E402

INPUTS = PROJECT_ROOT / "inputs"


def best(repeats: int, run) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="a quick run at the smallest size (CI)")
    args = parser.parse_args()
    if args.smoke:
        with smoke_inputs() as inputs:
            measure(inputs, 1, "synthetic")
    else:
        measure(INPUTS, args.repeats, "example")


def measure(inputs: Path, repeats: int, label: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = build(inputs, Path(tmp))
        built = {path.name: path.read_bytes() for path in result.outputs if path.suffix in (".pdf", ".docx")}
        pilots = read_inputs(inputs).pilots
        print(f"{label}: {len(pilots)} pilots; build phases "
              + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in result.timings.items()))
        print(f"privacy check of the inputs:   {best(repeats, lambda: privacy_problems(inputs, pilots)):.2f} s")
        for name, data in sorted(built.items()):
            for publication in (False, True):
                seconds = best(repeats, lambda: file_problems({name: data}, None, publication))
                print(f"{Path(name).suffix[1:]:4} checks, {'definitive' if publication else 'concept':10}: "
                      f"{seconds:.2f} s")


if __name__ == "__main__":
    main()
