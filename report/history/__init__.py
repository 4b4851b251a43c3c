"""History: turn builds into snapshots, and two snapshots into the Dutch change list.

`schema` holds the snapshot's typed records and reads them back checked,
`snapshot` records what a build said and was made from, `versions` finds the
previous version's snapshot in the output folder and writes a build's history
files, `bookkeeping` warns about slips in version, date and status, `changes`
compares two snapshots, `markdown` writes the comparison as the team's list
(with sources) and `client` as the client's DOCX/PDF in the house style.
"""
