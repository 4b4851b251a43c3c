"""The bundled example inputs reproduce every count and cross-link of the reference report.

Counts go through the public `stats --json` interface; the cross-link
statements go through the query API, as the narrative will compute them.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from report.analyse import count, crosstab, select
from report.engagement.codebook import AnswerKind, question
from report.cli import main
from report.read import read_inputs
from scripts.example_data.check import EXPECTED

INPUTS = Path(__file__).resolve().parents[1] / "inputs"

# question -> (counts, not_answered), from the one table of reference counts
# (scripts/example_data/check.py); not_answered None for multiple choice,
# where the reference gives no reading (the counts do not add up to the pilots).
REFERENCE = {
    qid: ({code: n for code, n in counts.items() if code is not None},
          None if question(qid).kind is AnswerKind.MULTI else counts.get(None, 0))
    for qid, counts in EXPECTED.items()
}


@pytest.fixture(scope="module")
def stats():
    result = CliRunner().invoke(main, ["stats", "--json", "--inputs", str(INPUTS)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def pilots():
    result = read_inputs(INPUTS)
    assert not [p for p in result.problems if p.is_error]
    return result.pilots


def test_thirty_pilots(stats):
    assert stats["pilots"] == 30


@pytest.mark.parametrize("qid", REFERENCE)
def test_reference_counts(stats, qid):
    counts, not_answered = REFERENCE[qid]
    entry = stats["questions"][qid]
    assert entry["counts"] == counts
    if not_answered is not None:
        assert entry["not_answered"] == not_answered


def test_nine_divosa_pilots(stats):
    assert stats["questions"]["P2"]["counts"]["divosa"] == 9


def test_divorce_pilots_are_mostly_online_products(pilots):
    divorce = select(pilots, K1="scheiden")
    assert len(divorce) == 6
    assert count(divorce, K3="product") == 4


def test_conflict_resolution_pilots_by_target_group_and_type(pilots):
    conflict = select(pilots, K1=("conflict-overheid", "conflict-algemeen"))
    assert len(conflict) == 8
    assert count(conflict, K2="rechtzoekenden") == 5
    assert count(conflict, K2=("sociaal-domein", "rechtshulpverleners")) == 3
    assert count(conflict, K3="product") == 3
    assert count(conflict, K3="werkwijze") == 5


def test_first_line_social_domain_pilots(pilots):
    social = select(pilots, K1="eerste-lijn-sociaal")
    assert len(social) == 7
    assert count(social, K2="sociaal-domein") == 5
    assert count(social, K2="rechtshulpverleners") == 2
    assert count(social, K3="werkwijze") == len(social) - 1


def test_rechtshulppakketten_pilots_are_mostly_divorce(pilots):
    packages = select(pilots, A3="rechtshulppakketten")
    assert len(packages) == 4
    assert count(packages, K1="scheiden") == 3
    assert count(packages, K1="conflict-overheid") == 1


def test_burgergerichte_overheid_pilots_are_all_but_one_werkwijze(pilots):
    citizen = select(pilots, A3="burgergerichte-overheid")
    assert len(citizen) == 14
    assert count(citizen, K3="werkwijze") == len(citizen) - 1


def test_not_continuing_equals_no_follow_up_and_includes_the_stopped(pilots):
    not_continuing = {p.id for p in select(pilots, B3="nee")}
    assert len(not_continuing) == 4
    assert not_continuing == {p.id for p in select(pilots, C2="geen-vervolg")}
    stopped = {p.id for p in select(pilots, B1="gestopt")}
    assert len(stopped) == 3
    assert stopped <= not_continuing


def test_reach_shows_no_clear_difference_between_werkwijze_and_product(pilots):
    """'No clear difference': per reach answer, the shares within werkwijze and
    within product pilots lie at most 20 percentage points apart (with eleven
    product pilots, one pilot moves a share by nine points)."""
    table = crosstab(pilots, "A8b", "K3")
    group_size = {k3: count(pilots, K3=k3) for k3 in ("werkwijze", "product")}
    for code in ("minder", "verwachting", "meer", "nvt", "onbekend"):
        shares = [table.counts[code][k3] / group_size[k3] for k3 in group_size]
        assert abs(shares[0] - shares[1]) <= 0.2, (code, table.counts[code])
