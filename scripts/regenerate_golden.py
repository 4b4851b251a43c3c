"""Rewrite tests/golden/example-report.txt, the readable dump of the example report's document model.

Run on purpose after a reviewed change of the report (then review the diff
with `git diff tests/golden`): the test in tests/test_compose.py only
compares, so a damaged or stale golden file fails the suite instead of being
rewritten by it.

    .venv/bin/python scripts/regenerate_golden.py
"""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report.build import build  # noqa: E402
from report.document.dump import dump  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "example-report.txt"


def example_dump() -> str:
    """The dump of the bundled example, composed as a data-only build (no layout)."""
    with tempfile.TemporaryDirectory(prefix="golden-") as work:
        result = build(ROOT / "inputs", Path(work) / "uitvoer", formats=())
    if not result.ok:
        sys.exit("\n".join(p.format() for p in result.problems if p.is_error))
    return dump(result.document)


def main() -> None:
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(example_dump(), encoding="utf-8")
    print(f"{GOLDEN.relative_to(ROOT)} geschreven; bekijk de wijzigingen met git diff")


if __name__ == "__main__":
    main()
