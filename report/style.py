"""Turn the consultancy's house style into values every output reads, defined once.

The Word template builder, the CSS of the PDF and the chart theme all read
these values, so a colour or size changed here changes every output. The
palette is colour-blind safe (Okabe–Ito based, darkened where needed for
contrast of text on white). TEXT_ON lists every pairing of text colour and
background the outputs use; tests check each against WCAG 2.1's contrast
minimum with `contrast` (4.5:1, or 3:1 for large text).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_ROOT / "templates"
FONTS_DIR = TEMPLATES_DIR / "fonts"


@dataclass(frozen=True)
class Palette:
    primary: str = "#0B4F6C"      # deep petrol blue: headings, header band, bars
    accent: str = "#B64D00"       # dark vermilion: highlights, rules, concept mark (5.2:1 on white)
    text: str = "#1F2328"         # body text
    muted: str = "#5F6B73"        # captions, notes, running header
    missing: str = "#A7AFB4"      # the grey "Niet ingevuld" bar
    box_fill: str = "#E8F1F5"     # case boxes
    info_fill: str = "#FBEFE6"    # info box (0e/1e/2e lijn)
    rule: str = "#C9D3D9"         # thin lines, table borders
    white: str = "#FFFFFF"


@dataclass(frozen=True)
class Fonts:
    family: str = "Lato"
    word_fallback: str = "Calibri"   # Word-safe when Lato is not installed
    css_fallback: str = "'Lato', 'Calibri', 'Helvetica Neue', Arial, sans-serif"
    regular: str = "Lato-Regular.ttf"
    italic: str = "Lato-Italic.ttf"
    bold: str = "Lato-Bold.ttf"
    bold_italic: str = "Lato-BoldItalic.ttf"
    semibold: str = "Lato-Semibold.ttf"


@dataclass(frozen=True)
class Sizes:
    """Type sizes in points, shared by Word styles, CSS and charts."""

    body: float = 10.5
    small: float = 8.5
    caption: float = 9
    footnote: float = 8
    heading1: float = 20
    heading2: float = 14
    heading3: float = 11.5
    title: float = 30
    subtitle: float = 15
    chart: float = 9


@dataclass(frozen=True)
class Page:
    """A4 page geometry in millimetres."""

    width: float = 210
    height: float = 297
    margin_top: float = 25
    margin_bottom: float = 25
    margin_inner: float = 25
    margin_outer: float = 22


@dataclass(frozen=True)
class HouseStyle:
    palette: Palette = Palette()
    fonts: Fonts = Fonts()
    sizes: Sizes = Sizes()
    page: Page = Page()
    organisation: str = "Kompas Beleidsonderzoek"
    language: str = "nl-NL"
    logo: Path = TEMPLATES_DIR / "logo.svg"   # drawn in palette.primary and palette.accent

    def font_path(self, name: str) -> Path:
        return FONTS_DIR / name


HOUSE_STYLE = HouseStyle()

# (text colour, background, large text) as the outputs combine them, by Palette field
# name. Large text is at least 14 pt bold or 18 pt regular (WCAG 2.1, 1.4.3).
TEXT_ON: tuple[tuple[str, str, bool], ...] = (
    ("text", "white", False), ("muted", "white", False), ("primary", "white", False),
    ("accent", "white", False),            # concept mark, correction marker, heading numbers
    ("text", "box_fill", False), ("primary", "box_fill", False), ("muted", "box_fill", False),
    ("accent", "box_fill", False),         # a correction marker in a key-fact tile
    ("text", "info_fill", False), ("primary", "info_fill", False),
    ("muted", "info_fill", False), ("accent", "info_fill", False),
    ("white", "primary", False), ("box_fill", "primary", False),   # cover band, factsheet band and its marks
)
LARGE_TEXT_RATIO, TEXT_RATIO = 3.0, 4.5


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2.1 contrast ratio of two "#RRGGBB" colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def matplotlib_rc(style: HouseStyle = HOUSE_STYLE) -> dict[str, object]:
    """The chart theme as matplotlib rc parameters: house font, sizes and colours, no chart junk."""
    palette, sizes = style.palette, style.sizes
    return {
        "font.family": [style.fonts.family, "DejaVu Sans"],
        "font.size": sizes.chart,
        "text.color": palette.text,
        "axes.edgecolor": palette.rule,
        "axes.labelcolor": palette.text,
        "axes.facecolor": palette.white,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.spines.bottom": False,
        "axes.grid": False,
        "xtick.bottom": False,
        "xtick.labelbottom": False,
        "ytick.left": False,
        "ytick.color": palette.text,
        "ytick.labelsize": sizes.chart,
        "figure.facecolor": palette.white,
        "savefig.facecolor": palette.white,
    }
