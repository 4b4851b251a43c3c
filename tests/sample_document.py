"""A small hand-built Document that exercises every block type.

Writer tests use it so they do not depend on the example inputs: each block
and inline type of report.document appears at least once, with Dutch text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from report.document import (  # noqa: E402
    Annex, CaseBox, Document, Fact, Factsheet, FactsheetSection, Figure, FigureRef,
    Footnote, InfoBox, ListBlock, ListItem, Metadata, Numbering, Paragraph,
    Section, SectionRef, Text, VersionEntry,
)
from report.model import SourceKind  # noqa: E402


def _chart(directory: Path, name: str) -> tuple[Path, Path]:
    fig, ax = plt.subplots(figsize=(6, 2.5))
    ax.barh(["Werkwijze", "Product"], [7, 4])
    svg, png = directory / f"{name}.svg", directory / f"{name}.png"
    fig.savefig(svg, metadata={"Date": None})
    fig.savefig(png, dpi=150, metadata={"Software": None})
    plt.close(fig)
    return svg, png


def _para(*parts) -> Paragraph:
    return Paragraph(tuple(Text(p) if isinstance(p, str) else p for p in parts))


def sample_document(directory: Path) -> Document:
    svg, png = _chart(directory, "figuur-k3")
    figure = Figure(
        key="K3", number=1, title="Verdeling pilots naar werkwijze of product",
        alt_text="Staafdiagram: 7 pilots ontwikkelen een werkwijze, 4 een product.",
        svg=svg, png=png, note="n = 11 pilots.",
    )
    case = CaseBox(
        title="Voorbeeld casus pilot Proefpilot",
        paragraphs=(_para("Fatima krijgt een brief van de gemeente die ze niet begrijpt."),
                    _para("Via het spreekuur in de bibliotheek vindt ze snel hulp.")),
        pilot_id="proef",
    )
    intro = Section(
        key="inleiding", number="1", title="Inleiding", level=1,
        blocks=(_para("Dit rapport beschrijft de stand van zaken.",
                      Footnote(1, (Text("Zie het overzicht op de website van het ministerie."),))),),
        children=(
            Section(key="achtergrond", number="1.1", title="Achtergrond", level=2, blocks=(
                _para("De pilots zijn ", Text("divers", italic=True), ", zoals ",
                      FigureRef("K3", 1), " laat zien; zie ook ", SectionRef("bevindingen", "2.1"),
                      " en ", SectionRef("bijlage-a", "A", "bijlage"), "."),
                ListBlock(Numbering.ROMAN, (ListItem((), (Text("Wat wordt er ontwikkeld?"),)),
                                            ListItem((), (Text("Wat is de stand van zaken?"),)))),
                InfoBox(title="Eerste, tweede en nulde lijn",
                        blocks=(_para("De nulde lijn is zelfhulp en online informatie."),),
                        source="Bron: Raad voor Rechtsbijstand"),
            )),
        ),
    )
    findings = Section(
        key="overzicht", number="2", title="Overzicht van pilots", level=1,
        children=(
            Section(key="bevindingen", number="2.1", title="Bevindingen", level=2, blocks=(
                figure,
                ListBlock(Numbering.ALPHA, (
                    ListItem((Text("Samenwerking kost tijd."),),
                             (Text("Partners moeten elkaar eerst leren kennen."),)),
                    ListItem((Text("Online hulp vraagt om begeleiding."),),
                             (Text("Niet iedereen kan een tool zelfstandig gebruiken."),)),
                )),
                case,
                _para("Een tweede voetnoot staat hier.",
                      Footnote(2, (Text("Digitaal bezwaarplatform en ADR ondersteuningstool."),))),
            ),
                children=(Section(key="details", number="2.1.1", title="Details", level=3,
                                  blocks=(_para("Een subparagraaf over randvoorwaarden:"),
                                          ListBlock(Numbering.BULLET, (
                                              ListItem((), (Text("wet- en regelgeving;"),)),
                                              ListItem((), (Text("financiering."),)))))),)),
        ),
    )
    factsheet = Factsheet(
        pilot_id="proef", title="Proefpilot",
        header=(Fact("Programma", "Divosa-programma", SourceKind.VRAGENLIJST),
                Fact("Organisatie", "Gemeente Voorbeeldstad", SourceKind.VRAGENLIJST),
                Fact("Plaats", "Voorbeeldstad", SourceKind.VRAGENLIJST),
                Fact("Looptijd", "januari 2021 – december 2022", SourceKind.VRAGENLIJST)),
        tags=(Fact("Thema", "Wonen", SourceKind.CODERING),
              Fact("Type", "Werkwijze van/voor professionals", SourceKind.CODERING),
              Fact("Financiering", "–", None)),
        sections=(FactsheetSection("a. Basisgegevens", (
                      Fact("Wat wordt ontwikkeld", "Een spreekuur in de bibliotheek.", SourceKind.VRAGENLIJST),
                      Fact("Geholpen rechtzoekenden", "120", SourceKind.CORRECTIE))),
                  FactsheetSection("b. Stand van zaken", (
                      Fact("Voortgang", "Op schema", SourceKind.AANVULLING),)),
                  FactsheetSection("d. Casus", (), case),
                  FactsheetSection("e. Overige observaties", (
                      Fact("Wat verder opvalt", "–", None),))),
    )
    annex = Annex(key="bijlage-a", letter="A", title="Factsheets pilots",
                  blocks=(_para("Per pilot volgt een factsheet."),), factsheets=(factsheet,))
    meta = Metadata(
        title="Stelselvernieuwing in uitvoering", subtitle="Tussenrapport over de pilots",
        client="Ministerie van Justitie en Veiligheid", authors=("A. Auteur", "B. Schrijver"),
        organisation="Kompas Beleidsonderzoek", date=dt.date(2022, 6, 30), version="0.3",
        status="concept", subject="Tussenrapport",
        colophon_note="De antwoorden per pilot in dit voorbeeld zijn verzonnen.",
        history=(VersionEntry("0.3", dt.date(2022, 6, 30), "Verwerking reacties reflectiegroep."),),
    )
    return Document(meta=meta, chapters=(intro, findings), annexes=(annex,))
