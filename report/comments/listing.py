"""Turn the worklist entries into the Dutch overview the command prints, grouped by place.

The team reads it once to see what came back; the worklist is where they
assign and tick off. So each comment shows who, when, the source to edit,
the start of the text it covers and the comment in full.
"""

from __future__ import annotations

from report.comments.places import Entry
from report.dutch import capitalise, counted, long_date
from report.text import for_terminal

QUOTE_LENGTH = 120
_INDENT = "     "


def format_entries(entries: list[Entry], file_name: str, notes: dict[str, list[str]] | None = None) -> str:
    """The overview; `notes` adds lines under a remark, by comment id (what became of a change,
    the pilots behind its numbers)."""
    authors = {entry.comment.author for entry in entries}
    changes = sum(entry.comment.change is not None for entry in entries)
    counts = counted(len(entries) - changes, 'opmerking', 'opmerkingen')
    if changes:
        counts += f" en {counted(changes, 'bijgehouden wijziging', 'bijgehouden wijzigingen')}"
    lines = [f"{capitalise(counts)} in {file_name}, van {counted(len(authors), 'auteur', 'auteurs')}."]
    for where, group in _by_place(entries).items():
        lines += ["", where]
        for entry in group:
            lines += _entry(entry)
            lines += [f"{_INDENT}{note}" for note in (notes or {}).get(entry.comment.id, [])]
    return for_terminal("\n".join(lines))     # comment texts come from outside


def _by_place(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Entries per place, places in the order the report reaches them."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.place.where, []).append(entry)
    return groups


def _entry(entry: Entry) -> list[str]:
    comment = entry.comment
    who = comment.author or "onbekende auteur"
    if entry.reply_to is not None:
        who += f" (reactie op {entry.reply_to})"
    heading = ", ".join([f"{entry.number:>3}. {who}", *([long_date(comment.date)] if comment.date else [])])
    if entry.place.source:
        heading += f" · {entry.place.source}"
    lines = [heading]
    if comment.anchored:
        lines.append(f"{_INDENT}Bij: “{quote(comment.anchored)}”")
    lines += [f"{_INDENT}{line}" for line in (comment.text or "(lege opmerking)").split("\n")]
    return lines


def quote(text: str, length: int = QUOTE_LENGTH) -> str:
    """The text on one line, cut at a word with an ellipsis when it is long."""
    flat = " / ".join(text.split("\n"))
    if len(flat) <= length:
        return flat
    return flat[:length].rsplit(" ", 1)[0] + " …"
