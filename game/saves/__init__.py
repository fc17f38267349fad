"""Saves: autosave every round, named slots, resume after a crash; versioned, atomic, replayed.

The UI and the command line use ``SaveStore``; everything that can go wrong with a save file
arrives as a ``SaveError`` whose reason can be shown to players in Dutch or English.
"""

from game.saves.errors import SaveError
from game.saves.models import FORMAT_NAME, FORMAT_VERSION, SaveKind
from game.saves.replay import Mismatch, RejectedReplay
from game.saves.store import (
    LoadedGame,
    SaveInfo,
    SaveStore,
    default_save_dir,
    find_installed_scenario,
    load_save,
    read_save,
    write_save,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "LoadedGame",
    "Mismatch",
    "RejectedReplay",
    "SaveError",
    "SaveInfo",
    "SaveKind",
    "SaveStore",
    "default_save_dir",
    "find_installed_scenario",
    "load_save",
    "read_save",
    "write_save",
]
