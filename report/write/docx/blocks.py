"""Turn sections, blocks and inlines of the document model into Word paragraphs and tables.

One small function per type, chosen with `match`. Every paragraph and run
gets a named style from the template and nothing else, except what is
content rather than look: emphasis, list restarts, fields and bookmarks.
"""

from __future__ import annotations

from docx.image.image import Image
from docx.oxml.ns import qn
from docx.shared import Emu

from report.document import (
    Block, CaseBox, Edit, Figure, FigureRef, Footnote, InfoBox, Inlines, ListBlock, Numbering,
    Paragraph, Section, SectionRef, Text,
)
from report.word_template import styles as S
from report.write.docx.package import APPLICATION
from report.write.docx.canvas import Canvas, figure_target, first_paragraph, number_target, paragraph, table
from report.write.docx.xml import bookmarked, el, field_runs, run, tab

FIGURE_LABEL = "Figuur"
MAX_FIGURE_HEIGHT = Emu(130 * 36000)    # a chart never takes more than about half a page


# ---------------------------------------------------------------- structure


def write_section(canvas: Canvas, container, section: Section) -> None:
    """The heading, bookmarked for the TOC and cross-references, then blocks and subsections.

    The heading's number is typed in its text, before a tab, not drawn by list
    numbering: pandoc, mammoth and docx2python read only the text. Its own
    bookmark lets a REF field read it back.
    """
    target = canvas.target("section", section.key)
    paragraph(container, S.HEADINGS[section.level - 1]).extend(
        [*canvas.mark(section),
         *bookmarked(canvas.next_id(), number_target(target), [run(section.number, S.HEADING_NUMBER)]), tab(),
         *bookmarked(canvas.next_id(), target, [run(section.title)])])
    for block in section.blocks:
        write_block(canvas, container, block, level=section.level)
    for child in section.children:
        write_section(canvas, container, child)


# ---------------------------------------------------------------- blocks


def write_block(canvas: Canvas, container, block: Block, text_style: str = S.NORMAL, *,
                level: int | None = None) -> None:
    """A block; in a section at `level`, a paragraph that is only a short bold label
    ("a. Section") is a heading one level below the section's, so the
    navigation pane and screen readers can move by it."""
    match block:
        case Paragraph(content=content) if level is not None and is_label(content):
            p = paragraph(container, S.GROUP_LABEL)
            p.pPr.append(el("outlineLvl", val=str(level)))
            p.extend(canvas.mark(block))
            write_inlines(canvas, p, content)
        case Paragraph(content=content):
            p = paragraph(container, text_style)
            p.extend(canvas.mark(block))
            write_inlines(canvas, p, content)
        case ListBlock():
            write_list(canvas, container, block)
        case Figure():
            write_figure(canvas, container, block)
        case CaseBox(title=title, paragraphs=paragraphs):
            write_box(canvas, container, S.CASE_BOX, title, paragraphs, anchor=canvas.mark(block))
        case InfoBox(title=title, blocks=blocks, source=source):
            write_box(canvas, container, S.INFO_BOX, title, blocks, source, anchor=canvas.mark(block))
        case _:
            raise TypeError(f"no DOCX for block {block!r}")


LABEL_LENGTH = 80      # characters; a longer bold paragraph is emphasis, not a label


def is_label(content: Inlines) -> bool:
    """Only bold text, short, not a sentence: a label over the paragraphs that follow."""
    text = "".join(inline.text for inline in content if isinstance(inline, Text)).strip()
    return bool(text) and all(isinstance(i, Text) and i.bold for i in content) \
        and len(text) <= LABEL_LENGTH and not text.endswith((".", ":", ";", "!", "?"))


def write_list(canvas: Canvas, container, block: ListBlock) -> None:
    """Items of a list; lettered and roman lists start again at a. and i."""
    style_id = S.LISTS[block.numbering.name]
    num_id = None if block.numbering is Numbering.BULLET else canvas.restarted_list(style_id)
    for item in block.items:
        p = paragraph(container, style_id)
        if num_id is not None:
            p.pPr.append(el("numPr", [el("ilvl", val="0"), el("numId", val=str(num_id))]))
        p.extend(canvas.mark(item))
        write_inlines(canvas, p, item.lead, S.LEAD)
        if item.lead and item.content:
            p.append(run(children=[el("br")]))
        write_inlines(canvas, p, item.content)


def write_figure(canvas: Canvas, container, figure: Figure) -> None:
    """The chart (SVG, with its PNG as fallback) at its natural size (never wider than the
    text), then a Word caption."""
    drawing = canvas.picture(str(figure.png), *_figure_size(canvas, figure), svg=figure.svg)
    properties = drawing[0].docPr
    properties.set("name", f"{FIGURE_LABEL} {figure.number}")
    properties.set("descr", figure.alt_text)
    properties.set("title", figure.title)
    paragraph(container, S.FIGURE).extend([*canvas.mark(figure), run(children=[drawing])])

    caption = paragraph(container, S.CAPTION)
    number = field_runs("SEQ Figuur \\* ARABIC", str(figure.number), S.CAPTION_LABEL)
    caption.extend([run(f"{FIGURE_LABEL} ", S.CAPTION_LABEL),
                    *bookmarked(canvas.next_id(), figure_target(figure.number), number),
                    run(".", S.CAPTION_LABEL), run(f" {figure.title}")])
    if figure.note:
        caption.pPr.append(el("keepNext"))
        paragraph(container, S.FIGURE_NOTE, figure.note)


def _figure_size(canvas: Canvas, figure: Figure) -> tuple[Emu, Emu]:
    image = Image.from_file(str(figure.png))
    scale = min(1.0, canvas.text_width / image.width, MAX_FIGURE_HEIGHT / image.height)
    return Emu(int(image.width * scale)), Emu(int(image.height * scale))


def write_box(canvas: Canvas, container, style_id: str, title: str, blocks: tuple[Block, ...],
              source: str = "", anchor: list = (), room_after: bool = True) -> None:
    """A shaded one-cell table, then, with `room_after`, room before what follows (a
    paragraph also keeps Word from joining it to a following table); without, what follows
    is a heading whose style gives the room. A long box may break across pages; its title
    stays with its first paragraph. `anchor` (from Canvas.mark) goes before the title."""
    cell = table(container, style_id, [canvas.text_width])[0][0]
    first_paragraph(cell, S.BOX_TITLE).extend([*anchor, run(title)])
    for block in blocks:
        write_block(canvas, cell, block, S.BOX_TEXT)
    if source:
        paragraph(cell, S.BOX_SOURCE, source)
    if room_after:
        paragraph(container, S.SPACER)


# ---------------------------------------------------------------- inlines


def write_inlines(canvas: Canvas, p, inlines: Inlines, style_id: str | None = None) -> None:
    """Append runs for `inlines` to the paragraph element `p`."""
    for inline in inlines:
        match inline:
            case Text(text=text, bold=bold, italic=italic, edit=None):
                p.append(_text_run(text, bold, italic, style_id))
            case Text(text=text, bold=bold, italic=italic, edit=edit):
                p.append(_tracked(canvas, _text_run(text, bold, italic, style_id), edit))
            case Footnote():
                p.append(write_footnote(canvas, inline))
            case FigureRef(number=number, label=label):
                p.extend([run(f"{label} "), *field_runs(
                    f"REF {figure_target(number)} \\h", str(number))])
            case SectionRef(key=key, number=number, label=label):
                p.extend([run(f"{label} "), *field_runs(canvas.reference_field(key), number)])
            case _:
                raise TypeError(f"no DOCX for inline {inline!r}")


def _text_run(text: str, bold: bool, italic: bool, style_id: str | None):
    """A run of text; bold and italic are emphasis in the content, so they are kept as such."""
    r = run(text, style_id)
    emphasis = [el(tag) for tag, on in (("b", bold), ("i", italic)) if on]
    if emphasis:
        if r.rPr is None:
            r.insert(0, el("rPr"))
        r.rPr.extend(emphasis)      # after any rStyle, as the schema orders them
    return r


def _tracked(canvas: Canvas, r, edit: Edit):
    """A word diff's added or deleted text as a real tracked change (w:ins, w:del) by this program on
    the document's date, so Word's Review pane lists it and Accept all yields the new text."""
    if edit is Edit.DELETED:
        for text in r.iter(qn("w:t")):
            text.tag = qn("w:delText")
    return el("ins" if edit is Edit.ADDED else "del", [r], id=str(canvas.next_id()), author=APPLICATION,
              date=canvas.revision_date)


def write_footnote(canvas: Canvas, footnote: Footnote):
    """A real Word footnote: the note goes to the footnotes part, the reference stays here."""
    note = el("p", [el("pPr", [el("pStyle", val=S.FOOTNOTE_TEXT)]),
                    *canvas.mark(footnote),
                    run(style_id=S.FOOTNOTE_REFERENCE, children=[el("footnoteRef")]),
                    run("\t")])
    write_inlines(canvas, note, footnote.content)
    number = canvas.add_footnote(note)
    return run(style_id=S.FOOTNOTE_REFERENCE, children=[el("footnoteReference", id=str(number))])
