"""Turn what each part of the report was made from into invisible anchors in the DOCX, and back.

The reflection group comments in Word; to act on a comment the team must
know which narrative line, figure or factsheet answer it is about. So the
writer puts a hidden, empty bookmark (`_Bron<n>`) at the start of every
heading, text block, figure, box and factsheet fact, and stores what each
anchor stands for in one custom XML part, which Word and LibreOffice keep
when they save. Reading a returned file, a comment belongs to the anchor of
the paragraph its text starts in (report.comments).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from enum import Enum

from docx.document import Document as WordDocument
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from report.document import (
    Annex, CaseBox, Document, Fact, Factsheet, FactsheetSection, Figure, Footnote, InfoBox, Inlines, ListItem,
    Paragraph, Section, SourceLine, Text,
)
from report.dutch import long_date
from report.write.docx.xml import bookmarked
from report.document.outline import annex_number

NAMESPACE = "urn:x-rapportpijplijn:bronnen:1"
PREFIX = "_Bron"
ROOT_TAG = "bronnen"
ANCHOR_TAG = "anker"
PILOT_TAG = "pilot"
FIELD_TAG = "veld"
NAME_ATTRIBUTE = "naam"
TEXT_ATTRIBUTE = "tekst"
CUSTOM_XML_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_PROPERTIES_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_ITEM_ID = "{3F0B6C2E-8D1A-4E57-9B43-6A2D5C7E1F08}"   # fixed, so the same report gives the same bytes


class AnchorKind(Enum):
    CONTENTS = "inhoud"
    HEADING = "kop"
    ANNEX = "bijlage"
    TEXT = "tekst"
    LIST_ITEM = "lijstonderdeel"
    INFO_BOX = "kader"
    FOOTNOTE = "voetnoot"
    FIGURE = "figuur"
    CASE = "casus"
    FACTSHEET = "factsheet"
    FACTSHEET_PART = "factsheetdeel"
    FACT = "gegeven"
    FACTSHEET_CASE = "factsheetcasus"


@dataclass(frozen=True)
class Anchor:
    """What one stretch of the DOCX was made from; the fields a kind does not need stay empty."""

    kind: AnchorKind
    number: str = ""     # "3.2", "Bijlage A", figure or footnote number
    title: str = ""      # section, figure or box title; the pilot's name for factsheets and cases
    key: str = ""        # section or figure key; the pilot ID for factsheets and cases
    question: str = ""   # question ID of a fact or a case
    label: str = ""      # label of a fact, title of a factsheet part
    file: str = ""       # the narrative file, e.g. "teksten/3-bevindingen.md"
    line: int = 0        # its line, as the author wrote it
    counted: str = ""    # JSON [[number as shown, [pilot IDs]], ...]: a text's numbers, a figure's bars

    def numbers(self) -> list[tuple[str, tuple[str, ...]]]:
        """The computed numbers (or bars) here and the pilots each counts; [] when unreadable."""
        try:
            return [(str(shown), tuple(map(str, pilots))) for shown, pilots in json.loads(self.counted or "[]")]
        except (ValueError, TypeError):
            return []

    @property
    def is_section(self) -> bool:
        return self.kind in (AnchorKind.HEADING, AnchorKind.ANNEX)


CONTENTS = Anchor(AnchorKind.CONTENTS)


@dataclass
class SourceMap:
    """The anchors written so far, by bookmark name, in writing order."""

    pilot_names: dict[str, str]
    anchors: dict[str, Anchor] = field(default_factory=dict)
    cover: tuple[tuple[str, str], ...] = ()     # rapport.yaml key and the text it shows

    @classmethod
    def of(cls, document: Document) -> "SourceMap":
        """An empty map that knows the pilots' names and what the cover and colophon show."""
        meta = document.meta
        cover = [("titel", meta.title), ("ondertitel", meta.subtitle), ("opdrachtgever", meta.client),
                 *(("auteurs", author) for author in meta.authors), ("organisatie", meta.organisation),
                 ("datum", long_date(meta.date)), ("versie", meta.version), ("status", meta.status),
                 ("colofon", meta.colophon_note),
                 *(("versies", f"{e.version} {long_date(e.date)} {e.change}") for e in meta.history)]
        return cls({s.pilot_id: s.title for a in document.annexes for s in a.factsheets},
                   cover=tuple((key, text) for key, text in cover if text))

    def mark(self, bookmark_id: int, item: object, sheet: Factsheet | None = None) -> list:
        """An empty bookmark for `item` (a block, heading, fact, ... or an Anchor); [] if it
        has nothing to trace back to."""
        anchor = item if isinstance(item, Anchor) else self.anchor(item, sheet)
        if anchor is None:
            return []
        name = f"{PREFIX}{len(self.anchors) + 1}"
        self.anchors[name] = anchor
        return bookmarked(bookmark_id, name, [])

    def anchor(self, item: object, sheet: Factsheet | None) -> Anchor | None:
        match item:
            case Section(written_at=at):
                return _written(AnchorKind.HEADING, at, number=item.number, title=item.title, key=item.key)
            case Annex(written_at=at):
                return _written(AnchorKind.ANNEX, at, number=annex_number(item), title=item.title, key=item.key)
            case Paragraph(written_at=at) | ListItem(written_at=at) | InfoBox(written_at=at) | \
                    Footnote(written_at=at) if at is None:
                return None
            case Paragraph(written_at=at):
                return _written(AnchorKind.TEXT, at, counted=_counted(item.content))
            case ListItem(written_at=at):
                return _written(AnchorKind.LIST_ITEM, at, counted=_counted(item.lead + item.content))
            case InfoBox(written_at=at):
                return _written(AnchorKind.INFO_BOX, at, title=item.title)
            case Footnote(written_at=at):
                return _written(AnchorKind.FOOTNOTE, at, number=str(item.number), counted=_counted(item.content))
            case Figure():
                return Anchor(AnchorKind.FIGURE, number=str(item.number), title=item.title, key=item.key,
                              counted=_json([(f"{bar.label}: {bar.count}", bar.pilots) for bar in item.bars]))
            case CaseBox() if sheet is not None:
                return Anchor(AnchorKind.FACTSHEET_CASE, title=sheet.title, key=sheet.pilot_id, label=item.title)
            case CaseBox():
                return Anchor(AnchorKind.CASE, title=self.pilot_names.get(item.pilot_id, ""), key=item.pilot_id,
                              label=item.title)
            case Factsheet():
                return Anchor(AnchorKind.FACTSHEET, title=item.title, key=item.pilot_id)
            case FactsheetSection() if sheet is not None:
                return Anchor(AnchorKind.FACTSHEET_PART, title=sheet.title, key=sheet.pilot_id, label=item.title)
            case Fact() if sheet is not None:
                return Anchor(AnchorKind.FACT, title=sheet.title, key=sheet.pilot_id, question=item.question_id,
                              label=item.label)
        raise TypeError(f"no source anchor for {item!r}")

    def xml(self) -> bytes:
        root = etree.Element(f"{{{NAMESPACE}}}{ROOT_TAG}", nsmap={None: NAMESPACE})
        for name, anchor in self.anchors.items():
            etree.SubElement(root, f"{{{NAMESPACE}}}{ANCHOR_TAG}", _attributes(name, anchor))
        for pilot_id, name in self.pilot_names.items():
            etree.SubElement(root, f"{{{NAMESPACE}}}{PILOT_TAG}", {"id": pilot_id, NAME_ATTRIBUTE: name})
        for key, text in self.cover:
            etree.SubElement(root, f"{{{NAMESPACE}}}{FIELD_TAG}", {NAME_ATTRIBUTE: key, TEXT_ATTRIBUTE: text})
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _counted(inlines: Inlines) -> str:
    """The computed numbers of a text as shown, each with its pilots, for the anchor."""
    return _json([(inline.text[c.start:c.end], c.pilots) for inline in inlines if isinstance(inline, Text)
                  for c in inline.counted])


def _json(numbers: list[tuple[str, tuple[str, ...]]]) -> str:
    return json.dumps(numbers, ensure_ascii=False, separators=(",", ":")) if numbers else ""


def _written(kind: AnchorKind, at: SourceLine | None, **values: str) -> Anchor:
    return Anchor(kind, **values, file=at.file if at else "", line=at.line if at else 0)


def _attributes(name: str, anchor: Anchor) -> dict[str, str]:
    attributes = {NAME_ATTRIBUTE: name}
    for f in fields(Anchor):
        value = getattr(anchor, f.name)
        if value:
            attributes[f.name] = value.value if isinstance(value, AnchorKind) else str(value)
    return attributes


def attach(word: WordDocument, sources: SourceMap) -> None:
    """Store the source map in the package as a custom XML data part, with the properties
    part Word expects beside it."""
    package = word.part.package
    item = Part(package.next_partname("/customXml/item%d.xml"), "application/xml", sources.xml(), package)
    number = item.partname.idx
    properties = Part(PackURI(f"/customXml/itemProps{number}.xml"), _PROPERTIES_TYPE,
                      _properties_xml(), package)
    item.relate_to(properties, _PROPERTIES_RELATIONSHIP)
    word.part.relate_to(item, CUSTOM_XML_RELATIONSHIP)


def _properties_xml() -> bytes:
    ds = f"{{{_DATASTORE}}}"
    root = etree.Element(f"{ds}datastoreItem", {f"{ds}itemID": _ITEM_ID}, nsmap={"ds": _DATASTORE})
    refs = etree.SubElement(root, f"{ds}schemaRefs")
    etree.SubElement(refs, f"{ds}schemaRef", {f"{ds}uri": NAMESPACE})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def read_anchors(root) -> dict[str, Anchor] | None:
    """The anchors of a parsed custom XML part; None if the part is not a source map."""
    if root.tag != f"{{{NAMESPACE}}}{ROOT_TAG}":
        return None
    anchors = {}
    for element in root.iterchildren(f"{{{NAMESPACE}}}{ANCHOR_TAG}"):
        values = {f.name: element.get(f.name, "") for f in fields(Anchor)}
        try:
            kind = AnchorKind(values.pop("kind"))
            line = int(values.pop("line") or 0)
        except ValueError:
            continue        # an anchor a later version added: its comments show as unknown
        anchors[element.get(NAME_ATTRIBUTE, "")] = Anchor(kind, line=line, **values)
    return anchors


def read_pilots(root) -> dict[str, str]:
    """Pilot ID -> name, as the source map of a report made by this pipeline lists them."""
    return {e.get("id", ""): e.get(NAME_ATTRIBUTE, "") for e in root.iterchildren(f"{{{NAMESPACE}}}{PILOT_TAG}")}


def read_cover(root) -> tuple[tuple[str, str], ...]:
    """The rapport.yaml keys and the text each shows on the cover or in the colophon."""
    return tuple((e.get(NAME_ATTRIBUTE, ""), e.get(TEXT_ATTRIBUTE, ""))
                 for e in root.iterchildren(f"{{{NAMESPACE}}}{FIELD_TAG}"))
