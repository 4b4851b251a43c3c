"""Turn the `::: kader` lines of a rendered text into boxes that are sure to be closed.

markdown-it's container plugin lets a box without its closing `:::` run to
the end of the file: at the end it passes silently, mid-file it swallows the
headings after it and every one gives a follow-on error. So the lines are
checked before parsing, and each unclosed box is one error at its opening line.
"""

from __future__ import annotations

import re

from report.model import Problem, Severity
from report.narrative.placeholders import RenderedText

BOX = "kader"
_BOX_OPEN = re.compile(rf"^ {{0,3}}:{{3,}}\s*{BOX}\b")
_BOX_CLOSE = re.compile(r"^ {0,3}:{3,}\s*$")


def close_boxes(text: RenderedText) -> tuple[str, tuple[Problem, ...]]:
    """An error at the opening line of every `::: kader` without its closing `:::`.

    A box is closed when the next box line after its opening is a closing
    `:::`; when it is another opening, or the file ends, the box was left
    open. Its opening line is blanked, so only this error remains.
    """
    lines = (text.marked or text.markdown).split("\n")
    unclosed, opened = [], None
    for index, line in enumerate(lines):
        if _BOX_CLOSE.match(line):
            opened = None
        elif _BOX_OPEN.match(line):
            unclosed += [opened] if opened is not None else []
            opened = index
    unclosed += [opened] if opened is not None else []
    problems = []
    for index in unclosed:
        problems.append(Problem(Severity.ERROR, text.file, f"Het kader '{lines[index].strip()}' wordt niet "
                                f"gesloten: zet een regel ::: onder de laatste alinea van het kader.",
                                cell=f"regel {text.source_line(index)}"))
        lines[index] = ""
    return "\n".join(lines), tuple(problems)
