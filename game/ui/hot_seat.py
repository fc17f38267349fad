"""Hot-seat play: teams take turns on one laptop, each team a game of its own.

The controller plays one seat at a time; switching teams stores the current game in its seat and
loads the other. The workshop as a whole (teams, turn, timer) is kept in a file of its own beside
the teams' autosaves: ``game.ui.hot_seat_saves``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.domain import Language
from game.sim import Effect, GameState, Rejection
from game.sim.dice import Dice
from game.ui.i18n import Translator
from game.ui.round_plan import RoundPlan

# The most teams that take turns on one laptop (hot-seat).
MAX_TEAMS = 4


@dataclass(slots=True)
class Seat:
    """One team's game in hot-seat play: each team is a game of its own, with its own id."""

    team: str
    game_id: str
    state: GameState
    rng: Dice
    previous: GameState | None = None
    effects: list[Effect] = field(default_factory=list)
    plan: RoundPlan | None = None
    results_file: Path | None = None


def whose_turn(seats: list[Seat]) -> int | None:
    """The team furthest behind (by round, then in order); None when every team's game is over."""
    waiting = [(seat.state.round, i) for i, seat in enumerate(seats) if not seat.state.finished]
    return min(waiting)[1] if waiting else None


@dataclass(frozen=True, slots=True)
class ReadOnlyGame(Rejection):
    """Why no round can be played: another window plays this game; this one only looks."""

    def explain(self, lang: Language) -> str:
        t = Translator(lang)
        return t("This game is open read-only: another window plays it. Nothing is saved here.")


READ_ONLY = ReadOnlyGame("read_only")
