#!/usr/bin/env python3
"""Turn the example into an inputs folder of N synthetic pilots, for benches at scale.

Pilot k is modelled on example pilot k mod 30: the same questionnaire
variant (long, or short with its researchers' supplement), the same typing
habits (codes or labels, dates as text, swapped rows, lines above the
header, ...), so every workbook style of the input contract recurs. Its
answers are random but valid: every choice and coding column a random code
of the contract, multiple choices a random subset, counts a random number,
texts those of a random example pilot (so factsheets run to the example's
lengths). Only the first 30 keep a case box section (K6), one pilot per box
as the narrative expects. The narrative, rapport.yaml and corrections are the
example's; the same N and seed always give the same workbooks.

    .venv/bin/python bench/synthetic_inputs.py 300 /tmp/invoer-300
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report.engagement.codebook import AnswerKind, question  # noqa: E402
from report.engagement.load import activate_folder  # noqa: E402
from report.engagement.folders import CODING_FILE, QUESTIONNAIRE_DIR  # noqa: E402
from report.workbooks import build_coding, save_workbook  # noqa: E402
from scripts import make_example_inputs as example  # noqa: E402
from scripts.example_data.pilots import CODING_IDS, PILOTS, QUESTION_IDS, Pilot  # noqa: E402

KEPT = ("P0", "P1", "P5", "P8", "K6", "K7")          # identity, personal data, variant, case box, cluster


def synthetic_pilots(count: int, seed: int = 13) -> list[Pilot]:
    """`count` pilots modelled on the example's, with random valid answers."""
    rng = random.Random(seed)
    pilots = []
    for k in range(count):
        model = PILOTS[k % len(PILOTS)]
        changes = {qid: _random_answer(qid, getattr(model, qid), rng)
                   for qid in (*QUESTION_IDS, *CODING_IDS) if qid not in KEPT}
        stem = model.P0 if k < len(PILOTS) else f"S{k + 1:04d}"
        pilots.append(dataclasses.replace(
            model, **changes, P0=stem, P1=model.P1 if k < len(PILOTS) else f"{model.P1} ({k + 1})",
            K6=model.K6 if k < len(PILOTS) else None))
        for suffix in ("", example.SUPPLEMENT_SUFFIX):        # the model's typing habits
            if model.P0 + suffix in example.HABITS:
                example.HABITS[stem + suffix] = example.HABITS[model.P0 + suffix]
    return pilots


def _random_answer(qid: str, value: object, rng: random.Random) -> object:
    """A random valid answer where the model answered; unanswered stays unanswered."""
    if value is None:
        return None
    q = question(qid)
    if q.kind is AnswerKind.CHOICE:
        return rng.choice(q.codes)
    if q.kind is AnswerKind.MULTI:
        plain = [code for code in q.codes if code != "anders"]
        return tuple(rng.sample(plain, rng.randint(1, min(3, len(plain)))))
    if q.kind is AnswerKind.NUMBER:
        return rng.randint(0, 5000)
    if q.kind is AnswerKind.TEXT:
        return getattr(rng.choice(PILOTS), qid) or value
    return value                                              # dates: the model's period


def write_inputs(count: int, target: Path, seed: int = 13) -> Path:
    """An inputs folder with `count` synthetic pilots; returns it."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / "inputs", target, ignore=shutil.ignore_patterns("*.xlsx"))
    problems = activate_folder(target)      # the example's report type, copied with its texts
    assert not problems, [problem.format() for problem in problems]
    pilots = synthetic_pilots(count, seed)
    for pilot in pilots:
        for stem, workbook in example.pilot_workbooks(pilot):
            save_workbook(workbook, target / QUESTIONNAIRE_DIR / f"{stem}.xlsx")
    save_workbook(build_coding([example.coding_row(pilot) for pilot in pilots]), target / CODING_FILE)
    _keep_corrections_of({pilot.P0 for pilot in pilots}, target / "correcties.yaml")
    return target


def _keep_corrections_of(pilot_ids: set[str], corrections: Path) -> None:
    """Drop the example's corrections of pilots a small synthetic folder lacks (a smoke run's)."""
    head, *entries = re.split(r"(?m)^(?=- pilot: )", corrections.read_text(encoding="utf-8"))
    kept = [entry for entry in entries if entry.split(None, 3)[2] in pilot_ids]
    corrections.write_text(head + "".join(kept), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?")
    parser.add_argument("target", type=Path, nargs="?")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--smoke", action="store_true", help="write 3 pilots to a temporary folder (CI)")
    args = parser.parse_args()
    if args.smoke:
        with tempfile.TemporaryDirectory(prefix="synthetisch-") as tmp:
            pilots = len(list(write_inputs(3, Path(tmp) / "invoer", args.seed).glob(f"{QUESTIONNAIRE_DIR}/*.xlsx")))
        print(f"3 synthetic pilots written ({pilots} workbooks)")
        return
    if args.count is None or args.target is None:
        parser.error("count and target are required")
    write_inputs(args.count, args.target, args.seed)
    print(f"{args.count} synthetic pilots written to {args.target}")


if __name__ == "__main__":
    main()
