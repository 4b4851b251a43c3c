"""Turn the command line into calls of the library: thin commands that load inputs and report in Dutch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path

import click

from report.analyse import statistics, stats_json
from report.history.changes import compare
from report.engagement.config import load_config
from report.history.markdown import render_markdown
from report.history.schema import Snapshot
from report.engagement.codebook import Variant
from report.files import write_bytes_atomic, write_text_atomic
from report.history.manifest import MANIFEST_FILE, ManifestError, newest_reports, read_manifest
from report.history.versions import StoredSnapshot, default_old, load_snapshot, load_snapshots
from report.dutch import counted
from report.model import Problem, has_errors
from report.terminal.command_line import (
    check_output, fail, folder_option, inputs_option, load_engagement, main, overwrite_option, save,
)
from report.terminal.problems import echo_problems, echo_summarised, format_problems
from report.engagement.folders import CODEBOOK_FILE, CODING_FILE, CONFIG_FILE, OUTPUT_DIR, QUESTIONNAIRE_DIR, TEXTS_DIR
from report.compose import text_files
from report.narrative.typed_facts import typed_facts
from report.read import read_inputs
from report.privacy import privacy_problems
from report.terminal.stats import format_stats
from report.workbooks import build_coding, build_questionnaire, coding_rows
from report.write.formats import DEFAULT_FORMATS, WRITERS
from report.engagement.scaffold import NotEmpty, create_engagement

CLIENT_FORMATS = {".docx": "docx", ".pdf": "pdf"}     # `wijzigingen -o` suffix -> writer of the client's list


@main.command("vragenlijst")
@click.option("--variant", required=True, type=click.Choice([v.value for v in Variant]),
              help="lang: alle vragen; kort: de kernvragen; aanvulling: voor de onderzoekers.")
@click.option("--pilot-id", metavar="ID", help="Vul de Pilot-ID (de vraag met rol pilot-id) alvast in.")
@click.option("--titel", metavar="TITEL",
              help="De titel boven de vragenlijst, bijvoorbeeld de naam van het onderzoek; standaard de "
                   f"titel in {CODEBOOK_FILE}.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Het Excel-bestand (.xlsx) dat wordt geschreven.")
@inputs_option(f"De opdracht waarvan het codeboek ({CODEBOOK_FILE}) de vragen geeft.")
@overwrite_option
def vragenlijst(variant: str, pilot_id: str | None, titel: str | None, output: Path, inputs: Path,
                overwrite: bool) -> None:
    """Schrijf een lege vragenlijst die een projectleider zonder uitleg kan invullen."""
    check_output(output, inputs=inputs, overwrite=overwrite)
    load_engagement(inputs)
    save(build_questionnaire(Variant(variant), pilot_id=pilot_id, title=titel), output)
    click.echo(f"Vragenlijst ({variant}) geschreven: {output}")


@main.command("nieuw")
@click.argument("map_", metavar="MAP", type=click.Path(file_okay=False, path_type=Path))
def nieuw(map_: Path) -> None:
    """Begin een nieuwe opdracht in MAP: een klein codeboek, de lege vragenlijsten, rapport.yaml,
    een hoofdstuk met een figuur, de wederhoorbrief en een README die de map uitlegt.

    De opdracht is meteen te bouwen (met één voorbeeldpilot). Pas daarna codeboek.yaml en
    rapportvorm.yaml aan; zie README.md in de nieuwe map. MAP moet nieuw of leeg zijn.
    """
    try:
        written = create_engagement(map_, dt.date.today())
    except NotEmpty:
        fail(f"{map_} bestaat al en is niet leeg; een nieuwe opdracht schrijft nooit over bestaande "
              "bestanden. Kies een nieuwe map.")
    except OSError as error:
        fail(f"{map_} kan niet worden gemaakt ({error.strerror or error}).")
    click.echo(f"Nieuwe opdracht in {map_}: {counted(len(written), 'bestand', 'bestanden', digits=True)}. "
               f"Lees {map_ / 'README.md'}, en bouw met: make_report.py build --inputs {map_}")


@main.command("codering")
@inputs_option()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Het Excel-bestand (.xlsx) dat wordt geschreven; nooit een bestand in de invoermap.")
@overwrite_option
def codering(inputs: Path, output: Path, overwrite: bool) -> None:
    """Schrijf het codeerwerkboek: één rij per pilot, met de codes die er al zijn."""
    if not inputs.is_dir():
        fail(f"De invoermap {inputs} bestaat niet of is geen map.")
    check_output(output, inputs=inputs, overwrite=overwrite)
    load_engagement(inputs)
    existing = inputs / CODING_FILE
    result = read_inputs(inputs)
    problems = result.problems
    if not existing.exists():
        click.echo(f"Nog geen {CODING_FILE} in de invoer: alle codeercellen blijven leeg.")
        problems = [p for p in problems if p.file != CODING_FILE]
    if has_errors(problems):
        click.echo("Let op: de invoer bevat fouten (zie make_report.py check). Het "
                   "codeerwerkboek bevat de pilots die gelezen konden worden.\n", err=True)
    echo_summarised(problems)
    if not result.pilots:
        click.echo(f"Let op: geen pilots gevonden in {inputs}; het werkboek heeft geen rijen.", err=True)
    save(build_coding(coding_rows(result.pilots)), output)
    click.echo(f"Codeerwerkboek met {counted(len(result.pilots), 'pilot', 'pilots', digits=True)} "
               f"geschreven: {output}")


@main.command("check")
@inputs_option()
@click.option("--publicatie", is_flag=True,
              help="Controleer ook of het rapport gepubliceerd mag worden: de toegankelijkheid van de "
                   "laatst gemaakte DOCX en PDF in --output en de overblijfselen van het concept "
                   "(CONCEPT, 'correctie', [onbekend], open opmerkingen); persoonsgegevens zijn dan fouten.")
@folder_option("--output", OUTPUT_DIR, help="De map met het gemaakte rapport (voor --publicatie).")
def check(inputs: Path, publicatie: bool, output: Path) -> None:
    """Controleer de invoer: alle fouten en waarschuwingen per bestand, en een samenvatting.

    Persoonsgegevens in vrije tekst (BSN, e-mailadres, telefoonnummer, IBAN,
    adres, geboortedatum) zijn waarschuwingen; met --publicatie fouten, en dan
    komt de rest van de controle voor publicatie erbij, die een definitieve
    build altijd doorloopt. Eindigt met code 1 als er fouten zijn
    (waarschuwingen mogen).
    """
    from report.publication import file_problems, gated  # python-docx and pdfium load only for this command

    result = read_inputs(inputs)
    found = gated(privacy_problems(inputs, result.pilots), concept=not publicatie)
    texts, _ = text_files(inputs / TEXTS_DIR)      # build reports what is wrong with the folder
    found += typed_facts([(text.display_name, text.path) for text in texts], result.pilots)
    if publicatie:
        built = _newest_reports(output)
        if not built:
            fail(f"geen rapport gevonden in {output} ({MANIFEST_FILE} ontbreekt of noemt geen bestaand rapport); "
                  "maak het met make_report.py build.")
        found += file_problems({path.name: path.read_bytes() for path in built.values()}, output, publication=True)
    if echo_problems(dataclasses.replace(result, problems=result.problems + found)):
        sys.exit(1)


@main.command("stats")
@inputs_option()
@click.option("--json", "as_json", is_flag=True,
              help="Geef de tellingen als JSON (vaste vorm, geschikt voor andere programma's).")
def stats(inputs: Path, as_json: bool) -> None:
    """Tel per keuzevraag hoeveel pilots elk antwoord gaven, inclusief 'niet ingevuld'.

    Bij fouten in de invoer komt het overzicht van alle problemen op stderr en
    eindigt het commando met code 1, zonder tellingen. Waarschuwingen toont
    `make_report.py check`.
    """
    result = read_inputs(inputs)
    if result.has_errors:
        echo_problems(result, err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(stats_json(result.pilots), ensure_ascii=False, indent=2))
    else:
        click.echo(format_stats(len(result.pilots), statistics(result.pilots)), nl=False)


@main.command("figuren")
@inputs_option()
@folder_option("--output", OUTPUT_DIR / "figuren",
              help="De map waarin de figuren (SVG en PNG) en figuurdata.xlsx komen.")
def figuren(inputs: Path, output: Path) -> None:
    """Teken alle figuren van het rapport en schrijf de cijfers erachter naar figuurdata.xlsx."""
    from report.figures.charts import render_figures  # matplotlib loads only for commands that draw
    from report.figures.data import FILE_NAME, write_figure_data

    result = read_inputs(inputs)
    if result.has_errors:
        echo_problems(result, err=True)
        sys.exit(1)
    echo_summarised(result.problems)
    charts = render_figures(result.pilots, output)
    write_figure_data([chart.data for chart in charts.values()], output / FILE_NAME)
    click.echo(f"{counted(len(charts), 'figuur', 'figuren', digits=True)} "
               f"({counted(len(result.pilots), 'pilot', 'pilots', digits=True)}) en {FILE_NAME} geschreven in {output}")


@main.command("build")
@inputs_option(f"De invoermap: {QUESTIONNAIRE_DIR}/, {CODING_FILE}, {CONFIG_FILE} en {TEXTS_DIR}/.")
@folder_option("--output", OUTPUT_DIR,
              help="De map waarin het rapport komt.")
@click.option("--format", "formats", metavar="FORMATEN", default=",".join(DEFAULT_FORMATS), show_default=True,
              help=f"Uitvoerformaten, gescheiden door komma's; kies uit {', '.join(WRITERS)}.")
@click.option("--schoon", is_flag=True,
              help="Maak alle figuren en pdf-delen opnieuw in plaats van ongewijzigde uit de cache "
                   "(<uitvoermap>/.cache) te halen.")
@click.option("--processen", type=click.IntRange(min=1), default=None, metavar="AANTAL",
              help="Hoeveel processen tegelijk schrijven (standaard: één per processorkern). "
                   "Het rapport is hetzelfde, hoeveel het er ook zijn.")
def build_command(inputs: Path, output: Path, formats: str, schoon: bool, processen: int | None) -> None:
    """Maak het rapport uit de invoer. Bij fouten in de invoer wordt niets geschreven.

    Een rapport met status definitief (rapport.yaml) moet ook door de controle
    voor publicatie: geen persoonsgegevens, een toegankelijke PDF en DOCX en
    geen resten van het concept (zie make_report.py check --publicatie);
    anders wordt het niet geschreven. Een concept toont die bevindingen als
    waarschuwingen.

    Naast het rapport komt een snapshot (.snapshot.json) van waaruit het is
    gemaakt. Staat in de map een snapshot van een lagere versie, dan komt er ook
    een lijst met wijzigingen bij: wijzigingen-v<oud>-v<nieuw>.md voor het team
    en dezelfde lijst als .docx en .pdf voor de opdrachtgever (zie
    make_report.py wijzigingen --help). Een snapshot dat niet te lezen is, wordt
    met een waarschuwing overgeslagen.
    """
    from report.build import build      # the whole pipeline loads only for the commands that build

    try:
        result = build(inputs, output, _formats(formats), progress=click.echo, clean=schoon, processes=processen)
    except KeyboardInterrupt:      # Ctrl-C, or report.stopping.Stopped for a stop signal
        fail("de build is gestopt (Ctrl-C of een stopsignaal); er is niets vervangen, de vorige uitvoer "
              "is ongewijzigd.")
    echo_summarised(result.problems)
    if not result.ok and result.document is None:
        fail("de invoer bevat fouten (zie hierboven); er is niets geschreven.")
    if not result.ok:
        fail("het rapport kon niet worden geschreven (zie hierboven); er is niets vervangen.")
    written = counted(len(result.outputs), "bestand", "bestanden")
    click.echo(f"Klaar: {written} geschreven in {output}.")


def _formats(text: str) -> tuple[str, ...]:
    """"docx,pdf" as the formats to write, each once, in the order given."""
    formats = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [f"'{f}'" for f in formats if f not in WRITERS]
    choice = (f"Kies uit {', '.join(WRITERS)}, gescheiden door komma's, bijvoorbeeld "
              f"--format {','.join(DEFAULT_FORMATS)}.")
    if unknown:
        fail(f"onbekend uitvoerformaat {', '.join(unknown)} bij --format. {choice}")
    if not formats:
        fail(f"geen uitvoerformaat opgegeven bij --format. {choice}")
    return formats


@main.command("wijzigingen")
@click.argument("old", metavar="[OUD]", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", metavar="[NIEUW]", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@inputs_option("De invoermap, voor de huidige stand als NIEUW ontbreekt.")
@folder_option("--output", OUTPUT_DIR,
              help="De map met de rapporten en hun snapshots, voor de vorige versie als OUD ontbreekt.")
@click.option("-o", "--bestand", type=click.Path(dir_okay=False, path_type=Path),
              help="Schrijf de lijst naar dit bestand in plaats van naar het scherm: .md voor het team (met "
                   "bronnen), .docx of .pdf voor de opdrachtgever (in de huisstijl, zonder bestandsnamen).")
@overwrite_option
def wijzigingen(old: Path | None, new: Path | None, inputs: Path, output: Path, bestand: Path | None,
                overwrite: bool) -> None:
    """Som in het Nederlands op wat er veranderd is tussen twee versies van het rapport.

    OUD en NIEUW zijn snapshots (*.snapshot.json): elke build schrijft er een naast
    het rapport. Per groep: gewijzigde antwoorden per pilot (oud → nieuw, met de
    bron), nieuwe en vervallen pilots, figuren met andere aantallen, zinnen met
    andere getallen, bewerkte alinea's (woord voor woord) en gewijzigde factsheets.

    Zonder NIEUW: de huidige invoer (--inputs), berekend zonder iets te schrijven.
    Zonder OUD: de laatste build van de vorige versie in --output, dat is de
    hoogste versie onder die van NIEUW; is er geen eerdere versie, dan de laatste
    build van dezelfde versie (wat er sinds die build veranderde).

    De build schrijft deze lijst zelf als wijzigingen-v<oud>-v<nieuw>.md naast het
    rapport, steeds tegen de vorige versie, en voor de opdrachtgever als .docx en
    .pdf (met paginanummers in het nieuwe rapport): een nieuwe build van dezelfde
    versie vervangt de lijst, zodat die altijd alles bevat wat de opdrachtgever
    nog niet heeft gezien.
    """
    from report.build import build
    from report.history.client import client_document

    if bestand is not None:
        check_output(bestand, inputs=inputs, reads=[p for p in (old, new) if p], overwrite=overwrite)
    client = bestand is not None and bestand.suffix.lower() in CLIENT_FORMATS
    meta = None
    load_engagement(inputs)        # the labels of the pilot's name and case are the engagement's
    if new is None:
        result = build(inputs, None, formats=())
        if not result.ok or result.snapshot is None:
            click.echo(format_problems([p for p in result.problems if p.is_error]), err=True)
            fail("de invoer bevat fouten (zie hierboven); vergelijken kan pas als het rapport te maken is.")
        new_data, meta = result.snapshot, result.document.meta
    else:
        new_data = _snapshot(new)
    if old is not None:
        old_data = _snapshot(old)
    else:
        stored, problems = _recorded_snapshots(output)
        for problem in problems:
            click.echo(problem.format(), err=True)
        others = [s for s in stored if new is None or s.path.resolve() != new.resolve()]
        chosen = default_old(others, new_data.report.version)
        if chosen is None:
            fail(f"geen eerdere build gevonden in {output} ({MANIFEST_FILE} en de snapshots die het noemt). Maak eerst het "
                  "rapport met make_report.py build, of noem het oude snapshotbestand.")
        old_data = chosen.snapshot
    log = compare(old_data, new_data)
    if client:
        if meta is None:
            config, problems = load_config(inputs)
            if config is None:
                click.echo(format_problems(problems), err=True)
                fail(f"de lijst voor de opdrachtgever neemt opdrachtgever en auteurs uit {inputs / CONFIG_FILE}; "
                      "dat bestand bevat fouten (zie hierboven).")
            meta = config.meta
        writer = WRITERS[CLIENT_FORMATS[bestand.suffix.lower()]]
        _write(bestand, writer.write(client_document(log, meta), cache=None))
        click.echo(f"Lijst met wijzigingen voor de opdrachtgever geschreven: {bestand}")
    elif bestand is None:
        click.echo(render_markdown(log), nl=False)
    else:
        write_text_atomic(bestand, render_markdown(log))
        click.echo(f"Lijst met wijzigingen geschreven: {bestand}")


def _recorded_snapshots(output: Path) -> tuple[list[StoredSnapshot], list[Problem]]:
    """The snapshots of the builds the folder's record names (report.history.manifest)."""
    try:
        builds = read_manifest(output).builds if output.is_dir() else ()
    except ManifestError as error:
        fail(str(error))
    return load_snapshots(output / record.snapshot for record in builds)


def _snapshot(path: Path) -> Snapshot:
    snapshot, problem = load_snapshot(path)
    if snapshot is None:
        fail(f"{path}: {problem.message} Er is geen lijst gemaakt.")
    return snapshot.snapshot


@main.command("vergelijk")
@folder_option("--output", OUTPUT_DIR,
              help="De map met de rapporten; de DOCX en PDF van de laatste build (volgens "
                   f"{MANIFEST_FILE}) worden vergeleken.")
def vergelijk(output: Path) -> None:
    """Controleer of de DOCX en de PDF van de nieuwste build hetzelfde rapport zijn.

    Staat de HTML-editie van dezelfde build ernaast (map <naam>-html), dan
    wordt die ook met de DOCX vergeleken. Vergelijkt de koppen,
    figuurbijschriften, kadertitels, voetnoten, factsheettitels en alle zinnen
    met een getal, zoals ze in de bestanden zelf staan. Eindigt met code 1 als
    ze verschillen.
    """
    from report.parity import compare, compare_files, format_comparison, html_edition, read_html  # pdfium only here

    if not output.is_dir():
        fail(f"de map {output} bestaat niet; maak eerst het rapport met make_report.py build.")
    built = _newest_reports(output)
    if ".docx" not in built or ".pdf" not in built:
        fail(f"de laatste build in {output} ({MANIFEST_FILE}) heeft geen DOCX en PDF; maak ze met "
              "make_report.py build (standaard schrijft die beide).")
    docx, pdf = built[".docx"], built[".pdf"]
    click.echo(f"Vergeleken: {docx.name} en {pdf.name}")
    content, differences = compare_files(docx, pdf)
    click.echo(format_comparison(content, differences))
    page = html_edition(docx)
    if page is not None:        # the HTML edition of the same build, when it was made
        click.echo(f"\nVergeleken: {docx.name} en {page.parent.name}/{page.name}")
        web = compare(content, read_html(page.read_bytes()))
        click.echo(format_comparison(content, web, other="HTML"))
        differences += web
    if differences:
        sys.exit(1)


def _newest_reports(output: Path) -> dict[str, Path]:
    """The newest build's report files by suffix, as its record names them; a Dutch error if unreadable."""
    try:
        return newest_reports(output)
    except ManifestError as error:
        fail(str(error))


def _write(output: Path, data: bytes) -> None:
    try:
        write_bytes_atomic(output, data)
    except OSError as error:
        fail(f"{output} kan niet worden geschreven ({error.strerror or error}).")


# The review round's commands live in their own module; importing it registers them on `main`.
from report import cli_review  # noqa: E402,F401
from report.preview import commands as preview_commands  # noqa: E402,F401
