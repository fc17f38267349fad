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
title screen. Loading checks everything (see ``load_save``) and returns a whole game or raises
``SaveError``.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from game.domain import Bilingual, Language
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
from game.saves.codec import (
    MAX_SAVE_BYTES,
    Decoded,
    build_document,
    decode,
    encode,
    game_version,
    too_large,
)
from game.saves.errors import SaveError
from game.saves.models import SaveKind
from game.saves.names import autosave_stem, new_game_id, slot_stem
from game.saves.reading import read_regular
from game.saves.replay import Mismatch, RejectedReplay, check_replay, replay_prefix
from game.scenario.models import Scenario
from game.sim.length import played_scenario
from game.sim.state import Decisions, GameState

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_THUMBNAIL_BYTES = 8 * 1024 * 1024
ASIDE_PREFIX = "aside-"
# Load failures where the scenario (or the game's rules) changed since the save: the players may
# continue in the new version, replaying their decisions in it.
CHANGED_KINDS = ("replay_mismatch", "scenario_incompatible")

FindScenario = Callable[[str], Scenario | None]


def default_save_dir(portable: bool = False) -> Path:
    """Where saves go unless ``--saves DIR`` says otherwise (``game.places.data_home``).

    From source: ``saves/`` beside ``main.py``. In a built game: ``saves/`` beside the game when
    its folder can be written (a USB stick that travels between workshops keeps its saves), else
    the user's data folder (a read-only install); ``portable=True``, or a ``portable.txt`` beside
    the executable, insists on beside the game.
    """
    return data_home(portable).saves


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


@dataclass(frozen=True, slots=True)
class LoadedGame:
    """A save that passed every check, ready to continue.

    ``mismatch`` is set only when the caller allowed a replay that differs from the saved state
    (``allow_mismatch=True``), or when the game was replayed in a new version of its scenario
    (``continue_in_new_version``: then it says where the new version parted from the save); the
    caller should tell the players why. ``game_id`` is the id to continue under: the save's own
    for an autosave (the same game goes on), a new one for a slot or a save set aside (loading
    those starts a branch, which must not overwrite the game it came from).
    """

    state: GameState
    scenario: Scenario
    team: str
    info: SaveInfo
    mismatch: Mismatch | RejectedReplay | None = None
    game_id: str = field(default_factory=new_game_id)
    scenario_file: str | None = None
    # The choices made so far in the round being played (``PlanModel`` as a dict), if saved.
    plan: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    """A look at the saves folder: the usable saves (newest first), the files that cannot be
    used (with reasons), and why the folder itself cannot be read, if it cannot."""

    saves: list[SaveInfo]
    broken: list[SaveError]
    problem: SaveError | None = None


def read_bytes_bounded(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at ``path``, at most ``MAX_SAVE_BYTES``; ``SaveError`` else.

    The type and size are checked before reading, and again on the opened file (it may have been
    swapped in between); the file is opened without blocking, so a pipe never hangs the game.
    """
    return read_regular(path, MAX_SAVE_BYTES, lambda kind, detail: _problem(kind, detail, path))


def _problem(kind: str, detail: Any, path: Path) -> SaveError:
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
        thumbnail=thumbnail if thumbnail is not None and _is_regular(thumbnail) else None,
        from_backup=path.name.endswith(BACKUP_SUFFIX),
        game_id=save.game_id,
        sequence=save.sequence,
        modified_ns=modified_ns,
        scenario_file=save.scenario_file,
    )


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _continue_as(info: SaveInfo) -> str:
    """The game id a loaded save goes on under: its own only for a live autosave."""
    if info.kind is SaveKind.AUTOSAVE and not info.aside and info.game_id:
        return info.game_id
    return new_game_id()


def load_save(
    path: Path, find_scenario: FindScenario, allow_mismatch: bool = False, use_hint: bool = True
) -> LoadedGame:
    """The game saved at ``path``, checked from file to replay; ``SaveError`` if anything is off.

    Checks, in order: the file can be read and is whole; it is a save of this game in a format
    version this game knows (older ones upgraded step by step); its checksum matches; every field
    is valid; its scenario is installed in a compatible version; and replaying its decision log
    from its seed gives exactly the saved state. A replay that differs raises too, unless
    ``allow_mismatch`` is set, in which case the difference travels in ``LoadedGame.mismatch``.

    The scenario is looked for first in the file the game was played from (the save keeps its
    path, so a game started from a file outside ``scenarios/`` can be continued; ``use_hint``
    False skips it, when the caller names the scenario itself), then with ``find_scenario``.
    """
    decoded, info = read_save(path)
    state, decisions = _rebuild(decoded, path)
    scenario = _scenario_for(info, find_scenario, path, use_hint)
    _check_version(info, scenario, path)
    found, replayed = check_replay(scenario, state, decisions)
    if found is not None and not allow_mismatch:
        raise _mismatch_error(found, info, scenario, path)
    return LoadedGame(
        replayed or state,
        played_scenario(scenario, state.length),
        info.team,
        info,
        found,
        _continue_as(info),
        info.scenario_file,
        decoded.document["body"].get("plan"),
    )


def continue_in_new_version(
    path: Path, find_scenario: FindScenario, use_hint: bool = True
) -> LoadedGame:
    """The saved game played again in the scenario as it is now, as far as its decisions allow.

    For a save whose scenario changed since (a new version, or tuned without one): the seed and
    the decision log are replayed in the new version, so the game that goes on is one the new
    version really gives, and every later save of it replays exactly. When a round's decisions
    are no longer possible there, the game goes on from the start of that round, and
    ``mismatch`` says which and why; otherwise ``mismatch`` is None.
    """
    decoded, info = read_save(path)
    saved, decisions = _rebuild(decoded, path)
    scenario = _scenario_for(info, find_scenario, path, use_hint)
    state, stop = replay_prefix(
        scenario, decoded.save.body.seed, decisions, saved.interventions, saved.length
    )
    game_id = _continue_as(info)
    played = played_scenario(scenario, state.length)
    return LoadedGame(state, played, info.team, info, stop, game_id, info.scenario_file)


def _rebuild(decoded: Decoded, path: Path) -> tuple[GameState, list[Decisions]]:
    body = decoded.document["body"]
    try:
        state = GameState.from_dict(body["state"])
        decisions = [Decisions.from_dict(d) for d in body["decisions"]]
    except (LookupError, TypeError, ValueError) as error:
        raise SaveError(
            "invalid",
            f"This save is damaged: its game state cannot be rebuilt ({error!r}).",
            f"Dit opgeslagen spel is beschadigd: de spelstand kan niet worden hersteld "
            f"({error!r}).",
            path,
        ) from error
    return state, decisions


def _scenario_for(
    info: SaveInfo, find_scenario: FindScenario, path: Path, use_hint: bool = True
) -> Scenario:
    name = f"'{info.scenario_id}'"
    scenario, hint_problem = _from_hint(info) if use_hint else (None, None)
    try:
        if scenario is None:
            scenario = find_scenario(info.scenario_id)
        if scenario is None and hint_problem is not None:
            raise hint_problem
    except Exception as error:
        # Whatever a scenario loader raises, the players get a sentence, not a traceback.
        raise SaveError(
            "scenario_unreadable",
            f"This save is of scenario {name}, but that scenario cannot be read: {error}",
            f"Dit opgeslagen spel hoort bij scenario {name}, maar dat scenario kan niet worden "
            f"gelezen: {error}",
            path,
        ) from error
    if scenario is not None and scenario.id != info.scenario_id:
        raise SaveError(
            "scenario_missing",
            f"This save is of scenario {name}, not of '{scenario.id}'.",
            f"Dit opgeslagen spel hoort bij scenario {name}, niet bij '{scenario.id}'.",
            path,
        )
    if scenario is None:
        raise SaveError(
            "scenario_missing",
            f"This save is of scenario {name} ({info.title('en')}), version "
            f"{info.scenario_version}, which is not installed. Put its file in the scenarios "
            "folder to continue.",
            f"Dit opgeslagen spel hoort bij scenario {name} ({info.title('nl')}), versie "
            f"{info.scenario_version}, en dat is niet geïnstalleerd. Zet het scenariobestand in "
            "de map met scenario's om verder te spelen.",
            path,
        )
    return scenario


def _from_hint(info: SaveInfo) -> tuple[Scenario | None, Exception | None]:
    """The scenario from the file the game was played from, if it is there with the save's id.

    A file there that does not load (being edited, or another scenario under that name) is
    passed over; its problem is told only when the scenario is found nowhere else.
    """
    if not info.scenario_file:
        return None, None
    from game.scenario.loader import load_scenario

    hint = Path(info.scenario_file)
    if not _is_regular(hint) or hint.stem != info.scenario_id:
        return None, None
    try:
        scenario = load_scenario(hint)
    except Exception as error:
        return None, error
    if scenario.id != info.scenario_id:
        return None, None
    return scenario, None


def _check_version(info: SaveInfo, scenario: Scenario, path: Path) -> None:
    name = f"'{info.scenario_id}'"
    if not compatible_versions(info.scenario_version, scenario.version):
        raise SaveError(
            "scenario_incompatible",
            f"This save is of scenario {name} version {info.scenario_version}; the installed "
            f"version {scenario.version} changed in a way old games cannot continue in (a new "
            f"major version). Install version {info.scenario_version} of {name} to continue it.",
            f"Dit opgeslagen spel hoort bij scenario {name} versie {info.scenario_version}; de "
            f"geïnstalleerde versie {scenario.version} is zo veranderd dat oude spellen er niet "
            f"in verder kunnen (een nieuwe hoofdversie). Installeer versie "
            f"{info.scenario_version} van {name} om verder te spelen.",
            path,
        )


def compatible_versions(saved: str, installed: str) -> bool:
    """Scenario versions are 'major.minor.patch': a new major version breaks old games.

    Minor and patch changes (a typo, a tuned number) are allowed through; the replay check then
    shows whether the game still comes out the same.
    """
    return saved.split(".")[0] == installed.split(".")[0]


def _mismatch_error(
    found: Mismatch | RejectedReplay, info: SaveInfo, scenario: Scenario, path: Path
) -> SaveError:
    en, nl = found.explain("en"), found.explain("nl")
    if info.scenario_version != scenario.version:
        # No arrow: the game's font has none, and players read this on screen.
        en += (
            f" The scenario changed since the save (version {info.scenario_version} then, "
            f"{scenario.version} now), which is the likely cause."
        )
        nl += (
            f" Het scenario is sinds het opslaan veranderd (toen versie {info.scenario_version}, "
            f"nu {scenario.version}); dat is de waarschijnlijke oorzaak."
        )
    elif info.game_version != game_version():
        en += (
            f" The save was made by game version {info.game_version}, this is "
            f"{game_version()}: its rules may have changed."
        )
        nl += (
            f" Het spel is opgeslagen met versie {info.game_version}, dit is "
            f"{game_version()}: de spelregels kunnen veranderd zijn."
        )
    return SaveError("replay_mismatch", en, nl, path)


def write_save(
    path: Path,
    state: GameState,
    scenario: Scenario,
    team: str,
    kind: SaveKind = SaveKind.SLOT,
    name: str | None = None,
    thumbnail: str | None = None,
    *,
    game_id: str | None = None,
    sequence: int = 0,
    scenario_file: str | None = None,
    plan: dict[str, Any] | None = None,
) -> Path:
    """Write a save of ``state`` to ``path`` atomically, keeping the previous file as ``.bak``.

    ``game_id`` None: the save is of a game of its own (``autoplay --save``).
    """
    document = build_document(
        state,
        scenario,
        team,
        kind,
        name or path.stem,
        thumbnail,
        game_id=game_id or new_game_id(),
        sequence=sequence,
        scenario_file=scenario_file,
        plan=plan,
    )
    _write(path, encode(document))
    return path


def _write(path: Path, data: bytes, keep_backup: bool = True) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, keep_backup)
    except OSError as error:
        raise SaveError(
            "write_failed",
            f"The game could not be saved in {path.parent} ({error.strerror or error}). The game "
            "goes on; choose another folder with --saves or free some space.",
            f"Het spel kon niet worden opgeslagen in {path.parent} ({error.strerror or error}). "
            "Het spel gaat door; kies een andere map met --saves of maak ruimte vrij.",
            path,
        ) from error


def find_installed_scenario(scenario_id: str) -> Scenario | None:
    """A shipped scenario by id, or None when there is no such file."""
    from game.scenario.loader import load_scenario, scenario_path

    path = scenario_path(scenario_id)
    return load_scenario(path) if _is_regular(path) else None


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
            _write(self.directory / thumbnail, thumbnail_png, keep_backup=False)
        _write(path, encode(document))
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
        return load_save(Path(path), find_scenario, allow_mismatch)

    def continue_in_new_version(self, path: Path, find_scenario: FindScenario) -> LoadedGame:
        """The game at ``path`` replayed in its scenario as it is now; see the function."""
        return continue_in_new_version(Path(path), find_scenario)

    def usable_backup(self, path: Path, find_scenario: FindScenario) -> LoadedGame | None:
        """The game in ``path``'s backup, if that loads whole (for when ``path`` itself fails)."""
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
                f"De map voor opgeslagen spellen {self.directory} is een bestand, geen map.",
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
            return _problem("unreadable", status.strerror or type(status).__name__, path)
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


def _folder_unreadable(directory: Path, error: OSError) -> SaveError:
    reason = error.strerror or type(error).__name__
    return SaveError(
        "folder_unreadable",
        f"The saves folder {directory} cannot be read ({reason}).",
        f"De map met opgeslagen spellen {directory} kan niet worden gelezen ({reason}).",
    )
