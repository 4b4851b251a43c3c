"""Writers: turn the one Document into the report's output formats.

Each writer reads only report.document and report.style, so the formats can
never disagree about content: `html` renders the Document to HTML and `pdf`
lays that HTML out with WeasyPrint.
"""
