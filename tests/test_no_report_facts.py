"""report/ and templates/ know no fact of one report: the example's report type is data.

Every question ID, choice code, label, question text, section title and figure
title of the bundled example lives in `inputs/codeboek.yaml` and
`inputs/rapportvorm.yaml`; this test takes them from there and fails when one
of them is typed into the package or the templates again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TYPE, ROOT

SCANNED = [*sorted((ROOT / "report").rglob("*.py")),
           *sorted(p for p in (ROOT / "templates").rglob("*") if p.suffix in {".html", ".css", ".j2", ".xml"})]

# Words of the example that are also the pipeline's own vocabulary, each with why it may stay.
GENERIC = {
    "ja": "yes/no flags of the YAML files",
    "nee": "yes/no flags of the YAML files",
    "lang": "a questionnaire variant, the pipeline's concept",
    "kort": "a questionnaire variant, the pipeline's concept",
    "aanvulling": "a questionnaire variant, the pipeline's concept",
    "anders": "the code of 'other, namely', the pipeline's convention for multiple choice",
    "geen": "the Dutch word for none",
    "onbekend": "the place of a comment that cannot be traced",
    "Naam": "the coding workbook's name column, the pipeline's own",
    "Pilot-ID": "the coding workbook's key column, the pipeline's own",
    "Anders": "the label of the other-code, the pipeline's convention",
    "Looptijd": "the default label of a factsheet's period",
    "niet ingevuld": "how an unanswered question reads unless the engagement says otherwise",
}


def _facts() -> dict[str, set[str]]:
    codebook = EXAMPLE_TYPE.codebook
    everything = codebook.questions + codebook.coding_columns
    ids = {q.id for q in everything}
    codes = {c.code for q in everything for c in q.choices}
    words = {q.short_label for q in everything} | {q.text for q in everything} | {q.header for q in everything} \
        | {c.label for q in everything for c in q.choices} | {s.title for s in codebook.sections} \
        | {codebook.coding_section.title} | {f.title for f in EXAMPLE_TYPE.figures}
    # A one-word label shorter than ten letters ("Type", "Start") is an ordinary word, not a fact.
    words = {w for w in words if " " in w.strip() or len(w) >= 10}
    return {"ids": ids - set(GENERIC), "codes": codes - set(GENERIC), "words": words - set(GENERIC)}


FACTS = _facts()


def _id_pattern(qid: str) -> str:
    """An ID anywhere as a word; one shaped like a spreadsheet cell (A1) only where code passes it as a question."""
    if re.fullmatch(r"[A-Z]\d", qid):
        quoted = rf"[\"']{qid}[\"']"
        return rf"\w\({quoted}|{quoted}\s*,\s*[\"'][A-Z]\d|[\"'][A-Z]\d+[\"']\s*,\s*{quoted}|\({qid}\)|vraag {qid}\b"
    return rf"(?<![\w-]){re.escape(qid)}(?![\w-])"


def _hits(text: str) -> list[str]:
    found = []
    for qid in FACTS["ids"]:
        if re.search(_id_pattern(qid), text):
            found.append(f"vraag-ID {qid}")
    for code in FACTS["codes"]:
        if re.search(rf"[\"']{re.escape(code)}[\"']", text):
            found.append(f"code {code!r}")
    for words in FACTS["words"]:
        if re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text):
            found.append(f"tekst {words!r}")
    return sorted(found)


def test_the_facts_come_from_the_example_and_are_many():
    assert {"A3", "K6"} <= FACTS["ids"] and len(FACTS["codes"]) > 50 and len(FACTS["words"]) > 100


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_fact_of_the_example_in_the_code(path: Path):
    assert _hits(path.read_text(encoding="utf-8")) == []


def test_the_scan_finds_a_fact_that_creeps_back():
    assert _hits('FIGURES = (_figure("K1", "Verdeling pilots naar rechtsgebied of domein"),)') == [
        "tekst 'Verdeling pilots naar rechtsgebied of domein'", "vraag-ID K1"]
    assert _hits("value = pilot.value('scheiden')") == ["code 'scheiden'"]
