"""Replaying a saved game from its seed and decision log, and saying where a replay differs.

The simulation is deterministic, so a save's decision log played from its seed must give exactly
the saved state. When it does not (the rules of the game changed, the scenario changed, the file
was forged with a valid checksum), the difference is reported with the first round and field
where it shows, never smoothed over.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from game.domain import CitizenRelation, GameLength, GrowthPhase, Language
from game.scenario.models import Scenario
from game.sim.effects import DecisionRejected
from game.sim.facilitator import Replayer
from game.sim.interventions import Intervention
from game.sim.length import played_scenario
from game.sim.state import Decisions, GameState


@dataclass(frozen=True, slots=True)
class Mismatch:
    """The first place where a replayed game differs from the saved one."""

    round: int | None
    path: str
    saved: Any
    replayed: Any

    def explain(self, lang: Language) -> str:
        where = self.path if self.round is None else f"round {self.round}, {self.path}"
        if lang == "nl":
            where = self.path if self.round is None else f"ronde {self.round}, {self.path}"
            return (
                f"Opnieuw afspelen geeft een ander spel dan opgeslagen. Eerste verschil: {where}: "
                f"opgeslagen {_short(self.saved)}, opnieuw gespeeld {_short(self.replayed)}."
            )
        return (
            f"Replaying the decisions gives a different game than the one saved. First "
            f"difference: {where}: saved {_short(self.saved)}, replayed {_short(self.replayed)}."
        )


@dataclass(frozen=True, slots=True)
class RejectedReplay:
    """A round whose saved decisions the rules no longer accept."""

    round: int
    reasons: tuple[str, ...]
    reasons_nl: tuple[str, ...]

    def explain(self, lang: Language) -> str:
        if lang == "nl":
            return (
                f"De besluiten van ronde {self.round} zijn niet meer toegestaan: "
                f"{'; '.join(self.reasons_nl)}"
            )
        return (
            f"The decisions of round {self.round} are no longer allowed: {'; '.join(self.reasons)}"
        )


def check_replay(
    scenario: Scenario, saved: GameState, decisions: list[Decisions]
) -> tuple[Mismatch | RejectedReplay | None, GameState | None]:
    """Replay ``decisions`` from the seed: (None, replayed state) when it reproduces ``saved``.

    Every number, choice and dice roll must match exactly. How effects are worded (their
    template key and parameters) is presentation, not game: a newer game version may say the
    same thing better, so wording is not compared and the replayed state, with current wording,
    is the one to continue from.

    ``scenario`` is the whole scenario; the game is replayed at the saved game's length.
    """
    replayer = _replayer(scenario, saved.seed, saved.interventions, saved.length, saved.ambition)
    for number, round_decisions in enumerate(decisions, 1):
        try:
            replayer.play(round_decisions)
        except DecisionRejected as error:
            rejected = RejectedReplay(
                number,
                tuple(r.explain("en") for r in error.rejections),
                tuple(r.explain("nl") for r in error.rejections),
            )
            return rejected, None
        except ValueError as error:  # facilitator steps that do not fit the log
            return _unplayable(number, error), None
    try:
        state = replayer.finish()
    except ValueError as error:
        return _unplayable(len(decisions) + 1, error), None
    found = first_difference(_as_json(saved.to_dict()), _as_json(state.to_dict()))
    return found, (state if found is None else None)


def replay_prefix(
    scenario: Scenario,
    seed: int,
    decisions: list[Decisions],
    interventions: Sequence[Intervention] = (),
    length: GameLength = GameLength.FULL,
    ambition: Mapping[CitizenRelation, GrowthPhase] | None = None,
) -> tuple[GameState, RejectedReplay | None]:
    """Replay ``decisions`` from ``seed`` in ``scenario`` for as long as the rules accept them.

    Returns the state reached and, when a round's decisions could not be played (rejected, or
    they name something the scenario no longer has), that round and why: the state is then the
    one at the start of that round, ready for the team to decide it again. ``scenario`` is the
    whole scenario, played at ``length``; ``ambition`` is the group's aim per relation.
    """
    replayer = _replayer(scenario, seed, interventions, length, ambition or {})
    for number, round_decisions in enumerate(decisions, 1):
        before = replayer.state
        if before.finished:
            return before, RejectedReplay(
                number,
                ("the game is already over in this version",),
                ("het spel is in deze versie al afgelopen",),
            )
        try:
            replayer.play(round_decisions)
        except DecisionRejected as error:
            return replayer.state, RejectedReplay(
                number,
                tuple(r.explain("en") for r in error.rejections),
                tuple(r.explain("nl") for r in error.rejections),
            )
        except (LookupError, ValueError, TypeError) as error:
            # A decision names an initiative, channel or action this version no longer has, or
            # a facilitator's step (an event) this version cannot carry out.
            return replayer.state, RejectedReplay(
                number,
                (f"they refer to something this version does not have ({error})",),
                (f"ze verwijzen naar iets wat deze versie niet heeft ({error})",),
            )
    try:
        return replayer.finish(), None
    except (LookupError, ValueError, TypeError) as error:
        return replayer.state, _unplayable(len(decisions) + 1, error)


def _unplayable(number: int, error: Exception) -> RejectedReplay:
    """The facilitator's recorded steps cannot be played again at round ``number``."""
    return RejectedReplay(
        number,
        (f"the facilitator's steps cannot be played again ({error})",),
        (f"de stappen van de spelleider kunnen niet opnieuw worden gespeeld ({error})",),
    )


def _replayer(
    scenario: Scenario,
    seed: int,
    interventions: Sequence[Intervention],
    length: GameLength,
    ambition: Mapping[CitizenRelation, GrowthPhase],
) -> Replayer:
    """A replay of the game at its length: the whole scenario as that length plays it, with
    the aims the group set before round 1 (they change nothing in the play)."""
    replayer = Replayer(played_scenario(scenario, length), seed, interventions)
    replayer.state.length = GameLength(length)
    replayer.state.ambition = {
        relation: aim
        for relation, aim in ambition.items()
        if relation in replayer.state.relation_phase
    }
    return replayer


_WORDING = ("key", "params")


def _as_json(document: dict[str, Any]) -> Any:
    """What the document becomes in a file (enums as strings, tuples as lists), minus wording."""
    data = json.loads(json.dumps(document))
    for effects in (
        data.get("news_effects", []),
        *(record.get("effects", []) for record in data.get("history", [])),
    ):
        for effect in effects:
            for field in _WORDING:
                effect.pop(field, None)
    return data


def first_difference(saved: dict[str, Any], replayed: dict[str, Any]) -> Mismatch | None:
    """Where two ``GameState.to_dict()`` documents first differ: round by round, then the rest."""
    saved_history = saved.get("history", [])
    replayed_history = replayed.get("history", [])
    for saved_round, replayed_round in zip(saved_history, replayed_history, strict=False):
        found = _difference(saved_round, replayed_round, "")
        if found is not None:
            return Mismatch(saved_round.get("round"), *found)
    if len(saved_history) != len(replayed_history):
        return Mismatch(None, "rounds played", len(saved_history), len(replayed_history))
    rest_saved = {k: v for k, v in saved.items() if k != "history"}
    rest_replayed = {k: v for k, v in replayed.items() if k != "history"}
    found = _difference(rest_saved, rest_replayed, "")
    return None if found is None else Mismatch(None, *found)


def _difference(a: Any, b: Any, path: str) -> tuple[str, Any, Any] | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if key not in a or key not in b:
                return (_join(path, key), a.get(key), b.get(key))
            found = _difference(a[key], b[key], _join(path, key))
            if found is not None:
                return found
        return None
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        for index, (x, y) in enumerate(zip(a, b, strict=False)):
            found = _difference(x, y, f"{path}[{index}]")
            if found is not None:
                return found
        if len(a) != len(b):
            return (f"{path} (length)", len(a), len(b))
        return None
    if a != b or (type(a) is not type(b) and not _same_number(a, b)):
        return (path or "(whole)", a, b)
    return None


def _same_number(a: Any, b: Any) -> bool:
    """JSON keeps 50.0 as 50.0, but a hand-made file may say 50: the same number."""
    numbers = (int, float)
    return (
        isinstance(a, numbers)
        and isinstance(b, numbers)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
    )


def _join(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
