"""Turn a reviewer's tracked changes into edits of the narrative's Markdown, where that is safe.

Only text the author typed is rewritten: a change that touches a placeholder
(a computed number, a list of names, a reference) is listed with the reason
and left alone, as are changes in figures, factsheets, cases and the cover,
which come from other inputs. The source paragraph is found through the
DOCX's anchor (file and line) and matched character for character against
what the reviewer saw (report.comments.align); every edit replaces exactly
the characters that changed, so nothing else in the file moves. The new words
are written as literal text (report.comments.literal): no placeholder, comment
or Markdown structure can come in through a review, and a file whose
placeholders would differ after the edits is not written. Each file is
written once, atomically, with its own line endings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from report.comments.align import Alignment, Literal, Opaque, align, segments
from report.comments.literal import narrative_literal
from report.comments.returned import Comment
from report.engagement.folders import TEXTS_DIR
from report.files import write_text_atomic
from report.write.docx.sources import AnchorKind

_BLOCK_END = re.compile(r"^\s*$")
_NEW_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_NEW_NOTE = re.compile(r"^\[\^[^\]\s]+\]:")
_HEADING_NUMBER = Opaque("het kopnummer")     # computed by the numbering, never in the source
_ONE_LINE = (AnchorKind.HEADING, AnchorKind.ANNEX, AnchorKind.INFO_BOX)
_EDITABLE = (*_ONE_LINE, AnchorKind.TEXT, AnchorKind.LIST_ITEM, AnchorKind.FOOTNOTE)
_ELSEWHERE = {
    AnchorKind.FIGURE: "komt uit de figuur (de antwoorden en het figurenregister), niet uit een tekstbestand",
    AnchorKind.CASE: "komt uit de casus in de vragenlijst van de pilot; pas het antwoord daar of in correcties.yaml aan",
    AnchorKind.FACTSHEET: "komt uit de vragenlijst van de pilot; pas het antwoord daar of in correcties.yaml aan",
    AnchorKind.FACTSHEET_PART: "komt uit de vragenlijst van de pilot; pas het antwoord daar of in correcties.yaml aan",
    AnchorKind.FACT: "komt uit de vragenlijst van de pilot; pas het antwoord daar of in correcties.yaml aan",
    AnchorKind.FACTSHEET_CASE: "komt uit de casus in de vragenlijst van de pilot; pas het antwoord daar aan",
    AnchorKind.CONTENTS: "staat in de inhoudsopgave, die bij elke build opnieuw wordt gemaakt",
}
APPLIED = "toegepast"
ALREADY = "al verwerkt in de bron"
NOT_APPLIED = "niet toegepast"


@dataclass(frozen=True)
class Edit:
    path: Path
    start: int           # character offsets in the file's text
    end: int
    new: str
    line: int


@dataclass(frozen=True)
class Outcome:
    """What happens to one tracked change: an edit to make, or why there is none."""

    comment: Comment
    edit: Edit | None
    reason: str = ""             # why not, in Dutch; empty when there is an edit
    applied: bool = False
    already: bool = False

    def describe(self) -> str:
        """What happened, in Dutch, for the listing and the worklist."""
        if self.already:
            return ALREADY
        if self.edit is None:
            return f"{NOT_APPLIED}: {self.reason}"
        where = f"{self.comment.anchor.file}, regel {self.edit.line}"
        return f"{APPLIED} ({where})" if self.applied else f"toe te passen met --toepassen ({where})"


def plan(comments: tuple[Comment, ...], traced: bool, inputs: Path) -> list[Outcome]:
    """For each tracked change, the edit that would write it into the narrative, or the reason not."""
    texts: dict[Path, str | None] = {}
    changed = [c for c in comments if c.change is not None]
    return [_outcome(c, changed, traced, inputs, texts) for c in changed]


def _outcome(comment: Comment, changed: list[Comment], traced: bool, inputs: Path,
             texts: dict[Path, str | None]) -> Outcome:
    change, anchor = comment.change, comment.anchor
    if change.formatting:
        return Outcome(comment, None, "alleen de opmaak is veranderd; die komt uit de huisstijl, pas zo nodig "
                                      "de tekst of de nadruk (*…*) zelf aan")
    if not traced:
        return Outcome(comment, None, "het Word-bestand heeft geen verwijzingen naar de bronnen")
    if anchor is None:
        return Outcome(comment, None, "staat op het voorblad of in het colofon; pas rapport.yaml aan")
    if anchor.kind not in _EDITABLE:
        return Outcome(comment, None, _ELSEWHERE.get(anchor.kind, "komt niet uit een tekstbestand"))
    if change.breaks_paragraph or any(c in change.new for c in "\n\t"):
        return Outcome(comment, None, "de wijziging splitst of verbindt alinea's; doe dat zelf in de tekst")
    path = _source_path(inputs, anchor.file)
    if path is None:
        return Outcome(comment, None, f"het tekstbestand {anchor.file or '(onbekend)'} staat niet in "
                                      f"{inputs / TEXTS_DIR}")
    if path not in texts:
        texts[path] = _read(path)
    text = texts[path]
    if text is None:
        return Outcome(comment, None, f"{anchor.file} is geen UTF-8-tekst")
    if not 1 <= anchor.line <= text.count("\n") + 1:
        return Outcome(comment, None, f"{anchor.file} heeft geen regel {anchor.line} (meer)")
    start, end = _region(text, anchor.line, anchor.kind)
    pieces = segments(text[start:end], start)
    if anchor.kind is AnchorKind.HEADING:       # Word shows the heading's number, typed before a tab
        pieces = [_HEADING_NUMBER, *pieces]
    alignment = align(change.paragraph, pieces)
    if alignment is not None:
        edit = _edit(change.start, change.old, change.new, alignment, text)
        if isinstance(edit, str):
            return Outcome(comment, None, edit)
        start, end, new = edit
        at_line_start = not text[text.rfind("\n", 0, start) + 1:start].strip()
        return Outcome(comment, Edit(path, start, end, narrative_literal(new, at_line_start),
                                     line=text.count("\n", 0, start) + 1))
    accepted, at = _accepted(comment, changed)
    alignment = align(accepted, pieces)
    if alignment is not None:
        edit = _edit(at, change.new, change.new, alignment, text)
        return Outcome(comment, None, edit) if isinstance(edit, str) else Outcome(comment, None, already=True)
    return Outcome(comment, None, f"de alinea in {anchor.file} (regel {anchor.line}) wijkt af van de tekst "
                                  "in het Word-bestand; is de tekst intussen aangepast?")


def _accepted(comment: Comment, changed: list[Comment]) -> tuple[str, int]:
    """The paragraph with every change in it accepted, and where `comment`'s new text starts there."""
    paragraph = comment.change.paragraph
    siblings = sorted((c.change for c in changed if c.anchor == comment.anchor
                       and c.change.paragraph == paragraph), key=lambda c: c.start)
    pieces, position, at = [], 0, 0
    for change in siblings:
        pieces.append(paragraph[position:change.start])
        if change is comment.change:
            at = sum(map(len, pieces))
        pieces.append(change.new)
        position = change.start + len(change.old)
    pieces.append(paragraph[position:])
    return "".join(pieces), at


def _source_path(inputs: Path, file: str) -> Path | None:
    """The narrative file an anchor names, only inside the texts folder (the DOCX is untrusted)."""
    parts = file.split("/")
    if len(parts) != 2 or parts[0] != TEXTS_DIR or not parts[1].endswith(".md") or parts[1].startswith("."):
        return None
    path = inputs / TEXTS_DIR / parts[1]
    return path if path.is_file() else None


def _read(path: Path) -> str | None:
    """The file's text with its own line endings, so rewriting it moves nothing else."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None


def _region(text: str, line: int, kind: AnchorKind) -> tuple[int, int]:
    """The characters of the block that starts at `line`: one line for a heading or box
    title, else up to an empty line or the next list item or footnote."""
    lines = text.splitlines(keepends=True)
    start = sum(len(x) for x in lines[:line - 1])
    end = start
    for index in range(line - 1, len(lines)):
        current = lines[index]
        if index > line - 1 and (kind in _ONE_LINE or _BLOCK_END.match(current) or _NEW_ITEM.match(current)
                                 or _NEW_NOTE.match(current)):
            break
        end += len(current)
    return start, end


def _edit(at: int, old: str, new: str, alignment: Alignment, text: str) -> tuple[int, int, str] | str:
    """Where `old` at offset `at` of the aligned paragraph stands in the file, as (start, end, `new`),
    or why it cannot be written there."""
    a = alignment.raw_to_folded[at]
    b = alignment.raw_to_folded[at + len(old)]
    if old and b <= a:
        return "de wijziging betreft alleen witruimte; pas die zelf aan als dat nodig is"
    for placed in alignment.placed:
        end = placed.start + len(placed.literal.text)
        inside = placed.start <= a and b <= end and (a < end or not old)
        if not inside:
            continue
        if not placed.fixed:
            return "de tekst staat meer dan eens in de alinea; pas hem zelf aan"
        spans = placed.literal.spans
        if old:
            start, stop = spans[a - placed.start][0], spans[b - 1 - placed.start][1]
            if text[start:stop] != old:
                return "de tekst heeft op die plek opmaak (vet, cursief, voetnoot) in de bron; pas hem zelf aan"
            return start, stop, new
        position = spans[a - placed.start - 1][1] if a > placed.start else spans[0][0]
        return position, position, new
    touched = _placeholders(alignment, a, b)
    return (f"de wijziging raakt een berekend getal, naam of verwijzing ({touched}); een placeholder wordt "
            "nooit herschreven: klopt het getal niet, pas dan de invoer of de placeholder zelf aan")


def _placeholders(alignment: Alignment, a: int, b: int) -> str:
    """The placeholders whose output lies under [a, b], as typed."""
    touched, position, placed = [], 0, iter(alignment.placed)
    pending: Opaque | None = None
    for piece in alignment.pieces:
        if isinstance(piece, Literal):
            current = next(placed)
            if pending is not None and position <= b and a <= current.start:
                touched.append(pending.source)
            pending, position = None, current.start + len(current.literal.text)
        else:
            pending = piece
    if pending is not None and position <= b:
        touched.append(pending.source)
    return ", ".join(" ".join(t.split()) for t in touched) or "een placeholder"


def apply(outcomes: list[Outcome]) -> list[Outcome]:
    """Write every planned edit, file by file; overlapping edits in one file are refused."""
    by_file: dict[Path, list[int]] = defaultdict(list)
    for index, outcome in enumerate(outcomes):
        if outcome.edit is not None:
            by_file[outcome.edit.path].append(index)
    result = list(outcomes)
    for path, indexes in by_file.items():
        text = _read(path)
        chosen: list[int] = []
        for index in sorted(indexes, key=lambda i: (outcomes[i].edit.start, outcomes[i].edit.end)):
            edit = outcomes[index].edit
            if chosen and edit.start < outcomes[chosen[-1]].edit.end:
                result[index] = replace(outcomes[index], edit=None,
                                        reason="overlapt met een andere wijziging op dezelfde plek")
                continue
            chosen.append(index)
        new = text
        for index in reversed(chosen):
            edit = outcomes[index].edit
            new = new[:edit.start] + edit.new + new[edit.end:]
        if _placeholders_of(new) != _placeholders_of(text):
            for index in chosen:
                result[index] = replace(outcomes[index], edit=None, reason="de wijziging zou een placeholder "
                                        "toevoegen of veranderen; pas de tekst zelf aan")
            continue
        for index in chosen:
            result[index] = replace(outcomes[index], applied=True)
        write_text_atomic(path, new)
    return result


def _placeholders_of(text: str) -> list[str]:
    """Every placeholder and comment of a text, in order: what no review may add to or change."""
    return [piece.source for piece in segments(text) if isinstance(piece, Opaque)]
