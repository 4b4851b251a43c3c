"""Turn an inputs folder into validated, merged pilots and every problem found (the read stage).

Layout of the folder: `vragenlijsten/*.xlsx` (questionnaires and supplements,
one workbook each), `codering.xlsx` (the researchers' coding sheet) and,
after a review round, `correcties.yaml` (the consultants' corrections). The
stage reads everything before judging anything, so one run reports all
problems at once; a user's mistake is a Problem, never an exception.
"""

from report.read.inputs import ReadResult, read_inputs
from report.read.merge import PilotAnswer

__all__ = ["PilotAnswer", "ReadResult", "read_inputs"]
