"""Where the game finds its own files, and where it keeps the players' files.

Two situations:

- **From source** (``python main.py``): everything lies in the project folder; saves go to
  ``saves/`` beside ``main.py``, as they always have.
- **A built game** (PyInstaller, ``sys.frozen``): the folder that holds the executable is the
  game's home. Its ``scenarios/`` folder is where trainers drop scenario files, and its ``pack/``
  folder holds an organisation's branding. Saves, settings and results are kept *beside the game*
  when that folder can be written (a USB stick that travels between workshops keeps its games),
  and in the user's own folders (platformdirs) when it cannot (a read-only network share,
  Program Files). The settings screen says which, and where.

Nothing here is worked out at import time except plain paths; asking costs a stat or two.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

APP_NAME = "Netwerkende Gemeente"
PORTABLE_MARKER = "portable.txt"
"""A file of this name beside a built game keeps its files beside it, come what may."""
SOURCE_ROOT = Path(__file__).resolve().parent.parent
PACK_FOLDER = "pack"
PACK_FILE = "pack.yaml"

Where = Literal["source", "beside", "user"]


def is_frozen() -> bool:
    """True in a built game (PyInstaller sets ``sys.frozen``)."""
    return bool(getattr(sys, "frozen", False))


def install_dir() -> Path:
    """The game's own folder: the project from source; the executable's folder when built.

    On macOS an app bundle's executable sits inside ``Name.app/Contents/MacOS``; its home is the
    folder that holds the ``.app``, where a person sees it.
    """
    if not is_frozen():
        return SOURCE_ROOT
    executable = Path(sys.executable).resolve()
    for parent in executable.parents:
        if parent.suffix == ".app":
            return parent.parent
    return executable.parent


def game_scenario_dir() -> Path:
    """The folder of the game's scenarios; in a built game, the one trainers drop files into."""
    return install_dir() / "scenarios"


def installed_pack_dir() -> Path | None:
    """The branding pack a built game carries beside itself, if there is one."""
    if not is_frozen():
        return None
    folder = install_dir() / PACK_FOLDER
    # Any pack.yaml, even one that is not a plain file: loading it then says why it is refused.
    return folder if os.path.lexists(folder / PACK_FILE) else None


@dataclass(frozen=True, slots=True)
class DataHome:
    """Where saves, settings and results are kept, and why there."""

    root: Path
    where: Where

    @property
    def saves(self) -> Path:
        return self.root / "saves"

    @property
    def results(self) -> Path:
        return self.root / "results"

    @property
    def settings_file(self) -> Path:
        """Beside a portable game; else in the user's own config folder (platformdirs), so
        the language, type size and palette stay from one launch to the next."""
        if self.where == "beside":
            return self.root / "settings.json"
        from platformdirs import user_config_path

        return user_config_path(APP_NAME, appauthor=False) / "settings.json"

    @property
    def portable(self) -> bool:
        """True when the files travel with the game's folder."""
        return self.where != "user"


def data_home(portable: bool = False) -> DataHome:
    """Where this game keeps what the players make (see the module's docstring).

    ``portable`` (or a ``portable.txt`` beside a built game) insists on beside the game.
    """
    if not is_frozen():
        return DataHome(SOURCE_ROOT, "source")
    home = install_dir()
    if portable or (home / PORTABLE_MARKER).exists() or writable(home):
        return DataHome(home, "beside")
    from platformdirs import user_data_path

    return DataHome(user_data_path(APP_NAME, appauthor=False), "user")


def writable(folder: Path) -> bool:
    """Whether files can be made in ``folder`` (and in its ``saves/``, if that exists).

    Tried for real with a temporary file: permission bits do not tell about read-only media,
    network shares or Windows' folder rights.
    """
    for candidate in (folder, folder / "saves"):
        if candidate is not folder and not candidate.exists():
            continue
        try:
            handle, name = tempfile.mkstemp(prefix=".write-test-", dir=candidate)
        except OSError:
            return False
        os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(name)
    return True
