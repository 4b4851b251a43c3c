"""Turn an annex and its factsheets into Word: one factsheet per page, the same layout for all.

A factsheet is a shaded header band (title and header facts), a grid of
key-fact tags, and its sections a to e: each a heading over a label/value
table, section d over the case box. Missing answers read *niet
ingevuld* and corrected values carry a small marker, both as character styles.
"""

from __future__ import annotations

from docx.shared import Emu

from report.document import Annex, Fact, Factsheet, FactsheetSection
from report.word_template import styles as S
from report.write.docx.blocks import write_block, write_box
from report.write.docx.canvas import Canvas, first_paragraph, paragraph, table
from report.write.docx.xml import bookmarked, run
from report.document.outline import annex_number

TAG_COLUMNS = 3
LABEL_SHARE = 0.36      # of the text width, for the label column of a section table
HEADER_LABEL_WIDTH = Emu(36 * 36000)   # label column of the band, padding included


def write_annex(canvas: Canvas, container, annex: Annex) -> None:
    """A chapter heading with its label in its text ("Bijlage A ..."), its text and its factsheets.

    The bookmark holds just the letter, so a reference to the annex reads "bijlage A".
    """
    p = paragraph(container, S.HEADINGS[0])
    p.extend([*canvas.mark(annex), run(annex_number(annex).removesuffix(annex.letter)),
              *bookmarked(canvas.next_id(), canvas.target("section", annex.key),
                          [run(annex.letter)]),
              run(f" {annex.title}")])
    for block in annex.blocks:
        write_block(canvas, container, block)
    for sheet in annex.factsheets:
        write_factsheet(canvas, container, sheet)


def write_factsheet(canvas: Canvas, container, sheet: Factsheet) -> None:
    write_band(canvas, container, sheet)
    if sheet.tags:
        write_tags(canvas, container, sheet)
    for section in sheet.sections:
        write_facts(canvas, container, sheet, section)
        if section.case is not None:
            write_box(canvas, container, S.CASE_BOX, section.case.title, section.case.paragraphs,
                      anchor=canvas.mark(section.case, sheet), room_after=section is sheet.sections[-1])


def write_band(canvas: Canvas, container, sheet: Factsheet) -> None:
    """The shaded band opening the page: the title, then programme, organisation, place, period.

    One table, so title and facts share their edges; the title's style starts the page.
    Its labels are row headers, as in the PDF (a label/value table marks its first column).
    What follows keeps its distance by its own style (a section title) or by the
    separator that keeps Word from joining two tables (the key-fact tiles).
    """
    label = HEADER_LABEL_WIDTH
    band = table(container, S.FACTSHEET_HEADER_TABLE, [label, Emu(canvas.text_width - label)],
                 1 + len(sheet.header), span_first_row=True, header_column=True, caption=sheet.title)
    first_paragraph(band[0][0], S.FACTSHEET_TITLE).extend([*canvas.mark(sheet), *bookmarked(
        canvas.next_id(), canvas.target("factsheet", sheet.pilot_id), [run(sheet.title)])])
    for (label_cell, value_cell), fact in zip(band[1:], sheet.header):
        first_paragraph(label_cell, S.FACTSHEET_HEADER).extend(
            [*canvas.mark(fact, sheet), run(fact.label, S.FACTSHEET_HEADER_LABEL)])
        first_paragraph(value_cell, S.FACTSHEET_HEADER).extend(
            fact_runs(fact, S.FACTSHEET_HEADER_MISSING, S.HEADER_CORRECTION))


def write_tags(canvas: Canvas, container, sheet: Factsheet) -> None:
    """Key facts as tiles, a few to a row: a small label above each value."""
    rows = -(-len(sheet.tags) // TAG_COLUMNS)
    width = Emu(canvas.text_width // TAG_COLUMNS)
    grid = table(container, S.TAG_TABLE, [width] * TAG_COLUMNS, rows)
    for index, fact in enumerate(sheet.tags):
        cell = grid[index // TAG_COLUMNS][index % TAG_COLUMNS]
        first_paragraph(cell, S.TAG_LABEL).extend([*canvas.mark(fact, sheet), run(fact.label)])
        paragraph(cell, S.TAG_VALUE).extend(fact_runs(fact))


def write_facts(canvas: Canvas, container, sheet: Factsheet, section: FactsheetSection) -> None:
    paragraph(container, S.FACTSHEET_SECTION).extend([*canvas.mark(section, sheet), run(section.title)])
    if not section.facts:
        return
    label = Emu(int(canvas.text_width * LABEL_SHARE))
    rows = table(container, S.DATA_TABLE, [label, Emu(canvas.text_width - label)],
                 len(section.facts), header_column=True,
                 caption=f"{sheet.title}: {section.title}", unsplit_rows=True)
    for (label_cell, value_cell), fact in zip(rows, section.facts):
        first_paragraph(label_cell, S.DATA_LABEL).extend([*canvas.mark(fact, sheet), run(fact.label)])
        first_paragraph(value_cell, S.DATA_VALUE).extend(fact_runs(fact))


def fact_runs(fact: Fact, missing_style: str = S.MISSING, correction_style: str = S.CORRECTION) -> list:
    """A value (compose's mark when missing, in the missing style); a marker after a corrected value."""
    if fact.missing:
        return [run(fact.value, missing_style)]
    runs = [run(fact.value)]
    if fact.marked:
        runs.extend([run(" "), run(fact.origin_label, correction_style)])
    return runs
