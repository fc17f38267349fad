"""What a team sees when it decides, as plain data: the input of a custom strategy.

A custom strategy (``python main.py simulate --strategy-file FILE.py``) is a function
``decide(view: TeamView) -> dict``; ``docs/strategies.md`` documents both sides. The view holds
what the screens show a group: the initiatives on the table with their owner, relation and
purposes, and per role the hours, the readiness it asks, the organisation's readiness and the
risk; the channels with their hours and how well they serve each purpose; the development
actions with their costs and effects; the indicators and the phases per relation. It does not
hold which role fits: working that out is the game.

Everything in it is a string, number, tuple or dict, so a strategy needs nothing from the game.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from game.domain import MunicipalRole, Prediction
from game.scenario.models import Scenario
from game.sim.engine import (
    action_available,
    channel_available,
    channel_hours,
    execution_risk,
)
from game.sim.rules import CompiledRules, InitiativeInfo, compile_rules
from game.sim.state import Decisions, GameState, InitiativeDecision


@dataclass(frozen=True, slots=True)
class RoleView:
    """One role for one initiative: what it costs and asks, and the chance of stumbling."""

    role: str
    hours: int
    readiness: float
    demand: float
    risk: float
    # What is left of the result after a stumble, as a share (below 0: the stumble does harm).
    stumble: float


@dataclass(frozen=True, slots=True)
class InitiativeView:
    """An initiative on the table."""

    id: str
    title: str
    owner: str
    relation: str
    purposes: tuple[str, ...]
    weight: float
    stage: int
    roles: Mapping[str, RoleView]


@dataclass(frozen=True, slots=True)
class ChannelView:
    """A channel, with its hours for one initiative (opening included) and fit per purpose."""

    id: str
    name: str
    available: bool
    in_use: bool
    hours: int
    # Of those hours, what opening it takes (0 when in use): paid once a round, not per use.
    open_hours: int
    interaction: str
    online: bool
    others_platform: bool
    fit: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class ActionView:
    """A development action: its costs, whether it can be bought now, and what it does."""

    id: str
    title: str
    available: bool
    hours: int
    budget: float
    times_bought: int
    repeatable: bool
    # How often it can be bought in all (None: as often as you like, when repeatable).
    max_times: int | None
    indicators: Mapping[str, float]
    capacity: int
    risk_reduction: float


@dataclass(frozen=True, slots=True)
class OutcomeView:
    """How an earlier decision went."""

    round: int
    initiative: str
    relation: str
    role: str
    verdict: str
    succeeded: bool


@dataclass(frozen=True, slots=True)
class TeamView:
    """Everything a team sees when it decides one round."""

    scenario_id: str
    round: int
    rounds: int
    hours: int
    budget: float
    phase: str
    stage: str
    relation_phases: Mapping[str, str]
    relation_interaction: Mapping[str, float]
    indicators: Mapping[str, float]
    initiatives: tuple[InitiativeView, ...]
    channels: tuple[ChannelView, ...]
    actions: tuple[ActionView, ...]
    history: tuple[OutcomeView, ...]


def team_view(state: GameState, scenario: Scenario, lang: str = "en") -> TeamView:
    """The view of ``state`` a team has before it decides."""
    rules = compile_rules(scenario)
    language = "nl" if lang == "nl" else "en"
    history = tuple(
        OutcomeView(
            record.round,
            o.initiative,
            o.relation.value,
            o.role.value,
            o.verdict.value,
            o.succeeded,
        )
        for record in state.history
        for o in record.outcomes
    )
    return TeamView(
        scenario_id=scenario.id,
        round=state.round,
        rounds=scenario.rounds,
        hours=state.capacity_this_round,
        budget=state.budget,
        phase=state.phase.value,
        stage=state.stage.value,
        relation_phases={r.value: p.value for r, p in state.relation_phase.items()},
        relation_interaction={r.value: v for r, v in state.relation_interaction.items()},
        indicators={i.value: v for i, v in state.indicators.items()},
        initiatives=tuple(
            _initiative_view(state, rules, rules.initiatives[i], language)
            for i in state.current_initiatives
        ),
        channels=_channel_views(state, rules, language),
        actions=_action_views(state, scenario, language),
        history=history,
    )


def _initiative_view(
    state: GameState, rules: CompiledRules, info: InitiativeInfo, language: str
) -> InitiativeView:
    """One card of the round, with what each role costs, asks and risks."""
    roles = {}
    for role in MunicipalRole:
        risk = execution_risk(state, rules, role, info.relation)
        roles[role.value] = RoleView(
            role.value,
            rules.roles[role].cost,
            round(risk.readiness, 1),
            risk.demand,
            round(risk.chance, 3),
            rules.roles[role].stumble,
        )
    return InitiativeView(
        id=info.id,
        title=info.title.get(language),
        owner=info.owner.value,
        relation=info.relation.value,
        purposes=tuple(p.value for p in info.purposes),
        weight=info.weight,
        stage=info.stage,
        roles=roles,
    )


def _channel_views(
    state: GameState, rules: CompiledRules, language: str
) -> tuple[ChannelView, ...]:
    """Every channel: whether it can be used now, its hours and its fit per purpose."""
    bonus = state.purpose_bonus
    return tuple(
        ChannelView(
            id=c.id,
            name=c.name.get(language),
            available=channel_available(state, rules, c.id),
            in_use=c.id in state.channels,
            hours=channel_hours(state, c),
            open_hours=0 if c.id in state.channels else c.open_cost,
            interaction=c.level.value,
            online=c.online,
            others_platform=c.others_platform,
            fit={p.value: min(100.0, f + bonus.get(p, 0.0)) for p, f in c.fit.items()},
        )
        for c in rules.channels.values()
    )


def _action_views(state: GameState, scenario: Scenario, language: str) -> tuple[ActionView, ...]:
    """Every development action: whether it can be bought now, what it costs and does."""
    return tuple(
        ActionView(
            id=a.id,
            title=a.title.get(language),
            available=action_available(state, a),
            hours=a.cost.capacity,
            budget=a.cost.budget,
            times_bought=state.actions_done.get(a.id, 0),
            repeatable=a.repeatable,
            max_times=(a.max_times if a.repeatable else 1),
            indicators={i.value: v for i, v in a.effects.indicators.items()},
            capacity=a.effects.capacity,
            risk_reduction=a.effects.risk_reduction,
        )
        for a in scenario.actions
    )


class PlanError(ValueError):
    """What a custom strategy returned cannot be read as decisions."""


def decisions_from_plan(plan: Any, state: GameState) -> Decisions:
    """Turn what a strategy returned into ``Decisions``.

    A plan is a mapping: ``roles`` {initiative: role}, and optionally ``channels``
    {initiative: [channel, …]}, ``actions`` [action, …] and ``predictions``
    {initiative: "well" | "mixed" | "badly"}. A ``Decisions`` is taken as it is.
    """
    if isinstance(plan, Decisions):
        return plan
    if not isinstance(plan, Mapping):
        raise PlanError(f"decide() must return a dict, not {type(plan).__name__}")
    unknown = set(plan) - {"roles", "channels", "actions", "predictions"}
    if unknown:
        raise PlanError(f"unknown keys in the plan: {', '.join(sorted(map(str, unknown)))}")
    roles = plan.get("roles") or {}
    channels = plan.get("channels") or {}
    predictions = plan.get("predictions") or {}
    if not isinstance(roles, Mapping) or not isinstance(channels, Mapping):
        raise PlanError("'roles' and 'channels' must be dicts keyed by initiative id")
    if not isinstance(predictions, Mapping):
        raise PlanError("'predictions' must be a dict keyed by initiative id")
    decisions = []
    for initiative_id in state.current_initiatives:
        if initiative_id not in roles:
            raise PlanError(f"no role for the initiative '{initiative_id}'")
        try:
            role = MunicipalRole(roles[initiative_id])
        except ValueError:
            raise PlanError(
                f"'{roles[initiative_id]}' is not a role; choose from "
                + ", ".join(r.value for r in MunicipalRole)
            ) from None
        picked = channels.get(initiative_id) or ()
        if isinstance(picked, str) or not all(isinstance(c, str) for c in picked):
            raise PlanError(f"channels for '{initiative_id}' must be a list of channel ids")
        guess = predictions.get(initiative_id)
        try:
            prediction = None if guess is None else Prediction(guess)
        except ValueError:
            raise PlanError(f"'{guess}' is not a prediction; use well, mixed or badly") from None
        decisions.append(InitiativeDecision(initiative_id, role, tuple(picked), prediction))
    actions = plan.get("actions") or ()
    if isinstance(actions, str) or not all(isinstance(a, str) for a in actions):
        raise PlanError("'actions' must be a list of action ids")
    return Decisions(tuple(decisions), tuple(actions))
