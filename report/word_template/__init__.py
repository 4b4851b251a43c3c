"""Word template: turn the house style into templates/report-template.docx.

`styles` defines every named Word style the writer uses (names and looks),
`style_xml` turns those definitions into styles.xml and numbering.xml elements,
and `build` assembles the template with its cover, colophon and headers.
The DOCX writer only reads the style names; a designer may restyle the
template in Word afterwards.
"""
