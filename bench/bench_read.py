"""Print how long reading and validating 30 and 300 synthetic pilots takes.

The workbooks are written with the test factory (tests/workbooks.py) into a
temporary folder; only `read_inputs` is timed (best of a few runs, so the
page cache is warm as it is after the first run of a consultant's day).
Aim: under 2 s for 300 pilots on a 2-core machine.

For comparison it also times what openpyxl alone would need just to load the
same workbooks twice (stored values, then formulas), which the contract's
"stored values only, formula without value is an error" rule would take;
that is why report/read/workbook.py reads the sheet XML itself.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import load_workbook  # noqa: E402

from report.read import read_inputs  # noqa: E402
from tests.workbooks import write_inputs  # noqa: E402


def bench(pilots: int, repeats: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        inputs = write_inputs(Path(tmp), pilots)
        timings = []
        for _ in range(repeats):
            start = time.perf_counter()
            result = read_inputs(inputs)
            timings.append(time.perf_counter() - start)
        if len(result.pilots) != pilots or result.has_errors:
            raise SystemExit(f"unexpected result: {len(result.pilots)} pilots, "
                             f"{sum(p.is_error for p in result.problems)} errors")
        print(f"{pilots:4d} pilots ({result.workbooks} workbooks): read_inputs "
              f"best {min(timings):.3f} s, worst {max(timings):.3f} s over {repeats} runs; "
              f"openpyxl loading twice: {_openpyxl_twice(inputs):.3f} s")


def _openpyxl_twice(inputs: Path) -> float:
    start = time.perf_counter()
    for path in sorted(inputs.rglob("*.xlsx")):
        for data_only in (True, False):
            load_workbook(path, data_only=data_only).close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("sizes", nargs="*", type=int, default=[30, 300])
    parser.add_argument("--smoke", action="store_true", help="a quick run at the smallest size (CI)")
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.repeats = [3], 1
    for size in args.sizes:
        bench(size, args.repeats)


if __name__ == "__main__":
    main()
