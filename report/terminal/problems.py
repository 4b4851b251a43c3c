"""Turn the problems of a run into the Dutch overview a consultant reads.

`check` prints it; `stats` and `build` print the same overview before they
refuse to continue, so a user sees one format whatever command they ran.
`build`, run again and again while a report is written, prints errors in
full but counts the warnings that recur per pilot (`check` lists them).
"""

from __future__ import annotations

from collections import Counter

import click

from report.dutch import counted
from report.model import Problem, Severity
from report.read import ReadResult
from report.text import for_terminal


def group_by_file(problems: list[Problem]) -> dict[str, list[Problem]]:
    """Problems per file, files in the order they were first reported."""
    groups: dict[str, list[Problem]] = {}
    for problem in problems:
        groups.setdefault(problem.file, []).append(problem)
    return groups


def format_problems(problems: list[Problem], *, summarise_warnings: bool = False) -> str:
    """A heading per file and one indented line per problem; empty without problems.

    `summarise_warnings` leaves out the warnings that recur per pilot (those with
    a kind), for commands run again and again: warning_summary counts them.
    """
    if summarise_warnings:
        problems = [problem for problem in problems if not _recurring(problem)]
    blocks = []
    for file, group in group_by_file(problems).items():
        lines = [file] + [f"  {problem.format(with_file=False)}" for problem in group]
        blocks.append("\n".join(lines))
    return for_terminal("\n\n".join(blocks))     # file names and cells may hold escape sequences


def warning_summary(problems: list[Problem]) -> str:
    """One line counting the warnings per kind, for the overview format_problems shortened.

    "29 waarschuwingen: 29 pilots met onbeantwoorde vragen. Details: make_report.py check";
    warnings without a kind were printed above, and the line says so.
    """
    warnings = [problem for problem in problems if problem.severity is Severity.WARNING]
    if not warnings:
        return ""
    total = _number(len(warnings), "waarschuwing", "waarschuwingen")
    kinds = Counter(problem.kind for problem in warnings if _recurring(problem))
    if not kinds:
        return f"{total}, zie hierboven."
    parts = [_number(number, *kind.value) for kind, number in kinds.items()]
    if shown := len(warnings) - kinds.total():
        parts.append(f"{shown} hierboven")
    return f"{total}: {', '.join(parts)}. Details: make_report.py check"


def echo_summarised(problems: list[Problem]) -> None:
    """Print errors and one-off warnings in full and count the recurring ones, on stderr.

    For the commands a consultant runs again and again (`build`, `figuren`,
    `codering`); `check` lists every warning.
    """
    overview = format_problems(problems, summarise_warnings=True)
    if overview:
        click.echo(overview + "\n", err=True)
    if warnings := warning_summary(problems):
        click.echo(warnings, err=True)


def summary(result: ReadResult) -> str:
    errors = sum(problem.is_error for problem in result.problems)
    warnings = sum(problem.severity is Severity.WARNING for problem in result.problems)
    corrections = f" en {_number(result.corrections, 'correctie', 'correcties')}" if result.corrections else ""
    line = (f"{_number(len(result.pilots), 'pilot', 'pilots')} gelezen uit "
            f"{_number(result.workbooks, 'werkboek', 'werkboeken')}{corrections}; "
            f"{_number(errors, 'fout', 'fouten')}, {_number(warnings, 'waarschuwing', 'waarschuwingen')}.")
    if errors:
        line += " Los de fouten op en controleer opnieuw; zolang er fouten zijn, wordt er niets gemaakt."
    return line


def echo_problems(result: ReadResult, *, err: bool = False) -> bool:
    """Print the overview and the summary; True when the run has errors (callers exit 1)."""
    overview = format_problems(result.problems)
    if overview:
        click.echo(overview + "\n", err=err)
    click.echo(summary(result), err=err)
    return result.has_errors


def _number(n: int, singular: str, plural: str) -> str:
    """A count as the terminal shows it: always in digits, "0 fouten"."""
    return counted(n, singular, plural, digits=True)


def _recurring(problem: Problem) -> bool:
    return problem.severity is Severity.WARNING and problem.kind is not None
