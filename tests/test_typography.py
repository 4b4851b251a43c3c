"""Typography as rules, read back from the built files (tests/typography.py): on the example,
and on generated inputs whose pilot names and headings are long."""

from __future__ import annotations


import pytest
from weasyprint import HTML

from report.build import build
from tests import typography as rules
from tests.workbooks import long_name_inputs

PDF_RULES = (rules.contents_out_of_column, rules.early_breaks, rules.lone_section_headings, rules.lone_last_words_in_boxes, rules.weak_marks)


@pytest.fixture(scope="module")
def long_names(tmp_path_factory):
    """Six generated pilots with long names, in the bundled texts and config."""
    folder = tmp_path_factory.mktemp("lange-namen")
    inputs = long_name_inputs(folder / "invoer", 6)
    result = build(inputs, folder / "uit")
    assert result.ok, [p.format() for p in result.problems if p.is_error]
    return {path.suffix: path.read_bytes() for path in result.outputs if path.suffix in (".pdf", ".docx")}


@pytest.mark.parametrize("rule", PDF_RULES, ids=lambda rule: rule.__name__)
def test_the_example_pdf_keeps_the_rule(example_build, rule):
    assert rule(example_build.pdf.read_bytes()) == []


@pytest.mark.parametrize("rule", PDF_RULES, ids=lambda rule: rule.__name__)
def test_a_pdf_with_long_names_keeps_the_rule(long_names, rule):
    assert rule(long_names[".pdf"]) == []


def test_running_heads_of_the_docx_fit_on_one_line(example_build, long_names):
    assert rules.wrapping_running_heads(example_build.docx.read_bytes(), concept=True) == []
    assert rules.wrapping_running_heads(long_names[".docx"], concept=True) == []


def test_the_annex_shows_an_unanswered_question_as_a_dash_explained_once(example_build):
    text = "\n".join(rules.page_texts(example_build.pdf.read_bytes()))      # read once for the rules above
    annex = text[text.index("Factsheets pilots\nDeze bijlage"):]
    assert "niet ingevuld" not in annex.casefold()
    assert annex.count("staat een streepje (–)") == 1


def test_the_mark_rule_finds_a_mark_on_the_band_in_the_accent_colour():
    html = ('<html lang="nl"><body style="font-family: Lato; margin: 30mm 0">'
            '<div style="background: #0B4F6C; padding: 5mm"><span style="color: #B64D00">correctie</span></div>'
            '</body></html>')
    assert rules.weak_marks(HTML(string=html).write_pdf()) == ["pagina 1: 'correctie' 1.7:1"]


def test_the_contents_rule_finds_a_wrapped_title_pushing_its_number_out():
    """The contents as laid out before: the number follows the wrapped title's last line past the column."""
    entry = ('<p style="margin: 0"><a href="#x" style="display: block; padding-left: 13mm; text-indent: -13mm">'
             '<span style="display: inline-block; width: 11mm">{}</span>{}</a></p>')
    titles = ["Inleiding", "Achtergrond", "Eigenaarschap, ICT, ketenpartners en draagvlak vragen aandacht; "
              "wetgeving en AVG nog niet", "Slotbeschouwing"]
    html = ('<html lang="nl"><style>a::after { content: leader(".") target-counter(attr(href), page) }</style>'
            '<body style="font-family: Lato; margin: 30mm 0">'
            + "".join(entry.format(n, t) for n, t in enumerate(titles, start=1))
            + '<h1 id="x" style="break-before: page">X</h1></body></html>')
    found = rules.contents_out_of_column(HTML(string=html).write_pdf())
    assert [line.split(": ")[1][:30] for line in found] == [
        "titel loopt de nummerkolom in", "'3 Eigenaarschap, ICT, ketenpa", "paginanummer buiten de kolom i"], found
    assert "'nog niet" in found[-1]
