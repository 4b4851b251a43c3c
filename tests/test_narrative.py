"""The narrative: Dutch phrasing, placeholders with their errors, and Markdown to document blocks."""

import itertools
import re
from pathlib import Path

import pytest

from report.document import (
    CaseBox, Figure, FigureRef, Footnote, InfoBox, ListBlock, Numbering, Paragraph, SectionRef, Text,
)
from report.model import PartialDate, Severity
from report.dutch import (
    capitalise, counted, differs, enumeration, number_word, period, share, slugify, spelled,
)
from report.narrative.markdown import Placements, convert, number_texts, parse
from report.narrative.placeholders import GAP_TEXT, render_text
from report.narrative.typed_facts import typed_facts
from report.read import read_inputs
from tests.pilots import make_pilot

PILOTS = [
    make_pilot("a", P1="Alfa", K1="scheiden", K3="product", P2="raad", P6=PartialDate(2020, 9),
               P7=PartialDate(2022, 12, 31)),
    make_pilot("b", P1="Bravo", K1="scheiden", K3="werkwijze", P2="divosa", P6=PartialDate(2021, 1, 15)),
    make_pilot("c", P1="charlie", K1="wonen", K3="product", P2="raad", P7=PartialDate(2023, 3)),
]


# ---------------------------------------------------------------- Dutch phrasing


@pytest.mark.parametrize("n, word", [(0, "nul"), (1, "één"), (9, "negen"), (12, "twaalf"), (20, "twintig"),
                                     (21, "21"), (30, "dertig"), (34, "34"), (100, "honderd"), (300, "driehonderd"),
                                     (121, "121")])
def test_number_words_up_to_twenty_and_round_tens_then_digits(n, word):
    assert number_word(n) == word


@pytest.mark.parametrize("n, word", [(21, "eenentwintig"), (22, "tweeëntwintig"), (23, "drieëntwintig"),
                                     (30, "dertig"), (48, "achtenveertig"), (101, "honderdeen"),
                                     (1250, "duizendtweehonderdvijftig")])
def test_any_count_can_be_spelled_for_a_sentence_start(n, word):
    assert spelled(n) == word


@pytest.mark.parametrize("n, phrase", [(0, "geen pilots"), (1, "één pilot"), (4, "vier pilots"), (21, "21 pilots")])
def test_counted_nouns_agree_with_the_number(n, phrase):
    assert counted(n, "pilot", "pilots") == phrase


def test_capitalised_een_drops_the_second_accent():
    assert capitalise("één pilot") == "Eén pilot"
    assert capitalise("negen pilots") == "Negen pilots"


@pytest.mark.parametrize("part, whole, phrase", [
    (0, 8, "geen van de pilots"), (8, 8, "alle pilots"), (6, 7, "op één na alle pilots"),
    (14, 30, "bijna de helft van de pilots"), (15, 30, "de helft van de pilots"),
    (16, 30, "ruim de helft van de pilots"), (22, 30, "een ruime meerderheid van de pilots"),
    (27, 30, "bijna alle pilots"), (2, 30, "een klein deel van de pilots"),
])
def test_share_phrases_follow_the_fraction(part, whole, phrase):
    assert share(part, whole) == phrase


def test_share_refuses_a_part_larger_than_the_whole():
    with pytest.raises(ValueError, match="groter"):
        share(5, 4)


def test_differs_only_beyond_the_margin():
    assert not differs(6, 13, 3, 7)
    assert differs(6, 6, 1, 7)


def test_enumeration_period_and_slug():
    assert enumeration(["A", "B", "C"]) == "A, B en C"
    assert enumeration(["A", "B"], "of") == "A of B"
    assert period(PartialDate(2021, 3), PartialDate(2022, 12, 31)) == "maart 2021 – december 2022"
    assert period(None, PartialDate(2022, 12)) == "onbekend – december 2022"
    assert period(None, None) is None
    assert slugify("Pilots stelselvernieuwing in beeld: één!") == "pilots-stelselvernieuwing-in-beeld-een"


# ---------------------------------------------------------------- placeholders


def _render(tmp_path: Path, text: str, pilots=PILOTS):
    path = tmp_path / "tekst.md"
    path.write_text(text, encoding="utf-8")
    return render_text(path, "teksten/tekst.md", pilots)


def test_placeholders_count_pilots_and_phrase_them(tmp_path):
    rendered, problems = _render(tmp_path, (
        "{{ aantal(K1='scheiden') | Pilots }} gaan over scheiden, {{ aantal(K1='wonen') | pilots }} over wonen; "
        "{{ aantal(K1=['scheiden', 'wonen'], K3='product') | woord }} zijn een product, "
        "{{ aantal(K3=niet('product')) | woord }} niet. Totaal {{ totaal() }}. "
        "<!-- een notitie voor de auteurs --> {{ namen(K3='product') }}. "
        "{{ aandeel(aantal(K1='scheiden'), totaal()) }}; {{ start(P2='raad') }} tot {{ einde(P2='raad') }}."))
    assert problems == []
    assert rendered.markdown == (
        "Twee pilots gaan over scheiden, één pilot over wonen; twee zijn een product, één niet. Totaal drie.  "
        "Alfa en charlie. op één na alle pilots; september 2020 tot maart 2023.")


def test_dates_compare_so_a_text_can_let_the_data_say_who_started_first(tmp_path):
    text = ("{% if start(P2='raad') < start(P2='divosa') %}De Raad eerst{% else %}Divosa eerst{% endif %}; "
            "{% if einde(P2='raad') > start(P2='raad') %}loopt{% endif %}; "
            "{% if start(K1='inkomen') < start(P2='raad') or start(K1='inkomen') > start(P2='raad') %}fout{% endif %}.")
    rendered, problems = _render(tmp_path, text)
    assert rendered.markdown.startswith("De Raad eerst; loopt; .")
    later = [make_pilot("d", P2="divosa", P6=PartialDate(2019, 1)), *PILOTS]
    assert _render(tmp_path, text, later)[0].markdown.startswith("Divosa eerst")
    assert [p.severity for p in problems] == [Severity.WARNING, Severity.WARNING]     # the unknown start, twice


MANY = [make_pilot(f"m{i}", K1="wonen" if i < 21 else "scheiden") for i in range(30)]


def test_a_count_opening_a_sentence_is_written_out_whatever_the_filter(tmp_path):
    rendered, problems = _render(tmp_path, (
        "{{ aantal(K1='wonen') }} pilots gaan over wonen. {{ aantal(K1='wonen') | pilots }} ook; "
        "dat zijn er {{ aantal(K1='wonen') }} van de {{ totaal() }} ({{ aantal(K1='wonen') | cijfers }}).\n"
        "{{ aantal(K1='scheiden') | cijfers }} gaan over scheiden, {{ aantal(K1='scheiden') }} in totaal, en\n"
        "{{ aantal(K1='scheiden') }} dus.\n\n"
        "1. **Een bevinding.** {{ aantal(K1='wonen') | telling('pilot', 'pilots') }} noemen haar.\n"
        "2. {{ aantal(K1='scheiden') | woord }} niet.\n\n"
        "{.romeins}\n{{ aantal(K1='wonen') }} als eerste.\n\n"
        "# {{ aantal(K1='wonen') }} pilots\n"), MANY)
    assert problems == []
    assert rendered.markdown == (
        "Eenentwintig pilots gaan over wonen. Eenentwintig pilots ook; dat zijn er 21 van de dertig (21).\n"
        "Negen gaan over scheiden, negen in totaal, en\nnegen dus.\n\n"
        "1. **Een bevinding.** Eenentwintig pilots noemen haar.\n2. Negen niet.\n\n"
        "{.romeins}\nEenentwintig als eerste.\n\n# Eenentwintig pilots\n")


def test_changing_an_answer_changes_the_sentence(tmp_path):
    text = "{{ aantal(K1='scheiden') | Pilots }} gaan over scheiden."
    changed = [make_pilot("a", K1="scheiden"), make_pilot("b", K1="wonen"), make_pilot("c", K1="wonen")]
    assert _render(tmp_path, text)[0].markdown == "Twee pilots gaan over scheiden."
    assert _render(tmp_path, text, changed)[0].markdown == "Eén pilot gaan over scheiden."


@pytest.mark.parametrize("text, line, words", [
    ("Eerste regel.\n\nTwee: {{ aantal(K1='scheidn') }}\n", 3, ["Onbekende code 'scheidn'", "K1"]),
    ("Een.\n{{ aantal(X9='a') }}\n", 2, ["Onbekende vraag 'X9'"]),
    ("Een.\n\n\n{{ aantl(K1='wonen') }}\n", 4, ["Onbekende naam", "aantl", "aantal"]),
    ("Een.\n{{ aantal(K1='wonen' }}\n", 2, ["opmaak van een placeholder"]),
    ("{{ figuur('K99') }}\n", 1, ["onbekende figuur 'K99'"]),
    ("Een.\n{{ aantal(K1='wonen' }}\n", 2, ["onverwacht '}'; verwacht ')'"]),
    ("Een.\n{{ aantal(K1='wonen') | Pilot }}\n", 2,
     ["Onbekend filter 'Pilot'", "Bedoelt u 'Pilots'?", "Bekende filters: woord, Woord, cijfers, pilots, Pilots, telling"]),
    ("{{ aantal(K1='wonen') K1 }}\n", 1, ["verwacht '}}', maar er staat 'K1'"]),
    ("{{ aantal(K1='wonen')\n", 1, ["houdt op midden in een placeholder; verwacht '}}'"]),
    ("{% if totaal() %}\nx\n", 1, ["het blok {% if %} wordt niet gesloten", "{% endif %}"]),
    ("{% foo %}\n", 1, ["onbekende opdracht {% foo %}"]),
    ("{{ totaal(3) }}\n", 1, ["De functie 'totaal' kreeg 1 waarde, maar verwacht er 0"]),
    ("{{ 3 | werkwoord }}\n", 1, ["Het filter 'werkwoord' kreeg 1 waarde, maar verwacht er 3"]),
    ("{{ totaal() / 0 }}\n", 1, ["deling door nul"]),
    ("{{ 'a'.__class__ }}\n", 1, ["niet mag"]),
])
def test_a_bad_placeholder_is_an_error_naming_file_and_line(tmp_path, text, line, words):
    rendered, problems = _render(tmp_path, text)
    assert rendered is None
    [problem] = problems
    assert problem.severity is Severity.ERROR
    assert problem.file == "teksten/tekst.md" and problem.cell == f"regel {line}"
    for word in words:
        assert word in problem.message
    assert not re.search(r"\b(unexpected|expected|undefined|named|got|takes|missing|argument)\b", problem.message)


@pytest.mark.parametrize("text, line, words", [
    ("\n{{ namen(K1='inkomen') }}\n", 2, ["namen(...)", "geen enkele pilot"]),
    ("Een.\nVanaf {{ start(K1='inkomen') }}.\n", 2, ["start(...)", "P6"]),
    ("Tot {{ einde(P2='divosa') }} en {{ namen(K1='wonen', K3='werkwijze') }}.\n", 1, ["einde(...)", "P7"]),
])
def test_a_placeholder_the_data_cannot_fill_is_a_visible_gap_and_a_warning(tmp_path, text, line, words):
    rendered, problems = _render(tmp_path, text)
    assert GAP_TEXT in rendered.markdown
    assert problems and all(p.severity is Severity.WARNING for p in problems)
    first = problems[0]
    assert first.file == "teksten/tekst.md" and first.cell == f"regel {line}"
    for word in words:
        assert word in first.message


# ---------------------------------------------------------------- Markdown to blocks

CHAPTER = """\
{#start}
# Begin

Tekst met *nadruk*, **vet** en een voetnoot.[^a] Zie {{ figuur('K3') }} en {{ paragraaf('later') }}.

## Onderzoeksvragen

{.romeins}
1. Eerste vraag
2. Tweede vraag

Bevindingen:

1. **Korte bevinding.** Met uitleg
   over twee regels.
2. Zonder kop.

- los punt

::: kader De nulde en eerste lijn
Uitleg in het kader.

Bron: Raad voor Rechtsbijstand
:::

[[figuur K3]]

[[casus]]

[^a]: De *bron* van het getal.
"""

SECOND = """\
# Vervolg

{#later}
## Later

Nog een voetnoot.[^x] {{ Figuur('K3') }} staat eerder.

### Dieper

[[casus]]

[^x]: Tweede voetnoot.
"""


def _figure(key: str, number: int) -> Figure:
    return Figure(key, number, f"Titel {key}", "alt", Path("x.svg"), Path("x.png"))


def _cases(number: str) -> list[CaseBox]:
    return [CaseBox(f"Casus {number}", (Paragraph((Text("Verhaal."),)),), "p")] if number == "2.1.1" else []


def _convert_all(tmp_path, *texts):
    parsed = []
    for i, text in enumerate(texts, start=1):
        path = tmp_path / f"{i}.md"
        path.write_text(text, encoding="utf-8")
        rendered, problems = render_text(path, f"teksten/{i}.md", PILOTS)
        assert problems == []
        parsed.append(parse(rendered, str(i)))
    numbers, problems = number_texts(parsed, figure_keys=("K3",))
    footnotes = itertools.count(1)
    chapters = []
    for text in parsed:
        chapter, found = convert(text, numbers, Placements(_figure, _cases), footnotes)
        chapters.append(chapter)
        problems += found
    return chapters, problems


def test_markdown_becomes_numbered_sections_and_blocks(tmp_path):
    (first, second), problems = _convert_all(tmp_path, CHAPTER, SECOND)
    assert [p.message for p in problems if p.is_error] == []
    assert (first.key, first.number, first.title) == ("start", "1", "Begin")
    assert [(s.key, s.number) for s in first.children] == [("onderzoeksvragen", "1.1")]
    assert [(s.key, s.number) for s in second.children] == [("later", "2.1")]
    assert second.children[0].children[0].number == "2.1.1"

    intro = first.blocks[0].content
    assert Text("nadruk", italic=True) in intro and Text("vet", bold=True) in intro
    footnote = next(i for i in intro if isinstance(i, Footnote))
    assert footnote.number == 1 and Text("bron", italic=True) in footnote.content
    assert FigureRef("K3", 1, "figuur") in intro
    assert SectionRef("later", "2.1", "paragraaf") in intro     # a forward reference

    roman, _, alpha, bullets, box, figure = first.children[0].blocks
    assert roman.numbering is Numbering.ROMAN and len(roman.items) == 2
    assert alpha.numbering is Numbering.ALPHA
    assert alpha.items[0].lead == (Text("Korte bevinding."),)
    assert alpha.items[0].content == (Text("Met uitleg over twee regels."),)
    assert alpha.items[1].lead == ()
    assert bullets.numbering is Numbering.BULLET
    assert isinstance(box, InfoBox) and box.title == "De nulde en eerste lijn"
    assert box.source == "Bron: Raad voor Rechtsbijstand"
    assert box.blocks == (Paragraph((Text("Uitleg in het kader."),)),)
    assert figure == _figure("K3", 1)


def test_footnotes_are_numbered_across_texts_and_cases_land_by_section(tmp_path):
    (_, second), problems = _convert_all(tmp_path, CHAPTER, SECOND)
    later = second.children[0]
    footnote = next(i for i in later.blocks[0].content if isinstance(i, Footnote))
    assert footnote.number == 2
    assert FigureRef("K3", 1, "Figuur") in later.blocks[0].content
    assert later.children[0].blocks == tuple(_cases("2.1.1"))
    # the [[casus]] in section 1.1 has no case: a warning with its line, not an error
    [warning] = problems
    assert warning.severity is Severity.WARNING and warning.file == "teksten/1.md"
    assert warning.cell == "regel 28" and "1.1" in warning.message


@pytest.mark.parametrize("text, line, words", [
    ("# A\n\nZie {{ paragraaf('nergens') }}.\n", 3, ["onbekende sleutel 'nergens'"]),
    ("# A\n\n> citaat\n", 3, ["Deze opmaak (citaat met >) wordt niet ondersteund"]),
    ("# A\n\n[[figuur K3]]\n\n[[figuur K3]]\n", 5, ["al eerder"]),
    ("# A\n\n#### Te diep\n", 3, ["drie niveaus"]),
    ("Tekst zonder kop.\n\n# A\n", 1, ["vóór de eerste kop"]),
    ("# A\n\n1. Een\n\n   - genest\n", 3, ["geneste lijst"]),
    ("# A\n\nZie [de site](https://example.org).\n", 3, ["Deze opmaak (link [tekst](adres))"]),
    ("# A\n\n::: kader Uitleg\n## Kop\n:::\n", 4, ["Deze opmaak (een kop binnen een kader)"]),
])
def test_unsupported_markdown_is_an_error_with_its_line(tmp_path, text, line, words):
    _, problems = _convert_all(tmp_path, text)
    errors = [p for p in problems if p.is_error]
    assert errors, problems
    assert errors[0].cell == f"regel {line}"
    for word in words:
        assert word in errors[0].message


def test_a_figure_not_in_the_registry_cannot_be_placed(tmp_path):
    _, problems = _convert_all(tmp_path, "# A\n\n[[figuur K9]]\n")
    [error] = [p for p in problems if p.is_error]
    assert error.cell == "regel 3" and error.message == "Onbekende figuur 'K9' in [[figuur K9]]. Bekende figuren: K3."


@pytest.mark.parametrize("text, line", [
    ("# A\n\n::: kader Titel\nTekst.\n\n## B\n\nMeer.\n\n## C\n\nZie {{ paragraaf('b') }}.\n", 3),  # mid-file
    ("# A\n\nTekst.\n\n::: kader Titel\nTekst in het kader.\n", 5),                                  # at the end
    ("# A\n\n::: kader Een\nx\n:::\n\n::: kader Twee\ny\n\n::: kader Drie\nz\n:::\n", 7),        # before a box
])
def test_an_unclosed_box_is_one_error_at_its_opening_line(tmp_path, text, line):
    _, problems = _convert_all(tmp_path, text)
    [error] = problems
    assert error.is_error and error.cell == f"regel {line}"
    assert "wordt niet gesloten: zet een regel ::: onder de laatste alinea" in error.message


def test_lists_render_as_one_block_per_list(tmp_path):
    (chapter,), _ = _convert_all(tmp_path, "# A\n\n- een\n- twee\n\nTussen.\n\n1. drie\n")
    kinds = [type(block) for block in chapter.blocks]
    assert kinds == [ListBlock, Paragraph, ListBlock]


LINES_MOVED = """\
<!--
Notitie voor de auteurs,
over drie regels.
-->
{% set n = aantal(K1='scheiden') %}
# Titel

{% if n > 5 %}
Deze alinea valt weg.

{% endif %}
Er zijn {{ n | woord }} pilots.[^a]

- een
- twee

::: kader Uitleg
Binnen het kader.
:::

Zie {{ paragraaf('nergens') }}.

[^a]: De voetnoot.
"""


def test_blocks_and_problems_name_the_line_the_author_wrote(tmp_path):
    """Comments and a false {% if %} take lines out of the rendered text; the lines stay the file's."""
    (chapter,), problems = _convert_all(tmp_path, LINES_MOVED)
    paragraph, items, box, _ = chapter.blocks
    assert chapter.written_at.file == "teksten/1.md"
    assert [b.written_at.line for b in (chapter, paragraph, *items.items, box, box.blocks[0])] == \
        [6, 12, 14, 15, 17, 18]
    assert paragraph.content[-1].written_at.line == 23
    assert [p.cell for p in problems if p.is_error] == ["regel 21"]


def test_a_typed_sentence_opening_with_digits_is_a_warning_naming_its_line(tmp_path):
    text = ("# Hoofdstuk\n\nIn 2019 begon het. 2020 was anders.\n\n"
            "- **Bevinding.** 12 pilots melden dit.\n- Geen getal.\n\nTot en met 2022 liep het.\n")
    rendered, _ = _render(tmp_path, text)
    _, problems = convert(parse(rendered, "1"), number_texts([parse(rendered, "1")], lambda key: True)[0],
                          Placements(figure=lambda key, number: None, cases=lambda number: []), itertools.count(1))
    warnings = [(p.cell, p.message) for p in problems if p.severity is Severity.WARNING]
    assert [cell for cell, _ in warnings] == ["regel 3", "regel 5"]
    assert "'2020 was anders.'" in warnings[0][1] and "'12 pilots melden dit.'" in warnings[1][1]


# ---------------------------------------------------------------- typed facts


def test_typed_dates_and_numbers_the_inputs_hold_are_candidates_for_a_placeholder(tmp_path):
    text = tmp_path / "tekst.md"
    text.write_text("<!-- tot eind 2022 -->\n{% set tot = 'eind 2022' %}\n"
                    "De pilots lopen tot eind 2022; de eerste begon in september 2020.\n"
                    "Een start op 15-01-2021 of {{ start(P2='raad') }}, en 1.250 geholpen mensen;\n"
                    "in november 2018, eind 2019 en 2020-10 niet, 250 evenmin.\n", encoding="utf-8")
    pilots = [*PILOTS, make_pilot("d", A8=1250)]
    found = typed_facts([("teksten/tekst.md", text)], pilots)
    assert [(p.cell, p.message.split("'")[1]) for p in found] == [
        ("regel 3", "september 2020"), ("regel 3", "eind 2022"),
        ("regel 4", "15-01-2021"), ("regel 4", "1.250")]
    assert all(p.severity is Severity.WARNING for p in found)
    assert "Start bij Alfa" in found[0].message and "placeholder" in found[0].message


def test_the_example_types_no_date_or_number_its_inputs_hold():
    inputs = Path(__file__).resolve().parents[1] / "inputs"
    result = read_inputs(inputs)
    texts = [(path.name, path) for path in sorted((inputs / "teksten").glob("*.md"))]
    assert [p.format() for p in typed_facts(texts, result.pilots)] == []
