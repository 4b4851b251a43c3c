"""The PDF writer: the report laid out by WeasyPrint in parts (report.write.pdf.writer).

This package face imports nothing, so that importing one of its light
modules does not load WeasyPrint, and a command that writes no PDF starts
without it.
"""
