"""Names of games and their files: a game's own id, clean team names, file names that never clash.

A save belongs to a *game*, not to a team name: two teams called "Team Rood" and "team rood!",
a team without a name, or two game processes on one folder each have a game of their own. Every
game gets a random id when it starts; file names carry that id, and a readable part made from the
team or slot name only to help people find their file. So a name that cannot be part of a file
name (emoji, another script, ``CON``, ``../..``) still works: it just adds nothing readable.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata

# A game id: 16 hex digits (64 random bits), so two games never share one.
GAME_ID_PATTERN = r"^[0-9a-f]{16}$"
# Characters a name may never hold: control characters (NUL, escape…) and lone surrogates, which
# cannot be drawn or written as UTF-8.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# Characters no text in a save holds: the same, except tabs and line breaks, which a scenario's
# texts (copied into explanations) may contain.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# How many characters of a name the file name keeps, so paths stay short on every system.
_READABLE_CHARS = 24


def new_game_id() -> str:
    """A fresh game id."""
    return secrets.token_hex(8)


def has_unprintable(text: str) -> bool:
    """Whether ``text`` holds a control character or a lone surrogate."""
    return _UNPRINTABLE.search(text) is not None


def strip_unprintable(text: str) -> str:
    """``text`` without control characters and lone surrogates (typed or pasted input)."""
    return _UNPRINTABLE.sub("", text)


def has_forbidden(text: str) -> bool:
    """Whether ``text`` holds a character no text in a save may hold (NUL, escape, surrogates)."""
    return _FORBIDDEN.search(text) is not None


def clean_name(text: str, limit: int = 80) -> str:
    """A name as it is shown and saved: no control characters, single spaces, at most ``limit``.

    Typed names can carry anything a keyboard or a paste sends; a NUL in a team name would make
    every screen that draws it fail, so it never gets that far.
    """
    plain = _UNPRINTABLE.sub(" ", str(text))
    return " ".join(plain.split())[:limit].strip()


def slug(text: str) -> str:
    """The readable part of a file name: 'Team Één!' → 'team-een'; '' when nothing is readable."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:_READABLE_CHARS].strip("-")


def _stem(kind: str, readable: str, key: str) -> str:
    return "-".join(part for part in (kind, slug(readable), key) if part)


def autosave_stem(team: str, game_id: str) -> str:
    """``autosave-<team>-<game id>``: one autosave per game."""
    return _stem("autosave", team, game_id)


def slot_stem(name: str, game_id: str) -> str:
    """``slot-<name>-<key>``: one file per game and exact slot name.

    Saving the same name again in the same game replaces it (keeping a backup); the same name in
    another game, or a name that differs only in case or punctuation, is another file.
    """
    key = hashlib.sha256(f"{game_id}\n{name}".encode("utf-8", "surrogatepass")).hexdigest()
    return _stem("slot", name, key[:12])
