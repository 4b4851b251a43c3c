"""Give the stages the engagement's figures: which question each shows and how.

The figures are the engagement's (`rapportvorm.yaml`, checked when it is
loaded: a figure on a free-text question is reported there with its line).
Figure numbers are deliberately absent: the composer numbers figures in the
order the text places them, so moving a figure never means renumbering.
"""

from __future__ import annotations

from collections.abc import Sequence

from report.analyse import Distribution, binned_distribution, distribution, number_class, select
from report.engagement.active import current
from report.figures.spec import FigureSpec, Order
from report.model import Pilot

__all__ = ["FigureSpec", "Order", "bar_pilots", "count_figure", "figure_spec", "figures"]


def figures() -> tuple[FigureSpec, ...]:
    """The active engagement's figures, in the order `rapportvorm.yaml` lists them."""
    return current().figures


def count_figure(pilots: Sequence[Pilot], spec: FigureSpec) -> Distribution:
    """The bars of one figure: pilots per answer, or per class of a number."""
    if spec.kind == "verdeling":
        return binned_distribution(pilots, spec.question_id, spec.choices(), spec.bins)
    return distribution(pilots, spec.question_id)


def bar_pilots(pilots: Sequence[Pilot], spec: FigureSpec, code: str | None) -> list[Pilot]:
    """The pilots one bar counts (code None: those without an answer), in their given order."""
    if spec.kind == "verdeling":
        return [p for p in pilots if number_class(p.value(spec.question_id), spec.choices(), spec.bins) == code]
    return select(pilots, **{spec.question_id: code})


def figure_spec(key: str) -> FigureSpec:
    """The figure with this key; KeyError lists the known keys."""
    known = {spec.key: spec for spec in figures()}
    try:
        return known[key]
    except KeyError:
        raise KeyError(f"onbekende figuur {key!r}; bekende figuren: {', '.join(known)}") from None
