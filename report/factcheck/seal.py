"""Bind a correction form to its pilot, the values as sent and the round, so a forged form is refused.

A form travels to a project leader and back; its hidden sheet says which
pilot and which values it was made for, and anyone can unhide and edit it
(sheet protection without a password keeps out accidents, not people). So the
packet carries a keyed digest (HMAC-SHA256) of pilot, round and sent values,
made with a secret that stays with the team: a file in the inputs folder that
`wederhoor` creates on first use and never puts in a packet. Without the
secret nobody can make a digest that `--verwerk` accepts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from report.files import write_text_atomic
from report.engagement.folders import SEAL_KEY_FILE

_EXPLANATION = """\
# Geheime sleutel van de wederhoor voor dit rapport.
#
# make_report.py wederhoor maakte dit bestand bij het eerste gebruik. Met de sleutel
# krijgt elk correctieformulier een zegel: pilot, verstuurde waarden en ronde. Bij
# wederhoor --verwerk weigert het programma een formulier waarvan die gegevens niet
# bij het zegel passen (bijvoorbeeld een formulier van pilot A dat is aangepast tot
# een formulier van pilot B).
#
# - Bewaar dit bestand bij het team, in de invoermap. Stuur het nooit mee met een
#   pakket en zet het niet in versiebeheer (het staat in .gitignore).
# - Verwijder of wijzig het niet zolang er formulieren uitstaan: met een nieuwe
#   sleutel worden de verstuurde formulieren geweigerd.
"""


class MissingKey(Exception):
    """There is no key to check the forms with; the message is Dutch."""


def key_path(inputs_dir: Path) -> Path:
    return inputs_dir / SEAL_KEY_FILE


def team_key(inputs_dir: Path, *, create: bool) -> bytes:
    """The engagement's secret; created (readable by the owner only) when `create` and absent."""
    path = key_path(inputs_dir)
    if not path.is_file() or path.is_symlink():
        if not create or path.is_symlink() or path.exists():
            raise MissingKey(f"{SEAL_KEY_FILE} ontbreekt in {inputs_dir}: zonder de sleutel waarmee de "
                             "pakketten zijn gemaakt kan geen formulier worden gecontroleerd. Zet het "
                             "bestand terug of maak nieuwe pakketten.")
        write_text_atomic(path, _EXPLANATION + secrets.token_hex(32) + "\n")
        os.chmod(path, 0o600)
    lines = [line.strip() for line in path.read_text(encoding="ascii", errors="replace").splitlines()]
    key = next((line for line in lines if line and not line.startswith("#")), "")
    if len(key) < 32:
        raise MissingKey(f"{SEAL_KEY_FILE} in {inputs_dir} bevat geen sleutel; zet het oorspronkelijke "
                         "bestand terug.")
    return key.encode("ascii")


def seal(key: bytes, pilot_id: str, round_: str, sent: Sequence[tuple[str, str]]) -> str:
    """The keyed digest of what a form was made for (hex)."""
    canonical = json.dumps([_same(pilot_id), _same(round_), [[_same(q), _same(v)] for q, v in sent]],
                           ensure_ascii=True, separators=(",", ":"))
    return hmac.new(key, canonical.encode("ascii"), hashlib.sha256).hexdigest()


def sealed(key: bytes, digest: str, pilot_id: str, round_: str, sent: Sequence[tuple[str, str]]) -> bool:
    return hmac.compare_digest(digest.encode("ascii", "replace"),
                               seal(key, pilot_id, round_, sent).encode("ascii"))


def _same(text: str) -> str:
    """The text as a spreadsheet program saves it back: stripped, in NFC."""
    return unicodedata.normalize("NFC", str(text).strip())
