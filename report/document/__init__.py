"""The document model: what the report says, never how it looks (its types live in report.document.nodes)."""

from report.document.nodes import (  # noqa: F401  (the package's face)
    Annex,
    Bar,
    Block,
    CaseBox,
    Counted,
    Document,
    Edit,
    Fact,
    Factsheet,
    FactsheetSection,
    Figure,
    FigureRef,
    Footnote,
    InfoBox,
    Inline,
    Inlines,
    ListBlock,
    ListItem,
    Metadata,
    Numbering,
    Paragraph,
    Section,
    SectionRef,
    SourceLine,
    Text,
    VersionEntry,
    figures,
)

__all__ = ["Annex", "Bar", "Block", "CaseBox", "Counted", "Document", "Edit", "Fact", "Factsheet", "FactsheetSection", "Figure", "FigureRef", "Footnote", "InfoBox", "Inline", "Inlines", "ListBlock", "ListItem", "Metadata", "Numbering", "Paragraph", "Section", "SectionRef", "SourceLine", "Text", "VersionEntry", "figures"]
