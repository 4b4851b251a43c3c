"""Turn the codebook into the workbooks we hand out: questionnaires and the coding sheet.

Blank ones for consultants (via the CLI) and filled ones for the example
inputs and tests come from the same builders, so what people fill in is
always what the reader expects.
"""

from report.workbooks.coding import build_coding, coding_rows
from report.workbooks.questionnaire import build_questionnaire
from report.workbooks.save import save_workbook, workbook_bytes

__all__ = ["build_coding", "build_questionnaire", "coding_rows", "save_workbook", "workbook_bytes"]
