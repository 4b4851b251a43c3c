"""Writers: turn the one Document into the report's output formats.

Each writer reads only the document model (report.document), the house style
and the Word style names, so the formats can never disagree about content:
`docx` writes WordprocessingML into the house-style template, `pdf` renders
the Document to HTML and lays it out with WeasyPrint, in cacheable parts.
"""
