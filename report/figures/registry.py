"""Turn the report's figures into data, defined once: which question each shows and how.

Figure numbers are deliberately absent: the composer numbers figures in the
order the text places them, so moving a figure never means renumbering here.
Whether a figure allows several answers per pilot is read from the codebook,
never restated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from report.analyse import QueryError, choice_question
from report.codebook import AnswerKind, question
from report.model import Problem, Severity

REGISTRY_FILE = "report/figures/registry.py"   # named in the problems below, for whoever edits it

Order = Literal["count", "codebook"]


@dataclass(frozen=True)
class FigureSpec:
    """One figure: its key (the question ID), Dutch title and bar order.

    `order` is "codebook" where the answers form a scale (the bars then keep
    the questionnaire's order) and "count" otherwise (largest first, ties in
    codebook order).
    """

    key: str
    question_id: str
    title: str
    order: Order = "count"

    @property
    def multi(self) -> bool:
        return question(self.question_id).kind is AnswerKind.MULTI


def _figure(qid: str, title: str, order: Order = "count") -> FigureSpec:
    return FigureSpec(key=qid, question_id=qid, title=title, order=order)


FIGURES: tuple[FigureSpec, ...] = (
    _figure("K1", "Verdeling pilots naar rechtsgebied of domein"),
    _figure("K2", "Verdeling pilots directe doelgroep of gebruikers"),
    _figure("K3", "Verdeling pilots naar werkwijze van/voor professionals of product (online)"),
    _figure("K4", "Doelgroep pilots bij wie uiteindelijk effect moet optreden"),
    _figure("K5", "Pilots naar plek in het huidige stelsel"),
    _figure("A3", "Aansluiting pilots bij doelen nieuwe stelsel"),
    _figure("B3", "Antwoorden op de vraag of de werkwijze wordt voortgezet na afloop van "
                  "de subsidieperiode", order="codebook"),
    _figure("C2", "Antwoorden op de vraag of er financiering beschikbaar is voor implementatie "
                  "en borging", order="codebook"),
    _figure("A11", "Antwoorden op de vraag bij wie het eigenaarschap ligt van product of werkwijze"),
    _figure("A10", "Antwoorden op de vraag welke ICT-middelen zijn/worden ingezet in de pilots"),
    _figure("A9", "Antwoorden op de vraag met welke partners wordt samengewerkt"),
)

_BY_KEY: dict[str, FigureSpec] = {spec.key: spec for spec in FIGURES}


def registry_problems() -> list[Problem]:
    """Every figure that cannot be counted, as an error naming the figure and its question.

    A figure counts the pilots per answer, so its question must be a choice or
    multiple-choice question (a coding column for a free-text question, see
    the README). Checked with the inputs, so `check` reports it and `build`
    stops before drawing, instead of failing with a traceback.
    """
    problems = []
    seen: set[str] = set()
    for spec in FIGURES:
        if spec.key in seen:
            problems.append(Problem(Severity.ERROR, REGISTRY_FILE, f"Figuur {spec.key} staat twee keer in de "
                                    "lijst met figuren; elke figuur heeft een eigen sleutel."))
        seen.add(spec.key)
        try:
            choice_question(spec.question_id)
        except QueryError as error:
            problems.append(Problem(Severity.ERROR, REGISTRY_FILE, f"Figuur {spec.key} ('{spec.title}') kan "
                                    f"niet worden getekend: {error} Een open vraag krijgt eerst een "
                                    "codeerkolom met codes (zie README, 'Een nieuwe figuur').",
                                    question_id=error.question_id))
    return problems


def figure_spec(key: str) -> FigureSpec:
    """The figure with this key; KeyError lists the known keys."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"onbekende figuur {key!r}; bekende figuren: {', '.join(_BY_KEY)}") from None
