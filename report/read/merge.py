"""Turn the workbooks of all pilots into one Pilot per Pilot-ID.

Per question the first source that has an answer wins: a correction, then the
questionnaire, then the researchers' supplement; the coding sheet adds K1-K7.
Workbooks are linked by Pilot-ID compared case-insensitively, and every link
that cannot be made (a second questionnaire for a pilot, a supplement or
coding row without questionnaire) is a problem rather than a silent drop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from report.engagement.codebook import Role, Variant, all_questions, questions, role_id
from report.model import Answer, Pilot, Problem, ProblemKind, Severity
from report.read.coding import Coding, classifications
from report.read.questionnaire import Questionnaire



@dataclass(frozen=True)
class PilotAnswer:
    """An answer aimed at one pilot from outside its workbooks (a correction)."""

    pilot_id: str
    answer: Answer


def pilot_key(pilot_id: str) -> str:
    return pilot_id.strip().casefold()


def natural_key(pilot_id: str) -> tuple:
    """Sort P2 before P10, whatever the case."""
    return tuple(int(part) if part.isdigit() else part
                 for part in re.split(r"(\d+)", pilot_key(pilot_id)))


def merge(questionnaires: Sequence[Questionnaire], coding: Coding | None,
          overrides: Sequence[PilotAnswer] = ()) -> tuple[list[Pilot], list[Problem]]:
    """The merged pilots, sorted by Pilot-ID, and the problems of linking them."""
    problems: list[Problem] = []
    main = _unique([q for q in questionnaires if not q.is_supplement], "vragenlijst", problems)
    supplements = _unique([q for q in questionnaires if q.is_supplement], "aanvulling", problems)
    for key, supplement in supplements.items():
        if key not in main:
            problems.append(_at_pilot_id(
                supplement, Severity.ERROR,
                f"Er is geen vragenlijst (lang of kort) met Pilot-ID '{supplement.pilot_id}' "
                "om deze aanvulling bij te voegen."))
    coded = _coded(coding, main, problems)
    corrections = _corrections(overrides, main, problems)
    pilots = []
    for key, questionnaire in main.items():
        supplement = supplements.get(key)
        answers = merge_layers((questionnaire.answers, supplement.answers if supplement else {},
                                coded.get(key, {})))
        fixes = corrections.get(key, {})
        _warn_unchanged(questionnaire.pilot_id, fixes, answers, problems)
        pilot = Pilot(questionnaire.pilot_id, merge_layers((fixes, answers)))
        _warn_unanswered(pilot, questionnaire, supplement, problems)
        pilots.append(pilot)
    pilots.sort(key=lambda pilot: natural_key(pilot.id))
    return pilots, problems


def merge_layers(layers: Iterable[dict[str, Answer]]) -> dict[str, Answer]:
    """Per question the answer of the first layer that has one, in codebook order."""
    merged: dict[str, Answer] = {}
    for layer in layers:
        for qid, answer in layer.items():
            merged.setdefault(qid, answer)
    return {q.id: merged[q.id] for q in all_questions() if q.id in merged}


def _unique(workbooks: list[Questionnaire], kind: str,
            problems: list[Problem]) -> dict[str, Questionnaire]:
    """Workbooks by pilot key; a second one of the same kind for a pilot is an error."""
    found: dict[str, Questionnaire] = {}
    for workbook in workbooks:
        first = found.setdefault(pilot_key(workbook.pilot_id), workbook)
        if first is not workbook:
            problems.append(_at_pilot_id(
                workbook, Severity.ERROR,
                f"Pilot-ID '{workbook.pilot_id}' staat ook in {kind} {first.file}; per pilot hoort "
                f"er één {kind}. Dit werkboek wordt niet gebruikt."))
    return found


def _coded(coding: Coding | None, main: dict[str, Questionnaire],
           problems: list[Problem]) -> dict[str, dict[str, Answer]]:
    """Coding answers by pilot key; rows and pilots that do not meet are reported."""
    if coding is None:
        return {}
    coded = {}
    for row in coding.rows:
        key = pilot_key(row.pilot_id)
        if key in main:
            coded[key] = row.answers
        else:
            problems.append(Problem(
                Severity.ERROR, coding.file,
                f"Er is geen vragenlijst met Pilot-ID '{row.pilot_id}'; controleer de spelling "
                "of verwijder de rij.", sheet=coding.sheet, cell=row.pilot_id_cell,
                found=row.pilot_id))
    for key, questionnaire in main.items():
        if key not in coded:
            problems.append(Problem(
                Severity.WARNING, coding.file,
                f"Geen codering voor pilot '{questionnaire.pilot_id}' (uit {questionnaire.file}); "
                f"{', '.join(classifications())} tellen als niet ingevuld.",
                sheet=coding.sheet, kind=ProblemKind.UNCODED))
    return coded


def _corrections(overrides: Sequence[PilotAnswer], main: dict[str, Questionnaire],
                 problems: list[Problem]) -> dict[str, dict[str, Answer]]:
    by_pilot: dict[str, dict[str, Answer]] = {}
    for override in overrides:
        key = pilot_key(override.pilot_id)
        source = override.answer.source
        if key not in main:
            known = sorted((q.pilot_id for q in main.values()), key=natural_key)
            problems.append(Problem(
                Severity.ERROR, source.file,
                f"Er is geen pilot met Pilot-ID '{override.pilot_id}'; deze correctie kan "
                "nergens worden toegepast.", sheet=source.sheet, cell=source.cell,
                question_id=override.answer.question_id, found=override.pilot_id,
                expected=", ".join(known)))
            continue
        by_pilot.setdefault(key, {})[override.answer.question_id] = override.answer
    return by_pilot


def _warn_unchanged(pilot_id: str, fixes: dict[str, Answer], answers: dict[str, Answer],
                    problems: list[Problem]) -> None:
    """A correction that repeats the current answer is stale or a typo; either way the user should know."""
    for qid, fix in fixes.items():
        current = answers.get(qid)
        if current is not None and current.value == fix.value:
            problems.append(Problem(
                Severity.WARNING, fix.source.file,
                f"Correctie voor pilot '{pilot_id}': deze correctie verandert niets, want het antwoord "
                f"in {current.source.describe()} is al gelijk aan de nieuwe waarde. Verwijder de "
                "correctie als de wijziging al in het werkboek staat, of controleer de waarde.",
                sheet=fix.source.sheet, cell=fix.source.cell, question_id=qid))


def _warn_unanswered(pilot: Pilot, questionnaire: Questionnaire, supplement: Questionnaire | None,
                     problems: list[Problem]) -> None:
    missing = [q.id for q in questions() if q.id not in pilot.answers]
    if not missing:
        return
    context = ""
    if questionnaire.variant is Variant.KORT and supplement is None:
        context = " Dit is een korte vragenlijst zonder aanvulling van de onderzoekers."
    summary = ("1 vraag is niet beantwoord en telt" if len(missing) == 1
               else f"{len(missing)} vragen zijn niet beantwoord en tellen")
    problems.append(Problem(
        Severity.WARNING, questionnaire.file,
        f"Pilot '{pilot.id}': {summary} als onbekend / niet ingevuld: {', '.join(missing)}.{context}",
        kind=ProblemKind.UNANSWERED))


def _at_pilot_id(workbook: Questionnaire, severity: Severity, message: str) -> Problem:
    pilot_id = role_id(Role.PILOT_ID)
    source = workbook.answers[pilot_id].source
    return Problem(severity, workbook.file, message, sheet=source.sheet, cell=source.cell,
                   question_id=pilot_id, found=workbook.pilot_id)
