"""Styles resolved through basedOn: the first value up the chain, the default style under None,
and a cycle (which a DOCX from outside may hold) ending the search instead of the program."""

from __future__ import annotations

from lxml import etree

from report.write.docx.style_chain import W, inherited

_STYLES = f"""<w:styles xmlns:w="{W[1:-1]}">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
  <w:style w:type="paragraph" w:styleId="Kop"><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="KopRood"><w:basedOn w:val="Kop"/></w:style>
  <w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>
  <w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>
  <w:style w:type="character" w:styleId="Teken"><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>
</w:styles>"""


def _level(style) -> int | None:
    found = style.find(f"{W}pPr/{W}outlineLvl")
    return None if found is None else int(found.get(f"{W}val"))


def test_a_value_comes_from_the_style_or_the_styles_it_is_based_on():
    levels = inherited(etree.fromstring(_STYLES), _level)
    assert levels == {"Normal": None, "Kop": 0, "KopRood": 0, "A": None, "B": None, None: None}


def test_every_kind_of_style_when_asked_and_the_default_under_none():
    levels = inherited(etree.fromstring(_STYLES.replace('w:default="1" w:styleId="Normal"/>',
                                                        'w:default="1" w:styleId="Normal"><w:basedOn w:val="Kop"/></w:style>')),
                       _level, kind=None)
    assert levels["Teken"] == 3 and levels["Normal"] == 0 and levels[None] == 0
