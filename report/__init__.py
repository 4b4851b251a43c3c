"""Report pipeline: questionnaire workbooks → one document model → DOCX and PDF."""

__version__ = "0.1.0"
