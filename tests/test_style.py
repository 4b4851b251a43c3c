"""The house palette is readable: every text colour the outputs use passes WCAG 2.1's contrast minimum."""

from __future__ import annotations

import dataclasses
import re

import pytest

from report.style import (
    HOUSE_STYLE, LARGE_TEXT_RATIO, PROJECT_ROOT, TEXT_ON, TEXT_RATIO, contrast,
)


def test_contrast_formula_matches_wcag_reference_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1)
    assert contrast("#D55E00", "#FFFFFF") == pytest.approx(3.87, abs=0.01)   # the old orange failed


@pytest.mark.parametrize("foreground,background,large", TEXT_ON, ids=lambda v: str(v))
def test_every_text_colour_reads_on_its_background(foreground, background, large):
    palette = HOUSE_STYLE.palette
    ratio = contrast(getattr(palette, foreground), getattr(palette, background))
    assert ratio >= (LARGE_TEXT_RATIO if large else TEXT_RATIO), \
        f"{foreground} on {background}: {ratio:.2f}:1"


def test_pairs_name_real_palette_colours():
    names = {field.name for field in dataclasses.fields(HOUSE_STYLE.palette)}
    assert {name for pair in TEXT_ON for name in pair[:2]} <= names


def test_no_colour_is_written_outside_the_house_style():
    """Template builder, Word styles, CSS and charts take every colour from report/style.py."""
    literal = re.compile(r"#[0-9A-Fa-f]{6}\b|\b(?:fill|color)=\"[0-9A-Fa-f]{6}\"")
    places = [*(PROJECT_ROOT / "report" / "word_template").glob("*.py"),
              *(PROJECT_ROOT / "report" / "figures").glob("*.py"),
              *(PROJECT_ROOT / "report" / "write" / "docx").glob("*.py"),
              *(PROJECT_ROOT / "templates" / "html").glob("*.j2")]
    assert places
    for path in places:
        assert not literal.search(path.read_text(encoding="utf-8")), path
