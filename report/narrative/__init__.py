"""Turn the consultants' Dutch texts into numbered document sections.

Three steps, one module each: `placeholders` fills in every number from the
pilots (Jinja), `markdown` turns the result into sections and blocks, and
`dutch` phrases numbers, shares, lists and dates the way the report writes them.
"""
