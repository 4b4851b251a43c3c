"""Turn the Markdown of the narrative texts into numbered document sections.

Supported, and nothing else (anything else is a Problem with its line, so
the PDF and DOCX never silently lose text):

- `#`, `##`, `###` headings: chapter, section, subsection. A line `{#key}`
  directly above a heading gives it a stable key for references; otherwise
  the key is the heading's slug.
- Paragraphs with `*cursief*` and `**vet**`; footnotes `[^1]` / `[^1]: ...`.
- Ordered lists are lettered (a, b, c); `{.romeins}` above one numbers it
  i, ii, iii. An item opening with `**Vette zin.**` gets it as its lead.
  Bullet lists stay bullets.
- `::: kader Titel` ... `:::` is an info box; a closing paragraph starting
  with "Bron:" is its source line.
- A paragraph `[[figuur K1]]` places a figure; `[[casus]]` places the case
  boxes the coding sheet (the case-box rule's column) assigns to the section it stands in.

A sentence that opens with digits breaks Dutch number style; placeholders
cannot produce one, so it comes from typed text and gets a warning.

Numbers are resolved in two passes: `number_texts` first numbers every heading
and figure of all texts, so that references may point forward; `convert`
then builds the blocks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from report.document import (
    Block, CaseBox, Counted, Figure, FigureRef, Footnote, InfoBox, Inline, ListBlock, ListItem, Numbering,
    Paragraph, Section, SectionRef, SourceLine, Text,
)
from report.engagement.active import current
from report.model import Problem, Severity
from report.dutch import sentences, slugify
from report.narrative.boxes import BOX, close_boxes
from report.narrative.placeholders import COUNT_PATTERN, FIGURE_LABEL, REF_PATTERN, RenderedText
from report.history.snapshot import plain_text

ROMAN_CLASS = "romeins"
SOURCE_PREFIX = "Bron:"
MAX_LEVEL = 3
_STRAY_MARKS = re.compile("\ue005\\d*\ue006?|[\ue006\ue007]")    # a count mark Markdown cut in two
_MARKER = re.compile(r"^\[\[\s*(figuur|casus)\s*([^\]\s]*)\s*\]\]$")
# markdown-it's names for what the report does not support, as an author knows them.
_MARKUP = {"heading": "een kop binnen een kader", "blockquote": "citaat met >", "code_block": "ingesprongen code",
           "fence": "codeblok met ```", "html_block": "HTML", "html_inline": "HTML", "hr": "horizontale lijn",
           "table": "tabel", "link_open": "link [tekst](adres)", "image": "afbeelding", "s_open": "doorhaling",
           "footnote_block": "voetnoot", "container_kader": "kader binnen een kader"}
_PARSER = (
    MarkdownIt("commonmark", {"html": False})
    .use(footnote_plugin)
    .use(container_plugin, name=BOX)
    .use(attrs_block_plugin)
)


@dataclass(frozen=True)
class ParsedText:
    """One narrative file as a Markdown tree, with the number its chapter gets."""

    file: str
    number: str
    root: SyntaxTreeNode
    rendered: RenderedText
    problems: tuple[Problem, ...] = ()     # found while parsing: boxes left open

    def written_at(self, node: SyntaxTreeNode) -> SourceLine | None:
        """Where the author wrote `node`: this file, and its line before rendering."""
        return SourceLine(self.file, self.rendered.source_line(node.map[0])) if node.map else None


@dataclass
class Numbers:
    """The numbers of every section key and figure key, over all texts."""

    sections: dict[str, str] = field(default_factory=dict)
    figures: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Placements:
    """What compose supplies for the markers: figures by key, case boxes by section number."""

    figure: Callable[[str, int], Figure]
    cases: Callable[[str], list[CaseBox]]


def parse(text: RenderedText, number: str) -> ParsedText:
    markdown, problems = close_boxes(text)
    return ParsedText(text.file, number, SyntaxTreeNode(_PARSER.parse(markdown)), text, problems)


# ---------------------------------------------------------------- pass 1: numbers


def number_texts(texts: Sequence[ParsedText], figure_keys: Collection[str]) -> tuple[Numbers, list[Problem]]:
    """Number every heading (1, 1.1, 1.1.1) and every placed figure, in reading order."""
    result, problems = Numbers(), []
    for text in texts:
        problems += text.problems
        numbers = _Numbering(text.number)
        for node in text.root.children:
            if node.type == "heading":
                number, problem = numbers.next(_level(node))
                key = heading_key(node)
                if problem or key in result.sections:
                    problems.append(_error(text, node, problem or f"De sleutel '{key}' komt twee keer voor; "
                                           "geef een van de koppen een eigen sleutel met {#sleutel}."))
                else:
                    result.sections[key] = number
            elif (marker := _marker(node)) and marker[0] == "figuur":
                key = marker[1]
                if key not in figure_keys:
                    problems.append(_error(text, node, f"Onbekende figuur '{key}' in [[figuur {key}]]. "
                                           f"Bekende figuren: {', '.join(figure_keys)}."))
                elif key in result.figures:
                    problems.append(_error(text, node, f"Figuur '{key}' staat al eerder in de tekst; "
                                           "elke figuur wordt één keer geplaatst."))
                else:
                    result.figures[key] = len(result.figures) + 1
    return result, problems


class _Numbering:
    """The running section number inside one chapter file."""

    def __init__(self, chapter: str):
        self.chapter = chapter
        self.counters: list[int] = []

    def next(self, level: int) -> tuple[str, str | None]:
        if level > MAX_LEVEL:
            return "", f"Koppen gaan tot drie niveaus (###); deze kop heeft er {level}."
        if not self.counters and level != 1:
            return "", "Een tekst begint met de kop van het hoofdstuk (# Titel)."
        if self.counters and level == 1:
            return "", "Per tekstbestand één hoofdstuk: gebruik ## en ### voor paragrafen."
        if level > len(self.counters) + 1:
            return "", "Deze kop slaat een niveau over."
        if level == 1:
            self.counters = [0]
        else:
            self.counters = self.counters[:level] + [0] * (level - len(self.counters))
            self.counters[level - 1] += 1
        return ".".join([self.chapter, *map(str, self.counters[1:])]), None


def heading_key(node: SyntaxTreeNode) -> str:
    explicit = node.attrs.get("id")
    return str(explicit) if explicit else slugify(_plain(node))


# ---------------------------------------------------------------- pass 2: blocks


def convert(text: ParsedText, numbers: Numbers, placements: Placements,
            footnote_numbers: Iterator[int]) -> tuple[Section | None, list[Problem]]:
    """Build the chapter of one text: a Section holding its blocks and subsections."""
    converter = _Converter(text, numbers, placements, footnote_numbers)
    chapter = converter.chapter()
    return chapter, converter.problems


@dataclass
class _Draft:
    key: str
    number: str
    title: str
    level: int
    written_at: SourceLine | None
    blocks: list[Block] = field(default_factory=list)
    children: list["_Draft"] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(self.key, self.number, self.title, self.level, tuple(self.blocks),
                       tuple(child.freeze() for child in self.children), self.written_at)


class _Converter:
    def __init__(self, text: ParsedText, numbers: Numbers, placements: Placements,
                 footnote_numbers: Iterator[int]):
        self.text = text
        self.numbers = numbers
        self.placements = placements
        self.footnote_numbers = footnote_numbers
        self.footnotes = _footnote_definitions(text.root)
        self.citing: set[int] = set()       # footnotes being converted: one citing itself is a cycle
        self.problems: list[Problem] = []

    def chapter(self) -> Section | None:
        stack: list[_Draft] = []
        for node in self.text.root.children:
            if node.type == "heading":
                number = self.numbers.sections.get(heading_key(node))
                if number is None:
                    return None      # the numbering pass reported why
                draft = _Draft(heading_key(node), number, _plain(node), _level(node),
                               self.text.written_at(node))
                stack = stack[: draft.level - 1]
                if stack:
                    stack[-1].children.append(draft)
                stack.append(draft)
            elif node.type == "footnote_block":
                continue
            elif not stack:
                self.problems.append(_error(self.text, node, "Tekst vóór de eerste kop; "
                                            "begin het bestand met de kop van het hoofdstuk (# Titel)."))
            else:
                stack[-1].blocks.extend(self.blocks(node, stack[-1].number))
        return stack[0].freeze() if stack else None

    def blocks(self, node: SyntaxTreeNode, section_number: str) -> list[Block]:
        if node.type == "paragraph":
            return self.paragraph_or_marker(node, section_number)
        if node.type in ("ordered_list", "bullet_list"):
            return [self.list_block(node)]
        if node.type == f"container_{BOX}":
            return [self.info_box(node, section_number)]
        self.problems.append(_error(self.text, node, f"Deze opmaak ({_markup(node.type)}) wordt niet ondersteund; "
                                    "gebruik alinea's, lijsten, kaders en voetnoten."))
        return []

    def paragraph_or_marker(self, node: SyntaxTreeNode, section_number: str) -> list[Block]:
        marker = _marker(node)
        if marker is None:
            inlines = self.inlines(node)
            self.check_sentences(inlines, node)
            return [Paragraph(inlines, self.text.written_at(node))]
        kind, key = marker
        if kind == "figuur":
            number = self.numbers.figures.get(key)
            return [self.placements.figure(key, number)] if number else []
        cases = self.placements.cases(section_number)
        if not cases:
            rule = current().case
            column = f"kolom {rule.place} van de codering" if rule and rule.place else \
                "de codering (rapportvorm.yaml noemt bij 'kader' geen 'paragraaf')"
            self.problems.append(_warning(self.text, node, f"Geen casus voor paragraaf {section_number}: "
                                          f"geen pilot heeft dit nummer in {column}."))
        return list(cases)

    def list_block(self, node: SyntaxTreeNode) -> ListBlock:
        if node.type == "bullet_list":
            numbering = Numbering.BULLET
        else:
            numbering = Numbering.ROMAN if ROMAN_CLASS in str(node.attrs.get("class", "")).split() \
                else Numbering.ALPHA
        return ListBlock(numbering, tuple(self.list_item(item) for item in node.children))

    def list_item(self, item: SyntaxTreeNode) -> ListItem:
        if len(item.children) != 1 or item.children[0].type != "paragraph":
            self.problems.append(_error(self.text, item, "Een lijstonderdeel is één alinea, "
                                        "zonder geneste lijst of tweede alinea."))
        inlines = self.inlines(item.children[0]) if item.children else ()
        self.check_sentences(inlines, item)
        lead_length = next((i for i, inline in enumerate(inlines)
                            if not (isinstance(inline, Text) and inline.bold)), len(inlines))
        lead = tuple(Text(inline.text, italic=inline.italic, counted=inline.counted)
                     for inline in inlines[:lead_length])
        return ListItem(lead, _strip_start(inlines[lead_length:]), self.text.written_at(item))

    def info_box(self, node: SyntaxTreeNode, section_number: str) -> InfoBox:
        title = COUNT_PATTERN.sub(r"\2", node.info.strip()[len(BOX):].strip())
        children = list(node.children)
        source = ""
        if children and children[-1].type == "paragraph" and _plain(children[-1]).startswith(SOURCE_PREFIX):
            source = _plain(children.pop())
        blocks = [block for child in children for block in self.blocks(child, section_number)]
        return InfoBox(title, tuple(blocks), source, self.text.written_at(node))

    def inlines(self, block: SyntaxTreeNode) -> tuple[Inline, ...]:
        """The inline content of a paragraph or heading, styles resolved, adjacent text merged."""
        out: list[Inline] = []
        bold = italic = 0
        for token in _inline_tokens(block):
            match token.type:
                case "text" | "code_inline":
                    out.extend(self.text_with_refs(token.content, bool(bold), bool(italic), block))
                case "softbreak" | "hardbreak":
                    out.append(Text(" ", bool(bold), bool(italic)))
                case "strong_open" | "strong_close":
                    bold += 1 if token.type.endswith("open") else -1
                case "em_open" | "em_close":
                    italic += 1 if token.type.endswith("open") else -1
                case "footnote_ref":
                    out.append(self.footnote(token.meta["id"], block))
                case _:
                    self.problems.append(_error(self.text, block, f"Deze opmaak ({_markup(token.type)}) wordt niet "
                                                "ondersteund in lopende tekst."))
        return _merge(out)

    def text_with_refs(self, content: str, bold: bool, italic: bool, block: SyntaxTreeNode) -> list[Inline]:
        out: list[Inline] = []
        position = 0
        for match in REF_PATTERN.finditer(content):
            out.append(self.counted_text(content[position:match.start()], bold, italic))
            out.append(self.reference(match.group(1), match.group(2), block))
            position = match.end()
        out.append(self.counted_text(content[position:], bold, italic))
        return [inline for inline in out if not (isinstance(inline, Text) and not inline.text)]

    def counted_text(self, content: str, bold: bool, italic: bool) -> Text:
        """Text without the count marks, each marked number kept as a Counted with its pilots."""
        pieces: list[str] = []
        counted: list[Counted] = []
        position = length = 0
        for match in COUNT_PATTERN.finditer(content):
            pieces.append(content[position:match.start()])
            length += match.start() - position
            index, number = int(match.group(1)), match.group(2)
            pilots = self.text.rendered.counted[index] if index < len(self.text.rendered.counted) else ()
            counted.append(Counted(length, length + len(number), pilots))
            pieces.append(number)
            length += len(number)
            position = match.end()
        pieces.append(content[position:])
        return Text(_STRAY_MARKS.sub("", "".join(pieces)), bold, italic, counted=tuple(counted))

    def reference(self, label: str, key: str, block: SyntaxTreeNode) -> Inline:
        if label.casefold() == FIGURE_LABEL:
            number = self.numbers.figures.get(key)
            if number is not None:
                return FigureRef(key, number, label)
            problem = f"Verwijzing naar figuur '{key}', maar die figuur staat niet in de tekst ([[figuur {key}]])."
        else:
            section = self.numbers.sections.get(key)
            if section is not None:
                return SectionRef(key, section, label)
            problem = f"Verwijzing naar onbekende sleutel '{key}'. Bekende sleutels: {', '.join(self.numbers.sections)}."
        self.problems.append(_error(self.text, block, problem))
        return Text(f"{label} ?")

    def check_sentences(self, inlines: Sequence[Inline], node: SyntaxTreeNode) -> None:
        """A warning for each sentence that opens with digits ("19 pilots ..." instead of "Negentien")."""
        for sentence in sentences(plain_text(inlines)):
            if sentence.lstrip(" (\"'‘“")[:1].isdigit():
                self.problems.append(_warning(self.text, node, f"Deze zin begint met een getal in cijfers: "
                                              f"'{sentence[:60]}'. Schrijf het getal in woorden, of gebruik een "
                                              "placeholder: die schrijft een getal aan het begin van een zin uit."))

    def footnote(self, footnote_id: int, block: SyntaxTreeNode) -> Inline:
        if footnote_id in self.citing:
            self.problems.append(_error(self.text, block, "Een voetnoot verwijst naar zichzelf (direct of via "
                                        "een andere voetnoot); een voetnoot kan geen voetnoot bevatten."))
            return Text("")
        paragraphs = self.footnotes.get(footnote_id, [])
        content: list[Inline] = []
        self.citing.add(footnote_id)
        for index, paragraph in enumerate(paragraphs):
            content.extend(([Text(" ")] if index else []) + list(self.inlines(paragraph)))
        self.citing.discard(footnote_id)
        written_at = self.text.written_at(paragraphs[0]) if paragraphs else None
        return Footnote(next(self.footnote_numbers), _merge(content), written_at)


# ---------------------------------------------------------------- helpers


def _footnote_definitions(root: SyntaxTreeNode) -> dict[int, list[SyntaxTreeNode]]:
    definitions: dict[int, list[SyntaxTreeNode]] = {}
    for node in root.children:
        if node.type == "footnote_block":
            for footnote in node.children:
                definitions[footnote.meta["id"]] = [c for c in footnote.children if c.type == "paragraph"]
    return definitions


def _inline_tokens(block: SyntaxTreeNode) -> Iterator[Token]:
    """The flat inline tokens of a paragraph or heading, as markdown-it made them."""
    for child in block.children:
        if child.type == "inline":
            yield from (t for t in child.token.children or () if t.type != "footnote_anchor")


def _merge(inlines: list[Inline]) -> tuple[Inline, ...]:
    merged: list[Inline] = []
    for inline in inlines:
        last = merged[-1] if merged else None
        if isinstance(inline, Text) and isinstance(last, Text) and \
                (last.bold, last.italic) == (inline.bold, inline.italic):
            shifted = tuple(Counted(c.start + len(last.text), c.end + len(last.text), c.pilots)
                            for c in inline.counted)
            merged[-1] = Text(last.text + inline.text, last.bold, last.italic, counted=last.counted + shifted)
        else:
            merged.append(inline)
    return tuple(merged)


def _strip_start(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    if inlines and isinstance(inlines[0], Text):
        first = inlines[0]
        cut = len(first.text) - len(first.text.lstrip())
        stripped = Text(first.text[cut:], first.bold, first.italic,
                        counted=tuple(Counted(c.start - cut, c.end - cut, c.pilots) for c in first.counted))
        return ((stripped,) if stripped.text else ()) + inlines[1:]
    return inlines


def _plain(node: SyntaxTreeNode) -> str:
    """The text of a heading or paragraph without markup (titles, markers, source lines)."""
    text = "".join(t.content for t in _inline_tokens(node) if t.type in ("text", "code_inline")).strip()
    return COUNT_PATTERN.sub(r"\2", text)


def _marker(node: SyntaxTreeNode) -> tuple[str, str] | None:
    if node.type != "paragraph":
        return None
    match = _MARKER.match(_plain(node))
    return (match.group(1), match.group(2)) if match else None


def _level(node: SyntaxTreeNode) -> int:
    return int(node.tag[1:])


def _line(text: ParsedText, node: SyntaxTreeNode) -> str | None:
    written_at = text.written_at(node)
    return f"regel {written_at.line}" if written_at else None


def _markup(name: str) -> str:
    return _MARKUP.get(name, name.removesuffix("_open").replace("_", " "))


def _error(text: ParsedText, node: SyntaxTreeNode, message: str) -> Problem:
    return Problem(Severity.ERROR, text.file, message, cell=_line(text, node))


def _warning(text: ParsedText, node: SyntaxTreeNode, message: str) -> Problem:
    return Problem(Severity.WARNING, text.file, message, cell=_line(text, node))
