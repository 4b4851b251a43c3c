"""The example data: 30 illustrative pilot records, as plain Python values.

Each record is one `Pilot`: every question of the questionnaire contract
(P0-P8, A1-A11b, B1-B3b, C1-C5, D1, D2, E1) plus the researchers' coding
columns K1-K7. The answers are illustrative: reconstructed so that the
aggregates reproduce the published figures of the reference report, not taken
from the real pilots. Real pilot names are used where the public register fits
the counts; all people, e-mail addresses and several organisations and
municipalities are fictitious.

Value conventions
-----------------
- ``None`` means *not answered*, for every kind of question.
- Text questions: Dutch ``str``; paragraphs in D2 are separated by ``"\\n\\n"``.
- Choice questions (P2, P8, A6, A8b, A10, A11, B1, B3, C2, C3, K1-K5): the
  exact code from the contract, e.g. ``"afhankelijk"``.
- Multiple choice (A3, A9): a ``tuple`` of codes in the order given; the code
  ``anders`` with free text is the pair ``("anders", "tekst")``.
- A8: ``int`` >= 0, or ``None``.
- Dates (P6, P7): ``"jjjj-mm-dd"`` (ISO) or ``"mm-jjjj"`` when only the month
  is known - both forms the contract accepts.
- K6: the report section of the pilot's case box (``"2.1"``, ...) or ``None``;
  K7: a free cluster label or ``None``.
- ``variant``: ``"lang"`` or ``"kort"``; it equals P8 of the pilot's
  questionnaire. ``supplement`` lists, for a ``kort`` pilot, the question IDs
  whose answer is absent from the short questionnaire and comes from the
  researchers' supplement (a second workbook with ``P8 = aanvulling``); the
  supplement repeats P0 and P1. It is empty for ``lang`` pilots.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

#: Question IDs of the questionnaire, in contract order.
QUESTION_IDS: tuple[str, ...] = (
    "P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8",
    "A1", "A2", "A3", "A3b", "A4", "A5", "A6", "A7", "A8", "A8b", "A8c",
    "A9", "A9b", "A10", "A10b", "A11", "A11b",
    "B1", "B2", "B3", "B3b",
    "C1", "C2", "C3", "C4", "C5",
    "D1", "D2", "E1",
)

#: Coding columns of the coding workbook (headers there: "K1 Thema", ...).
CODING_IDS: tuple[str, ...] = ("K1", "K2", "K3", "K4", "K5", "K6", "K7")

#: Questions that only the long questionnaire asks (not marked K in the contract).
LONG_ONLY_IDS: tuple[str, ...] = (
    "A3b", "A6", "A8c", "A10b", "A11b", "B2", "B3b", "C3", "C4", "E1",
)

#: Questions of the short questionnaire (marked K in the contract).
SHORT_IDS: tuple[str, ...] = tuple(q for q in QUESTION_IDS if q not in LONG_ONLY_IDS)


@dataclass(frozen=True, kw_only=True)
class Pilot:
    """One pilot: its questionnaire answers, its coding row and where answers come from."""

    variant: str
    # Identity
    P0: str
    P1: str
    P2: str | None
    P3: str | None
    P4: str | None
    P5: str | None
    P6: str | None
    P7: str | None
    P8: str
    # a. Basisgegevens
    A1: str | None
    A2: str | None
    A3: tuple[Any, ...] | None
    A3b: str | None
    A4: str | None
    A5: str | None
    A6: str | None
    A7: str | None
    A8: int | None
    A8b: str | None
    A8c: str | None
    A9: tuple[Any, ...] | None
    A9b: str | None
    A10: str | None
    A10b: str | None
    A11: str | None
    A11b: str | None
    # b. Stand van zaken
    B1: str | None
    B2: str | None
    B3: str | None
    B3b: str | None
    # c. Implementatie en borging
    C1: str | None
    C2: str | None
    C3: str | None
    C4: str | None
    C5: str | None
    # d. Casus, e. Overig
    D1: str | None
    D2: str | None
    E1: str | None
    # Coding workbook
    K1: str
    K2: str
    K3: str
    K4: str
    K5: str
    K6: str | None
    K7: str | None
    # Provenance of the answers of a short-questionnaire pilot
    supplement: tuple[str, ...] = ()

    def answers(self) -> dict[str, Any]:
        """The questionnaire answers by question ID (P0 ... E1)."""
        return {q: getattr(self, q) for q in QUESTION_IDS}

    def coding(self) -> dict[str, Any]:
        """The coding row by column ID (K1 ... K7)."""
        return {k: getattr(self, k) for k in CODING_IDS}


assert [f.name for f in fields(Pilot)] == ["variant", *QUESTION_IDS, *CODING_IDS, "supplement"]


PILOTS: tuple[Pilot, ...] = (
    # ------------------------------------------------------------------
    # Scheiden / familierecht (K1 scheiden): 6 pilots, 4 of them a product
    # ------------------------------------------------------------------
    Pilot(
        variant="kort",
        P0="berekenjescheiding",
        P1="Berekenjescheiding.nl",
        P2="raad",
        P3="Stichting Scheidingsrekenhulp, met een klankbordgroep van familierechtadvocaten en mediators",
        P4="Landelijk (online)",
        P5="Marloes Verhagen, m.verhagen@example.nl",
        P6="2020-10-01",
        P7="2022-12-31",
        P8="kort",
        A1=("Een gratis online rekentool waarmee (ex-)partners zelf de financiële gevolgen van een "
            "scheiding doorrekenen: kinderalimentatie, partneralimentatie, de verdeling van de woning "
            "en de gevolgen voor toeslagen."),
        A2=("Aan het eind van de pilot is de tool landelijk beschikbaar, gekoppeld aan de website van het "
            "Juridisch Loket en getest met ouders met een laag inkomen. Tijdens de pilot is een module "
            "over toeslagen toegevoegd, omdat gebruikers daar de meeste vragen over hadden."),
        A3=("eerste-lijn-escalatie",),
        A3b="Periodiek overleg met de Zelfregie-route Scheiden over doorverwijzing tussen beide tools.",
        A4=("Ouders en partners die overwegen te scheiden of midden in een scheiding zitten, in het "
            "bijzonder mensen met recht op gesubsidieerde rechtsbijstand."),
        A5=("Rechtzoekenden zelf; daarnaast mediators en medewerkers van het Juridisch Loket die de "
            "uitkomsten met hun cliënten bespreken."),
        A6="ja",
        A7=("Personen- en familierecht (alimentatie, verdeling van vermogen en schulden). Landelijk en "
            "online; gericht op de eerste fase van een scheiding."),
        A8=4820,
        A8b="meer",
        A8c=("In principe alle scheidende stellen in Nederland; jaarlijks gaat het om enkele tienduizenden "
             "huishoudens."),
        A9=("hjl", "mediators", "advocatuur", "raad"),
        A9b=("Het Juridisch Loket verwijst door; mediators en advocaten leveren rekenregels; de Raad denkt "
             "mee over de toevoegingen."),
        A10="maatwerk",
        A10b=("Webapplicatie gebouwd door een extern bureau. Er worden geen persoonsgegevens opgeslagen: "
              "de berekening blijft in de browser van de gebruiker."),
        A11="privaat",
        A11b=("Nieuw ontwikkeld. Broncode en rekenregels zijn eigendom van de stichting; overdracht aan een "
              "publieke partij wordt verkend. De tool geeft een indicatie en geen juridisch advies."),
        B1="ja",
        B2=("De stichting wil de tool zelf blijven beheren en zoekt structurele financiering voor het "
            "onderhoud van de rekenregels, die elk jaar wijzigen."),
        B3="afhankelijk",
        B3b="Van structurele financiering voor beheer en de jaarlijkse actualisering van de normbedragen.",
        C1=("Er zijn gesprekken met het Juridisch Loket over inbedding in de website. Inzicht: een rekentool "
            "blijft alleen betrouwbaar als iemand de normen bijhoudt."),
        C2="onzeker",
        C3="in-voorbereiding",
        C4=("Het Juridisch Loket is de meest logische partij voor duurzaam beheer; daarvoor zijn afspraken "
            "over eigendom en kosten nodig."),
        C5="Gebruiksstatistieken, een korte vragenlijst na de berekening en interviews met twintig gebruikers.",
        D1="Eerst rekenen, dan praten",
        D2=("Sanne en Mark gaan na twaalf jaar uit elkaar en hebben twee kinderen. Sanne werkt parttime en "
            "maakt zich zorgen of ze de huur alleen kan betalen. Via de website van het Juridisch Loket komt "
            "ze bij Berekenjescheiding.nl terecht en rekent ze op een avond verschillende verdelingen door."
            "\n\n"
            "Met de uitkomsten gaan Sanne en Mark samen naar een mediator. Omdat ze allebei al weten welke "
            "bedragen redelijk zijn, hebben ze na twee gesprekken een ouderschapsplan en een financiële "
            "regeling."),
        E1=("Opvallend veel gebruikers gebruiken de tool 's avonds en in het weekend, buiten de "
            "openingstijden van de loketten."),
        K1="scheiden",
        K2="rechtzoekenden",
        K3="product",
        K4="scheidende-ouders",
        K5="eerste-lijn",
        K6="2.1",
        K7="Online zelfhulp",
        supplement=LONG_ONLY_IDS,
    ),
    Pilot(
        variant="kort",
        P0="zelfregie-scheiden",
        P1="Zelfregie-route Scheiden (Uitelkaar.nl)",
        P2="raad",
        P3="Justice42 (Uitelkaar.nl)",
        P4="Landelijk (online)",
        P5="Jeroen Smits, j.smits@example.nl",
        P6="09-2020",
        P7="12-2022",
        P8="kort",
        A1=("Een online scheidingsroute waarin partners stap voor stap zelf hun afspraken maken, begeleid "
            "door een vaste casemanager die meekijkt en bijstuurt waar dat nodig is."),
        A2=("Een route die ook toegankelijk is voor mensen met een toevoeging, met een vaste prijs en een "
            "duidelijke overdracht naar een advocaat of mediator als partners er samen niet uitkomen."),
        A3=("eerste-lijn-escalatie", "rechtshulppakketten"),
        A3b="Afstemming met het Experiment echtscheiding over de inhoud van de basispakketten.",
        A4=("Scheidende partners, met en zonder kinderen, onder wie rechtzoekenden die in aanmerking komen "
            "voor gesubsidieerde rechtsbijstand."),
        A5="Scheidende partners en de casemanagers van het platform.",
        A6="deels",
        A7=("Familierecht: echtscheiding, ouderschapsplan, alimentatie en verdeling. Landelijk, volledig "
            "online met telefonische ondersteuning."),
        A8=310,
        A8b="verwachting",
        A8c=("Naar schatting kan een derde van de scheidende stellen met een toevoeging deze route volgen; "
             "bij een hoog conflictniveau is de route niet geschikt."),
        A9=("mediators", "advocatuur", "raad"),
        A9b=("Mediators en advocaten nemen het over als partners vastlopen; de Raad financiert de pilot en "
             "beoordeelt of de route als pakket kan worden opgenomen."),
        A10="maatwerk",
        A10b=("Bestaand platform, in de pilot uitgebreid met een module voor casemanagers en een beveiligde "
              "berichtenomgeving."),
        A11="privaat",
        A11b=("Doorontwikkeling van een bestaand commercieel platform; het intellectueel eigendom blijft bij "
              "de ontwikkelaar. Overdracht aan andere aanbieders is daardoor beperkt mogelijk."),
        B1="ja",
        B2=("De ontwikkelaar zet de route zelf voort en wil die als vast aanbod binnen de "
            "toevoegingssystematiek brengen."),
        B3="afhankelijk",
        B3b="Van de vraag of de Raad een vaste vergoeding per traject wil vastleggen.",
        C1=("Implementatie hangt samen met de uitkomst van het Experiment echtscheiding. Er is gesproken "
            "met de Raad en met de beroepsverenigingen van advocaten en mediators over kwaliteitseisen."),
        C2="onzeker",
        C3="ja",
        C4="Borging kan via de Raad lopen, als de route als rechtshulppakket wordt erkend.",
        C5=("Tussentijdse evaluatie door een extern bureau op basis van doorlooptijden, tevredenheid en het "
            "aandeel trajecten dat alsnog bij de rechter eindigt."),
        D1="Samen online uit elkaar",
        D2=("Fatima en Youssef willen uit elkaar, maar zien op tegen twee advocaten die elk voor één van hen "
            "strijden. Ze kiezen de online route van Uitelkaar.nl en vullen thuis stap voor stap hun wensen in over "
            "de kinderen, het huis en het geld. Als ze vastlopen op de omgangsregeling, stellen ze hun vraag aan de "
            "casemanager, die binnen een dag antwoordt en een gezamenlijk videogesprek voorstelt."
            "\n\n"
            "Zo komen ze zelf tot een ouderschapsplan en een verdeling. Een advocaat hoeft alleen nog de laatste "
            "stukken bij de rechtbank in te dienen."),
        E1=None,
        K1="scheiden",
        K2="rechtzoekenden",
        K3="product",
        K4="scheidende-ouders",
        K5="tweede-lijn",
        K6="3.3.2",
        K7="Online zelfhulp",
        supplement=("A3b", "A6", "A8c", "A10b", "A11b", "B2", "B3b", "C3", "C4"),
    ),
    Pilot(
        variant="lang",
        P0="P03",
        P1="Scheidingstafel Online",
        P2="raad",
        P3="Coöperatie De Scheidingstafel U.A., met familierechtadvocaten uit de regio",
        P4="Landelijk (online), gestart in Gelderland en Overijssel",
        P5="Ellen Kuipers, e.kuipers@example.nl",
        P6="2021-01-01",
        P7="2022-12-31",
        P8="lang",
        A1=("Een online platform voor mediation bij scheiding, waarop een mediator en een advocaat samen "
            "een vast pakket aanbieden: intake, drie mediationgesprekken via video en een juridische toets "
            "van het convenant."),
        A2=("Een getest pakket met een vaste prijs dat binnen de toevoegingssystematiek past. Door "
            "vertraging in de bouw is de testperiode met een halfjaar ingekort."),
        A3=("rechtshulppakketten", "eerste-lijn-escalatie"),
        A3b=None,
        A4="Scheidende ouders met een laag inkomen die er samen uit willen komen.",
        A5="Ouders zelf; mediators en advocaten als aanbieders op het platform.",
        A6="deels",
        A7=("Familierecht: echtscheiding en beëindiging van samenwonen met kinderen. Online, in de testfase "
            "met ongeveer vijftien aangesloten mediators."),
        A8=48,
        A8b="minder",
        A8c="Als het pakket landelijk wordt aangeboden: enkele duizenden stellen per jaar.",
        A9=("mediators", "advocatuur", "rechtspraak"),
        A9b=("Mediators en advocaten leveren het pakket; de rechtbank denkt mee over een vlotte behandeling "
             "van convenanten die via het platform zijn opgesteld."),
        A10="maatwerk",
        A10b="Eigen videoplatform met een dossiermodule, gebouwd in een standaard cloudomgeving.",
        A11="privaat",
        A11b=("Nieuw ontwikkeld door de coöperatie; de leden zijn eigenaar. Videogesprekken vragen extra "
              "aandacht voor de AVG."),
        B1="vertraagd",
        B2="De coöperatie zet het platform voort als het pakket een vaste vergoeding krijgt.",
        B3="afhankelijk",
        B3b="Van een vaste vergoeding per pakket en van voldoende aanmeldingen.",
        C1=("Gesprekken met de Raad over opname als pakket. Inzicht: aanbieders haken af als de vergoeding "
            "per uur lager uitvalt dan bij een gewone toevoeging."),
        C2="onzeker",
        C3="in-voorbereiding",
        C4="Via de Raad, als onderdeel van de nieuwe rechtshulppakketten.",
        C5=("Evaluatie door een onderzoeksbureau met cijfers over doorlooptijd, slagingspercentage en "
            "tevredenheid van ouders en aanbieders."),
        D1="Mediation vanaf de keukentafel",
        D2=("Linda werkt in ploegendienst en kan overdag moeilijk vrij nemen. Samen met haar ex-partner "
            "Dennis voert ze de mediationgesprekken 's avonds via video. Na het derde gesprek leest een "
            "advocaat het convenant na en wijst op een fout in de verdeling van het pensioen."
            "\n\n"
            "Linda is blij dat die fout vóór het indienen bij de rechtbank is ontdekt. Zonder de online "
            "gesprekken was ze naar eigen zeggen nooit aan mediation begonnen."),
        E1=("Aanbieders zijn enthousiast over het vaste pakket, maar vinden de administratieve last van de "
            "toevoeging nog hoog."),
        K1="scheiden",
        K2="rechtzoekenden",
        K3="product",
        K4="scheidende-ouders",
        K5="tweede-lijn",
        K6=None,
        K7="Rechtshulppakketten",
    ),
    Pilot(
        variant="lang",
        P0="P04",
        P1="KindKompas: app voor ouders na een scheiding",
        P2="raad",
        P3="Stichting Kompas Kind en Scheiding",
        P4="Landelijk, getest in twee regio's",
        P5="Tom Bakker, t.bakker@example.nl",
        P6="2020-11-01",
        P7="2022-06-30",
        P8="lang",
        A1=("Een app waarin gescheiden ouders afspraken over de kinderen vastleggen, een gedeelde agenda "
            "bijhouden en bij onenigheid worden doorverwezen naar laagdrempelige hulp."),
        A2=("Een werkende app met doorverwijzing naar het Juridisch Loket en naar mediators. De pilot is in "
            "het voorjaar van 2022 stopgezet."),
        A3=("eerste-lijn-escalatie",),
        A3b=None,
        A4="Gescheiden ouders met jonge kinderen bij wie de onderlinge communicatie moeizaam verloopt.",
        A5="Ouders.",
        A6="nee",
        A7="Familierecht (omgang en zorgregeling); test in twee regio's.",
        A8=35,
        A8b="minder",
        A8c=None,
        A9=("mediators", "kennisinstelling"),
        A9b="Mediators vingen doorverwezen ouders op; een hogeschool deed het gebruikersonderzoek.",
        A10=None,
        A10b=None,
        A11="onbekend",
        A11b="Over het eigendom van de app was bij het stopzetten nog niets vastgelegd.",
        B1="gestopt",
        B2="Niet van toepassing: de pilot is gestopt.",
        B3="nee",
        B3b=None,
        C1=("Door het stoppen van de pilot is niet meer aan borging toegekomen. Inzicht: de app sloot niet "
            "aan bij ouders die al in een conflict zaten."),
        C2="geen-vervolg",
        C3="nee",
        C4=None,
        C5=("Korte eindrapportage aan de subsidiegever. Belangrijkste punt: ouders gebruikten de app te "
            "weinig om er echt afspraken in vast te leggen."),
        D1=None,
        D2=None,
        E1=("De ontwikkelaar heeft de kennis uit het gebruikersonderzoek gedeeld met andere "
            "scheidingspilots."),
        K1="scheiden",
        K2="rechtzoekenden",
        K3="product",
        K4="scheidende-ouders",
        K5="eerste-tweede-lijn",
        K6=None,
        K7="Online zelfhulp",
    ),
    Pilot(
        variant="kort",
        P0="hollands-kroon",
        P1="Scheidingsspreekuur Hollands Kroon",
        P2="divosa",
        P3="Gemeente Hollands Kroon, met Incluzio en het Juridisch Loket",
        P4="Hollands Kroon (regio Noord-Holland-Noord)",
        P5="Ingrid Mulder, i.mulder@example.nl",
        P6="2021-07-01",
        P7="2022-12-31",
        P8="kort",
        A1=("Een inloopspreekuur waar inwoners met vragen over scheiden terechtkunnen bij een medewerker "
            "van het Juridisch Loket en een medewerker van het sociaal team, gekoppeld aan een regionale "
            "website met informatie over scheiden."),
        A2=("Ouders zoeken eerder hulp, zodat problemen rond de kinderen minder escaleren. Tijdens de pilot "
            "is er een telefonisch spreekuur bij gekomen, omdat inwoners in de kleine kernen de reis als "
            "drempel ervaren."),
        A3=("eerste-lijn-escalatie", "eerste-lijn-overig"),
        A3b="Kennisuitwisseling met andere Divosa-pilots tijdens de bijeenkomsten van het programma.",
        A4="Inwoners, vaak ouders, die overwegen te scheiden of in een scheiding zitten.",
        A5="Inwoners; medewerkers van het sociaal team en van het Juridisch Loket.",
        A6="ja",
        A7=("Familierecht in combinatie met vragen over inkomen, wonen en jeugdhulp. Plattelandsgemeente; "
            "één vaste locatie en een telefonisch spreekuur."),
        A8=64,
        A8b="minder",
        A8c=("Alle inwoners van de gemeente die met een scheiding te maken krijgen, naar schatting "
             "honderdvijftig huishoudens per jaar."),
        A9=("divosa", "hjl", "wijkteam", "gemeente"),
        A9b=("Het Juridisch Loket geeft juridische informatie, het sociaal team kijkt naar de kinderen en "
             "de bredere hulpvraag, de gemeente coördineert en Divosa ondersteunt met kennisdeling."),
        A10="geen",
        A10b="Alleen het maken van afspraken, via de gewone agenda van de gemeente.",
        A11="geen",
        A11b="De werkwijze is vrij toepasbaar en eenvoudig over te nemen door andere gemeenten.",
        B1="ja",
        B2="De gemeente wil het spreekuur opnemen in het regionale plan voor de jeugdhulp.",
        B3="ja",
        B3b=None,
        C1=("De gemeente onderzoekt met de buurgemeenten of het spreekuur regionaal kan worden. Inzicht: "
            "bekendheid kost tijd; het aantal bezoekers steeg pas na berichten in de lokale krant."),
        C2="onzeker",
        C3="nee",
        C4="Divosa kan de werkwijze verspreiden onder andere gemeenten.",
        C5=("Evaluatie binnen het Divosa-programma; bezoekers vullen een korte vragenlijst in. Zij geven "
            "aan dat ze sneller weten waar ze aan toe zijn."),
        D1="Op tijd aan tafel",
        D2=("Anita woont in een klein dorp en twijfelt al maanden of ze bij haar man weg moet. Ze weet niet "
            "wat een scheiding betekent voor haar uitkering en voor de kinderen. Op het spreekuur praat ze "
            "tegelijk met een medewerker van het Juridisch Loket en iemand van het sociaal team."
            "\n\n"
            "Ze krijgt uitleg over haar rechten en een afspraak bij het sociaal team voor haar zoon, die "
            "slecht slaapt. Achteraf zegt Anita dat ze vooral opgelucht was dat ze haar verhaal maar één "
            "keer hoefde te vertellen."),
        E1=("Een deel van de bezoekers komt niet voor een scheiding maar met andere familierechtelijke "
            "vragen, bijvoorbeeld over de omgang met grootouders."),
        K1="scheiden",
        K2="rechtzoekenden",
        K3="werkwijze",
        K4="scheidende-ouders",
        K5="eerste-lijn",
        K6=None,
        K7="Rechtshulp in de wijk",
        supplement=('A3b', 'A6', 'A8c', 'A10b', 'A11b', 'B2', 'C3', 'C4', 'E1'),
    ),
    Pilot(
        variant="kort",
        P0="experiment-echtscheiding",
        P1="Experiment echtscheiding",
        P2="raad",
        P3="Raad voor Rechtsbijstand, met advocatuur, mediators en het Juridisch Loket",
        P4="Landelijk",
        P5="Karin de Boer, k.deboer@example.nl",
        P6="2022-02-14",
        P7="2023-03-25",
        P8="kort",
        A1=("Een werkwijze waarin scheidende rechtzoekenden na een diagnose bij het Juridisch Loket een "
            "basispakket rechtsbijstand krijgen, aangevuld met modules naar behoefte."),
        A2=("Inzicht in de vraag of vaste pakketten leiden tot snellere en minder conflictueuze "
            "scheidingen, als basis voor de nieuwe rechtshulppakketten."),
        A3=("rechtshulppakketten",),
        A3b="Afstemming met de Zelfregie-route Scheiden en andere scheidingspilots over de inhoud van de modules.",
        A4="Scheidende partners die in aanmerking komen voor gesubsidieerde rechtsbijstand.",
        A5="Rechtzoekenden, medewerkers van het Juridisch Loket, advocaten en mediators.",
        A6="nog-niet",
        A7="Familierecht: echtscheiding en beëindiging van een geregistreerd partnerschap. Landelijk.",
        A8=None,
        A8b="onbekend",
        A8c="Alle scheidende rechtzoekenden met een toevoeging: enkele tienduizenden per jaar.",
        A9=("raad", "hjl", "advocatuur", "mediators", "rechtspraak"),
        A9b=("Het Juridisch Loket stelt de diagnose, advocaten en mediators leveren de pakketten, de "
             "Rechtspraak volgt de doorlooptijden en de Raad voert de regeling uit."),
        A10="bestaand",
        A10b=("Bestaande systemen van de Raad voor aanvragen en declaraties, met een extra "
              "registratiecode."),
        A11="publiek",
        A11b="De regeling en de werkwijze zijn van de Raad; aanbieders mogen de pakketten vrij gebruiken.",
        B1="ja",
        B2="Na afloop beslist de minister of de pakketten deel worden van het nieuwe stelsel.",
        B3="afhankelijk",
        B3b="Van de uitkomsten van de evaluatie en van de politieke besluitvorming over het stelsel.",
        C1=("Borging is onderdeel van de stelselvernieuwing; de Raad betrekt de beroepsorganisaties vanaf "
            "het begin."),
        C2="onzeker",
        C3="in-voorbereiding",
        C4="Borging ligt bij de Raad en het ministerie van JenV.",
        C5=("Een extern onderzoeksbureau evalueert met dossieronderzoek, enquêtes onder rechtzoekenden en "
            "interviews met aanbieders."),
        D1="Eén diagnose, een helder pakket",
        D2=("Priya en haar partner hebben allebei een laag inkomen en weten niet waar ze moeten beginnen. "
            "Bij het Juridisch Loket krijgen ze samen een diagnosegesprek. Omdat ze het over veel zaken eens "
            "zijn, krijgen ze een basispakket met een mediator en één extra module over de verdeling van "
            "hun schulden."
            "\n\n"
            "Priya vond het prettig om vooraf te weten hoeveel gesprekken ze zouden krijgen en wat die "
            "moesten opleveren."),
        E1=None,
        K1="scheiden",
        K2="gemengd",
        K3="werkwijze",
        K4="scheidende-ouders",
        K5="tweede-lijn",
        K6=None,
        K7="Rechtshulppakketten",
        supplement=("A3b", "A6", "A8c", "A10b", "A11b", "B2", "B3b", "C3", "C4"),
    ),
    # ------------------------------------------------------------------
    # Conflictoplossing burger en overheid (6) and algemeen (2)
    # ------------------------------------------------------------------
    Pilot(
        variant="kort",
        P0="tilburg-dejuridiseren",
        P1="Dejuridiseren bij multiproblematiek in het sociaal domein (Tilburg)",
        P2="divosa",
        P3="Gemeente Tilburg",
        P4="Tilburg",
        P5="Rob van Dijk, r.vandijk@example.nl",
        P6="01-2021",
        P7="12-2022",
        P8="kort",
        A1=("Een informele aanpak van bezwaren van inwoners met meervoudige problemen: een team van "
            "informele aanpakkers neemt contact op, zoekt uit wat er achter het bezwaar zit en brengt met "
            "een diagnose-instrument alle problemen in beeld."),
        A2=("Minder herhaalde bezwaar- en beroepsprocedures bij dezelfde inwoners en een oplossing voor het "
            "onderliggende probleem. Halverwege is het diagnose-instrument vereenvoudigd, omdat het gesprek "
            "anders te lang werd."),
        A3=("burgergerichte-overheid", "eerste-lijn-escalatie"),
        A3b=("Uitwisseling met Vitamine R en met andere gemeenten in het Divosa-programma die bezwaren "
             "informeel behandelen."),
        A4=("Inwoners met meervoudige problemen die in conflicten met de gemeente herhaaldelijk gebruikmaken "
            "van gesubsidieerde rechtsbijstand."),
        A5="Bezwaarbehandelaars, klantmanagers en wijkteammedewerkers van de gemeente.",
        A6="ja",
        A7=("Bestuursrecht in het sociaal domein (Participatiewet, Wmo, schulden). Eén gemeente; een kleine "
            "groep inwoners die veel procedures voert."),
        A8=38,
        A8b="verwachting",
        A8c=("Alle inwoners die bezwaar maken tegen een besluit in het sociaal domein; de intensieve aanpak "
             "is bedoeld voor enkele tientallen inwoners per jaar."),
        A9=("divosa", "gemeente", "wijkteam"),
        A9b=("De afdeling bezwaar en de klantmanagers voeren de aanpak uit; wijkteams sluiten aan bij de "
             "vervolghulp; Divosa zorgt voor kennisdeling."),
        A10="geen",
        A10b="Het diagnose-instrument is een gespreksleidraad op papier.",
        A11="geen",
        A11b=("Werkwijze en gespreksleidraad zijn vrij te gebruiken door andere gemeenten. De aanpak past "
              "binnen de Algemene wet bestuursrecht."),
        B1="ja",
        B2="De gemeente neemt de werkwijze op in de reguliere behandeling van bezwaren.",
        B3="ja",
        B3b=None,
        C1=("De aanpak wordt vastgelegd in het werkproces van de afdeling bezwaar. Inzicht: het helpt als de "
            "leiding ruimte geeft om een procedure te laten rusten terwijl het onderliggende probleem wordt "
            "aangepakt."),
        C2="niet-nodig",
        C3="ja",
        C4="Divosa kan de gespreksleidraad verspreiden; landelijke borging is niet nodig.",
        C5="Evaluatie binnen het Divosa-programma met casusanalyses en cijfers over ingetrokken bezwaren.",
        D1="Achter het bezwaar",
        D2=("Henk maakt voor de vierde keer in twee jaar bezwaar tegen een besluit over zijn bijstand. Dit "
            "keer belt een informele aanpakker hem op en komt ze bij hem langs. Samen lopen ze het "
            "diagnose-instrument door, en dan blijkt dat Henk schulden heeft, zijn post niet meer openmaakt en "
            "slecht slaapt uit angst zijn huis kwijt te raken."
            "\n\n"
            "De aanpakker brengt hem persoonlijk in contact met de schuldhulp en het wijkteam, en gaat bij het "
            "eerste gesprek mee. Henk trekt zijn bezwaar in, omdat het eigenlijk nooit om het besluit zelf ging."),
        E1=("Bezwaarbehandelaars vinden hun werk zinvoller, maar merken ook dat de gesprekken meer tijd "
            "kosten dan een formele hoorzitting."),
        K1="conflict-overheid",
        K2="sociaal-domein",
        K3="werkwijze",
        K4="bezwaarmedewerkers",
        K5="sociaal-juridisch",
        K6="3.3.4",
        K7="Informele aanpak bezwaar",
        supplement=('A3b', 'A6', 'A8c', 'A10b', 'A11b', 'B2', 'C3', 'C4', 'E1'),
    ),
    Pilot(
        variant="kort",
        P0="vitamine-r",
        P1="Vitamine R ('s-Hertogenbosch)",
        P2="divosa",
        P3="Weener XL (gemeente 's-Hertogenbosch), met sociaal raadslieden en het Juridisch Loket",
        P4="'s-Hertogenbosch",
        P5="Saskia Hendriks, s.hendriks@example.nl",
        P6="2021-02-01",
        P7="2022-12-31",
        P8="kort",
        A1=("Een werkwijze waarin klantmanagers, sociaal raadslieden en het Juridisch Loket samen voorkomen "
            "dat onduidelijke besluiten tot bezwaar leiden, onder meer door te bellen vóór een negatief "
            "besluit wordt verstuurd en door begrijpelijke brieven."),
        A2=("Minder bezwaren en meer begrip voor besluiten bij inwoners. Tijdens de pilot is het accent "
            "verschoven van het herschrijven van brieven naar persoonlijk contact."),
        A3=("burgergerichte-overheid", "eerste-lijn-escalatie"),
        A3b="Contact met de pilot in Tilburg over het informeel behandelen van bezwaren.",
        A4="Inwoners met een uitkering op grond van de Participatiewet.",
        A5="Inwoners; klantmanagers en sociaal raadslieden werken met de werkwijze.",
        A6="deels",
        A7="Participatiewet en bijzondere bijstand. Eén gemeente.",
        A8=120,
        A8b="minder",
        A8c="Alle inwoners met een bijstandsuitkering in de gemeente.",
        A9=("divosa", "gemeente", "sociaal-raadslieden", "hjl"),
        A9b=("De uitvoeringsorganisatie voert uit; sociaal raadslieden en het Juridisch Loket signaleren "
             "knelpunten en denken mee over de brieven."),
        A10="geen",
        A10b=None,
        A11="geen",
        A11b="Werkwijze zonder eigendomsrechten; de brieven en belinstructies zijn openbaar.",
        B1="ja",
        B2="Onderdelen worden in de reguliere werkwijze opgenomen; over het geheel is nog geen besluit genomen.",
        B3="afhankelijk",
        B3b="Van de capaciteit bij de uitvoeringsorganisatie na afloop van de subsidie.",
        C1=("Een werkgroep bepaalt welke onderdelen blijven. Inzicht: bellen vóór een negatief besluit kost "
            "tijd, maar bespaart later veel werk."),
        C2="onzeker",
        C3="nee",
        C4=None,
        C5=("Evaluatie binnen het Divosa-programma; de gemeente houdt het aantal bezwaren bij en interviewt "
            "inwoners."),
        D1="Eerst even bellen",
        D2=("Ahmed vraagt bijzondere bijstand aan voor een nieuwe wasmachine en krijgt een afwijzing. Voordat "
            "de brief de deur uitgaat, belt zijn klantmanager hem op. Ze legt uit waarom het niet kan en "
            "wijst hem op een regeling van een lokaal fonds."
            "\n\n"
            "Ahmed zegt dat hij anders meteen bezwaar had gemaakt. Nu weet hij waar hij aan toe is, en binnen "
            "twee weken staat er een wasmachine."),
        E1="Klantmanagers geven aan dat bellen vóór een besluit ook hun eigen werkplezier vergroot.",
        K1="conflict-overheid",
        K2="rechtzoekenden",
        K3="werkwijze",
        K4="bezwaarmedewerkers",
        K5="sociaal-juridisch",
        K6=None,
        K7="Informele aanpak bezwaar",
        supplement=('A3b', 'A6', 'A8c', 'A11b', 'B2', 'B3b', 'C3', 'E1'),
    ),
    Pilot(
        variant="kort",
        P0="P09",
        P1="Persoonlijk contact bij bezwaar (Westerkoog)",
        P2="divosa",
        P3="Gemeente Westerkoog, teams Werk en Inkomen en Juridische Zaken",
        P4="Gemeente Westerkoog",
        P5="Bas Jansen, b.jansen@example.nl",
        P6="2021-03-01",
        P7="2022-12-31",
        P8="kort",
        A1=("Een werkwijze waarin een bezwaarbehandelaar binnen vijf werkdagen na ontvangst van een bezwaar "
            "contact opneemt met de inwoner en, waar nodig, een cliëntondersteuner inschakelt."),
        A2=("Sneller duidelijkheid voor inwoners en minder formele procedures. Het doel om bij alle "
            "bezwaren te bellen is bijgesteld naar bezwaren in het sociaal domein."),
        A3=("burgergerichte-overheid",),
        A3b=None,
        A4="Inwoners die bezwaar maken tegen een besluit in het sociaal domein.",
        A5="Bezwaarbehandelaars en klantmanagers van de gemeente.",
        A6="ja",
        A7="Bestuursrecht: Participatiewet, Wmo en jeugdhulp. Eén middelgrote gemeente.",
        A8=None,
        A8b="nvt",
        A8c="Alle inwoners die bezwaar maken: ongeveer vierhonderd per jaar.",
        A9=("divosa", "gemeente", "clientondersteuning"),
        A9b=("Team Juridische Zaken belt, cliëntondersteuners helpen inwoners bij het gesprek en Divosa "
             "ondersteunt met kennisdeling."),
        A10="bestaand",
        A10b="Het zaaksysteem van de gemeente is aangepast met een extra stap voor het telefonisch contact.",
        A11="geen",
        A11b=None,
        B1="ja",
        B2="De gemeente zet de werkwijze zelf voort.",
        B3="ja",
        B3b=None,
        C1=("De werkwijze staat inmiddels in de interne werkinstructie. Inzicht: bezwaarbehandelaars hadden "
            "een training in gespreksvaardigheden nodig."),
        C2="niet-nodig",
        C3="ja",
        C4=None,
        C5="Eigen monitoring van het aantal ingetrokken bezwaren en een klanttevredenheidsmeting.",
        D1="Een telefoontje in plaats van een hoorzitting",
        D2=("Mirjam maakt bezwaar omdat haar huishoudelijke hulp is teruggebracht van vier naar twee uur per "
            "week. Twee dagen later belt een medewerker van de gemeente haar. Samen met een "
            "cliëntondersteuner bespreken ze wat Mirjam echt nodig heeft."
            "\n\n"
            "Er volgt een nieuw keukentafelgesprek en de indicatie wordt aangepast. Mirjam hoeft niet naar "
            "een hoorzitting en heeft binnen een maand duidelijkheid."),
        E1="De werkwijze leidt ook tot betere besluiten: fouten worden eerder opgemerkt.",
        K1="conflict-overheid",
        K2="sociaal-domein",
        K3="werkwijze",
        K4="bezwaarmedewerkers",
        K5="sociaal-juridisch",
        K6=None,
        K7="Informele aanpak bezwaar",
        supplement=('A6', 'A8c', 'A10b', 'B2', 'C3', 'E1'),
    ),
    Pilot(
        variant="lang",
        P0="bezwaarplatform",
        P1="Digitaal bezwaarplatform",
        P2="jenv",
        P3="Justice42, in opdracht van de ministeries van JenV en BZK, met deelnemende gemeenten",
        P4="Amsterdam, Purmerend en andere gemeenten",
        P5="Femke Visser, f.visser@example.nl",
        P6="2021-06-01",
        P7="03-2022",
        P8="lang",
        A1=("Een online platform waarop inwoners die het niet eens zijn met een besluit van de gemeente eerst "
            "een korte diagnose doorlopen en daarna laagdrempelig bezwaar kunnen maken, met zicht op de "
            "stand van hun zaak."),
        A2=("Een proof of concept die in enkele gemeenten is getest, en een ontwerp dat gemeenten kunnen "
            "gebruiken bij een bredere invoering."),
        A3=("burgergerichte-overheid",),
        A3b="Afstemming met de ADR ondersteuningstool binnen het programma Burgergerichte overheid.",
        A4="Inwoners die het niet eens zijn met een besluit van de gemeente, en de mensen die hen helpen.",
        A5="Inwoners en de bezwaarteams van gemeenten.",
        A6="deels",
        A7="Bestuursrecht (besluiten van gemeenten). Enkele gemeenten in de testfase.",
        A8=None,
        A8b="nvt",
        A8c="In potentie alle inwoners van gemeenten die het platform gaan gebruiken.",
        A9=("gemeente", ("anders", "ministerie van BZK")),
        A9b=("Gemeenten testen het platform en leveren bezwaarbehandelaars voor de gebruikerstests; BZK en "
             "JenV zijn opdrachtgever."),
        A10="maatwerk",
        A10b="Een nieuw ontwikkeld webplatform dat moet aansluiten op de zaaksystemen van gemeenten.",
        A11="publiek",
        A11b=("Ontwikkeld in opdracht van de overheid; afspraken over hergebruik en open broncode moeten nog "
              "worden gemaakt."),
        B1="afgerond",
        B2="Het ministerie onderzoekt met gemeenten of en hoe het platform verder wordt ontwikkeld.",
        B3="afhankelijk",
        B3b="Van de bereidheid van gemeenten om het platform te gebruiken en van geld voor een volgende fase.",
        C1=("Gesprekken met de VNG en met gemeenten over aansluiting op hun systemen. Inzicht: koppelen met "
            "zaaksystemen is technisch en juridisch ingewikkeld."),
        C2="onzeker",
        C3="nee",
        C4="Borging ligt eerder bij gemeenten en BZK dan bij de Raad of het Juridisch Loket.",
        C5="Evaluatie van de proof of concept met gebruikerstests bij inwoners en bezwaarteams.",
        D1="Bezwaar maken zonder brief",
        D2=("Mustafa krijgt een afwijzing op zijn aanvraag voor een gehandicaptenparkeerkaart. Hij wil "
            "bezwaar maken, maar vindt het schrijven van een brief moeilijk. Op het platform beantwoordt hij "
            "eerst een paar vragen en ziet hij dat hij ook kan vragen om teruggebeld te worden."
            "\n\n"
            "Een medewerker van de gemeente belt hem en legt uit welk medisch bewijs ontbreekt. Mustafa "
            "stuurt het alsnog op en krijgt zijn kaart zonder bezwaarprocedure."),
        E1="De diagnose laat inwoners zien dat een telefoontje soms genoeg is.",
        K1="conflict-overheid",
        K2="rechtzoekenden",
        K3="product",
        K4="bezwaarmakers",
        K5="eerste-lijn",
        K6=None,
        K7="Burgergerichte overheid",
    ),
    Pilot(
        variant="lang",
        P0="hjl-uwv",
        P1="Versterking samenwerking hJL en UWV",
        P2="jenv",
        P3="Het Juridisch Loket en UWV",
        P4="Landelijk, gestart in twee regio's",
        P5="Niels Peters, n.peters@example.nl",
        P6="2021-09-01",
        P7="2023-06-30",
        P8="lang",
        A1=("Een werkwijze waarin medewerkers van het Juridisch Loket en UWV elkaar snel kunnen bereiken, "
            "zodat vragen van rechtzoekenden over hun uitkering worden opgelost voordat een bezwaar nodig is."),
        A2=("Vaste contactpersonen, een gezamenlijke werkinstructie en minder onnodige bezwaren tegen "
            "besluiten van UWV. De start liep vertraging op doordat UWV capaciteit nodig had voor andere "
            "prioriteiten."),
        A3=("burgergerichte-overheid", "eerste-lijn-overig"),
        A3b=None,
        A4="Rechtzoekenden met vragen over of problemen met een uitkering van UWV.",
        A5="Medewerkers van het Juridisch Loket en van UWV.",
        A6="nog-niet",
        A7="Sociale zekerheid (WW, WIA, Wajong). Twee regio's in de testfase.",
        A8=None,
        A8b="nvt",
        A8c=None,
        A9=("hjl", "uwv"),
        A9b=("Het Juridisch Loket signaleert vragen en legt contact; UWV zorgt voor een vast aanspreekpunt "
             "en snelle terugkoppeling."),
        A10="bestaand",
        A10b="Bestaande systemen van beide organisaties; gegevens delen is beperkt mogelijk vanwege de AVG.",
        A11="publiek",
        A11b="Werkafspraken tussen twee publieke organisaties; er speelt geen eigendomsvraag.",
        B1="vertraagd",
        B2="Beide organisaties willen de werkwijze na de pilot zelf voortzetten.",
        B3="afhankelijk",
        B3b="Van de beschikbare capaciteit bij UWV en van de uitkomsten van de evaluatie.",
        C1=("Er wordt gewerkt aan een convenant tussen beide organisaties. Inzicht: zonder vaste "
            "contactpersonen valt de samenwerking terug op de algemene telefoonlijn."),
        C2="niet-nagedacht",
        C3="nee",
        C4="Borging via de reguliere afspraken tussen het Juridisch Loket en UWV.",
        C5=("Registratie van doorverwijzingen en een kwalitatieve evaluatie met medewerkers van beide "
            "organisaties."),
        D1="Een korte lijn naar UWV",
        D2=("Erik krijgt een brief dat hij een deel van zijn WW-uitkering moet terugbetalen en begrijpt niet "
            "waarom. Bij het Juridisch Loket blijkt dat UWV is uitgegaan van verkeerde inkomsten. De "
            "medewerker van het Loket belt meteen de vaste contactpersoon bij UWV."
            "\n\n"
            "Binnen een week is de terugvordering gecorrigeerd. Erik hoeft geen bezwaar te maken."),
        E1=("De pilot laat zien hoe belangrijk het is dat medewerkers van beide organisaties elkaar "
            "persoonlijk kennen."),
        K1="conflict-overheid",
        K2="rechtshulpverleners",
        K3="werkwijze",
        K4="hjl-medewerkers",
        K5="eerste-tweede-lijn",
        K6=None,
        K7="Burgergerichte overheid",
    ),
    Pilot(
        variant="lang",
        P0="adr-tool",
        P1="ADR ondersteuningstool",
        P2="jenv",
        P3=("Ministerie van JenV (programma Burgergerichte overheid), met het Juridisch Loket en een extern "
            "ontwikkelbureau"),
        P4="Landelijk",
        P5="Laura Smit, l.smit@example.nl",
        P6="10-2021",
        P7="12-2023",
        P8="lang",
        A1=("Een online tool die inwoners en overheidsorganisaties helpt om bij een conflict een passende "
            "vorm van geschiloplossing buiten de rechter te kiezen, zoals een gesprek, mediation of een "
            "ombudsvoorziening."),
        A2=("Een werkend prototype, getest met inwoners en enkele overheidsorganisaties. Door de latere start "
            "is het prototype nog in ontwikkeling."),
        A3=("rechtshulppakketten", "eerste-lijn-escalatie"),
        A3b="Afstemming met het Digitaal bezwaarplatform om dubbele functies te voorkomen.",
        A4="Inwoners met een conflict met een overheidsorganisatie.",
        A5="Inwoners; daarnaast medewerkers van het Juridisch Loket die de tool in gesprekken gebruiken.",
        A6="nog-niet",
        A7="Bestuursrecht en conflicten met overheidsorganisaties in brede zin. Landelijk.",
        A8=None,
        A8b="nvt",
        A8c="Alle inwoners met een conflict met de overheid; het aantal is nog niet te schatten.",
        A9=("hjl", "mediators", "gemeente"),
        A9b=("Het Juridisch Loket test de tool in de eigen dienstverlening, mediators leveren kennis over "
             "geschiloplossing en gemeenten denken mee als tegenpartij."),
        A10="maatwerk",
        A10b="Een webtool met een beslisboom; de bouw is uitbesteed.",
        A11="combinatie",
        A11b=("Het ministerie is opdrachtgever; de bouwer behoudt rechten op het onderliggende platform. "
              "Overdraagbaarheid moet in het contract worden geregeld."),
        B1="vertraagd",
        B2="Nog niet bepaald; dat hangt af van de resultaten met het prototype.",
        B3="afhankelijk",
        B3b="Van de testresultaten en van de keuze voor een beheerder.",
        C1=("Nog beperkt; er is een eerste gesprek geweest met het Juridisch Loket als mogelijke "
            "beheerder."),
        C2="niet-nagedacht",
        C3="nee",
        C4="Het Juridisch Loket wordt genoemd als logische beheerder.",
        C5="Gebruikerstests en een evaluatie na de eerste testperiode.",
        D1="Welke weg past bij mijn conflict?",
        D2=("Wendy vindt dat ze ten onrechte een boete van de gemeente heeft gekregen voor het verkeerd "
            "aanbieden van afval. Ze wil naar de rechter, maar weet niet hoe dat werkt. De tool stelt haar "
            "een paar vragen en laat zien dat de gemeente voor dit soort conflicten een bemiddelaar heeft."
            "\n\n"
            "Wendy kiest voor een gesprek met de bemiddelaar. Binnen twee weken is de boete van tafel."),
        E1=("Overheidsorganisaties gebruiken verschillende namen voor vergelijkbare vormen van "
            "geschiloplossing; dat maakt een eenduidige keuzehulp lastig."),
        K1="conflict-overheid",
        K2="rechtzoekenden",
        K3="product",
        K4="bezwaarmakers",
        K5="eerste-tweede-lijn",
        K6=None,
        K7="Burgergerichte overheid",
    ),
    Pilot(
        variant="kort",
        P0="samen-recht-vinden",
        P1="Samen Recht Vinden",
        P2="raad",
        P3="Samenwerkingsverband van buurtbemiddeling, woningcorporaties en het Juridisch Loket",
        P4="Drie middelgrote gemeenten",
        P5="Marieke Bos, m.bos@example.nl",
        P6="2020-09-01",
        P7="2022-12-31",
        P8="kort",
        A1=("Een werkwijze waarin buren en huurders met een conflict in begeleide gesprekken samen een "
            "oplossing zoeken, met juridische informatie erbij als dat nodig is."),
        A2=("Minder escalerende burenruzies en woonconflicten. Door corona konden gesprekken lange tijd niet "
            "fysiek plaatsvinden, waardoor de pilot vertraging opliep."),
        A3=("eerste-lijn-escalatie",),
        A3b="Contact met buurtbemiddelingsprojecten in andere gemeenten.",
        A4="Buren en huurders met een conflict over overlast of hun woonsituatie.",
        A5="Bewoners en de gespreksbegeleiders.",
        A6="ja",
        A7="Burenrecht en huurrecht; enkele wijken in drie gemeenten.",
        A8=72,
        A8b="verwachting",
        A8c="Alle bewoners van de deelnemende wijken.",
        A9=("wijkteam", "hjl", ("anders", "woningcorporaties en buurtbemiddeling")),
        A9b=("Woningcorporaties en wijkteams melden conflicten aan, buurtbemiddeling begeleidt de gesprekken "
             "en het Juridisch Loket geeft juridische informatie."),
        A10="geen",
        A10b=None,
        A11="geen",
        A11b="Vrij toepasbare werkwijze, gebaseerd op bestaande methoden van buurtbemiddeling.",
        B1="vertraagd",
        B2="De partners willen de werkwijze opnemen in de reguliere buurtbemiddeling.",
        B3="ja",
        B3b=None,
        C1=("Gemeenten en corporaties is gevraagd bij te dragen. Inzicht: juridische informatie werkt het "
            "best als die in het gesprek zelf beschikbaar is."),
        C2="niet-nagedacht",
        C3=None,
        C4=None,
        C5="Registratie van gesprekken en uitkomsten, en vragenlijsten onder deelnemers.",
        D1="Een gesprek in plaats van een procedure",
        D2=("Kees ergert zich al maanden aan de harde muziek van zijn bovenburen en dreigt met een advocaat. "
            "De woningcorporatie meldt het conflict aan bij Samen Recht Vinden. In een begeleid gesprek hoort "
            "Kees dat de buren in ploegendienst werken."
            "\n\n"
            "Ze maken afspraken over tijden en over geluiddempende vloerbedekking. Kees is blij dat hij zijn "
            "buren weer gewoon kan groeten."),
        E1=None,
        K1="conflict-algemeen",
        K2="rechtzoekenden",
        K3="werkwijze",
        K4="rechtzoekenden",
        K5="eerste-tweede-lijn",
        K6="2.2",
        K7="Rechtshulp in de wijk",
        # The short questionnaire left A7 blank; the supplement filled it in.
        supplement=("A3b", "A6", "A7", "A8c", "A11b", "B2"),
    ),
    Pilot(
        variant="lang",
        P0="P14",
        P1="Geschilwijzer: online geschiloplossing voor consumenten en buren",
        P2="raad",
        P3="Stichting Geschilwijzer, met twee rechtswinkels en een hogeschool",
        P4="Landelijk (online)",
        P5="Dirk Vermeulen, d.vermeulen@example.nl",
        P6="2020-10-01",
        P7="2022-12-31",
        P8="lang",
        A1=("Een online platform waarop twee partijen met een alledaags conflict samen een oplossing zoeken, "
            "met een digitale onderhandelingsmodule en zo nodig een online mediator."),
        A2=("Een werkend platform met minstens driehonderd afgeronde zaken. De pilot is begin 2022 gestopt, "
            "omdat tegenpartijen zelden meededen."),
        A3=("eerste-lijn-escalatie", ("anders", "Online geschiloplossing tussen burgers en bedrijven")),
        A3b=None,
        A4="Consumenten en buren met een geschil over een klein bedrag.",
        A5="Beide partijen in een conflict.",
        A6="deels",
        A7="Consumentenrecht en burenrecht. Landelijk, online.",
        A8=41,
        A8b="minder",
        A8c=None,
        A9=("rechtswinkel", "kennisinstelling"),
        A9b="Rechtswinkels verwezen cliënten door; een hogeschool onderzocht het gebruik.",
        A10=None,
        A10b=None,
        A11="onbekend",
        A11b=None,
        B1="gestopt",
        B2="Niet van toepassing.",
        B3="nee",
        B3b=None,
        C1=("Door het stoppen niet aan toegekomen. Belangrijkste inzicht: een platform voor twee partijen "
            "werkt alleen als de tegenpartij een reden heeft om mee te doen."),
        C2="geen-vervolg",
        C3="nee",
        C4=None,
        C5="Eindrapportage aan de Raad, met een analyse van het afhaken van tegenpartijen.",
        D1="Wachten op de andere partij",
        D2=("Jasper heeft een geschil met een webwinkel over een fiets die na een week kapot ging. Via het "
            "platform nodigt hij de winkel uit om samen een oplossing te zoeken. De winkel reageert niet, "
            "ook niet na een herinnering."
            "\n\n"
            "Uiteindelijk stapt Jasper naar de rechtswinkel, die een brief voor hem opstelt. Hij vindt het "
            "jammer dat het platform hem niet verder kon helpen."),
        E1="Consumenten vonden het platform makkelijk in gebruik; het knelpunt lag bij de tegenpartij.",
        K1="conflict-algemeen",
        K2="rechtzoekenden",
        K3="product",
        K4="rechtzoekenden",
        K5="tweede-lijn",
        K6=None,
        K7="Online zelfhulp",
    ),
    # ------------------------------------------------------------------
    # Eerste lijn verbinden met sociaal domein (K1 eerste-lijn-sociaal): 7
    # ------------------------------------------------------------------
    Pilot(
        variant="kort",
        P0="rotterdam-zuid",
        P1="Rotterdam-Zuid (Hillesluis, later Feijenoord)",
        P2="jenv",
        P3=("Gemeente Rotterdam, met het wijkteam, sociaal advocaten, het Juridisch Loket, sociaal "
            "raadslieden en Humanitas"),
        P4="Rotterdam-Zuid: Hillesluis, uitgebreid naar Feijenoord",
        P5="Yusuf Demir, y.demir@example.nl",
        P6="2019-12-01",
        P7="2022-12-31",
        P8="kort",
        A1=("Een werkwijze waarin juridische hulpverleners deel uitmaken van het sociaal wijkteam, zodat "
            "sociale en juridische problemen van bewoners in samenhang worden aangepakt."),
        A2=("Juridische problemen worden eerder gesignaleerd en opgelost, met minder toevoegingen en minder "
            "escalatie. De pilot is na het eerste jaar verlengd en uitgebreid naar Feijenoord."),
        A3=("eerste-lijn-escalatie", "burgergerichte-overheid", "eerste-lijn-overig"),
        A3b="Kennisuitwisseling met de Divosa-pilots tijdens gezamenlijke bijeenkomsten.",
        A4="Bewoners van Rotterdam-Zuid met samenhangende sociale en juridische problemen.",
        A5="Medewerkers van het wijkteam en de juridische hulpverleners die in het team meedraaien.",
        A6="ja",
        A7="Sociale zekerheid, huurrecht, schulden en familierecht. Twee wijken in Rotterdam-Zuid.",
        A8=410,
        A8b="meer",
        A8c=("Bij uitrol over heel Rotterdam-Zuid: enkele duizenden bewoners per jaar."),
        A9=("gemeente", "wijkteam", "advocatuur", "hjl", "sociaal-raadslieden", ("anders", "Humanitas")),
        A9b=("Het wijkteam is de toegang; sociaal advocaten en het Juridisch Loket geven juridische hulp in "
             "het team; sociaal raadslieden helpen met formulieren en bezwaren; Humanitas zet vrijwilligers "
             "in."),
        A10="bestaand",
        A10b=("Bestaande registratiesystemen van de gemeente en de partners; een gezamenlijk dossier is er "
              "niet, vanwege de AVG."),
        A11="geen",
        A11b="Vrij toepasbare werkwijze; wel zijn afspraken over gegevensdeling nodig.",
        B1="ja",
        B2="De gemeente zet de werkwijze voort en wil die uitbreiden naar andere wijken.",
        B3="ja",
        B3b=None,
        C1=("Borging loopt via het Nationaal Programma Rotterdam Zuid. Inzicht: de samenwerking staat of "
            "valt met vaste gezichten in het team."),
        C2="aanwezig",
        C3="in-voorbereiding",
        C4="Afspraken met de Raad over de inzet van sociaal advocaten buiten de toevoeging zijn nodig.",
        C5="Monitoring door de gemeente en een externe evaluatie met dossieranalyse en interviews.",
        D1="De advocaat zit gewoon in het wijkteam",
        D2=("Naima heeft drie kinderen, een huurachterstand en een brief van de Belastingdienst die ze niet "
            "begrijpt. Bij het wijkteam vertelt ze haar verhaal aan een maatschappelijk werker. Die loopt "
            "meteen binnen bij de sociaal advocaat, die één dag per week in het team zit."
            "\n\n"
            "De advocaat regelt uitstel bij de verhuurder en dient bezwaar in bij de Belastingdienst. Naima "
            "zegt dat ze zonder het wijkteam nooit zelf naar een advocaat was gestapt."),
        E1="Bewoners komen vaak pas in beeld als er al een deurwaarder is; vroeg signaleren blijft lastig.",
        K1="eerste-lijn-sociaal",
        K2="sociaal-domein",
        K3="werkwijze",
        K4="wijkteam-juristen",
        K5="sociaal-juridisch",
        K6=None,
        K7="Rechtshulp in de wijk",
        supplement=("A3b", "A6", "A8c", "A10b", "A11b", "B2", "C3", "C4", "E1"),
    ),
    Pilot(
        variant="kort",
        P0="utrecht",
        P1="Utrecht: signaleringsoverleg, routekaart rechtsbijstand en premediation",
        P2="divosa",
        P3=("Gemeente Utrecht (Werk en Inkomen, Juridische Zaken), met sociaal advocaten, het Juridisch "
            "Loket en sociaal raadslieden van de buurtteams"),
        P4="Utrecht",
        P5="Hanneke Dekker, h.dekker@example.nl",
        P6="2021-01-01",
        P7="2022-12-31",
        P8="kort",
        A1=("Drie onderdelen: een vast signaleringsoverleg tussen gemeente en juridische partners, een "
            "routekaart rechtsbijstand voor professionals en inwoners, en premediation bij dreigende "
            "conflicten tussen inwoner en gemeente."),
        A2=("Knelpunten in regels en uitvoering worden eerder gesignaleerd, professionals verwijzen beter "
            "door en conflicten worden vaker zonder procedure opgelost."),
        A3=("eerste-lijn-escalatie", "burgergerichte-overheid"),
        A3b="Afstemming met andere Divosa-pilots over premediation.",
        A4="Utrechtse inwoners met juridische vragen, en professionals in de eerste lijn.",
        A5="Medewerkers van de gemeente, buurtteams, sociaal raadslieden en sociaal advocaten.",
        A6="deels",
        A7="Sociaal domein: inkomen, schulden, Wmo. Eén grote gemeente.",
        A8=95,
        A8b="minder",
        A8c="Alle professionals in de Utrechtse buurtteams en, via hen, inwoners met juridische vragen.",
        A9=("divosa", "gemeente", "advocatuur", "hjl", "sociaal-raadslieden", "wijkteam"),
        A9b=("De gemeente organiseert het overleg en de premediation; sociaal advocaten, het Juridisch Loket "
             "en sociaal raadslieden brengen signalen in; de buurtteams gebruiken de routekaart."),
        A10="geen",
        A10b="De routekaart is een pdf en een webpagina.",
        A11="geen",
        A11b=None,
        B1="ja",
        B2=("Het signaleringsoverleg blijft bestaan; voor premediation zoekt de gemeente een vaste plek in "
            "de organisatie."),
        B3="afhankelijk",
        B3b="Van het besluit van de gemeente om premediation structureel te financieren.",
        C1=("Het overleg staat in de jaarplanning van de afdeling. Inzicht: signalen leiden alleen tot "
            "verandering als iemand verantwoordelijk is voor de opvolging."),
        C2="onzeker",
        C3="nee",
        C4=None,
        C5=("Evaluatie door een extern bureau binnen het Divosa-programma, met interviews en een analyse van "
            "de signalen."),
        D1="Een gesprek voordat het misgaat",
        D2=("Ricardo moet bijstand terugbetalen omdat hij zijn inkomsten te laat zou hebben gemeld. Hij is "
            "boos en wil naar de rechter. Via het buurtteam wordt hij uitgenodigd voor een premediationgesprek "
            "met de gemeente."
            "\n\n"
            "In het gesprek blijkt dat Ricardo de wijziging wel had doorgegeven, maar bij de verkeerde "
            "afdeling. De terugvordering wordt verlaagd en er komt een betalingsregeling."),
        E1="Het signaleringsoverleg leverde al enkele aanpassingen in brieven van de gemeente op.",
        K1="eerste-lijn-sociaal",
        K2="sociaal-domein",
        K3="werkwijze",
        K4="wijkteam-juristen",
        K5="sociaal-juridisch",
        K6=None,
        K7="Rechtshulp in de wijk",
        supplement=('A3b', 'A6', 'A8c', 'A10b', 'B2', 'B3b', 'C3', 'E1'),
    ),
    Pilot(
        variant="lang",
        P0="heerlen",
        P1="Huis van het Recht Heerlen",
        P2="jenv",
        P3="Rechtbank Limburg, gemeente Heerlen en het Juridisch Loket, met onder meer woningcorporaties",
        P4="Heerlen",
        P5="Paul Willems, p.willems@example.nl",
        P6="2020-01-13",
        P7="2022-12-31",
        P8="lang",
        A1=("Eén loket waar inwoners met meerdere problemen tegelijk terechtkunnen bij juridische en sociale "
            "hulpverleners, met de mogelijkheid om snel een rechter in te schakelen voor een praktische "
            "oplossing."),
        A2="Snellere en duurzamere oplossingen voor inwoners met meerdere problemen en minder losse procedures.",
        A3=("eerste-lijn-escalatie", "burgergerichte-overheid", "eerste-lijn-overig"),
        A3b=None,
        A4="Inwoners van Heerlen met een laag inkomen en meerdere problemen tegelijk.",
        A5="De juridische hulpverleners en rechters die in het Huis samenwerken.",
        A6="ja",
        A7="Schulden, huur, familierecht en sociale zekerheid. Eén gemeente.",
        A8=530,
        A8b="meer",
        A8c="Alle inwoners van Heerlen en omliggende gemeenten met samenhangende problemen.",
        A9=("rechtspraak", "gemeente", "hjl", "wijkteam"),
        A9b=("De rechtbank levert rechters op afroep, de gemeente zorgt voor sociale hulp en schuldhulp via "
             "de wijkteams, het Juridisch Loket doet de intake en woningcorporaties schuiven aan bij "
             "huurproblemen."),
        A10="bestaand",
        A10b=None,
        A11="publiek",
        A11b="Samenwerking tussen publieke partijen; de werkwijze is over te dragen aan andere regio's.",
        B1="ja",
        B2="De partners zetten het Huis voort en willen het model delen met andere regio's.",
        B3="ja",
        B3b=None,
        C1=("Er zijn afspraken over financiering voor de komende jaren. Inzicht: de rechter als partner geeft "
            "vertrouwen, maar vraagt om duidelijke afspraken over ieders rol."),
        C2="aanwezig",
        C3="ja",
        C4="Borging via de partners zelf; landelijke partijen kunnen helpen bij verspreiding.",
        C5="Externe evaluatie door een hogeschool, met aandacht voor doorlooptijden en ervaringen van inwoners.",
        D1="Alles onder één dak",
        D2=("Gerard heeft een huurachterstand, een conflict met zijn ex over de kinderen en een stapel "
            "onbetaalde rekeningen. In het Huis van het Recht zet een medewerker in één gesprek al zijn "
            "problemen op een rij. Bij een tweede gesprek schuiven de verhuurder en een schuldhulpverlener "
            "aan."
            "\n\n"
            "Er komt een betalingsregeling en de ontruiming gaat niet door. Gerard voelde zich naar eigen "
            "zeggen voor het eerst in jaren gehoord."),
        E1="Rechters zien in het Huis een andere kant van zaken dan in de rechtszaal.",
        K1="eerste-lijn-sociaal",
        K2="rechtshulpverleners",
        K3="werkwijze",
        K4="rechtzoekenden",
        K5="sociaal-juridisch",
        K6=None,
        K7="Rechtshulp in de wijk",
    ),
    Pilot(
        variant="kort",
        P0="P18",
        P1="Jurist in het wijkteam (Heuveldaal)",
        P2="divosa",
        P3="Gemeente Heuveldaal, met de welzijnsstichting en sociaal advocaten uit de regio",
        P4="Gemeente Heuveldaal",
        P5="Sandra Kok, s.kok@example.nl",
        P6="02-2021",
        P7="12-2022",
        P8="kort",
        A1=("Een werkwijze waarin een jurist twee dagen per week in het wijkteam werkt, meedenkt over "
            "casussen en medewerkers traint in het herkennen van juridische problemen."),
        A2=("Wijkteammedewerkers herkennen juridische problemen eerder en verwijzen gerichter door. Door "
            "langdurige vacatures in het wijkteam is de start vertraagd."),
        A3=("eerste-lijn-escalatie", "burgergerichte-overheid"),
        A3b=None,
        A4="Inwoners die bij het wijkteam komen met problemen waar een juridische kant aan zit.",
        A5="Medewerkers van het wijkteam.",
        A6="deels",
        A7="Huurrecht, schulden, arbeidsrecht en sociale zekerheid. Eén gemeente met drie wijkteams.",
        A8=52,
        A8b="minder",
        A8c="Alle inwoners die met het wijkteam in contact komen: zo'n tweeduizend per jaar.",
        A9=("divosa", "wijkteam", "hjl", "advocatuur"),
        A9b=("De jurist is in dienst van de gemeente; sociaal advocaten nemen zaken over waarvoor een "
             "procedure nodig is; het Juridisch Loket helpt met de trainingen."),
        A10="geen",
        A10b=None,
        A11="geen",
        A11b="Vrij toepasbare werkwijze.",
        B1="vertraagd",
        B2="De gemeente wil de functie opnemen in de formatie van het wijkteam.",
        B3="ja",
        B3b=None,
        C1=("De gemeente wil de functie opnemen in de begroting van volgend jaar, maar het besluit moet nog "
            "worden genomen."),
        C2="niet-nagedacht",
        C3="nee",
        C4=None,
        C5="Evaluatie binnen het Divosa-programma en een eigen registratie van casussen.",
        D1="Een jurist om de hoek",
        D2=("Esther werkt als schoonmaker en heeft al twee maanden geen loon gehad. Ze vertelt het terloops "
            "aan haar contactpersoon van het wijkteam, die het voorlegt aan de jurist. Samen met Esther "
            "schrijft de jurist een brief aan de werkgever."
            "\n\n"
            "Een week later staat het loon op haar rekening. Esther wist niet dat ze hier zo eenvoudig recht "
            "op kon halen."),
        E1="De jurist wordt steeds vaker ook door andere afdelingen van de gemeente geraadpleegd.",
        K1="eerste-lijn-sociaal",
        K2="sociaal-domein",
        K3="werkwijze",
        K4="wijkteam-juristen",
        K5="sociaal-juridisch",
        K6=None,
        K7="Rechtshulp in de wijk",
        supplement=('A6', 'A8c', 'A11b', 'B2', 'C3', 'E1'),
    ),
    Pilot(
        variant="kort",
        P0="P19",
        P1="Sociaal-juridisch signaleren (Brederaam)",
        P2="divosa",
        P3="Gemeente Brederaam, met sociaal raadslieden en het sociaal wijkteam",
        P4="Gemeente Brederaam",
        P5="Frank de Graaf, f.degraaf@example.nl",
        P6="2021-01-15",
        P7="2022-12-31",
        P8="kort",
        A1=("Een scholingsprogramma en een signaleringskaart waarmee professionals in het sociaal domein "
            "juridische problemen leren herkennen en inwoners op tijd doorverwijzen."),
        A2="Alle professionals van het wijkteam hebben de scholing gevolgd en gebruiken de signaleringskaart.",
        A3=("eerste-lijn-escalatie", "burgergerichte-overheid", "eerste-lijn-overig"),
        A3b="Deelname aan de leerbijeenkomsten van het Divosa-programma.",
        A4="Professionals in het sociaal domein.",
        A5="Wijkteammedewerkers, klantmanagers en schuldhulpverleners.",
        A6="ja",
        A7="Brede juridische problematiek in het sociaal domein. Eén gemeente.",
        A8=None,
        A8b="nvt",
        A8c="Ongeveer zeventig professionals in de gemeente.",
        A9=("divosa", "wijkteam", "sociaal-raadslieden"),
        A9b=("Sociaal raadslieden geven de scholing, het wijkteam werkt met de kaart en Divosa deelt de kaart "
             "met andere gemeenten."),
        A10="geen",
        A10b=None,
        A11="geen",
        A11b="De signaleringskaart mag door iedereen worden gebruikt.",
        B1="ja",
        B2="De scholing wordt onderdeel van het inwerkprogramma voor nieuwe medewerkers.",
        B3="ja",
        B3b=None,
        C1=("Opgenomen in het opleidingsplan van de gemeente. Inzicht: één keer scholen is niet genoeg; "
            "professionals hebben regelmatig een opfrisbijeenkomst nodig."),
        C2="niet-nodig",
        C3="nee",
        C4="Divosa kan de kaart landelijk beschikbaar stellen.",
        C5="Vragenlijsten voor en na de scholing, en interviews met professionals.",
        D1="Het juiste loket, op tijd",
        D2=("Bram komt bij de schuldhulpverlener met een stapel aanmaningen. Dankzij de signaleringskaart "
            "ziet de schuldhulpverlener dat een van de vorderingen mogelijk al verjaard is. Ze verwijst Bram "
            "door naar de sociaal raadsman."
            "\n\n"
            "Die bevestigt dat de vordering verjaard is. Bram hoeft een groot deel van zijn schuld niet meer "
            "te betalen."),
        E1="Andere gemeenten in de regio hebben belangstelling getoond voor de signaleringskaart.",
        K1="eerste-lijn-sociaal",
        K2="sociaal-domein",
        K3="werkwijze",
        K4="sociaal-domein",
        K5="sociaal-juridisch",
        K6=None,
        K7="Rechtshulp in de wijk",
        supplement=('A3b', 'A6', 'A8c', 'A11b', 'B2', 'C3', 'C4', 'E1'),
    ),
    Pilot(
        variant="kort",
        P0="P20",
        P1="Cliëntondersteuning met juridische ruggensteun (Zandmeer)",
        P2="divosa",
        P3="Gemeente Zandmeer, met de cliëntondersteuners van de welzijnsorganisatie",
        P4="Gemeente Zandmeer",
        P5="Yvonne Brouwer, y.brouwer@example.nl",
        P6="2021-03-01",
        P7="2022-12-31",
        P8="kort",
        A1=("Cliëntondersteuners krijgen een vaste juridische vraagbaak en een korte opleiding, zodat zij "
            "inwoners beter kunnen helpen bij conflicten met instanties."),
        A2=("Cliëntondersteuners voelen zich zekerder bij juridische vragen en verwijzen minder vaak onnodig "
            "door. Door personeelsverloop is de opleiding later begonnen dan gepland."),
        A3=("burgergerichte-overheid", "eerste-lijn-overig"),
        A3b=None,
        A4="Cliëntondersteuners en, via hen, inwoners met vragen over zorg en inkomen.",
        A5="Cliëntondersteuners.",
        A6="nog-niet",
        A7="Wmo, Jeugdwet en Participatiewet. Eén kleine gemeente.",
        A8=None,
        A8b="onbekend",
        A8c=None,
        A9=("divosa", "clientondersteuning", "wijkteam", "hjl"),
        A9b=("Het Juridisch Loket is de vraagbaak, de welzijnsorganisatie levert de cliëntondersteuners en "
             "het wijkteam verwijst door."),
        A10=None,
        A10b=None,
        A11="onbekend",
        A11b=None,
        B1="vertraagd",
        B2=None,
        B3="onbekend",
        B3b=None,
        C1="Daar is nog niet over nagedacht; eerst moet de opleiding worden afgerond.",
        C2="niet-nagedacht",
        C3="nee",
        C4=None,
        C5="Evaluatie binnen het Divosa-programma.",
        D1="Niet meer van het kastje naar de muur",
        D2=("Joyce zorgt voor haar moeder, die dementie heeft, en krijgt een afwijzing op de aanvraag voor "
            "dagbesteding. Haar cliëntondersteuner twijfelt of de afwijzing klopt en belt de juridische "
            "vraagbaak. Samen stellen ze een reactie op."
            "\n\n"
            "De gemeente heroverweegt het besluit. De moeder van Joyce kan nu twee dagen per week naar de "
            "dagbesteding."),
        E1=None,
        K1="eerste-lijn-sociaal",
        K2="sociaal-domein",
        K3="werkwijze",
        K4="clientondersteuners",
        K5="sociaal-juridisch",
        K6=None,
        K7=None,
        supplement=('A6', 'C3'),
    ),
    Pilot(
        variant="lang",
        P0="P21",
        P1="Digitale spreekkamer sociaal advocaat",
        P2="raad",
        P3="Sociaal Advocatencollectief Oostrand",
        P4="Vier gemeenten in de regio Oostrand",
        P5="Ruben Hoekstra, r.hoekstra@example.nl",
        P6="2020-11-01",
        P7="2022-12-31",
        P8="lang",
        A1=("Een beveiligde online omgeving waarin sociaal advocaten op vaste tijden digitaal aanschuiven bij "
            "wijkteams, om casussen te bespreken en zo nodig direct met de inwoner te spreken."),
        A2=("Sociaal advocaten zijn sneller beschikbaar voor wijkteams, ook in kleinere gemeenten zonder "
            "advocatenkantoor in de buurt."),
        A3=("eerste-lijn-escalatie", "eerste-lijn-overig"),
        A3b=None,
        A4="Inwoners met juridische problemen die bij het wijkteam in beeld zijn.",
        A5="Sociaal advocaten, met wijkteammedewerkers als gesprekspartner.",
        A6="ja",
        A7="Sociale zekerheid, huurrecht en arbeidsrecht. Vier gemeenten.",
        A8=140,
        A8b="onbekend",
        A8c="Alle wijkteams in de regio.",
        A9=("advocatuur", "wijkteam", "raad"),
        A9b=("Sociaal advocaten houden de digitale spreekuren, wijkteams plannen casussen in en de Raad denkt "
             "mee over een vergoeding buiten de toevoeging."),
        A10="bestaand",
        A10b="Een bestaand beveiligd videoplatform dat advocaten al gebruiken.",
        A11="combinatie",
        A11b="De werkwijze is van het collectief; het videoplatform is een bestaand commercieel product.",
        B1="ja",
        B2="Het collectief wil de spreekkamer voortzetten als de vergoeding geregeld is.",
        B3="afhankelijk",
        B3b="Van een vergoeding voor advocaten voor korte consulten zonder toevoeging.",
        C1=("Overleg met de Raad en met gemeenten over financiering. Inzicht: korte consulten voorkomen veel "
            "toevoegingen, maar passen slecht in de huidige vergoedingssystematiek."),
        C2="onzeker",
        C3="in-voorbereiding",
        C4="De Raad kan een vergoeding voor korte consulten mogelijk maken.",
        C5="Registratie van consulten en een enquête onder wijkteammedewerkers.",
        D1="De advocaat in beeld",
        D2=("Omar krijgt een ontslagbrief en weet niet of zijn werkgever dat zomaar mag doen. Zijn "
            "contactpersoon bij het wijkteam plant dezelfde week een videogesprek met een sociaal advocaat. "
            "De advocaat ziet dat de opzegtermijn niet klopt."
            "\n\n"
            "Na een brief van de advocaat krijgt Omar alsnog een maand loon. Hij zegt dat hij zelf nooit een "
            "advocaat had gebeld."),
        E1="Wijkteammedewerkers leren veel van het meeluisteren bij de consulten.",
        K1="eerste-lijn-sociaal",
        K2="rechtshulpverleners",
        K3="product",
        K4="rechtshulpverleners",
        K5="sociaal-juridisch",
        K6=None,
        K7="Rechtshulp in de wijk",
    ),
    # ------------------------------------------------------------------
    # Breed eerste lijn (5), doorverwijzing (1), wonen (1), inkomen (2)
    # ------------------------------------------------------------------
    Pilot(
        variant="lang",
        P0="volle-boodschappentas",
        P1="Het probleem van de volle boodschappentas",
        P2="raad",
        P3=("Amsterdam Law Hub (Universiteit van Amsterdam), met partners op het gebied van legal design en "
            "juridische data"),
        P4="Amsterdam",
        P5="Lotte Meijer, l.meijer@example.nl",
        P6="07-2021",
        P7="12-2022",
        P8="lang",
        A1=("Onderzoek naar de samenhang van juridische problemen bij mensen die met veel problemen "
            "tegelijk bij eerstelijnshulp aankloppen, gevolgd door prototypes van een digitaal hulpmiddel "
            "voor eerstelijnshulpverleners."),
        A2=("Een onderzoeksrapport en een getest prototype. De eerste fase is afgerond; de bouw van de "
            "prototypes loopt later dan gepland."),
        A3=("eerste-lijn-overig", ("anders", "Kennisontwikkeling over samenhangende problemen")),
        A3b=None,
        A4="Eerstelijnshulpverleners, zoals rechtswinkels, die mensen met veel problemen tegelijk helpen.",
        A5="Eerstelijnshulpverleners.",
        A6="nog-niet",
        A7="Samenhangende juridische problemen bij multiproblematiek. Amsterdam als proeftuin.",
        A8=None,
        A8b="nvt",
        A8c="Alle eerstelijnshulpverleners in Nederland, als het hulpmiddel breed beschikbaar komt.",
        A9=("kennisinstelling", "rechtswinkel", ("anders", "legal-designbureau")),
        A9b=("De universiteit leidt het onderzoek, rechtswinkels leveren casussen en testen, een "
             "ontwerpbureau maakt de prototypes."),
        A10="maatwerk",
        A10b="Prototype van een digitaal hulpmiddel, nog in ontwikkeling.",
        A11="combinatie",
        A11b=("Universiteit en private partners delen de rechten; afspraken over open gebruik zijn in "
              "voorbereiding."),
        B1="vertraagd",
        B2="De universiteit zoekt een partij die het hulpmiddel na de pilot gaat beheren.",
        B3="afhankelijk",
        B3b="Van de testresultaten en van een partij die het beheer wil overnemen.",
        C1="Verkennende gesprekken met het Juridisch Loket en met rechtswinkels.",
        C2="onzeker",
        C3="nee",
        C4="Het Juridisch Loket kan een rol spelen in beheer en verspreiding.",
        C5="Eigen onderzoek door de universiteit; het rapport over de eerste fase is openbaar.",
        D1="Alles tegelijk in één tas",
        D2=("Anouk komt bij de rechtswinkel met een tas vol post: een huurverhoging, een boete van het CJIB "
            "en een brief over haar toeslag. De student die haar helpt, weet niet waar hij moet beginnen. "
            "Met het prototype zet hij alle brieven op een rij, met de termijnen erbij."
            "\n\n"
            "Zo ziet hij dat de toeslagbrief het meest urgent is. Anouk gaat naar huis met een plan in drie "
            "stappen."),
        E1="De onderzoeksfase leverde bruikbare inzichten op voor andere pilots in de eerste lijn.",
        K1="eerste-lijn-breed",
        K2="rechtshulpverleners",
        K3="product",
        K4="rechtshulpverleners",
        K5="eerste-lijn",
        K6=None,
        K7="Vindplaatsen eerste lijn",
    ),
    Pilot(
        variant="lang",
        P0="hulp-om-de-hoek",
        P1="Sociaal-juridische hulp om de hoek (spreekuren in bibliotheken)",
        P2="jenv",
        P3="Koninklijke Bibliotheek en Sociaal Werk Nederland, met lokale bibliotheken en welzijnsorganisaties",
        P4="Hengelo, Venray en de regio Heerenveen",
        P5="Wim Kramer, w.kramer@example.nl",
        P6="2021-01-01",
        P7="2022-12-31",
        P8="lang",
        A1=("Wekelijkse inloopspreekuren in bibliotheken, waar inwoners met sociaal-juridische vragen "
            "terechtkunnen bij een sociaal raadsman of welzijnswerker."),
        A2=("Laagdrempelige hulp dicht bij huis, vooral in plaatsen zonder eigen loket. Tijdens de pilot is "
            "er een locatie bij gekomen."),
        A3=("eerste-lijn-escalatie", "burgergerichte-overheid"),
        A3b=None,
        A4="Inwoners, vooral kwetsbare mensen, in plaatsen met weinig eerstelijns rechtshulp in de buurt.",
        A5="Inwoners, en de spreekuurhouders van welzijnsorganisaties.",
        A6="ja",
        A7="Brede sociaal-juridische vragen: toeslagen, schulden, huur, formulieren. Drie regio's.",
        A8=860,
        A8b="meer",
        A8c="Alle inwoners van de deelnemende gemeenten; de werkwijze is geschikt voor elke bibliotheek.",
        A9=("sociaal-raadslieden", ("anders", "openbare bibliotheken")),
        A9b=("Bibliotheken bieden de plek en de bekendheid; sociaal raadslieden en welzijnswerkers houden de "
             "spreekuren."),
        A10="geen",
        A10b=None,
        A11="publiek",
        A11b="De werkwijze is beschreven in een handreiking die andere bibliotheken kunnen gebruiken.",
        B1="ja",
        B2="Bibliotheken en gemeenten willen de spreekuren voortzetten.",
        B3="afhankelijk",
        B3b="Van financiering door gemeenten na afloop van de subsidie.",
        C1=("Gesprekken met gemeenten over structurele financiering. Inzicht: de bibliotheek is een "
            "vertrouwde plek, waar mensen zonder schaamte binnenlopen."),
        C2="onzeker",
        C3="nee",
        C4=None,
        C5="Tussenevaluatie en eindevaluatie door een extern onderzoeksbureau.",
        D1="Hulp tussen de boekenkasten",
        D2=("Gerrit is zeventig en leest elke week de krant in de bibliotheek. Hij ziet het spreekuur en "
            "vraagt of iemand naar een brief van de Belastingdienst wil kijken. De sociaal raadsman ziet dat "
            "Gerrit recht heeft op huurtoeslag, maar die nooit heeft aangevraagd."
            "\n\n"
            "Samen vullen ze de aanvraag in. De week erna komt Gerrit terug om te vertellen dat het gelukt "
            "is."),
        E1="Veel bezoekers komen met vragen over digitale formulieren, niet alleen met juridische vragen.",
        K1="eerste-lijn-breed",
        K2="rechtzoekenden",
        K3="werkwijze",
        K4="rechtzoekenden",
        K5="eerste-lijn",
        K6=None,
        K7="Vindplaatsen eerste lijn",
    ),
    Pilot(
        variant="lang",
        P0="P24",
        P1="Eerste Hulp bij Recht: vraagbaak-app",
        P2="raad",
        P3="Stichting Recht in je Zak, met een hogeschool voor juridische opleidingen",
        P4="Landelijk (online)",
        P5="Eva Timmermans, e.timmermans@example.nl",
        P6="2020-09-01",
        P7="2022-12-31",
        P8="lang",
        A1=("Een app die rechtzoekenden met eenvoudige vragen stap voor stap naar een antwoord leidt en bij "
            "ingewikkelde vragen doorverwijst naar het Juridisch Loket."),
        A2="Een app met vijftig veelvoorkomende vragen, getest door gebruikers met beperkte digitale vaardigheden.",
        A3=("eerste-lijn-escalatie", "eerste-lijn-overig"),
        A3b=None,
        A4="Rechtzoekenden met eenvoudige juridische vragen.",
        A5="Rechtzoekenden.",
        A6="ja",
        A7="Consumentenrecht, huurrecht en arbeidsrecht. Landelijk.",
        A8=2300,
        A8b="meer",
        A8c="In principe iedereen met een smartphone.",
        A9=("hjl", "kennisinstelling"),
        A9b=("Het Juridisch Loket controleert de inhoud en neemt doorverwijzingen aan; een hogeschool doet "
             "gebruikersonderzoek."),
        A10="maatwerk",
        A10b="Nieuw ontwikkelde app voor Android en iOS.",
        A11="privaat",
        A11b="De stichting is eigenaar; de inhoud wordt onder een open licentie gedeeld.",
        B1="ja",
        B2="De stichting zoekt een partner voor beheer en actualisering van de inhoud.",
        B3="onbekend",
        B3b=None,
        C1=None,
        C2="niet-nagedacht",
        C3="nee",
        C4=None,
        C5="Downloadcijfers, gebruikersonderzoek en een enquête in de app.",
        D1="Het antwoord in je broekzak",
        D2=("Lisa heeft online een jas besteld die niet past, maar de webwinkel wil het geld niet "
            "terugstorten. In de app leest ze dat ze veertien dagen bedenktijd heeft. De app geeft haar een "
            "voorbeeldbrief die ze direct kan versturen."
            "\n\n"
            "Twee dagen later heeft ze haar geld terug."),
        E1="Gebruikers met beperkte digitale vaardigheden hadden vooral baat bij de voorleesfunctie.",
        K1="eerste-lijn-breed",
        K2="rechtzoekenden",
        K3="product",
        K4="rechtzoekenden",
        K5="eerste-lijn",
        K6=None,
        K7="Online zelfhulp",
    ),
    Pilot(
        variant="lang",
        P0="P25",
        P1="Rechtswinkel Plus",
        P2="raad",
        P3="Stichting Rechtswinkel Noordervaart, met een sociaal advocatenkantoor",
        P4="Gemeente Noordervaart",
        P5="Thijs van Leeuwen, t.vanleeuwen@example.nl",
        P6="2020-10-01",
        P7="2021-12-31",
        P8="lang",
        A1=("Een werkwijze waarin vrijwilligers van de rechtswinkel en sociaal advocaten samen spreekuur "
            "houden, zodat cliënten met een ingewikkelde vraag meteen een advocaat spreken."),
        A2="Kortere lijnen tussen rechtswinkel en advocatuur, en een betere opleiding van de vrijwilligers.",
        A3=("eerste-lijn-overig",),
        A3b=None,
        A4="Rechtzoekenden die de rechtswinkel bezoeken, en de vrijwilligers van de rechtswinkel.",
        A5="Vrijwilligers van de rechtswinkel en sociaal advocaten, samen met hun cliënten.",
        A6="ja",
        A7="Brede juridische vragen. Eén stad.",
        A8=180,
        A8b="verwachting",
        A8c=None,
        A9=("rechtswinkel", "raad", "advocatuur"),
        A9b="De rechtswinkel organiseert het spreekuur, sociaal advocaten schuiven aan en de Raad financiert.",
        A10="geen",
        A10b=None,
        A11="onbekend",
        A11b=None,
        B1="afgerond",
        B2="Nog onbekend; de rechtswinkel bespreekt dit met de advocaten.",
        B3="onbekend",
        B3b=None,
        C1="Nog niet; de pilot is net afgerond en de uitkomsten worden besproken.",
        C2="niet-nagedacht",
        C3="nee",
        C4=None,
        C5="Eindverslag aan de Raad met het aantal cliënten en de ervaringen van vrijwilligers.",
        D1="Student en advocaat aan één tafel",
        D2=("Marco komt bij de rechtswinkel omdat zijn verhuurder de huur met twintig procent wil verhogen. "
            "De student ziet dat het een ingewikkelde zaak is en haalt de sociaal advocaat erbij. Die legt "
            "uit dat Marco de verhoging kan voorleggen aan de Huurcommissie."
            "\n\n"
            "Marco krijgt gelijk en de huurverhoging gaat niet door."),
        E1=None,
        K1="eerste-lijn-breed",
        K2="gemengd",
        K3="werkwijze",
        K4="rechtshulpverleners",
        K5="eerste-lijn",
        K6=None,
        K7="Vindplaatsen eerste lijn",
    ),
    Pilot(
        variant="lang",
        P0="P26",
        P1="Vrijwilligersnetwerk Recht Dichtbij",
        P2="raad",
        P3="Stichting Recht Dichtbij, met lokale rechtswinkels",
        P4="Drie plattelandsgemeenten",
        P5="Anke Postma, a.postma@example.nl",
        P6="2020-11-01",
        P7="2022-12-31",
        P8="lang",
        A1=("Een netwerk van getrainde vrijwilligers die in dorpshuizen en buurtcentra juridische vragen "
            "beantwoorden, ondersteund door rechtswinkels."),
        A2=("Een dekkend netwerk van vrijwilligers in drie gemeenten. De pilot is gestopt omdat er te weinig "
            "vrijwilligers werden gevonden."),
        A3=("eerste-lijn-overig",),
        A3b=None,
        A4="Inwoners van dorpen zonder juridische hulp in de buurt, en de vrijwilligers zelf.",
        A5="Vrijwilligers en inwoners.",
        A6="nee",
        A7="Brede juridische vragen. Plattelandsregio.",
        A8=22,
        A8b="minder",
        A8c=None,
        A9=("rechtswinkel", "raad"),
        A9b="Rechtswinkels trainen en ondersteunen de vrijwilligers; de Raad financiert.",
        A10=None,
        A10b=None,
        A11="onbekend",
        A11b=None,
        B1="gestopt",
        B2=None,
        B3="nee",
        B3b=None,
        C1=None,
        C2="geen-vervolg",
        C3="nee",
        C4=None,
        C5="Korte eindrapportage aan de subsidiegever.",
        D1=None,
        D2=None,
        E1="Vrijwilligers werven voor juridisch werk blijkt lastiger dan verwacht, vooral buiten de steden.",
        K1="eerste-lijn-breed",
        K2="gemengd",
        K3="werkwijze",
        K4="rechtshulpverleners",
        K5="eerste-lijn",
        K6=None,
        K7=None,
    ),
    Pilot(
        variant="lang",
        P0="samenwerken-eerstelijn",
        P1="Samenwerken in de eerstelijn",
        P2="jenv",
        P3=("Nederlandse Orde van Advocaten, met de Raad voor Rechtsbijstand, het Juridisch Loket, Sociaal "
            "Werk Nederland en de Vereniging Sociale Advocatuur Nederland"),
        P4="Amsterdam, Nijmegen, Zwolle, Utrecht en Middelburg",
        P5="Jan Hermans, j.hermans@example.nl",
        P6="2020-09-01",
        P7="2021-05-31",
        P8="lang",
        A1=("Een werkwijze waarin eerstelijnshulpverleners een advocaat kunnen bellen voor kort overleg, met "
            "regionale signaleringsoverleggen en een verzameling goede voorbeelden."),
        A2=("Betere doorverwijzing van de eerste naar de tweede lijn en minder onnodige toevoegingen. De "
            "start liep door corona vertraging op."),
        A3=("eerste-lijn-escalatie", "eerste-lijn-overig"),
        A3b=None,
        A4="Eerstelijnshulpverleners en sociaal advocaten, en via hen rechtzoekenden.",
        A5="Medewerkers in de eerste lijn en sociaal advocaten.",
        A6="ja",
        A7=("Vreemdelingenrecht, huur- en consumentenrecht, arbeidsrecht en sociale zekerheid. Vijf "
            "regio's."),
        A8=260,
        A8b="verwachting",
        A8c="Alle eerstelijnshulpverleners in Nederland.",
        A9=("advocatuur", "raad", "hjl"),
        A9b=("Advocaten bemannen de telefonische piketlijn; de Raad en het Juridisch Loket denken mee over "
             "doorverwijzing; sociaal werkers en raadslieden bellen in."),
        A10="geen",
        A10b=None,
        A11="geen",
        A11b="Vrij toepasbare werkwijze.",
        B1="afgerond",
        B2="De partners nemen onderdelen op in hun reguliere werk.",
        B3="ja",
        B3b=None,
        C1=("De signaleringsoverleggen gaan in enkele regio's door. Inzicht: persoonlijk contact tussen "
            "eerste en tweede lijn is de kern."),
        C2="niet-nodig",
        C3="nee",
        C4="De beroepsorganisaties kunnen de werkwijze verspreiden.",
        C5="Eindevaluatie met een enquête onder deelnemers en een analyse van de piketgesprekken.",
        D1="Even overleggen met een advocaat",
        D2=("Karim heeft ruzie met zijn werkgever over achterstallig vakantiegeld en vraagt hulp aan een "
            "sociaal werker. Zij weet niet of Karim een sterke zaak heeft en belt de piketlijn. Dezelfde "
            "middag spreekt ze een arbeidsrechtadvocaat."
            "\n\n"
            "De advocaat denkt dat een stevige brief van Karim zelf waarschijnlijk genoeg is en helpt met de "
            "tekst. Karim krijgt zijn vakantiegeld zonder procedure."),
        E1="Deelnemers vonden de piketlijn waardevol, al werd die minder gebruikt dan verwacht.",
        K1="doorverwijzing",
        K2="rechtshulpverleners",
        K3="werkwijze",
        K4="rechtshulpverleners",
        K5="eerste-tweede-lijn",
        K6=None,
        K7="Vindplaatsen eerste lijn",
    ),
    Pilot(
        variant="lang",
        P0="P28",
        P1="Huurwijzer Online",
        P2="raad",
        P3="Stichting Huurdersinformatie, met huurteams in drie steden",
        P4="Landelijk (online), met huurteams in drie steden",
        P5="Koen Willemsen, k.willemsen@example.nl",
        P6="2021-01-01",
        P7="2022-12-31",
        P8="lang",
        A1=("Een online hulpmiddel waarmee huurders nagaan of hun huurprijs, servicekosten of "
            "onderhoudsproblemen aanleiding geven om in actie te komen, met voorbeeldbrieven en "
            "doorverwijzing naar het huurteam."),
        A2=("Een werkend hulpmiddel en een route naar de huurteams. De koppeling met de huurteams kostte meer "
            "tijd dan gepland."),
        A3=("eerste-lijn-escalatie",),
        A3b=None,
        A4="Huurders, vooral in de particuliere huursector.",
        A5="Huurders.",
        A6="deels",
        A7="Huurrecht. Landelijk, met doorverwijzing in drie steden.",
        A8=1150,
        A8b="verwachting",
        A8c="Alle huurders in Nederland.",
        A9=("hjl", "gemeente"),
        A9b="Het Juridisch Loket verwijst door en controleert de teksten; gemeenten financieren de huurteams.",
        A10="maatwerk",
        A10b="Nieuwe webapplicatie.",
        A11="privaat",
        A11b="De stichting is eigenaar.",
        B1="vertraagd",
        B2=None,
        B3="onbekend",
        B3b=None,
        C1="Nog niet over nagedacht.",
        C2="niet-nagedacht",
        C3="nee",
        C4=None,
        C5="Gebruikscijfers en een korte enquête onder gebruikers.",
        D1="Te veel servicekosten?",
        D2=("Dewi huurt een appartement en betaalt elk jaar meer servicekosten. Via Huurwijzer Online leest "
            "ze dat haar verhuurder haar een jaaroverzicht moet sturen. Ze verstuurt een voorbeeldbrief en "
            "krijgt een overzicht waaruit blijkt dat ze te veel heeft betaald."
            "\n\n"
            "Het huurteam helpt haar het geld terug te vragen."),
        E1="De meeste vragen gaan over servicekosten, niet over de huurprijs zelf.",
        K1="wonen",
        K2="rechtzoekenden",
        K3="product",
        K4="rechtzoekenden",
        K5="eerste-lijn",
        K6=None,
        K7="Online zelfhulp",
    ),
    Pilot(
        variant="kort",
        P0="P29",
        P1="Schulden, bijstand en recht (Eikendonk)",
        P2="divosa",
        P3="Gemeente Eikendonk, met schuldhulpverlening, sociaal raadslieden en UWV",
        P4="Gemeente Eikendonk",
        P5="Monique Smeets, m.smeets@example.nl",
        P6="2021-02-01",
        P7="2022-12-31",
        P8="kort",
        A1=("Een werkwijze waarin schuldhulpverleners en klantmanagers bij inkomensproblemen direct juridisch "
            "advies kunnen vragen, zodat onterechte terugvorderingen en stopgezette uitkeringen sneller "
            "worden hersteld."),
        A2="Minder bezwaarprocedures over inkomen en sneller herstel van het inkomen als er een fout is gemaakt.",
        A3=("burgergerichte-overheid", "eerste-lijn-escalatie"),
        A3b="Uitwisseling met Vitamine R over de communicatie met bijstandsgerechtigden.",
        A4="Inwoners met schulden en een laag of wisselend inkomen.",
        A5="Schuldhulpverleners en klantmanagers.",
        A6="deels",
        A7="Participatiewet, toeslagen en WW. Eén gemeente.",
        A8=None,
        A8b="onbekend",
        A8c=None,
        A9=("divosa", "gemeente", "uwv", "sociaal-raadslieden", "wijkteam"),
        A9b=("Sociaal raadslieden geven juridisch advies, UWV heeft een vaste contactpersoon, het wijkteam "
             "meldt zorgen en de gemeente coördineert."),
        A10=None,
        A10b=None,
        A11="publiek",
        A11b=None,
        B1="ja",
        B2=None,
        B3="onbekend",
        B3b=None,
        C1="De gemeente wacht de evaluatie af.",
        C2="onzeker",
        C3="nee",
        C4=None,
        C5="Evaluatie binnen het Divosa-programma.",
        D1="Snel herstel van een fout",
        D2=("Patrick krijgt ineens geen WW meer, terwijl hij een betalingsregeling heeft via de "
            "schuldhulpverlening. Zijn schuldhulpverlener vraagt advies aan de sociaal raadsman en belt de "
            "contactpersoon bij UWV. Het blijkt om een administratieve fout te gaan."
            "\n\n"
            "Binnen een week is de uitkering hersteld. Patrick hoeft geen nieuwe schulden te maken."),
        E1=None,
        K1="inkomen",
        K2="sociaal-domein",
        K3="werkwijze",
        K4="bezwaarmakers",
        K5="sociaal-juridisch",
        K6=None,
        K7=None,
        supplement=('A3b', 'A6', 'C3'),
    ),
    Pilot(
        variant="lang",
        P0="P30",
        P1="Inkomensloket met rechtshulp",
        P2="raad",
        P3="Stichting Inkomenshulp Lindeweerd, met het Juridisch Loket",
        P4="Gemeente Lindeweerd",
        P5="Rianne Vos, r.vos@example.nl",
        P6="2020-06-01",
        P7="2021-12-31",
        P8="lang",
        A1=("Een inloopspreekuur waar inwoners terechtkunnen met vragen over uitkeringen en toeslagen, en "
            "waar een medewerker helpt met bezwaar als een besluit niet klopt."),
        A2="Meer inwoners die hun recht op inkomen benutten, en minder onnodige bezwaarprocedures.",
        A3=("burgergerichte-overheid",),
        A3b=None,
        A4="Inwoners met een laag inkomen die problemen hebben met een uitkering of toeslag.",
        A5="Inwoners en de medewerkers van het spreekuur.",
        A6="ja",
        A7="Sociale zekerheid en toeslagen. Eén gemeente.",
        A8=210,
        A8b="minder",
        A8c=None,
        A9=("gemeente", "hjl", "clientondersteuning"),
        A9b="De gemeente biedt ruimte, het Juridisch Loket ondersteunt en cliëntondersteuners verwijzen door.",
        A10="bestaand",
        A10b="Registratie in het bestaande systeem van de stichting.",
        A11="onbekend",
        A11b=None,
        B1="afgerond",
        B2="Het spreekuur gaat niet zelfstandig door; onderdelen zijn opgenomen in het bestaande welzijnswerk.",
        B3="nee",
        B3b=None,
        C1=("Er is gekozen om geen aparte voortzetting te financieren. Inzicht: een apart spreekuur naast "
            "bestaande loketten is verwarrend voor inwoners."),
        C2="geen-vervolg",
        C3="nee",
        C4=None,
        C5="Eindverslag met bezoekersaantallen en ervaringen.",
        D1="Geld waar je recht op hebt",
        D2=("Samira krijgt een brief dat ze haar zorgtoeslag moet terugbetalen. Op het spreekuur ziet de "
            "medewerker dat de Belastingdienst van een verkeerd inkomen is uitgegaan. Samen met Samira "
            "geeft ze het juiste inkomen door."
            "\n\n"
            "De terugvordering vervalt. Samira hoort bovendien dat ze bijzondere bijstand kan krijgen voor "
            "een nieuwe bril."),
        E1="Het spreekuur trok vooral mensen die al bekend waren bij andere loketten.",
        K1="inkomen",
        K2="rechtzoekenden",
        K3="werkwijze",
        K4="bezwaarmakers",
        K5="eerste-lijn",
        K6=None,
        K7=None,
    ),
)
