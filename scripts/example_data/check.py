"""Check the example data against the reference report: counts, cross-links, plausibility.

Turn the 30 records of `pilots.PILOTS` into a list of failures (empty when all
is well). Run it as ``python -m scripts.example_data.check`` from the project
root; it prints OK or the failures and exits non-zero on failure.

The expected numbers are those of the "Figures and the reference counts" table
and the cross-link bullets of the reference report spec; the allowed codes are
those of the questionnaire contract. Both are written out here on purpose, so
that this check does not depend on the pipeline code it is meant to feed.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from scripts.example_data.pilots import (
    LONG_ONLY_IDS,
    PILOTS,
    QUESTION_IDS,
    Pilot,
)

# ---------------------------------------------------------------------------
# The contract: allowed codes per choice / multiple-choice question
# ---------------------------------------------------------------------------

CODES: dict[str, tuple[str, ...]] = {
    "P2": ("divosa", "raad", "jenv"),
    "P8": ("lang", "kort", "aanvulling"),
    "A3": ("eerste-lijn-escalatie", "eerste-lijn-overig", "burgergerichte-overheid",
           "rechtshulppakketten", "anders"),
    "A6": ("ja", "deels", "nee", "nog-niet"),
    "A8b": ("minder", "verwachting", "meer", "nvt", "onbekend"),
    "A9": ("hjl", "wijkteam", "gemeente", "advocatuur", "mediators", "raad", "divosa", "uwv",
           "rechtswinkel", "sociaal-raadslieden", "clientondersteuning", "rechtspraak",
           "kennisinstelling", "anders"),
    "A10": ("geen", "maatwerk", "bestaand"),
    "A11": ("onbekend", "geen", "privaat", "publiek", "combinatie"),
    "B1": ("ja", "vertraagd", "afgerond", "gestopt"),
    "B3": ("ja", "afhankelijk", "onbekend", "nee"),
    "C2": ("aanwezig", "niet-nodig", "geen-vervolg", "onzeker", "niet-nagedacht"),
    "C3": ("ja", "nee", "in-voorbereiding"),
    "K1": ("scheiden", "eerste-lijn-breed", "eerste-lijn-sociaal", "conflict-overheid",
           "conflict-algemeen", "doorverwijzing", "wonen", "inkomen"),
    "K2": ("rechtzoekenden", "sociaal-domein", "rechtshulpverleners", "gemengd"),
    "K3": ("werkwijze", "product"),
    "K4": ("rechtzoekenden", "scheidende-ouders", "rechtshulpverleners", "bezwaarmakers",
           "wijkteam-juristen", "bezwaarmedewerkers", "sociaal-domein", "hjl-medewerkers",
           "clientondersteuners"),
    "K5": ("sociaal-juridisch", "eerste-lijn", "eerste-tweede-lijn", "tweede-lijn"),
}
MULTI = ("A3", "A9")
DATES = ("P6", "P7")
TEXTS = tuple(q for q in QUESTION_IDS if q not in CODES and q not in DATES and q != "A8")

# ---------------------------------------------------------------------------
# The reference counts (None = not answered)
# ---------------------------------------------------------------------------

EXPECTED: dict[str, dict[str | None, int]] = {
    "K1": {"scheiden": 6, "eerste-lijn-sociaal": 7, "eerste-lijn-breed": 5, "conflict-overheid": 6,
           "conflict-algemeen": 2, "doorverwijzing": 1, "wonen": 1, "inkomen": 2},
    "K2": {"rechtzoekenden": 14, "sociaal-domein": 8, "rechtshulpverleners": 5, "gemengd": 3},
    "K3": {"werkwijze": 19, "product": 11},
    "K4": {"rechtzoekenden": 6, "scheidende-ouders": 6, "rechtshulpverleners": 5, "bezwaarmakers": 4,
           "wijkteam-juristen": 3, "bezwaarmedewerkers": 3, "sociaal-domein": 1, "hjl-medewerkers": 1,
           "clientondersteuners": 1},
    "K5": {"sociaal-juridisch": 11, "eerste-lijn": 10, "eerste-tweede-lijn": 5, "tweede-lijn": 4},
    "A3": {"eerste-lijn-escalatie": 21, "burgergerichte-overheid": 14, "eerste-lijn-overig": 12,
           "rechtshulppakketten": 4, "anders": 2},
    "B3": {"ja": 9, "afhankelijk": 12, "onbekend": 5, "nee": 4},
    "C2": {"aanwezig": 2, "niet-nodig": 4, "geen-vervolg": 4, "onzeker": 12, "niet-nagedacht": 8},
    "A11": {"onbekend": 6, "geen": 10, "privaat": 5, "publiek": 6, "combinatie": 3},
    "A10": {"geen": 10, "maatwerk": 8, "bestaand": 7, None: 5},
    "A9": {"hjl": 16, "gemeente": 12, "wijkteam": 11, "advocatuur": 10, "divosa": 9, "raad": 7,
           "mediators": 6, "sociaal-raadslieden": 6, "anders": 5, "rechtswinkel": 4,
           "kennisinstelling": 4, "clientondersteuning": 3, "rechtspraak": 3, "uwv": 2},
    "A8b": {"minder": 9, "verwachting": 6, "meer": 5, "nvt": 6, "onbekend": 4},
    "B1": {"ja": 15, "vertraagd": 8, "afgerond": 4, "gestopt": 3},
}
EXPECTED_DIVOSA = 9

#: The case boxes of the report body (K6): the pilot whose case the reference shows there.
CASE_SECTIONS: dict[str, str] = {
    "2.1": "Berekenjescheiding.nl",
    "2.2": "Samen Recht Vinden",
    "3.3.2": "Zelfregie-route Scheiden (Uitelkaar.nl)",
    "3.3.4": "Dejuridiseren bij multiproblematiek in het sociaal domein (Tilburg)",
}

#: Pilots named in the reference report, and what the spec says about them.
NAMED: dict[str, dict[str, str]] = {
    "Berekenjescheiding.nl": {"K1": "scheiden", "K3": "product"},
    "Zelfregie-route Scheiden (Uitelkaar.nl)": {"K1": "scheiden", "K3": "product"},
    "Dejuridiseren bij multiproblematiek in het sociaal domein (Tilburg)":
        {"K1": "conflict-overheid", "P2": "divosa"},
    "Digitaal bezwaarplatform": {"K1": "conflict-overheid", "K3": "product", "P2": "jenv"},
    "Versterking samenwerking hJL en UWV": {"P2": "jenv"},
    "ADR ondersteuningstool": {"P2": "jenv"},
    "Rotterdam-Zuid (Hillesluis, later Feijenoord)": {"K1": "eerste-lijn-sociaal", "K3": "werkwijze"},
}
ROTTERDAM = "Rotterdam-Zuid (Hillesluis, later Feijenoord)"
BURGERGERICHTE_OVERHEID = ("Digitaal bezwaarplatform", "Versterking samenwerking hJL en UWV",
                           "ADR ondersteuningstool")
#: The report's footnote in 3.1 lists the sub-programme's pilots by this cluster label (K7).
BURGERGERICHTE_OVERHEID_CLUSTER = "Burgergerichte overheid"
REACH = ("minder", "verwachting", "meer")
REACH_MAX_SHARE_GAP = 0.10  # "no clear difference": shares within ten percentage points


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

def codes(pilot: Pilot, qid: str) -> tuple[str, ...]:
    """The codes of a choice or multiple-choice answer (empty when not answered)."""
    value = getattr(pilot, qid)
    if value is None:
        return ()
    if qid in MULTI:
        return tuple(item if isinstance(item, str) else item[0] for item in value)
    return (value,)


def count(pilots: Iterable[Pilot], qid: str) -> Counter:
    """How often each code occurs; None counts the pilots that did not answer."""
    tally: Counter = Counter()
    for pilot in pilots:
        given = codes(pilot, qid)
        tally.update(given or (None,))
    return tally


def where(pilots: Iterable[Pilot], test: Callable[[Pilot], bool]) -> list[Pilot]:
    return [p for p in pilots if test(p)]


def has(qid: str, code: str) -> Callable[[Pilot], bool]:
    return lambda p: code in codes(p, qid)


def parse_date(text: str) -> tuple[int, int, int] | None:
    """`jjjj-mm-dd` or `mm-jjjj` as (year, month, day); day 0 when only the month is known."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        y, mo, d = map(int, m.groups())
    elif m := re.fullmatch(r"(\d{2})-(\d{4})", text):
        mo, y, d = int(m[1]), int(m[2]), 0
    else:
        return None
    return (y, mo, d) if 1 <= mo <= 12 and 0 <= d <= 31 else None


def sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?=\s|$)", text))


def expect(failures: list[str], label: str, found: object, wanted: object) -> None:
    if found != wanted:
        failures.append(f"{label}: found {found!r}, expected {wanted!r}")


# ---------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------

def check_records(pilots: Sequence[Pilot]) -> list[str]:
    """Every record: identity, value types and codes, dates, provenance."""
    failures: list[str] = []
    expect(failures, "number of pilots", len(pilots), 30)
    keys = [p.P0.strip().lower() for p in pilots if p.P0]
    duplicates = sorted(k for k, n in Counter(keys).items() if n > 1)
    if duplicates:
        failures.append(f"P0 not unique: {duplicates}")
    for p in pilots:
        failures += [f"{p.P0}: {msg}" for msg in _record_problems(p)]
    failures += _split_problems(pilots)
    return failures


def _split_problems(pilots: Sequence[Pilot]) -> list[str]:
    """The short questionnaire went to the pilots the researchers already monitor: every Divosa
    pilot, part of the Raad pilots and the Rotterdam pilot; the long one to the rest."""
    out: list[str] = []
    short = [p for p in pilots if p.variant == "kort"]
    for p in pilots:
        monitored = p.P2 == "divosa" or p.P1 == ROTTERDAM
        if monitored and p.variant != "kort":
            out.append(f"{p.P0}: a pilot the researchers monitor gets the short questionnaire")
        if p.variant == "kort" and not monitored and p.P2 != "raad":
            out.append(f"{p.P0}: only monitored pilots and some Raad pilots get the short questionnaire")
    raad_short = sum(p.P2 == "raad" for p in short)
    if not 0 < raad_short < sum(p.P2 == "raad" for p in pilots):
        out.append(f"{raad_short} Raad pilots with the short questionnaire; expected some, not all")
    return out


def _record_problems(p: Pilot) -> list[str]:
    out: list[str] = []
    if not p.P0 or not p.P1:
        out.append("P0 and P1 are required")
    if p.P0 and not re.fullmatch(r"[A-Za-z0-9-]+", p.P0):
        out.append(f"P0 {p.P0!r} is not a short slug")
    for qid, allowed in CODES.items():
        for code in codes(p, qid):
            if code not in allowed:
                out.append(f"{qid}: unknown code {code!r}")
    for qid in MULTI:
        out += _multi_problems(qid, getattr(p, qid))
    if p.A8 is not None and (type(p.A8) is not int or p.A8 < 0):
        out.append(f"A8 must be a whole number >= 0 or None, not {p.A8!r}")
    for qid in TEXTS:
        value = getattr(p, qid)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            out.append(f"{qid}: text must be a non-empty str or None, not {value!r}")
    dates = {q: parse_date(getattr(p, q)) if getattr(p, q) else None for q in DATES}
    for q in DATES:
        if getattr(p, q) and dates[q] is None:
            out.append(f"{q}: {getattr(p, q)!r} is not jjjj-mm-dd or mm-jjjj")
    if dates["P6"] and dates["P7"] and dates["P6"][:2] > dates["P7"][:2]:
        out.append("P6 (start) is after P7 (end)")
    if not p.P5 or "@example.nl" not in p.P5:
        out.append("P5 must hold a fictitious name and an @example.nl address")
    out += _provenance_problems(p)
    out += _case_problems(p)
    return out


def _multi_problems(qid: str, value: object) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, tuple) or not value:
        return [f"{qid}: a multiple-choice answer is a non-empty tuple or None"]
    out = []
    for item in value:
        if isinstance(item, tuple) and (len(item) != 2 or item[0] != "anders" or not item[1]):
            out.append(f"{qid}: only ('anders', text) may carry free text, not {item!r}")
    found = [item if isinstance(item, str) else item[0] for item in value]
    if len(set(found)) != len(found):
        out.append(f"{qid}: a code is given twice")
    return out


def _provenance_problems(p: Pilot) -> list[str]:
    out: list[str] = []
    if p.variant not in ("lang", "kort"):
        out.append(f"variant {p.variant!r} is not lang or kort")
    if p.P8 != p.variant:
        out.append(f"P8 {p.P8!r} differs from variant {p.variant!r}")
    if p.variant == "lang" and p.supplement:
        out.append("a lang pilot has no supplement")
    if p.variant == "kort":
        if not p.supplement:
            out.append("a kort pilot needs a supplement")
        for qid in p.supplement:
            if qid not in QUESTION_IDS or qid in ("P0", "P1", "P8"):
                out.append(f"supplement names {qid!r}, which is not a question it can fill")
            elif getattr(p, qid) is None:
                out.append(f"supplement names {qid}, but the answer is empty")
        missing = [q for q in LONG_ONLY_IDS if getattr(p, q) is not None and q not in p.supplement]
        if missing:
            out.append(f"long-only answers {missing} must come from the supplement")
    return out


def _case_problems(p: Pilot) -> list[str]:
    out: list[str] = []
    if (p.D1 is None) != (p.D2 is None):
        out.append("D1 and D2 are given together or not at all")
    if p.D2 is not None:
        n, paragraphs = sentences(p.D2), p.D2.count("\n\n") + 1
        if not 3 <= n <= 6 or paragraphs > 2:
            out.append(f"D2 has {n} sentences in {paragraphs} paragraphs; expected 3-6 in 1-2")
    if p.K6 is not None and (p.D1 is None or p.D2 is None):
        out.append(f"K6 {p.K6} names a case box, but D1/D2 are empty")
    return out


def check_counts(pilots: Sequence[Pilot]) -> list[str]:
    """The reference counts of every figure and of the in-text numbers."""
    failures: list[str] = []
    for qid, wanted in EXPECTED.items():
        found = count(pilots, qid)
        if qid not in MULTI and None not in wanted:
            wanted = {**wanted, None: 0}
        diff = {k: (found.get(k, 0), n) for k, n in wanted.items() if found.get(k, 0) != n}
        extra = {k: n for k, n in found.items() if k not in wanted}
        if diff or extra:
            failures.append(f"{qid} counts differ (found, expected): {diff}; unexpected: {extra}")
    expect(failures, "P2 divosa", count(pilots, "P2")["divosa"], EXPECTED_DIVOSA)
    expect(failures, "P2 not answered", count(pilots, "P2")[None], 0)
    return failures


def check_cross_links(pilots: Sequence[Pilot]) -> list[str]:
    """The cross-links that the reference text states."""
    failures: list[str] = []

    divorce = where(pilots, has("K1", "scheiden"))
    expect(failures, "scheiden pilots that are a product", count(divorce, "K3")["product"], 4)

    conflict = where(pilots, lambda p: p.K1.startswith("conflict-"))
    k2 = count(conflict, "K2")
    expect(failures, "conflict pilots", len(conflict), 8)
    expect(failures, "conflict pilots aimed at rechtzoekenden", k2["rechtzoekenden"], 5)
    expect(failures, "conflict pilots aimed at professionals",
           k2["sociaal-domein"] + k2["rechtshulpverleners"], 3)
    expect(failures, "conflict pilots product/werkwijze",
           (count(conflict, "K3")["product"], count(conflict, "K3")["werkwijze"]), (3, 5))

    social = where(pilots, has("K1", "eerste-lijn-sociaal"))
    k2 = count(social, "K2")
    expect(failures, "eerste-lijn-sociaal pilots", len(social), 7)
    expect(failures, "eerste-lijn-sociaal K2 sociaal-domein/rechtshulpverleners",
           (k2["sociaal-domein"], k2["rechtshulpverleners"]), (5, 2))
    expect(failures, "eerste-lijn-sociaal werkwijze", count(social, "K3")["werkwijze"], len(social) - 1)

    packages = where(pilots, has("A3", "rechtshulppakketten"))
    expect(failures, "rechtshulppakketten pilots by K1", dict(count(packages, "K1")),
           {"scheiden": 3, "conflict-overheid": 1})

    citizen = where(pilots, has("A3", "burgergerichte-overheid"))
    expect(failures, "burgergerichte-overheid (A3) pilots that are a werkwijze",
           count(citizen, "K3")["werkwijze"], len(citizen) - 1)

    no_continue = {p.P0 for p in where(pilots, has("B3", "nee"))}
    no_funding = {p.P0 for p in where(pilots, has("C2", "geen-vervolg"))}
    stopped = {p.P0 for p in where(pilots, has("B1", "gestopt"))}
    expect(failures, "B3 nee pilots equal C2 geen-vervolg pilots", sorted(no_continue), sorted(no_funding))
    if not stopped <= no_continue:
        failures.append(f"B1 gestopt pilots {sorted(stopped - no_continue)} do not have B3 nee")

    failures += _reach_by_type(pilots)
    return failures


def _reach_by_type(pilots: Sequence[Pilot]) -> list[str]:
    """Reach against expectation: similar shares of minder/verwachting/meer for both types."""
    shares = {}
    for kind in ("werkwijze", "product"):
        tally = count(where(pilots, has("K3", kind)), "A8b")
        total = sum(tally[r] for r in REACH)
        shares[kind] = {r: tally[r] / total for r in REACH} if total else {}
    if not shares["werkwijze"] or not shares["product"]:
        return ["reach: a type has no pilot with minder/verwachting/meer"]
    gaps = {r: round(abs(shares["werkwijze"][r] - shares["product"][r]), 3) for r in REACH}
    if max(gaps.values()) > REACH_MAX_SHARE_GAP:
        return [f"reach differs between werkwijze and product pilots (share gaps {gaps})"]
    return []


def check_plausibility(pilots: Sequence[Pilot]) -> list[str]:
    """What the spec says about named pilots, programmes, case boxes and clusters."""
    failures: list[str] = []
    by_name = {p.P1: p for p in pilots}
    for name, wanted in NAMED.items():
        pilot = by_name.get(name)
        if pilot is None:
            failures.append(f"named pilot {name!r} is missing")
            continue
        for qid, code in wanted.items():
            expect(failures, f"{name} {qid}", getattr(pilot, qid), code)
    for name in BURGERGERICHTE_OVERHEID:
        pilot = by_name.get(name)
        if pilot and (pilot.P6 is None or parse_date(pilot.P6)[:2] < (2021, 6)):
            failures.append(f"{name}: a Burgergerichte-overheid pilot starts mid-2021 or later")

    divosa = where(pilots, has("P2", "divosa"))
    if count(divosa, "K5")["sociaal-juridisch"] * 2 <= len(divosa):
        failures.append("most Divosa pilots should be on the social-legal meeting point (K5)")
    for p in divosa:
        if p.P6 is None or parse_date(p.P6)[0] != 2021:
            failures.append(f"{p.P0}: Divosa pilots started in 2021")
    expect(failures, "pilots naming Divosa as partner (A9) are the Divosa pilots",
           sorted(p.P0 for p in where(pilots, has("A9", "divosa"))), sorted(p.P0 for p in divosa))

    expect(failures, "K6 case boxes", {p.K6: p.P1 for p in pilots if p.K6 is not None}, CASE_SECTIONS)

    expect(failures, f"pilots with K7 {BURGERGERICHTE_OVERHEID_CLUSTER!r}",
           sorted(p.P1 for p in pilots if p.K7 == BURGERGERICHTE_OVERHEID_CLUSTER),
           sorted(BURGERGERICHTE_OVERHEID))
    labels = {p.K7 for p in pilots if p.K7}
    if not 3 <= len(labels) <= 8:
        failures.append(f"K7: {len(labels)} cluster labels, expected a few (3-8)")
    return failures


def check(pilots: Sequence[Pilot]) -> list[str]:
    """All failures of the example data; empty when every count and cross-link holds."""
    return (check_records(pilots) + check_counts(pilots)
            + check_cross_links(pilots) + check_plausibility(pilots))


def main() -> int:
    failures = check(PILOTS)
    if failures:
        print(f"FAILED: {len(failures)} problem(s) in the example data")
        for failure in failures:
            print(f"  - {failure}")
        return 1
    n_kort = sum(p.variant == "kort" for p in PILOTS)
    print(f"OK: {len(PILOTS)} pilots ({len(PILOTS) - n_kort} lang, {n_kort} kort); "
          "every reference count and cross-link holds.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
