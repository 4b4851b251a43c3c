"""Turn the house palette and font into the Word template's theme (word/theme/theme1.xml).

Word's Design › Colours and Fonts swap a document's theme; styles that name
theme colours and theme fonts follow, hard-coded ones do not. So every colour
of report.style's palette gets a theme slot, the house font becomes the
theme's heading and body font, and report.word_template.style_xml writes each
colour with its slot (`w:themeColor`, `w:themeFill`) and fonts as theme fonts.
The hex value stays beside the slot, as Word writes it, for readers that
ignore themes.
"""

from __future__ import annotations

from lxml import etree

from report.style import HOUSE_STYLE, HouseStyle

A = "http://schemas.openxmlformats.org/drawingml/2006/main"

# Palette field -> (slot in the theme's colour scheme, name a style uses for it).
SLOTS: dict[str, tuple[str, str]] = {
    "text": ("dk1", "text1"),
    "white": ("lt1", "background1"),
    "box_fill": ("lt2", "background2"),
    "primary": ("accent1", "accent1"),
    "accent": ("accent2", "accent2"),
    "muted": ("accent3", "accent3"),
    "rule": ("accent4", "accent4"),
    "info_fill": ("accent5", "accent5"),
    "missing": ("accent6", "accent6"),
}
# Scheme slots that no style names, filled from the palette so Word's colour picker shows it.
EXTRA_SLOTS = {"dk2": "primary", "hlink": "primary", "folHlink": "muted"}
SCHEME_ORDER = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4",
                "accent5", "accent6", "hlink", "folHlink")


def theme_colour(colour: str, style: HouseStyle = HOUSE_STYLE) -> str | None:
    """The theme colour name (`accent1`, `text1` …) of a palette colour; None if it has none."""
    for name, (_, theme_name) in SLOTS.items():
        if getattr(style.palette, name).upper() == colour.upper():
            return theme_name
    return None


def house_theme(theme_xml: bytes, style: HouseStyle = HOUSE_STYLE) -> bytes:
    """`theme_xml` (a stock Office theme) with the house colours and fonts, named after the house."""
    root = etree.fromstring(theme_xml)
    root.set("name", style.organisation)
    elements = root.find(f"{{{A}}}themeElements")
    scheme = elements.find(f"{{{A}}}clrScheme")
    scheme.clear()
    scheme.set("name", style.organisation)
    by_slot = {slot: name for name, (slot, _) in SLOTS.items()} | EXTRA_SLOTS
    for slot in SCHEME_ORDER:
        colour = getattr(style.palette, by_slot[slot]).lstrip("#").upper()
        etree.SubElement(etree.SubElement(scheme, f"{{{A}}}{slot}"), f"{{{A}}}srgbClr", val=colour)
    fonts = elements.find(f"{{{A}}}fontScheme")
    fonts.set("name", style.fonts.family)
    for kind in ("majorFont", "minorFont"):
        fonts.find(f"{{{A}}}{kind}/{{{A}}}latin").set("typeface", style.fonts.family)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
