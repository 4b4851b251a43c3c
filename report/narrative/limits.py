"""Turn the rendering of one narrative text into a bounded one: confined, sized and timed.

The texts are Jinja templates written by hand, and a slip can ask for the
impossible: a text that includes itself, an include of a file outside
`teksten/` (also through a symbolic link), `range(10**9)`, `'x' * 10**9`,
`10**10**10`, or loops that never end. Jinja's sandbox already blocks
attribute tricks and ranges over 100,000; this module adds the rest, so each
of these is a `NarrativeLimit` with a Dutch message that report.narrative
turns into a Problem naming the file and line, never a hang or a traceback.
"""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment, safe_range

from report.dutch import counted

MAX_SECONDS = 10
MAX_OUTPUT_CHARS = 2_000_000
MAX_FILE_BYTES = 1_000_000
MAX_EXPONENT = 100
MAX_COUNTED = 1_000_000      # numbers all ranges of one text count together: a loop in a loop stops at once


class NarrativeLimit(Exception):
    """A text asks for more than a report text may; the message is Dutch."""


class BoundedEnvironment(SandboxedEnvironment):
    """Jinja's sandbox, also refusing powers, repetitions and paddings too large to compute.

    The padding filters (`format`, `center`, `indent`) are checked before
    they run, also when Jinja folds a constant expression while compiling.
    The ranges of one rendering count together (MAX_COUNTED), so two nested
    loops over large ranges are refused at once instead of when the time
    limit strikes.
    """

    intercepted_binops = frozenset(("**", "*"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("format", "center", "indent"):
            self.filters[name] = _padding_checked(name, self.filters[name])
        self.counted = 0
        self.globals["range"] = self._range

    def _range(self, *args) -> range:
        numbers = safe_range(*args)
        self.counted += len(numbers)
        if self.counted > MAX_COUNTED:
            raise NarrativeLimit(f"De reeksen (range) in deze tekst tellen samen meer dan {MAX_COUNTED:,} getallen "
                                 "(een lus in een lus?).".replace(",", "."))
        return numbers

    def call_binop(self, context, operator: str, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT \
                and isinstance(left, (int, float)) and abs(left) > 1:
            raise NarrativeLimit(f"Een macht met exponent {right} is te groot (hoogstens {MAX_EXPONENT}).")
        if operator == "*":
            size = _repeated_size(left, right)
            if size > MAX_OUTPUT_CHARS:
                raise NarrativeLimit("Een herhaling ('tekst' * aantal) wordt te lang "
                                     f"(hoogstens {MAX_OUTPUT_CHARS:,} tekens).".replace(",", "."))
        return super().call_binop(context, operator, left, right)


_WIDTHS = re.compile(r"%[-#0 +]*(\d+|\*)?(?:\.(\d+|\*))?")


def _padding_checked(name: str, function):
    """`function` (a Jinja filter), refused when a width or precision asks for more than the budget."""
    def bounded(value, *args, **kwargs):
        numbers = [n for n in (*args, *kwargs.values()) if isinstance(n, int) and not isinstance(n, bool)]
        sizes = numbers
        if name == "format":          # the arguments are values; widths are in the spec, or `*` takes one
            specs = _WIDTHS.findall(str(value))
            sizes = [int(n) for spec in specs for n in spec if n.isdigit()]
            sizes += numbers if any("*" in spec for spec in specs) else []
        if any(abs(n) > MAX_OUTPUT_CHARS for n in sizes):
            raise NarrativeLimit(f"Het filter {name} vraagt een breedte van meer dan {MAX_OUTPUT_CHARS:,} tekens."
                                 .replace(",", "."))
        return function(value, *args, **kwargs)
    return bounded


def _repeated_size(left, right) -> int:
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, (str, list, tuple)) and isinstance(times, int):
            return len(sequence) * times
    return 0


class TextsLoader(jinja2.FileSystemLoader):
    """Loads texts from the texts folder only: a path or link that leads out of it is refused."""

    def __init__(self, directory: Path):
        super().__init__(directory)
        self.root = os.path.realpath(directory)

    def get_source(self, environment, template: str):
        path = os.path.realpath(os.path.join(self.root, template))
        if os.path.commonpath([self.root, path]) != self.root:
            raise NarrativeLimit(f"De tekst '{template}' ligt buiten de map met teksten (ook een koppeling "
                                 "naar elders telt) en wordt niet ingevoegd.")
        if os.path.isfile(path) and os.path.getsize(path) > MAX_FILE_BYTES:
            raise NarrativeLimit(f"De tekst '{template}' is groter dan {MAX_FILE_BYTES // 1_000_000} MB.")
        return super().get_source(environment, template)


def render_bounded(template: jinja2.Template) -> str:
    """The rendered text, refused when it grows past MAX_OUTPUT_CHARS or takes over MAX_SECONDS."""
    pieces, size = [], 0
    template.environment.counted = 0
    deadline = time.monotonic() + MAX_SECONDS
    try:
        with _alarm(MAX_SECONDS):
            for piece in template.generate():
                size += len(piece)
                if size > MAX_OUTPUT_CHARS:
                    raise NarrativeLimit(f"De ingevulde tekst wordt langer dan {MAX_OUTPUT_CHARS:,} tekens."
                                         .replace(",", "."))
                if time.monotonic() > deadline:
                    raise _TooSlow
                pieces.append(piece)
    except _TooSlow:
        raise NarrativeLimit(f"Het invullen van de placeholders duurt langer dan "
                             f"{counted(MAX_SECONDS, 'seconde', 'seconden', digits=True)} "
                             "(een lus die niet ophoudt?).") from None
    except RecursionError:
        raise NarrativeLimit("De tekst voegt zichzelf steeds opnieuw in (ook via een andere tekst), "
                             "of nest blokken te diep.") from None
    except OverflowError:
        raise NarrativeLimit(f"Een getal of reeks is te groot (een reeks (range) telt hoogstens "
                             f"{MAX_RANGE:,} getallen).".replace(",", ".")) from None
    return "".join(pieces)


class _TooSlow(Exception):
    pass


@contextmanager
def _alarm(seconds: int) -> Iterator[None]:
    """Interrupts a loop that prints nothing; only the main thread can receive the signal."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
