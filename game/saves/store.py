"""The folder of saves: autosaves every round, named slots, listing, loading and tidying.

File names in the folder:

- ``autosave-<team>.json``: written at the start of every round, one per team, so hot-seat
  teams on one laptop never overwrite each other; ``autosave-<team>.json.bak`` is the round before.
- ``slot-<name>.json`` (with ``slot-<name>.png``, its thumbnail): saved by the team on purpose;
  saving the same name again keeps the previous one as ``.bak``.
- ``.<name>.<pid>.<random>.tmp``: a write in progress. A store removes the ones whose writer is
  gone the first time it lists or writes, and whenever ``tidy()`` is called.

Loading checks everything (see ``load_save``) and returns a whole game or raises ``SaveError``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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
from game.saves.codec import Decoded, build_document, decode, encode, game_version
from game.saves.errors import SaveError
from game.saves.models import SaveKind
from game.saves.replay import Mismatch, RejectedReplay, check_replay
from game.scenario.models import Scenario
from game.sim.state import Decisions, GameState

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_THUMBNAIL_BYTES = 8 * 1024 * 1024

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

    def title(self, lang: Language) -> str:
        """The scenario's title, or its id for saves older than titles."""
        return self.scenario_title.get(lang) if self.scenario_title else self.scenario_id


@dataclass(frozen=True, slots=True)
class LoadedGame:
    """A save that passed every check, ready to continue.

    ``mismatch`` is set only when the caller allowed a replay that differs from the saved state
    (``allow_mismatch=True``); the game then continues from the saved state, and the caller
    should tell the players why.
    """

    state: GameState
    scenario: Scenario
    team: str
    info: SaveInfo
    mismatch: Mismatch | RejectedReplay | None = None


def read_save(path: Path) -> tuple[Decoded, SaveInfo]:
    """The checked document of the save at ``path`` and what a list shows of it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise SaveError(
            "not_found", "This save does not exist.", "Dit opgeslagen spel bestaat niet.", path
        ) from error
    except OSError as error:
        raise SaveError(
            "unreadable",
            f"This save cannot be read ({error.strerror}).",
            f"Dit opgeslagen spel kan niet worden gelezen ({error.strerror}).",
            path,
        ) from error
    try:
        decoded = decode(raw)
    except SaveError as error:
        raise error.at(path) from error.__cause__
    return decoded, _info(path, decoded)


def _info(path: Path, decoded: Decoded) -> SaveInfo:
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
        thumbnail=thumbnail if thumbnail is not None and thumbnail.is_file() else None,
        from_backup=path.name.endswith(BACKUP_SUFFIX),
    )


def load_save(path: Path, find_scenario: FindScenario, allow_mismatch: bool = False) -> LoadedGame:
    """The game saved at ``path``, checked from file to replay; ``SaveError`` if anything is off.

    Checks, in order: the file can be read and is whole; it is a save of this game in a format
    version this game knows (older ones upgraded step by step); its checksum matches; every field
    is valid; its scenario is installed in a compatible version; and replaying its decision log
    from its seed gives exactly the saved state. A replay that differs raises too, unless
    ``allow_mismatch`` is set, in which case the difference travels in ``LoadedGame.mismatch``.
    """
    decoded, info = read_save(path)
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
    scenario = _scenario_for(info, find_scenario, path)
    found, replayed = check_replay(scenario, state, decisions)
    if found is not None and not allow_mismatch:
        raise _mismatch_error(found, info, scenario, path)
    return LoadedGame(replayed or state, scenario, info.team, info, found)


def _scenario_for(info: SaveInfo, find_scenario: FindScenario, path: Path) -> Scenario:
    name = f"'{info.scenario_id}'"
    try:
        scenario = find_scenario(info.scenario_id)
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
    return scenario


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
        en += (
            f" The scenario changed since the save (version {info.scenario_version} → "
            f"{scenario.version}), which is the likely cause."
        )
        nl += (
            f" Het scenario is sinds het opslaan veranderd (versie {info.scenario_version} → "
            f"{scenario.version}); dat is de waarschijnlijke oorzaak."
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
) -> Path:
    """Write a save of ``state`` to ``path`` atomically, keeping the previous file as ``.bak``."""
    document = build_document(state, scenario, team, kind, name or path.stem, thumbnail)
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


def slug(text: str) -> str:
    """A file-name part for a team or slot name: 'Team Één!' → 'team-een'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].strip("-")
    if cleaned:
        return cleaned
    # A name in another script: a stable short hash keeps different names apart.
    return "x" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def find_installed_scenario(scenario_id: str) -> Scenario | None:
    """A shipped scenario by id, or None when there is no such file."""
    from game.scenario.loader import load_scenario, scenario_path

    path = scenario_path(scenario_id)
    return load_scenario(path) if path.is_file() else None


class SaveStore:
    """One folder of saves.

    ``directory`` None means the default place (``default_save_dir``). The folder is created on
    the first write, not before, so listing an empty place leaves no trace.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_save_dir()
        self._tidied = False

    def autosave(self, state: GameState, scenario: Scenario, team: str) -> Path:
        """Save at the start of a round; the previous autosave of this team becomes the backup."""
        self._tidy_once()
        path = self.directory / f"autosave-{slug(team)}.json"
        return write_save(path, state, scenario, team, SaveKind.AUTOSAVE, "autosave")

    def save_slot(
        self,
        name: str,
        state: GameState,
        scenario: Scenario,
        team: str,
        thumbnail_png: bytes | None = None,
    ) -> Path:
        """Save under ``name``, with an optional PNG thumbnail of the screen."""
        self._tidy_once()
        stem = f"slot-{slug(name)}"
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
            document = build_document(state, scenario, team, SaveKind.SLOT, name, thumbnail)
            # A picture needs no backup: it only decorates the list of saves.
            _write(self.directory / thumbnail, thumbnail_png, keep_backup=False)
            _write(path, encode(document))
            return path
        return write_save(path, state, scenario, team, SaveKind.SLOT, name)

    def broken(self) -> list[SaveError]:
        """The save files that cannot be used, each with its reason (its ``path`` says which)."""
        problems = []
        for path in [*self._save_files(), *self._orphan_backups()]:
            try:
                read_save(path)
            except SaveError as error:
                problems.append(error)
        return problems

    def latest_autosave(self) -> SaveInfo | None:
        """What "continue" on the title screen resumes: the newest autosave of any team."""
        autosaves = [info for info in self.list() if info.kind is SaveKind.AUTOSAVE]
        return autosaves[0] if autosaves else None

    def load(
        self, path: Path, find_scenario: FindScenario, allow_mismatch: bool = False
    ) -> LoadedGame:
        """The game at ``path``, checked; see ``load_save``."""
        return load_save(Path(path), find_scenario, allow_mismatch)

    def tidy(self) -> list[Path]:
        """Remove temporary files left by writes that were cut off; return them."""
        self._tidied = True
        if not self.directory.is_dir():
            return []
        return remove_stray_temp_files(self.directory)

    def _tidy_once(self) -> None:
        if not self._tidied:
            self.tidy()

    def _save_files(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(p for p in self.directory.glob("*.json") if not p.name.startswith("."))

    def _orphan_backups(self) -> list[Path]:
        """Backups whose save is gone (deleted by hand): still worth offering."""
        if not self.directory.is_dir():
            return []
        return sorted(
            p
            for p in self.directory.glob(f"*.json{BACKUP_SUFFIX}")
            if not p.name.startswith(".")
            and not p.with_name(p.name[: -len(BACKUP_SUFFIX)]).exists()
        )

    # Last in the class: below it, ``list`` in an annotation would name this method.
    def list(self) -> list[SaveInfo]:
        """Every readable save, newest first; a save whose file is damaged shows its backup."""
        self._tidy_once()
        infos = []
        for path in self._save_files():
            try:
                infos.append(read_save(path)[1])
            except SaveError:
                backup = backup_path(path)
                try:
                    infos.append(read_save(backup)[1])
                except SaveError:
                    continue
        for backup in self._orphan_backups():
            try:
                infos.append(read_save(backup)[1])
            except SaveError:
                continue
        infos.sort(key=lambda info: (info.created, info.path.name), reverse=True)
        return infos
