"""Charts: the registry, the drawn numbers, alt text, notes and reproducible bytes."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from report.analyse import Distribution
from report.figures.charts import PNG_DPI, draw, figure_bytes, render_chart, render_figures
from report.figures.content import MISSING_LABEL, chart_data
from report.engagement.codebook import AnswerKind, question
from report.figures.registry import figure_spec, figures
from report.style import HOUSE_STYLE
from scripts.example_data.check import EXPECTED
from tests.pilots import make_pilot

SVG = "{http://www.w3.org/2000/svg}"

# The reference report's counts (one table: scripts/example_data/check.py); A10 leaves 5 unanswered.
REFERENCE = {spec.key: {code: n for code, n in EXPECTED[spec.question_id].items() if code is not None}
             for spec in figures()}


def make_distribution(qid: str, given: dict[str, int], pilots: int = 30, not_answered: int | None = None):
    q = question(qid)
    counts = {code: given.get(code, 0) for code in q.codes}
    multi = q.kind is AnswerKind.MULTI
    if not_answered is None:
        not_answered = 0 if multi else pilots - sum(counts.values())
    return Distribution(qid, counts, not_answered, pilots - not_answered, multi)


def reference(key: str) -> Distribution:
    return make_distribution(key, REFERENCE[key])


def svg_texts(svg: bytes) -> list[tuple[str, bool]]:
    """Every text element of an SVG as (text, bold)."""
    root = ET.fromstring(svg)
    return [(node.text or "", "font-weight: 700" in node.get("style", ""))
            for node in root.iter(f"{SVG}text")]


# ---------------------------------------------------------------- registry


def test_registry_holds_distinct_figures_keyed_by_a_choice_question():
    assert all(spec.key == spec.question_id for spec in figures())
    assert len({spec.key for spec in figures()}) == len({spec.title for spec in figures()}) == len(figures())
    assert all(figure_spec(spec.key) is spec for spec in figures())


def test_multi_follows_the_codebook():
    assert all(spec.multi == (question(spec.question_id).kind is AnswerKind.MULTI) for spec in figures())


def test_unknown_figure_key_names_the_known_ones():
    with pytest.raises(KeyError, match=", ".join(spec.key for spec in figures())):
        figure_spec("Z9")


# ---------------------------------------------------------------- order and data


def test_count_order_is_descending_with_ties_in_codebook_order_and_other_last():
    rows = chart_data(figure_spec("A9"), reference("A9")).rows
    assert [row.code for row in rows][:4] == ["hjl", "gemeente", "wijkteam", "advocatuur"]
    # mediators and sociaal-raadslieden tie at 6: codebook order decides.
    assert [row.code for row in rows].index("mediators") < [row.code for row in rows].index(
        "sociaal-raadslieden")
    assert rows[-1].code == "anders" and rows[-1].count == 5
    assert rows[0].label == "Het Juridisch Loket"


def test_ordinal_figure_keeps_the_questionnaire_scale():
    rows = chart_data(figure_spec("B3"), reference("B3")).rows
    assert [row.code for row in rows] == ["ja", "afhankelijk", "onbekend", "nee"]


def test_chart_data_refuses_a_distribution_of_another_question():
    with pytest.raises(ValueError, match="K2"):
        chart_data(figure_spec("K1"), reference("K2"))


# ---------------------------------------------------------------- drawn numbers


@pytest.mark.parametrize("key", list(REFERENCE))
def test_numbers_drawn_in_the_svg_equal_the_distribution(key):
    spec, dist = figure_spec(key), reference(key)
    data = chart_data(spec, dist)
    texts = svg_texts(figure_bytes(draw(data), "svg"))
    values = [int(text) for text, bold in texts if bold]
    expected = [row.count for row in data.rows] + ([dist.not_answered] if dist.not_answered else [])
    assert values == expected
    assert sorted(values[:len(data.rows)]) == sorted(dist.counts.values())


@pytest.mark.parametrize("key", list(REFERENCE))
def test_bars_and_labels_of_the_figure_equal_the_distribution(key):
    dist = reference(key)
    data = chart_data(figure_spec(key), dist)
    ax = draw(data).axes[0]
    widths = [patch.get_width() for patch in ax.patches]
    labels = [label.get_text().replace("\n", " ") for label in ax.get_yticklabels()]
    missing = [dist.not_answered] if dist.not_answered else []
    assert widths == [row.count for row in data.rows] + missing
    assert labels == [question(key).label(row.code) for row in data.rows] + (
        [MISSING_LABEL] if missing else [])


@pytest.mark.parametrize("not_answered", [0, 5])
def test_grey_missing_bar_appears_only_when_someone_did_not_answer(not_answered):
    dist = make_distribution("A10", {"geen": 10, "maatwerk": 8, "bestaand": 12 - not_answered},
                             not_answered=not_answered)
    data = chart_data(figure_spec("A10"), dist)
    fig = draw(data)
    grey = [p for p in fig.axes[0].patches
            if _hex(p.get_facecolor()) == HOUSE_STYLE.palette.missing.lower()]
    texts = [text for text, _ in svg_texts(figure_bytes(fig, "svg"))]
    if not_answered:
        assert [p.get_width() for p in grey] == [not_answered]
        assert MISSING_LABEL in texts
    else:
        assert grey == []
        assert MISSING_LABEL not in texts


def _hex(rgba) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgba[:3])


def test_every_label_fits_inside_the_image():
    for key in REFERENCE:
        fig = draw(chart_data(figure_spec(key), reference(key)))
        renderer = FigureCanvasAgg(fig).get_renderer()
        box = fig.bbox
        for text in fig.findobj(lambda artist: hasattr(artist, "get_text") and artist.get_text()):
            extent = text.get_window_extent(renderer)
            assert box.x0 <= extent.x0 and extent.x1 <= box.x1, (key, text.get_text())
            assert box.y0 <= extent.y0 and extent.y1 <= box.y1, (key, text.get_text())


def test_all_charts_share_one_width_and_grow_with_their_bars(tmp_path):
    sizes = {}
    for key in ("K3", "K1", "A9"):
        files = render_chart(figure_spec(key), reference(key), tmp_path)
        sizes[key] = _png_size(files.png.read_bytes())
        assert f'width="{6.3 * 72:g}pt"' in files.svg.read_text(encoding="utf-8")
    assert {width for width, _ in sizes.values()} == {round(6.3 * PNG_DPI)}
    assert sizes["K3"][1] < sizes["K1"][1] < sizes["A9"][1]


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def test_chart_image_has_no_title_or_figure_number(tmp_path):
    files = render_chart(figure_spec("K1"), reference("K1"), tmp_path)
    text = " ".join(t for t, _ in svg_texts(files.svg.read_bytes()))
    assert "Figuur" not in text
    assert figure_spec("K1").title not in text


# ---------------------------------------------------------------- reproducible bytes


def test_second_render_gives_the_same_bytes(tmp_path):
    first = render_chart(figure_spec("A10"), reference("A10"), tmp_path / "a")
    second = render_chart(figure_spec("A10"), reference("A10"), tmp_path / "b")
    assert first.svg.read_bytes() == second.svg.read_bytes()
    assert first.png.read_bytes() == second.png.read_bytes()
    svg = first.svg.read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and not re.search(r"Matplotlib v\d", svg)
    assert b"Software" not in first.png.read_bytes()


# ---------------------------------------------------------------- alt text and note


def test_alt_text_names_what_is_shown_n_and_the_largest_categories(tmp_path):
    files = render_chart(figure_spec("K1"), reference("K1"), tmp_path)
    assert files.alt_text.startswith("Staafdiagram van de verdeling van 30 pilots naar thema.")
    assert "Eerste lijn verbinden met sociaal domein (7)" in files.alt_text
    assert "Scheiden / familierecht (6) en Conflictoplossing burger en overheid (6)" in files.alt_text
    assert "Wonen" not in files.alt_text
    assert files.alt_text.endswith("Niet ingevuld: 0.")


def test_alt_text_names_a_tie_at_the_cut_off_and_the_missing(tmp_path):
    files = render_chart(figure_spec("C2"), reference("C2"), tmp_path)
    assert "Niet nodig, past in regulier werk (4) en Geen vervolg (4)" in files.alt_text
    files = render_chart(figure_spec("A10"), reference("A10"), tmp_path)
    assert "Geen, alleen basis-ICT (10)" in files.alt_text
    assert files.alt_text.endswith("Niet ingevuld: 5.")


def test_multiple_choice_figures_say_so_in_note_and_alt_text(tmp_path):
    files = render_chart(figure_spec("A3"), reference("A3"), tmp_path)
    assert files.note == "Meerdere antwoorden mogelijk. n = 30 pilots."
    assert "meerdere antwoorden mogelijk" in files.alt_text
    single = render_chart(figure_spec("K2"), reference("K2"), tmp_path)
    assert single.note == "n = 30 pilots."
    assert "meerdere" not in single.alt_text.lower()


def test_figure_nobody_answered_still_draws_and_says_so(tmp_path):
    dist = make_distribution("B3", {}, pilots=4, not_answered=4)
    files = render_chart(figure_spec("B3"), dist, tmp_path)
    assert "Geen enkele pilot heeft een antwoord gegeven." in files.alt_text
    assert files.note == "n = 4 pilots."
    values = [int(t) for t, bold in svg_texts(files.svg.read_bytes()) if bold]
    assert values == [0, 0, 0, 0, 4]


# ---------------------------------------------------------------- from pilots


def test_render_figures_counts_the_pilots_themselves(tmp_path):
    pilots = [make_pilot("P01", K3="product", A9=["hjl", "raad"]),
              make_pilot("P02", K3="werkwijze", A9=["hjl"]),
              make_pilot("P03", K3="product")]
    charts = render_figures(pilots, tmp_path, [figure_spec("K3"), figure_spec("A9")])
    assert list(charts) == ["K3", "A9"]
    assert [(r.code, r.count) for r in charts["K3"].data.rows] == [("product", 2), ("werkwijze", 1)]
    assert charts["A9"].data.not_answered == 1
    assert charts["A9"].note == "Meerdere antwoorden mogelijk. n = 3 pilots."
    assert "Het Juridisch Loket (2)" in charts["A9"].alt_text
    assert sorted(path.name for path in tmp_path.iterdir()) == ["A9.png", "A9.svg", "K3.png", "K3.svg"]
