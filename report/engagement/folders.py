"""Turn the names of the inputs folder's parts into one contract every stage reads.

The consultants know the folder by these names (README, "Inputs"); the
reader, the report config, the composer and the command line take them from
here, so moving or renaming a part is one edit.
"""

from __future__ import annotations

from report.style import PROJECT_ROOT

QUESTIONNAIRE_DIR = "vragenlijsten"    # one questionnaire or supplement workbook per file
CODING_FILE = "codering.xlsx"          # the researchers' coding sheet
CONFIG_FILE = "rapport.yaml"           # title, authors, version, ...
TEXTS_DIR = "teksten"                  # the narrative, one Markdown file per chapter
CORRECTIONS_FILE = "correcties.yaml"   # optional: corrections after a review round
LETTER_FILE = "wederhoor-brief.md"     # the cover letter of the fact-check packets
CODEBOOK_FILE = "codeboek.yaml"        # the report type: questions, choices, coding columns
REPORT_TYPE_FILE = "rapportvorm.yaml"  # the report type: figures, factsheet, case box, fact check
SEAL_KEY_FILE = "wederhoor-sleutel.txt"  # the team's secret that seals the correction forms; never sent
EXCEL_LOCK_PREFIX = "~$"               # the lock file Excel leaves beside an open workbook; never an input

INPUTS_DIR = PROJECT_ROOT / "inputs"   # the bundled example, the commands' default
OUTPUT_DIR = PROJECT_ROOT / "output"
