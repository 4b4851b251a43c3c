#!/usr/bin/env python3
"""Time the DOCX writer and measure its memory on a report of the reference size.

The document is built from the pieces of tests/sample_document.py, scaled to
the reference report: four chapters, eleven figures, footnotes, lists and
case boxes, and an annex of one factsheet per pilot (30 by default) with the
full set of tags and sections. Only write_docx is timed; building the sample
and drawing its one chart are not. Memory is the process's peak resident size
(lxml allocates outside Python, so tracemalloc alone would undercount), read
in a fresh interpreter so earlier runs do not raise the high-water mark.

    .venv/bin/python bench/bench_docx.py [--pilots N] [--repeat N]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report.document import (  # noqa: E402
    Document, Fact, Factsheet, FactsheetSection, FigureRef, Footnote, Paragraph,
    Section, Text,
)
from report.model import SourceKind  # noqa: E402
from tests.sample_document import sample_document  # noqa: E402

FIGURES = 11
CHAPTERS = 4
SECTIONS_PER_CHAPTER = 3


def reference_size_document(directory: Path, pilots: int) -> Document:
    """The sample document grown to the reference report's size."""
    sample = sample_document(directory)
    figure = sample.chapters[1].children[0].blocks[0]
    list_block, case = sample.chapters[1].children[0].blocks[1:3]
    info = sample.chapters[0].children[0].blocks[2]
    figures = iter(dataclasses.replace(figure, key=f"F{n}", number=n)
                   for n in range(1, FIGURES + 1))
    footnotes = iter(range(1, 100))
    chapters = []
    for c in range(1, CHAPTERS + 1):
        sections = []
        for s in range(1, SECTIONS_PER_CHAPTER + 1):
            blocks = [_paragraph(next(footnotes)) for _ in range(3)]
            blocks += [f for f in [next(figures, None)] if f]
            blocks += [list_block, case if s % 2 else info]
            sections.append(Section(f"s{c}.{s}", f"{c}.{s}", f"Paragraaf {c}.{s}", 2,
                                    tuple(blocks)))
        chapters.append(Section(f"h{c}", str(c), f"Hoofdstuk {c}", 1,
                                (_paragraph(next(footnotes)),), tuple(sections)))
    remaining = list(figures)
    if remaining:
        raise ValueError(f"{len(remaining)} figures did not fit in the chapters")
    annex = sample.annexes[0]
    sheets = tuple(_factsheet(annex.factsheets[0], n) for n in range(1, pilots + 1))
    return dataclasses.replace(sample, chapters=tuple(chapters),
                               annexes=(dataclasses.replace(annex, factsheets=sheets),))


def _paragraph(footnote: int) -> Paragraph:
    sentence = ("De pilots verschillen sterk in opzet, doelgroep en looptijd, zodat een "
                "vergelijking altijd voorzichtig moet gebeuren. ")
    return Paragraph((Text(sentence * 3), FigureRef("F1", 1), Text(" laat de spreiding zien."),
                      Footnote(footnote, (Text("Toelichting bij deze alinea."),))))


def _factsheet(template: Factsheet, n: int) -> Factsheet:
    def facts(count: int, prefix: str) -> tuple[Fact, ...]:
        origins = (SourceKind.VRAGENLIJST, SourceKind.CODERING, SourceKind.CORRECTIE, None)
        return tuple(Fact(f"{prefix} {i}", "Een antwoord van een paar zinnen lang. " * (i % 3 + 1),
                          origins[i % len(origins)]) for i in range(1, count + 1))
    sections = tuple(FactsheetSection(title, facts(count, title[:1]))
                     for title, count in (("a. Basisgegevens", 14), ("b. Stand van zaken", 3),
                                          ("c. Implementatie en borging", 4),
                                          ("e. Overige observaties", 1)))
    return dataclasses.replace(template, pilot_id=f"pilot-{n:03d}", title=f"Pilot {n}",
                               tags=facts(9, "Kenmerk"), sections=sections)


def measure(pilots: int, repeat: int) -> dict[str, object]:
    """Time write_docx `repeat` times in this process; peak memory of the whole process.

    The PDF whose layout gives the contents' page numbers is made once, untimed, as a build
    hands the writer the PDF it made anyway."""
    from report.write.docx.writer import write_docx
    from report.write.pdf.writer import write_pdf
    with tempfile.TemporaryDirectory() as work:
        document = reference_size_document(Path(work), pilots)
        pdf = write_pdf(document)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        times, size = [], 0
        for _ in range(repeat):
            start = time.perf_counter()
            size = len(write_docx(document, pdf=pdf))
            times.append(time.perf_counter() - start)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"pilots": pilots, "figures": FIGURES, "first_s": times[0],
            "median_s": statistics.median(times), "bytes": size,
            "rss_before_mb": before / 1024, "rss_peak_mb": peak / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pilots", type=int, nargs="+", default=[30, 300])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--single", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--smoke", action="store_true", help="a quick run at the smallest size (CI)")
    args = parser.parse_args()
    if args.smoke:
        args.pilots, args.repeat = [3], 1
    if args.single:
        print(json.dumps(measure(args.pilots[0], args.repeat)))
        return
    print(f"{'pilots':>6} {'figures':>7} {'first':>8} {'median':>8} {'docx':>9} "
          f"{'RSS before':>10} {'RSS peak':>9}")
    for pilots in args.pilots:
        completed = subprocess.run(
            [sys.executable, __file__, "--single", "--repeat", str(args.repeat),
             "--pilots", str(pilots)], check=True, capture_output=True, text=True)
        r = json.loads(completed.stdout)
        print(f"{r['pilots']:>6} {r['figures']:>7} {r['first_s']:>7.2f}s {r['median_s']:>7.2f}s "
              f"{r['bytes'] / 1e6:>7.2f}MB {r['rss_before_mb']:>8.0f}MB {r['rss_peak_mb']:>7.0f}MB")


if __name__ == "__main__":
    main()
