"""Saves: autosave every round, named slots, resume after a crash; versioned, atomic, replayed.

The UI and the command line use ``SaveStore``; everything that can go wrong with a save file
arrives as a ``SaveError`` whose reason can be shown to players in Dutch or English. A save
belongs to a game (``new_game_id``), never to a file name made from a team's name.
"""

from game.saves.errors import SaveError
from game.saves.info import SaveInfo, read_save
from game.saves.loading import (
    CHANGED_KINDS,
    LoadedGame,
    continue_in_new_version,
    find_installed_scenario,
    load_save,
)
from game.saves.models import FORMAT_NAME, FORMAT_VERSION, SaveKind
from game.saves.names import clean_name, new_game_id
from game.saves.replay import Mismatch, RejectedReplay
from game.saves.store import Listing, SaveStore, default_save_dir
from game.saves.writing import write_save

__all__ = [
    "CHANGED_KINDS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "Listing",
    "LoadedGame",
    "Mismatch",
    "RejectedReplay",
    "SaveError",
    "SaveInfo",
    "SaveKind",
    "SaveStore",
    "clean_name",
    "continue_in_new_version",
    "default_save_dir",
    "find_installed_scenario",
    "load_save",
    "new_game_id",
    "read_save",
    "write_save",
]
