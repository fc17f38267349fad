"""The simulation core. Pure Python: it never imports pygame or anything of the UI."""

from game.domain import STRATEGIES
from game.sim.bots import Bot, play
from game.sim.effects import DecisionRejected, Effect, Rejection
from game.sim.engine import (
    check_decisions,
    condition_holds,
    decision_cost,
    new_game,
    next_phase_gaps,
    resolve_round,
)
from game.sim.score import Line, ScoreCard, line_strengths, score, weakest_line
from game.sim.state import Decisions, GameState, InitiativeDecision, RoundRecord

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
