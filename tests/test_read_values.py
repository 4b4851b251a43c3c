"""One raw answer per question kind: the contract's leniency and its strictness."""

import datetime as dt

import pytest

from report.engagement.codebook import question
from report.model import Multi, PartialDate
from report.read.values import InvalidAnswer, as_text, parse_answer


@pytest.mark.parametrize("raw", [None, "", "   ", "\n"])
def test_empty_is_not_answered(raw):
    for qid in ("P1", "P2", "A3", "P6", "A8"):
        assert parse_answer(question(qid), raw) is None


@pytest.mark.parametrize("raw", ["=SOM(A1:A3)", "+31 6 1234", "-niet bekend-", "@gemeente"])
def test_formula_looking_text_stays_text(raw):
    assert parse_answer(question("A1"), raw) == raw


def test_text_keeps_paragraphs_and_numbers_become_text():
    assert parse_answer(question("D2"), "  Eerste alinea.\r\n\r\nTweede.  ") == "Eerste alinea.\n\nTweede."
    assert parse_answer(question("P3"), 12.0) == "12"
    assert parse_answer(question("P3"), 3.5) == "3.5"
    assert parse_answer(question("P4"), dt.datetime(2024, 3, 1)) == "01-03-2024"


@pytest.mark.parametrize("raw", ["divosa", "DIVOSA", " Divosa-programma. ", "divosa-programma",
                                 "Divosa-programma."])
def test_choice_by_code_or_label(raw):
    assert parse_answer(question("P2"), raw) == "divosa"


def test_unknown_choice_names_the_allowed_values():
    with pytest.raises(InvalidAnswer) as caught:
        parse_answer(question("B1"), "bijna klaar")
    assert "ja (Op schema)" in caught.value.expected
    assert "gestopt (Vroegtijdig gestopt)" in caught.value.expected


def test_multi_separators_labels_order_and_duplicates():
    value = parse_answer(question("A9"), "UWV\nhjl; Het Juridisch Loket;; mediators.\n")
    assert value == Multi(codes=("hjl", "mediators", "uwv"))


def test_multi_label_with_colon_is_a_label_not_other():
    value = parse_answer(question("A3"), "Eerste lijn: problemen oplossen voordat ze escaleren")
    assert value == Multi(codes=("eerste-lijn-escalatie",))


@pytest.mark.parametrize("raw, other", [
    ("anders: Stichting X", "Stichting X"),
    ("Anders:Stichting X ", "Stichting X"),
    ("anders", None),
    ("anders:", None),
])
def test_multi_other_keeps_its_text(raw, other):
    value = parse_answer(question("A9"), f"hjl; {raw}")
    assert value == Multi(codes=("hjl", "anders"), other=other)


def test_multi_two_other_texts_are_both_kept():
    value = parse_answer(question("A9"), "anders: Bibliotheek\nanders: Woningcorporatie")
    assert value == Multi(codes=("anders",), other="Bibliotheek; Woningcorporatie")


def test_multi_unknown_items_are_listed():
    with pytest.raises(InvalidAnswer) as caught:
        parse_answer(question("A9"), "hjl, wijkteam; notaris")
    assert "'hjl, wijkteam'" in caught.value.message and "'notaris'" in caught.value.message
    assert "kennisinstelling (Universiteit / kennisinstelling)" in caught.value.expected


@pytest.mark.parametrize("raw, expected", [
    (dt.datetime(2023, 4, 17), PartialDate(2023, 4, 17)),
    (dt.date(2023, 4, 17), PartialDate(2023, 4, 17)),
    ("17-04-2023", PartialDate(2023, 4, 17)),
    ("7-4-2023", PartialDate(2023, 4, 7)),
    ("2023-04-17", PartialDate(2023, 4, 17)),
    ("04-2023", PartialDate(2023, 4)),
    (" 4-2023 ", PartialDate(2023, 4)),
])
def test_dates(raw, expected):
    assert parse_answer(question("P6"), raw) == expected


@pytest.mark.parametrize("raw", ["31-02-2023", "13-2023", "voorjaar 2023", "2023", 45000, "17 april 2023"])
def test_bad_dates(raw):
    with pytest.raises(InvalidAnswer) as caught:
        parse_answer(question("P7"), raw)
    assert "dd-mm-jjjj" in caught.value.expected


@pytest.mark.parametrize("raw, expected", [(12, 12), (12.0, 12), ("12", 12), (" 12 ", 12), (0, 0)])
def test_whole_numbers(raw, expected):
    assert parse_answer(question("A8"), raw) == expected


@pytest.mark.parametrize("raw, message", [
    ("ongeveer 40", "Geen getal"),
    (-3, "negatief"),
    ("-3", "negatief"),
    (4.5, "Geen heel getal"),
    ("4,5", "Geen heel getal"),
    ("1.200", "Geen heel getal"),
    (True, "Geen getal"),
    (dt.datetime(2024, 1, 1), "Geen getal"),
])
def test_rejected_numbers(raw, message):
    with pytest.raises(InvalidAnswer) as caught:
        parse_answer(question("A8"), raw)
    assert message in caught.value.message
    assert "heel getal" in caught.value.expected


def test_as_text_shows_values_as_excel_does():
    assert as_text(True) == "WAAR"
    assert as_text(40.0) == "40"
    assert as_text(dt.datetime(2024, 5, 6, 14, 30)) == "06-05-2024 14:30"
