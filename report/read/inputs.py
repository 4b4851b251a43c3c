"""One inputs folder in, every pilot and every problem out: the read stage's single entrance, so
all commands read a folder the same way and report all its problems in one run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from report.engagement.load import activate_folder
from report.model import Pilot, Problem, Severity, has_errors
from report.read.coding import Coding, read_coding
from report.engagement.folders import CODING_FILE, CORRECTIONS_FILE, EXCEL_LOCK_PREFIX, QUESTIONNAIRE_DIR
from report.read.corrections import read_corrections
from report.read.merge import merge
from report.read.questionnaire import Questionnaire, read_questionnaire

WorkbookReader = Callable[[Path, str], tuple[Questionnaire | None, list[Problem]]]



@dataclass(frozen=True)
class ReadResult:
    pilots: list[Pilot]
    problems: list[Problem]
    workbooks: int = 0
    corrections: int = 0

    @property
    def has_errors(self) -> bool:
        return has_errors(self.problems)


def read_inputs(inputs_dir: Path, read_workbook: WorkbookReader = read_questionnaire) -> ReadResult:
    """All pilots of `inputs_dir`, sorted by Pilot-ID, with all problems.

    `read_workbook` reads one questionnaire; the live preview passes one that
    remembers the workbooks a save did not touch (report.preview.pipeline).

    The corrections in `correcties.yaml` (if any) win over every workbook, so
    every command that reads the inputs sees the corrected answers. The
    engagement's report type (codeboek.yaml, rapportvorm.yaml) is loaded
    and made active first: the workbooks are read against its codebook, so
    every command reports a mistake in it, and reads nothing while it has one.
    """
    problems: list[Problem] = []
    if not inputs_dir.is_dir():
        problems.append(Problem(Severity.ERROR, str(inputs_dir),
                                "De invoermap bestaat niet of is geen map."))
        return ReadResult([], problems)
    problems += activate_folder(inputs_dir)
    if problems:       # no codebook to read the workbooks with; the folder's other gaps are said too
        return ReadResult([], problems + _missing_parts(inputs_dir))
    paths = _questionnaire_paths(inputs_dir, problems)
    questionnaires: list[Questionnaire] = []
    for path in paths:
        questionnaire, found = read_workbook(path, _label(path, inputs_dir))
        problems.extend(found)
        if questionnaire is not None:
            questionnaires.append(questionnaire)
    coding = _coding(inputs_dir, problems)
    corrections, found = read_corrections(inputs_dir / CORRECTIONS_FILE)
    problems.extend(found)
    pilots, linking = merge(questionnaires, coding, corrections)
    workbooks = len(paths) + (inputs_dir / CODING_FILE).is_file()
    return ReadResult(pilots, problems + linking, workbooks, len(corrections))


def _questionnaire_paths(inputs_dir: Path, problems: list[Problem]) -> list[Path]:
    folder = inputs_dir / QUESTIONNAIRE_DIR
    label = f"{QUESTIONNAIRE_DIR}/"
    if not folder.is_dir():
        problems += _missing_parts(inputs_dir)[:1]
        return []
    paths = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", EXCEL_LOCK_PREFIX)) or not path.is_file():
            continue
        if path.suffix.lower() == ".xlsx":
            paths.append(path)
        else:
            problems.append(Problem(
                Severity.WARNING, _label(path, inputs_dir),
                "Dit bestand is geen .xlsx-werkboek en wordt overgeslagen."))
    if not paths:
        problems.append(Problem(Severity.ERROR, label,
                                "Geen vragenlijsten gevonden: de map bevat geen .xlsx-bestanden."))
    return paths


def _missing_parts(inputs_dir: Path) -> list[Problem]:
    problems = []
    if not (inputs_dir / QUESTIONNAIRE_DIR).is_dir():
        problems.append(Problem(Severity.ERROR, f"{QUESTIONNAIRE_DIR}/",
                                f"De map '{QUESTIONNAIRE_DIR}' ontbreekt in de invoermap {inputs_dir}."))
    if not (inputs_dir / CODING_FILE).is_file():
        problems.append(Problem(Severity.ERROR, CODING_FILE,
                                f"Het codeerbestand {CODING_FILE} ontbreekt in de invoermap."))
    return problems


def _coding(inputs_dir: Path, problems: list[Problem]) -> Coding | None:
    path = inputs_dir / CODING_FILE
    if not path.is_file():
        problems += _missing_parts(inputs_dir)[-1:]
        return None
    coding, found = read_coding(path, CODING_FILE)
    problems.extend(found)
    return coding


def _label(path: Path, inputs_dir: Path) -> str:
    return path.relative_to(inputs_dir).as_posix()
