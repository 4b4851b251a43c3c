"""Rebuild templates/report-template.docx from the house style (see report.word_template.build)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from report.word_template.build import main  # noqa: E402

main()
