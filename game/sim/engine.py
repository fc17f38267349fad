"""The simulation core's public face: what the rest of the game imports from ``game.sim.engine``.

The core itself lives in modules named after what they do: ``round.py`` (a game and its rounds),
``initiative.py`` (one initiative, in named steps), ``development.py`` (actions and drift),
``news.py`` (a round's events and initiatives), ``phases.py`` (stage and growth phases),
``risk.py`` (readiness and execution risk), ``channels.py`` (purpose fit, a round's channels),
``verdict.py`` (what a role achieves, how it went), ``costs.py`` (what is on offer, costs and
the check) and ``conditions.py``.
"""

from __future__ import annotations

from game.sim.channels import channels_fit, purpose_fit
from game.sim.conditions import condition_holds
from game.sim.costs import (
    DecisionCost,
    action_available,
    available_actions,
    channel_available,
    channel_hours,
    check_decisions,
    decision_cost,
)
from game.sim.costs import planned_cost as _cost  # bots.py plans with it
from game.sim.phases import Gap, next_phase_gaps, relations_needed
from game.sim.risk import Risk, RoleOption, execution_risk, role_options
from game.sim.round import new_game, resolve_round
from game.sim.verdict import achievement, judge

__all__ = [
    "DecisionCost",
    "Gap",
    "Risk",
    "RoleOption",
    "_cost",
    "achievement",
    "action_available",
    "available_actions",
    "channel_available",
    "channel_hours",
    "channels_fit",
    "check_decisions",
    "condition_holds",
    "decision_cost",
    "execution_risk",
    "judge",
    "new_game",
    "next_phase_gaps",
    "purpose_fit",
    "relations_needed",
    "resolve_round",
    "role_options",
]
