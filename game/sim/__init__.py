"""The simulation core. Pure Python: it never imports pygame or anything of the UI.

The names below are the core's front door. The bots and the engine are loaded when first asked
for, so that a module needing only the game state (a save's fingerprint, the title screen's list
of saves) does not load them and every scenario model with them: that was a third of the time to
the first frame (issue 22). The rest is light and loaded at once; ``score`` must be, as it is
also the name of its module, which would otherwise stand here in its place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.domain import STRATEGIES
from game.sim.effects import DecisionRejected, Effect, Rejection
from game.sim.score import Line, ScoreCard, line_strengths, score, weakest_line
from game.sim.state import Decisions, GameState, InitiativeDecision, RoundRecord

if TYPE_CHECKING:
    from game.sim.bots import Bot, play
    from game.sim.engine import (
        check_decisions,
        condition_holds,
        decision_cost,
        new_game,
        next_phase_gaps,
        resolve_round,
    )

__all__ = [
    "STRATEGIES",
    "Bot",
    "DecisionRejected",
    "Decisions",
    "Effect",
    "GameState",
    "InitiativeDecision",
    "Line",
    "Rejection",
    "RoundRecord",
    "ScoreCard",
    "check_decisions",
    "condition_holds",
    "decision_cost",
    "line_strengths",
    "new_game",
    "next_phase_gaps",
    "play",
    "resolve_round",
    "score",
    "weakest_line",
]

_BOTS = ("Bot", "play")
_ENGINE = (
    "check_decisions",
    "condition_holds",
    "decision_cost",
    "new_game",
    "next_phase_gaps",
    "resolve_round",
)


def __getattr__(name: str) -> Any:
    # Written out, not imported by name: the build's packer finds imports it can read.
    if name in _BOTS:
        from game.sim import bots as module
    elif name in _ENGINE:
        from game.sim import engine as module
    else:
        raise AttributeError(f"module 'game.sim' has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value
