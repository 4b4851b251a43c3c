"""Turn an engagement folder's report type (codeboek.yaml, rapportvorm.yaml) into a checked ReportType.

A consultant edits these two files to start an engagement, so they are read
like every hand-edited file (report.yaml_nodes: bounded, any encoding) and
checked as a whole: every mistake is a Dutch problem naming the file and the
line, all of them in one run, and the report type is only made when there
are none. The schema is the tables of keys below: each key with what it
holds, as the messages name it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from report.engagement.codebook import (
    CODING_SECTION_KEY, MULTI_HINT, OTHER_CODE, AnswerKind, Choice, Codebook, Question, Role, Section, Variant,
)
from report.engagement.active import activate
from report.engagement.reporttype import PERIOD_LABEL, CaseRule, FactsheetLayout, FactsheetPart, ReportType
from report.figures.spec import CHART_KINDS, FigureSpec, bin_choices
from report.engagement.folders import CODEBOOK_FILE, REPORT_TYPE_FILE
from report.model import NOT_ANSWERED, Problem, Severity
from report.yaml_nodes import keyed, line_of, read_nodes, text_of

CODEBOOK_KEYS = {
    "titel": "de titel boven de lege vragenlijsten",
    "secties": "de secties van de vragenlijst, elk met sleutel en titel",
    "vragen": "de vragen, in de volgorde van de vragenlijst",
    "codering": "het codeerwerkboek van de onderzoekers: titel en kolommen",
}
SECTION_KEYS = {"sleutel": "een korte sleutel, bijvoorbeeld a", "titel": "de kop in vragenlijst en factsheet"}
QUESTION_KEYS = {
    "id": "de vraag-ID, bijvoorbeeld A3 (letters en cijfers, uniek)",
    "sectie": "de sleutel van de sectie",
    "soort": "tekst, keuze, meerkeuze, datum of getal",
    "vraag": "de vraag zoals de vragenlijst hem stelt",
    "label": "het korte label in factsheets, figuren en meldingen",
    "keuzes": "bij keuze en meerkeuze: de codes met hun label, elk als 'code: Label'",
    "kort": "ja als de korte vragenlijst de vraag ook stelt (de lange stelt alle vragen)",
    "verplicht": "ja als de vraag ingevuld moet zijn",
    "persoonlijk": "ja bij persoonsgegevens: nooit in het rapport",
    "uitleg": "de grijze hulptekst onder de vraag",
    "rol": "wat de vraag voor de pijplijn betekent: " + ", ".join(Role.ALL),
}
CODING_KEYS = {"titel": "de titel van het codeerwerkboek", "kolommen": "de codeerkolommen"}
COLUMN_KEYS = {key: QUESTION_KEYS[key] for key in ("id", "soort", "vraag", "label", "keuzes", "uitleg")} | {
    "kop": "de kolomkop in het codeerwerkboek (standaard: ID en label)"}
REPORT_TYPE_KEYS = {
    "figuren": "de figuren: vraag, titel, volgorde, soort",
    "factsheet": "de factsheet per pilot: kop, labels, secties, looptijd, onbeantwoord",
    "kader": "de casus als kader: verhaal, titel, paragraaf",
    "wederhoor": "welke antwoorden de pilots in de wederhoor bevestigen",
    "statistiek": "de vragen waarvan make_report.py stats de verdeling geeft",
}
FIGURE_KEYS = {
    "vraag": "de vraag-ID of codeerkolom die de figuur toont",
    "titel": "het bijschrift",
    "volgorde": "aantal (grootste eerst) of codeboek (de volgorde van de keuzes, voor een schaal; "
                "standaard bij een verdeling)",
    "soort": " of ".join(CHART_KINDS),
    "klassen": "bij soort verdeling: de ondergrenzen van de klassen, oplopend vanaf 0",
    "sleutel": "hoe de tekst de figuur noemt (standaard de vraag-ID)",
}
FACTSHEET_KEYS = {
    "kop": "de vragen bovenaan, naast de looptijd",
    "labels": "de vragen in de strook met labels",
    "secties": "de secties: sectie, vragen (standaard alle van die sectie), casus: ja",
    "looptijd": "het label van de periode van start tot einde",
    "onbeantwoord": "wat er staat bij een onbeantwoorde vraag",
}
PART_KEYS = {"sectie": "de sleutel van een sectie van het codeboek", "vragen": "de vragen, in volgorde",
             "casus": "ja als deze sectie de casus als kader toont"}
CASE_KEYS = {"verhaal": "de open vraag met de casus", "titel": "de open vraag met de titel van de casus",
             "paragraaf": "de codeerkolom met het paragraafnummer waar het kader komt"}
FACTCHECK_KEYS = {"vragen": "de vragen op het formulier (standaard: wat de factsheet toont, en de casus)"}
YES_NO = {"ja": True, "nee": False}
ORDERS = {"aantal": "count", "codeboek": "codebook"}

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,11}")
_CODE = re.compile(r"[^\s;:,][^;:,\n]{0,39}")
_CHOICE_KINDS = (AnswerKind.CHOICE, AnswerKind.MULTI)


def load_report_type(folder: Path) -> tuple[ReportType | None, list[Problem]]:
    """The folder's report type, or None with every problem found in its two files."""
    codebook_reader = _Reader(folder / CODEBOOK_FILE, CODEBOOK_FILE)
    codebook = codebook_reader.codebook()
    problems = codebook_reader.problems
    if codebook is None:
        return None, problems
    form_reader = _Reader(folder / REPORT_TYPE_FILE, REPORT_TYPE_FILE)
    report_type = form_reader.report_type(codebook, str(folder))
    problems += form_reader.problems
    return (report_type if not problems else None), problems


def activate_folder(folder: Path) -> list[Problem]:
    """Load the folder's report type and make it the active one; the problems when it cannot be."""
    report_type, problems = load_report_type(folder)
    if report_type is not None:
        activate(report_type)
    return problems


def _capital(text: str) -> str:
    """The first letter in capitals and the rest as written (str.capitalize would lower an ID)."""
    return text[:1].upper() + text[1:]


class _Reader:
    """Walks one file's nodes; every complaint becomes a problem naming the file and line."""

    def __init__(self, path: Path, name: str):
        self.path = path
        self.name = name
        self.problems: list[Problem] = []

    def complain(self, line: int | None, message: str, question_id: str | None = None) -> None:
        self.problems.append(Problem(Severity.ERROR, self.name, message,
                                     cell=f"regel {line}" if line else None, question_id=question_id))

    def root(self, keys: dict[str, str], required: tuple[str, ...]) -> dict[str, yaml.Node] | None:
        if not self.path.is_file():
            self.complain(None, f"Het bestand ontbreekt in de invoermap {self.path.parent}. Begin een nieuwe "
                                "opdracht met make_report.py nieuw MAP, of neem het bestand over van een eerdere.")
            return None
        node = read_nodes(self.path, self.complain)
        if node is None:
            if not self.problems:
                self.complain(None, "Het bestand is leeg.")
            return None
        fields = self.mapping(node, keys, "het bestand")
        for key in required:
            if fields is not None and key not in fields:
                self.complain(line_of(node), f"De sleutel '{key}' ontbreekt: {keys[key]}.")
        return fields

    # -- the shapes every key holds ------------------------------------------------------------

    def mapping(self, node: yaml.Node, keys: dict[str, str], where: str) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.complain(line_of(node), f"Verwacht in {where} sleutels met een waarde ('sleutel: waarde'); "
                                         f"bekende sleutels: {', '.join(keys)}.")
            return None
        return keyed(node, keys, where, self.complain)

    def items(self, node: yaml.Node | None, what: str) -> list[yaml.Node]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.complain(line_of(node), f"Verwacht een lijst met {what}, elk op een regel die begint met '- '.")
            return []
        return list(node.value)

    def text(self, fields: dict[str, yaml.Node], key: str, where: str, required: bool = True) -> str:
        node = fields.get(key)
        if node is None:
            if required:
                self.complain(None, f"In {where} ontbreekt de sleutel '{key}'.")
            return ""
        found = text_of(node)
        if found is None or (required and not found):
            self.complain(line_of(node), f"De sleutel '{key}' in {where} verwacht één tekst, niet leeg.")
            return ""
        return found

    def flag(self, fields: dict[str, yaml.Node], key: str, where: str) -> bool:
        node = fields.get(key)
        if node is None:
            return False
        found = (text_of(node) or "").casefold()
        if found not in YES_NO:
            self.complain(line_of(node), f"De sleutel '{key}' in {where} is ja of nee.")
            return False
        return YES_NO[found]

    def ids(self, node: yaml.Node | None, where: str, known: Callable[[str], Question | None]) -> tuple[str, ...]:
        """A list of question IDs, each known to the codebook, as the codebook spells them."""
        found = []
        for item in self.items(node, "vraag-ID's"):
            qid = text_of(item) or ""
            question = known(qid)
            if question is None:
                self.complain(line_of(item), f"{where} noemt een onbekende vraag '{qid}'; die staat niet in "
                                             f"{CODEBOOK_FILE}.", question_id=qid or None)
            elif question.id in found:
                self.complain(line_of(item), f"{where} noemt vraag {question.id} twee keer.", question.id)
            else:
                found.append(question.id)
        return tuple(found)

    # -- codeboek.yaml -------------------------------------------------------------------------

    def codebook(self) -> Codebook | None:
        fields = self.root(CODEBOOK_KEYS, ("secties", "vragen"))
        if fields is None:
            return None
        sections = self.sections(fields.get("secties"))
        seen: dict[str, int | None] = {}
        questions = tuple(q for q in (self.question(node, sections, seen)
                                      for node in self.items(fields.get("vragen"), "vragen")) if q)
        coding_title, columns = self.coding(fields.get("codering"), seen)
        self.roles(questions, line_of(fields.get("vragen")))
        if self.problems:
            return None
        return Codebook(title=self.text(fields, "titel", "het bestand", required=False) or "Vragenlijst",
                        sections=sections, questions=questions,
                        coding_section=Section(CODING_SECTION_KEY, coding_title), coding_columns=columns)

    def sections(self, node: yaml.Node | None) -> tuple[Section, ...]:
        found: dict[str, Section] = {}
        for item in self.items(node, "secties"):
            fields = self.mapping(item, SECTION_KEYS, "deze sectie")
            if fields is None:
                continue
            key, title = self.text(fields, "sleutel", "deze sectie"), self.text(fields, "titel", "deze sectie")
            if key in found:
                self.complain(line_of(item), f"De sectie '{key}' staat twee keer in de lijst.")
            elif key == CODING_SECTION_KEY:
                self.complain(line_of(item), f"De sleutel '{key}' is voor de codeerkolommen; kies een andere.")
            elif key and title:
                found[key] = Section(key, title)
        return tuple(found.values())

    def question(self, node: yaml.Node, sections: tuple[Section, ...], seen: dict[str, int | None],
                 coding: bool = False) -> Question | None:
        keys = COLUMN_KEYS if coding else QUESTION_KEYS
        fields = self.mapping(node, keys, "deze codeerkolom" if coding else "deze vraag")
        if fields is None:
            return None
        qid = self.text(fields, "id", "deze vraag")
        where = f"{'codeerkolom' if coding else 'vraag'} {qid or '(zonder id)'}"
        if qid and not _ID.fullmatch(qid):
            self.complain(line_of(fields["id"]), f"De ID '{qid}' is geen geldige vraag-ID: begin met een "
                                                 "letter, daarna letters en cijfers, hoogstens 12 tekens.")
        elif qid.casefold() in seen:
            self.complain(line_of(fields["id"]), f"De ID '{qid}' komt twee keer voor (ook op regel "
                                                 f"{seen[qid.casefold()]}); elke vraag heeft een eigen ID.", qid)
        seen[qid.casefold()] = line_of(fields.get("id"))
        kind = self.kind(fields.get("soort"), where)
        section = CODING_SECTION_KEY if coding else self.text(fields, "sectie", where)
        if section and not coding and section not in {s.key for s in sections}:
            self.complain(line_of(fields["sectie"]), f"{_capital(where)} hoort bij een onbekende sectie "
                          f"'{section}'. Bekende secties: {', '.join(s.key for s in sections)}.", qid)
        choices = self.choices(fields.get("keuzes"), kind, where, qid)
        text, label = self.text(fields, "vraag", where), self.text(fields, "label", where)
        help_text = self.text(fields, "uitleg", where, required=False)
        if kind is AnswerKind.MULTI and not help_text:
            help_text = MULTI_HINT
        if coding:
            return Question(qid, CODING_SECTION_KEY, text, kind or AnswerKind.TEXT, label, choices, help=help_text,
                            header=self.text(fields, "kop", where, required=False) or f"{qid} {label}")
        role = self.text(fields, "rol", where, required=False)
        if role and role not in Role.ALL:
            self.complain(line_of(fields["rol"]), f"Onbekende rol '{role}' bij {where}. Bekende rollen: "
                                                  f"{', '.join(Role.ALL)}.", qid)
        return Question(qid, section, text, kind or AnswerKind.TEXT, label, choices,
                        in_short=self.flag(fields, "kort", where), required=self.flag(fields, "verplicht", where),
                        personal=self.flag(fields, "persoonlijk", where), help=help_text, role=role)

    def kind(self, node: yaml.Node | None, where: str) -> AnswerKind | None:
        kinds = {k.value: k for k in AnswerKind}
        text = text_of(node) if node is not None else None
        if text not in kinds:
            self.complain(line_of(node), f"{_capital(where)}: onbekende soort '{text or ''}'. Kies uit "
                                         f"{', '.join(kinds)}.")
            return None
        return kinds[text]

    def choices(self, node: yaml.Node | None, kind: AnswerKind | None, where: str, qid: str) -> tuple[Choice, ...]:
        if kind not in _CHOICE_KINDS:
            if node is not None and kind is not None:
                self.complain(line_of(node), f"{_capital(where)} is een {kind.value}vraag en heeft dus geen "
                                             "keuzes; maak er een keuze- of meerkeuzevraag van.", qid)
            return ()
        if not isinstance(node, yaml.MappingNode) or not node.value:
            self.complain(line_of(node), f"{_capital(where)} is een {kind.value}vraag: geef onder 'keuzes:' "
                                         "elke keuze op een eigen regel als 'code: Label'.", qid)
            return ()
        choices: dict[str, Choice] = {}
        labels: dict[str, str] = {}
        for code_node, label_node in node.value:
            code, label = text_of(code_node) or "", text_of(label_node) or ""
            line = line_of(code_node)
            if not _CODE.fullmatch(code):
                self.complain(line, f"{_capital(where)}: de code '{code}' kan niet; een code heeft geen "
                                    "puntkomma, dubbele punt of komma en hoogstens 40 tekens.", qid)
            elif code.casefold() in {c.casefold() for c in choices}:
                self.complain(line, f"{_capital(where)}: de code '{code}' staat twee keer in de keuzes.", qid)
            elif not label:
                self.complain(line, f"{_capital(where)}: de code '{code}' heeft geen label.", qid)
            elif label.casefold() in labels:
                self.complain(line, f"{_capital(where)}: het label '{label}' hoort al bij code "
                                    f"'{labels[label.casefold()]}'; elk antwoord heeft een eigen label.", qid)
            else:
                choices[code] = Choice(code, label)
                labels[label.casefold()] = code
        if kind is AnswerKind.CHOICE and OTHER_CODE in choices:
            self.complain(line_of(node), f"{_capital(where)}: de code '{OTHER_CODE}' met een eigen tekst "
                                         "kan alleen bij een meerkeuzevraag.", qid)
        return tuple(choices.values())

    def coding(self, node: yaml.Node | None, seen: dict[str, int | None]) -> tuple[str, tuple[Question, ...]]:
        title = "Codering"
        if node is None:
            return title, ()
        fields = self.mapping(node, CODING_KEYS, "'codering'")
        if fields is None:
            return title, ()
        title = self.text(fields, "titel", "'codering'", required=False) or title
        columns = (self.question(item, (), seen, coding=True) for item in self.items(fields.get("kolommen"),
                                                                                      "codeerkolommen"))
        return title, tuple(c for c in columns if c)

    def roles(self, questions: tuple[Question, ...], line: int | None) -> None:
        """Each role once; the required ones present, with the kind and codes the pipeline relies on."""
        by_role: dict[str, Question] = {}
        for q in questions:
            if q.role and q.role in by_role:
                self.complain(line, f"De rol '{q.role}' hoort bij vraag {by_role[q.role].id} en bij vraag "
                                    f"{q.id}; elke rol hoort bij één vraag.", q.id)
            elif q.role:
                by_role[q.role] = q
        for role in Role.REQUIRED:
            if role not in by_role:
                self.complain(line, f"Geen vraag heeft de rol '{role}'; zet 'rol: {role}' bij de vraag die "
                                    "dat is. De pijplijn heeft die vraag nodig in elke vragenlijst.")
        expected = {Role.PILOT_ID: AnswerKind.TEXT, Role.NAME: AnswerKind.TEXT, Role.DOCUMENT: AnswerKind.CHOICE,
                    Role.START: AnswerKind.DATE, Role.END: AnswerKind.DATE, Role.CONTACT: AnswerKind.TEXT}
        for role, q in by_role.items():
            if q.kind is not expected[role]:
                self.complain(line, f"Vraag {q.id} heeft de rol '{role}' en moet dus een {expected[role].value}"
                                    f"vraag zijn, geen {q.kind.value}vraag.", q.id)
            elif role in Role.REQUIRED and not (q.in_short and q.required or role == Role.DOCUMENT):
                self.complain(line, f"Vraag {q.id} heeft de rol '{role}' en moet dus in elke vragenlijst staan "
                                    "en ingevuld zijn: zet 'kort: ja' en 'verplicht: ja'.", q.id)
        document = by_role.get(Role.DOCUMENT)
        variants = {v.value for v in Variant}
        if document is not None and document.kind is AnswerKind.CHOICE and set(document.codes) != variants:
            self.complain(line, f"Vraag {document.id} (rol '{Role.DOCUMENT}') heeft precies de codes "
                                f"{', '.join(sorted(variants))}; gevonden: {', '.join(document.codes)}.",
                          document.id)

    # -- rapportvorm.yaml ------------------------------------------------------------------------

    def report_type(self, codebook: Codebook, folder: str) -> ReportType | None:
        fields = self.root(REPORT_TYPE_KEYS, ("figuren", "factsheet"))
        if fields is None:
            return None
        case = self.case(fields.get("kader"), codebook)
        figures = self.figures(fields.get("figuren"), codebook)
        factsheet = self.factsheet(fields.get("factsheet"), codebook, case)
        factcheck = None
        if "wederhoor" in fields and (checked := self.mapping(fields["wederhoor"], FACTCHECK_KEYS, "'wederhoor'")):
            factcheck = self.ids(checked.get("vragen"), "De wederhoor", codebook.find)
            self.no_personal(checked.get("vragen"), factcheck, codebook, "De wederhoor")
        stats = self.stats(fields.get("statistiek"), codebook)
        if self.problems or factsheet is None:
            return None
        return ReportType(codebook, figures, factsheet, case, factcheck, stats, folder)

    def figures(self, node: yaml.Node | None, codebook: Codebook) -> tuple[FigureSpec, ...]:
        found: dict[str, FigureSpec] = {}
        for item in self.items(node, "figuren"):
            fields = self.mapping(item, FIGURE_KEYS, "deze figuur")
            if fields is None:
                continue
            qid = self.text(fields, "vraag", "deze figuur")
            title = self.text(fields, "titel", f"figuur {qid}")
            question = codebook.find(qid)
            if qid and question is None:
                self.complain(line_of(fields["vraag"]), f"Figuur '{title}' toont een onbekende vraag '{qid}'.", qid)
                continue
            if question is None:
                continue
            key = self.text(fields, "sleutel", "deze figuur", required=False) or question.id
            kind = self.choice_of(fields, "soort", {k: k for k in CHART_KINDS}, "staaf", f"figuur {key}")
            # Classes of a number are a scale: they keep their order unless the figure says otherwise.
            order = self.choice_of(fields, "volgorde", ORDERS, "codeboek" if kind == "verdeling" else "aantal",
                                   f"figuur {key}")
            line = line_of(item)
            bins = self.bins(fields.get("klassen"), kind, key, line)
            if kind == "staaf" and question.kind not in _CHOICE_KINDS:
                self.complain(line, f"Figuur {key} ('{title}') kan niet worden getekend: vraag {question.id} "
                              f"({question.short_label}) is een {question.kind.value}vraag; tellen kan alleen bij keuzevragen. Een open vraag "
                              "krijgt eerst een codeerkolom met codes; een getalvraag wordt een 'soort: verdeling' "
                              "met klassen.", question.id)
            elif kind == "verdeling" and question.kind is not AnswerKind.NUMBER:
                self.complain(line, f"Figuur {key}: 'soort: verdeling' is voor een getalvraag; vraag {question.id} "
                                    f"is een {question.kind.value}vraag. Laat 'soort' weg voor staven per antwoord.",
                              question.id)
            if key in found:
                self.complain(line, f"Figuur {key} staat twee keer in de lijst met figuren; geef de tweede een "
                                    "eigen 'sleutel'.", question.id)
            found[key] = FigureSpec(key, question.id, title, order, kind, bins)
        return tuple(found.values())

    def choice_of(self, fields: dict[str, yaml.Node], key: str, allowed: dict[str, str], default: str,
                  where: str) -> str:
        node = fields.get(key)
        if node is None:
            return allowed[default]
        text = (text_of(node) or "").casefold()
        if text not in allowed:
            self.complain(line_of(node), f"{_capital(where)}: '{key}' is {' of '.join(allowed)}, niet '{text}'.")
            return allowed[default]
        return allowed[text]

    def bins(self, node: yaml.Node | None, kind: str, key: str, line: int | None) -> tuple[int, ...]:
        if kind != "verdeling":
            if node is not None:
                self.complain(line_of(node), f"Figuur {key}: 'klassen' horen alleen bij 'soort: verdeling'.")
            return ()
        texts = [text_of(item) or "" for item in self.items(node, "ondergrenzen")]
        if not texts or not all(t.isdigit() for t in texts):
            self.complain(line_of(node) or line, f"Figuur {key}: geef onder 'klassen' de ondergrenzen als hele getallen, "
                                         "bijvoorbeeld [0, 10, 50].")
            return ()
        bins = tuple(int(t) for t in texts)
        if bins[0] != 0 or list(bins) != sorted(set(bins)):
            self.complain(line_of(node), f"Figuur {key}: de klassen beginnen bij 0 en lopen op, zonder dubbele.")
            return ()
        return bins if bin_choices(bins) else ()

    def factsheet(self, node: yaml.Node | None, codebook: Codebook, case: CaseRule | None) -> FactsheetLayout | None:
        fields = self.mapping(node, FACTSHEET_KEYS, "'factsheet'") if node is not None else None
        if fields is None:
            return None
        header = self.ids(fields.get("kop"), "De kop van de factsheet", codebook.find)
        tags = self.ids(fields.get("labels"), "De labels van de factsheet", codebook.find)
        parts = []
        for item in self.items(fields.get("secties"), "secties"):
            part = self.part(item, codebook, header + tags, case)
            if part is not None:
                parts.append(part)
        for key in ("kop", "labels"):
            self.no_personal(fields.get(key), header if key == "kop" else tags, codebook, "De factsheet")
        return FactsheetLayout(
            header=header, tags=tags, parts=tuple(parts),
            period_label=self.text(fields, "looptijd", "'factsheet'", required=False) or PERIOD_LABEL,
            not_answered=self.text(fields, "onbeantwoord", "'factsheet'", required=False) or NOT_ANSWERED)

    def part(self, node: yaml.Node, codebook: Codebook, elsewhere: tuple[str, ...],
             case: CaseRule | None) -> FactsheetPart | None:
        fields = self.mapping(node, PART_KEYS, "deze sectie van de factsheet")
        if fields is None:
            return None
        key = self.text(fields, "sectie", "deze sectie van de factsheet")
        section = next((s for s in codebook.sections if s.key == key), None)
        if section is None:
            if key:
                self.complain(line_of(fields["sectie"]), f"De factsheet noemt een onbekende sectie '{key}'. "
                              f"Bekende secties: {', '.join(s.key for s in codebook.sections)}.")
            return None
        if self.flag(fields, "casus", "deze sectie van de factsheet"):
            if case is None:
                self.complain(line_of(node), f"Sectie {key} van de factsheet toont de casus, maar er is geen "
                                             "'kader' dat zegt welke vraag de casus is.")
            return FactsheetPart(key, section.title, case=True)
        if "vragen" in fields:
            chosen = self.ids(fields["vragen"], f"Sectie {key} van de factsheet", codebook.find)
            self.no_personal(fields["vragen"], chosen, codebook, "De factsheet")
            return FactsheetPart(key, section.title, chosen)
        hidden = {*elsewhere, *((case.story, case.title) if case else ())}
        shown = tuple(q.id for q in codebook.questions
                      if q.section == key and not q.personal and not q.role and q.id not in hidden)
        return FactsheetPart(key, section.title, shown)

    def no_personal(self, node: yaml.Node | None, ids: tuple[str, ...], codebook: Codebook, where: str) -> None:
        for qid in ids:
            if codebook.find(qid).personal:
                self.complain(line_of(node), f"{where} noemt vraag {qid}, maar die bevat persoonsgegevens "
                                             "('persoonlijk: ja') en komt nooit in het rapport.", qid)

    def case(self, node: yaml.Node | None, codebook: Codebook) -> CaseRule | None:
        if node is None:
            return None
        fields = self.mapping(node, CASE_KEYS, "'kader'")
        if fields is None:
            return None
        before = len(self.problems)
        story = self.text(fields, "verhaal", "'kader'")
        title = self.text(fields, "titel", "'kader'", required=False)
        place = self.text(fields, "paragraaf", "'kader'", required=False)
        for key, qid, pool in (("verhaal", story, codebook.questions), ("titel", title, codebook.questions),
                               ("paragraaf", place, codebook.coding_columns)):
            question = next((q for q in pool if qid and q.id.casefold() == qid.casefold()), None)
            if qid and (question is None or question.kind is not AnswerKind.TEXT):
                what = "codeerkolom" if key == "paragraaf" else "vraag"
                self.complain(line_of(fields[key]), f"'kader' noemt bij '{key}' {qid}, maar dat is geen open "
                                                    f"{what} (soort tekst) van het codeboek.", qid)
        if len(self.problems) > before:
            return None
        ids = {q.id.casefold(): q.id for q in codebook.questions + codebook.coding_columns}
        return CaseRule(ids[story.casefold()], ids.get(title.casefold(), ""), ids.get(place.casefold(), ""))

    def stats(self, node: yaml.Node | None, codebook: Codebook) -> tuple[str, ...]:
        """The questions `stats` publishes; by default every choice question but the document kind."""
        if node is None:
            return tuple(q.id for q in codebook.questions + codebook.coding_columns
                         if q.kind in _CHOICE_KINDS and q.role != Role.DOCUMENT)
        ids = self.ids(node, "De statistiek", codebook.find)
        for qid in ids:
            if codebook.find(qid).kind not in _CHOICE_KINDS:
                self.complain(line_of(node), f"De statistiek noemt vraag {qid}, maar die is geen (meer)keuzevraag.",
                              qid)
        return ids
