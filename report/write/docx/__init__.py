"""The DOCX writer: the report on the house-style Word template (report.write.docx.writer).

This package face imports nothing: its modules load python-docx, docxtpl and,
for page numbers, WeasyPrint, and a module that only reads a returned DOCX's
source map (report.write.docx.sources) must not pay for them, nor must a
command that never writes a DOCX.
"""
