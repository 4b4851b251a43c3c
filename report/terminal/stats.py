"""Turn distributions into the aligned Dutch text tables that `stats` prints.

A consultant checks the counts in a terminal before a build; labels come
from the codebook, and the unanswered count is always shown.
"""

from __future__ import annotations

from collections.abc import Mapping

from report.analyse import Distribution
from report.engagement.codebook import question
from report.dutch import capitalise
from report.model import NOT_ANSWERED

NOT_ANSWERED_LABEL = capitalise(NOT_ANSWERED)
_HEAD = ("Antwoord", "Code", "Aantal")


def format_stats(pilot_count: int, stats: Mapping[str, Distribution]) -> str:
    rows = {qid: _rows(d) for qid, d in stats.items()}
    all_rows = [_HEAD, *(row for table in rows.values() for row in table)]
    widths = [max(len(row[i]) for row in all_rows) for i in range(2)]
    blocks = [f"Aantal pilots: {pilot_count}"]
    for qid, d in stats.items():
        lines = [_title(d), *(_line(row, widths) for row in (_HEAD, *rows[qid]))]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _title(d: Distribution) -> str:
    q = question(d.question_id)
    title = f"{q.id} {q.short_label}: {q.text}"
    return title + (" (meerdere antwoorden mogelijk)" if d.multi else "")


def _rows(d: Distribution) -> list[tuple[str, str, str]]:
    q = question(d.question_id)
    rows = [(q.label(code), code, str(n)) for code, n in d.counts.items()]
    return [*rows, (NOT_ANSWERED_LABEL, "", str(d.not_answered))]


def _line(row: tuple[str, str, str], widths: list[int]) -> str:
    label, code, n = row
    return f"  {label:<{widths[0]}}  {code:<{widths[1]}}  {n:>{len(_HEAD[2])}}"
