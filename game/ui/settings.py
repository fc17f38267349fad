"""What a room can change about the window: language, type size, fullscreen, palette, sound —
and keeping those choices from one launch to the next.

The settings file lies where ``game.places`` says (beside a portable game, else the user's
config folder), as a small JSON document, written atomically. A broken file never stops the
game: what can be read is used, the rest falls back to the defaults, and a note says so.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from game.domain import LANGUAGES, GameLength, Language

# Font scale steps offered in settings: small type for a laptop, extra large for the back row.
FONT_SCALES: tuple[float, ...] = (0.85, 1.0, 1.2, 1.4)
SETTINGS_FORMAT = "netwerkende-gemeente-settings"
SETTINGS_VERSION = 1
# The facilitator's PIN: four to eight digits.
PIN_LENGTH = (4, 8)
# The teams a new game remembers: as many as take turns, names as long as a team's may be.
REMEMBERED_TEAMS = 4
REMEMBERED_NAME = 40
# A settings file is a few hundred bytes; anything much larger is not one.
MAX_SETTINGS_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """The room's preferences. Frozen: changing one gives a new value, and the app rebuilds."""

    language: Language = "nl"
    font_scale: float = 1.0
    fullscreen: bool = False
    colour_blind: bool = False
    sound: bool = True
    predict: bool = True
    # The facilitator panel's PIN (issue 12); empty: the panel opens without one.
    facilitator_pin: str = ""
    # What the last new game was started with, offered again by the next (issue 19): the
    # teams' names (one, or two to four taking turns) and the length.
    last_teams: tuple[str, ...] = ()
    last_length: str = "full"

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def next_font_scale(self) -> float:
        """The next step up, wrapping round to the smallest."""
        steps = FONT_SCALES
        bigger = [s for s in steps if s > self.font_scale + 1e-6]
        return bigger[0] if bigger else steps[0]


def _valid(name: str, value: Any) -> bool:
    if name == "facilitator_pin":
        return isinstance(value, str) and (
            value == "" or (value.isdigit() and PIN_LENGTH[0] <= len(value) <= PIN_LENGTH[1])
        )
    if name == "last_teams":
        return (
            isinstance(value, list | tuple)
            and len(value) <= REMEMBERED_TEAMS
            and all(
                isinstance(n, str) and len(n) <= REMEMBERED_NAME and n.isprintable() for n in value
            )
        )
    if name == "last_length":
        return value in {length.value for length in GameLength}
    if name == "language":
        return value in LANGUAGES
    if name == "font_scale":
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and any(abs(value - step) < 1e-6 for step in FONT_SCALES)
        )
    return isinstance(value, bool)


def read_settings(path: Path, base: Settings | None = None) -> tuple[Settings, str | None]:
    """The settings kept at ``path`` over ``base`` (the defaults), and a note when the file
    could not be used whole (English; the title screen shows it). No file: ``base``, no note."""
    base = base or Settings()
    try:
        if not path.is_file():
            return base, None
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            return base, f"the settings file {path} is too large to be one; defaults are used"
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return base, f"the settings file {path} cannot be read ({error}); defaults are used"
    if not isinstance(data, dict) or data.get("format") != SETTINGS_FORMAT:
        return base, f"{path} is not a settings file of this game; defaults are used"
    changes: dict[str, Any] = {}
    wrong: list[str] = []
    for field in fields(Settings):
        if field.name not in data:
            continue
        value = data[field.name]
        if _valid(field.name, value):
            if field.name == "font_scale":
                value = float(value)
            elif field.name == "last_teams":
                value = tuple(value)
            changes[field.name] = value
        else:
            wrong.append(field.name)
    settings = base.with_(**changes)
    if wrong:
        return settings, (
            f"the settings file {path} has values the game does not know "
            f"({', '.join(wrong)}); those are back to their defaults"
        )
    return settings, None


def write_settings(settings: Settings, path: Path) -> None:
    """Keep ``settings`` at ``path``, atomically (a crash leaves the old file or the new)."""
    from game.saves.atomic import write_atomic

    document = {"format": SETTINGS_FORMAT, "version": SETTINGS_VERSION, **asdict(settings)}
    data = (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, keep_backup=False)
