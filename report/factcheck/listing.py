"""Turn what processing the returned forms did into the Dutch report the team reads.

First what was added to correcties.yaml, then what was not and why, then the
problems that stopped the run: the team acts on the last two groups.
"""

from __future__ import annotations

from report.dutch import counted
from report.factcheck.returns import Outcome
from report.model import has_errors
from report.read.values import as_text
from report.terminal.problems import format_problems


def format_outcome(outcome: Outcome) -> str:
    lines = [f"{counted(outcome.forms, 'formulier', 'formulieren')} gelezen; "
             f"{counted(outcome.unchanged, 'waarde', 'waarden')} ongewijzigd, "
             f"{counted(outcome.already, 'waarde', 'waarden')} al eerder verwerkt."
             + (" Het overzicht van de pakketten is overgeslagen." if outcome.own else "")]
    if outcome.applied:
        heading = ("Klaar om toe te voegen zodra de fouten hieronder zijn opgelost" if has_errors(outcome.problems)
                   else "Toegevoegd aan correcties.yaml")
        lines.append(f"\n{heading} ({len(outcome.applied)}):")
        lines += [f"  - {f.pilot.id} {f.pilot.name}, vraag {f.row.question_id}: "
                  f"{f.row.sent} → {as_text(f.row.value)}  ({f.place})" for f in outcome.applied]
    elif not outcome.problems:
        lines.append("Er is niets toegevoegd aan correcties.yaml.")
    if outcome.not_applied:
        lines.append(f"\nNiet verwerkt ({len(outcome.not_applied)}); beslis zelf en pas zo nodig "
                     "correcties.yaml aan:")
        lines += [f"  - {f.pilot.id} {f.pilot.name}, vraag {f.row.question_id}: "
                  f"{as_text(f.row.value)}: {why}  ({f.place})" for f, why in outcome.not_applied]
    if outcome.problems:
        lines.append("\n" + format_problems(outcome.problems))
        lines.append("Door deze fouten is correcties.yaml niet aangepast; verbeter of verwijder de "
                     "genoemde formulieren en verwerk de map opnieuw.")
    return "\n".join(lines)
