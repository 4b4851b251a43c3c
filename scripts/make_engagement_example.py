"""Write an engagement's illustrative workbooks from nothing but its own codebook.

The second bundled engagement (`examples/eindevaluatie/`) has no table of real
answers: its questionnaires and coding sheet are drawn, seeded, from the
questions of its `codeboek.yaml`, so the engagement proves that a codebook
alone is enough to start. Every kind of question gets a plausible answer
(a label, some labels with an *anders* text, a number, a month, a sentence);
some are left empty, and every fifth pilot returns the short questionnaire
with a supplement. The same folder, seed and number of pilots always give the
same bytes.

Run from the project root:
``.venv/bin/python -m scripts.make_engagement_example examples/eindevaluatie``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from report.engagement.codebook import (
    OTHER_CODE, AnswerKind, Question, Role, Variant, coding_columns, question, questions_for, role_id,
)
from report.engagement.active import current
from report.engagement.load import activate_folder
from report.engagement.folders import CODING_FILE, QUESTIONNAIRE_DIR
from report.workbooks import build_coding, build_questionnaire, save_workbook
from report.workbooks.coding import NAME_HEADER

PLACES = ("Almere", "Breda", "Deventer", "Enschede", "Gouda", "Haarlem", "Leeuwarden", "Maastricht",
          "Nijmegen", "Zwolle", "Amersfoort", "Delft")
WORKS = ("Spreekuur", "Route", "Loket", "Netwerk", "Wijkaanpak", "Steunpunt")
SENTENCES = (
    "De samenwerking tussen de partners is in de loop van de pilot sterker geworden.",
    "Rechtzoekenden vinden sneller de weg naar passende hulp dan voor de pilot.",
    "Het vraagt tijd om professionals in het sociaal domein te leren juridische vragen te herkennen.",
    "De werkwijze is vastgelegd in een handreiking die andere gemeenten kunnen gebruiken.",
    "Een vaste contactpersoon bij elke partner bleek de belangrijkste voorwaarde.",
    "De doelgroep is beter bereikt via bestaande contacten dan via een nieuwe website.",
)
OTHER_TEXTS = ("via de huisarts", "via de bibliotheek", "via het maatschappelijk werk")
STORY = ("{name} hielp een rechtzoekende met een probleem dat al maanden speelde. Na één gesprek was "
         "duidelijk welke stappen nodig waren.\n\nBinnen enkele weken was er een oplossing, zonder "
         "procedure bij de rechter.")
EMPTY = 0.12          # the share of optional answers left empty


def write_engagement_example(folder: Path, pilots: int = 8, seed: int = 2023) -> list[Path]:
    """Write the questionnaires and the coding sheet into `folder`; the engagement's codebook must be active."""
    chance = random.Random(seed)
    written = []
    case = current().case
    coding = []
    for index in range(pilots):
        pilot_id = f"E{index + 1:02d}"
        name = f"{WORKS[index % len(WORKS)]} {PLACES[index % len(PLACES)]}"
        short = index % 5 == 4
        answers = _answers(chance, pilot_id, name, "kort" if short else "lang")
        written.append(_save(build_questionnaire(_variant(answers), answers=answers), folder, pilot_id))
        if short:
            extra = _supplement(chance, pilot_id, name, answers)
            written.append(_save(build_questionnaire(_variant(extra), answers=extra), folder,
                                 f"{pilot_id}-aanvulling"))
        row: dict[str, object] = {"Pilot-ID": pilot_id, NAME_HEADER: name}
        for column in coding_columns():
            if column.kind is AnswerKind.CHOICE:
                row[column.id] = chance.choice(column.choices).label
        if case and case.place and index < 2:
            row[case.place] = "2.1"         # the first two pilots' cases stand in section 2.1
        coding.append(row)
    path = folder / CODING_FILE
    save_workbook(build_coding(coding), path)
    return [*written, path]


def _variant(answers: dict[str, object]) -> Variant:
    return Variant(answers[role_id(Role.DOCUMENT)])


def _answers(chance: random.Random, pilot_id: str, name: str, variant: str) -> dict[str, object]:
    answers: dict[str, object] = {}
    for q in questions_for(Variant(variant)):
        value = _answer(chance, q, pilot_id, name, variant)
        if value is not None:
            answers[q.id] = value
    return answers


def _supplement(chance: random.Random, pilot_id: str, name: str, given: dict[str, object]) -> dict[str, object]:
    """What the researchers add to a short questionnaire: the questions it did not ask."""
    extra = {role_id(Role.PILOT_ID): pilot_id, role_id(Role.NAME): name, role_id(Role.DOCUMENT): "aanvulling"}
    for q in questions_for(Variant.AANVULLING):
        if q.id not in given and q.id not in extra and not q.role:
            value = _answer(chance, q, pilot_id, name, "aanvulling")
            if value is not None:
                extra[q.id] = value
    return extra


def _answer(chance: random.Random, q: Question, pilot_id: str, name: str, variant: str) -> object | None:
    fixed = {Role.PILOT_ID: pilot_id, Role.NAME: name, Role.DOCUMENT: variant,
             Role.CONTACT: f"projectleider@{pilot_id.lower()}.example.nl"}
    if q.role in fixed:
        return fixed[q.role]
    case = current().case
    if case and q.id == case.title:
        return f"Hoe {name} verder hielp"
    if case and q.id == case.story:
        return STORY.format(name=name)
    if not q.required and chance.random() < EMPTY:
        return None
    if q.kind is AnswerKind.TEXT and q.section == question(role_id(Role.NAME)).section:
        return f"Stichting Rechtshulp {name.split()[-1]}"     # who runs it, beside the pilot's name
    if q.kind is AnswerKind.CHOICE:
        return chance.choice(q.choices).label
    if q.kind is AnswerKind.MULTI:
        picked = chance.sample(q.choices, k=chance.randint(1, min(3, len(q.choices))))
        return "; ".join(f"{c.label}: {chance.choice(OTHER_TEXTS)}" if c.code == OTHER_CODE else c.label
                         for c in sorted(picked, key=q.choices.index))
    if q.kind is AnswerKind.NUMBER:
        return int(chance.choice((10, 40, 120, 300, 800, 1500)) * chance.uniform(0.5, 1.5))
    if q.kind is AnswerKind.DATE:
        start = q.role == Role.START
        return dt.date(2021 if start else 2023, chance.randint(1, 12), 1)
    return chance.choice(SENTENCES)


def _save(workbook, folder: Path, stem: str) -> Path:
    path = folder / QUESTIONNAIRE_DIR / f"{stem}.xlsx"
    save_workbook(workbook, path)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Schrijf voorbeeldwerkboeken uit het codeboek van een opdracht.")
    parser.add_argument("folder", type=Path, help="de opdrachtmap, met codeboek.yaml en rapportvorm.yaml")
    parser.add_argument("--pilots", type=int, default=8, help="hoeveel pilots (standaard 8)")
    parser.add_argument("--seed", type=int, default=2023, help="het startgetal van het toeval (standaard 2023)")
    args = parser.parse_args(argv)
    problems = activate_folder(args.folder)
    if problems:
        print("\n".join(problem.format() for problem in problems), file=sys.stderr)
        return 1
    paths = write_engagement_example(args.folder, args.pilots, args.seed)
    print(f"{len(paths) - 1} vragenlijsten en {CODING_FILE} geschreven in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
