"""Turn a built DOCX and PDF into what a reader sees in both, and list where they differ.

The two files are written from one Document, but by two writers; this reads
each back from the file itself (report.parity.from_docx, .from_pdf) into the
same Content — headings, figure captions, box titles, footnotes, factsheet
titles and every sentence that holds a number — and compares them part by
part. Used by the `vergelijk` command and by the tests on the example report.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from report.parity.content import PARTS, Content, key
from report.parity.from_docx import read_docx
from report.parity.from_html import read_html
from report.parity.from_pdf import read_pdf

__all__ = ["Content", "Difference", "compare", "compare_files", "format_comparison", "html_edition",
           "read_docx", "read_html", "read_pdf"]


@dataclass(frozen=True)
class Difference:
    """Texts of one part that differ: what the DOCX has there, and what the PDF has instead."""

    part: str
    docx: tuple[str, ...]
    pdf: tuple[str, ...]


def compare(docx: Content, pdf: Content) -> list[Difference]:
    differences = []
    for part in PARTS:
        left, right = getattr(docx, part), getattr(pdf, part)
        matcher = SequenceMatcher(None, [key(t) for t in left], [key(t) for t in right], autojunk=False)
        differences.extend(Difference(part, left[i1:i2], right[j1:j2])
                           for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    return differences


def compare_files(docx: Path, pdf: Path) -> tuple[Content, list[Difference]]:
    """The DOCX's content (for the counts) and the differences with the PDF."""
    left = read_docx(docx.read_bytes())
    return left, compare(left, read_pdf(pdf.read_bytes()))


def html_edition(docx: Path) -> Path | None:
    """The page of the HTML edition built beside this DOCX (`<name>-html/index.html`), if there is one."""
    page = docx.with_name(f"{docx.stem}-html") / "index.html"
    return page if page.is_file() else None


def format_comparison(docx: Content, differences: list[Difference], other: str = "PDF") -> str:
    """The comparison in Dutch: per part what differs, or that everything is the same.

    `other` names the file compared with the DOCX ("PDF", or "HTML" for the web edition).
    """
    if not differences:
        counts = [f"{len(getattr(docx, part))} {name}" for part, name in PARTS.items()]
        return (f"Geen verschillen: {', '.join(counts[:-1])} en {counts[-1]} "
                f"zijn in de DOCX en de {other} gelijk.")
    lines = []
    for part, name in PARTS.items():
        found = [d for d in differences if d.part == part]
        if not found:
            continue
        lines.append(f"{name.capitalize()}: {len(found)} {'verschil' if len(found) == 1 else 'verschillen'}")
        for difference in found:
            lines.extend(_side("DOCX", difference.docx) + _side(f"{other:4}", difference.pdf) + [""])
    return "\n".join(lines).rstrip()


def _side(label: str, texts: tuple[str, ...]) -> list[str]:
    return [f"  {label}: {text}" for text in texts] or [f"  {label}: (ontbreekt hier)"]
