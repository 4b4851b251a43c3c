"""Turn the .docx package around the XML into editable parts and a byte-for-byte repeatable zip.

python-docx loads parts it has no class for (footnotes, font table) as opaque
bytes; registering them as XML parts makes them editable elements that are
serialised again on save. Zip entries carry the time of saving, so the saved
package is rewritten with one fixed timestamp: the same Document always gives
the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io

from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import PartFactory, XmlPart

from report.files import fixed_zip

for _content_type in (CT.WML_FOOTNOTES, CT.WML_FONT_TABLE):
    PartFactory.part_type_for.setdefault(_content_type, XmlPart)


def related_xml_part(document: WordDocument, reltype: str) -> XmlPart:
    """The XML part the main document relates to with `reltype` (e.g. RT.FOOTNOTES)."""
    return document.part.part_related_by(reltype)


def footnotes_part(document: WordDocument) -> XmlPart:
    return related_xml_part(document, RT.FOOTNOTES)


def saved(document: WordDocument, date: dt.date) -> bytes:
    """The document as repeatable .docx bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue(), date)
