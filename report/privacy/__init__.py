"""Turn the report's free texts into findings of personal data, before anything is published.

What the report publishes is searched (report.privacy.detect): every
free-text answer of every pilot and its "anders" texts, from a workbook or
a correction, and every line of the narrative. Questions the report never
shows (the codebook marks them personal, like the project leader's
contact) and the workbooks' notes stay out of it. A finding names the pilot
and question, or the file and line, and the kind of data, with the value
masked: the finding itself is read and passed on, and must not spread what
it found. What the consultants allow on purpose is listed, with a reason,
in privacy-uitzonderingen.yaml (report.privacy.exceptions); an exception
that nothing uses any more is a warning, so the list does not outlive its
reasons.
"""

from report.privacy.check import privacy_problems

__all__ = ["privacy_problems"]
