"""Turn a comment's source anchor into where it belongs, in the words the team works with.

Two answers per comment: the place in the report a reader sees (chapter or
section with its number, an annex's factsheet, the cover) and the source to
edit (a narrative file and line, a figure, or a pilot and question of a
factsheet), so the worklist says both where the reviewer looked and what to
change.
"""

from __future__ import annotations

from dataclasses import dataclass

from report.comments.returned import Comment
from report.compose.factsheets import case_questions
from report.engagement.active import loaded
from report.engagement.folders import CONFIG_FILE
from report.write.docx.sources import Anchor, AnchorKind

FRONT_MATTER = "Voorblad/colofon"
CONTENTS_PAGE = "Inhoudsopgave"
UNKNOWN = "onbekend"
_PILOT_KINDS = (AnchorKind.FACTSHEET, AnchorKind.FACTSHEET_PART, AnchorKind.FACT, AnchorKind.FACTSHEET_CASE)


def _case() -> str:
    """The case as a place; with its questions when the engagement was loaded (a returned file can be read without)."""
    ids = case_questions() if loaded() else ()
    return f"casus (vraag {'/'.join(ids)})" if ids else "casus"


@dataclass(frozen=True)
class Place:
    where: str      # "3.2 Bereikte rechtzoekenden", "Bijlage A Factsheets, factsheet Buurtpunt (P07)"
    source: str     # "teksten/3-bevindingen.md, regel 17", "Factsheet P07 / vraag X3 (Label)"


def place(comment: Comment, traced: bool, cover: tuple[tuple[str, str], ...] = ()) -> Place:
    """Where `comment` belongs; "onbekend" throughout for a file without a source map."""
    anchor = comment.anchor
    if not traced:
        return Place(UNKNOWN, "")
    if anchor is None:
        return Place(FRONT_MATTER, _cover_fields(comment.anchored, cover))
    if anchor.kind is AnchorKind.CONTENTS:
        return Place(CONTENTS_PAGE, "")
    return Place(_where(anchor, comment.section), source(anchor))


def _cover_fields(anchored: str, cover: tuple[tuple[str, str], ...]) -> str:
    """The rapport.yaml keys whose text the comment covers (or lies in)."""
    text = " ".join(anchored.split()).casefold()
    keys = [key for key, shown in cover if text and (" ".join(shown.split()).casefold() in text
                                                    or (len(text) >= 3 and text in shown.casefold()))]
    keys = list(dict.fromkeys(keys))
    if not keys:
        return CONFIG_FILE if cover else ""
    return f"{CONFIG_FILE}, {'veld' if len(keys) == 1 else 'velden'} {', '.join(keys)}"


def pilots_behind(entry: "Entry", names: dict[str, str]) -> str:
    """The pilots behind what a remark is about: each number of its text (those it covers, else
    all) or bar of its figure with their pilots, or the pilot of a factsheet or case."""
    anchor = entry.comment.anchor
    if anchor is None:
        return ""
    if anchor.kind in (*_PILOT_KINDS, AnchorKind.CASE):
        return _named(anchor.key, names)
    numbers = anchor.numbers()
    change = entry.comment.change
    if change is not None:       # only the numbers the change touches
        covered = [(shown, ids) for shown, ids in numbers if change.old and (change.old in shown or shown in change.old)]
        numbers = []
    else:
        covered = [(shown, ids) for shown, ids in numbers if shown in entry.comment.anchored]
    return "; ".join(f"{shown}: {', '.join(_named(i, names) for i in ids) or 'geen'}"
                     for shown, ids in covered or numbers)


def _named(pilot_id: str, names: dict[str, str]) -> str:
    return f"{pilot_id} ({names[pilot_id]})" if names.get(pilot_id) else pilot_id


def _where(anchor: Anchor, section: Anchor | None) -> str:
    heading = f"{section.number} {section.title}".strip() if section else UNKNOWN
    if anchor.kind in _PILOT_KINDS:
        return f"{heading}, factsheet {_pilot(anchor)}"
    return heading


def source(anchor: Anchor) -> str:
    """What to edit: the narrative line, the figure, or the factsheet's pilot and question."""
    match anchor.kind:
        case AnchorKind.HEADING | AnchorKind.ANNEX:
            return _line(anchor, "kop")
        case AnchorKind.TEXT:
            return _line(anchor)
        case AnchorKind.LIST_ITEM:
            return _line(anchor, "lijstonderdeel")
        case AnchorKind.INFO_BOX:
            return _line(anchor, f"kader ‘{anchor.title}’")
        case AnchorKind.FOOTNOTE:
            return _line(anchor, f"voetnoot {anchor.number}")
        case AnchorKind.FIGURE:
            return f"Figuur {anchor.number} ({anchor.key}): {anchor.title}"
        case AnchorKind.CASE:
            return f"Pilot {_pilot(anchor)}, {_case()}"
        case AnchorKind.FACTSHEET:
            return f"Factsheet {anchor.key}"
        case AnchorKind.FACTSHEET_PART:
            return f"Factsheet {anchor.key} / onderdeel {anchor.label}"
        case AnchorKind.FACT:
            return f"Factsheet {anchor.key} / vraag {anchor.question} ({anchor.label})"
        case AnchorKind.FACTSHEET_CASE:
            return f"Factsheet {anchor.key} / {_case()}"
    return ""


def _line(anchor: Anchor, what: str = "") -> str:
    if not anchor.file:
        return ""
    return f"{anchor.file}, regel {anchor.line}" + (f" ({what})" if what else "")


def _pilot(anchor: Anchor) -> str:
    return f"{anchor.title} ({anchor.key})" if anchor.title else anchor.key


@dataclass(frozen=True)
class Entry:
    """A comment as a line of the worklist: numbered in reading order, with its place."""

    number: int
    comment: Comment
    place: Place
    reply_to: int | None      # the number of the comment it answers


def entries(comments: tuple[Comment, ...], traced: bool, cover: tuple[tuple[str, str], ...] = ()) -> list[Entry]:
    numbers = {comment.id: number for number, comment in enumerate(comments, start=1)}
    return [Entry(numbers[c.id], c, place(c, traced, cover), numbers.get(c.reply_to or ""))
            for c in comments]
