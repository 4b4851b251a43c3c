"""Fact check (wederhoor): turn the report into one packet per pilot, and the returned forms into corrections.

`form` builds the correction form for one pilot and reads a returned one,
`packets` writes each pilot's factsheet (PDF and DOCX), cover letter and form
plus the team's overview, and `returns` adds the returned values to
correcties.yaml, where every later build picks them up as corrections of the
round "wederhoor".
"""
