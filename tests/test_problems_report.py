"""The problem overview: in full for `check`, shortened for `build`, which runs again and again."""

from report.model import Problem, ProblemKind, Severity
from report.terminal.problems import format_problems, warning_summary


def _unanswered(pilot: str) -> Problem:
    return Problem(Severity.WARNING, f"vragenlijsten/{pilot}.xlsx",
                   f"Pilot '{pilot}': 1 vraag is niet beantwoord en telt als onbekend / niet ingevuld: B3b.",
                   kind=ProblemKind.UNANSWERED)


ERROR = Problem(Severity.ERROR, "codering.xlsx", "Onbekende code.", sheet="Codering", cell="D4",
                question_id="K1", found="scheidn")
FIGURE = Problem(Severity.WARNING, "teksten", "Figuur 'K5' staat nergens in de tekst.")
PROBLEMS = [_unanswered("noord"), ERROR, _unanswered("zuid"), FIGURE,
            Problem(Severity.WARNING, "codering.xlsx", "Geen codering voor pilot 'oost'.",
                    kind=ProblemKind.UNCODED)]


def test_the_full_overview_lists_every_problem_under_its_file():
    overview = format_problems(PROBLEMS)
    assert overview.count("niet beantwoord") == 2 and "Geen codering" in overview
    assert overview.startswith("vragenlijsten/noord.xlsx\n  Waarschuwing: Pilot 'noord'")


def test_the_short_overview_keeps_errors_and_one_off_warnings_only():
    overview = format_problems(PROBLEMS, summarise_warnings=True)
    assert overview == ("codering.xlsx\n"
                        "  Fout: blad 'Codering', cel D4, vraag K1: Onbekende code. Gevonden: 'scheidn'.\n\n"
                        "teksten\n"
                        "  Waarschuwing: Figuur 'K5' staat nergens in de tekst.")


def test_the_summary_counts_recurring_warnings_per_kind_and_points_at_the_rest():
    assert warning_summary(PROBLEMS) == (
        "4 waarschuwingen: 2 pilots met onbeantwoorde vragen, 1 pilot zonder codering, "
        "1 hierboven. Details: make_report.py check")
    assert warning_summary([FIGURE]) == "1 waarschuwing, zie hierboven."
    assert warning_summary([ERROR]) == ""
