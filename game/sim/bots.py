"""Bots that play the game, for tests, balance reports and the screenshot tour.

A bot is a player, not part of the simulation: it reads the state and returns decisions. The
``random`` bot therefore has a generator of its own (seeded from the game seed), so that it never
draws from the simulation's generator and replays stay exact.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from game.domain import MunicipalRole
from game.scenario.models import DevelopmentAction, Scenario
from game.sim.engine import (
    _gaps,
    available_actions,
    channel_available,
    channel_hours,
    new_game,
    resolve_round,
)
from game.sim.rules import ChannelInfo, CompiledRules, InitiativeInfo, compile_rules
from game.sim.state import Decisions, GameState, InitiativeDecision

STRATEGIES: tuple[str, ...] = ("best", "random", *(r.value for r in MunicipalRole))

# A channel is only worth its hours when it adds at least this much purpose fit (0–1).
_MIN_GAIN = 0.12

RoleChooser = Callable[[GameState, CompiledRules, InitiativeInfo], MunicipalRole]


class _Purse:
    """Hours and money still free while a bot plans a round."""

    __slots__ = ("hours", "money")

    def __init__(self, hours: int, money: float) -> None:
        self.hours = hours
        self.money = money

    def afford(self, hours: int, money: float = 0.0) -> bool:
        return hours <= self.hours and money <= self.money + 1e-9

    def spend(self, hours: int, money: float = 0.0) -> None:
        self.hours -= hours
        self.money -= money


def best_role(state: GameState, rules: CompiledRules, info: InitiativeInfo) -> MunicipalRole:
    """The best-fitting role; among equals, the one that asks least of the organisation."""
    best = info.best
    if len(best) == 1:
        return best[0]
    return min(best, key=lambda r: rules.roles[r].readiness)


def _channel_options(
    state: GameState, info: InitiativeInfo, available: set[str]
) -> list[tuple[ChannelInfo, tuple[float, ...]]]:
    """The available channels with their fit per purpose (0–100, with the organisation's bonus)."""
    bonus = state.purpose_bonus
    extras = [bonus.get(p, 0.0) for p in info.purposes]
    if not any(extras):
        return [option for option in info.channel_fits if option[0].id in available]
    return [
        (c, tuple(min(100.0, f + e) for f, e in zip(fits, extras)))  # noqa: B905
        for c, fits in info.channel_fits
        if c.id in available
    ]


def _best_channel(
    state: GameState,
    options: list[tuple[ChannelInfo, tuple[float, ...]]],
    have: list[float],
    opened: set[str],
) -> tuple[ChannelInfo | None, tuple[float, ...], int]:
    """The channel that adds most purpose fit, weighted by its interaction level, per hour."""
    best: tuple[ChannelInfo | None, tuple[float, ...], int] = (None, (), 0)
    best_score = 0.0
    scale = 100.0 * len(have)
    for channel, fits in options:
        gain = 0.0
        for new, old in zip(fits, have):  # noqa: B905 - equal lengths by construction
            if new > old:
                gain += new - old
        gain /= scale
        if gain < _MIN_GAIN:
            continue
        hours = channel_hours(state, channel, opened)
        score = gain * (0.5 + channel.level_factor) / (hours + 1)
        if score > best_score:
            best, best_score = (channel, fits, hours), score
    return best


def _action_value(state: GameState, needs: set, action: DevelopmentAction) -> float:
    """How much an action helps towards the next phase, per unit of what it costs."""
    fx = action.effects
    value = 0.0
    for ind, delta in fx.indicators.items():
        weight = 2.0 if ind in needs else 1.0
        value += delta * weight * (100.0 - state.targets[ind]) / 100.0
    value += fx.capacity * 2.0 + fx.structural_budget + fx.budget_per_round * 0.5
    value += 80.0 * fx.risk_reduction
    if fx.purpose_bonus is not None:
        value += sum(v for _, v in fx.purpose_bonus.items()) * 0.1
    if fx.role_readiness is not None:
        value += sum(v for _, v in fx.role_readiness.items()) * 0.25
    value += 3.0 * sum(1 for c in fx.open_channels if c not in state.channels)
    return value / (action.cost.capacity + action.cost.budget / 2.0 + 1.0)


def plan(state: GameState, scenario: Scenario, choose_role: RoleChooser) -> Decisions:
    """Decisions with the given role choice and sensible channels and actions within capacity.

    Priorities, as a careful team would set them: every initiative gets a role; then one good
    channel each; then development actions; then more channels with the hours left.
    """
    rules = compile_rules(scenario)
    purse = _Purse(state.capacity_this_round, state.budget)
    infos = [rules.initiatives[i] for i in state.current_initiatives]
    roles: dict[str, MunicipalRole] = {}
    for info in infos:
        role = choose_role(state, rules, info)
        if not purse.afford(rules.roles[role].cost):
            affordable = [r for r in MunicipalRole if purse.afford(rules.roles[r].cost)]
            if affordable:
                role = max(affordable, key=lambda r: info.fit[r])
        roles[info.id] = role
        purse.spend(rules.roles[role].cost)

    available = {c for c in rules.channels if channel_available(state, rules, c)}
    chosen: dict[str, list[str]] = {info.id: [] for info in infos}
    coverage = {info.id: [0.0] * len(info.purposes) for info in infos}
    options = {info.id: _channel_options(state, info, available) for info in infos}
    opened: set[str] = set()

    def add_channels(limit: int) -> None:
        for info in infos:
            if not info.purposes:
                continue
            have = coverage[info.id]
            for _ in range(limit):
                channel, fits, hours = _best_channel(state, options[info.id], have, opened)
                if channel is None or not purse.afford(hours):
                    break
                chosen[info.id].append(channel.id)
                have[:] = [max(a, b) for a, b in zip(have, fits, strict=True)]
                if channel.id not in state.channels:
                    opened.add(channel.id)
                purse.spend(hours)

    add_channels(1)
    needs = {req.indicator for req, _ in _gaps(state, rules) if req.kind == "indicator"}
    if state.stage.level < 4:
        for req in rules.stage_requirements[state.stage.level - 1]:
            if state.indicators[req.indicator] < req.value:
                needs.add(req.indicator)
    valued = [
        (_action_value(state, needs, a), a)
        for a in available_actions(state, scenario)
        if a.trap is None
    ]
    valued.sort(key=lambda pair: -pair[0])
    actions: list[str] = []
    for value, action in valued:
        if value <= 0:
            break
        if purse.afford(action.cost.capacity, action.cost.budget):
            actions.append(action.id)
            purse.spend(action.cost.capacity, action.cost.budget)
    add_channels(2)
    return Decisions(
        initiatives=tuple(
            InitiativeDecision(info.id, roles[info.id], tuple(chosen[info.id])) for info in infos
        ),
        actions=tuple(actions),
    )


class Bot:
    """A named strategy that turns a state into decisions."""

    def __init__(self, strategy: str, seed: int) -> None:
        if strategy not in STRATEGIES:
            raise ValueError(f"unknown strategy {strategy!r}; choose from {', '.join(STRATEGIES)}")
        self.strategy = strategy
        self._rng = random.Random(f"bot:{strategy}:{seed}")

    def decide(self, state: GameState, scenario: Scenario) -> Decisions:
        if self.strategy == "best":
            return plan(state, scenario, best_role)
        if self.strategy == "random":
            return self._random(state, scenario)
        fixed = MunicipalRole(self.strategy)
        return plan(state, scenario, lambda *_: fixed)

    def _random(self, state: GameState, scenario: Scenario) -> Decisions:
        """Any role, any channels, any actions, as long as the hours and money allow."""
        rng = self._rng
        rules = compile_rules(scenario)
        purse = _Purse(state.capacity_this_round, state.budget)
        all_roles = list(MunicipalRole)
        roles = []
        for _ in state.current_initiatives:
            role = rng.choice(all_roles)
            if not purse.afford(rules.roles[role].cost):
                role = min(all_roles, key=lambda r: rules.roles[r].cost)
            purse.spend(rules.roles[role].cost)
            roles.append(role)
        candidates = [c for c in rules.channels.values() if channel_available(state, rules, c.id)]
        opened: set[str] = set()
        decisions = []
        for initiative_id, role in zip(state.current_initiatives, roles, strict=True):
            chosen = []
            for channel in candidates:
                if rng.random() >= 0.35:
                    continue
                hours = channel_hours(state, channel, opened)
                if purse.afford(hours):
                    purse.spend(hours)
                    chosen.append(channel.id)
                    if channel.id not in state.channels:
                        opened.add(channel.id)
            decisions.append(InitiativeDecision(initiative_id, role, tuple(chosen)))
        actions = []
        for action in available_actions(state, scenario):
            if rng.random() < 0.3 and purse.afford(action.cost.capacity, action.cost.budget):
                purse.spend(action.cost.capacity, action.cost.budget)
                actions.append(action.id)
        return Decisions(tuple(decisions), tuple(actions))


def play(scenario: Scenario, seed: int, strategy: str) -> GameState:
    """A whole game of ``scenario`` played by a bot; the finished state holds its history."""
    bot = Bot(strategy, seed)
    state = new_game(scenario, seed)
    rng = state.rng()
    while not state.finished:
        state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
    return state
