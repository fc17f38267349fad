"""The start of a round: its news (events, whose effects apply at once) and its initiatives.

Events scripted for the round come always, conditional ones when their condition holds and the
dice say so; initiatives arrive as scheduled, brought by news, unfolded from an earlier stage,
or by condition and chance. Repair work from the last round takes its hours first.
"""

from __future__ import annotations

import math

from game.domain import Bilingual, CitizenRelation, Indicator
from game.scenario.models import Event, EventEffects
from game.sim.changes import clamp, mean, new
from game.sim.conditions import condition_holds
from game.sim.dice import Dice
from game.sim.effects import ALL_RELATIONS_PHRASE, RELATION_PHRASES, Effect, ParamValue
from game.sim.rules import CompiledRules
from game.sim.state import GameState

_INTERACTION = Indicator.INTERACTION
# Repair work never takes more than this share of a round's capacity.
REWORK_CAP = 0.4


def begin_round(s: GameState, rules: CompiledRules, rng: Dice) -> None:
    """Roll this round's events and initiatives; the events' effects apply at once (the news)."""
    rework = min(s.rework, math.floor(s.capacity * REWORK_CAP))
    s.capacity_this_round = s.capacity - rework
    s.rework = 0
    news: list[str] = []
    news_effects: list[Effect] = []
    arriving: list[str] = []
    for event in rules.events_by_round.get(s.round, ()):
        if event.round is None:
            if event.once and event.id in s.events_seen:
                continue
            if not condition_holds(event.when, s):
                continue
            if rng.random() >= event.probability:
                continue
        news.append(event.id)
        if event.id not in s.events_seen:
            s.events_seen = (*s.events_seen, event.id)
        apply_event(s, event, rules, news_effects)
        arriving.extend(event.effects.add_initiatives)

    seen = s.initiatives_seen
    # Asked for every initiative that might arrive: a set, not the growing tuple.
    seen_set = set(seen)
    for initiative in rules.scheduled.get(s.round, ()):
        if initiative not in arriving:
            arriving.append(initiative)
    if s.unfolding:
        now = s.round
        later = []
        for stage in s.unfolding:
            if stage[0] != now:
                later.append(stage)
            elif stage[1] not in arriving:
                arriving.append(stage[1])
        s.unfolding = tuple(later)
    limit = rules.tuning.max_initiatives_per_round
    for initiative in rules.conditional_initiatives:
        if len(arriving) >= limit:
            break
        if initiative.id in seen_set or initiative.id in arriving:
            continue
        if condition_holds(initiative.when, s) and rng.random() < initiative.probability:
            arriving.append(initiative.id)
    arriving = [i for i in arriving if i not in seen_set]
    s.initiatives_seen = (*seen, *arriving)
    s.current_initiatives = tuple(arriving)
    s.news = tuple(news)
    s.news_effects = tuple(news_effects)
    # However much went wrong, a team can always give every initiative its cheapest role.
    floor = len(arriving) * rules.cheapest_role_cost
    if s.capacity_this_round < floor:
        s.capacity_this_round = floor


def apply_event(s: GameState, event: Event, rules: CompiledRules, effects: list[Effect]) -> None:
    """News happens: immediate shocks to indicators (and their targets) and to resources."""
    s.readiness.clear()  # worked out from the indicators as they were
    eid = event.id
    fx = event.effects
    factor = 1.0
    scale = fx.scale_by
    if scale is not None:
        share = s.indicators[scale.indicator] / 100.0
        factor = 2.0 * (1.0 - share) if scale.inverse else 2.0 * share
    done = s.actions_done
    mitigators = tuple([a for a in fx.mitigated_by if a in done]) if fx.mitigated_by else ()
    relations = s.relation_interaction
    memo = ("event", eid, mitigators, tuple(relations))
    plan = rules.plans.get(memo)
    if plan is None:
        plan = rules.plans[memo] = _event_steps(event, rules, mitigators, tuple(relations))
    steps, resources = plan
    touched_interaction = False
    for ind, delta, plain, mitigated, hit in steps:
        change = delta * factor
        key, params = plain
        if change < 0 and mitigated is not None:
            change *= 1.0 - fx.mitigation
            key, params = mitigated
        if change == 0.0:
            continue
        if hit is not None:
            touched_interaction = True
            relation_targets = s.relation_targets
            for relation in hit:
                value = relations[relation] + change
                relations[relation] = 0.0 if value < 0.0 else 100.0 if value > 100.0 else value
                value = relation_targets[relation] + change
                relation_targets[relation] = (
                    0.0 if value < 0.0 else 100.0 if value > 100.0 else value
                )
        else:
            s.indicators[ind] = clamp(s.indicators[ind] + change)
            s.targets[ind] = clamp(s.targets[ind] + change)
        effects.append(new(Effect, ("event", eid, ind, change, key, params)))
    if touched_interaction:
        s.indicators[_INTERACTION] = mean(relations)
        s.targets[_INTERACTION] = mean(s.relation_targets)
    if resources:
        _resources(s, fx, eid, rules.titles[eid], rules, effects)


# One indicator an event moves: its change before scaling, its sentence and parameters plain
# and mitigated (None: nothing mitigates it), and for interaction the relations it hits.
_Said = tuple[str, dict[str, ParamValue]]
_EventStep = tuple[Indicator, float, _Said, _Said | None, tuple[CitizenRelation, ...] | None]


def _event_steps(
    event: Event,
    rules: CompiledRules,
    mitigators: tuple[str, ...],
    relations: tuple[CitizenRelation, ...],
) -> tuple[tuple[_EventStep, ...], bool]:
    """What an event says about each indicator it moves, the same in every game with the same
    mitigating actions done and the same relations; and whether it touches resources."""
    name = rules.titles[event.id]
    fx = event.effects
    scale = fx.scale_by
    steps = []
    for ind, delta in fx.indicators.items():
        interaction = ind is _INTERACTION
        params: dict[str, ParamValue] = {"event": name, "indicator": ind}
        key = "event_interaction" if interaction else "event_indicator"
        if scale is not None:
            key = "event_interaction_scaled" if interaction else "event_indicator_scaled"
            params["scale"] = scale.indicator
        hit = None
        if interaction:
            hit = tuple(r for r in fx.relations if r in relations) if fx.relations else None
            phrase = (
                ALL_RELATIONS_PHRASE if hit is None else tuple(RELATION_PHRASES[r] for r in hit)
            )
            if hit is None:
                hit = relations
        mitigated = None
        if mitigators:
            more = {**params, "actions": tuple(rules.titles[a] for a in mitigators)}
            if interaction:
                more["relations"] = phrase
            word = "event_interaction_mitigated" if interaction else "event_indicator_mitigated"
            mitigated = (word, more)
        if interaction:
            params["relations"] = phrase
        steps.append((ind, delta, (key, params), mitigated, hit))
    resources = bool(
        fx.budget
        or fx.budget_per_round
        or fx.capacity
        or fx.capacity_this_round
        or fx.add_initiatives
    )
    return tuple(steps), resources


def _resources(
    s: GameState,
    fx: EventEffects,
    eid: str,
    name: Bilingual,
    rules: CompiledRules,
    effects: list[Effect],
) -> None:
    """What the news does to money, hours and the cards on the table, each said."""
    if fx.budget:
        s.budget = max(0.0, s.budget + fx.budget)
        effects.append(
            new(Effect, ("event", eid, "budget", fx.budget, "event_budget", {"event": name}))
        )
    if fx.budget_per_round:
        s.budget_per_round = max(0.0, s.budget_per_round + fx.budget_per_round)
        key = "event_budget_per_round"
        effects.append(
            new(
                Effect,
                ("event", eid, "budget_per_round", fx.budget_per_round, key, {"event": name}),
            )
        )
    if fx.capacity:
        s.capacity = max(1, s.capacity + fx.capacity)
        s.capacity_this_round += fx.capacity
        effects.append(
            new(Effect, ("event", eid, "capacity", fx.capacity, "event_capacity", {"event": name}))
        )
    if fx.capacity_this_round:
        s.capacity_this_round += fx.capacity_this_round
        key = "event_capacity_this_round"
        effects.append(
            new(
                Effect,
                ("event", eid, "capacity_this_round", fx.capacity_this_round, key, {"event": name}),
            )
        )
    for initiative_id in fx.add_initiatives:
        title = rules.initiatives[initiative_id].title
        said = {"event": name, "initiative": title}
        effects.append(new(Effect, ("event", eid, initiative_id, 0.0, "event_initiative", said)))
