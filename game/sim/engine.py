"""The simulation core: a round is a function of (state, decisions, scenario, rng).

Pure Python: no pygame, no UI, no I/O, no clock. The one random generator is passed in and its
state is stored in the returned game state, so the same scenario, seed and decisions always give
the same game. Bots play thousands of games a second through here, so the hot path works on the
compiled rules (plain dicts and tuples) rather than on the pydantic content models.

What the model teaches, and where it lives here (MODEL.md §7):
- the fitting role follows owner and relation, and what a role brings (trust, energy, dialogue,
  learning, ownership) scales with how well it fits and how it went, never with which role it
  is; a badly fitting role makes repair work that costs hours the next round;
- a role the organisation is not ready for can stumble, and a stumble in letting go does harm;
- channels must suit the initiative's purposes to build interaction in its relation;
- the growth phase is held per citizen relation; the overall phase follows from them;
- initiatives unfold: a fitting role lets them grow into their next stage;
- a prediction that comes true raises awareness: knowing why is part of competence.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Any, NamedTuple, Protocol

from game.domain import (
    Bilingual,
    CitizenRelation,
    CompetenceStage,
    GrowthPhase,
    Indicator,
    MunicipalRole,
    Prediction,
    Purpose,
)
from game.scenario.models import Condition, DevelopmentAction, Event, Scenario
from game.sim.dice import Dice
from game.sim.effects import (
    ALL_RELATIONS_PHRASE,
    RELATION_PHRASES,
    DecisionRejected,
    Effect,
    ParamValue,
    Rejection,
    render,
)
from game.sim.fit import RECORD_VALUE, fit_class
from game.sim.rules import (
    MASTERY_FIT,
    ChannelUse,
    CompiledRules,
    InitiativeInfo,
    Requirement,
    channel_use,
    compile_rules,
)
from game.sim.state import Decisions, GameState, InitiativeOutcome, RoundRecord

_PHASES = tuple(GrowthPhase)
_PHASE_LEVEL = {phase: i + 1 for i, phase in enumerate(_PHASES)}
_STAGES = tuple(CompetenceStage)
_TRUST = Indicator.TRUST
_ENERGY = Indicator.COMMUNITY_ENERGY
_INTERACTION = Indicator.INTERACTION
_SKILL = Indicator.SKILL
_AWARENESS = Indicator.AWARENESS
_BREADTH = Indicator.OWNERSHIP_BREADTH
# Every indicator but interaction, which is held per relation.
_ORGANISATION = tuple(i for i in Indicator if i is not _INTERACTION)
_DRIFT_KEYS = {
    Indicator.COMMUNITY_ENERGY: "drift_community_energy",
    Indicator.AWARENESS: "drift_awareness",
    Indicator.SKILL: "drift_skill",
    Indicator.TRUST: "drift_trust",
}
_WELL, _MIXED, _BADLY = Prediction.WELL, Prediction.MIXED, Prediction.BADLY

# What a role achieves, against which trust and community energy are won or lost: a role that
# fits more than this wins, one that fits less loses (and losses weigh heavier than gains).
TRUST_PIVOT = 0.6
ENERGY_PIVOT = 0.5
LOSS_WEIGHT = 2.0
# The track record a relation starts with: new (50), or further along at the start (75: fitting
# work done before the game began, which one misfit does not undo).
NEW_RECORD = 50.0
STARTED_RECORD = 75.0
# The municipality's own initiatives move the community's energy less than the community's own.
OWN_ENERGY_SHARE = 0.35
# Below this fit, a role makes repair work for the next round.
REWORK_FIT = 0.5
# Repair work never takes more than this share of a round's capacity.
REWORK_CAP = 0.4
# Trust from channels: above this purpose fit people find you, below it they do not.
CHANNEL_TRUST_PIVOT = 0.4
CHANNEL_TRUST_GAIN = 3.0
# How an outcome is judged (and a prediction held against it).
WELL_QUALITY = 0.75
BADLY_QUALITY = 0.4
WELL_CHANNEL_FIT = 0.5


# Builds a named tuple without its Python-level __new__: effects are made by the hundred thousand.
_new = tuple.__new__


def _clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return low if value < low else high if value > high else value


# --- Starting a game --------------------------------------------------------------------------


def new_game(scenario: Scenario, seed: int) -> GameState:
    """A fresh game of ``scenario``, with round 1's news and initiatives already on the table."""
    rules = compile_rules(scenario)
    rng = Dice(seed)
    start = scenario.start
    relation_interaction = dict(rules.start_relation_interaction)
    indicators = dict(rules.start_indicators)
    indicators[_INTERACTION] = _mean(relation_interaction)
    state = GameState(
        scenario_id=scenario.id,
        scenario_version=scenario.version,
        seed=seed,
        round=1,
        finished=False,
        indicators=indicators,
        targets=dict(indicators),
        relation_interaction=relation_interaction,
        relation_targets=dict(relation_interaction),
        relation_phase=dict.fromkeys(rules.relations, GrowthPhase.DISCOVERING),
        relation_decisions=dict.fromkeys(rules.relations, 0),
        relation_fitting=dict.fromkeys(rules.relations, 0),
        relation_record=dict.fromkeys(rules.relations, NEW_RECORD),
        phase=GrowthPhase.DISCOVERING,
        stage=CompetenceStage.UNCONSCIOUSLY_INCOMPETENT,
        capacity=start.capacity,
        capacity_this_round=start.capacity,
        rework=0,
        budget=float(start.budget),
        budget_per_round=float(start.budget_per_round),
        structural_budget=float(start.structural_budget),
        channels={c.id: float(c.audience) for c in scenario.channels if c.in_use},
        actions_done={},
        events_seen=(),
        initiatives_seen=(),
        current_initiatives=(),
        unfolding=(),
        news=(),
        news_effects=(),
        purpose_bonus={},
        role_bonus={},
        risk_reduction=0.0,
        role_successes={},
        roles_mastered=(),
        decisions_total=0,
        decisions_fitting=0,
        predictions_made=0,
        predictions_right=0,
        history=(),
    )
    # A scenario may start an organisation further along: the stage follows from its indicators,
    # and each relation from its given phase or else from what its indicators support.
    for _ in _STAGES:
        _update_stage(state, rules, [])
    for relation in rules.relations:
        given = rules.start_relation_phase.get(relation)
        if given is not None:
            state.relation_phase[relation] = given
            if given is not GrowthPhase.DISCOVERING:
                # Further along means fitting work already done: a track record that one
                # misfit in round 1 does not undo.
                state.relation_record[relation] = STARTED_RECORD
            continue
        _start_relation(state, rules, relation)
    state.phase = _overall_phase(state, rules)
    _begin_round(state, rules, rng)
    state.rng_state = rng.getstate()
    return state


def _mean(values: dict[CitizenRelation, float]) -> float:
    return sum(values.values()) / len(values) if values else 0.0


# --- Conditions ---------------------------------------------------------------------------------


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
            if _PHASE_LEVEL[state.phase] < value:
                return False
        elif code == _PHASE_BELOW:
            if _PHASE_LEVEL[state.phase] >= value:
                return False
        elif code == _STAGE_AT_LEAST:
            if state.stage.level < value:
                return False
        elif code == _STAGE_BELOW:
            if state.stage.level >= value:
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
                if held is None or _PHASE_LEVEL[held] < level:
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
    """Every reason the decisions break the rules, and what they cost, in one pass."""
    if state.finished:
        return [Rejection("reject_finished")], _cost(state, decisions, rules)
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
            if not condition_holds(channel.requires, state):
                problems.append(Rejection("reject_channel_locked", {"channel": channel_id}))
            hours += channel.cost + channel.open_cost
            opened.add(channel_id)
    if len(seen) < len(current):
        for initiative_id in current:
            if initiative_id not in seen:
                title = rules.initiatives[initiative_id].title
                problems.append(Rejection("reject_missing", {"initiative": title}))
    bought: dict[str, int] = {}
    for action_id in decisions.actions:
        action = rules.actions.get(action_id)
        if action is None:
            problems.append(Rejection("reject_unknown_action", {"action": action_id}))
            continue
        hours += action.cost.capacity
        budget += action.cost.budget
        if _used_up(state, action, bought.get(action_id, 0)):
            problems.append(Rejection("reject_action_done", {"action": rules.titles[action_id]}))
        elif not condition_holds(action.requires, state):
            problems.append(Rejection("reject_action_locked", {"action": rules.titles[action_id]}))
        bought[action_id] = bought.get(action_id, 0) + 1
    cost = DecisionCost(hours, budget, state.capacity_this_round, state.budget)
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


def execution_risk(
    state: GameState, rules: CompiledRules, role: MunicipalRole, relation: CitizenRelation
) -> Risk:
    """How likely the organisation stumbles when it plays ``role`` now, in ``relation``.

    Readiness is a weighted average of the organisation's indicators (and, where the role asks
    for dialogue, of the relation's own interaction), plus experience in the role and what
    development actions added. Below the role's demand the risk rises linearly.
    """
    rule = rules.roles[role]
    indicators = state.indicators
    readiness = 0.0
    for ind, weight in rule.weights:
        readiness += indicators[ind] * weight
    if rule.interaction_weight:
        readiness += rule.interaction_weight * state.relation_interaction.get(relation, 0.0)
    successes = state.role_successes.get(role, 0)
    readiness += rules.tuning.experience_bonus * (successes if successes < 5 else 5)
    readiness += state.role_bonus.get(role, 0.0)
    demand = rule.readiness
    if demand <= 0 or readiness >= demand:
        return Risk(0.0, readiness, demand)
    gap = (demand - readiness) / demand
    return Risk(rules.tuning.max_risk * gap * (1.0 - state.risk_reduction), readiness, demand)


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


def purpose_fit(
    state: GameState,
    rules: CompiledRules,
    purposes: tuple[Purpose, ...],
    channels: tuple[str, ...],
    relation: CitizenRelation | None = None,
) -> float:
    """How well a set of channels serves the purposes (0–1): the best channel per purpose.

    In a relation that is conversing or further, channels on others' platforms count extra:
    going where the conversation already is.
    """
    if not channels or not purposes:
        return 0.0
    bonus = state.purpose_bonus
    others = 0.0
    if relation is not None:
        phase = state.relation_phase.get(relation)
        if phase is not None and phase.level >= 3:
            others = rules.tuning.others_platform_bonus
    infos = [rules.channels[c] for c in channels]
    total = 0.0
    for purpose in purposes:
        best = 0.0
        for info in infos:
            value = info.fit[purpose]
            if others and info.others_platform:
                value += others
            if value > best:
                best = value
        best += bonus.get(purpose, 0.0)
        total += best if best < 100.0 else 100.0
    return total / (100.0 * len(purposes))


def _channels_fit(
    state: GameState, info: InitiativeInfo, use: ChannelUse, conversing: bool
) -> tuple[float, float]:
    """How well channels serve an initiative's purposes (0–1), and the dialogue they carry.

    The dialogue counts the fit twice: as it is, and against what the scenario's channels could
    have done for these purposes; then the best interaction level among them. Channels that half
    suit the purposes, where better ones exist, carry a quarter of the dialogue: one channel for
    every purpose falls short (MODEL.md §7.4), while a purpose no channel serves well does not
    hold a team back.
    """
    base = use.conversing_base if conversing else use.base
    bonus = state.purpose_bonus
    total = 0.0
    if bonus:
        for purpose, best in zip(info.purposes, base):  # noqa: B905 - one per purpose
            best += bonus.get(purpose, 0.0)
            total += best if best < 100.0 else 100.0
    else:
        for best in base:
            total += best if best < 100.0 else 100.0
    fit = total / (100.0 * len(base))
    possible = info.possible_channel_fit
    relative = fit / possible if possible > fit else 1.0
    return fit, fit * relative * use.top.level_factor


def channels_fit(
    state: GameState, rules: CompiledRules, info: InitiativeInfo, chosen: tuple[str, ...]
) -> tuple[float, float]:
    """(purpose fit, dialogue) of ``chosen`` channels for an initiative, as the round would
    count them: for planning bots and the decision screen."""
    use = channel_use(rules, info, chosen)
    conversing = _PHASE_LEVEL[state.relation_phase[info.relation]] >= 3
    return _channels_fit(state, info, use, conversing)


def achievement(fit: float) -> float:
    """What a role that goes well achieves (0–1): its fit squared, so a near-fitting role (0.8
    achieves 0.64) brings clearly less than the fitting one, and a poor fit next to nothing."""
    return fit * fit


def judge(quality: float, channel_fit: float | None) -> Prediction:
    """How an initiative went: what the role achieved, and whether the channels reached people."""
    if quality < BADLY_QUALITY:
        return _BADLY
    if quality >= WELL_QUALITY and (channel_fit is None or channel_fit >= WELL_CHANNEL_FIT):
        return _WELL
    return _MIXED


# --- Resolving a round ------------------------------------------------------------------------


class _Round:
    """What one round changes, collected while it resolves: pulls on targets, and effects."""

    __slots__ = ("decided", "effects", "fed", "fed_relations", "saturation", "state")

    def __init__(self, state: GameState, saturation: float) -> None:
        self.state = state
        self.effects: list[Effect] = []
        self.saturation = saturation
        self.fed: set[Indicator] = set()
        self.fed_relations: set[CitizenRelation] = set()
        # Relations with a decision this round (their track record moved).
        self.decided: set[CitizenRelation] = set()

    def pull(
        self,
        source: str,
        source_id: str,
        ind: Indicator,
        delta: float,
        key: str,
        params: dict[str, ParamValue],
    ) -> float:
        """Move an organisation indicator's target; gains shrink near the top."""
        if delta == 0.0:
            return 0.0
        delta = self._move(self.state.targets, ind, delta, self.fed)
        self.effects.append(Effect(source, source_id, ind, delta, key, params))
        return delta

    def pull_relation(
        self,
        source: str,
        source_id: str,
        relation: CitizenRelation,
        delta: float,
        key: str,
        params: dict[str, ParamValue],
    ) -> float:
        """Move one relation's interaction target, the same way."""
        if delta == 0.0:
            return 0.0
        delta = self._move(self.state.relation_targets, relation, delta, self.fed_relations)
        self.effects.append(Effect(source, source_id, _INTERACTION, delta, key, params))
        return delta

    def _move(self, targets: dict, key: Any, delta: float, fed: set) -> float:
        """Gains shrink as the target nears the top and mark it fed; targets stay in 0–100."""
        target = targets[key]
        if delta > 0.0:
            delta *= 1.0 - self.saturation * target
            fed.add(key)
        value = target + delta
        targets[key] = 0.0 if value < 0.0 else 100.0 if value > 100.0 else value
        return delta


def resolve_round(
    state: GameState,
    decisions: Decisions,
    scenario: Scenario,
    rng: Dice,
    *,
    check: bool = True,
) -> tuple[GameState, list[Effect]]:
    """Carry out one round's decisions; return the new state and every effect, explained.

    Decisions that break the rules (too many hours, an unavailable action…) raise
    ``DecisionRejected`` with every reason, and nothing changes. ``rng`` must be the game's
    generator as the state left it (``state.rng()``); its new state is stored in the result.
    ``check=False`` skips the check for decisions already planned within the rules (the bots).
    """
    rules = compile_rules(scenario)
    if check:
        problems, cost = _check(state, decisions, rules)
        if problems:
            raise DecisionRejected(problems)
        budget_spent = cost.budget
    else:
        budget_spent = sum(rules.actions[a].cost.budget for a in decisions.actions)
    tuning = rules.tuning
    s = state.clone()
    work = _Round(s, tuning.saturation / 100.0)
    effects = work.effects
    # The round's news counts too: an event that lifted an indicator fed it this round.
    for news in s.news_effects:
        if news.delta > 0 and isinstance(news.target, Indicator):
            if news.target is _INTERACTION:
                event = rules.events_by_id[news.source_id]
                work.fed_relations.update(event.effects.relations or s.relation_interaction)
            else:
                work.fed.add(news.target)

    s.budget -= budget_spent
    outcomes: list[InitiativeOutcome] = []
    for decision in decisions.initiatives:
        outcomes.append(_resolve_initiative(s, decision, rules, rng, work))

    for action_id in decisions.actions:
        _apply_action(s, rules.actions[action_id], rules, work)

    _drift(s, rules, work)

    inertia = tuning.inertia
    values = s.indicators
    targets = s.targets
    for ind in _ORGANISATION:
        values[ind] += (targets[ind] - values[ind]) * inertia
    relation_values = s.relation_interaction
    relation_targets = s.relation_targets
    for relation in relation_values:
        relation_values[relation] += (relation_targets[relation] - relation_values[relation]) * (
            inertia
        )
    count = len(relation_values)
    values[_INTERACTION] = sum(relation_values.values()) / count if count else 0.0
    targets[_INTERACTION] = sum(relation_targets.values()) / count if count else 0.0

    _spread_record(s, tuning.fit_record_spread, work.decided)
    _update_stage(s, rules, effects)
    if _update_relations(s, rules, effects):
        _update_phase(s, rules, effects)

    record = (
        s.round,
        s.news,
        s.current_initiatives,
        decisions,
        tuple(outcomes),
        (*s.news_effects, *effects),
        dict(values),
        dict(relation_values),
        dict(s.relation_phase),
        s.fit_record,
        s.phase,
        s.stage,
    )
    s.history = (*s.history, _new(RoundRecord, record))

    s.round += 1
    if s.round > scenario.rounds:
        s.finished = True
        s.current_initiatives = ()
        s.news = ()
        s.news_effects = ()
        s.unfolding = ()
    else:
        s.budget += s.budget_per_round + s.structural_budget
        _begin_round(s, rules, rng)
    s.rng_state = rng.getstate()
    return s, effects


def _resolve_initiative(
    s: GameState, decision, rules: CompiledRules, rng: Dice, work: _Round
) -> InitiativeOutcome:
    """The team's role and channels meet the initiative: fit, risk, what it brings, what follows.

    The hottest code of the simulator (bots play it hundreds of thousands of times), so the
    pulls on the organisation's indicators are collected and applied in one loop at the end,
    and effects of one initiative share their parameter dicts (a sentence uses what it needs).
    """
    info = rules.initiatives[decision.initiative]
    iid = info.id
    role = decision.role
    title = info.title
    weight = info.weight
    relation = info.relation
    relation_phrase = info.relation_phrase
    tuning = rules.tuning
    gains = tuning.gains
    rule = rules.roles[role]
    fit = info.fit[role]
    risk = execution_risk(s, rules, role, relation)
    succeeded = rng.random() >= risk.chance
    stumble = rule.stumble
    quality = achievement(fit)
    if not succeeded and quality > stumble:
        quality = stumble
    effects = work.effects
    params = info.said[role]
    # (indicator, change, sentence, parameters): applied to the targets at the end.
    pulls: list[tuple[Indicator, float, str, dict[str, ParamValue]]] = []
    if not succeeded:
        failed = {"title": title, "role": role, "readiness": risk.readiness, "demand": risk.demand}
        key = "execution_stumbled" if stumble >= 0 else "execution_harmed"
        effects.append(_new(Effect, ("initiative", iid, "", 0.0, key, failed)))

    # Trust and community energy follow what the role achieved.
    trust = gains.trust * (quality - TRUST_PIVOT) * weight
    if trust < 0:
        trust *= LOSS_WEIGHT
    if not succeeded:
        key = "role_stumble_trust"
    else:
        key = "role_fit_trust_up" if trust > 0 else "role_fit_trust_down"
    pulls.append((_TRUST, trust, key, params))
    energy = gains.community_energy * (quality - ENERGY_PIVOT) * weight
    if not info.community:
        energy *= OWN_ENERGY_SHARE
    if energy < 0:
        energy *= LOSS_WEIGHT
        key = "role_fit_energy_down" if succeeded else "role_stumble_energy"
    else:
        key = "role_fit_energy_up"
    pulls.append((_ENERGY, energy, key, params))

    # Repair work: a role that fits badly, or goes wrong, costs hours the next round.
    rework = 0.0
    if fit < REWORK_FIT:
        rework += gains.rework_hours * (REWORK_FIT - fit) / REWORK_FIT
    if not succeeded:
        rework += gains.rework_hours * 0.5
    hours = round(rework * weight)
    if hours > 0:
        s.rework += hours
        if fit >= REWORK_FIT:
            key = "stumble_rework"
        else:
            key = "misfit_rework" if succeeded else "misfit_stumble_rework"
        repair = {**params, "hours": hours}  # a new dict: the shared one never changes
        effects.append(_new(Effect, ("initiative", iid, "rework", -float(hours), key, repair)))

    # Channels: dialogue in the initiative's relation, as far as they suit its purposes.
    channel_fit: float | None = None
    purposes = info.purposes
    chosen = decision.channels
    if purposes and chosen:
        use = channel_use(rules, info, chosen)
        conversing = _PHASE_LEVEL[s.relation_phase[relation]] >= 3
        channel_fit, dialogue = _channels_fit(s, info, use, conversing)
        infos = use.infos
        top = use.top
        audiences = s.channels
        audience = 0.0
        for channel in infos:
            audience += audiences.get(channel.id, channel.audience)
        reach = 0.6 + 0.4 * audience / (100.0 * len(infos))
        achieved = quality if quality > 0.0 else 0.0
        interaction = gains.interaction * dialogue * reach * achieved * weight
        others = use.others if conversing else ()
        cfit = int(channel_fit * 100 + 0.5)
        memo = (iid, chosen, cfit, conversing)
        used = rules.said.get(memo)
        if used is None:
            used = rules.said[memo] = {
                "title": title,
                "channels": use.names,
                "others": others,
                "purposes": purposes,
                "cfit": cfit,
                "level": top.level,
                "relation": relation_phrase,
                "online": use.online,
            }
        key = "channels_interaction_others" if others else "channels_interaction"
        if interaction > 0.0:
            relation_targets = s.relation_targets
            target = relation_targets[relation]
            interaction *= 1.0 - work.saturation * target
            work.fed_relations.add(relation)
            target += interaction
            relation_targets[relation] = 100.0 if target > 100.0 else target
            effects.append(_new(Effect, ("initiative", iid, _INTERACTION, interaction, key, used)))
        found = CHANNEL_TRUST_GAIN * (channel_fit - CHANNEL_TRUST_PIVOT) * weight
        key = "channels_trust_up" if found > 0 else "channels_trust_down"
        pulls.append((_TRUST, found, key, used))
        if use.online:
            pulls.append((_AWARENESS, gains.awareness * weight, "awareness_online", used))
        growth = 2.0 + 4.0 * channel_fit
        for channel in infos:
            audience = audiences.get(channel.id)
            if audience is None:
                audience = channel.audience
                opened = {"channel": channel.name}
                effects.append(
                    _new(Effect, ("initiative", iid, channel.id, 0.0, "channel_opened", opened))
                )
            audience += growth
            audiences[channel.id] = 100.0 if audience > 100.0 else audience
    elif purposes:
        channel_fit = 0.0
        silent = {"title": title, "purposes": purposes, "relation": relation_phrase}
        work.pull_relation("initiative", iid, relation, -1.5 * weight, "no_channel", silent)

    # Learning by doing: a fitting role teaches, most of all one the organisation must grow into.
    # Stretching only teaches in a role that fits: a misfit the organisation is not ready for
    # teaches no more than any other misfit.
    demand = risk.demand
    stretch = 0.0
    if demand > 0 and risk.readiness < demand and fit >= tuning.grow_fit:
        stretch = (demand - risk.readiness) / demand
    learned = (gains.learning + gains.stretch_learning * stretch) * fit * weight
    key = "learning_stretch" if stretch > 0 else "learning_by_doing"
    pulls.append((_SKILL, learned, key, params))
    if quality > 0.5:
        spread = gains.ownership * (quality - 0.5) / 0.5 * weight
        pulls.append((_BREADTH, spread, "ownership_spreads", params))

    # The track record counts fitting choices, per relation and overall; per relation recent
    # choices weigh most.
    s.decisions_total += 1
    s.relation_decisions[relation] += 1
    if role in info.best:
        s.decisions_fitting += 1
        s.relation_fitting[relation] += 1
    record = s.relation_record
    record[relation] += (
        RECORD_VALUE[fit_class(role, fit, info.best)] - record[relation]
    ) * tuning.fit_record_weight
    work.decided.add(relation)
    if succeeded:
        s.role_successes[role] = s.role_successes.get(role, 0) + 1
        if fit >= MASTERY_FIT and role not in s.roles_mastered:
            s.roles_mastered = (*s.roles_mastered, role)

    if quality < BADLY_QUALITY:
        verdict = _BADLY
    elif quality >= WELL_QUALITY and (channel_fit is None or channel_fit >= WELL_CHANNEL_FIT):
        verdict = _WELL
    else:
        verdict = _MIXED  # as judge() says, inlined: it runs for every decision
    prediction = decision.prediction
    if prediction is not None:
        s.predictions_made += 1
        memo = (iid, prediction, verdict)
        judged = rules.said.get(memo)
        if judged is None:
            judged = rules.said[memo] = {
                "title": title,
                "prediction": prediction,
                "verdict": verdict,
            }
        if prediction is verdict:
            s.predictions_right += 1
            pulls.append((_AWARENESS, gains.prediction * weight, "prediction_right", judged))
        else:
            effects.append(
                _new(Effect, ("initiative", iid, "prediction", 0.0, "prediction_wrong", judged))
            )

    targets = s.targets
    saturation = work.saturation
    fed = work.fed
    for ind, delta, key, shared in pulls:
        if delta == 0.0:
            continue
        target = targets[ind]
        if delta > 0.0:
            delta *= 1.0 - saturation * target
            fed.add(ind)
        value = target + delta
        targets[ind] = 0.0 if value < 0.0 else 100.0 if value > 100.0 else value
        effects.append(_new(Effect, ("initiative", iid, ind, delta, key, shared)))

    next_stage = None
    if info.unfolds is not None:
        next_stage = _unfold(s, info, rules, succeeded and fit >= tuning.grow_fit, role, effects)
    return _new(
        InitiativeOutcome,
        (
            iid,
            relation,
            role,
            chosen,
            fit,
            info.best,
            channel_fit,
            risk.readiness,
            demand,
            risk.chance,
            succeeded,
            quality,
            verdict,
            prediction,
            hours,
            next_stage,
        ),
    )


def _unfold(
    s: GameState,
    info: InitiativeInfo,
    rules: CompiledRules,
    grew: bool,
    role: MunicipalRole,
    effects: list[Effect],
) -> str | None:
    """Schedule the initiative's next stage: grown when the role fitted, else gone sour or over."""
    unfolds = info.unfolds
    if unfolds is None:
        return None
    following = unfolds.grows if grew else unfolds.withers
    if following is None:
        if not grew:
            effects.append(
                Effect(
                    "initiative", info.id, "", 0.0, "arc_ends", {"title": info.title, "role": role}
                )
            )
        return None
    arrival = s.round + unfolds.after
    if arrival > rules.rounds:
        return None
    s.unfolding = (*s.unfolding, (arrival, following))
    effects.append(
        Effect(
            "initiative",
            info.id,
            following,
            0.0,
            "arc_grows" if grew else "arc_withers",
            {
                "title": info.title,
                "role": role,
                "after": unfolds.after,
                "next": rules.initiatives[following].title,
            },
        )
    )
    return following


def _apply_action(s: GameState, action: DevelopmentAction, rules: CompiledRules, work) -> None:
    """Buy a development action: pulls on indicators and lasting changes to resources."""
    aid = action.id
    name = rules.titles[aid]
    effects = work.effects
    s.actions_done[aid] = s.actions_done.get(aid, 0) + 1
    fx = action.effects
    said = rules.said.get((aid,))
    if said is None:
        said = rules.said[(aid,)] = {"action": name}
    targets = s.targets
    saturation = work.saturation
    for ind, delta in fx.indicators.items():
        if delta == 0.0:
            continue
        if ind is not _INTERACTION:
            target = targets[ind]
            if delta > 0.0:
                delta *= 1.0 - saturation * target
                work.fed.add(ind)
            value = target + delta
            targets[ind] = 0.0 if value < 0.0 else 100.0 if value > 100.0 else value
            memo = (aid, ind)
            changed = rules.said.get(memo)
            if changed is None:
                changed = rules.said[memo] = {"action": name, "indicator": ind}
            effects.append(_new(Effect, ("action", aid, ind, delta, "action_indicator", changed)))
        else:
            relations = tuple(r for r in (fx.relations or rules.relations) if r in s.relation_phase)
            phrase: ParamValue = (
                tuple(RELATION_PHRASES[r] for r in relations)
                if fx.relations
                else ALL_RELATIONS_PHRASE
            )
            spoken = {"action": name, "relations": phrase}
            for relation in relations:
                each = {**spoken, "relation": relation}  # the story folds them, naming each
                work.pull_relation("action", aid, relation, delta, "action_interaction", each)

    if action.trap is not None:
        trap = {"action": name, "why": rules.traps[aid]}
        effects.append(_new(Effect, ("action", aid, "trap", 0.0, "action_trap", trap)))
    if fx.capacity:
        s.capacity += fx.capacity
        effects.append(
            _new(Effect, ("action", aid, "capacity", fx.capacity, "action_capacity", said))
        )
    if fx.budget_per_round:
        s.budget_per_round = max(0.0, s.budget_per_round + fx.budget_per_round)
        key = "action_budget_per_round"
        effects.append(
            _new(Effect, ("action", aid, "budget_per_round", fx.budget_per_round, key, said))
        )
    if fx.structural_budget:
        s.structural_budget = max(0.0, s.structural_budget + fx.structural_budget)
        key = "action_structural_budget"
        effects.append(
            _new(Effect, ("action", aid, "structural_budget", fx.structural_budget, key, said))
        )
    if fx.purpose_bonus is not None:
        purposes = fx.purpose_bonus.items()
        for purpose, bonus in purposes:
            s.purpose_bonus[purpose] = s.purpose_bonus.get(purpose, 0.0) + bonus
        better = {"action": name, "purposes": tuple(p for p, _ in purposes)}
        effects.append(
            _new(Effect, ("action", aid, "purpose_bonus", 0.0, "action_purpose_bonus", better))
        )
    if fx.role_readiness is not None:
        roles = fx.role_readiness.items()
        for role, bonus in roles:
            s.role_bonus[role] = s.role_bonus.get(role, 0.0) + bonus
        ready = {"action": name, "roles": tuple(r for r, _ in roles)}
        effects.append(
            _new(Effect, ("action", aid, "role_readiness", 0.0, "action_role_readiness", ready))
        )
    if fx.risk_reduction:
        s.risk_reduction = 1.0 - (1.0 - s.risk_reduction) * (1.0 - fx.risk_reduction)
        effects.append(
            _new(Effect, ("action", aid, "risk", -fx.risk_reduction, "action_risk", said))
        )
    for channel_id in fx.open_channels:
        if channel_id not in s.channels:
            channel = rules.channels[channel_id]
            s.channels[channel_id] = channel.audience
            opened = {"channel": channel.name}
            effects.append(_new(Effect, ("action", aid, channel_id, 0.0, "channel_opened", opened)))


# What a drift sentence needs never changes: one dict each, shared by every round.
_DRIFT_RELATION = {r: {"relation": RELATION_PHRASES[r]} for r in CitizenRelation}
_DRIFT_INDICATOR = {i: {"indicator": i} for i in Indicator}


def _drift(s: GameState, rules: CompiledRules, work: _Round) -> None:
    """Without effort things slip: only what nothing fed this round drifts, and says so."""
    fed = work.fed
    for ind, delta in rules.drift:
        if ind is _INTERACTION:
            for relation in rules.relations:
                if relation not in work.fed_relations:
                    said = _DRIFT_RELATION[relation]
                    work.pull_relation(
                        "drift", relation, relation, delta, "drift_interaction", said
                    )
        elif ind not in fed:
            key = _DRIFT_KEYS.get(ind)
            if key is None or delta > 0:
                key = "drift_other"
            work.pull("drift", ind, ind, delta, key, _DRIFT_INDICATOR[ind])


# --- The start of a round: news and initiatives --------------------------------------------------


def _begin_round(s: GameState, rules: CompiledRules, rng: Dice) -> None:
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
        _apply_event(s, event, rules, news_effects)
        arriving.extend(event.effects.add_initiatives)

    seen = s.initiatives_seen
    for initiative in rules.scheduled.get(s.round, ()):
        if initiative not in arriving:
            arriving.append(initiative)
    if s.unfolding:
        due = [i for r, i in s.unfolding if r == s.round]
        arriving.extend(i for i in due if i not in arriving)
        s.unfolding = tuple(p for p in s.unfolding if p[0] != s.round)
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
    # However much went wrong, a team can always give every initiative its cheapest role.
    floor = len(arriving) * rules.cheapest_role_cost
    if s.capacity_this_round < floor:
        s.capacity_this_round = floor


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
    touched_interaction = False
    for ind, delta in fx.indicators.items():
        change = delta * factor
        interaction = ind is _INTERACTION
        params: dict[str, ParamValue] = {"event": name, "indicator": ind}
        key = "event_interaction" if interaction else "event_indicator"
        if scale is not None:
            key = "event_interaction_scaled" if interaction else "event_indicator_scaled"
            params["scale"] = scale.indicator
        if change < 0 and mitigators:
            change *= 1.0 - fx.mitigation
            key = "event_interaction_mitigated" if interaction else "event_indicator_mitigated"
            params["actions"] = tuple(rules.titles[a] for a in mitigators)
        if change == 0.0:
            continue
        if interaction:
            touched_interaction = True
            hit = [r for r in fx.relations if r in s.relation_interaction] if fx.relations else None
            params["relations"] = (
                ALL_RELATIONS_PHRASE if hit is None else tuple(RELATION_PHRASES[r] for r in hit)
            )
            for relation in s.relation_interaction if hit is None else hit:
                s.relation_interaction[relation] = _clamp(s.relation_interaction[relation] + change)
                s.relation_targets[relation] = _clamp(s.relation_targets[relation] + change)
        else:
            s.indicators[ind] = _clamp(s.indicators[ind] + change)
            s.targets[ind] = _clamp(s.targets[ind] + change)
        effects.append(Effect("event", eid, ind, change, key, params))
    if touched_interaction:
        s.indicators[_INTERACTION] = _mean(s.relation_interaction)
        s.targets[_INTERACTION] = _mean(s.relation_targets)

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


def _spread_record(s: GameState, spread: float, decided: set) -> None:
    """A relation without a decision this round drifts towards the mean record: what the
    organisation shows in its other relations carries over, slowly."""
    record = s.relation_record
    if not record or spread <= 0:
        return
    mean = sum(record.values()) / len(record)
    for relation, value in record.items():
        if relation not in decided:
            record[relation] = value + (mean - value) * spread


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
            if s.stage.level < req.value:
                return req
        elif code == 5:
            if s.phase.level < req.value:
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


def _update_stage(s: GameState, rules: CompiledRules, effects: list[Effect]) -> None:
    """Move the competence stage at most one step, explained."""
    slack = rules.tuning.hysteresis
    level, failing = _step(s, s.stage.level, rules.stage_requirements, slack, rules)
    if level == s.stage.level:
        return
    s.stage = _STAGES[level - 1]
    if failing is None:
        effects.append(Effect("stage", s.stage, "stage", 1, "stage_up", {"stage": s.stage}))
    else:
        why = _why(s, failing, slack, rules)
        params = {"stage": s.stage, "why": why}
        effects.append(Effect("stage", s.stage, "stage", -1, "stage_down", params))


def _start_relation(s: GameState, rules: CompiledRules, relation: CitizenRelation) -> None:
    """Where a relation starts when the scenario does not say: what its indicators support."""
    slack = rules.tuning.hysteresis
    for _ in _PHASES:
        held = s.relation_phase[relation].level
        level, _ = _step(s, held, rules.phase_requirements, slack, rules, relation, True)
        if level == held:
            return
        s.relation_phase[relation] = _PHASES[level - 1]


def _update_relations(s: GameState, rules: CompiledRules, effects: list[Effect]) -> bool:
    """Move every relation's growth phase at most one step, explained.

    Up when every requirement of the next phase is met; down only when one of the current
    phase's requirements falls the hysteresis below its threshold. What the organisation as a
    whole must reach is checked once per phase, not once per relation; the relation's own two
    (interaction and track record) are compared inline: this runs for every relation, every
    round of every game. Returns whether any relation moved: only then can the overall phase.
    """
    slack = rules.tuning.hysteresis
    own = rules.phase_own
    shared = rules.phase_shared
    up_shared: dict[int, bool] = {}
    down_shared: dict[int, Requirement | None] = {}
    interactions = s.relation_interaction
    records = s.relation_record
    phases = s.relation_phase
    moved = False
    for relation, held in phases.items():
        level = _PHASE_LEVEL[held]
        interaction = interactions[relation]
        record = records[relation]
        failing = None
        if level < 4:
            i = level - 1
            for req in own[i]:
                if (interaction if req.code == 1 else record) < req.value:
                    break
            else:
                up = up_shared.get(i)
                if up is None:
                    up = up_shared[i] = _first_failing(s, shared[i], 0.0, rules, None) is None
                if up:
                    level += 1
        if level == _PHASE_LEVEL[held]:
            if level == 1:
                continue
            i = level - 2
            for req in own[i]:
                if (interaction if req.code == 1 else record) < req.value - slack:
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
        phrase = RELATION_PHRASES[relation]
        if failing is None:
            params = {"relation": phrase, "phase": phase, "why": _WHY_MET}
            effects.append(Effect("phase", relation, "phase", 1, "relation_phase_up", params))
        else:
            why = _why(s, failing, slack, rules, relation)
            params = {"relation": phrase, "phase": phase, "why": why}
            effects.append(Effect("phase", relation, "phase", -1, "relation_phase_down", params))
    return moved


def relations_needed(rules: CompiledRules, level: int) -> int:
    """How many relations must have reached ``level`` for the organisation as a whole to be there.

    Most relations (``tuning.phase_majority``) carry the organisation: one relation that lags
    does not hold back the whole. Collaborating (4) also needs every relation to be conversing
    at least (``weakest_for_collaborating``).
    """
    return rules.relations_needed[level]


# The whole organisation is in a phase when most relations are, and none lags more than this
# many phases behind it.
WEAKEST_BEHIND = 1


def _overall_phase(s: GameState, rules: CompiledRules) -> GrowthPhase:
    at = [0, 0, 0, 0, 0]
    for phase in s.relation_phase.values():
        at[_PHASE_LEVEL[phase]] += 1
    needed = rules.relations_needed
    overall = 1
    if at[2] + at[3] + at[4] >= needed[2]:
        overall = 2
        if at[3] + at[4] >= needed[3] and (at[1] == 0 or WEAKEST_BEHIND > 1):
            overall = 3
            if at[4] >= needed[4] and at[1] + at[2] == 0:
                overall = 4
    return _PHASES[overall - 1]


def _update_phase(s: GameState, rules: CompiledRules, effects: list[Effect]) -> None:
    """The overall growth phase follows the relations; say when it moves, and why."""
    phase = _overall_phase(s, rules)
    if phase is s.phase:
        return
    up = phase.level > s.phase.level
    s.phase = phase
    if up:
        reached = tuple(
            RELATION_PHRASES[r] for r, held in s.relation_phase.items() if held.level >= phase.level
        )
        why = Bilingual(
            render("why_relations_met", {"relations": reached}, "nl"),
            render("why_relations_met", {"relations": reached}, "en"),
        )
        effects.append(Effect("phase", phase, "phase", 1, "phase_up", {"phase": phase, "why": why}))
        return
    above = phase.level + 1
    count = sum(1 for held in s.relation_phase.values() if held.level >= above)
    params = {"count": count, "needed": relations_needed(rules, above)}
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
    (interaction, track record) for each relation still below the next phase.
    """
    return _gaps(state, compile_rules(scenario))


def _gaps(state: GameState, rules: CompiledRules) -> list[Gap]:
    target = state.phase.level + 1
    if target > 4:
        return []
    reqs = rules.phase_requirements[target - 2]
    out: list[Gap] = []
    shared: set[Requirement] = set()
    for relation in rules.relations:
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
