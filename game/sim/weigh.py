"""What the planning bots weigh again and again, remembered: the chance a role stumbles while a
plan weighs one state, and the fixed parts of what a development action is worth.

A bot is a player, not part of the simulation (``bots.py``); these memos only save it work and
never change what it decides.
"""

from __future__ import annotations

import math
from typing import Any

from game.domain import CitizenRelation, Indicator, MunicipalRole
from game.scenario.models import DevelopmentAction
from game.sim.conditions import condition_holds
from game.sim.risk import execution_risk
from game.sim.rules import CompiledRules
from game.sim.state import GameState

# Where ``Weighing`` keeps the chances of stumbling for the state a plan weighs.
_CHANCES = ("chances",)


class Weighing:
    """While a plan is made for ``state`` (which nothing changes meanwhile), ``stumble_chance``
    remembers what it works out; afterwards it forgets, so a state changed later is read anew.
    A context manager of its own, not ``contextlib``'s: it is entered for every plan."""

    __slots__ = ("memo",)

    def __init__(self, state: GameState, rules: CompiledRules) -> None:
        self.memo = rules.bot_memo
        self.memo[_CHANCES] = (state, {})

    def __enter__(self) -> None:
        return None

    def __exit__(self, *_: object) -> None:
        self.memo.pop(_CHANCES, None)


def chances_held(state: GameState, rules: CompiledRules) -> dict | None:
    """The chances ``stumble_chance`` remembers for ``state`` (keyed by role and relation),
    or None outside a plan for it: for callers that ask for many in a row."""
    held = rules.bot_memo.get(_CHANCES)
    return held[1] if held is not None and held[0] is state else None


def stumble_chance(
    state: GameState, rules: CompiledRules, role: MunicipalRole, relation: CitizenRelation
) -> float:
    """The chance a role stumbles (``execution_risk``), remembered while a plan weighs one
    state (``Weighing``): choosing a role and predicting its verdict ask it again and again."""
    held = rules.bot_memo.get(_CHANCES)
    if held is None or held[0] is not state:
        return execution_risk(state, rules, role, relation).chance
    chances = held[1]
    found = chances.get((role, relation))
    if found is None:
        found = chances[(role, relation)] = execution_risk(state, rules, role, relation).chance
    return found


def action_value(
    state: GameState, needs: set[Indicator], action: DevelopmentAction, rules: CompiledRules
) -> float:
    """How much an action helps towards the next phase, per unit of what it costs."""
    memo = rules.bot_memo.get(("action", action.id))
    if memo is None:
        memo = rules.bot_memo[("action", action.id)] = _action_parts(action)
    return parts_value(state, needs, memo)


def parts_value(state: GameState, needs: set[Indicator], parts: tuple[Any, ...]) -> float:
    """``action_value`` from what ``_action_parts`` read of the action."""
    pulls, lasting, reduction, bonuses, opens, price = parts
    value = 0.0
    targets = state.targets
    for ind, delta in pulls:
        weight = 2.0 if ind in needs else 1.0
        value += delta * weight * (100.0 - targets[ind]) / 100.0
    value += lasting
    value += 80.0 * reduction * (1.0 - state.risk_reduction)
    for bonus in bonuses:
        value += bonus
    value += 3.0 * sum(1 for c in opens if c not in state.channels)
    return value / price


# The planner's view of a scenario's actions, kept with the rules.
_BUYABLE = ("buyable",)


def buyable(rules: CompiledRules, actions: list[DevelopmentAction]) -> list[tuple[Any, ...]]:
    """Per action that is no trap, in the scenario's order, what the planner reads of it every
    round: (action, id, how many times it can be bought, its condition, hours, money, the parts
    of its value). The same in every game, so read once."""
    found = rules.bot_memo.get(_BUYABLE)
    if found is None:
        found = rules.bot_memo[_BUYABLE] = [
            (
                a,
                a.id,
                (a.max_times if a.max_times is not None else math.inf) if a.repeatable else 1,
                a.requires,
                a.cost.capacity,
                a.cost.budget,
                _action_parts(a),
            )
            for a in actions
            if a.trap is None
        ]
    return found


def _action_parts(action: DevelopmentAction) -> tuple[Any, ...]:
    """What ``action_value`` reads of an action, the same in every game."""
    fx = action.effects
    bonuses = []
    if fx.purpose_bonus is not None:
        bonuses.append(sum(v for _, v in fx.purpose_bonus.items()) * 0.1)
    if fx.role_readiness is not None:
        bonuses.append(sum(v for _, v in fx.role_readiness.items()) * 0.25)
    return (
        tuple(fx.indicators.items()),
        fx.capacity * 2.0 + fx.structural_budget + fx.budget_per_round * 0.5,
        fx.risk_reduction,
        tuple(bonuses),
        tuple(fx.open_channels),
        action.cost.capacity + action.cost.budget / 2.0 + 1.0,
    )


# The channels open in every game, those behind a condition, and the sets of them made so far.
_CHANNEL_PARTS = ("channel_parts",)


def available_channels(state: GameState, rules: CompiledRules) -> frozenset[str]:
    """The channels in use or open to use now. Only the locked ones are checked; the few sets
    that come out are kept, so the same set (its hash worked out once) recurs."""
    memo = rules.bot_memo
    parts = memo.get(_CHANNEL_PARTS)
    if parts is None:
        channels = rules.channels
        base = frozenset([c for c, info in channels.items() if info.requires is None])
        locked = tuple(
            (c, info.requires) for c, info in channels.items() if info.requires is not None
        )
        parts = memo[_CHANNEL_PARTS] = (base, locked, {})
    base, locked, made = parts
    in_use = state.channels
    extra = tuple([c for c, req in locked if c in in_use or condition_holds(req, state)])
    if not extra:
        return base
    found = made.get(extra)
    if found is None:
        found = made[extra] = base | frozenset(extra)
    return found
