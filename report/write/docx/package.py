"""Turn the .docx package around the XML into editable parts, clean metadata and a byte-for-byte repeatable zip.

python-docx loads parts it has no class for (footnotes, font table) as opaque
bytes; registering them as XML parts makes them editable elements that are
serialised again on save. Before saving, every XML part declares the
namespaces it uses on its root (as Word writes them; some readers look
prefixes up there only), and docProps/app.xml names this program and the
document's real statistics instead of python-docx's stale defaults. Zip
entries carry the time of saving, so the saved package is rewritten with one
fixed timestamp: the same Document always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io

from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.ns import nsmap, qn

from lxml import etree

from report.files import fixed_zip
from report.write.docx.xml import ADEC, ASVG, WPS

APPLICATION = "report (make_report.py)"
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_ALWAYS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
           "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
_MOVED = {prefix: nsmap[prefix] for prefix in ("wp", "a", "pic")} | {"asvg": ASVG, "adec": ADEC, "wps": WPS}

for _content_type in (CT.WML_FOOTNOTES, CT.WML_FONT_TABLE):
    PartFactory.part_type_for.setdefault(_content_type, XmlPart)


def related_xml_part(document: WordDocument, reltype: str) -> XmlPart:
    """The XML part the main document relates to with `reltype` (e.g. RT.FOOTNOTES)."""
    return document.part.part_related_by(reltype)


def footnotes_part(document: WordDocument) -> XmlPart:
    return related_xml_part(document, RT.FOOTNOTES)


def set_statistics(document: WordDocument, pages: int | None, roots) -> None:
    """docProps/app.xml: this program, the organisation, and the pages (None: not known),
    words and characters of the text in `roots` (body, footnotes), as Word's File › Info
    shows them."""
    text = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for root in roots for p in root.iter(qn("w:p"))]
    joined = " ".join(text)
    values = (("Application", APPLICATION), ("DocSecurity", "0"), ("Pages", pages),
              ("Words", len(joined.split())), ("Characters", len("".join(joined.split()))),
              ("Paragraphs", sum(1 for t in text if t.strip())), ("ScaleCrop", "false"),
              ("Company", document.core_properties.last_modified_by),
              ("LinksUpToDate", "false"), ("CharactersWithSpaces", len(joined)),
              ("SharedDoc", "false"), ("HyperlinksChanged", "false"))
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap={None: _EXTENDED})
    for name, value in values:
        if value is None:
            continue
        etree.SubElement(root, f"{{{_EXTENDED}}}{name}").text = str(value)
    part = next(rel.target_part for rel in document.part.package.rels.values()
                if rel.reltype == RT.EXTENDED_PROPERTIES)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def declare_namespaces(document: WordDocument) -> None:
    """Every XML part declares on its root the namespaces used anywhere in it (plus w and r).

    lxml declares a namespace where an element first uses it (a picture's `pic:`, an SVG
    blip's `asvg:`); cleanup_namespaces moves the ones the writers use to the root, and
    drops those a part does not use.
    """
    for part in document.part.package.iter_parts():
        if not isinstance(part, XmlPart):
            continue
        root = part.element
        declared = {prefix: uri for prefix, uri in root.nsmap.items() if prefix}
        if root.tag.startswith(f"{{{_ALWAYS['w']}}}"):
            declared.update(_ALWAYS)
        etree.cleanup_namespaces(root, top_nsmap={**_MOVED, **declared},
                                 keep_ns_prefixes=list(declared))


def drop_empty_properties(document: WordDocument) -> None:
    """Leave out the empty description, identifier and category python-docx's template has."""
    core = document.core_properties._element
    for element in list(core):
        if not (element.text or "").strip() and not len(element):
            core.remove(element)


def saved(document: WordDocument, date: dt.date) -> bytes:
    """The document as repeatable .docx bytes."""
    drop_empty_properties(document)
    declare_namespaces(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue(), date)
