"""Illustrative example data: 30 pilots whose aggregates match the reference report.

The per-pilot answers are reconstructed, not real: they were chosen so that
every count and cross-link of the reference report comes out exactly (see
`check.py`). `pilots.yaml` holds the records, `pilots.PILOTS` reads them.
"""
