"""The live preview's command (`voorbeeld`), in its own module so report/cli.py stays short."""

from __future__ import annotations

import click

from report.terminal.command_line import fail, inputs_option, main


@main.command("voorbeeld")
@inputs_option()
@click.option("--poort", type=click.IntRange(0, 65535), default=8022, show_default=True, metavar="POORT",
              help="De poort op 127.0.0.1; 0 kiest een vrije poort.")
def voorbeeld(inputs, poort: int) -> None:
    """Toon het rapport in de browser terwijl u schrijft.

    Start een server op 127.0.0.1 (alleen deze computer) en drukt het adres
    af; open dat in een browser. Na elke keer opslaan van een tekst, werkboek,
    rapport.yaml of correcties.yaml werkt de pagina zichzelf bij, op dezelfde
    plek. Wijs een berekend getal aan (of ga er met Tab naartoe) om te zien
    welke pilots het telt. Stoppen met Ctrl-C.
    """
    from report.preview.live import run_preview       # watchfiles and the server only for this command
    from report.preview.server import PortUnavailable

    if not inputs.is_dir():
        fail(f"de invoermap {inputs} bestaat niet of is geen map.")
    try:
        run_preview(inputs, poort, lambda line: click.echo(line))
    except PortUnavailable as error:
        fail(f"de server kan niet starten op poort {poort}: {error}. Kies een andere met --poort.")
