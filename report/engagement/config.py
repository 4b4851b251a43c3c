"""Turn inputs/rapport.yaml into the report's metadata, checked like any other input.

The consultants keep title, client, authors, version and status in one small
file they edit by hand after every review round. Keys are Dutch, because they
are the ones who type them; every mistake becomes a Problem naming the file,
the line and the key. Values are read as plain text by report.yaml_nodes
(YAML's own typing would turn version 1.10 into 1.1), then checked and
converted here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from report.document import Metadata, VersionEntry
from report.engagement.folders import CONFIG_FILE
from report.model import Problem, Severity
from report.dutch import slugify
from report.yaml_nodes import keyed, line_of, read_nodes, text_of
from report.text import has_controls

STATUSES = ("concept", "definitief")

# key -> what it holds, for messages; required keys first.
KEYS = {
    "titel": "titel van het rapport (omslag, kopregel, bestandsnaam)",
    "opdrachtgever": "opdrachtgever",
    "auteurs": "lijst met auteurs",
    "organisatie": "organisatie van de auteurs",
    "datum": "datum van deze versie (jjjj-mm-dd of dd-mm-jjjj)",
    "versie": "versienummer, bijvoorbeeld 0.3",
    "status": "concept of definitief",
    "ondertitel": "ondertitel",
    "onderwerp": "onderwerp in de documenteigenschappen",
    "colofon": "toelichting in het colofon",
    "versies": "versiegeschiedenis: lijst met versie, datum en wijziging",
    "correcties_markeren": "ja of nee: 'correctie' naast gecorrigeerde waarden in de factsheets "
                           "(standaard ja in een concept, nee in een definitief rapport)",
}
REQUIRED = ("titel", "opdrachtgever", "auteurs", "organisatie", "datum", "versie", "status")
HISTORY_KEYS = ("versie", "datum", "wijziging")
_VERSION = re.compile(r"^\d+(\.\d+)*$")
MAX_SLUG_CHARS = 80        # file names stay well below the 255 bytes a file system allows
MAX_VERSION_CHARS = 20
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y")


@dataclass(frozen=True)
class ReportConfig:
    """What the report says about itself (cover, colophon, document properties) and its file names."""

    meta: Metadata
    correction_marks: bool = True     # show *correctie* beside corrected factsheet values

    def output_name(self, suffix: str) -> str:
        """`<slug>-v<versie>[-concept]<suffix>`: concepts can never be mistaken for the final report."""
        concept = "-concept" if self.meta.is_concept else ""
        return f"{slugify(self.meta.title)[:MAX_SLUG_CHARS].rstrip('-')}-v{self.meta.version}{concept}{suffix}"


def load_config(inputs_dir: Path) -> tuple[ReportConfig | None, list[Problem]]:
    path = inputs_dir / CONFIG_FILE
    if not path.is_file():
        return None, [Problem(Severity.ERROR, CONFIG_FILE, f"Het bestand met de rapportgegevens ontbreekt in {inputs_dir}.")]
    reader = _Reader()
    root = read_nodes(path, reader.complain)
    if reader.problems:
        return None, reader.problems
    config = reader.config(root)
    return (None if reader.problems else config), reader.problems


class _Reader:
    """Walks the YAML nodes, so every message can name the line of the key."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def complain(self, line: int | None, message: str) -> None:
        self.problems.append(_problem(line, message))

    def config(self, root: yaml.Node | None) -> ReportConfig | None:
        fields = self.mapping(root, KEYS, "het bestand")
        for key in REQUIRED:
            if key not in fields:
                self.problems.append(_problem(None, f"Sleutel '{key}' ontbreekt ({KEYS[key]})."))
        if self.problems:
            return None
        meta = Metadata(
            title=self.text(fields["titel"], "titel"),
            subtitle=self.optional_text(fields, "ondertitel"),
            client=self.text(fields["opdrachtgever"], "opdrachtgever"),
            authors=self.authors(fields["auteurs"]),
            organisation=self.text(fields["organisatie"], "organisatie"),
            date=self.date(fields["datum"], "datum"),
            version=self.version(fields["versie"], "versie"),
            status=self.status(fields["status"]),
            subject=self.optional_text(fields, "onderwerp") or self.optional_text(fields, "ondertitel"),
            colophon_note=self.optional_text(fields, "colofon"),
            history=self.history(fields.get("versies")),
        )
        marks = fields.get("correcties_markeren")
        return ReportConfig(meta, meta.is_concept if marks is None else self.yes_no(marks, "correcties_markeren"))

    def mapping(self, node: yaml.Node | None, known: dict | tuple, where: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            self.problems.append(_problem(line_of(node), f"Verwacht in {where}: regels 'sleutel: waarde'."))
            return {}
        return keyed(node, known, where, self.complain)

    def text(self, node: yaml.Node, key: str) -> str:
        if text := text_of(node):
            if has_controls(str(node.value)):
                self.problems.append(replace(_problem(line_of(node), f"Sleutel '{key}': onzichtbare stuurtekens "
                                                      "verwijderd."), severity=Severity.WARNING))
            return text
        self.problems.append(_problem(line_of(node), f"Sleutel '{key}': verwacht een tekst ({KEYS.get(key, key)})."))
        return ""

    def optional_text(self, fields: dict[str, yaml.Node], key: str) -> str:
        return self.text(fields[key], key) if key in fields else ""

    def yes_no(self, node: yaml.Node, key: str) -> bool:
        raw = self.text(node, key).casefold()
        if raw not in ("ja", "nee"):
            self.problems.append(_problem(line_of(node), f"Sleutel '{key}': '{raw}' is onbekend; kies ja of nee."))
        return raw == "ja"

    def authors(self, node: yaml.Node) -> tuple[str, ...]:
        if isinstance(node, yaml.SequenceNode) and node.value:
            return tuple(self.text(item, "auteurs") for item in node.value)
        self.problems.append(_problem(line_of(node), "Sleutel 'auteurs': verwacht een lijst met namen, "
                                      "elke naam op een eigen regel die begint met '- '."))
        return ()

    def date(self, node: yaml.Node, key: str) -> dt.date:
        raw = self.text(node, key)
        for fmt in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(raw, fmt).date()
            except ValueError:
                continue
        if raw:
            self.problems.append(_problem(line_of(node), f"Sleutel '{key}': '{raw}' is geen datum; "
                                          "schrijf jjjj-mm-dd of dd-mm-jjjj."))
        return dt.date.min

    def version(self, node: yaml.Node, key: str) -> str:
        raw = self.text(node, key)
        if raw and (not _VERSION.match(raw) or len(raw) > MAX_VERSION_CHARS):
            self.problems.append(_problem(line_of(node), f"Sleutel '{key}': '{raw}' is geen versienummer; "
                                          "schrijf cijfers met punten, bijvoorbeeld 0.3 of 1.0."))
        return raw

    def status(self, node: yaml.Node) -> str:
        raw = self.text(node, "status").casefold()
        if raw and raw not in STATUSES:
            self.problems.append(_problem(line_of(node), f"Sleutel 'status': '{raw}' is onbekend; "
                                          f"kies {' of '.join(STATUSES)}."))
        return raw

    def history(self, node: yaml.Node | None) -> tuple[VersionEntry, ...]:
        if node is None:
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.problems.append(_problem(line_of(node), "Sleutel 'versies': verwacht een lijst; begin elke "
                                          "versie met '- versie: ...'."))
            return ()
        entries = []
        for item in node.value:
            fields = self.mapping(item, HISTORY_KEYS, "de versiegeschiedenis")
            missing = [key for key in HISTORY_KEYS if key not in fields]
            if missing:
                self.problems.append(_problem(line_of(item), f"Versiegeschiedenis: '{', '.join(missing)}' ontbreekt."))
                continue
            entries.append(VersionEntry(self.version(fields["versie"], "versie"),
                                        self.date(fields["datum"], "datum"),
                                        self.text(fields["wijziging"], "wijziging")))
        return tuple(entries)


def _problem(line: int | None, message: str) -> Problem:
    return Problem(Severity.ERROR, CONFIG_FILE, message, cell=f"regel {line}" if line else None)
