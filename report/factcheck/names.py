"""Turn Pilot-IDs into folder and file names that are safe on every system the packets travel to.

IDs are typed by people and may hold anything: slashes, dots, characters a
file system refuses, or a name Windows reserves for a device (CON, aux,
LPT1). The packets are unpacked on the pilots' Windows machines, so a name is
safe only when it is safe there too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")
_MAX_NAME = 60
_WINDOWS_DEVICES = re.compile(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?")


def folder_names(pilot_ids: Sequence[str]) -> dict[str, str]:
    """A safe, unique folder name per Pilot-ID (unique also where case does not count)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for pilot_id in pilot_ids:
        base = _UNSAFE.sub("_", pilot_id).strip("._")[:_MAX_NAME] or "pilot"
        if _WINDOWS_DEVICES.fullmatch(base):
            base = f"pilot-{base}"
        name, number = base, 2
        while name.casefold() in taken:
            name, number = f"{base}-{number}", number + 1
        taken.add(name.casefold())
        names[pilot_id] = name
    return names
