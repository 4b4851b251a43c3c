"""Turn the Word house style (report.word_template.styles) into styles.xml and numbering.xml elements.

Used by report.word_template.build only: the writer reads styles from the
template and never builds them. Child elements are emitted in the order the
OOXML schema requires, because Word rejects parts that break it. Colours and
fonts name their theme slot (report.word_template.theme) beside their value.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from report.word_template.styles import (
    Border, StyleKind, ListDefinition, ParagraphLook, RunLook, TableLook, WordHouseStyle, WordStyle,
)
from report.word_template.theme import theme_colour
from report.write.docx.xml import el, twips_mm, twips_pt

_ALIGN = {"left": "left", "center": "center", "right": "right", "both": "both"}


def style_element(style: WordStyle, numbering_ids: dict[str, int]):
    """One `w:style` element."""
    element = el("style", type=style.kind.value, styleId=style.style_id)
    if style.style_id == "Normal":
        element.set(qn("w:default"), "1")
    if not style.builtin:
        element.set(qn("w:customStyle"), "1")
    element.append(el("name", val=style.name))
    if style.based_on:
        element.append(el("basedOn", val=style.based_on))
    if style.next_id:
        element.append(el("next", val=style.next_id))
    element.append(el("uiPriority", val="1" if style.builtin else "9"))
    element.append(el("qFormat"))
    if style.kind is StyleKind.TABLE:
        element.extend(_table_style_parts(style.table or TableLook()))
        return element
    if style.kind is StyleKind.PARAGRAPH:
        element.append(paragraph_properties(style.paragraph, numbering_ids))
    element.append(run_properties(style.run))
    return element


def run_properties(look: RunLook):
    rpr = el("rPr")
    if look.font or look.heading_font:
        rpr.append(_fonts(look))
    for tag, value in (("b", look.bold), ("bCs", look.bold), ("i", look.italic),
                       ("iCs", look.italic), ("caps", look.caps)):
        if value is not None:
            rpr.append(el(tag) if value else el(tag, val="0"))
    if look.color:
        rpr.append(el("color", val=_hex(look.color), **_theme("themeColor", look.color)))
    if look.spacing is not None:
        rpr.append(el("spacing", val=twips_pt(look.spacing)))
    if look.size:
        rpr.append(el("sz", val=_half_points(look.size)))
        rpr.append(el("szCs", val=_half_points(look.size)))
    if look.border:
        rpr.append(_border("bdr", look.border))
    if look.superscript:
        rpr.append(el("vertAlign", val="superscript"))
    return rpr


def paragraph_properties(look: ParagraphLook, numbering_ids: dict[str, int]):
    ppr = el("pPr")
    for tag, value in (("keepNext", look.keep_next), ("keepLines", look.keep_lines),
                       ("pageBreakBefore", look.page_break_before)):
        if value is not None:
            ppr.append(el(tag) if value else el(tag, val="0"))
    if look.numbering is not None:
        key, level = look.numbering
        ppr.append(el("numPr", [el("ilvl", val=str(level)),
                                el("numId", val=str(numbering_ids.get(key, 0)))]))
    if look.borders:
        ppr.append(el("pBdr", [_border(side, border) for side, border in
                               _in_order(look.borders, ("top", "left", "bottom", "right"))]))
    if look.fill:
        ppr.append(shading(look.fill))
    if look.tabs:
        ppr.append(el("tabs", [el("tab", val=t.align, pos=twips_mm(t.position),
                                  **({"leader": t.leader} if t.leader else {}))
                               for t in look.tabs]))
    ppr.append(_spacing(look))
    indent = {name: twips_mm(value) for name, value in
              (("left", look.indent), ("right", look.indent_right), ("hanging", look.hanging))
              if value is not None}
    if indent:
        ppr.append(el("ind", **indent))
    if look.align:
        ppr.append(el("jc", val=_ALIGN[look.align]))
    if look.outline_level is not None:
        ppr.append(el("outlineLvl", val=str(look.outline_level)))
    return ppr


def _spacing(look: ParagraphLook):
    spacing = el("spacing")
    for name, value in (("before", look.space_before), ("after", look.space_after)):
        if value is not None:
            spacing.set(qn(f"w:{name}"), twips_pt(value))
    if look.line is not None:
        spacing.set(qn("w:line"), str(round(look.line * 240)))
        spacing.set(qn("w:lineRule"), "auto")
    return spacing


def _table_style_parts(look: TableLook) -> list:
    margins = zip(("top", "left", "bottom", "right"), look.cell_margins)
    tblpr = el("tblPr", [
        el("tblBorders", [_border(side, border) for side, border in _in_order(
            look.borders, ("top", "left", "bottom", "right", "insideH", "insideV"))]),
        el("tblCellMar", [el(side, w=twips_mm(mm), type="dxa") for side, mm in margins]),
    ])
    parts = [el("pPr", [el("spacing", before="0", after="0")]), tblpr]
    if look.fill:
        parts.append(el("tcPr", [shading(look.fill)]))
    if look.header or look.header_border:
        parts.append(el("tblStylePr", [
            run_properties(look.header or RunLook()),
            el("tcPr", [el("tcBorders", [_border("bottom", look.header_border)])]
               if look.header_border else []),
        ], type="firstRow"))
    if look.last_row_fill:
        parts.append(el("tblStylePr", [el("tcPr", [shading(look.last_row_fill)])],
                        type="lastRow"))
    return parts


def numbering_element(word: WordHouseStyle) -> tuple[object, dict[str, int]]:
    """The `w:numbering` root and the numId that each list definition got."""
    root = el("numbering")
    ids = {}
    for index, definition in enumerate(word.lists):
        root.append(_abstract_num(index, definition))
    for index, definition in enumerate(word.lists):
        ids[definition.key] = index + 1
        root.append(el("num", [el("abstractNumId", val=str(index))], numId=str(index + 1)))
    return root, ids


def _abstract_num(index: int, definition: ListDefinition):
    kind = "multilevel" if len(definition.levels) > 1 else "singleLevel"
    abstract = el("abstractNum", [el("multiLevelType", val=kind)], abstractNumId=str(index))
    for level, spec in enumerate(definition.levels):
        lvl = el("lvl", [el("start", val="1"), el("numFmt", val=spec.format)], ilvl=str(level))
        if spec.style_id:
            lvl.append(el("pStyle", val=spec.style_id))
        lvl.extend([
            el("suff", val="tab"),
            el("lvlText", val=spec.text),
            el("lvlJc", val="left"),
            el("pPr", [el("tabs", [el("tab", val="num", pos=twips_mm(spec.indent))]),
                       el("ind", left=twips_mm(spec.indent), hanging=twips_mm(spec.hanging))]),
            run_properties(spec.run),
        ])
        abstract.append(lvl)
    return abstract


def _fonts(look: RunLook):
    """The house font as the theme's body font (or heading font), named too for theme-blind readers."""
    kind = "major" if look.heading_font else "minor"
    named = {"ascii": look.font, "hAnsi": look.font, "cs": look.font, "eastAsia": look.font} \
        if look.font else {}
    return el("rFonts", **named, asciiTheme=f"{kind}HAnsi", hAnsiTheme=f"{kind}HAnsi",
              eastAsiaTheme=f"{kind}EastAsia", cstheme=f"{kind}Bidi")


def _border(side: str, border: Border):
    if border.width == 0:
        return el(side, val="nil")
    return el(side, val="single", sz=str(round(border.width * 8)), space=str(round(border.space)),
              color=_hex(border.color), **_theme("themeColor", border.color))


def shading(fill: str):
    """A cell or paragraph fill in a palette colour, by its theme slot."""
    return el("shd", val="clear", color="auto", fill=_hex(fill), **_theme("themeFill", fill))


def _theme(attribute: str, colour: str) -> dict[str, str]:
    name = theme_colour(colour)
    return {attribute: name} if name else {}


def _in_order(borders, order):
    given = dict(borders)
    return [(side, given[side]) for side in order if side in given]


def _hex(color: str) -> str:
    return color.lstrip("#").upper()


def _half_points(size: float) -> str:
    return str(round(size * 2))
