"""The engagement's contract: everything that makes one report differ from another.

An engagement is a folder (`inputs/` is the bundled one): its layout
(`folders`), its report type read from `codeboek.yaml` and `rapportvorm.yaml`
(`load` → `reporttype.ReportType`, the codebook's shape in `codebook`), the
one active while a command runs (`active`), its `rapport.yaml` (`config`) and
the start of a new one (`scaffold`). Import the modules themselves: this face
imports nothing, so the codebook can be read from anywhere without a cycle.
"""
