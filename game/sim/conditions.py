"""Scenario conditions, read once into a few checks and held against a state.

Conditions are data, never code: a round, a phase, a stage, indicators, relations' phases,
actions done, events seen, channels in use, and any-of. Bots and the round ask hundreds of
them per game, so each condition is read once into the few checks it gives.
"""

from __future__ import annotations

from typing import Any

from game.domain import CompetenceStage, GrowthPhase
from game.scenario.models import Condition
from game.sim.state import GameState

# A growth phase's level (1–4), looked up in the hot loops.
PHASE_LEVEL = {phase: i + 1 for i, phase in enumerate(GrowthPhase)}
# A competence stage's level (1–4), the same way (``.level`` is a property: slower).
STAGE_LEVEL = {stage: i + 1 for i, stage in enumerate(CompetenceStage)}


def condition_holds(condition: Condition | None, state: GameState) -> bool:
    """Whether a scenario condition holds in this state. Conditions are data, never code.

    Each condition is read once into the few checks it gives (most of its parts are empty);
    bots and the round ask hundreds of them per game.
    """
    if condition is None:
        return True
    checks = _compiled_conditions.get(id(condition))
    if checks is None or checks[0] is not condition:
        checks = _compile_condition(condition)
    for code, value in checks[1]:
        if code == _ROUND_AT_LEAST:
            if state.round < value:
                return False
        elif code == _ROUND_AT_MOST:
            if state.round > value:
                return False
        elif code == _PHASE_AT_LEAST:
            if PHASE_LEVEL[state.phase] < value:
                return False
        elif code == _PHASE_BELOW:
            if PHASE_LEVEL[state.phase] >= value:
                return False
        elif code == _STAGE_AT_LEAST:
            if STAGE_LEVEL[state.stage] < value:
                return False
        elif code == _STAGE_BELOW:
            if STAGE_LEVEL[state.stage] >= value:
                return False
        elif code == _INDICATOR_AT_LEAST:
            indicators = state.indicators
            for ind, bound in value:
                if indicators[ind] < bound:
                    return False
        elif code == _INDICATOR_BELOW:
            indicators = state.indicators
            for ind, bound in value:
                if indicators[ind] >= bound:
                    return False
        elif code == _RELATION_PHASE_AT_LEAST:
            phases = state.relation_phase
            for relation, level in value:
                held = phases.get(relation)
                if held is None or PHASE_LEVEL[held] < level:
                    return False
        elif code == _ALL_IN:
            attribute, ids = value
            have = getattr(state, attribute)
            for item in ids:
                if item not in have:
                    return False
        elif code == _NONE_IN:
            attribute, ids = value
            have = getattr(state, attribute)
            for item in ids:
                if item in have:
                    return False
        elif not any(condition_holds(sub, state) for sub in value):  # any_of
            return False
    return True


(
    _ROUND_AT_LEAST,
    _ROUND_AT_MOST,
    _PHASE_AT_LEAST,
    _PHASE_BELOW,
    _STAGE_AT_LEAST,
    _STAGE_BELOW,
    _INDICATOR_AT_LEAST,
    _INDICATOR_BELOW,
    _RELATION_PHASE_AT_LEAST,
    _ALL_IN,
    _NONE_IN,
    _ANY_OF,
) = range(12)
# id(condition) -> (condition, checks). The condition itself is kept, so its id cannot be
# reused by another object while the entry lives; emptied when scenarios pile up (reloads).
_compiled_conditions: dict[int, tuple[Condition, tuple[tuple[int, Any], ...]]] = {}


def _compile_condition(c: Condition) -> tuple[Condition, tuple[tuple[int, Any], ...]]:
    checks: list[tuple[int, Any]] = []
    if c.round_at_least is not None:
        checks.append((_ROUND_AT_LEAST, c.round_at_least))
    if c.round_at_most is not None:
        checks.append((_ROUND_AT_MOST, c.round_at_most))
    if c.phase_at_least is not None:
        checks.append((_PHASE_AT_LEAST, c.phase_at_least.level))
    if c.phase_below is not None:
        checks.append((_PHASE_BELOW, c.phase_below.level))
    if c.stage_at_least is not None:
        checks.append((_STAGE_AT_LEAST, c.stage_at_least.level))
    if c.stage_below is not None:
        checks.append((_STAGE_BELOW, c.stage_below.level))
    if c.indicator_at_least is not None:
        checks.append((_INDICATOR_AT_LEAST, tuple(c.indicator_at_least.items())))
    if c.indicator_below is not None:
        checks.append((_INDICATOR_BELOW, tuple(c.indicator_below.items())))
    if c.relation_phase_at_least is not None:
        levels = tuple((r, p.level) for r, p in c.relation_phase_at_least.items())
        checks.append((_RELATION_PHASE_AT_LEAST, levels))
    for ids, attribute, code in (
        (c.action_done, "actions_done", _ALL_IN),
        (c.action_not_done, "actions_done", _NONE_IN),
        (c.event_happened, "events_seen", _ALL_IN),
        (c.event_not_happened, "events_seen", _NONE_IN),
        (c.channel_in_use, "channels", _ALL_IN),
    ):
        if ids is not None:
            checks.append((code, (attribute, tuple(ids))))
    if c.any_of is not None:
        checks.append((_ANY_OF, tuple(c.any_of)))
    if len(_compiled_conditions) > 20_000:
        _compiled_conditions.clear()
    compiled = (c, tuple(checks))
    _compiled_conditions[id(c)] = compiled
    return compiled
