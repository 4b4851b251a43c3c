"""Read what a DOCX's styles say, following the styles they are based on.

A property that a paragraph or run does not set itself comes from its style,
or from the style that one is based on, and so on up; a paragraph without a
style has the default paragraph style. Every reader that asks this of a DOCX
(the page starts of the layout check, the heading levels of the publication
gate, the faces the embedded fonts need) resolves the chain here, once per
document, and stops at a cycle, which a DOCX from outside may hold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
T = TypeVar("T")


def inherited(styles: etree._Element, read: Callable[[etree._Element], T | None],
              kind: str | None = "paragraph") -> dict[str | None, T | None]:
    """For each style of `kind` (None: of every kind) in `styles` (the root of styles.xml), the first
    value `read` finds on it or on a style it is based on, else None; under the key None, the value
    of the default paragraph style."""
    elements = {style.get(f"{W}styleId"): style for style in styles.iter(f"{W}style")
                if kind is None or style.get(f"{W}type") == kind}

    def value(style_id: str | None) -> T | None:
        seen = set()
        while style_id in elements and style_id not in seen:
            seen.add(style_id)
            found = read(elements[style_id])
            if found is not None:
                return found
            parent = elements[style_id].find(f"{W}basedOn")
            style_id = None if parent is None else parent.get(f"{W}val")
        return None

    values = {style_id: value(style_id) for style_id in elements}
    default = next((style_id for style_id, style in elements.items()
                    if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true")), None)
    values[None] = values.get(default)
    return values
