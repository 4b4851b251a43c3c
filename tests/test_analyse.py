"""Distributions, cross-tabs and queries against counts worked out by hand."""

import json

import pytest

from report.analyse import (
    QueryError,
    count,
    crosstab,
    distribution,
    not_,
    select,
    statistics,
    stats_json,
)
from report.engagement.codebook import question
from report.engagement.active import current
from tests.pilots import make_pilot

# Six pilots, each gap deliberate: p5 has no K3 and no B3, p6 no K1, p4 no A3.
PILOTS = [
    make_pilot("p1", K1="scheiden", K3="product", A3=["rechtshulppakketten", "eerste-lijn-escalatie"], B3="ja"),
    make_pilot("p2", K1="scheiden", K3="werkwijze", A3=["rechtshulppakketten"], B3="nee"),
    make_pilot("p3", K1="conflict-overheid", K3="product", A3=["burgergerichte-overheid", "anders"],
               B3="afhankelijk"),
    make_pilot("p4", K1="conflict-algemeen", K3="werkwijze", B3="nee"),
    make_pilot("p5", K1="eerste-lijn-sociaal", A3=["eerste-lijn-escalatie"]),
    make_pilot("p6", K3="werkwijze", A3=["eerste-lijn-overig", "eerste-lijn-escalatie"], B3="ja"),
]


def ids(pilots):
    return [p.id for p in pilots]


def test_choice_distribution_lists_every_code_in_codebook_order():
    d = distribution(PILOTS, "K1")
    assert list(d.counts.items()) == [
        ("scheiden", 2), ("eerste-lijn-breed", 0), ("eerste-lijn-sociaal", 1), ("conflict-overheid", 1),
        ("conflict-algemeen", 1), ("doorverwijzing", 0), ("wonen", 0), ("inkomen", 0),
    ]
    assert (d.answered, d.not_answered, d.total, d.multi) == (5, 1, 6, False)
    assert d.question_id == "K1"


def test_multi_distribution_counts_each_code_once_per_pilot_and_anders_is_a_code():
    d = distribution(PILOTS, "a3")
    assert d.counts == {
        "eerste-lijn-escalatie": 3, "eerste-lijn-overig": 1, "burgergerichte-overheid": 1,
        "rechtshulppakketten": 2, "anders": 1,
    }
    assert (d.question_id, d.answered, d.not_answered, d.multi) == ("A3", 5, 1, True)
    assert sum(d.counts.values()) == 8  # more answers than pilots


def test_ordinal_distribution_keeps_zero_codes():
    d = distribution(PILOTS, "B3")
    assert d.counts == {"ja": 2, "afhankelijk": 1, "onbekend": 0, "nee": 2}
    assert d.not_answered == 1


def test_crosstab_counts_missing_answers_in_a_none_row_and_column():
    t = crosstab(PILOTS, "K1", "K3")
    assert list(t.counts) == [*question("K1").codes, None]
    assert all(list(row) == ["werkwijze", "product", None] for row in t.counts.values())
    assert t.counts["scheiden"] == {"werkwijze": 1, "product": 1, None: 0}
    assert t.counts["conflict-overheid"] == {"werkwijze": 0, "product": 1, None: 0}
    assert t.counts["conflict-algemeen"] == {"werkwijze": 1, "product": 0, None: 0}
    assert t.counts["eerste-lijn-sociaal"] == {"werkwijze": 0, "product": 0, None: 1}
    assert t.counts[None] == {"werkwijze": 1, "product": 0, None: 0}
    assert sum(sum(row.values()) for row in t.counts.values()) == t.pilots == 6


def test_crosstab_with_multi_rows_counts_a_pilot_under_each_of_its_codes():
    t = crosstab(PILOTS, "A3", "K3")
    assert t.counts["eerste-lijn-escalatie"] == {"werkwijze": 1, "product": 1, None: 1}
    assert t.counts["rechtshulppakketten"] == {"werkwijze": 1, "product": 1, None: 0}
    assert t.counts["anders"] == {"werkwijze": 0, "product": 1, None: 0}
    assert t.counts[None] == {"werkwijze": 1, "product": 0, None: 0}


def test_select_single_code_and_keeps_pilot_order():
    assert ids(select(PILOTS, K1="scheiden")) == ["p1", "p2"]


def test_select_any_of_several_codes_combined_with_and():
    assert ids(select(PILOTS, k1=("conflict-overheid", "conflict-algemeen"))) == ["p3", "p4"]
    assert ids(select(PILOTS, K1={"conflict-overheid", "conflict-algemeen"}, K3="product")) == ["p3"]


def test_select_multi_matches_when_any_of_the_pilots_codes_is_wanted():
    assert ids(select(PILOTS, A3="rechtshulppakketten")) == ["p1", "p2"]
    assert ids(select(PILOTS, A3=["anders", "eerste-lijn-overig"])) == ["p3", "p6"]


def test_none_means_not_answered_also_for_text_questions():
    assert ids(select(PILOTS, K3=None)) == ["p5"]
    assert ids(select(PILOTS, A3=None)) == ["p4"]
    assert ids(select(PILOTS, K1=("scheiden", None))) == ["p1", "p2", "p6"]
    assert count(PILOTS, D2=None) == 6
    assert count(PILOTS, P1=not_(None)) == 6


def test_negation_is_the_complement_including_unanswered():
    assert ids(select(PILOTS, B3=not_("nee"))) == ["p1", "p3", "p5", "p6"]
    assert ids(select(PILOTS, A3=not_(None))) == ["p1", "p2", "p3", "p5", "p6"]
    assert ids(select(PILOTS, K3=not_("werkwijze", "product"))) == ["p5"]
    assert ids(select(PILOTS, A3=not_(["eerste-lijn-escalatie", "anders"]))) == ["p2", "p4"]


def test_all_but_one_is_expressible_with_counts():
    scheiden = select(PILOTS, K1="scheiden")
    assert count(scheiden, K3="werkwijze") == len(scheiden) - 1


def test_count_without_conditions_counts_all():
    assert count(PILOTS) == 6


def test_unknown_question_is_a_query_error_naming_it():
    with pytest.raises(QueryError, match="Onbekende vraag 'X9'") as info:
        count(PILOTS, X9="ja")
    assert isinstance(info.value, ValueError)
    assert info.value.question_id == "X9"
    assert "K1" in str(info.value)


def test_unknown_code_names_question_and_allowed_codes_even_without_pilots():
    with pytest.raises(QueryError) as info:
        select([], K1="scheiding")
    message = str(info.value)
    assert "'scheiding'" in message and "K1" in message
    assert ", ".join(question("K1").codes) in message
    assert (info.value.question_id, info.value.code) == ("K1", "scheiding")


def test_unknown_code_inside_a_negation_or_list_is_caught():
    with pytest.raises(QueryError, match="'online'"):
        count(PILOTS, K3=not_("online"))
    with pytest.raises(QueryError, match="'ander'"):
        count(PILOTS, A3=["anders", "ander"])


def test_a_text_question_matches_its_text_ignoring_case_and_spaces():
    assert ids(select(PILOTS, P1=" pilot P1 ")) == ["p1"]
    assert ids(select(PILOTS, P1=["Pilot p2", "Pilot p3"])) == ["p2", "p3"]
    assert count(PILOTS, P1="Geen pilot") == 0


def test_values_on_a_date_or_number_question_are_a_query_error():
    with pytest.raises(QueryError, match="P6 .*geen \\(meer\\)keuzevraag"):
        count(PILOTS, P6="2021")


def test_empty_code_list_is_a_query_error():
    with pytest.raises(QueryError, match="Lege lijst"):
        count(PILOTS, K1=[])


def test_distribution_of_a_text_or_unknown_question_is_a_query_error():
    with pytest.raises(QueryError, match="D2"):
        distribution(PILOTS, "D2")
    with pytest.raises(QueryError, match="'Z1'"):
        crosstab(PILOTS, "K1", "Z1")


def test_statistics_covers_the_stats_questions_in_order():
    stats = statistics(PILOTS)
    assert tuple(stats) == current().stats
    assert stats["K3"] == distribution(PILOTS, "K3")
    assert all(d.total == 6 for d in stats.values())


def test_stats_json_shape_lists_every_code_and_is_stable():
    data = stats_json(PILOTS)
    assert list(data) == ["pilots", "questions"]
    assert data["pilots"] == 6
    assert tuple(data["questions"]) == current().stats
    for qid, entry in data["questions"].items():
        assert list(entry) == ["counts", "not_answered"]
        assert tuple(entry["counts"]) == question(qid).codes
    assert data["questions"]["A3"] == {
        "counts": {"eerste-lijn-escalatie": 3, "eerste-lijn-overig": 1, "burgergerichte-overheid": 1,
                   "rechtshulppakketten": 2, "anders": 1},
        "not_answered": 1,
    }
    assert data["questions"]["P2"] == {"counts": {"divosa": 0, "raad": 0, "jenv": 0}, "not_answered": 6}
    assert json.dumps(data) == json.dumps(stats_json(list(PILOTS)))
