"""Turn a narrative text with placeholders into Markdown whose numbers come from the pilots.

Every number in the report's prose is a placeholder on the query API
(`{{ aantal(K1='scheiden') | woord }}`), so a corrected answer changes the
sentence. The texts are Jinja templates rendered in a sandbox before the
Markdown is read; a mistake in one (an unknown question or code, a typo in
a function name) becomes a Problem naming the text file and line.

A computed number must also know the pilots it counts (`herkomst`, the
worklist). `aantal` and `totaal` return a `Count`, an int that carries its
pilots; the count filters and a bare `{{ … }}` print it between private-use
marks holding an index into the text's pilot lists, which the Markdown
converter turns into the `counted` of its Text. `namen` marks its names the
same way.

References to figures and sections cannot be resolved yet (their numbers
depend on where the texts place them), so they render as markers that the
Markdown converter turns into FigureRef and SectionRef inlines.

Rendering moves lines: a multi-line comment or a false `{% if %}` takes
lines out. So every line of the text's literal Markdown carries an invisible
mark with its line number through rendering, and the rendered text keeps, per
line, the line the author wrote; messages and the DOCX's comment anchors
name that line.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.sandbox import SandboxedEnvironment

from report.analyse import not_, select
from report.figures.registry import figure_spec
from report.model import PartialDate, Pilot, Problem, Severity
from report.dutch import capitalise, counted, differs, enumeration, month_year, number_word, share

# A reference marker: label and key between private-use characters, which
# neither Markdown nor a text writer would ever produce.
REF_PATTERN = re.compile("\ue000([^\ue001]+)\ue001([^\ue002]+)\ue002")
FIGURE_LABEL = "figuur"
SECTION_LABELS = ("hoofdstuk", "paragraaf", "bijlage")
GAP_TEXT = "[onbekend]"
_LINE_MARK = "\ue003{}\ue004"
_LINE_MARKS = re.compile("\ue003(\\d+)\ue004")
# A computed number: the index of its pilot list, then the text as printed.
COUNT_PATTERN = re.compile("\ue005(\\d+)\ue006([^\ue005-\ue007]*)\ue007")
_COUNT_FILTERS = ("woord", "Woord", "pilots", "Pilots", "telling")


@dataclass(frozen=True)
class RenderedText:
    """A narrative file after its placeholders were filled in."""

    file: str        # as the user knows it, e.g. "teksten/1-inleiding.md"
    markdown: str    # as the reader will see it
    lines: tuple[int, ...] = ()    # per line of `markdown`, its line in the file
    marked: str = ""                            # `markdown` with its count marks; "" when it has none
    counted: tuple[tuple[str, ...], ...] = ()   # pilot IDs per count mark (COUNT_PATTERN)

    def source_line(self, index: int) -> int:
        """The file's line number of the 0-based markdown line `index`."""
        return self.lines[index] if index < len(self.lines) else index + 1


def ref_marker(label: str, key: str) -> str:
    return f"\ue000{label}\ue001{key}\ue002"


class Count(int):
    """A number of pilots that remembers which pilots; arithmetic on it gives a plain int."""

    pilots: tuple[str, ...]

    def __new__(cls, pilots: Sequence[Pilot]) -> "Count":
        count = super().__new__(cls, len(pilots))
        count.pilots = tuple(p.id for p in pilots)
        return count


class _Marks:
    """The pilot lists of one text's marked numbers, in the order they were printed."""

    def __init__(self):
        self.lists: list[tuple[str, ...]] = []

    def mark(self, pilots: tuple[str, ...], text: str) -> str:
        self.lists.append(pilots)
        return f"\ue005{len(self.lists) - 1}\ue006{text}\ue007"

    def traced(self, function: Callable) -> Callable:
        """`function` (a filter or `aandeel`) with its output marked when its first argument is a Count."""
        def traced(value, *args, **kwargs):
            result = function(value, *args, **kwargs)
            return self.mark(value.pilots, result) if isinstance(value, Count) else result
        return traced

    @staticmethod
    def capitalise(text: str) -> str:
        """`hoofdletter` on a marked number capitalises the number, not the mark."""
        match = COUNT_PATTERN.match(text)
        if match is None:
            return capitalise(text)
        return f"\ue005{match.group(1)}\ue006{capitalise(match.group(2))}\ue007{text[match.end():]}"

    def finalize(self, value):
        """A bare `{{ aantal(...) }}` prints its number marked."""
        return self.mark(value.pilots, str(int(value))) if isinstance(value, Count) else value


def render_text(path: Path, display_name: str, pilots: Sequence[Pilot]) -> tuple[RenderedText | None, list[Problem]]:
    """Fill in one text's placeholders; on a mistake, no text and one Problem with its line.

    A placeholder the data cannot fill (no pilot matches, no date known) is not
    the author's mistake: it renders as GAP_TEXT and is reported as a warning,
    so a report on other workbooks still builds and shows where text is missing.
    """
    gaps: list[tuple[int | None, str]] = []
    marks = _Marks()
    functions = _functions(pilots, _GapRecorder(str(path), gaps), marks)
    env = _environment(path.parent, functions, marks)
    try:
        template = env.get_template(path.name)
        marked, lines = _unmarked(template.render())
        rendered = RenderedText(display_name, COUNT_PATTERN.sub(r"\2", marked), lines, marked, tuple(marks.lists))
        return rendered, [_gap_warning(display_name, template, line, message) for line, message in gaps]
    except jinja2.TemplateSyntaxError as error:
        return None, [_problem(display_name, error.lineno, f"Fout in de opmaak van een placeholder: {error.message}")]
    except (jinja2.TemplateError, ValueError, TypeError) as error:
        line = _template_line(error, str(path))
        return None, [_problem(display_name, line, _explain(error, functions))]


def _environment(directory: Path, functions: dict[str, Callable], marks: _Marks) -> SandboxedEnvironment:
    # HTML-style comments are the authors' notes: Jinja drops them, and `{#key}`
    # stays free for Markdown heading keys.
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(directory),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        extensions=[_LineMarks],
        comment_start_string="<!--",
        comment_end_string="-->",
        finalize=marks.finalize,
    )
    env.globals.update(functions)
    env.filters.update({name: marks.traced(f) if name in _COUNT_FILTERS else f for name, f in _filters().items()})
    env.filters["hoofdletter"] = marks.capitalise
    return env


class _LineMarks(Extension):
    """Puts a line mark at the start of every line of the template's literal text."""

    def filter_stream(self, stream: TokenStream):
        at_start = True
        for token in stream:
            if token.type == "data":
                token = Token(token.lineno, "data", _marked(token.value, token.lineno, at_start))
            at_start = False
            yield token


def _marked(text: str, line: int, at_start: bool) -> str:
    first, *rest = text.split("\n")
    marked = [(_LINE_MARK.format(line) if at_start else "") + first]
    marked += [_LINE_MARK.format(line + offset) + part for offset, part in enumerate(rest, start=1)]
    return "\n".join(marked)


def _unmarked(rendered: str) -> tuple[str, tuple[int, ...]]:
    """The rendered text without marks, and each of its lines' line in the file.

    A line without a mark (an expression printed a line break) follows the line before it.
    """
    text, lines, line = [], [], 0
    for raw in rendered.split("\n"):
        mark = _LINE_MARKS.match(raw)
        line = int(mark.group(1)) if mark else line + 1
        lines.append(line)
        text.append(_LINE_MARKS.sub("", raw))
    return "\n".join(text), tuple(lines)


class _GapRecorder:
    """Notes a placeholder the data cannot fill, with the line of the template that asked."""

    def __init__(self, filename: str, gaps: list[tuple[int | None, str]]):
        self.filename = filename
        self.gaps = gaps

    def __call__(self, message: str) -> str:
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != self.filename:
            frame = frame.f_back
        self.gaps.append((frame.f_lineno if frame else None, message))
        return GAP_TEXT


def _gap_warning(file: str, template: jinja2.Template, generated_line: int | None, message: str) -> Problem:
    line = template.get_corresponding_lineno(generated_line) if generated_line else None
    return Problem(Severity.WARNING, file, f"{message}; in het rapport staat op die plek '{GAP_TEXT}'.",
                   cell=f"regel {line}" if line else None)


def _functions(pilots: Sequence[Pilot], gap: Callable[[str], str], marks: _Marks) -> dict[str, Callable]:
    def aantal(**conditions) -> int:
        return Count(select(pilots, **conditions))

    def namen(**conditions) -> str:
        matching = select(pilots, **conditions)
        if not matching:
            return gap("namen(...): geen enkele pilot voldoet aan deze voorwaarden")
        return marks.mark(tuple(p.id for p in matching), enumeration(sorted((p.name for p in matching),
                                                                           key=str.casefold)))

    def start(**conditions) -> str:
        return _date_phrase(pilots, "P6", min, conditions) or gap("start(...): geen van deze pilots heeft een startdatum (P6)")

    def einde(**conditions) -> str:
        return _date_phrase(pilots, "P7", max, conditions) or gap("einde(...): geen van deze pilots heeft een einddatum (P7)")

    return {
        "aantal": aantal,
        "totaal": lambda: Count(pilots),
        "namen": namen,
        "niet": not_,
        "aandeel": marks.traced(share),
        "verschilt": differs,
        "start": start,
        "einde": einde,
        **_reference_functions(),
    }


def _date_phrase(pilots: Sequence[Pilot], qid: str, pick: Callable, conditions: dict) -> str | None:
    """The earliest start or latest end among the matching pilots, as "maart 2021"."""
    dates = [p.value(qid) for p in select(pilots, **conditions)]
    known = [d for d in dates if isinstance(d, PartialDate)]
    return month_year(pick(known, key=lambda d: (d.year, d.month))) if known else None


def _reference_functions() -> dict[str, Callable[[str], str]]:
    """figuur('K1') and paragraaf('borging'), each also capitalised for a sentence start."""
    functions: dict[str, Callable[[str], str]] = {}
    for label in (FIGURE_LABEL, *SECTION_LABELS):
        for name in (label, capitalise(label)):
            functions[name] = _reference(name, label == FIGURE_LABEL)
    return functions


def _reference(name: str, is_figure: bool) -> Callable[[str], str]:
    def reference(key: str) -> str:
        if is_figure:
            try:
                figure_spec(key)
            except KeyError as error:
                raise ValueError(error.args[0]) from None
        return ref_marker(name, key)

    return reference


def _filters() -> dict[str, Callable]:
    return {
        "woord": number_word,
        "Woord": lambda n: capitalise(number_word(n)),
        "pilots": lambda n: counted(n, "pilot", "pilots"),
        "Pilots": lambda n: capitalise(counted(n, "pilot", "pilots")),
        "telling": counted,
        "werkwoord": lambda n, singular, plural: singular if n == 1 else plural,
        "hoofdletter": capitalise,
    }


def _template_line(error: BaseException, filename: str) -> int | None:
    """The line of the text where rendering failed, from Jinja's rewritten traceback."""
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _explain(error: BaseException, functions: dict[str, Callable]) -> str:
    if isinstance(error, jinja2.UndefinedError):
        known = ", ".join(name for name in functions if not name[0].isupper())
        return f"Onbekende naam in een placeholder ({error.message}). Bekende functies: {known}."
    return f"Placeholder kan niet worden berekend: {error}"


def _problem(file: str, line: int | None, message: str) -> Problem:
    return Problem(Severity.ERROR, file, message, cell=f"regel {line}" if line else None)
