"""The review round's commands: remarks and tracked changes back, numbers traced to pilots, the fact check.

Thin like the rest of the command line (report.cli, whose group and folder
options they use): each loads its inputs and calls the library.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from report.engagement.folders import INPUTS_DIR, OUTPUT_DIR
from report.engagement.load import activate_folder
from report.terminal.command_line import check_output, fail, folder_option, inputs_option, main, save
from report.dutch import counted
from report.engagement.folders import CORRECTIONS_FILE
from report.model import has_errors
from report.read import read_inputs
from report.terminal.problems import echo_problems, format_problems


@main.command("opmerkingen")
@click.argument("returned", metavar="TERUG.docx...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="De werklijst (.xlsx); standaard opmerkingen-v<versie>.xlsx in --rapporten, één per "
                   "versie van het rapport. Bestaat ze al, dan wordt ze bijgewerkt.")
@folder_option("--rapporten", OUTPUT_DIR, help="De map met de builds, waar de werklijst van elke versie staat.")
@click.option("--toepassen", is_flag=True,
              help="Verwerk bijgehouden wijzigingen in letterlijke tekst in de tekstbestanden (teksten/*.md).")
@inputs_option("De invoermap met teksten/, voor --toepassen.")
def opmerkingen(returned: tuple[Path, ...], output: Path | None, rapporten: Path, toepassen: bool,
                inputs: Path) -> None:
    """Zet de opmerkingen en bijgehouden wijzigingen uit teruggestuurde Word-bestanden op een rij.

    Per opmerking of wijziging: auteur, datum, de tekst waar ze bij staat en
    waar die vandaan komt: hoofdstuk of paragraaf, tekstbestand en regel, of
    pilot en vraag van een factsheet, met de pilots achter de getallen. De
    werklijst heeft kolommen om toe te wijzen en af te vinken; opnieuw inlezen
    (hetzelfde of een ander bestand) werkt haar bij en houdt wat is ingevuld.
    Met --toepassen komen wijzigingen in letterlijke tekst in de tekstbestanden;
    placeholders en berekende getallen worden nooit herschreven.
    """
    from report.comments.round import Failed, review

    if output is not None and output.suffix.lower() == ".xlsx":   # another suffix: review() says why
        check_output(output, inputs=inputs, reads=returned, updates=True)
    if toepassen:
        _named_inputs("--toepassen")
    activate_folder(inputs)        # where it can: a comment's place then names the engagement's case questions
    try:
        result = review(list(returned), output, rapporten, inputs, toepassen, click.echo)
    except Failed as error:
        fail(str(error))
    if result.workbook is None:
        return
    save(result.workbook, result.target)
    merged = result.merged
    if result.existed:
        click.echo(f"Werklijst bijgewerkt: {result.target} ({merged.new} nieuw, {merged.kept} al bekend, "
                   f"{merged.gone} niet meer in het bestand; ingevulde kolommen zijn behouden).")
    else:
        click.echo(f"Werklijst geschreven: {result.target}")


@main.command("herkomst")
@click.argument("zoek", metavar="ZIN_OF_FIGUUR")
@inputs_option("De invoermap: vragenlijsten/, codering.xlsx, rapport.yaml en teksten/.")
def herkomst(zoek: str, inputs: Path) -> None:
    """Toon welke pilots achter de getallen van een zin of figuur staan.

    ZIN_OF_FIGUUR is een stukje tekst uit het rapport ("Acht pilots") of de
    sleutel van een figuur (zoals in rapportvorm.yaml). Per zin of figuur: elk berekend getal (of elke
    staaf) met de pilots die het telt, met ID en naam. Het rapport wordt
    daarvoor uit de invoer berekend, niet geschreven.
    """
    from report.build import build      # the whole pipeline loads only for the commands that build
    from report.document.provenance import (
        figure_keys, find_figure, find_sentences, format_figure, format_sentences, pilot_names,
    )

    result = build(inputs, None, formats=())
    if not result.ok or result.document is None:
        click.echo(format_problems([p for p in result.problems if p.is_error]), err=True)
        fail("de invoer bevat fouten (zie hierboven); de herkomst is pas te tonen als het rapport te maken is.")
    document, names = result.document, pilot_names(result.document)
    figure = find_figure(document, zoek)
    if figure is not None:
        click.echo(format_figure(figure, names))
        return
    found = find_sentences(document, zoek)
    if not found:
        fail(f"geen zin met ‘{zoek}’ en geen figuur met die sleutel gevonden. Figuren: "
              f"{', '.join(figure_keys(document))}.")
    click.echo(format_sentences(found, names))


@main.command("wederhoor")
@inputs_option("De invoermap; daarin ook wederhoor-brief.md, het sjabloon van de brief.")
@folder_option("--output", OUTPUT_DIR, help="De map waarin wederhoor/ met een pakket per pilot komt.")
@click.option("--uiterlijk", callback=lambda ctx, param, text: _date(text), metavar="DATUM",
              help="Datum waarop het formulier terug moet zijn (dd-mm-jjjj); standaard twee weken "
                   "na de rapportdatum.")
@click.option("--contact", metavar="TEKST", help="Afzender onder de brief; standaard de auteurs en de organisatie.")
@click.option("--verwerk", type=click.Path(exists=True, file_okay=False, path_type=Path), metavar="MAP",
              help="Verwerk de teruggekomen formulieren in MAP in correcties.yaml, in plaats van "
                   "pakketten te maken.")
def wederhoor(inputs: Path, output: Path, uiterlijk: dt.date | None, contact: str | None, verwerk: Path | None) -> None:
    """Wederhoor: een pakket per pilot om de eigen factsheet te controleren, en de antwoorden terug.

    Zonder --verwerk: per pilot een map in <uitvoermap>/wederhoor/ met de factsheet
    (PDF en Word, zoals in de bijlage), een begeleidende brief en een
    correctieformulier (Excel), plus overzicht.xlsx voor het team.

    Met --verwerk MAP: leest alle formulieren in MAP (elke bestandsnaam), keurt elke
    waarde zoals een antwoord in de vragenlijst en zet de gewijzigde waarden in
    correcties.yaml (ronde wederhoor). Waarden die al gecorrigeerd zijn, sinds het
    versturen veranderd zijn of elkaar tegenspreken, worden genoemd maar niet verwerkt.
    """
    from report.factcheck.listing import format_outcome
    from report.factcheck.packets import make_packets
    from report.factcheck.returns import process_returns

    if verwerk is None:
        written, problems = make_packets(inputs, output, uiterlijk, contact)
        if problems:
            click.echo(format_problems(problems), err=True)
            fail("er zijn geen pakketten gemaakt (zie hierboven).")
        click.echo(f"Klaar: {counted(len(written), 'bestand', 'bestanden')} geschreven in {output / 'wederhoor'}.")
        return
    _named_inputs("--verwerk")
    read = read_inputs(inputs)
    if read.has_errors:
        echo_problems(read, err=True)
        fail("de invoer bevat fouten; los die eerst op.")
    outcome = process_returns(verwerk, read.pilots, inputs / CORRECTIONS_FILE)
    click.echo(format_outcome(outcome))
    if has_errors(outcome.problems):
        sys.exit(1)


def _named_inputs(option: str) -> None:
    """A command that changes the inputs writes only into a folder named with --inputs or the engagement
    it runs in: left out elsewhere, the default would be the bundled example, which nobody means to change."""
    context = click.get_current_context()
    if context.get_parameter_source("inputs") is ParameterSource.DEFAULT and context.params["inputs"] == INPUTS_DIR:
        fail(f"{option} verandert de invoer; noem de invoermap met --inputs (ook als dat het meegeleverde "
              "voorbeeld is). Er is niets veranderd.")


def _date(text: str | None) -> dt.date | None:
    """A date typed as dd-mm-jjjj or jjjj-mm-dd; a Dutch usage error otherwise."""
    for form in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return None if text is None else dt.datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    raise click.BadParameter(f"'{text}' is geen datum; schrijf dd-mm-jjjj, bijvoorbeeld 15-01-2027.")
