"""Turn an Office file from outside (a workbook, a returned DOCX) into its XML parts, within bounds.

An .xlsx or .docx is a zip of XML parts tied together by relationship
files. Such a file comes from project leaders and reviewers, so everything
it can do is bounded here, once for every reader: the bytes actually
decompressed per part and in total (read in chunks, never trusting the
sizes the zip's index claims), the number of parts, and the number and
nesting depth of XML elements (libxml2 refuses more than 256 levels). XML is parsed without DTDs, entities or
network access; a DTD is refused. A password (an encrypted zip entry, or the
CFB container Office uses for an encrypted file) and every other way the
file can fail end in `UnreadablePackage` with a Dutch message, so a reader
reports that file as a problem and goes on with the others.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_PARTS = 5_000
MAX_PART_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
MAX_ELEMENTS = 1_000_000       # the example report's DOCX has some 30,000; a filled questionnaire 2,000
_CHUNK = 64 * 1024
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # an encrypted Office file, or an old .xls/.doc
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED = 0x1                                    # zip flag bit: the entry needs a password
_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_MB = 1024 * 1024
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                          remove_pis=True)


class UnreadablePackage(Exception):
    """The file cannot be read as the Office file it should be; the message is Dutch and says why."""


@dataclass(frozen=True)
class PackageKind:
    """What a reader expects, and what the user is told when the file is something else."""

    not_office: str      # the file is no zip at all
    protected: str       # a CFB container: encrypted, or the old binary format
    repair: str          # how to get a readable file again


WORKBOOK = PackageKind(
    not_office="Het bestand is geen Excel-werkboek (.xlsx), ook al eindigt de naam op .xlsx. "
               "Sla het in Excel op als Excel-werkmap (.xlsx).",
    protected="Het bestand is met een wachtwoord beveiligd, of het is een oud Excel-bestand (.xls). "
              "Verwijder het wachtwoord of sla het op als Excel-werkmap (.xlsx).",
    repair="Open het in Excel en sla het opnieuw op als .xlsx.",
)
_NO_DOCX = ("Dit is geen Word-bestand (.docx). Een .doc of een beveiligd document kan niet worden gelezen: "
            "sla het in Word op als 'Word-document (*.docx)'.")
WORD = PackageKind(
    not_office=_NO_DOCX,
    protected=_NO_DOCX,
    repair="Open het in Word en sla het opnieuw op als 'Word-document (*.docx)'.",
)


class Package:
    """An open Office zip: bounded reads of its parts and its relationships, as a context manager."""

    def __init__(self, path: Path, kind: PackageKind):
        self.kind = kind
        _check_file(path, kind)
        try:
            self.archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
            raise UnreadablePackage(f"Het bestand is beschadigd of onvolledig (geen geldig zip-archief). "
                                    f"{kind.repair}") from None
        except OSError as error:
            raise UnreadablePackage(f"Het bestand kan niet worden geopend ({error.strerror or error}).") from None
        entries = self.archive.infolist()
        if len(entries) > MAX_PARTS:
            self.archive.close()
            raise UnreadablePackage(f"Het bestand bevat te veel onderdelen ({len(entries)}; hoogstens "
                                    f"{MAX_PARTS}) en wordt niet gelezen.")
        self.entries = {entry.filename: entry for entry in entries}
        self.names = frozenset(self.entries)
        self._budget = MAX_TOTAL_BYTES

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc) -> None:
        self.archive.close()

    def read(self, name: str) -> bytes:
        """The bytes of one part, decompressed in chunks and refused past the caps."""
        entry = self.entries.get(name)
        if entry is None:
            raise UnreadablePackage(f"Het bestand is onvolledig: het onderdeel {name} ontbreekt. {self.kind.repair}")
        if entry.flag_bits & _ENCRYPTED:
            raise UnreadablePackage(f"Het bestand is (deels) met een wachtwoord versleuteld (onderdeel {name}). "
                                    f"Verwijder het wachtwoord en sla het opnieuw op.")
        limit = min(MAX_PART_BYTES, self._budget)
        data = bytearray()
        try:
            with self.archive.open(entry) as handle:
                while chunk := handle.read(_CHUNK):
                    data += chunk
                    if len(data) > limit:
                        raise UnreadablePackage(self._too_big(name, limit))
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError):
            raise UnreadablePackage(f"Het bestand is beschadigd (onderdeel {name} kan niet worden uitgepakt). "
                                    f"{self.kind.repair}") from None
        self._budget -= len(data)
        return bytes(data)

    def _too_big(self, name: str, limit: int) -> str:
        if limit < MAX_PART_BYTES:
            return (f"Het bestand is te groot om te lezen (samen meer dan {MAX_TOTAL_BYTES // _MB} MB "
                    f"uitgepakt, bij onderdeel {name}).")
        return f"Het bestand is te groot om te lezen (onderdeel {name} is groter dan {MAX_PART_BYTES // _MB} MB)."

    def xml(self, name: str) -> etree._Element:
        """One part as XML, parsed safely (see _parse_xml)."""
        return _parse_xml(self.read(name), name, self.kind)

    def relations(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, part name) of the internal relationships of `part` ("" = the package)."""
        path = PurePosixPath(part)
        rels = str(path.parent / "_rels" / f"{path.name}.rels") if part else "_rels/.rels"
        if rels not in self.names:
            return {}
        found = {}
        for rel in self.xml(rels).iterchildren(f"{{{_RELATIONSHIPS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            found[rel.get("Id", "")] = (rel.get("Type", ""), _resolve(path.parent if part else PurePosixPath(),
                                                                     target))
        return found

    def targets(self, part: str, relationship_type: str) -> list[str]:
        """The parts that `part` relates to by this type, in file order.

        Types match by their last segment, so strict OOXML (another namespace) reads like transitional.
        """
        wanted = relationship_type.rsplit("/", 1)[-1]
        return [target for rel_type, target in self.relations(part).values()
                if rel_type.rsplit("/", 1)[-1] == wanted]

    def main_part(self) -> str | None:
        """The package's main document (xl/workbook.xml, word/document.xml), if it names one that exists."""
        return next((target for target in self.targets("", OFFICE_DOCUMENT) if target in self.names), None)


def _parse_xml(data: bytes, name: str, kind: PackageKind) -> etree._Element:
    """`data` as XML: refused past MAX_ELEMENTS elements or libxml2's nesting limit (256), or with a DTD."""
    if data.count(b"<") - data.count(b"</") > MAX_ELEMENTS:      # at least every start tag, counted in C
        raise UnreadablePackage(_too_complex(name))
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        if b"<!DOCTYPE" in data:
            raise UnreadablePackage(_UNSAFE) from None
        if "depth" in str(error):
            raise UnreadablePackage(_too_complex(name)) from None
        raise UnreadablePackage(f"Het bestand is beschadigd: {name} is geen geldige XML. {kind.repair}") from None
    if root.getroottree().docinfo.doctype:
        raise UnreadablePackage(_UNSAFE)
    return root


_UNSAFE = ("Het bestand bevat XML-constructies die om veiligheidsredenen niet worden gelezen "
           "(bijvoorbeeld entiteiten of een DTD).")


def _too_complex(name: str) -> str:
    return (f"Het bestand is te ingewikkeld om te lezen (onderdeel {name} heeft meer dan {MAX_ELEMENTS:,} "
            f"XML-elementen of is te diep genest).").replace(",", ".")


def _check_file(path: Path, kind: PackageKind) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise UnreadablePackage("Het bestand bestaat niet.") from None
    except IsADirectoryError:
        raise UnreadablePackage("Dit is een map, geen bestand.") from None
    except OSError as error:
        raise UnreadablePackage(f"Het bestand kan niet worden geopend ({error.strerror or error}).") from None
    if not head:
        raise UnreadablePackage("Het bestand is leeg (0 bytes).")
    if head == _CFB_MAGIC:
        raise UnreadablePackage(kind.protected)
    if not head.startswith(_ZIP_MAGIC):
        raise UnreadablePackage(kind.not_office)
    if size > MAX_FILE_BYTES:
        raise UnreadablePackage(f"Het bestand is te groot om te lezen (meer dan {MAX_FILE_BYTES // _MB} MB).")


def _resolve(folder: PurePosixPath, target: str) -> str:
    """A relationship target as a part name: absolute, or relative to the source's folder."""
    if target.startswith("/"):
        folder, target = PurePosixPath(), target.lstrip("/")
    parts: list[str] = []
    for piece in (folder / target).parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in (".", ""):
            parts.append(piece)
    return "/".join(parts)
