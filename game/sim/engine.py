"""The simulation core: a round is a function of (state, decisions, scenario, rng).

Pure Python: no pygame, no UI, no I/O, no clock. The one random generator is passed in and its
state is stored in the returned game state, so the same scenario, seed and decisions always give
the same game. Bots play thousands of games a second through here, so the hot path works on the
compiled rules (plain dicts and tuples) rather than on the pydantic content models.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from typing import NamedTuple, Protocol

from game.domain import (
    Bilingual,
    CompetenceStage,
    GrowthPhase,
    Indicator,
    MunicipalRole,
    Purpose,
)
from game.scenario.models import Condition, DevelopmentAction, Event, Scenario
from game.sim.effects import DecisionRejected, Effect, ParamValue, Rejection, render
from game.sim.rules import (
    MASTERY_FIT,
    ROLE_DIALOGUE,
    ROLE_LEARNING,
    CompiledRules,
    Requirement,
    compile_rules,
)
from game.sim.state import Decisions, GameState, InitiativeOutcome, RoundRecord

_PHASES = tuple(GrowthPhase)
_STAGES = tuple(CompetenceStage)
_INDICATORS = tuple(Indicator)
_TRUST = Indicator.TRUST
_ENERGY = Indicator.COMMUNITY_ENERGY
_INTERACTION = Indicator.INTERACTION
_SKILL = Indicator.SKILL
_AWARENESS = Indicator.AWARENESS
_BREADTH = Indicator.OWNERSHIP_BREADTH
_SPREADING_ROLES = (MunicipalRole.FACILITATING, MunicipalRole.PARTICIPATING)
_DRIFT_KEYS = {
    Indicator.INTERACTION: "drift_interaction",
    Indicator.COMMUNITY_ENERGY: "drift_community_energy",
    Indicator.AWARENESS: "drift_awareness",
    Indicator.SKILL: "drift_skill",
    Indicator.TRUST: "drift_trust",
}
# A stumble keeps this share of what a role would have achieved.
_STUMBLE_QUALITY = 0.35


def _clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return low if value < low else high if value > high else value


# --- Starting a game --------------------------------------------------------------------------


def new_game(scenario: Scenario, seed: int) -> GameState:
    """A fresh game of ``scenario``, with round 1's news and initiatives already on the table."""
    rules = compile_rules(scenario)
    rng = random.Random(seed)
    start = scenario.start
    state = GameState(
        scenario_id=scenario.id,
        scenario_version=scenario.version,
        seed=seed,
        round=1,
        finished=False,
        indicators=dict(rules.start_indicators),
        targets=dict(rules.start_indicators),
        fit_record=50.0,
        phase=GrowthPhase.DISCOVERING,
        stage=CompetenceStage.UNCONSCIOUSLY_INCOMPETENT,
        capacity=start.capacity,
        capacity_this_round=start.capacity,
        budget=float(start.budget),
        budget_per_round=float(start.budget_per_round),
        structural_budget=float(start.structural_budget),
        channels={c.id: float(c.audience) for c in scenario.channels if c.in_use},
        actions_done={},
        events_seen=(),
        initiatives_seen=(),
        current_initiatives=(),
        news=(),
        news_effects=(),
        purpose_bonus={},
        role_bonus={},
        risk_reduction=0.0,
        role_successes={},
        roles_mastered=(),
        decisions_total=0,
        decisions_fitting=0,
        history=(),
    )
    # A scenario may start an organisation further along; derive where its indicators put it.
    for _ in _STAGES:
        _update_stage(state, rules, [])
    for _ in _PHASES:
        _update_phase(state, rules, [], start_of_game=True)
    _begin_round(state, rules, rng)
    state.rng_state = rng.getstate()
    return state


# --- Conditions ---------------------------------------------------------------------------------


def condition_holds(condition: Condition | None, state: GameState) -> bool:
    """Whether a scenario condition holds in this state. Conditions are data, never code."""
    if condition is None:
        return True
    c = condition
    if c.round_at_least is not None and state.round < c.round_at_least:
        return False
    if c.round_at_most is not None and state.round > c.round_at_most:
        return False
    if c.phase_at_least is not None and state.phase.level < c.phase_at_least.level:
        return False
    if c.phase_below is not None and state.phase.level >= c.phase_below.level:
        return False
    if c.stage_at_least is not None and state.stage.level < c.stage_at_least.level:
        return False
    if c.stage_below is not None and state.stage.level >= c.stage_below.level:
        return False
    if c.indicator_at_least is not None:
        for ind, value in c.indicator_at_least.items():
            if state.indicators[ind] < value:
                return False
    if c.indicator_below is not None:
        for ind, value in c.indicator_below.items():
            if state.indicators[ind] >= value:
                return False
    if c.action_done is not None and not all(a in state.actions_done for a in c.action_done):
        return False
    if c.action_not_done is not None and any(a in state.actions_done for a in c.action_not_done):
        return False
    if c.event_happened is not None and not all(e in state.events_seen for e in c.event_happened):
        return False
    if c.event_not_happened is not None and any(
        e in state.events_seen for e in c.event_not_happened
    ):
        return False
    if c.channel_in_use is not None and not all(ch in state.channels for ch in c.channel_in_use):
        return False
    return c.any_of is None or any(condition_holds(sub, state) for sub in c.any_of)


# --- What is on offer, and what it costs ------------------------------------------------------


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
    return [a for a in scenario.actions if action_available(state, a)]


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
    return _cost(state, decisions, compile_rules(scenario))


def _cost(state: GameState, decisions: Decisions, rules: CompiledRules) -> DecisionCost:
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
    return _check(state, decisions, compile_rules(scenario))[0]


def _check(
    state: GameState, decisions: Decisions, rules: CompiledRules
) -> tuple[list[Rejection], DecisionCost]:
    cost = _cost(state, decisions, rules)
    if state.finished:
        return [Rejection("reject_finished")], cost
    problems: list[Rejection] = []
    seen: set[str] = set()
    for decision in decisions.initiatives:
        if decision.initiative not in state.current_initiatives:
            problems.append(Rejection("reject_not_this_round", {"initiative": decision.initiative}))
        elif decision.initiative in seen:
            problems.append(Rejection("reject_duplicate", {"initiative": decision.initiative}))
        seen.add(decision.initiative)
        for channel_id in decision.channels:
            if channel_id not in rules.channels:
                problems.append(Rejection("reject_unknown_channel", {"channel": channel_id}))
            elif not channel_available(state, rules, channel_id):
                problems.append(Rejection("reject_channel_locked", {"channel": channel_id}))
    for initiative_id in state.current_initiatives:
        if initiative_id not in seen:
            title = rules.initiatives[initiative_id].title
            problems.append(Rejection("reject_missing", {"initiative": title}))
    bought: dict[str, int] = {}
    for action_id in decisions.actions:
        action = rules.actions.get(action_id)
        if action is None:
            problems.append(Rejection("reject_unknown_action", {"action": action_id}))
            continue
        name = action.title.pair()
        if _used_up(state, action, bought.get(action_id, 0)):
            problems.append(Rejection("reject_action_done", {"action": name}))
        elif not condition_holds(action.requires, state):
            problems.append(Rejection("reject_action_locked", {"action": name}))
        bought[action_id] = bought.get(action_id, 0) + 1
    if cost.hours > cost.hours_available:
        problems.append(
            Rejection("reject_capacity", {"needed": cost.hours, "available": cost.hours_available})
        )
    if cost.budget > cost.budget_available + 1e-9:
        problems.append(
            Rejection(
                "reject_budget",
                {"needed": f"{cost.budget:.0f}k", "available": f"{cost.budget_available:.0f}k"},
            )
        )
    return problems, cost


# --- Readiness and fit ---------------------------------------------------------------------------


class Risk(NamedTuple):
    """Chance of stumbling in a role, from how ready the organisation is and what the role asks."""

    chance: float
    readiness: float
    demand: float


def execution_risk(state: GameState, rules: CompiledRules, role: MunicipalRole) -> Risk:
    """How likely the organisation stumbles when it plays ``role`` now."""
    rule = rules.roles[role]
    indicators = state.indicators
    readiness = 0.0
    for ind, weight in rule.weights:
        readiness += indicators[ind] * weight
    successes = state.role_successes.get(role, 0)
    readiness += rules.tuning.experience_bonus * (successes if successes < 5 else 5)
    readiness += state.role_bonus.get(role, 0.0)
    demand = rule.readiness
    if demand <= 0 or readiness >= demand:
        return Risk(0.0, readiness, demand)
    gap = (demand - readiness) / demand
    return Risk(rules.tuning.max_risk * gap * (1.0 - state.risk_reduction), readiness, demand)


def purpose_fit(
    state: GameState, rules: CompiledRules, purposes: tuple[Purpose, ...], channels: tuple[str, ...]
) -> float:
    """How well a set of channels serves the purposes (0–1): the best channel per purpose."""
    if not channels or not purposes:
        return 0.0
    bonus = state.purpose_bonus
    infos = [rules.channels[c].fit for c in channels]
    total = 0.0
    for purpose in purposes:
        best = max(fit[purpose] for fit in infos) + bonus.get(purpose, 0.0)
        total += best if best < 100.0 else 100.0
    return total / (100.0 * len(purposes))


# --- Resolving a round ------------------------------------------------------------------------


def resolve_round(
    state: GameState, decisions: Decisions, scenario: Scenario, rng: random.Random
) -> tuple[GameState, list[Effect]]:
    """Carry out one round's decisions; return the new state and every effect, explained.

    Decisions that break the rules (too many hours, an unavailable action…) raise
    ``DecisionRejected`` with every reason, and nothing changes. ``rng`` must be the game's
    generator as the state left it (``state.rng()``); its new state is stored in the result.
    """
    rules = compile_rules(scenario)
    problems, cost = _check(state, decisions, rules)
    if problems:
        raise DecisionRejected(problems)
    tuning = rules.tuning
    s = state.clone()
    effects: list[Effect] = []
    targets = s.targets

    saturation = tuning.saturation / 100.0

    def pull(source: str, source_id: str, ind: Indicator, delta: float, key: str, params) -> None:
        if delta == 0.0:
            return
        target = targets[ind]
        if delta > 0.0:
            delta *= 1.0 - saturation * target
        value = target + delta
        targets[ind] = 0.0 if value < 0.0 else 100.0 if value > 100.0 else value
        effects.append(Effect(source, source_id, ind, delta, key, params))

    s.budget -= cost.budget
    outcomes: list[InitiativeOutcome] = []
    for decision in decisions.initiatives:
        outcomes.append(_resolve_initiative(s, decision, rules, rng, pull, effects))

    for action_id in decisions.actions:
        _apply_action(s, rules.actions[action_id], rules, pull, effects)

    for ind, delta in rules.drift:
        pull("drift", ind, ind, delta, _DRIFT_KEYS.get(ind, "drift_other"), {"indicator": ind})

    inertia = tuning.inertia
    values = s.indicators
    for ind in _INDICATORS:
        values[ind] += (targets[ind] - values[ind]) * inertia

    _update_stage(s, rules, effects)
    _update_phase(s, rules, effects)

    s.history = (
        *s.history,
        RoundRecord(
            round=s.round,
            events=s.news,
            initiatives=s.current_initiatives,
            decisions=decisions,
            outcomes=tuple(outcomes),
            effects=(*s.news_effects, *effects),
            indicators=dict(values),
            fit_record=s.fit_record,
            phase=s.phase,
            stage=s.stage,
        ),
    )

    s.round += 1
    if s.round > scenario.rounds:
        s.finished = True
        s.current_initiatives = ()
        s.news = ()
        s.news_effects = ()
    else:
        s.budget += s.budget_per_round + s.structural_budget
        _begin_round(s, rules, rng)
    s.rng_state = rng.getstate()
    return s, effects


def _resolve_initiative(s, decision, rules: CompiledRules, rng, pull, effects) -> InitiativeOutcome:
    """The team's role and channels meet the initiative: fit, risk, learning, interaction."""
    info = rules.initiatives[decision.initiative]
    iid = info.id
    role = decision.role
    title = info.title
    weight = info.weight
    gains = rules.tuning.gains
    fit = info.fit[role]
    risk = execution_risk(s, rules, role)
    succeeded = rng.random() >= risk.chance
    quality = fit if succeeded else fit * _STUMBLE_QUALITY
    if not succeeded:
        effects.append(
            Effect(
                "initiative",
                iid,
                "",
                0.0,
                "execution_stumbled",
                {"title": title, "role": role, "readiness": risk.readiness, "demand": risk.demand},
            )
        )

    pull(
        "initiative",
        iid,
        _TRUST,
        gains.trust * (quality - 0.55) * weight,
        "role_fit_trust",
        {
            "title": title,
            "owner": info.owner_phrase,
            "relation": info.relation,
            "best": info.best,
            "role": role,
            "fit": round(fit * 100),
        },
    )
    energy = gains.community_energy * (quality - 0.5) * weight * (1.0 if info.community else 0.35)
    if energy > 0:
        energy_key = "role_fit_energy_up"
    elif not succeeded and fit > 0.5:
        energy_key = "role_stumble_energy"  # the role fitted; playing it badly is what hurt
    else:
        energy_key = "role_fit_energy_down"
    pull(
        "initiative",
        iid,
        _ENERGY,
        energy,
        energy_key,
        {"title": title, "role": role, "owner": info.owner_phrase},
    )

    channel_fit: float | None = None
    purposes = info.purposes
    chosen = decision.channels
    if purposes and chosen:
        channel_fit = purpose_fit(s, rules, purposes, chosen)
        infos = [rules.channels[c] for c in chosen]
        best_level = max(infos, key=lambda c: c.level_factor)
        audience = sum(s.channels.get(c.id, c.audience) for c in infos) / len(infos)
        reach = 0.6 + 0.4 * audience / 100.0
        interaction = (
            gains.interaction
            * channel_fit
            * best_level.level_factor
            * reach
            * ROLE_DIALOGUE[role]
            * weight
            * (1.0 if succeeded else 0.5)
        )
        names = tuple(c.name for c in infos)
        pull(
            "initiative",
            iid,
            _INTERACTION,
            interaction,
            "channels_interaction",
            {
                "title": title,
                "channels": names,
                "purposes": purposes,
                "cfit": round(channel_fit * 100),
                "level": best_level.level,
            },
        )
        pull(
            "initiative",
            iid,
            _TRUST,
            3.0 * (channel_fit - 0.35) * weight,
            "channels_trust",
            {"title": title, "where": names},
        )
        pull(
            "initiative",
            iid,
            _AWARENESS,
            gains.awareness * weight,
            "awareness_online",
            {"title": title},
        )
        for channel in infos:
            audience = s.channels.get(channel.id)
            if audience is None:
                audience = channel.audience
                effects.append(
                    Effect(
                        "initiative",
                        iid,
                        channel.id,
                        0.0,
                        "channel_opened",
                        {"channel": channel.name},
                    )
                )
            s.channels[channel.id] = _clamp(audience + 2.0 + 4.0 * channel_fit)
    elif purposes:
        channel_fit = 0.0
        pull(
            "initiative",
            iid,
            _INTERACTION,
            -1.5 * weight,
            "no_channel",
            {"title": title, "purposes": purposes},
        )

    demand = risk.demand
    stretch = 0.0 if demand <= 0 else _clamp((demand - risk.readiness) / demand, 0.0, 1.0)
    learned = (gains.learning * ROLE_LEARNING[role] + gains.stretch_learning * stretch) * weight
    pull(
        "initiative",
        iid,
        _SKILL,
        learned,
        "learning_stretch" if stretch > 0 else "learning_by_doing",
        {"title": title, "role": role},
    )
    if succeeded and fit >= 0.6 and role in _SPREADING_ROLES:
        pull(
            "initiative",
            iid,
            _BREADTH,
            gains.ownership * weight,
            "ownership_spreads",
            {"title": title, "role": role},
        )

    record = fit * 100 if succeeded else fit * 60
    s.fit_record += rules.tuning.fit_record_weight * (record - s.fit_record)
    s.decisions_total += 1
    if role in info.best:
        s.decisions_fitting += 1
    if succeeded:
        s.role_successes[role] = s.role_successes.get(role, 0) + 1
        if fit >= MASTERY_FIT and role not in s.roles_mastered:
            s.roles_mastered = (*s.roles_mastered, role)
    return InitiativeOutcome(
        iid, role, chosen, fit, info.best, channel_fit, risk.readiness, demand, succeeded
    )


def _apply_action(
    s: GameState, action: DevelopmentAction, rules: CompiledRules, pull, effects
) -> None:
    """Buy a development action: pulls on indicators and lasting changes to resources."""
    aid = action.id
    name = rules.titles[aid]
    s.actions_done[aid] = s.actions_done.get(aid, 0) + 1
    fx = action.effects
    for ind, delta in fx.indicators.items():
        pull("action", aid, ind, delta, "action_indicator", {"action": name, "indicator": ind})

    def note(target: str, delta: float, key: str, **extra: ParamValue) -> None:
        effects.append(Effect("action", aid, target, delta, key, {"action": name, **extra}))

    if fx.capacity:
        s.capacity += fx.capacity
        note("capacity", fx.capacity, "action_capacity")
    if fx.budget_per_round:
        s.budget_per_round = max(0.0, s.budget_per_round + fx.budget_per_round)
        note("budget_per_round", fx.budget_per_round, "action_budget_per_round")
    if fx.structural_budget:
        s.structural_budget = max(0.0, s.structural_budget + fx.structural_budget)
        note("structural_budget", fx.structural_budget, "action_structural_budget")
    if fx.purpose_bonus is not None:
        purposes = fx.purpose_bonus.items()
        for purpose, bonus in purposes:
            s.purpose_bonus[purpose] = s.purpose_bonus.get(purpose, 0.0) + bonus
        note("purpose_bonus", 0.0, "action_purpose_bonus", purposes=tuple(p for p, _ in purposes))
    if fx.role_readiness is not None:
        roles = fx.role_readiness.items()
        for role, bonus in roles:
            s.role_bonus[role] = s.role_bonus.get(role, 0.0) + bonus
        note("role_readiness", 0.0, "action_role_readiness", roles=tuple(r for r, _ in roles))
    if fx.risk_reduction:
        s.risk_reduction = 1.0 - (1.0 - s.risk_reduction) * (1.0 - fx.risk_reduction)
        note("risk", -fx.risk_reduction, "action_risk")
    for channel_id in fx.open_channels:
        if channel_id not in s.channels:
            channel = rules.channels[channel_id]
            s.channels[channel_id] = channel.audience
            effects.append(
                Effect("action", aid, channel_id, 0.0, "channel_opened", {"channel": channel.name})
            )


# --- The start of a round: news and initiatives --------------------------------------------------


def _begin_round(s: GameState, rules: CompiledRules, rng: random.Random) -> None:
    """Roll this round's events and initiatives; the events' effects apply at once (the news)."""
    s.capacity_this_round = s.capacity
    news: list[str] = []
    news_effects: list[Effect] = []
    arriving: list[str] = []
    for event in rules.events:
        if event.round is not None:
            if event.round != s.round:
                continue
        else:
            if event.once and event.id in s.events_seen:
                continue
            if not condition_holds(event.when, s):
                continue
            if rng.random() >= event.probability:
                continue
        news.append(event.id)
        if event.id not in s.events_seen:
            s.events_seen = (*s.events_seen, event.id)
        _apply_event(s, event, rules, news_effects)
        arriving.extend(event.effects.add_initiatives)

    seen = s.initiatives_seen
    for initiative in rules.scheduled.get(s.round, ()):
        if initiative not in arriving:
            arriving.append(initiative)
    limit = rules.tuning.max_initiatives_per_round
    for initiative in rules.conditional_initiatives:
        if len(arriving) >= limit:
            break
        if initiative.id in seen or initiative.id in arriving:
            continue
        if condition_holds(initiative.when, s) and rng.random() < initiative.probability:
            arriving.append(initiative.id)
    arriving = [i for i in arriving if i not in seen]
    s.initiatives_seen = (*seen, *arriving)
    s.current_initiatives = tuple(arriving)
    s.news = tuple(news)
    s.news_effects = tuple(news_effects)
    if s.capacity_this_round < 0:
        s.capacity_this_round = 0


def _apply_event(s: GameState, event: Event, rules: CompiledRules, effects: list[Effect]) -> None:
    """News happens: immediate shocks to indicators (and their targets) and to resources."""
    eid = event.id
    name = rules.titles[eid]
    fx = event.effects
    factor = 1.0
    scale = fx.scale_by
    if scale is not None:
        share = s.indicators[scale.indicator] / 100.0
        factor = 2.0 * (1.0 - share) if scale.inverse else 2.0 * share
    mitigators = [a for a in fx.mitigated_by if a in s.actions_done]
    for ind, delta in fx.indicators.items():
        change = delta * factor
        params: dict[str, ParamValue] = {"event": name, "indicator": ind}
        key = "event_indicator"
        if scale is not None:
            key = "event_indicator_scaled"
            params["scale"] = scale.indicator
        if change < 0 and mitigators:
            change /= 2
            key = "event_indicator_mitigated"
            params["actions"] = tuple(rules.titles[a] for a in mitigators)
        if change == 0.0:
            continue
        s.indicators[ind] = _clamp(s.indicators[ind] + change)
        s.targets[ind] = _clamp(s.targets[ind] + change)
        effects.append(Effect("event", eid, ind, change, key, params))

    def note(target: str, delta: float, key: str, **extra: ParamValue) -> None:
        effects.append(Effect("event", eid, target, delta, key, {"event": name, **extra}))

    if fx.budget:
        s.budget = max(0.0, s.budget + fx.budget)
        note("budget", fx.budget, "event_budget")
    if fx.budget_per_round:
        s.budget_per_round = max(0.0, s.budget_per_round + fx.budget_per_round)
        note("budget_per_round", fx.budget_per_round, "event_budget_per_round")
    if fx.capacity:
        s.capacity = max(1, s.capacity + fx.capacity)
        s.capacity_this_round += fx.capacity
        note("capacity", fx.capacity, "event_capacity")
    if fx.capacity_this_round:
        s.capacity_this_round += fx.capacity_this_round
        note("capacity_this_round", fx.capacity_this_round, "event_capacity_this_round")
    for initiative_id in fx.add_initiatives:
        title = rules.initiatives[initiative_id].title
        note(initiative_id, 0.0, "event_initiative", initiative=title)


# --- Phases and stages ------------------------------------------------------------------------


def _requirement_value(s: GameState, req: Requirement) -> float:
    kind = req.kind
    if kind == "indicator":
        return s.indicators[req.indicator]
    if kind == "fit_record":
        return s.fit_record
    if kind == "stage":
        return s.stage.level
    return len(s.roles_mastered)


def _first_failing(s: GameState, reqs: tuple[Requirement, ...], slack: float) -> Requirement | None:
    """The first requirement not met; continuous ones get the hysteresis ``slack`` to drop."""
    for req in reqs:
        value = _requirement_value(s, req)
        floor = req.value - slack if req.kind in ("indicator", "fit_record") else req.value
        if value < floor:
            return req
    return None


def _why(s: GameState, req: Requirement, slack: float) -> Bilingual:
    value = _requirement_value(s, req)
    params: dict[str, ParamValue]
    if req.kind == "indicator":
        key = "why_indicator_low"
        params = {"indicator": req.indicator, "value": value, "floor": req.value - slack}
    elif req.kind == "fit_record":
        key, params = "why_fit_record_low", {"value": value, "floor": req.value - slack}
    elif req.kind == "stage":
        key, params = "why_stage_low", {"stage": req.stage}
    else:
        key, params = "why_roles_low", {"value": int(value), "floor": int(req.value)}
    return Bilingual(render(key, params, "nl"), render(key, params, "en"))


_WHY_MET = Bilingual(render("why_met", {}, "nl"), render("why_met", {}, "en"))


def _step(
    s: GameState,
    level: int,
    requirements: tuple[tuple[Requirement, ...], ...],
    slack: float,
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
        if _first_failing(s, reqs, 0.0) is None:
            return level + 1, None
    if level > 1 and not start_of_game:
        failing = _first_failing(s, requirements[level - 2], slack)
        if failing is not None:
            return level - 1, failing
    return level, None


def _update_stage(s: GameState, rules: CompiledRules, effects: list[Effect]) -> None:
    """Move the competence stage at most one step, explained."""
    slack = rules.tuning.hysteresis
    level, failing = _step(s, s.stage.level, rules.stage_requirements, slack)
    if level == s.stage.level:
        return
    s.stage = _STAGES[level - 1]
    if failing is None:
        effects.append(Effect("stage", s.stage, "stage", 1, "stage_up", {"stage": s.stage}))
    else:
        why = _why(s, failing, slack)
        params = {"stage": s.stage, "why": why}
        effects.append(Effect("stage", s.stage, "stage", -1, "stage_down", params))


def _update_phase(
    s: GameState, rules: CompiledRules, effects: list[Effect], start_of_game: bool = False
) -> None:
    """Move the growth phase at most one step, explained."""
    slack = rules.tuning.hysteresis
    level, failing = _step(s, s.phase.level, rules.phase_requirements, slack, start_of_game)
    if level == s.phase.level:
        return
    s.phase = _PHASES[level - 1]
    if failing is None:
        params = {"phase": s.phase, "why": _WHY_MET}
        effects.append(Effect("phase", s.phase, "phase", 1, "phase_up", params))
    else:
        params = {"phase": s.phase, "why": _why(s, failing, slack)}
        effects.append(Effect("phase", s.phase, "phase", -1, "phase_down", params))


def next_phase_gaps(state: GameState, scenario: Scenario) -> list[tuple[Requirement, float]]:
    """What stands between the municipality and its next phase: (requirement, value now)."""
    return _gaps(state, compile_rules(scenario))


def _gaps(state: GameState, rules: CompiledRules) -> list[tuple[Requirement, float]]:
    level = state.phase.level
    if level >= 4:
        return []
    out = []
    for req in rules.phase_requirements[level - 1]:
        value = _requirement_value(state, req)
        if value < req.value:
            out.append((req, value))
    return out
