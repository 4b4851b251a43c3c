"""Say what one figure shows: its question, title, bar order and kind of chart.

The figures themselves are the engagement's (`rapportvorm.yaml`); a spec is
one of them as the counting and drawing stages read it. A number question is
shown as a distribution over classes (`klassen`), which behave like the codes
of a choice question from here on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from report.engagement.codebook import AnswerKind, Choice, question
from report.dutch import amount

Order = Literal["count", "codebook"]
Kind = Literal["staaf", "verdeling"]
CHART_KINDS: dict[str, str] = {
    "staaf": "staven per antwoord van een (meer)keuzevraag of codeerkolom",
    "verdeling": "staven per klasse van een getalvraag (met klassen)",
}


@dataclass(frozen=True)
class FigureSpec:
    """One figure: its key (the question ID), Dutch title and bar order.

    `order` is "codebook" where the answers form a scale (the bars then keep
    the questionnaire's order) and "count" otherwise (largest first, ties in
    codebook order). A "verdeling" counts a number question's answers per
    class: `bins` are the lower bounds of the classes, ascending.
    """

    key: str
    question_id: str
    title: str
    order: Order = "count"
    kind: Kind = "staaf"
    bins: tuple[int, ...] = ()

    @property
    def multi(self) -> bool:
        return question(self.question_id).kind is AnswerKind.MULTI

    def choices(self) -> tuple[Choice, ...]:
        """The bars the figure can have, in codebook (or class) order."""
        if self.kind == "verdeling":
            return bin_choices(self.bins)
        return question(self.question_id).choices

    def label(self, code: str) -> str:
        return next(c.label for c in self.choices() if c.code == code)


def bin_choices(bins: tuple[int, ...]) -> tuple[Choice, ...]:
    """Classes of a number as bars: "0 tot 10", "10 tot 50", "50 of meer"."""
    choices = []
    for low, high in zip(bins, (*bins[1:], None)):
        code = f"{low}-" if high is None else f"{low}-{high - 1}"
        label = f"{amount(low)} of meer" if high is None else f"{amount(low)} tot {amount(high)}"
        choices.append(Choice(code, label))
    return tuple(choices)

