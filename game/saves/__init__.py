"""Saves: autosave every round, named slots, resume after a crash; versioned, atomic, replayed.

The UI and the command line use ``SaveStore``; everything that can go wrong with a save file
arrives as a ``SaveError`` whose reason can be shown to players in Dutch or English. A save
belongs to a game (``new_game_id``), never to a file name made from a team's name.
"""

from typing import TYPE_CHECKING, Any

from game.saves.errors import SaveError
from game.saves.info import SaveInfo, read_save
from game.saves.kinds import FORMAT_NAME, FORMAT_VERSION, SaveKind
from game.saves.names import clean_name, new_game_id
from game.saves.store import Listing, SaveStore, default_save_dir
from game.saves.writing import write_save

if TYPE_CHECKING:
    from game.saves.loading import (
        CHANGED_KINDS,
        LoadedGame,
        continue_in_new_version,
        find_installed_scenario,
        load_save,
    )
    from game.saves.replay import Mismatch, RejectedReplay

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


# Loading and replaying need the simulation core and the scenario models; they are loaded when
# first asked for, so that listing saves (the title screen) does not wait for them (issue 22).
_LOADING = {"CHANGED_KINDS", "LoadedGame", "continue_in_new_version", "find_installed_scenario"}


def __getattr__(name: str) -> Any:
    if name in _LOADING or name == "load_save":
        from game.saves import loading as module
    elif name in ("Mismatch", "RejectedReplay"):
        from game.saves import replay as module
    else:
        raise AttributeError(f"module 'game.saves' has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value
