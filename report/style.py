"""Turn the consultancy's house style into values every output reads, defined once.

The Word template builder, the CSS of the PDF and the chart theme all read
these values, so a colour or size changed here changes every output. The
palette is colour-blind safe (Okabe–Ito based, darkened where needed for
contrast of text on white).
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
    accent: str = "#D55E00"       # vermilion: highlights, rules
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
