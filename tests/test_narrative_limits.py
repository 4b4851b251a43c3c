"""The narrative sandbox's own limits, in this process: the range budget and the time limit.

The build and the letter refuse hostile texts end to end (tests/test_hostile_build.py,
tests/test_trust_boundary.py); here the limits are tried directly, the time limit
shortened so that the test does not wait out the real one.
"""

from __future__ import annotations

import time

import pytest

from report.narrative import limits
from report.narrative.limits import BoundedEnvironment, NarrativeLimit, render_bounded

NESTED = "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}"


def test_nested_ranges_are_refused_at_once_by_their_count_together():
    start = time.monotonic()
    with pytest.raises(NarrativeLimit, match=r"reeksen \(range\) .* samen meer dan 1\.000\.000 getallen"):
        render_bounded(BoundedEnvironment().from_string(NESTED))
    assert time.monotonic() - start < limits.MAX_SECONDS / 2


def test_the_range_budget_holds_per_rendering_not_per_environment():
    """A report's loops over pilots and answers stay well within it, however often the text is rendered."""
    environment = BoundedEnvironment()
    template = environment.from_string("{% for a in range(500) %}{% for b in range(500) %}.{% endfor %}{% endfor %}")
    for _ in range(5):          # 250,000 numbers a time, 1,250,000 in all
        assert len(render_bounded(template)) == 250_000


def test_a_silent_loop_without_ranges_stops_at_the_time_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_SECONDS", 1)
    text = "{% for a in 'x' * 99999 %}{% for b in 'x' * 99999 %}{% endfor %}{% endfor %}"
    start = time.monotonic()
    with pytest.raises(NarrativeLimit, match="duurt langer dan 1 seconde "):
        render_bounded(BoundedEnvironment().from_string(text))
    assert time.monotonic() - start < 5
