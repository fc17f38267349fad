"""The folder of saves: autosaves every round, named slots, listing, loading and tidying.

A save belongs to a game, and every game has its own random id (``game.saves.names``), so teams
with the same name, or none, and two game processes on one folder never overwrite each other.
File names in the folder:

- ``autosave-<team>-<game id>.json``: written at the start of every round and at the end, one per
  game; ``….json.bak`` is the one before.
- ``slot-<name>-<key>.json`` (with ``….png``, its thumbnail): saved by the team on purpose; the
  key comes from the game and the exact name, so saving the same name again in the same game keeps
  the previous one as ``.bak``, and nothing else ever shares the file.
- ``aside-<file>``: a save the players set aside (its scenario changed); never "continued", still
  listed, and loadable once the old scenario is back.
- ``.<name>.<pid>.<random>.tmp``: a write in progress. A store removes the ones whose writer is
  gone the first time it lists or writes, and whenever ``tidy()`` is called.

Which game "continue" takes: the one written last to this folder, by the folder's write counter
(``sequence`` in every save) and then the file's time; never the clock written inside the file,
which may have been wrong. Reading is bounded: only regular files, at most ``MAX_SAVE_BYTES``,
checked before reading, so a pipe, a device or a huge file named ``*.json`` never blocks the
title screen (``game.saves.info``). Loading checks everything (``game.saves.loading``) and
returns a whole game or raises ``SaveError``; ``game.saves.writing`` writes one file.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.places import APP_NAME as APP_NAME  # re-exported: callers and tests ask this module
from game.places import PORTABLE_MARKER as PORTABLE_MARKER
from game.places import SOURCE_ROOT as SOURCE_ROOT
from game.places import data_home
from game.saves.atomic import (
    BACKUP_SUFFIX,
    backup_path,
    remove_stray_temp_files,
    write_atomic,
)
from game.saves.errors import SaveError
from game.saves.info import ASIDE_PREFIX, SaveInfo, file_problem, read_save
from game.saves.kinds import SaveKind, is_workshop_file, workshop_path
from game.saves.names import autosave_stem, slot_stem
from game.saves.writing import write_file, write_save
from game.sim.state import GameState

if TYPE_CHECKING:
    from game.saves.loading import FindScenario, LoadedGame
    from game.saves.workshop import WorkshopModel
    from game.scenario.models import Scenario

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_THUMBNAIL_BYTES = 8 * 1024 * 1024


def default_save_dir(portable: bool = False) -> Path:
    """Where saves go unless ``--saves DIR`` says otherwise (``game.places.data_home``).

    From source: ``saves/`` beside ``main.py``. In a built game: ``saves/`` beside the game when
    its folder can be written (a USB stick that travels between workshops keeps its saves), else
    the user's data folder (a read-only install); ``portable=True``, or a ``portable.txt`` beside
    the executable, insists on beside the game.
    """
    return data_home(portable).saves


@dataclass(frozen=True, slots=True)
class Listing:
    """A look at the saves folder: the usable saves (newest first), the files that cannot be
    used (with reasons), and why the folder itself cannot be read, if it cannot."""

    saves: list[SaveInfo]
    broken: list[SaveError]
    problem: SaveError | None = None


def _stat_key(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_mtime_ns, info.st_size, info.st_ino, info.st_ctime_ns)


class SaveStore:
    """One folder of saves.

    ``directory`` None means the default place (``default_save_dir``). The folder is created on
    the first write, not before, so listing an empty place leaves no trace. What a file holds is
    remembered by its size, times and inode, so listing the folder again reads only what changed.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_save_dir()
        self._tidied = False
        self._sequence = 0
        self._seen: dict[Path, tuple[tuple[int, int, int, int], SaveInfo | SaveError]] = {}
        # The write counter of the files this store wrote, so it need not read them back.
        self._written: dict[Path, tuple[tuple[int, int, int, int], int]] = {}

    # --- writing --------------------------------------------------------------------------------

    def autosave(
        self,
        state: GameState,
        scenario: Scenario,
        team: str,
        game_id: str,
        scenario_file: str | None = None,
        plan: dict[str, Any] | None = None,
    ) -> Path:
        """Save at the start of a round (and at the end); the previous one becomes the backup.

        ``plan``: the choices made so far in the round, kept when the team leaves mid-round.
        """
        self._tidy_once()
        path = self.directory / f"{autosave_stem(team, game_id)}.json"
        sequence = self._next_sequence()
        write_save(
            path,
            state,
            scenario,
            team,
            SaveKind.AUTOSAVE,
            "autosave",
            game_id=game_id,
            sequence=sequence,
            scenario_file=scenario_file,
            plan=plan,
        )
        self._remember(path, sequence)
        return path

    def save_slot(
        self,
        name: str,
        state: GameState,
        scenario: Scenario,
        team: str,
        thumbnail_png: bytes | None = None,
        *,
        game_id: str,
        scenario_file: str | None = None,
    ) -> Path:
        """Save under ``name``, with an optional PNG thumbnail of the screen."""
        from game.saves.codec import build_document, encode

        self._tidy_once()
        stem = slot_stem(" ".join(str(name).split()), game_id)
        path = self.directory / f"{stem}.json"
        thumbnail = None
        if thumbnail_png is not None:
            if not thumbnail_png.startswith(PNG_SIGNATURE) or (
                len(thumbnail_png) > MAX_THUMBNAIL_BYTES
            ):
                raise SaveError(
                    "bad_thumbnail",
                    "The thumbnail is not a PNG picture of a sensible size.",
                    "Het miniatuurplaatje is geen PNG-afbeelding van redelijke grootte.",
                    path,
                )
            thumbnail = f"{stem}.png"
        # Check the names before writing the picture, so a bad name leaves nothing behind.
        sequence = self._next_sequence()
        document = build_document(
            state,
            scenario,
            team,
            SaveKind.SLOT,
            name,
            thumbnail,
            game_id=game_id,
            sequence=sequence,
            scenario_file=scenario_file,
        )
        if thumbnail is not None and thumbnail_png is not None:
            # A picture needs no backup: it only decorates the list of saves.
            write_file(self.directory / thumbnail, thumbnail_png, keep_backup=False)
        write_file(path, encode(document))
        self._remember(path, sequence)
        return path

    def _next_sequence(self) -> int:
        """One more than any save in the folder has, so the newest write is the highest.

        Files this store wrote itself are not read back, and others only when they changed
        since the last look: an autosave costs a look at the folder, not reading every save.
        """
        highest = self._sequence
        with contextlib.suppress(SaveError):
            entries = self._entries()
            for name, (path, status) in entries.items():
                if isinstance(status, OSError):
                    continue
                if name.endswith(BACKUP_SUFFIX) and name[: -len(BACKUP_SUFFIX)] in entries:
                    continue  # older than its save, which is counted
                written = self._written.get(path)
                if written is not None and written[0] == _stat_key(status):
                    highest = max(highest, written[1])
                    continue
                got = self._read(path, status)
                if isinstance(got, SaveInfo):
                    highest = max(highest, got.sequence)
        self._sequence = highest + 1
        return self._sequence

    def _remember(self, path: Path, sequence: int) -> None:
        with contextlib.suppress(OSError):
            self._written[path] = (_stat_key(os.stat(path)), sequence)

    def set_aside(self, path: Path, with_backup: bool = True) -> Path:
        """Rename a save (and its backup) to ``aside-…``, never over another file; the new path.

        Nothing is lost: the file is listed and can still be loaded. It only stops being what
        "continue" takes. ``with_backup`` False leaves the backup where it is (it is the good
        copy the game goes on from, when the save itself was damaged).
        """
        path = Path(path)
        if path.name.startswith(ASIDE_PREFIX):
            return path
        number = 1
        while True:
            prefix = ASIDE_PREFIX if number == 1 else f"{ASIDE_PREFIX}{number}-"
            target = path.with_name(prefix + path.name)
            backup = backup_path(path)
            if not target.exists() and not backup_path(target).exists():
                break
            number += 1
        try:
            if with_backup and backup.exists() and not path.name.endswith(BACKUP_SUFFIX):
                os.rename(backup, backup_path(target))
            os.rename(path, target)
        except OSError as error:
            raise SaveError(
                "write_failed",
                f"The save could not be set aside ({error.strerror or error}); it is unchanged.",
                f"Het opgeslagen spel kon niet opzij worden gezet ({error.strerror or error}); "
                "het is niet veranderd.",
                path,
            ) from error
        return target

    # --- workshops: hot-seat teams on one laptop ------------------------------------------------

    def write_workshop(self, workshop: WorkshopModel) -> Path:
        """Keep a hot-seat workshop (its teams, turn and timer) beside the teams' autosaves."""
        from game.saves.workshop import encode_workshop

        self.directory.mkdir(parents=True, exist_ok=True)
        path = workshop_path(self.directory, workshop.workshop_id)
        write_atomic(path, encode_workshop(workshop), keep_backup=False)
        return path

    def workshops(self) -> list[tuple[Path, WorkshopModel | SaveError]]:
        """Every workshop file in the folder: its content, or why it cannot be used."""
        from game.saves.workshop import read_workshop

        try:
            names = sorted(entry.name for entry in os.scandir(self.directory))
        except OSError:
            return []
        found: list[tuple[Path, WorkshopModel | SaveError]] = []
        for name in names:
            if is_workshop_file(name):
                path = self.directory / name
                try:
                    found.append((path, read_workshop(path, self.directory)))
                except SaveError as error:
                    found.append((path, error))
        return found

    def workshop_of(self, game_id: str) -> Path | None:
        """The workshop file a game belongs to (the latest written, if forged into several)."""
        holding = [
            path
            for path, workshop in self.workshops()
            if not isinstance(workshop, SaveError)
            and any(team.game_id == game_id for team in workshop.teams)
        ]
        return max(holding, key=_modified, default=None)

    def load_workshop(
        self, path: Path, find_scenario: FindScenario
    ) -> tuple[WorkshopModel, list[LoadedGame]]:
        """A workshop and every team's game, checked, in turn order; ``SaveError`` naming the
        team and the reason when one cannot be used (the others stay loadable on their own)."""
        from game.saves.loading import load_save
        from game.saves.workshop import read_workshop

        workshop = read_workshop(Path(path), self.directory)
        autosaves = {
            info.game_id: info
            for info in reversed(self.list())
            if info.kind is SaveKind.AUTOSAVE and not info.aside
        }
        games = []
        for team in workshop.teams:
            info = autosaves.get(team.game_id)
            if info is None:
                raise _team_problem(
                    team.team,
                    "its game is not in the saves folder",
                    "het spel staat niet in de map met opgeslagen spellen",
                    path,
                )
            try:
                loaded = load_save(info.path, find_scenario)
            except SaveError as error:
                raise _team_problem(team.team, error.reason, error.reason_nl, path) from error
            games.append(loaded)
        return workshop, games

    # --- reading --------------------------------------------------------------------------------

    def scan(self) -> Listing:
        """Every save in the folder: the usable ones newest first, and the ones that are not.

        A main file that cannot be read shows its backup instead, if that can; a backup whose
        save is gone is offered too.
        """
        self._tidy_once()
        try:
            infos, broken = self._scan_files()
        except SaveError as problem:
            return Listing([], [], problem)
        infos.sort(key=lambda info: info.order, reverse=True)
        return Listing(infos, broken)

    def broken(self) -> list[SaveError]:
        """The save files that cannot be used, each with its reason (its ``path`` says which)."""
        return self.scan().broken

    def latest_autosave(self) -> SaveInfo | None:
        """What "continue" on the title screen resumes: the game last played in this folder."""
        for info in self.list():
            if info.kind is SaveKind.AUTOSAVE and not info.aside:
                return info
        return None

    def load(
        self, path: Path, find_scenario: FindScenario, allow_mismatch: bool = False
    ) -> LoadedGame:
        """The game at ``path``, checked; see ``load_save``."""
        from game.saves.loading import load_save  # the core and scenario: not for a listing

        return load_save(Path(path), find_scenario, allow_mismatch)

    def continue_in_new_version(self, path: Path, find_scenario: FindScenario) -> LoadedGame:
        """The game at ``path`` replayed in its scenario as it is now; see the function."""
        from game.saves.loading import continue_in_new_version

        return continue_in_new_version(Path(path), find_scenario)

    def usable_backup(self, path: Path, find_scenario: FindScenario) -> LoadedGame | None:
        """The game in ``path``'s backup, if that loads whole (for when ``path`` itself fails)."""
        from game.saves.loading import load_save

        backup = backup_path(Path(path))
        try:
            return load_save(backup, find_scenario)
        except SaveError:
            return None

    def tidy(self) -> list[Path]:
        """Remove temporary files left by writes that were cut off; return them."""
        self._tidied = True
        if not self.directory.is_dir():
            return []
        return remove_stray_temp_files(self.directory)

    def _tidy_once(self) -> None:
        if not self._tidied:
            self.tidy()

    def _entries(self) -> dict[str, tuple[Path, os.stat_result | OSError]]:
        """The folder's save and backup files by name, each with its status (or why not)."""
        try:
            scanner = os.scandir(self.directory)
        except FileNotFoundError:
            return {}
        except NotADirectoryError as error:
            raise SaveError(
                "folder_unreadable",
                f"The saves folder {self.directory} is a file, not a folder.",
                f"De map met opgeslagen spellen {self.directory} is een bestand, geen map.",
            ) from error
        except OSError as error:
            raise _folder_unreadable(self.directory, error) from error
        entries: dict[str, tuple[Path, os.stat_result | OSError]] = {}
        try:
            with scanner:
                for entry in scanner:
                    name = entry.name
                    if name.startswith(".") or not (
                        name.endswith(".json") or name.endswith(".json" + BACKUP_SUFFIX)
                    ):
                        continue
                    path = self.directory / name
                    try:
                        entries[name] = (path, entry.stat())
                    except OSError as error:  # a link to nowhere, a file gone meanwhile
                        entries[name] = (path, error)
        except OSError as error:
            raise _folder_unreadable(self.directory, error) from error
        return entries

    def _read(self, path: Path, status: os.stat_result | OSError) -> SaveInfo | SaveError:
        if isinstance(status, OSError):
            if isinstance(status, FileNotFoundError):
                return SaveError(
                    "not_found",
                    "This save points to a file that does not exist.",
                    "Dit opgeslagen spel verwijst naar een bestand dat niet bestaat.",
                    path,
                )
            return file_problem("unreadable", status.strerror or type(status).__name__, path)
        key = _stat_key(status)
        seen = self._seen.get(path)
        if seen is not None and seen[0] == key:
            return seen[1]
        try:
            result: SaveInfo | SaveError = read_save(path)[1]
        except SaveError as error:
            result = error
        self._seen[path] = (key, result)
        return result

    def _scan_files(self) -> tuple[list[SaveInfo], list[SaveError]]:
        entries = self._entries()
        infos: list[SaveInfo] = []
        broken: list[SaveError] = []
        for name in sorted(entries):
            path, status = entries[name]
            if name.endswith(BACKUP_SUFFIX):
                if name[: -len(BACKUP_SUFFIX)] in entries:
                    continue  # a backup beside its save: offered only if the save is unusable
                got = self._read(path, status)
            else:
                got = self._read(path, status)
                if isinstance(got, SaveError):
                    broken.append(got)
                    backup = entries.get(name + BACKUP_SUFFIX)
                    if backup is None:
                        continue
                    got = self._read(*backup)
                    if isinstance(got, SaveError):
                        continue
                    infos.append(got)
                    continue
            if isinstance(got, SaveError):
                broken.append(got)
            else:
                infos.append(got)
        for gone in set(self._seen) - {path for path, _ in entries.values()}:
            del self._seen[gone]
        return infos, broken

    # Last in the class: below it, ``list`` in an annotation would name this method.
    def list(self) -> list[SaveInfo]:
        """Every readable save, newest first; ``SaveError`` if the folder cannot be read."""
        listing = self.scan()
        if listing.problem is not None:
            raise listing.problem
        return listing.saves


def _modified(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def _team_problem(team: str, reason: str, reason_nl: str, path: Path) -> SaveError:
    return SaveError(
        "workshop_team",
        f"The workshop cannot go on: {team}: {reason} The teams' games can still be loaded one "
        "by one.",
        f"De workshop kan niet verder: {team}: {reason_nl} De spellen van de teams kunnen nog "
        "een voor een worden geladen.",
        path,
    )


def _folder_unreadable(directory: Path, error: OSError) -> SaveError:
    reason = error.strerror or type(error).__name__
    return SaveError(
        "folder_unreadable",
        f"The saves folder {directory} cannot be read ({reason}).",
        f"De map met opgeslagen spellen {directory} kan niet worden gelezen ({reason}).",
    )
