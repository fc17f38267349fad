"""Bots that play the game, for tests, the balance simulator and the screenshot tour.

A bot is a player, not part of the simulation: it reads the state and returns decisions. Bots
that need chance (``random``, ``greedy``'s look-ahead) have a generator of their own, seeded from
the game seed, so they never draw from the simulation's generator and replays stay exact.

The strategies, each a way a group might play:
- ``best``: thinks like the model: the role that fits the owner and relation, unless the
  organisation is not ready for it and a safer role achieves more; channels that suit each
  purpose; development where the next phase needs it; and a prediction of how it will go.
- ``random``: any role, channels and actions.
- one per role (``normative`` … ``letting_go``): always that role.
- ``community-facilitate-own-direct``: facilitate the community's initiatives, direct your own.
- ``fit-no-development``: ``best``'s roles and channels, but never invests in the organisation.
- ``development-only``: invests every hour it can in the organisation, and gives initiatives
  the cheapest role and no channel.
- ``one-channel``: ``best``'s roles, but one channel for every purpose.
- ``cheapest``: the cheapest role and channel for everything, and the hours saved into
  development.
- ``greedy``: per initiative, the role whose round ends with the best outcome, looking one
  round ahead and leaving the score's points for fit (and for predictions) out; and only the
  development that pays off within the round.
- ``never-let-go``: ``best``, but never lets go: the next best role instead.
- ``table``, ``group`` and ``learner``: groups as a workshop has them (``game.sim.groups``): the
  help page's table, the table with one role in five wrong, and a group that knows no table and
  learns from the screens.
"""

from __future__ import annotations

import random
from dataclasses import replace
from functools import cached_property

from game.domain import ROLE_STRATEGIES, STRATEGIES, MunicipalRole, Prediction
from game.scenario.models import Scenario
from game.sim.engine import (
    _cost,
    available_actions,
    channel_available,
    channel_hours,
    check_decisions,
    execution_risk,
    new_game,
    resolve_round,
)
from game.sim.fit import FitClass, fit_class
from game.sim.groups import GroupMistakes, Learner, table_role, unsure_prediction
from game.sim.planning import (
    _Purse,
    best_role,
    hopeful,
    plan,
    predict,
)
from game.sim.rules import CompiledRules, InitiativeInfo, compile_rules
from game.sim.score import score
from game.sim.state import Decisions, GameState, InitiativeDecision

# The roles in their order (iterating the enum itself is slow in the planning loops).
_ROLES: tuple[MunicipalRole, ...] = tuple(MunicipalRole)


class _Imagined:
    """Dice for a round as a group imagines it: every initiative goes as planned, but the one
    at ``stumbles`` (its place in the round), and no chance event happens."""

    __slots__ = ("_draws", "_stumbles")

    def __init__(self, stumbles: int | None) -> None:
        self._stumbles = stumbles
        self._draws = 0

    def random(self) -> float:
        draw = self._draws
        self._draws += 1
        return 0.0 if draw == self._stumbles else 0.999999

    def getstate(self) -> int:
        return self._draws


def _cheapest_role(state: GameState, rules: CompiledRules, info: InitiativeInfo) -> MunicipalRole:
    return min(MunicipalRole, key=lambda r: (rules.roles[r].cost, -info.fit[r]))


def _first_wrong(state: GameState, scenario: Scenario, decisions: Decisions) -> Decisions:
    """The decisions with a role that does not fit (any of them, seeded) on the first card, if
    the hours allow."""
    first, *rest = decisions.initiatives
    rules = compile_rules(scenario)
    info = rules.initiatives[first.initiative]
    misfits = [r for r in MunicipalRole if fit_class(r, info.fit[r], info.best) is FitClass.MISFIT]
    pick = random.Random(f"wrong:{state.seed}").choice(misfits) if misfits else first.role
    wrong = Decisions((replace(first, role=pick), *rest), decisions.actions)
    return wrong if not check_decisions(state, wrong, scenario) else decisions


def _never_let_go(state: GameState, rules: CompiledRules, info: InitiativeInfo) -> MunicipalRole:
    role = best_role(state, rules, info)
    if role is not MunicipalRole.LETTING_GO:
        return role
    others = [r for r in MunicipalRole if r is not MunicipalRole.LETTING_GO]
    return max(others, key=lambda r: (info.fit[r], -rules.roles[r].cost))


def _community_facilitate_own_direct(
    state: GameState, rules: CompiledRules, info: InitiativeInfo
) -> MunicipalRole:
    return MunicipalRole.FACILITATING if info.community else MunicipalRole.DIRECTING


def outcome_score(state: GameState) -> float:
    """What the outcome is worth on its own: the score without the points for choosing the
    fitting role, the fitting channels and for predicting right, which reward the team's
    judgement, not the result.
    """
    card = score(state)
    return card.without_fit - card.prediction_points


class Bot:
    """A named strategy that turns a state into decisions."""

    def __init__(self, strategy: str, seed: int, **options: object) -> None:
        if strategy not in STRATEGIES:
            raise ValueError(f"unknown strategy {strategy!r}; choose from {', '.join(STRATEGIES)}")
        self.strategy = strategy
        self._seed = seed
        self.banned: frozenset[str] = frozenset(options.get("banned", ()))  # type: ignore[arg-type]
        self.forced: tuple[str, ...] = tuple(options.get("forced", ()))  # type: ignore[arg-type]
        # greedy keeps count of how often its role matched best's, for the balance report.
        self.agreed = 0
        self.compared = 0
        # One early mistake: the first card of round 1 gets the role that fits it least.
        self.wrong_first = bool(options.get("wrong_first", False))

    # What only some strategies use is made when first asked (seeding takes time every game).
    @cached_property
    def _rng(self) -> random.Random:
        return random.Random(f"bot:{self.strategy}:{self._seed}")

    @cached_property
    def _mistakes(self) -> GroupMistakes:
        return GroupMistakes(self._seed)

    @cached_property
    def _learner(self) -> Learner:
        return Learner(self._seed)

    def decide(self, state: GameState, scenario: Scenario) -> Decisions:
        decisions = self._decide(state, scenario)
        if self.wrong_first and state.round == 1 and decisions.initiatives:
            decisions = _first_wrong(state, scenario, decisions)
        return decisions

    def _decide(self, state: GameState, scenario: Scenario) -> Decisions:
        name = self.strategy
        extra = {"banned": self.banned, "forced": self.forced}
        if name == "best":
            return plan(state, scenario, best_role, **extra)
        if name == "random":
            return self._random(state, scenario)
        if name in ROLE_STRATEGIES:
            fixed = MunicipalRole(name)
            return plan(state, scenario, lambda *_: fixed, predictor=hopeful, **extra)
        if name == "community-facilitate-own-direct":
            return plan(state, scenario, _community_facilitate_own_direct, predictor=hopeful)
        if name == "fit-no-development":
            return plan(state, scenario, best_role, develop=False)
        if name == "development-only":
            return plan(state, scenario, _cheapest_role, channels="none", predictor=hopeful)
        if name == "one-channel":
            return plan(state, scenario, best_role, channels="one")
        if name == "cheapest":
            return plan(state, scenario, _cheapest_role, channels="cheapest", predictor=hopeful)
        if name == "never-let-go":
            return plan(state, scenario, _never_let_go, **extra)
        if name == "table":
            return plan(state, scenario, lambda s, r, i: table_role(scenario, i), **extra)
        if name == "group":
            return plan(state, scenario, lambda s, r, i: self._mistakes.role(scenario, i), **extra)
        if name == "learner":
            return self._learn(state, scenario, extra)
        return self._greedy(state, scenario)

    def _learn(self, state: GameState, scenario: Scenario, extra: dict) -> Decisions:
        """Roles from what earlier outcome screens showed; a prediction only where the group
        has seen the role fit."""
        learner = self._learner
        learner.observe(state, scenario)

        def guess(s: GameState, r: CompiledRules, i: InitiativeInfo) -> MunicipalRole:
            return learner.role(i)

        def expect(s, r, i, role, channels) -> Prediction:
            if learner.sure_of(i.id):
                return predict(s, r, i, role, channels)
            return unsure_prediction()

        return plan(state, scenario, guess, predictor=expect, **extra)

    def _greedy(self, state: GameState, scenario: Scenario) -> Decisions:
        """One round of look-ahead for everything: the choice whose round ends best.

        A group that judges every choice by what it brings this round. Per initiative the role
        whose round ends with the highest outcome (the score without the points for fit and
        predictions), the other
        initiatives as ``best`` would play them; then each development action that raises that
        score this very round. Every candidate is played out on a copy of the round as the
        group imagines it: everything goes as planned, except that the role in question may
        stumble, weighed by its risk. The game's dice are never touched.
        """
        rules = compile_rules(scenario)

        def outcome(decisions: Decisions, stumbles: int | None = None) -> float:
            """The outcome if every initiative goes as planned, or the one at ``stumbles``
            (its place in the round) goes wrong."""
            dice = _Imagined(stumbles)
            after, _ = resolve_round(state, decisions, scenario, dice, check=False)
            return outcome_score(after)

        def expected(decisions: Decisions, place: int, role: MunicipalRole, info) -> float:
            chance = execution_risk(state, rules, role, info.relation).chance
            well = outcome(decisions)
            return (
                well if chance <= 0.0 else (1 - chance) * well + chance * outcome(decisions, place)
            )

        chosen: dict[str, MunicipalRole] = {}
        for initiative_id in state.current_initiatives:
            info = rules.initiatives[initiative_id]
            outcomes = []
            for role in MunicipalRole:

                def choose(
                    s: GameState,
                    r: CompiledRules,
                    i: InitiativeInfo,
                    role: MunicipalRole = role,
                    target: str = initiative_id,
                ) -> MunicipalRole:
                    if i.id == target:
                        return role
                    return chosen.get(i.id) or best_role(s, r, i)

                decisions = plan(state, scenario, choose, develop=False)
                place = state.current_initiatives.index(initiative_id)
                outcomes.append(
                    (expected(decisions, place, role, info), -rules.roles[role].cost, role)
                )
            pick = max(outcomes)[2]
            chosen[initiative_id] = pick
            self.compared += 1
            self.agreed += pick is best_role(state, rules, info)
        base = plan(state, scenario, lambda s, r, i: chosen[i.id], develop=False)
        purse = _Purse(state.capacity_this_round - _cost(state, base, rules).hours, state.budget)
        bought: list[str] = []
        best_so_far = outcome(base)
        for action in available_actions(state, scenario):
            if not purse.afford(action.cost.capacity, action.cost.budget):
                continue
            trial = Decisions(base.initiatives, (*bought, action.id))
            value = outcome(trial)
            if value > best_so_far + 1e-9:
                best_so_far = value
                bought.append(action.id)
                purse.spend(action.cost.capacity, action.cost.budget)
        return Decisions(base.initiatives, tuple(bought))

    def _random(self, state: GameState, scenario: Scenario) -> Decisions:
        """Any role, any channels, any actions, as long as the hours and money allow."""
        rng = self._rng
        rules = compile_rules(scenario)
        purse = _Purse(state.capacity_this_round, state.budget)
        all_roles = list(MunicipalRole)
        roles = []
        count = len(state.current_initiatives)
        for place in range(count):
            role = rng.choice(all_roles)
            # Hours kept for the cheapest role of every card still to come (as in ``plan``).
            later = rules.cheapest_role_cost * (count - place - 1)
            if not purse.afford(rules.roles[role].cost + later):
                role = min(all_roles, key=lambda r: rules.roles[r].cost)
            purse.spend(rules.roles[role].cost)
            roles.append(role)
        candidates = [c for c in rules.channels.values() if channel_available(state, rules, c.id)]
        opened: set[str] = set()
        decisions = []
        predictions = tuple(Prediction)
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
            decisions.append(
                InitiativeDecision(initiative_id, role, tuple(chosen), rng.choice(predictions))
            )
        actions = []
        for action in available_actions(state, scenario):
            if rng.random() < 0.3 and purse.afford(action.cost.capacity, action.cost.budget):
                purse.spend(action.cost.capacity, action.cost.budget)
                actions.append(action.id)
        return Decisions(tuple(decisions), tuple(actions))


def play(scenario: Scenario, seed: int, strategy: str, **options: object) -> GameState:
    """A whole game of ``scenario`` played by a bot; the finished state holds its history."""
    bot = Bot(strategy, seed, **options)
    state = new_game(scenario, seed)
    rng = state.rng()
    while not state.finished:
        state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng, check=False)
    return state
