"""A build killed from outside takes its worker processes with it (report.workers)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BUILD = """
import sys
from pathlib import Path
from report.build import build
build(Path(sys.argv[1]), Path(sys.argv[2]), clean=True, processes=2)
"""


def test_workers_exit_when_their_build_is_killed(tmp_path: Path):
    started = subprocess.Popen([sys.executable, "-c", BUILD, str(ROOT / "inputs"), str(tmp_path / "uit")],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env={**os.environ, "TMPDIR": str(tmp_path)})
    build = psutil.Process(started.pid)
    deadline = time.monotonic() + 120
    while len(children := build.children()) < 2:
        assert started.poll() is None and time.monotonic() < deadline, "the build forked no workers"
        time.sleep(0.05)
    os.kill(started.pid, signal.SIGKILL)
    started.wait()
    _, alive = psutil.wait_procs(children, timeout=10)
    for left in alive:
        left.kill()                 # this test leaves no process behind, even when it fails
    assert not alive, f"workers outlived their build: {[p.pid for p in alive]}"
    started.stdout.read()           # the output pipe closes: nothing holds it open any more
    started.stdout.close()
