"""Turn a narrative text with placeholders into Markdown whose numbers come from the pilots.

Every number in the report's prose is a placeholder on the query API
(`{{ aantal(X1='code') | woord }}`), so a corrected answer changes the
sentence. The texts are Jinja templates rendered in a sandbox before the
Markdown is read; a mistake in one (an unknown question or code, a typo in
a function name) becomes a Problem naming the text file and line.

A computed number must also know the pilots it counts (`herkomst`, the
worklist). `aantal` and `totaal` return a `Count`, an int that carries its
pilots; the count filters and a bare `{{ … }}` print it between private-use
marks holding an index into the text's pilot lists, which the Markdown
converter turns into the `counted` of its Text. `namen` marks its names the
same way.

Dutch number style holds by construction: every count a placeholder prints
(a bare `{{ aantal(...) }}` as much as `| pilots`) is written as a marker, and
once the whole text is rendered each marker is phrased by where it landed: at
the start of a sentence in capitalised words ("Eenentwintig pilots"),
elsewhere in house style (words up to twenty, "21"), or in digits where the
text asks for them with `| cijfers`.

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

from report.analyse import not_, select
from report.engagement.codebook import Role, role
from report.figures.registry import figure_spec
from report.model import PartialDate, Pilot, Problem, Severity
from report.narrative.jinja_dutch import checked, runtime_message, syntax_message
from report.dutch import (
    capitalise, counted, differs, enumeration, month_year, number_word, share, spelled,
)
from report.narrative.compiled import COMPILED_TEXTS
from report.narrative.limits import BoundedEnvironment, NarrativeLimit, TextsLoader, render_bounded
from report.text import markdown_literal

# A reference marker: label and key between private-use characters, which
# neither Markdown nor a text writer would ever produce.
REF_PATTERN = re.compile("\ue000([^\ue001]+)\ue001([^\ue002]+)\ue002")
FIGURE_LABEL = "figuur"
SECTION_LABELS = ("hoofdstuk", "paragraaf", "bijlage")
GAP_TEXT = "[onbekend]"
_LINE_MARK = "\ue003{}\ue004"
_LINE_MARKS = re.compile("\ue003(\\d+)\ue004")
# A count as a placeholder printed it: the number, then its phrase as written mid-sentence.
_COUNT_MARK = "\ue008{}\ue009{}\ue00a"
_COUNT_MARKS = re.compile("\ue008(\\d+)\ue009([^\ue00a]*)\ue00a")
# A computed number traced to its pilots: the index of its pilot list, then the text as printed.
COUNT_PATTERN = re.compile("\ue005(\\d+)\ue006([^\ue005-\ue007]*)\ue007")
_TRACE_MARKS = re.compile("\ue005\\d+\ue006|\ue007")
_COUNT_FILTERS = ("woord", "Woord", "cijfers", "pilots", "Pilots", "telling")
_LEADING_DIGITS = re.compile(r"^\d+")
# What may stand before a sentence's first word: a block's Markdown prefix
# (heading, list item, footnote definition) and emphasis marks.
_BLOCK_PREFIX = re.compile(r"^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*|\[\^[^\]]+\]:\s*)")
_SENTENCE_CLOSED = re.compile(r"[.!?][)\"'”’]*$")
_BLOCK_LINE = re.compile(r"^\s*(\{[^}]*\}|:::.*)?\s*$")


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


def render_text(path: Path, display_name: str, pilots: Sequence[Pilot]) -> tuple[RenderedText | None, list[Problem]]:
    """Fill in one text's placeholders; on a mistake, no text and one Problem with its line.

    A placeholder the data cannot fill (no pilot matches, no date known) is not
    the author's mistake: it renders as GAP_TEXT and is reported as a warning,
    so a report on other workbooks still builds and shows where text is missing.
    A count filter that renders zero ("nul pilots") is a warning too: the
    sentence was written for a count, and after a correction it may no longer fit.
    """
    gaps: list[tuple[int | None, str]] = []
    recorder, marks = _GapRecorder(str(path), gaps), _Marks()
    functions = _functions(pilots, recorder, marks)
    env = _environment(path.parent, functions, recorder.zero, marks)
    try:
        template = env.get_template(path.name)
        markdown, lines = _unmarked(render_bounded(template))
        marked = phrase_counts(markdown)
        rendered = RenderedText(display_name, COUNT_PATTERN.sub(r"\2", marked), lines, marked, tuple(marks.lists))
        return rendered, [_gap_warning(display_name, template, line, message) for line, message in gaps]
    except jinja2.TemplateSyntaxError as error:
        return None, [_problem(display_name, error.lineno, syntax_message(error, _names(functions), FILTER_NAMES))]
    except NarrativeLimit as error:
        line = template_line(error, str(path)) or template_line(error.__context__, str(path))
        return None, [_problem(display_name, line, str(error))]
    except (jinja2.TemplateError, ValueError, TypeError, ArithmeticError) as error:
        line = template_line(error, str(path)) or template_line(error.__context__, str(path))
        return None, [_problem(display_name, line, runtime_message(error, _names(functions), FILTER_NAMES))]


def _environment(directory: Path, functions: dict[str, Callable],
                 zero: Callable[[str, str], None], marks: "_Marks") -> BoundedEnvironment:
    # HTML-style comments are the authors' notes: Jinja drops them, and `{#key}`
    # stays free for Markdown heading keys.
    env = BoundedEnvironment(
        loader=TextsLoader(directory),
        bytecode_cache=COMPILED_TEXTS,       # an unchanged text is not compiled again (the preview)
        finalize=marks.finalize,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        extensions=[_LineMarks],
        comment_start_string="<!--",
        comment_end_string="-->",
    )
    env.globals.update({name: checked("De functie", name, f) for name, f in functions.items()})
    env.filters.update({name: checked("Het filter", name, marks.traced(f) if name in _COUNT_FILTERS else f)
                        for name, f in _filters(zero).items()})
    env.filters["hoofdletter"] = checked("Het filter", "hoofdletter", marks.capitalise)
    return env


class Count(int):
    """A number of pilots that remembers which pilots; arithmetic on it gives a plain int."""

    pilots: tuple[str, ...]

    def __new__(cls, pilots: Sequence[Pilot]) -> "Count":
        count = super().__new__(cls, len(pilots))
        count.pilots = tuple(p.id for p in pilots)
        return count


class _Marks:
    """The pilot lists of one text's traced numbers, in the order they were printed."""

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
        """`hoofdletter` on a marked number capitalises the number, not its marks."""
        match = COUNT_PATTERN.match(text)
        if match is None:
            return _capitalise_phrase(text)
        return f"\ue005{match.group(1)}\ue006{_capitalise_phrase(match.group(2))}\ue007{text[match.end():]}"

    def finalize(self, value):
        """A bare `{{ aantal(...) }}` is phrased like a filtered count, and traced to its pilots."""
        if isinstance(value, int) and not isinstance(value, bool):
            return self.traced(lambda n: _count_mark(n, number_word(n)))(value)
        return value


def _capitalise_phrase(text: str) -> str:
    """Capitalised text; in a count marker, its phrase (the marker itself has no letters)."""
    match = _COUNT_MARKS.match(text)
    if match is None:
        return capitalise(text)
    return _count_mark(int(match.group(1)), capitalise(match.group(2))) + text[match.end():]


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


def _count_mark(n: int, phrase: str) -> str:
    return _COUNT_MARK.format(n, phrase)


def phrase_counts(markdown: str) -> str:
    """Every count marker as the words or digits its place in the sentence asks for."""
    done: list[str] = []
    for line in markdown.split("\n"):
        out: list[str] = []
        position = 0
        for match in _COUNT_MARKS.finditer(line):
            out.append(line[position:match.start()])
            n, phrase = int(match.group(1)), match.group(2)
            if _opens_sentence(_TRACE_MARKS.sub("", done[-1]) if done else None, _TRACE_MARKS.sub("", "".join(out))):
                phrase = capitalise(_LEADING_DIGITS.sub(spelled(n), phrase, count=1))
            out.append(phrase)
            position = match.end()
        done.append("".join(out) + line[position:])
    return "\n".join(done)


def _opens_sentence(previous: str | None, head: str) -> bool:
    """Whether text following `head` on its line starts a sentence; `previous` is the line before, if any."""
    prefix = _BLOCK_PREFIX.match(head)
    content = (head[prefix.end():] if prefix else head).rstrip(" *_")
    if content:
        return bool(_SENTENCE_CLOSED.search(content))
    if prefix or previous is None:
        return True
    previous = previous.rstrip(" *_")
    return bool(_BLOCK_LINE.match(previous) or _SENTENCE_CLOSED.search(previous))


class _GapRecorder:
    """Notes a placeholder the data cannot fill, with the line of the template that asked."""

    def __init__(self, filename: str, gaps: list[tuple[int | None, str]]):
        self.filename = filename
        self.gaps = gaps

    def __call__(self, message: str) -> str:
        self.gaps.append((self._line(), f"{message}; in het rapport staat op die plek '{GAP_TEXT}'"))
        return GAP_TEXT

    def zero(self, name: str, shown: str) -> None:
        self.gaps.append((self._line(), f"De filter '{name}' geeft hier nul ('{shown}'): geen enkele pilot "
                                        "voldoet; controleer de voorwaarden of herschrijf de zin"))

    def _line(self) -> int | None:
        frame = sys._getframe(2)
        while frame is not None and frame.f_code.co_filename != self.filename:
            frame = frame.f_back
        return frame.f_lineno if frame else None


def _gap_warning(file: str, template: jinja2.Template, generated_line: int | None, message: str) -> Problem:
    line = template.get_corresponding_lineno(generated_line) if generated_line else None
    return Problem(Severity.WARNING, file, f"{message}.", cell=f"regel {line}" if line else None)


def _functions(pilots: Sequence[Pilot], gap: Callable[[str], str], marks: _Marks) -> dict[str, Callable]:
    def aantal(**conditions) -> int:
        return Count(select(pilots, **conditions))

    def namen(**conditions) -> str:
        matching = select(pilots, **conditions)
        if not matching:
            return gap("namen(...): geen enkele pilot voldoet aan deze voorwaarden")
        names = enumeration([markdown_literal(name) for name in sorted((p.name for p in matching), key=str.casefold)])
        return marks.mark(tuple(p.id for p in matching), names)

    def verschilt(part1: int, whole1: int, part2: int, whole2: int, *margin: float) -> bool:
        if 0 in (whole1, whole2):       # an empty group is the data's gap, not the author's mistake
            gap("verschilt(...): een van de twee groepen heeft geen pilots, dus er valt niets te vergelijken")
            return False
        return differs(part1, whole1, part2, whole2, *margin)

    def start(**conditions) -> str:
        return _date_phrase(pilots, Role.START, min, conditions) or gap(
            f"start(...): geen van deze pilots heeft een startdatum ({_role_name(Role.START)})")

    def einde(**conditions) -> str:
        return _date_phrase(pilots, Role.END, max, conditions) or gap(
            f"einde(...): geen van deze pilots heeft een einddatum ({_role_name(Role.END)})")

    return {
        "aantal": aantal,
        "totaal": lambda: Count(pilots),
        "namen": namen,
        "niet": not_,
        "aandeel": marks.traced(share),
        "verschilt": verschilt,
        "start": start,
        "einde": einde,
        **_reference_functions(),
    }


class Month(str):
    """A month as the text prints it ("maart 2021") that compares as a date.

    So a text can let the data decide which group started first:
    `{% if start(X1='a') < start(X1='b') %}`. Against anything else (a
    gap, where a date is unknown) every comparison is false: the gap is already
    a warning, and the sentence guarded by it is left out.
    """

    def __new__(cls, date: PartialDate) -> "Month":
        month = super().__new__(cls, month_year(date))
        month.key = (date.year, date.month)
        return month

    def _compare(self, other: object, holds: Callable[[tuple, tuple], bool]) -> bool:
        return isinstance(other, Month) and holds(self.key, other.key)

    def __lt__(self, other: object) -> bool:
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other: object) -> bool:
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other: object) -> bool:
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other: object) -> bool:
        return self._compare(other, lambda a, b: a >= b)


def _date_phrase(pilots: Sequence[Pilot], date_role: str, pick: Callable, conditions: dict) -> Month | None:
    """The earliest start or latest end among the matching pilots, as "maart 2021"; None without that question."""
    dated = role(date_role)
    if dated is None:
        return None
    dates = [p.value(dated.id) for p in select(pilots, **conditions)]
    known = [d for d in dates if isinstance(d, PartialDate)]
    return Month(pick(known, key=lambda d: (d.year, d.month))) if known else None


def _role_name(name: str) -> str:
    """The question of a role as a gap message names it: its ID, or that the codebook has none."""
    found = role(name)
    return f"vraag {found.id}" if found else f"het codeboek heeft geen vraag met rol {name}"


def _reference_functions() -> dict[str, Callable[[str], str]]:
    """figuur('X1') and paragraaf('borging'), each also capitalised for a sentence start."""
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


def _filters(zero: Callable[[str, str], None]) -> dict[str, Callable]:
    """The filters a text may use; `zero` hears of every count filter that renders zero."""
    counts: dict[str, Callable] = {
        "woord": lambda n: _count_mark(n, number_word(n)),
        "Woord": lambda n: capitalise(spelled(n)),
        "cijfers": lambda n: _count_mark(n, str(n)),
        "pilots": lambda n: _count_mark(n, counted(n, "pilot", "pilots")),
        "Pilots": lambda n: capitalise(_LEADING_DIGITS.sub(spelled(n), counted(n, "pilot", "pilots"), count=1)),
        "telling": lambda n, singular, plural: _count_mark(n, counted(n, singular, plural)),
    }
    return {
        **{name: _noting_zero(name, phrase, zero) for name, phrase in counts.items()},
        "werkwoord": lambda n, singular, plural: singular if n == 1 else plural,
        "hoofdletter": capitalise,
    }


def _names(functions: dict[str, Callable]) -> list[str]:
    """The functions a text may call, without their capitalised twins (Figuur for figuur)."""
    return [name for name in functions if not name[0].isupper()]


def _noting_zero(name: str, phrase: Callable[..., str], zero: Callable[[str, str], None]) -> Callable[..., str]:
    """A count filter that reports a zero count (with what it rendered) before returning the phrase."""
    def filtered(n, *args):
        shown = phrase(n, *args)
        if n == 0:
            zero(name, _COUNT_MARKS.sub(r"\2", shown))     # as written, before the sentence places it
        return shown

    return filtered


def template_line(error: BaseException | None, filename: str) -> int | None:
    """The line of the text where rendering failed, from Jinja's rewritten traceback."""
    line = None
    tb = error.__traceback__ if error is not None else None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _problem(file: str, line: int | None, message: str) -> Problem:
    return Problem(Severity.ERROR, file, message, cell=f"regel {line}" if line else None)


FILTER_NAMES = tuple(_filters(lambda name, shown: None))   # for the messages that list them
