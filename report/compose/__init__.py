"""Compose: the narrative, the figures and the factsheets as one report.document.Document (the work is in report.compose.assemble)."""

from report.compose.assemble import (  # noqa: F401  (the package's face)
    CASE_TITLE,
    TextFile,
    compose,
    text_files,
)

__all__ = ["CASE_TITLE", "TextFile", "compose", "text_files"]
