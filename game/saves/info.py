"""One save file as a list of saves shows it, read and checked without loading its scenario.

Reading is bounded: only regular files, at most ``MAX_SAVE_BYTES``, checked before reading, so a
pipe, a device or a huge file named ``*.json`` never blocks the title screen; whatever the file
holds, the result is a ``SaveInfo`` or a ``SaveError`` with a reason.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.domain import Bilingual, Language
from game.saves.atomic import BACKUP_SUFFIX
from game.saves.errors import SaveError
from game.saves.kinds import MAX_SAVE_BYTES, SaveKind, too_large
from game.saves.reading import read_regular

if TYPE_CHECKING:
    from game.saves.codec import Decoded

ASIDE_PREFIX = "aside-"


@dataclass(frozen=True, slots=True)
class SaveInfo:
    """What a list of saves shows about one, read from its file without loading the scenario."""

    path: Path
    kind: SaveKind
    name: str
    team: str
    scenario_id: str
    scenario_version: str
    scenario_title: Bilingual | None
    round: int
    finished: bool
    created: datetime
    game_version: str
    format_version: int
    thumbnail: Path | None
    from_backup: bool
    game_id: str = ""
    sequence: int = 0
    modified_ns: int = 0
    scenario_file: str | None = None

    def title(self, lang: Language) -> str:
        """The scenario's title, or its id for saves older than titles."""
        return self.scenario_title.get(lang) if self.scenario_title else self.scenario_id

    @property
    def aside(self) -> bool:
        """Set aside by the players: listed, loadable, but never what "continue" takes."""
        return self.path.name.startswith(ASIDE_PREFIX)

    @property
    def order(self) -> tuple[int, int, str]:
        """Newest first by this: the folder's write counter, then the file's time, then name."""
        return (self.sequence, self.modified_ns, self.path.name)


def read_bytes_bounded(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at ``path``, at most ``MAX_SAVE_BYTES``; ``SaveError`` else.

    The type and size are checked before reading, and again on the opened file (it may have been
    swapped in between); the file is opened without blocking, so a pipe never hangs the game.
    """
    return read_regular(path, MAX_SAVE_BYTES, lambda kind, detail: file_problem(kind, detail, path))


def file_problem(kind: str, detail: Any, path: Path) -> SaveError:
    """A save that cannot be read, in words about saves."""
    if kind == "not_found":
        return SaveError(
            "not_found", "This save does not exist.", "Dit opgeslagen spel bestaat niet.", path
        )
    if kind == "not_a_file":
        what_en, what_nl = detail
        return SaveError(
            "not_a_file",
            f"This is {what_en}, not a save file; the game does not read it.",
            f"Dit is {what_nl}, geen bestand met een opgeslagen spel; het spel leest het niet.",
            path,
        )
    if kind == "too_large":
        return too_large(detail).at(path)
    return SaveError(
        "unreadable",
        f"This save cannot be read ({detail}).",
        f"Dit opgeslagen spel kan niet worden gelezen ({detail}).",
        path,
    )


def read_save(path: Path) -> tuple[Decoded, SaveInfo]:
    """The checked document of the save at ``path`` and what a list shows of it.

    Whatever the file holds, the result is the save or a ``SaveError``: a list of saves must
    never fail because of one odd file.
    """
    from game.saves.codec import decode  # the models (pydantic): only when there is a save

    raw, opened = read_bytes_bounded(path)
    try:
        decoded = decode(raw)
    except SaveError as error:
        raise error.at(path) from error.__cause__
    except (ValueError, TypeError, LookupError, ArithmeticError, RecursionError) as error:
        # decode turns every known way of being wrong into a SaveError; this is the way nobody
        # thought of yet, and it still must not take the title screen down.
        raise SaveError(
            "damaged",
            f"This save is damaged ({type(error).__name__}).",
            f"Dit opgeslagen spel is beschadigd ({type(error).__name__}).",
            path,
        ) from error
    return decoded, _info(path, decoded, opened.st_mtime_ns)


def _info(path: Path, decoded: Decoded, modified_ns: int) -> SaveInfo:
    save = decoded.save
    thumbnail = path.parent / save.thumbnail if save.thumbnail else None
    title = save.scenario_title
    return SaveInfo(
        path=path,
        kind=save.kind,
        name=save.name,
        team=save.team,
        scenario_id=save.scenario_id,
        scenario_version=save.scenario_version,
        scenario_title=Bilingual(title.nl, title.en) if title else None,
        round=save.round,
        finished=save.finished,
        created=save.created,
        game_version=save.game_version,
        format_version=decoded.read_version,
        thumbnail=thumbnail if thumbnail is not None and is_regular_file(thumbnail) else None,
        from_backup=path.name.endswith(BACKUP_SUFFIX),
        game_id=save.game_id,
        sequence=save.sequence,
        modified_ns=modified_ns,
        scenario_file=save.scenario_file,
    )


def is_regular_file(path: Path) -> bool:
    """True for a regular file (not a folder, pipe or device), following links."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
