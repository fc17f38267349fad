"""Growth phases and competence stages: per relation, overall, and what stands in between.

The growth phase is held per citizen relation; the overall phase follows from them (enough
relations for phases 2 and 3, every relation for 4). Phases and the stage move one step a round
at most: up when every requirement of the next level is met, down only when one of the current
level's falls the hysteresis below its threshold. Every move is explained.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from game.domain import Bilingual, CitizenRelation, CompetenceStage, GrowthPhase, Indicator
from game.scenario.models import Scenario
from game.sim.conditions import PHASE_LEVEL, STAGE_LEVEL
from game.sim.effects import RELATION_PHRASES, Effect, ParamValue, render
from game.sim.rules import CompiledRules, Requirement, compile_rules
from game.sim.state import GameState

_PHASES = tuple(GrowthPhase)
# Builds a named tuple without its Python-level __new__ (effects of every round).
_new = tuple.__new__
_STAGES = tuple(CompetenceStage)
_INTERACTION = Indicator.INTERACTION


def _requirement_value(
    s: GameState,
    req: Requirement,
    rules: CompiledRules,
    relation: CitizenRelation | None = None,
) -> float:
    """Where the organisation stands on one requirement; interaction and the track record are
    the relation's own when a relation is given (growth phases are held per relation)."""
    kind = req.kind
    if kind == "indicator":
        if relation is not None and req.indicator is _INTERACTION:
            return s.relation_interaction[relation]
        return s.indicators[req.indicator]
    if kind == "fit_record":
        if relation is not None:
            return s.relation_fit_record(relation)
        return s.fit_record
    if kind == "stage":
        return s.stage.level
    if kind == "phase":
        return s.phase.level
    if kind == "channel_record":
        return s.channel_record
    if kind == "role":
        return 1.0 if req.role in s.roles_mastered else 0.0
    return len(s.roles_mastered)


def _first_failing(
    s: GameState,
    reqs: tuple[Requirement, ...],
    slack: float,
    rules: CompiledRules,
    relation: CitizenRelation | None,
) -> Requirement | None:
    """The first requirement not met; continuous ones get the hysteresis ``slack`` to drop.

    The inner loop of every round (a relation and the stage, each up and down), so it reads the
    state directly instead of asking ``_requirement_value``.
    """
    indicators = s.indicators
    for req in reqs:
        code = req.code
        if code == 0:
            if indicators[req.indicator] < req.value - slack:
                return req
        elif code == 1:
            value = (
                indicators[_INTERACTION] if relation is None else s.relation_interaction[relation]
            )
            if value < req.value - slack:
                return req
        elif code == 2:
            value = s.fit_record if relation is None else s.relation_record[relation]
            if value < req.value - slack:
                return req
        elif code == 3:
            if STAGE_LEVEL[s.stage] < req.value:
                return req
        elif code == 5:
            if PHASE_LEVEL[s.phase] < req.value:
                return req
        elif code == 6:
            if s.channel_record < req.value - slack:
                return req
        elif code == 7:
            if req.role not in s.roles_mastered:
                return req
        elif len(s.roles_mastered) < req.value:
            return req
    return None


def _why(
    s: GameState,
    req: Requirement,
    slack: float,
    rules: CompiledRules,
    relation: CitizenRelation | None = None,
) -> Bilingual:
    value = _requirement_value(s, req, rules, relation)
    params: dict[str, ParamValue]
    if req.kind == "indicator" and relation is not None and req.indicator is _INTERACTION:
        key = "why_interaction_low"
        params = {
            "relation": RELATION_PHRASES[relation],
            "value": value,
            "floor": req.value - slack,
        }
    elif req.kind == "indicator":
        key = "why_indicator_low"
        params = {"indicator": req.indicator, "value": value, "floor": req.value - slack}
    elif req.kind == "fit_record":
        key, params = "why_fit_record_low", {"value": value, "floor": req.value - slack}
    elif req.kind == "stage":
        key, params = "why_stage_low", {"stage": req.stage}
    elif req.kind == "phase":
        key, params = "why_phase_low", {"phase": _PHASES[int(req.value) - 1]}
    elif req.kind == "role":
        key, params = "why_role_not_mastered", {"role": req.role}
    elif req.kind == "channel_record":
        key, params = "why_channel_record_low", {"value": value, "floor": req.value - slack}
    else:
        key, params = "why_roles_low", {"value": int(value), "floor": int(req.value)}
    return Bilingual(render(key, params, "nl"), render(key, params, "en"))


_WHY_MET = Bilingual(render("why_met", {}, "nl"), render("why_met", {}, "en"))


def _step(
    s: GameState,
    level: int,
    requirements: tuple[tuple[Requirement, ...], ...],
    slack: float,
    rules: CompiledRules,
    relation: CitizenRelation | None = None,
    start_of_game: bool = False,
) -> tuple[int, Requirement | None]:
    """The level after one round (one step at most), and the requirement that failed on a drop.

    Up when every requirement of the next level is met; down only when one of the current
    level's requirements falls ``slack`` (the hysteresis) below its threshold.
    """
    if level < 4:
        reqs = requirements[level - 1]
        if start_of_game:
            # No track record exists yet; judge a starting position on the rest.
            reqs = tuple(r for r in reqs if r.kind not in ("fit_record", "roles"))
        if _first_failing(s, reqs, 0.0, rules, relation) is None:
            return level + 1, None
    if level > 1 and not start_of_game:
        failing = _first_failing(s, requirements[level - 2], slack, rules, relation)
        if failing is not None:
            return level - 1, failing
    return level, None


def update_stage(s: GameState, rules: CompiledRules, effects: list[Effect]) -> None:
    """Move the competence stage at most one step, explained."""
    slack = rules.tuning.hysteresis
    held = STAGE_LEVEL[s.stage]
    level, failing = _step(s, held, rules.stage_requirements, slack, rules)
    if level == held:
        return
    s.stage = stage = _STAGES[level - 1]
    if failing is None:
        params = rules.said.get(("stage_up", stage))
        if params is None:
            params = rules.said[("stage_up", stage)] = {"stage": stage}
        effects.append(_new(Effect, ("stage", stage, "stage", 1, "stage_up", params)))
    else:
        why = _why(s, failing, slack, rules)
        params = {"stage": s.stage, "why": why}
        effects.append(Effect("stage", s.stage, "stage", -1, "stage_down", params))


def start_relation(s: GameState, rules: CompiledRules, relation: CitizenRelation) -> None:
    """Where a relation starts when the scenario does not say: what its indicators support."""
    slack = rules.tuning.hysteresis
    for _ in _PHASES:
        held = s.relation_phase[relation].level
        level, _ = _step(s, held, rules.phase_requirements, slack, rules, relation, True)
        if level == held:
            return
        s.relation_phase[relation] = _PHASES[level - 1]


def update_relations(s: GameState, rules: CompiledRules, effects: list[Effect]) -> bool:
    """Move every relation's growth phase at most one step, explained.

    Up when every requirement of the next phase is met; down only when one of the current
    phase's requirements falls the hysteresis below its threshold. What the organisation as a
    whole must reach is checked once per phase, not once per relation; the relation's own two
    (interaction and track record) are compared inline: this runs for every relation, every
    round of every game. Returns whether any relation moved: only then can the overall phase.
    """
    slack = rules.tuning.hysteresis
    own = rules.phase_own_checks
    shared = rules.phase_shared
    up_shared: dict[int, bool] = {}
    down_shared: dict[int, Requirement | None] = {}
    interactions = s.relation_interaction
    records = s.relation_record
    phases = s.relation_phase
    moved = False
    for relation, held in phases.items():
        was = level = PHASE_LEVEL[held]
        interaction = interactions[relation]
        record = records[relation]
        failing = None
        if level < 4:
            i = level - 1
            for _, on_interaction, value in own[i]:
                if (interaction if on_interaction else record) < value:
                    break
            else:
                up = up_shared.get(i)
                if up is None:
                    up = up_shared[i] = _first_failing(s, shared[i], 0.0, rules, None) is None
                if up:
                    level += 1
        if level == was:
            if level == 1:
                continue
            i = level - 2
            for req, on_interaction, value in own[i]:
                if (interaction if on_interaction else record) < value - slack:
                    failing = req
                    break
            else:
                if i not in down_shared:
                    down_shared[i] = _first_failing(s, shared[i], slack, rules, None)
                failing = down_shared[i]
                if failing is None:
                    continue
            level -= 1
        moved = True
        phase = _PHASES[level - 1]
        phases[relation] = phase
        if failing is None:
            # The same sentence for every game: one dict per relation and phase, shared.
            params = rules.said.get(("relation_phase_up", relation, phase))
            if params is None:
                params = rules.said[("relation_phase_up", relation, phase)] = {
                    "relation": RELATION_PHRASES[relation],
                    "phase": phase,
                    "why": _WHY_MET,
                }
            effects.append(
                _new(Effect, ("phase", relation, "phase", 1, "relation_phase_up", params))
            )
        else:
            why = _why(s, failing, slack, rules, relation)
            params = {"relation": RELATION_PHRASES[relation], "phase": phase, "why": why}
            effects.append(Effect("phase", relation, "phase", -1, "relation_phase_down", params))
    return moved


def spread_record(s: GameState, spread: float, decided: set[CitizenRelation]) -> None:
    """A relation without a decision this round moves ``spread`` of the way towards the mean
    track record: what the organisation shows in its other relations carries over, slowly, so
    an early mistake in a relation that seldom comes up fades."""
    record = s.relation_record
    if not record or spread <= 0.0:
        return
    mean = sum(record.values()) / len(record)
    for relation, value in record.items():
        if relation not in decided:
            record[relation] = value + (mean - value) * spread


# The whole organisation is in a phase when most of its relations are, and, for collaborating,
# none lags more than this many phases behind it.
WEAKEST_BEHIND = 2
WEAKEST_FROM = 4


def relations_in_play(s: GameState, rules: CompiledRules) -> list[CitizenRelation]:
    """The relations the overall phase follows: those the game is sure to be about (its
    scheduled cards meet them, or it starts them further along). A relation only a chance card
    may meet is shown and grows, but does not hold the organisation back or carry it."""
    core = rules.core_relations
    return [r for r in s.relation_phase if r in core]


def relations_needed(majority: float, count: int) -> int:
    """How many of ``count`` relations must have reached a phase for the organisation as a
    whole to be there: most of them (``tuning.phase_majority``), at least one."""
    return max(1, math.ceil(majority * count - 1e-9))


def overall_level(levels: list[int], majority: float) -> int:
    """The overall phase (1–4) of relations at ``levels``: the highest phase that most of them
    reached; for collaborating, none may be more than ``WEAKEST_BEHIND`` phases behind. One
    lagging relation does not hold the organisation back; a relation left behind holds back
    collaborating."""
    if not levels:
        return 1
    needed = relations_needed(majority, len(levels))
    # How many relations hold each level, counted in one pass: this runs every round.
    held_at = [0, 0, 0, 0, 0]
    for held in levels:
        held_at[held] += 1
    weakest = min(levels)
    four = held_at[4]
    three = held_at[3] + four
    at_least = (0, 0, held_at[2] + three, three, four)
    overall = 1
    for level in (2, 3, 4):
        if at_least[level] < needed:
            break
        if level >= WEAKEST_FROM and weakest < level - WEAKEST_BEHIND:
            break
        overall = level
    return overall


def overall_phase(s: GameState, rules: CompiledRules) -> GrowthPhase:
    """The overall phase the relations' phases give (``overall_level`` of those in play): a
    memo per set of relations' phases, as it is asked every round."""
    phases = s.relation_phase
    key = (tuple(phases), tuple(phases.values()))
    memo = rules.overall
    phase = memo.get(key)
    if phase is None:
        core = rules.core_relations
        levels = [PHASE_LEVEL[held] for r, held in phases.items() if r in core]
        phase = memo[key] = _PHASES[overall_level(levels, rules.tuning.phase_majority) - 1]
    return phase


def update_phase(s: GameState, rules: CompiledRules, effects: list[Effect]) -> None:
    """The overall growth phase follows the relations; say when it moves, and why."""
    phase = overall_phase(s, rules)
    if phase is s.phase:
        return
    up = PHASE_LEVEL[phase] > PHASE_LEVEL[s.phase]
    s.phase = phase
    if up:
        reached = tuple(
            RELATION_PHRASES[r] for r, held in s.relation_phase.items() if held.level >= phase.level
        )
        # The same few sentences recur game after game: rendered once, shared by their effects.
        memo = ("phase_up", phase, reached)
        params = rules.said.get(memo)
        if params is None:
            why = Bilingual(
                render("why_relations_met", {"relations": reached}, "nl"),
                render("why_relations_met", {"relations": reached}, "en"),
            )
            params = rules.said[memo] = {"phase": phase, "why": why}
        effects.append(Effect("phase", phase, "phase", 1, "phase_up", params))
        return
    above = phase.level + 1
    playing = relations_in_play(s, rules)
    count = sum(1 for r in playing if s.relation_phase[r].level >= above)
    params = {"count": count, "needed": relations_needed(rules.tuning.phase_majority, len(playing))}
    why = Bilingual(
        render("why_relations_low", params, "nl"), render("why_relations_low", params, "en")
    )
    effects.append(Effect("phase", phase, "phase", -1, "phase_down", {"phase": phase, "why": why}))


class Gap(NamedTuple):
    """One thing between the organisation and its next phase: in a relation, or overall."""

    relation: CitizenRelation | None
    requirement: Requirement
    value: float


def next_phase_gaps(state: GameState, scenario: Scenario) -> list[Gap]:
    """What stands between the organisation and its next overall phase.

    Organisation-wide requirements are listed once (relation ``None``); the relation's own ones
    (interaction, track record) for each relation in play still below the next phase.
    """
    return _gaps(state, compile_rules(scenario))


def _gaps(state: GameState, rules: CompiledRules) -> list[Gap]:
    target = state.phase.level + 1
    if target > 4:
        return []
    reqs = rules.phase_requirements[target - 2]
    out: list[Gap] = []
    shared: set[Requirement] = set()
    # Only the relations the overall phase follows stand between it and the next.
    for relation in relations_in_play(state, rules):
        if state.relation_phase[relation].level >= target:
            continue
        for req in reqs:
            own = req.kind == "fit_record" or (
                req.kind == "indicator" and req.indicator is _INTERACTION
            )
            value = _requirement_value(state, req, rules, relation if own else None)
            if value >= req.value:
                continue
            if own:
                out.append(Gap(relation, req, value))
            elif req not in shared:
                shared.add(req)
                out.append(Gap(None, req, value))
    return out


def starting_phase_drops(scenario: Scenario, state: GameState) -> dict[CitizenRelation, Bilingual]:
    """The relations whose starting ``phase:`` (set in the scenario) does not hold even before
    the first decision: a requirement of that phase lies more than the hysteresis below its
    threshold, so the relation falls back a phase in round 1 (issue 20: seen only on the
    dashboard). The track record and the roles mastered are left out, as for a start the
    scenario leaves to the indicators: a first round can still supply them. Each with why.
    ``state`` is the game as ``new_game`` starts it."""
    rules = compile_rules(scenario)
    out: dict[CitizenRelation, Bilingual] = {}
    for relation, start in scenario.start.relations.items():
        if start.phase is None or start.phase.level < 2:
            continue
        reqs = tuple(
            req
            for req in rules.phase_requirements[start.phase.level - 2]
            if req.kind not in ("fit_record", "roles")
        )
        failing = _first_failing(state, reqs, rules.tuning.hysteresis, rules, relation)
        if failing is not None:
            out[relation] = _why(state, failing, rules.tuning.hysteresis, rules, relation)
    return out
