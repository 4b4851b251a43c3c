"""Turn the questionnaire and coding contract into data, defined once.

Every other part of the pipeline reads this module: the blank-workbook
generator (wording, dropdowns, variants), the reader (IDs, types, codes and
labels), the validation messages (allowed values) and the report (labels in
charts and factsheets). IDs, sheet names, header names and codes are fixed by
the input contract; the Dutch wording is ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

QUESTIONNAIRE_SHEET = "Vragenlijst"
CODING_SHEET = "Codering"
HEADER_ID = "ID"
HEADER_QUESTION = "Vraag"
HEADER_ANSWER = "Antwoord"
HEADER_NOTE = "Toelichting"
CODING_PILOT_HEADER = "Pilot-ID"
HEADER_SEARCH_ROWS = 15
OTHER_CODE = "anders"


class AnswerKind(Enum):
    """How an answer is typed; decides parsing, validation and display."""

    TEXT = "tekst"
    CHOICE = "keuze"
    MULTI = "meerkeuze"
    DATE = "datum"
    NUMBER = "getal"


class Variant(Enum):
    """The kinds of questionnaire workbook (question P8)."""

    LANG = "lang"
    KORT = "kort"
    AANVULLING = "aanvulling"


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


@dataclass(frozen=True)
class Section:
    key: str
    title: str


@dataclass(frozen=True)
class Question:
    """One question of the questionnaire or one column of the coding sheet."""

    id: str
    section: str
    text: str
    kind: AnswerKind
    short_label: str
    choices: tuple[Choice, ...] = ()
    in_short: bool = False
    required: bool = False
    personal: bool = False
    help: str = ""
    header: str = ""

    def choice(self, code: str) -> Choice:
        """The choice with this exact code; KeyError names the question."""
        for c in self.choices:
            if c.code == code:
                return c
        raise KeyError(f"{self.id}: onbekende code {code!r}")

    def match_choice(self, raw: str) -> Choice | None:
        """Find a choice by code or label, as people type them.

        Case-insensitive, surrounding spaces and a trailing full stop ignored.
        """
        wanted = normalise(raw)
        for c in self.choices:
            if wanted in (normalise(c.code), normalise(c.label)):
                return c
        return None

    def label(self, code: str) -> str:
        return self.choice(code).label

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.choices)

    def allowed_text(self) -> str:
        """The allowed values as a validation message shows them."""
        return "; ".join(f"{c.code} ({c.label})" for c in self.choices)


def normalise(text: str) -> str:
    return text.strip().rstrip(".").strip().casefold()


def _choices(*pairs: tuple[str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(code, label) for code, label in pairs)


SECTIONS: tuple[Section, ...] = (
    Section("P", "Gegevens van de pilot"),
    Section("a", "a. Basisgegevens"),
    Section("b", "b. Stand van zaken"),
    Section("c", "c. Implementatie en borging"),
    Section("d", "d. Casus"),
    Section("e", "e. Overige observaties"),
)

CODING_SECTION = Section("K", "Codering door de onderzoekers")

_MULTI_HINT = (
    "Meerdere antwoorden mogelijk: zet elk antwoord op een eigen regel of "
    "scheid ze met een puntkomma. Bij 'Anders' kunt u toevoegen: 'anders: ...'."
)

QUESTIONS: tuple[Question, ...] = (
    Question("P0", "P", "Pilot-ID (korte, vaste sleutel die alle werkboeken van deze pilot verbindt)",
             AnswerKind.TEXT, "Pilot-ID", in_short=True, required=True,
             help="Bijvoorbeeld P07 of een korte naam zonder spaties. Gebruik overal dezelfde sleutel."),
    Question("P1", "P", "Naam van de pilot", AnswerKind.TEXT, "Naam", in_short=True, required=True),
    Question("P2", "P", "Binnen welk programma valt de pilot?", AnswerKind.CHOICE, "Programma",
             _choices(("divosa", "Divosa-programma"),
                      ("raad", "Subsidieregeling Raad voor Rechtsbijstand"),
                      ("jenv", "Rechtstreeks ministerie van JenV")),
             in_short=True),
    Question("P3", "P", "Uitvoerende organisatie(s)", AnswerKind.TEXT, "Organisatie", in_short=True),
    Question("P4", "P", "Gemeente, regio of landelijk", AnswerKind.TEXT, "Plaats", in_short=True),
    Question("P5", "P", "Projectleider (naam en e-mailadres)", AnswerKind.TEXT, "Projectleider",
             in_short=True, personal=True,
             help="Alleen voor contact met de onderzoekers; komt niet in het rapport."),
    Question("P6", "P", "Startdatum van de pilot", AnswerKind.DATE, "Start", in_short=True,
             help="Als datum (dd-mm-jjjj) of alleen maand en jaar (mm-jjjj)."),
    Question("P7", "P", "(Geplande) einddatum van de pilot", AnswerKind.DATE, "Einde", in_short=True,
             help="Als datum (dd-mm-jjjj) of alleen maand en jaar (mm-jjjj)."),
    Question("P8", "P", "Soort document", AnswerKind.CHOICE, "Soort document",
             _choices(("lang", "Lange vragenlijst"),
                      ("kort", "Korte vragenlijst"),
                      ("aanvulling", "Aanvulling door de onderzoekers")),
             in_short=True),
    # a. Basisgegevens
    Question("A1", "a", "Wat wordt er in de pilot ontwikkeld?", AnswerKind.TEXT, "Wat wordt ontwikkeld",
             in_short=True),
    Question("A2", "a", "Welke resultaten wilt u aan het eind van de pilotperiode bereikt hebben? "
             "Zijn die tijdens de pilot veranderd?", AnswerKind.TEXT, "Beoogde resultaten", in_short=True),
    Question("A3", "a", "Bij welke doelen van het nieuwe stelsel (Contourennota) sluit de pilot aan?",
             AnswerKind.MULTI, "Aansluiting bij doelen stelsel",
             _choices(("eerste-lijn-escalatie", "Eerste lijn: problemen oplossen voordat ze escaleren"),
                      ("eerste-lijn-overig", "Eerste lijn: overige doelstellingen"),
                      ("burgergerichte-overheid", "Burgergerichte overheid / verbeterde dienstverlening"),
                      ("rechtshulppakketten", "Tweede lijn: nieuwe rechtshulppakketten"),
                      (OTHER_CODE, "Anders")),
             in_short=True, help=_MULTI_HINT),
    Question("A3b", "a", "Stemt u af met pilots die op dezelfde onderdelen van het stelsel werken? Zo ja, hoe?",
             AnswerKind.TEXT, "Afstemming met andere pilots"),
    Question("A4", "a", "Voor welke doelgroep is de werkwijze of het product bedoeld?", AnswerKind.TEXT,
             "Doelgroep", in_short=True),
    Question("A5", "a", "Wie zijn de beoogde gebruikers?", AnswerKind.TEXT, "Gebruikers", in_short=True),
    Question("A6", "a", "Is de werkwijze of het product getoetst met echte gebruikers?", AnswerKind.CHOICE,
             "Getoetst met gebruikers",
             _choices(("ja", "Ja"), ("deels", "Deels"), ("nee", "Nee"), ("nog-niet", "Nog niet"))),
    Question("A7", "a", "Op welke rechtsgebieden en problemen richt de pilot zich, waar en op welke schaal?",
             AnswerKind.TEXT, "Rechtsgebieden en schaal", in_short=True),
    Question("A8", "a", "Hoeveel rechtzoekenden zijn tot nu toe geholpen?", AnswerKind.NUMBER,
             "Geholpen rechtzoekenden", in_short=True,
             help="Een heel getal (0 of meer). Laat leeg als u het niet weet."),
    Question("A8b", "a", "Hoe verhoudt dit bereik zich tot wat u had verwacht?", AnswerKind.CHOICE,
             "Bereik t.o.v. verwachting",
             _choices(("minder", "Minder dan verwacht"), ("verwachting", "Naar verwachting"),
                      ("meer", "Meer dan verwacht"), ("nvt", "Niet van toepassing"),
                      ("onbekend", "Onbekend")),
             in_short=True),
    Question("A8c", "a", "Hoeveel mensen kunnen de werkwijze of het product straks gebruiken?", AnswerKind.TEXT,
             "Potentieel bereik"),
    Question("A9", "a", "Welke partijen zijn bij de pilot betrokken?", AnswerKind.MULTI, "Betrokken partijen",
             _choices(("hjl", "Het Juridisch Loket"), ("wijkteam", "Sociaal wijkteam"),
                      ("gemeente", "Gemeente, overige onderdelen"), ("advocatuur", "(Sociale) advocatuur"),
                      ("mediators", "Mediators"), ("raad", "Raad voor Rechtsbijstand"),
                      ("divosa", "Divosa"), ("uwv", "UWV"), ("rechtswinkel", "Rechtswinkel"),
                      ("sociaal-raadslieden", "Sociaal raadslieden"),
                      ("clientondersteuning", "Cliëntondersteuning"), ("rechtspraak", "Rechtspraak"),
                      ("kennisinstelling", "Universiteit / kennisinstelling"), (OTHER_CODE, "Anders")),
             in_short=True, help=_MULTI_HINT),
    Question("A9b", "a", "Wat is de rol van elk van deze partijen?", AnswerKind.TEXT, "Rol van de partijen",
             in_short=True),
    Question("A10", "a", "Welke ICT- of informatievoorzieningsmiddelen worden ingezet?", AnswerKind.CHOICE,
             "ICT-middelen",
             _choices(("geen", "Geen, alleen basis-ICT"),
                      ("maatwerk", "Maatwerk: tool of portaal ontwikkeld in de pilot"),
                      ("bestaand", "Bestaande systemen")),
             in_short=True),
    Question("A10b", "a", "Toelichting op de ICT-middelen", AnswerKind.TEXT, "Toelichting ICT"),
    Question("A11", "a", "Bij wie ligt het eigenaarschap van de werkwijze of het product "
             "(inclusief intellectueel eigendom)?", AnswerKind.CHOICE, "Eigenaarschap",
             _choices(("onbekend", "Onbekend / nog niet bepaald"),
                      ("geen", "Geen eigenaarschap: vrij toepasbare werkwijze"),
                      ("privaat", "Private partij(en)"), ("publiek", "Publieke partij(en)"),
                      ("combinatie", "Combinatie publiek en privaat")),
             in_short=True),
    Question("A11b", "a", "Is het product nieuw of off-the-shelf? Hoe overdraagbaar is het, "
             "en binnen welk juridisch kader?", AnswerKind.TEXT, "Overdraagbaarheid"),
    # b. Stand van zaken
    Question("B1", "b", "Loopt de pilot op schema?", AnswerKind.CHOICE, "Voortgang",
             _choices(("ja", "Op schema"), ("vertraagd", "Vertraagd"), ("afgerond", "Afgerond"),
                      ("gestopt", "Vroegtijdig gestopt")),
             in_short=True),
    Question("B2", "b", "Hoe wordt de werkwijze of het product na de subsidie verder ontwikkeld? "
             "Gaat u zelf door of draagt u het over?", AnswerKind.TEXT, "Verdere ontwikkeling"),
    Question("B3", "b", "Wordt de werkwijze voortgezet na de subsidieperiode?", AnswerKind.CHOICE, "Voortzetting",
             _choices(("ja", "Ja"), ("afhankelijk", "Ja, afhankelijk van factoren"),
                      ("onbekend", "Nog onbekend"), ("nee", "Nee")),
             in_short=True),
    Question("B3b", "b", "Waarvan hangt voortzetting af?", AnswerKind.TEXT, "Voorwaarden voor voortzetting"),
    # c. Implementatie en borging
    Question("C1", "c", "Hebt u nagedacht over implementatie en borging? Met welke partijen, "
             "en wat zijn uw inzichten?", AnswerKind.TEXT, "Aanpak en betrokken partijen", in_short=True),
    Question("C2", "c", "Is er financiering voor implementatie en borging?", AnswerKind.CHOICE, "Financiering",
             _choices(("aanwezig", "Financiering aanwezig"),
                      ("niet-nodig", "Niet nodig, past in regulier werk"),
                      ("geen-vervolg", "Geen vervolg"),
                      ("onzeker", "Onzeker / in afwachting van besluit"),
                      ("niet-nagedacht", "Nog niet over nagedacht")),
             in_short=True),
    Question("C3", "c", "Is er een kosten-batenanalyse of businesscase gemaakt?", AnswerKind.CHOICE,
             "Kosten-batenanalyse",
             _choices(("ja", "Ja"), ("nee", "Nee"), ("in-voorbereiding", "In voorbereiding"))),
    Question("C4", "c", "Welke rol ziet u voor JenV, de Raad, Divosa en het Juridisch Loket bij de borging?",
             AnswerKind.TEXT, "Rol landelijke partijen bij borging"),
    Question("C5", "c", "Hoe wordt de pilot geëvalueerd, en wat zijn de belangrijkste uitkomsten tot nu toe?",
             AnswerKind.TEXT, "Evaluatie", in_short=True),
    # d. Casus, e. Overig
    Question("D1", "d", "Titel van de casus", AnswerKind.TEXT, "Titel casus", in_short=True),
    Question("D2", "d", "Beschrijf een kenmerkende casus vanuit het perspectief van de rechtzoekende",
             AnswerKind.TEXT, "Verhaal van de rechtzoekende", in_short=True,
             help="Een kort verhaal van één of enkele alinea's; gebruik geen echte namen."),
    Question("E1", "e", "Zijn er andere opvallende observaties die u wilt delen?", AnswerKind.TEXT,
             "Wat verder opvalt"),
)

CODING_COLUMNS: tuple[Question, ...] = (
    Question("K1", "K", "Hoofdthema van de pilot", AnswerKind.CHOICE, "Thema",
             _choices(("scheiden", "Scheiden / familierecht"),
                      ("eerste-lijn-breed", "Breed eerste lijn"),
                      ("eerste-lijn-sociaal", "Eerste lijn verbinden met sociaal domein"),
                      ("conflict-overheid", "Conflictoplossing burger en overheid"),
                      ("conflict-algemeen", "Conflictoplossing algemeen"),
                      ("doorverwijzing", "Doorverwijzen eerste naar tweede lijn"),
                      ("wonen", "Wonen"), ("inkomen", "Inkomen")),
             header="K1 Thema"),
    Question("K2", "K", "Directe doelgroep of gebruikers", AnswerKind.CHOICE, "Directe doelgroep",
             _choices(("rechtzoekenden", "Rechtzoekenden"),
                      ("sociaal-domein", "Professionals sociaal domein"),
                      ("rechtshulpverleners", "Rechtshulpverleners"),
                      ("gemengd", "Rechtzoekenden én hulpverleners")),
             header="K2 Directe doelgroep"),
    Question("K3", "K", "Type: werkwijze of product", AnswerKind.CHOICE, "Type",
             _choices(("werkwijze", "Werkwijze van/voor professionals"),
                      ("product", "Product: online tool of platform")),
             header="K3 Type"),
    Question("K4", "K", "Doelgroep bij wie uiteindelijk effect moet optreden", AnswerKind.CHOICE,
             "Indirecte doelgroep",
             _choices(("rechtzoekenden", "Rechtzoekenden (algemeen)"),
                      ("scheidende-ouders", "Scheidende ouders / gezinnen"),
                      ("rechtshulpverleners", "Rechtshulpverleners"),
                      ("bezwaarmakers", "Rechtzoekenden bij indienen bezwaar"),
                      ("wijkteam-juristen", "Wijkteam en juridische professionals"),
                      ("bezwaarmedewerkers", "Bezwaarmedewerkers gemeente"),
                      ("sociaal-domein", "Professionals sociaal domein"),
                      ("hjl-medewerkers", "Medewerkers hJL"),
                      ("clientondersteuners", "Cliëntondersteuners")),
             header="K4 Indirecte doelgroep"),
    Question("K5", "K", "Plek in het huidige stelsel", AnswerKind.CHOICE, "Plek in stelsel",
             _choices(("sociaal-juridisch", "Snijvlak sociaal en juridisch domein"),
                      ("eerste-lijn", "Eerste lijn"),
                      ("eerste-tweede-lijn", "Eerste en tweede lijn overstijgend"),
                      ("tweede-lijn", "Tweede lijn")),
             header="K5 Plek in stelsel"),
    Question("K6", "K", "Paragraaf waarin de casus van deze pilot als kader verschijnt (bijv. 2.1)",
             AnswerKind.TEXT, "Casus in rapport", header="K6 Casus in rapport"),
    Question("K7", "K", "Vrij clusterlabel voor analyse over pilots heen", AnswerKind.TEXT, "Cluster",
             header="K7 Cluster"),
)

_BY_ID: dict[str, Question] = {q.id.casefold(): q for q in QUESTIONS + CODING_COLUMNS}

# The questions whose distributions `stats --json` publishes; a public interface.
STATS_QUESTIONS: tuple[str, ...] = (
    "P2", "A3", "A6", "A8b", "A9", "A10", "A11", "B1", "B3", "C2", "C3",
    "K1", "K2", "K3", "K4", "K5",
)


def question(qid: str) -> Question:
    """Look up a question or coding column by ID, as the contract matches IDs."""
    return _BY_ID[qid.strip().casefold()]


def find_question(qid: str) -> Question | None:
    return _BY_ID.get(qid.strip().casefold())


def questions_for(variant: Variant) -> tuple[Question, ...]:
    """The questions a workbook of this variant asks.

    The short questionnaire asks the K-marked questions; a supplement is the
    researchers' completion and may hold any question, so it lists them all.
    """
    if variant is Variant.KORT:
        return tuple(q for q in QUESTIONS if q.in_short)
    return QUESTIONS


def section(key: str) -> Section:
    for s in SECTIONS + (CODING_SECTION,):
        if s.key == key:
            return s
    raise KeyError(key)
