"""Turn an annex and its factsheets into Word: one factsheet per page, the same layout for all.

A factsheet is a shaded header band (title and header facts), a grid of
key-fact tags, label/value tables for its sections and the case box before the
last section, as question d comes before e. Missing answers read *niet
ingevuld* and corrected values carry a small marker, both as character styles.
"""

from __future__ import annotations

from docx.shared import Emu

from report.document import Annex, Fact, Factsheet, FactsheetSection, Origin
from report.write import docx_styles as S
from report.write.docx_blocks import heading, write_block, write_box
from report.write.docx_canvas import Canvas, first_paragraph, paragraph, table
from report.write.docx_xml import bookmarked, run, tab
from report.write.outline import annex_number

TAG_COLUMNS = 3
LABEL_SHARE = 0.36      # of the text width, for the label column of a section table


def write_annex(canvas: Canvas, container, annex: Annex) -> None:
    heading(canvas, container, S.HEADINGS[0], canvas.target("annex", annex.key),
            f"{annex_number(annex)} {annex.title}", numbered=False)
    for block in annex.blocks:
        write_block(canvas, container, block)
    for sheet in annex.factsheets:
        write_factsheet(canvas, container, sheet)


def write_factsheet(canvas: Canvas, container, sheet: Factsheet) -> None:
    title = paragraph(container, S.FACTSHEET_TITLE)
    title._p.extend(bookmarked(canvas.next_id(), canvas.target("factsheet", sheet.pilot_id),
                               [run(sheet.title)]))
    for fact in sheet.header:
        line = paragraph(container, S.FACTSHEET_HEADER)._p
        line.extend([run(fact.label, S.FACTSHEET_HEADER_LABEL), tab(),
                     *fact_runs(fact, S.FACTSHEET_HEADER_MISSING)])
    if sheet.tags:
        write_tags(canvas, container, sheet.tags)
    for section in sheet.sections[:-1]:
        write_facts(canvas, container, section)
    if sheet.case is not None:
        write_box(canvas, container, S.CASE_BOX, sheet.case.title, sheet.case.paragraphs)
    for section in sheet.sections[-1:]:
        write_facts(canvas, container, section)


def write_tags(canvas: Canvas, container, tags: tuple[Fact, ...]) -> None:
    """Key facts as tiles, a few to a row: a small label above each value."""
    rows = -(-len(tags) // TAG_COLUMNS)
    width = Emu(canvas.text_width // TAG_COLUMNS)
    grid = table(container, S.TAG_TABLE, [width] * TAG_COLUMNS, rows)
    for index, fact in enumerate(tags):
        cell = grid.cell(index // TAG_COLUMNS, index % TAG_COLUMNS)
        first_paragraph(cell, S.TAG_LABEL).add_run(fact.label)
        paragraph(cell, S.TAG_VALUE)._p.extend(fact_runs(fact))


def write_facts(canvas: Canvas, container, section: FactsheetSection) -> None:
    paragraph(container, S.FACTSHEET_SECTION).add_run(section.title)
    label = Emu(int(canvas.text_width * LABEL_SHARE))
    facts = table(container, S.DATA_TABLE, [label, Emu(canvas.text_width - label)],
                  len(section.facts))
    for row, fact in zip(facts.rows, section.facts):
        first_paragraph(row.cells[0], S.DATA_LABEL).add_run(fact.label)
        first_paragraph(row.cells[1], S.DATA_VALUE)._p.extend(fact_runs(fact))


def fact_runs(fact: Fact, missing_style: str = S.MISSING) -> list:
    """A value; *niet ingevuld* when missing; a marker after a corrected value."""
    if fact.missing:
        return [run(fact.origin.value, missing_style)]
    runs = [run(fact.value)]
    if fact.origin is Origin.CORRECTIE:
        runs.extend([run(" "), run(fact.origin.value, S.CORRECTION)])
    return runs
