"""History: turn builds into snapshots, and two snapshots into the Dutch change list.

`snapshot` records what a build said and was made from, `versions` finds the
previous version's snapshot in the output folder and writes a build's history
files, `changes` compares two snapshots, and `markdown` writes the comparison as
the change list the team sends with a new concept.
"""
