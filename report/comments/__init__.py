"""Turn DOCX files the reflection group returned, with Word comments and tracked changes, into a worklist.

`returned` reads the comments and the text each one covers, `changes` the
tracked insertions and deletions, `places` maps both through the DOCX's
source anchors to a section, a narrative line, a factsheet's pilot and
question or a rapport.yaml field (with the pilots behind the numbers there),
`align` and `apply` write literal text edits into the narrative on request,
`listing` prints everything grouped by place, `worklist` and `merge` write
the spreadsheet the team assigns and ticks off without losing earlier work,
and `round` runs one `opmerkingen` call through all of it.
"""
