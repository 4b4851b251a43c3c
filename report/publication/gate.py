"""The gate itself: run each built file's checks and turn findings into errors or warnings,
depending on whether the build is definitive or a concept."""

from __future__ import annotations

import dataclasses
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
from docx.opc.exceptions import PackageNotFoundError

from report.model import Problem, Severity
from report.publication.docx import docx_problems
from report.publication.drafts import open_comments
from report.publication.pdf import pdf_problems

CHECKS = {".pdf": pdf_problems, ".docx": docx_problems}
UNREADABLE = (pikepdf.PdfError, pdfium.PdfiumError, zipfile.BadZipFile, PackageNotFoundError)


def file_problems(built: Mapping[str, bytes], output_dir: Path | None, publication: bool) -> list[Problem]:
    """The findings in the built files (name -> bytes); `publication` adds what only a concept
    may have: its marks, and open comments in a worklist in the output folder."""
    problems = []
    for name, data in built.items():
        check = CHECKS.get(Path(name).suffix)
        if check is None:
            continue
        try:
            problems += check(data, name, publication)
        except UNREADABLE:
            problems.append(Problem(Severity.ERROR, name, f"Het bestand is geen leesbare "
                                                          f"{Path(name).suffix[1:].upper()} en kan niet worden gecontroleerd."))
    if publication and output_dir is not None and output_dir.is_dir():
        problems += open_comments(output_dir)
    return problems


def gated(problems: Sequence[Problem], concept: bool) -> list[Problem]:
    """The findings as a build shows them: errors for a definitive report, warnings for a concept."""
    if not concept:
        return list(problems)
    return [dataclasses.replace(problem, severity=Severity.WARNING) for problem in problems]
