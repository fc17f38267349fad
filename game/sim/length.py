"""Workshop lengths in play: a new game of a length, its rounds and how long it takes.

Which rounds and cards a short or standard game keeps, and the scenario it plays, are worked
out from the scenario's data in ``game.scenario.shorter`` (the loader checks every length
there). Here that scenario is kept once worked out, a game of it is started, and its minutes
are estimated from the best bot's play.

Pure data in, data out: nothing here imports pygame, and nothing is random.
"""

from __future__ import annotations

import weakref

from game.domain import GameLength
from game.scenario.models import Scenario
from game.scenario.shorter import (
    MINUTES_PER_CARD,
    MINUTES_PER_ROUND,
    MINUTES_START,
    Selection,
    selection,
    shorter_scenario,
    whole_scenario,
)
from game.sim.engine import new_game
from game.sim.state import GameState

__all__ = [
    "Selection",
    "estimated_minutes",
    "played_scenario",
    "rounds_played",
    "selection",
    "start_game",
]

# Seeds the estimate plays with (the best bot): conditional cards and stages vary by game.
ESTIMATE_SEEDS = (1, 2, 3)

# Worked-out shorter scenarios, per (whole scenario object, length). A weak reference to the
# original makes sure a recycled object id never returns another scenario's game.
_PLAYED: dict[tuple[int, GameLength], tuple[weakref.ref[Scenario], Scenario]] = {}
_MINUTES: dict[tuple[int, GameLength], tuple[weakref.ref[Scenario], int]] = {}


def played_scenario(scenario: Scenario, length: GameLength | str) -> Scenario:
    """The scenario as a game of ``length`` plays it (the whole scenario for a full game).

    ``scenario`` is the whole scenario, or the one a game of some length plays: a length is
    always worked out from the whole, never from a game already made shorter.
    """
    length = GameLength(length)
    whole = whole_scenario(scenario)
    if length is GameLength.FULL:
        return whole
    key = (id(whole), length)
    known = _PLAYED.get(key)
    if known is not None and known[0]() is whole:
        return known[1]
    shorter = shorter_scenario(whole, length)
    if len(_PLAYED) > 64:
        _PLAYED.clear()
    _PLAYED[key] = (weakref.ref(whole), shorter)
    return shorter


def start_game(
    scenario: Scenario, seed: int, length: GameLength | str = GameLength.FULL
) -> tuple[Scenario, GameState]:
    """A new game of ``length``: the scenario as it plays it, and its first state.

    ``scenario`` is the whole scenario as loaded (or the scenario of a game of any length);
    every round of the game is then resolved with the scenario returned here, and the state
    remembers its length for saves and replays.
    """
    played = played_scenario(scenario, length)
    state = new_game(played, seed)
    state.length = GameLength(length)
    return played, state


def rounds_played(scenario: Scenario, length: GameLength | str) -> int:
    """How many rounds a game of ``length`` has."""
    length = GameLength(length)
    if length is GameLength.FULL:
        return whole_scenario(scenario).rounds
    return len(selection(scenario, length).rounds)


def estimated_minutes(scenario: Scenario, length: GameLength | str) -> int:
    """About how long a group plays a game of ``length``, the debrief not included.

    Counts the rounds and the cards a game brings (the best bot plays a few seeds, since
    stages and conditional initiatives depend on play), at ``MINUTES_PER_ROUND`` and
    ``MINUTES_PER_CARD``; rounded to five minutes.
    """
    length = GameLength(length)
    whole = whole_scenario(scenario)
    key = (id(whole), length)
    known = _MINUTES.get(key)
    if known is not None and known[0]() is whole:
        return known[1]
    played = played_scenario(whole, length)
    cards = _expected_cards(played)
    minutes = MINUTES_START + MINUTES_PER_ROUND * played.rounds + MINUTES_PER_CARD * cards
    rounded = max(5, 5 * round(minutes / 5))
    _MINUTES[key] = (weakref.ref(whole), rounded)
    return rounded


def _expected_cards(scenario: Scenario) -> float:
    from game.sim.bots import play

    counts = [
        sum(len(record.initiatives) for record in play(scenario, seed, "best").history)
        for seed in ESTIMATE_SEEDS
    ]
    return sum(counts) / len(counts)
