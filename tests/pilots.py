"""Pilots built in code, so tests state their data next to their expectations."""

from __future__ import annotations

from report.engagement.codebook import AnswerKind, question
from report.model import Answer, Multi, Pilot, Source, SourceKind


def make_pilot(pilot_id: str, **answers) -> Pilot:
    """A pilot with the given answers, keyed by question ID (any case).

    Multiple-choice answers are given as a list or tuple of codes (put in
    codebook order here, as the reader does) or as a ready `Multi`; other
    values are stored as given. Coding columns get a coding-sheet source.
    `P1` defaults to a name derived from the ID.
    """
    answers.setdefault("P1", f"Pilot {pilot_id}")
    pilot = Pilot(pilot_id)
    for key, value in answers.items():
        q = question(key)
        if q.kind is AnswerKind.MULTI and not isinstance(value, Multi):
            value = Multi(tuple(c for c in q.codes if c in value))
        pilot.answers[q.id] = Answer(q.id, value, _source(pilot_id, q.section))
    return pilot


def _source(pilot_id: str, section: str) -> Source:
    if section == "K":
        return Source(SourceKind.CODERING, "codering.xlsx", "Codering")
    return Source(SourceKind.VRAGENLIJST, f"{pilot_id}.xlsx", "Vragenlijst")
