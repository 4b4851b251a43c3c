"""Start a new engagement: a folder that builds at once, for a consultant to change step by step.

The folder's text files come from `templates/nieuwe-opdracht/` (a small
codebook and report type, one chapter with a figure and a placeholder, the
annex, the fact-check letter, rapport.yaml and a Dutch README of the folder);
the workbooks are made from that codebook: the blank questionnaires to hand
out and one example pilot, so the first build has something to count. The
folder appears whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from report.engagement.codebook import CODING_PILOT_HEADER, AnswerKind, Role, Variant, coding_columns, questions, role_id
from report.engagement.load import activate_folder
from report.engagement.folders import CODING_FILE, CONFIG_FILE, QUESTIONNAIRE_DIR
from report.style import PROJECT_ROOT
from report.workbooks import build_coding, build_questionnaire, save_workbook
from report.workbooks.coding import NAME_HEADER

SCAFFOLD_DIR = PROJECT_ROOT / "templates" / "nieuwe-opdracht"
BLANK_DIR = "lege-vragenlijsten"
EXAMPLE_PILOT = ("VOORBEELD", "Voorbeeldpilot")
EXAMPLE_FILE = "voorbeeld.xlsx"


class NotEmpty(Exception):
    """The folder already holds files; a new engagement never writes over anything."""


def create_engagement(folder: Path, today: dt.date) -> list[Path]:
    """Make the engagement folder; the files written, relative to it."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise NotEmpty(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".nieuw-", dir=folder.parent))
    try:
        _fill(staging, today)
        if folder.exists():
            folder.rmdir()
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(path.relative_to(folder) for path in folder.rglob("*") if path.is_file())


def _fill(folder: Path, today: dt.date) -> None:
    shutil.copytree(SCAFFOLD_DIR, folder, dirs_exist_ok=True)
    config = folder / CONFIG_FILE
    config.write_text(config.read_text(encoding="utf-8").replace("{datum}", today.isoformat()), encoding="utf-8")
    problems = activate_folder(folder)
    if problems:        # the scaffold is ours: a mistake in it is a bug, not the user's
        raise ValueError("; ".join(problem.format() for problem in problems))
    for variant in Variant:
        save_workbook(build_questionnaire(variant), folder / BLANK_DIR / f"vragenlijst-{variant.value}.xlsx")
    pilot_id, name = EXAMPLE_PILOT
    answers: dict[str, object] = {role_id(Role.NAME): name}
    for q in questions():
        if q.kind is AnswerKind.CHOICE and not q.role:
            answers[q.id] = q.choices[0].label
    save_workbook(build_questionnaire(Variant.LANG, answers=answers, pilot_id=pilot_id),
                  folder / QUESTIONNAIRE_DIR / EXAMPLE_FILE)
    row: dict[str, object] = {CODING_PILOT_HEADER: pilot_id, NAME_HEADER: name}
    row.update({q.id: q.choices[0].label for q in coding_columns() if q.kind is AnswerKind.CHOICE})
    save_workbook(build_coding([row]), folder / CODING_FILE)
