#!/usr/bin/env python3
"""Time the history stage on the example: reading a snapshot with its checks, and the change lists.

Builds the example (no DOCX or PDF) into a temporary folder, then prints the
median of N rounds for: reading and checking the snapshot file
(report.history.schema.read) against a bare json.loads of the same bytes,
comparing two snapshots, the team's Markdown, and the client's DOCX and PDF
of a one-correction round. Also reads a 100,000-deep JSON and a file one
byte over the size cap, to show what a hostile snapshot costs.

    .venv/bin/python bench/bench_history.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import msgspec

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report.build import build  # noqa: E402
from report.history.changes import compare  # noqa: E402
from report.history.client import client_document  # noqa: E402
from report.history.markdown import render_markdown  # noqa: E402
from report.history.schema import MAX_BYTES, SnapshotError, decode, read  # noqa: E402
from report.write.docx.writer import write_docx  # noqa: E402
from report.write.pdf.writer import write_pdf  # noqa: E402


def _median(rounds: int, action) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _refused(data: bytes) -> None:
    try:
        decode(data)
    except SnapshotError:
        return
    raise AssertionError("a hostile snapshot was accepted")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="a quick run at the smallest size (CI)")
    args = parser.parse_args()
    rounds = 1 if args.smoke else args.rounds
    with tempfile.TemporaryDirectory() as work:
        result = build(ROOT / "inputs", Path(work), formats=())
        [path] = Path(work).glob("*.snapshot.json")
        data = path.read_bytes()
        old = result.snapshot
        answers = old.pilots[next(iter(old.pilots))].answers
        qid = next(q for q, a in answers.items() if isinstance(a.value, str))
        changed = dict(answers, **{qid: msgspec.structs.replace(answers[qid], value="anders", text=None)})
        pilot = next(iter(old.pilots))
        new = msgspec.structs.replace(old, pilots=dict(old.pilots, **{pilot: msgspec.structs.replace(
            old.pilots[pilot], answers=changed)}))
        log = compare(old, new)
        client = client_document(log, result.document.meta)
        deep, big = b"[" * 100_000 + b"]" * 100_000, b" " * (MAX_BYTES + 1)
        rows = [
            (f"snapshot read + checked ({len(data) / 1e6:.2f} MB)", lambda: read(path)),
            ("same bytes, bare json.loads", lambda: json.loads(data)),
            ("100,000-deep JSON refused", lambda: _refused(deep)),
            (f"file over the cap ({MAX_BYTES // 2**20} MB + 1) refused", lambda: _refused(big)),
            ("compare two snapshots", lambda: compare(old, new)),
            ("team Markdown", lambda: render_markdown(log)),
            ("client DOCX", lambda: write_docx(client)),
            ("client PDF", lambda: write_pdf(client)),
        ]
        print(f"median of {rounds} rounds")
        for label, action in rows:
            print(f"  {label:<45} {_median(rounds, action) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
