"""Turn questionnaire workbooks into one document model, and that into DOCX and PDF."""

__version__ = "0.1.0"
