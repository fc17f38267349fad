"""Replaying a saved game from its inputs, and saying where a replay differs from the save.

The simulation is deterministic, so a save's inputs (seed, decision log, the facilitator's
steps, length, ambition) played again must give exactly the game that was saved. A save keeps
its fingerprint (``game.saves.fingerprint``); when the replay's differs (the rules of the game
changed, the scenario changed, the file was forged with a valid checksum), the difference is
reported with the first round and number where it shows, never smoothed over.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.domain import CitizenRelation, GameLength, GrowthPhase, Language
from game.saves.fingerprint import Fingerprint, fingerprint
from game.sim.effects import DecisionRejected
from game.sim.facilitator import Replayer
from game.sim.interventions import Intervention
from game.sim.length import played_scenario
from game.sim.state import Decisions, GameState

if TYPE_CHECKING:
    from game.scenario.models import Scenario


@dataclass(frozen=True, slots=True)
class GameInputs:
    """What a game is played from, besides its scenario: all a save needs to give it again.

    The seed, every round's decisions (a skipped round's are empty), the facilitator's steps,
    how much of the scenario is played, and the group's aim per relation set before round 1.
    """

    seed: int
    decisions: tuple[Decisions, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    length: GameLength = GameLength.FULL
    ambition: Mapping[CitizenRelation, GrowthPhase] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """The first place where a replayed game differs from the saved one.

    ``path`` names the number or field that differs; empty when only the digest of a round
    (``round`` set: its news, outcomes or effects) or of the whole game (``round`` None) tells.
    """

    round: int | None
    path: str
    saved: Any = None
    replayed: Any = None

    def explain(self, lang: Language) -> str:
        nl = lang == "nl"
        if self.path:
            where = self.path
            if self.round is not None:
                where = f"{'ronde' if nl else 'round'} {self.round}, {self.path}"
            if nl:
                where += f": opgeslagen {_short(self.saved)}, opnieuw gespeeld "
                where += _short(self.replayed)
            else:
                where += f": saved {_short(self.saved)}, replayed {_short(self.replayed)}"
        elif self.round is not None:
            where = (
                f"ronde {self.round}: het nieuws, de uitkomsten of de effecten van die ronde"
                if nl
                else f"round {self.round}: its news, outcomes or effects"
            )
        else:
            where = (
                "het spel zoals het nu staat, na de laatste ronde"
                if nl
                else "the game as it stands now, after its last round"
            )
        if nl:
            return (
                "Als de besluiten opnieuw worden gespeeld, ontstaat een ander spel dan het "
                f"opgeslagen spel. Eerste verschil: {where}."
            )
        return (
            "Replaying the decisions gives a different game than the one saved. First "
            f"difference: {where}."
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


@dataclass(frozen=True, slots=True)
class SavedEnd:
    """Where the save says the game stands (its envelope), and the fingerprint of that game."""

    scenario_version: str
    round: int
    finished: bool
    fingerprint: Fingerprint


def check_replay(
    scenario: Scenario, inputs: GameInputs, saved: SavedEnd
) -> tuple[Mismatch | RejectedReplay | None, GameState]:
    """Replay ``inputs``: (None, the game) when it gives exactly the game saved.

    Every number, choice and dice roll must match the save's fingerprint. How effects are worded
    is presentation, not game (``game.saves.fingerprint``): the replayed game carries today's
    wording. When the replay differs, the problem comes with the game as far as it was played
    (all of it for a ``Mismatch``, up to the refused round for a ``RejectedReplay``).

    ``scenario`` is the whole scenario; the game is replayed at the saved game's length.
    """
    state, stop = replay_prefix(
        scenario,
        inputs.seed,
        list(inputs.decisions),
        inputs.interventions,
        inputs.length,
        inputs.ambition,
    )
    if stop is not None:
        return stop, state
    return first_difference(saved, state), state


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
        except (LookupError, TypeError) as error:
            # A decision names an initiative, channel or action this version no longer has.
            return replayer.state, RejectedReplay(
                number,
                (f"they refer to something this version does not have ({error})",),
                (f"ze verwijzen naar iets wat deze versie niet heeft ({error})",),
            )
        except ValueError as error:
            # A facilitator's step this version cannot carry out (an event it does not have),
            # or steps that do not fit the log (a damaged or forged save).
            return replayer.state, _unplayable(number, error)
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


def first_difference(saved: SavedEnd, replayed: GameState) -> Mismatch | None:
    """Where a replayed game first differs from the one saved: round by round (its indicators,
    then its digest), then the game as it stands (version, round, end, phase, digest)."""
    mine = fingerprint(replayed)
    theirs = saved.fingerprint
    for number, (kept, again) in enumerate(zip(theirs["rounds"], mine["rounds"], strict=False), 1):
        for name, value in again["indicators"].items():
            if kept["indicators"].get(name) != value:
                path = f"indicators.{name}"
                return Mismatch(number, path, kept["indicators"].get(name), value)
        if kept["digest"] != again["digest"]:
            return Mismatch(number, "")
    if len(theirs["rounds"]) != len(mine["rounds"]):
        return Mismatch(None, "rounds played", len(theirs["rounds"]), len(mine["rounds"]))
    for name, kept, again in (
        ("scenario_version", saved.scenario_version, replayed.scenario_version),
        ("round", saved.round, replayed.round),
        ("finished", saved.finished, replayed.finished),
        ("phase", theirs["phase"], mine["phase"]),
    ):
        if kept != again:
            return Mismatch(None, name, kept, again)
    if theirs["digest"] != mine["digest"]:
        return Mismatch(None, "")
    return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
