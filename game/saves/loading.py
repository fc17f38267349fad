"""Loading a save as a game to continue: every check from the file to the replay.

``load_save`` returns a whole game or raises ``SaveError``; ``continue_in_new_version`` plays a
save's decisions again in its scenario as it is now, for a save whose scenario changed since.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.domain import CitizenRelation, GameLength, GrowthPhase
from game.saves.codec import Decoded, game_version
from game.saves.errors import SaveError
from game.saves.info import SaveInfo, is_regular_file, read_save
from game.saves.models import SaveKind
from game.saves.names import new_game_id
from game.saves.replay import (
    GameInputs,
    Mismatch,
    RejectedReplay,
    SavedEnd,
    check_replay,
    replay_prefix,
)
from game.sim.interventions import Intervention
from game.sim.length import played_scenario
from game.sim.state import Decisions, GameState

if TYPE_CHECKING:
    from game.scenario.models import Scenario

# Load failures where the scenario (or the game's rules) changed since the save: the players may
# continue in the new version, replaying their decisions in it.
CHANGED_KINDS = ("replay_mismatch", "scenario_incompatible")

FindScenario = Callable[[str], "Scenario | None"]


@dataclass(frozen=True, slots=True)
class LoadedGame:
    """A save that passed every check, ready to continue.

    ``state`` is the game replayed from the save's inputs. ``mismatch`` is set only when the
    caller allowed a replay that differs from the saved game (``allow_mismatch=True``), or when
    the game was replayed in a new version of its scenario (``continue_in_new_version``: then it
    says where the new version parted from the save); the caller should tell the players why.
    ``game_id`` is the id to continue under: the save's own for an autosave (the same game goes
    on), a new one for a slot or a save set aside (loading those starts a branch, which must not
    overwrite the game it came from).
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
    is valid; its scenario is installed in a compatible version; and replaying its inputs (seed,
    decisions, the facilitator's steps) gives exactly the game saved, as its fingerprint says.
    A replay that differs raises too, unless ``allow_mismatch`` is set: then the replayed game
    (as far as its decisions could be played) comes back with the difference in
    ``LoadedGame.mismatch``.

    The scenario is looked for first in the file the game was played from (the save keeps its
    path, so a game started from a file outside ``scenarios/`` can be continued; ``use_hint``
    False skips it, when the caller names the scenario itself), then with ``find_scenario``.
    """
    decoded, info = read_save(path)
    inputs = _inputs(decoded, path)
    scenario = _scenario_for(info, find_scenario, path, use_hint)
    _check_version(info, scenario, path)
    save = decoded.save
    saved = SavedEnd(
        save.scenario_version, save.round, save.finished, decoded.document["body"]["fingerprint"]
    )
    found, replayed = check_replay(scenario, inputs, saved)
    if found is not None and not allow_mismatch:
        raise _mismatch_error(found, info, scenario, path)
    return LoadedGame(
        replayed,
        played_scenario(scenario, replayed.length),
        info.team,
        info,
        found,
        _continue_as(info),
        info.scenario_file,
        decoded.document["body"].get("plan") if found is None else None,
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
    inputs = _inputs(decoded, path)
    scenario = _scenario_for(info, find_scenario, path, use_hint)
    state, stop = replay_prefix(
        scenario,
        inputs.seed,
        list(inputs.decisions),
        inputs.interventions,
        inputs.length,
        inputs.ambition,
    )
    game_id = _continue_as(info)
    played = played_scenario(scenario, state.length)
    return LoadedGame(state, played, info.team, info, stop, game_id, info.scenario_file)


def _inputs(decoded: Decoded, path: Path) -> GameInputs:
    """The game's inputs from a checked save (``SaveBody``)."""
    body = decoded.document["body"]
    try:
        return GameInputs(
            body["seed"],
            tuple(Decisions.from_dict(d) for d in body["decisions"]),
            tuple(Intervention.from_dict(i) for i in body["interventions"]),
            GameLength(body["length"]),
            {CitizenRelation(r): GrowthPhase(aim) for r, aim in body["ambition"].items()},
        )
    except (LookupError, TypeError, ValueError) as error:
        raise SaveError(
            "invalid",
            f"This save is damaged: its decisions cannot be read ({error!r}).",
            f"Dit opgeslagen spel is beschadigd: de besluiten kunnen niet worden gelezen "
            f"({error!r}).",
            path,
        ) from error


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
            f"{info.scenario_version}, maar dat scenario is niet geïnstalleerd. Zet het "
            "scenariobestand in de map met scenario's om verder te spelen.",
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
    if not is_regular_file(hint) or hint.stem != info.scenario_id:
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
            f"geïnstalleerde versie {scenario.version} is een nieuwe hoofdversie, waarin oude "
            f"spellen niet verder kunnen worden gespeeld. Installeer versie "
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
            f" Het spel is opgeslagen met versie {info.game_version} van het spel, dit is "
            f"versie {game_version()}: de spelregels kunnen veranderd zijn."
        )
    return SaveError("replay_mismatch", en, nl, path)


def find_installed_scenario(scenario_id: str) -> Scenario | None:
    """A shipped scenario by id, or None when there is no such file."""
    from game.scenario.loader import load_scenario, scenario_path

    path = scenario_path(scenario_id)
    return load_scenario(path) if is_regular_file(path) else None
