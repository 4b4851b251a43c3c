"""Decide whether a command may write to the file a user named: inputs and history are never replaced.

An `-o` is typed by hand, and a slip costs work that exists nowhere else: a
narrative text, a returned questionnaire, an issued report or its snapshot.
So a target inside the inputs folder, an issued report (a file with a
snapshot beside it), a snapshot, or one of the files the command reads is
refused; replacing any other existing file needs `--overschrijven`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from report.history.schema import SUFFIX as SNAPSHOT_SUFFIX

OVERWRITE_FLAG = "--overschrijven"


class Refused(Exception):
    """The target may not be written; the message is Dutch and names the file."""


def check_target(target: Path, *, inputs: Path | None, reads: Iterable[Path] = (), overwrite: bool = False,
                 updates: bool = False) -> None:
    """Raise Refused when `target` may not be written.

    `reads`: the files the command reads (never its own output); `updates`:
    the command merges into an existing file of its own kind (a worklist),
    so an existing target needs no `--overschrijven`.
    """
    real = Path(os.path.realpath(target))
    if inputs is not None and _inside(real, Path(os.path.realpath(inputs))):
        raise Refused(f"{target} ligt in de invoermap {inputs}; wat daar staat wordt nooit overschreven. "
                      "Kies een bestand buiten de invoermap, controleer het en zet het daarna zelf op zijn plaats.")
    if any(real == Path(os.path.realpath(path)) for path in reads):
        raise Refused(f"{target} is een van de bestanden die worden gelezen; kies een ander uitvoerbestand.")
    if real.name.endswith(SNAPSHOT_SUFFIX) or _issued(real):
        raise Refused(f"{target} hoort bij een uitgebracht rapport (er staat een snapshot naast); de "
                      "geschiedenis wordt nooit overschreven. Kies een andere naam.")
    if real.is_dir():
        raise Refused(f"{target} is een map; geef de naam van een bestand.")
    if (target.exists() or target.is_symlink()) and not (overwrite or updates):
        raise Refused(f"{target} bestaat al. Kies een andere naam, of vervang het met {OVERWRITE_FLAG}.")


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _issued(path: Path) -> bool:
    """A report that a build wrote beside its snapshot (`<rapport>-v<versie>[-concept].docx` and `….snapshot.json`)."""
    return bool(path.suffix) and path.with_name(path.name[:-len(path.suffix)] + SNAPSHOT_SUFFIX).exists()
