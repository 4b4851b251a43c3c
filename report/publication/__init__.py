"""Turn built report files into what keeps them from publication, and gate a build on it.

Dutch government publishes the reports it commissions, and a published
document must be accessible (EN 301 549: a tagged PDF/UA file, a DOCX
with headings, header rows, alternative text and a language) and must not
carry personal data. This is the gate before publication: the privacy
check of every published free text (report.privacy), the accessibility
checks of the built PDF and DOCX (report.publication.pdf and .docx), and
the leftovers of drafting, in the files and in open review comments
(report.publication.drafts). `build` runs the privacy check after reading
and the file checks on what it is about to write: a definitive build stops
on any finding, a concept build shows them as warnings. `check` shows
personal data as warnings; `check --publicatie` runs the whole gate, on the
newest build in the output folder.
"""

from report.publication.gate import file_problems, gated

__all__ = ["file_problems", "gated"]
