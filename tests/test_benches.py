"""Every script in bench/ runs: a smoke run at its smallest size, so a bench cannot rot unnoticed.

The convention (bench/README.md): each bench/*.py accepts `--smoke`, which
runs it once at the smallest size that exercises all its code. No timing is
asserted; a bench that errors, or prints nothing, fails its test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
TIMEOUT_SECONDS = 900


@pytest.mark.parametrize("script", sorted(BENCH.glob("*.py")), ids=lambda path: path.name)
def test_bench_runs_at_smoke_size(script: Path):
    # A short temporary folder (in the session's, which is watched): Chromium puts its singleton
    # socket there, and a socket path over 107 bytes (as under pytest's tmp_path) stops it starting.
    with tempfile.TemporaryDirectory() as folder:
        run = subprocess.run([sys.executable, str(script), "--smoke"], cwd=BENCH.parent, capture_output=True,
                             text=True, timeout=TIMEOUT_SECONDS, env={**os.environ, "TMPDIR": folder})
    assert run.returncode == 0, f"{script.name} --smoke failed:\n{run.stdout[-2000:]}\n{run.stderr[-4000:]}"
    assert run.stdout.strip(), f"{script.name} --smoke printed nothing"
