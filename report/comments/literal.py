"""Turn a reviewer's words into narrative source that renders as exactly those words.

A tracked change is text typed by someone outside the team, and the narrative
is a Jinja template read as Markdown: `{% set … %}` would change a computed
number, `{{ namen() }}` would add names, `<!--` would swallow the rest of the
file, `[[figuur K1]]`, `:::`, `[^1]`, `*` or a leading `#` would change the
structure. Every character that means something to either language is
written so that it means nothing: `{` and `<` as HTML character references
(Jinja never sees a delimiter, Markdown shows the character), other Markdown
punctuation with a backslash.
"""

from __future__ import annotations

import re

_REFERENCES = {"{": "&#123;", "<": "&lt;"}
_BACKSLASHED = re.compile(r"([\\`*_\[\]|~&^])")
_FENCE = re.compile(r":(?=::)")
_LINE_START = re.compile(r"^(\s*)([#+\-=:>]|\d+(?=[.)]))")


def narrative_literal(text: str, at_line_start: bool) -> str:
    """`text` as Markdown-in-Jinja source that renders as `text`; `at_line_start`: nothing precedes it on its line."""
    escaped = _BACKSLASHED.sub(r"\\\1", text)
    escaped = "".join(_REFERENCES.get(char, char) for char in escaped)
    escaped = _FENCE.sub(r"\\:", escaped)
    if at_line_start:
        escaped = _LINE_START.sub(lambda m: m[1] + (m[2] if m[2][0].isdigit() else "\\" + m[2]), escaped)
        escaped = re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", escaped)
    return escaped
