"""Turn a DOCX the reflection group returned with Word comments into a worklist.

`returned` reads the comments and the text each one covers, `places` maps
them through the DOCX's source anchors to a section, a narrative line or a
factsheet's pilot and question, `listing` prints them grouped by place, and
`worklist` writes the spreadsheet the team assigns and ticks off.
"""
