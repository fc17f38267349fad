"""What is on offer in a round, what a set of decisions costs, and whether it keeps the rules.

Channels and development actions that are available now, the hours a channel takes, and the
check ``resolve_round`` runs before it changes anything: every reason a set of decisions breaks
the rules, with what it would cost, in one pass.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple, Protocol

from game.domain import Bilingual
from game.scenario.models import DevelopmentAction, Scenario
from game.sim.conditions import condition_holds
from game.sim.effects import Rejection, money
from game.sim.rules import CompiledRules, compile_rules
from game.sim.state import Decisions, GameState

# Builds a named tuple without its Python-level __new__: the check runs every round.
_new = tuple.__new__


def channel_available(state: GameState, rules: CompiledRules, channel_id: str) -> bool:
    """In use already, or allowed to open now."""
    if channel_id in state.channels:
        return True
    channel = rules.channels.get(channel_id)
    return channel is not None and condition_holds(channel.requires, state)


def action_available(state: GameState, action: DevelopmentAction, extra: int = 0) -> bool:
    """Prerequisites met, and not done already (or not as often as allowed, if repeatable).

    ``extra`` counts purchases planned this round on top of those already made.
    """
    if _used_up(state, action, extra):
        return False
    return condition_holds(action.requires, state)


def _used_up(state: GameState, action: DevelopmentAction, extra: int = 0) -> bool:
    times = state.actions_done.get(action.id, 0) + extra
    if not action.repeatable:
        return times >= 1
    return action.max_times is not None and times >= action.max_times


def available_actions(state: GameState, scenario: Scenario) -> list[DevelopmentAction]:
    """The actions that can be bought now (``action_available``, written out: bots ask it for
    every action, every round)."""
    done = state.actions_done
    out = []
    for action in scenario.actions:
        times = done.get(action.id, 0)
        if times:
            if not action.repeatable:
                continue
            if action.max_times is not None and times >= action.max_times:
                continue
        elif action.repeatable and action.max_times is not None and action.max_times <= 0:
            continue
        requires = action.requires
        if requires is None or condition_holds(requires, state):
            out.append(action)
    return out


class DecisionCost(NamedTuple):
    """Hours and budget a set of decisions takes, against what this round has."""

    hours: int
    budget: float
    hours_available: int
    budget_available: float

    @property
    def fits(self) -> bool:
        return self.hours <= self.hours_available and self.budget <= self.budget_available + 1e-9


class _PricedChannel(Protocol):
    id: str
    cost: int
    open_cost: int


def channel_hours(state: GameState, channel: _PricedChannel, opened: Collection[str] = ()) -> int:
    """Hours a channel takes for one initiative: its use, plus opening it if nobody has yet.

    ``opened`` holds channels already opened by other decisions of the same round.
    """
    if channel.id in state.channels or channel.id in opened:
        return channel.cost
    return channel.cost + channel.open_cost


def decision_cost(state: GameState, decisions: Decisions, scenario: Scenario) -> DecisionCost:
    """What the decisions would cost, for the UI to show before the team confirms."""
    return planned_cost(state, decisions, compile_rules(scenario))


def planned_cost(state: GameState, decisions: Decisions, rules: CompiledRules) -> DecisionCost:
    hours = 0
    budget = 0.0
    opened: set[str] = set()
    channels = rules.channels
    for decision in decisions.initiatives:
        hours += rules.roles[decision.role].cost
        for channel_id in decision.channels:
            channel = channels.get(channel_id)
            if channel is None:
                continue
            hours += channel_hours(state, channel, opened)
            opened.add(channel_id)
    for action_id in decisions.actions:
        action = rules.actions.get(action_id)
        if action is not None:
            hours += action.cost.capacity
            budget += action.cost.budget
    return DecisionCost(hours, budget, state.capacity_this_round, state.budget)


def check_decisions(state: GameState, decisions: Decisions, scenario: Scenario) -> list[Rejection]:
    """Every reason the decisions cannot be carried out; empty when they can."""
    return rejections_and_cost(state, decisions, compile_rules(scenario))[0]


def rejections_and_cost(
    state: GameState, decisions: Decisions, rules: CompiledRules
) -> tuple[list[Rejection], DecisionCost]:
    """Every reason the decisions break the rules, and what they cost, in one pass."""
    if state.finished:
        return [Rejection("reject_finished")], planned_cost(state, decisions, rules)
    problems: list[Rejection] = []
    seen: set[str] = set()
    current = state.current_initiatives
    channels = rules.channels
    in_use = state.channels
    roles = rules.roles
    hours = 0
    budget = 0.0
    opened: set[str] = set()
    for decision in decisions.initiatives:
        initiative = decision.initiative
        if initiative not in current:
            problems.append(Rejection("reject_not_this_round", {"initiative": initiative}))
        elif initiative in seen:
            problems.append(Rejection("reject_duplicate", {"initiative": initiative}))
        seen.add(initiative)
        hours += roles[decision.role].cost
        for channel_id in decision.channels:
            channel = channels.get(channel_id)
            if channel is None:
                problems.append(Rejection("reject_unknown_channel", {"channel": channel_id}))
                continue
            if channel_id in in_use or channel_id in opened:
                hours += channel.cost
                continue
            if channel.requires is not None and not condition_holds(channel.requires, state):
                problems.append(Rejection("reject_channel_locked", {"channel": channel_id}))
            hours += channel.cost + channel.open_cost
            opened.add(channel_id)
    if len(seen) < len(current):
        for initiative_id in current:
            if initiative_id not in seen:
                title = rules.initiatives[initiative_id].title
                problems.append(Rejection("reject_missing", {"initiative": title}))
    if decisions.actions:
        hours, budget = _actions_checked(state, decisions.actions, rules, problems, hours)
    cost = _new(DecisionCost, (hours, budget, state.capacity_this_round, state.budget))
    if cost.hours > cost.hours_available:
        problems.append(
            Rejection("reject_capacity", {"needed": cost.hours, "available": cost.hours_available})
        )
    if cost.budget > cost.budget_available + 1e-9:
        problems.append(
            Rejection(
                "reject_budget",
                {"needed": _money(cost.budget), "available": _money(cost.budget_available)},
            )
        )
    return problems, cost


def _money(thousands: float) -> Bilingual:
    return Bilingual(money(thousands, "nl"), money(thousands, "en"))


def _actions_checked(
    state: GameState,
    actions: tuple[str, ...],
    rules: CompiledRules,
    problems: list[Rejection],
    hours: int,
) -> tuple[int, float]:
    """The hours (on top of ``hours``) and money the actions take; why any cannot be bought
    goes to ``problems``."""
    budget = 0.0
    bought: dict[str, int] = {}
    done = state.actions_done
    for action_id in actions:
        action = rules.actions.get(action_id)
        if action is None:
            problems.append(Rejection("reject_unknown_action", {"action": action_id}))
            continue
        price = action.cost
        hours += price.capacity
        budget += price.budget
        earlier = bought.get(action_id, 0)
        times = done.get(action_id, 0) + earlier
        if (
            times >= action.max_times
            if action.repeatable and action.max_times is not None
            else times >= 1 and not action.repeatable
        ):
            problems.append(Rejection("reject_action_done", {"action": rules.titles[action_id]}))
        elif action.requires is not None and not condition_holds(action.requires, state):
            problems.append(Rejection("reject_action_locked", {"action": rules.titles[action_id]}))
        bought[action_id] = earlier + 1
    return hours, budget
