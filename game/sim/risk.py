"""Readiness and execution risk: how likely the organisation stumbles in a role, and the roles
as a team weighs them before it chooses.

A role the organisation is not ready for can stumble (MODEL.md §7): readiness is a weighted
average of its indicators and the relation's interaction, plus experience and development.
"""

from __future__ import annotations

from typing import NamedTuple

from game.domain import CitizenRelation, MunicipalRole
from game.scenario.models import Scenario
from game.sim.rules import CompiledRules, compile_rules
from game.sim.state import GameState

# Builds a named tuple without its Python-level __new__: the bots ask for risks by the thousand.
_new = tuple.__new__


class Risk(NamedTuple):
    """Chance of stumbling in a role, from how ready the organisation is and what the role asks."""

    chance: float
    readiness: float
    demand: float


def execution_risk(
    state: GameState, rules: CompiledRules, role: MunicipalRole, relation: CitizenRelation
) -> Risk:
    """How likely the organisation stumbles when it plays ``role`` now, in ``relation``.

    Readiness is a weighted average of the organisation's indicators (and, where the role asks
    for dialogue, of the relation's own interaction), plus experience in the role and what
    development actions added. Below the role's demand the risk rises linearly.

    The weighted average is worked out once per role and relation while the state stands (the
    bot's choice, its prediction and the round all ask it): it is kept in ``state.readiness``,
    which the core empties whenever it moves an indicator or an interaction. A state changed in
    place by hand after it was read needs ``state.readiness.clear()``.
    """
    rule = rules.roles[role]
    key = (role, relation)
    memo = state.readiness
    readiness = memo.get(key)
    if readiness is None:
        indicators = state.indicators
        readiness = 0.0
        for ind, weight in rule.weights:
            readiness += indicators[ind] * weight
        if rule.interaction_weight:
            readiness += rule.interaction_weight * state.relation_interaction.get(relation, 0.0)
        memo[key] = readiness
    successes = state.role_successes.get(role, 0)
    readiness += rules.tuning.experience_bonus * (successes if successes < 5 else 5)
    readiness += state.role_bonus.get(role, 0.0)
    demand = rule.readiness
    if demand <= 0 or readiness >= demand:
        return _new(Risk, (0.0, readiness, demand))
    gap = (demand - readiness) / demand
    chance = rules.tuning.max_risk * gap * (1.0 - state.risk_reduction)
    return _new(Risk, (chance, readiness, demand))


class RoleOption(NamedTuple):
    """One role for one initiative, as the team can weigh it before choosing.

    The fit is not here: which role fits is what the team has to work out.
    """

    role: MunicipalRole
    hours: int
    readiness: float
    demand: float
    risk: float
    # What is left of the result when the organisation stumbles (below 0: it does harm).
    stumble: float


def role_options(state: GameState, scenario: Scenario, initiative_id: str) -> list[RoleOption]:
    """Per role: hours, the readiness it asks against the organisation's, and the risk."""
    rules = compile_rules(scenario)
    relation = rules.initiatives[initiative_id].relation
    options = []
    for role in MunicipalRole:
        rule = rules.roles[role]
        risk = execution_risk(state, rules, role, relation)
        options.append(
            RoleOption(role, rule.cost, risk.readiness, risk.demand, risk.chance, rule.stumble)
        )
    return options
