"""Where a DOCX's body starts a new page, so a change inside one stretch moves no page outside it.

The DOCX's pagination check (report.write.docx.relayout) lays out only the
stretches a change falls in; a start taken where none is would let a
changed page count go unseen, so each kind of start, and each look-alike
that is none, is checked on small hand-written XML.
"""

from __future__ import annotations

from lxml import etree

from report.write.docx.stretches import footnotes_before, starts

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
STYLES = f"""<w:styles {_NS}>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
  <w:style w:type="paragraph" w:styleId="Kop"><w:basedOn w:val="Normal"/>
    <w:pPr><w:pageBreakBefore/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Onderkop"><w:basedOn w:val="Kop"/></w:style>
  <w:style w:type="paragraph" w:styleId="Doorlopend"><w:basedOn w:val="Kop"/>
    <w:pPr><w:pageBreakBefore w:val="0"/></w:pPr></w:style>
</w:styles>""".encode()


def _body(*elements: str) -> list:
    return list(etree.fromstring(f"<w:body {_NS}>{''.join(elements)}</w:body>"))


def _p(inner: str = "<w:t>tekst</w:t>", ppr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r>{inner}</w:r></w:p>"


def test_a_heading_style_that_breaks_starts_a_page_through_the_styles_it_is_based_on():
    body = _body(_p(), _p(ppr='<w:pStyle w:val="Kop"/>'), _p(ppr='<w:pStyle w:val="Onderkop"/>'),
                 _p(ppr='<w:pStyle w:val="Doorlopend"/>'),
                 _p(ppr='<w:pStyle w:val="Kop"/><w:pageBreakBefore w:val="false"/>'),
                 _p(ppr="<w:pageBreakBefore/>"), _p())
    assert starts(body, STYLES) == [False, True, True, False, False, True, False]


def test_a_section_starts_a_page_unless_it_is_continuous():
    body = _body(_p(), _p(ppr="<w:sectPr/>"), _p(), _p(ppr='<w:sectPr><w:type w:val="continuous"/></w:sectPr>'),
                 _p(), _p(ppr='<w:sectPr><w:type w:val="oddPage"/></w:sectPr>'), _p(), "<w:sectPr/>")
    # a section's w:type is in the sectPr that ends it: the second section is continuous
    assert starts(body, STYLES) == [False, False, False, False, True, False, True, False]


def test_a_page_break_starts_a_page_only_where_it_ends_a_paragraph():
    body = _body(_p('<w:t>a</w:t><w:br w:type="page"/>'), _p('<w:br w:type="page"/><w:t>b</w:t>'),
                 _p("<w:br/>"), _p(), f"<w:tbl><w:tr><w:tc>{_p(ppr='<w:pageBreakBefore/>')}</w:tc></w:tr></w:tbl>")
    assert starts(body, STYLES) == [False, True, False, False, False]


def test_footnotes_before_a_stretch_are_counted_so_its_own_are_numbered_on():
    body = _body(_p('<w:footnoteReference w:id="1"/>'), _p(), _p('<w:footnoteReference w:id="2"/>'))
    assert [footnotes_before(body, index) for index in range(4)] == [0, 1, 1, 2]
