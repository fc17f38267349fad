"""What a save is before it is read whole: its format, its kind, its largest size.

Apart from ``models`` (pydantic), so that listing the saves folder's names, taking a lock or
writing a save's file name loads no models (issue 22: the first frame).
"""

from enum import StrEnum
from pathlib import Path

from game.saves.errors import SaveError

FORMAT_NAME = "netwerkende-gemeente-save"
FORMAT_VERSION = 8
# A hot-seat workshop's file in the saves folder (``game.saves.workshop`` reads it).
WORKSHOP_SUFFIX = ".workshop"
WORKSHOP_PREFIX = "workshop-"
# A 40-round game is well under a megabyte; anything this big is not one of ours.
MAX_SAVE_BYTES = 8 * 1024 * 1024


class SaveKind(StrEnum):
    """Written by the game every round, or by the team on purpose under a name."""

    AUTOSAVE = "autosave"
    SLOT = "slot"


def too_large(size: int) -> SaveError:
    """The error for a file larger than any save."""
    shown = f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} kB"
    return SaveError(
        "too_large",
        f"This file is too large to be a save ({shown}; a save is at most "
        f"{MAX_SAVE_BYTES // 1024 // 1024} MB).",
        f"Dit bestand is te groot voor een opgeslagen spel ({shown}; een opgeslagen spel is "
        f"hoogstens {MAX_SAVE_BYTES // 1024 // 1024} MB).",
    )


def workshop_path(directory: Path, workshop_id: str) -> Path:
    """Where a workshop's file lies in the saves folder."""
    return directory / f"{WORKSHOP_PREFIX}{workshop_id}{WORKSHOP_SUFFIX}"


def is_workshop_file(name: str) -> bool:
    """Whether a file name in the saves folder is a workshop file."""
    return name.startswith(WORKSHOP_PREFIX) and name.endswith(WORKSHOP_SUFFIX)
