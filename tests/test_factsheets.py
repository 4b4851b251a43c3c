"""Factsheets: one layout for every pilot, codebook labels, origins, and never personal data."""

from dataclasses import replace

from report.engagement.codebook import questions, sections
from report.compose.factsheets import factsheet, factsheets
from report.model import Answer, Multi, PartialDate, Source, SourceKind
from tests.conftest import EXAMPLE_TYPE
from tests.pilots import make_pilot

MISSING = EXAMPLE_TYPE.factsheet.not_answered      # the example shows an unanswered question as a dash


def _full_pilot():
    pilot = make_pilot(
        "p1", P1="Spreekuur in de bibliotheek", P2="divosa", P3="Gemeente Voorbeeldstad",
        P4="Voorbeeldstad", P5="Jan Jansen, jan.jansen@voorbeeld.nl", P6=PartialDate(2021, 3),
        P7=PartialDate(2022, 12, 31), A3=Multi(("eerste-lijn-escalatie", "anders"), "Stichting X"),
        A8=1250, A10="maatwerk", K1="eerste-lijn-breed", K3="werkwijze", B1="vertraagd",
        D1="Hulp om de hoek", D2="Fatima krijgt een brief.\nZe begrijpt hem niet.\n\nIn de bibliotheek vindt ze hulp.",
    )
    a8 = pilot.answers["A8"]
    pilot.answers["A8"] = replace(a8, source=Source(SourceKind.CORRECTIE, "correcties.yaml", cell="regel 4"))
    return pilot


def _facts(sheet):
    return list(sheet.header) + list(sheet.tags) + [f for s in sheet.sections for f in s.facts]


def test_header_and_tags_use_codebook_labels_and_a_dutch_period():
    sheet = factsheet(_full_pilot())
    header = {f.label: f.value for f in sheet.header}
    assert header == {"Programma": "Divosa-programma", "Organisatie": "Gemeente Voorbeeldstad",
                      "Plaats": "Voorbeeldstad", "Looptijd": "maart 2021 – december 2022"}
    tags = {f.label: f.value for f in sheet.tags}
    assert tags["Thema"] == "Breed eerste lijn"
    assert tags["Type"] == "Werkwijze van/voor professionals"
    assert tags["Voortgang"] == "Vertraagd"
    assert [f.label for f in sheet.tags] == ["Thema", "Type", "Directe doelgroep", "Voortgang", "Voortzetting",
                                             "Financiering", "ICT-middelen", "Eigenaarschap",
                                             "Bereik t.o.v. verwachting"]


def test_missing_answers_are_one_dash_and_values_keep_their_origin():
    facts = {f.label: f for f in _facts(factsheet(_full_pilot()))}
    assert facts["Financiering"].value == MISSING == "–"
    assert facts["Financiering"].origin is None and facts["Financiering"].missing
    assert facts["Geholpen rechtzoekenden"].value == "1.250"   # Dutch digit grouping
    assert facts["Geholpen rechtzoekenden"].origin is SourceKind.CORRECTIE
    assert facts["Thema"].origin is SourceKind.CODERING
    assert facts["Aansluiting bij doelen stelsel"].value == (
        "Eerste lijn: problemen oplossen voordat ze escaleren; Anders: Stichting X")
    assert facts["ICT-middelen"].value == "Maatwerk: tool of portaal ontwikkeld in de pilot"


def test_personal_data_never_appears():
    sheet = factsheet(_full_pilot())
    text = " ".join(f"{f.label} {f.value}" for f in _facts(sheet))
    assert "Jansen" not in text and "@" not in text and "Projectleider" not in text


def test_every_pilot_gets_the_same_sections_and_facts():
    sparse = factsheet(make_pilot("p2", P1="Leeg"))
    full = factsheet(_full_pilot())
    assert [s.title for s in sparse.sections] == [s.title for s in sections() if s.key in "abcde"]
    assert [[f.label for f in s.facts] for s in sparse.sections if s.case is None and s.title != "d. Casus"] == \
        [[f.label for f in s.facts] for s in full.sections if s.case is None]
    shown = {f.label for f in _facts(sparse)}
    expected = {q.short_label for q in questions() if q.section in "abce"} | {"Verhaal van de rechtzoekende"}
    assert expected <= shown
    assert all(f.value == MISSING for f in _facts(sparse))
    labels = [f.label for f in _facts(full)]
    assert len(labels) == len(set(labels))          # a tag is not repeated in the sections
    assert sparse.case is None and full.case is not None


def test_section_d_holds_the_case_or_says_it_is_missing_like_any_answer():
    sparse, full = factsheet(make_pilot("p2", P1="Leeg")), factsheet(_full_pilot())
    d_sparse, d_full = (sheet.sections[3] for sheet in (sparse, full))
    assert d_sparse.title == d_full.title == "d. Casus"
    assert [(f.label, f.value, f.question_id) for f in d_sparse.facts] == [("Verhaal van de rechtzoekende", MISSING, "D2")]
    assert d_sparse.case is None
    assert d_full.facts == () and d_full.case is full.case and full.case.title == "Hulp om de hoek"


def test_no_field_repeats_the_name_of_its_section():
    for section in factsheet(_full_pilot()).sections + factsheet(make_pilot("p2")).sections:
        name = section.title.split(". ", 1)[1]
        assert all(fact.label.casefold() != name.casefold() for fact in section.facts), section.title


def test_case_story_becomes_paragraphs_under_its_own_title():
    case = factsheet(_full_pilot()).case
    assert case.title == "Hulp om de hoek" and case.pilot_id == "p1"
    assert [p.content[0].text for p in case.paragraphs] == [
        "Fatima krijgt een brief. Ze begrijpt hem niet.", "In de bibliotheek vindt ze hulp."]


def test_factsheets_are_alphabetical_by_name():
    pilots = [make_pilot("1", P1="zeeland"), make_pilot("2", P1="Amsterdam"), make_pilot("3", P1="Breda")]
    assert [s.title for s in factsheets(pilots)] == ["Amsterdam", "Breda", "zeeland"]


def test_a_period_with_one_side_missing_still_shows():
    pilot = make_pilot("p", P6=PartialDate(2021, 3, 1))
    [period] = [f for f in factsheet(pilot).header if f.label == "Looptijd"]
    assert period.value == "maart 2021 – onbekend" and period.origin is SourceKind.VRAGENLIJST


def test_text_answers_pass_through_unchanged():
    pilot = make_pilot("p", A1="=SOM(A1:A3) blijft tekst")
    pilot.answers["A1"] = Answer("A1", "=SOM(A1:A3) blijft tekst",
                                 Source(SourceKind.AANVULLING, "p-aanvulling.xlsx", "Vragenlijst", "C12"))
    [fact] = [f for f in factsheet(pilot).sections[0].facts if f.label == "Wat wordt ontwikkeld"]
    assert fact.value == "=SOM(A1:A3) blijft tekst" and fact.origin is SourceKind.AANVULLING
