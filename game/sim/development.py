"""Development actions bought in a round, and the drift of what nothing fed.

An action pulls on the organisation's indicators (or a relation's interaction) and can change
its resources for good: capacity, budget, purpose and role bonuses, risk, channels. Without
effort things slip: only what nothing fed this round drifts, and says so.
"""

from __future__ import annotations

from typing import Any

from game.domain import CitizenRelation, Indicator
from game.scenario.models import DevelopmentAction
from game.sim.changes import RoundChanges, new
from game.sim.effects import ALL_RELATIONS_PHRASE, RELATION_PHRASES, Effect, ParamValue
from game.sim.rules import CompiledRules
from game.sim.state import GameState

_INTERACTION = Indicator.INTERACTION
_DRIFT_KEYS = {
    Indicator.COMMUNITY_ENERGY: "drift_community_energy",
    Indicator.AWARENESS: "drift_awareness",
    Indicator.SKILL: "drift_skill",
    Indicator.TRUST: "drift_trust",
}


def apply_action(
    s: GameState, action: DevelopmentAction, rules: CompiledRules, work: RoundChanges
) -> None:
    """Buy a development action: pulls on indicators and lasting changes to resources."""
    aid = action.id
    s.actions_done[aid] = s.actions_done.get(aid, 0) + 1
    held = s.relation_phase
    key = ("action", aid, tuple(held))
    plan = rules.plans.get(key)
    if plan is None:
        plan = rules.plans[key] = _action_plan(action, rules, held)
    steps, lasts = plan
    _action_pulls(s, aid, steps, work)
    if lasts:
        _action_lasts(s, action, rules, work.effects)


# What an action pulls on, in the order of its effects: an indicator with its sentence's
# parameters, or interaction with each relation's.
_Step = tuple[Indicator, float, Any]


def _action_plan(
    action: DevelopmentAction, rules: CompiledRules, held: dict[CitizenRelation, object]
) -> tuple[tuple[_Step, ...], bool]:
    """What an action does that is the same in every game (with the same relations): its pulls
    with their sentences, and whether it changes anything for good."""
    aid = action.id
    name = rules.titles[aid]
    fx = action.effects
    steps: list[_Step] = []
    for ind, delta in fx.indicators.items():
        if delta == 0.0:
            continue
        if ind is not _INTERACTION:
            memo = (aid, ind)
            changed = rules.said.get(memo)
            if changed is None:
                changed = rules.said[memo] = {"action": name, "indicator": ind}
            steps.append((ind, delta, changed))
            continue
        relations = [r for r in (fx.relations or rules.relations) if r in held]
        phrase: ParamValue = (
            tuple(RELATION_PHRASES[r] for r in relations) if fx.relations else ALL_RELATIONS_PHRASE
        )
        spoken = {"action": name, "relations": phrase}
        # The story folds them, naming each relation.
        each = tuple((r, {**spoken, "relation": r}) for r in relations)
        steps.append((ind, delta, each))
    lasts = bool(
        action.trap is not None
        or fx.capacity
        or fx.budget_per_round
        or fx.structural_budget
        or fx.purpose_bonus is not None
        or fx.role_readiness is not None
        or fx.risk_reduction
        or fx.open_channels
    )
    return tuple(steps), lasts


def _action_pulls(s: GameState, aid: str, steps: tuple[_Step, ...], work: RoundChanges) -> None:
    """What the action does to the organisation's indicators and the relations' interaction."""
    effects = work.effects
    targets = s.targets
    saturation = work.saturation
    for ind, delta, said in steps:
        if ind is not _INTERACTION:
            target = targets[ind]
            if delta > 0.0:
                delta *= 1.0 - saturation * target
                work.fed.add(ind)
            value = target + delta
            targets[ind] = 0.0 if value < 0.0 else 100.0 if value > 100.0 else value
            effects.append(new(Effect, ("action", aid, ind, delta, "action_indicator", said)))
        else:
            for relation, each in said:
                work.pull_relation("action", aid, relation, delta, "action_interaction", each)


def _action_lasts(
    s: GameState, action: DevelopmentAction, rules: CompiledRules, effects: list[Effect]
) -> None:
    """What the action changes for good: resources, bonuses, risk and channels; a trap says so."""
    aid = action.id
    name = rules.titles[aid]
    fx = action.effects
    said = rules.said.get((aid,))
    if said is None:
        said = rules.said[(aid,)] = {"action": name}
    if action.trap is not None:
        trap = {"action": name, "why": rules.traps[aid]}
        effects.append(new(Effect, ("action", aid, "trap", 0.0, "action_trap", trap)))
    if fx.capacity:
        s.capacity += fx.capacity
        effects.append(
            new(Effect, ("action", aid, "capacity", fx.capacity, "action_capacity", said))
        )
    if fx.budget_per_round:
        s.budget_per_round = max(0.0, s.budget_per_round + fx.budget_per_round)
        key = "action_budget_per_round"
        effects.append(
            new(Effect, ("action", aid, "budget_per_round", fx.budget_per_round, key, said))
        )
    if fx.structural_budget:
        s.structural_budget = max(0.0, s.structural_budget + fx.structural_budget)
        key = "action_structural_budget"
        effects.append(
            new(Effect, ("action", aid, "structural_budget", fx.structural_budget, key, said))
        )
    if fx.purpose_bonus is not None:
        purposes = fx.purpose_bonus.items()
        for purpose, bonus in purposes:
            s.purpose_bonus[purpose] = s.purpose_bonus.get(purpose, 0.0) + bonus
        better = {"action": name, "purposes": tuple(p for p, _ in purposes)}
        effects.append(
            new(Effect, ("action", aid, "purpose_bonus", 0.0, "action_purpose_bonus", better))
        )
    if fx.role_readiness is not None:
        roles = fx.role_readiness.items()
        for role, bonus in roles:
            s.role_bonus[role] = s.role_bonus.get(role, 0.0) + bonus
        ready = {"action": name, "roles": tuple(r for r, _ in roles)}
        effects.append(
            new(Effect, ("action", aid, "role_readiness", 0.0, "action_role_readiness", ready))
        )
    if fx.risk_reduction:
        s.risk_reduction = 1.0 - (1.0 - s.risk_reduction) * (1.0 - fx.risk_reduction)
        effects.append(
            new(Effect, ("action", aid, "risk", -fx.risk_reduction, "action_risk", said))
        )
    for channel_id in fx.open_channels:
        if channel_id not in s.channels:
            channel = rules.channels[channel_id]
            s.channels[channel_id] = channel.audience
            opened = {"channel": channel.name}
            effects.append(new(Effect, ("action", aid, channel_id, 0.0, "channel_opened", opened)))


# What a drift sentence needs never changes: one dict each, shared by every round.
_DRIFT_RELATION = {r: {"relation": RELATION_PHRASES[r]} for r in CitizenRelation}
_DRIFT_INDICATOR = {i: {"indicator": i} for i in Indicator}


def drift(s: GameState, rules: CompiledRules, work: RoundChanges) -> None:
    """Without effort things slip: only what nothing fed this round drifts, and says so.

    The pulls are ``RoundChanges.pull`` and ``pull_relation`` written out: the drift pulls on
    every relation, every round."""
    fed = work.fed
    effects = work.effects
    saturation = work.saturation
    for ind, delta in rules.drift:
        if delta == 0.0:
            continue
        if ind is _INTERACTION:
            fed_relations = work.fed_relations
            targets = s.relation_targets
            for relation in rules.relations:
                if relation in fed_relations:
                    continue
                change = delta
                target = targets[relation]
                if change > 0.0:
                    change *= 1.0 - saturation * target
                    fed_relations.add(relation)
                value = target + change
                targets[relation] = 0.0 if value < 0.0 else 100.0 if value > 100.0 else value
                said = _DRIFT_RELATION[relation]
                effect = ("drift", relation, ind, change, "drift_interaction", said)
                effects.append(new(Effect, effect))
        elif ind not in fed:
            key = _DRIFT_KEYS.get(ind)
            if key is None or delta > 0:
                key = "drift_other"
            work.pull("drift", ind, ind, delta, key, _DRIFT_INDICATOR[ind])
