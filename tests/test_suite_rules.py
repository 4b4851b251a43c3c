"""Rules the test modules keep, read from their source, so a new test cannot quietly break them."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_no_test_names_a_fixed_path_in_tmp():
    """A fixed /tmp path escapes the session's watched temporary folder and is shared between runs
    (as LibreOffice's profile once was); use tmp_path or tempfile."""
    fixed = [f"{path.name}:{number}" for path in sorted(TESTS.glob("*.py")) if path.name != Path(__file__).name
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if re.search(r"""file:///tmp/|["']/tmp/""", line)]
    assert fixed == []


def test_no_test_skips_without_the_ci_rule():
    """Skips go through the `needs` marker or tests.conftest.lacking, which fail in CI; a bare
    pytest.skip, skipif or importorskip would hide a missing tool or a broken import."""
    bare = [f"{path.name}:{number}" for path in sorted(TESTS.glob("test_*.py")) if path.name != Path(__file__).name
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if re.search(r"pytest\.(skip\(|mark\.skipif|importorskip)", line)]
    assert bare == []
