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
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property

from game.domain import Indicator, MunicipalRole, Prediction
from game.scenario.models import Scenario
from game.sim.channels import channel_result
from game.sim.conditions import PHASE_LEVEL, STAGE_LEVEL
from game.sim.engine import (
    _cost,
    achievement,
    action_available,
    available_actions,
    channel_available,
    channel_hours,
    check_decisions,
    condition_holds,
    execution_risk,
    judge,
    new_game,
    resolve_round,
)
from game.sim.fit import FitClass, fit_class
from game.sim.groups import GroupMistakes, Learner, table_role, unsure_prediction
from game.sim.rules import ChannelInfo, CompiledRules, InitiativeInfo, compile_rules
from game.sim.score import score
from game.sim.state import Decisions, GameState, InitiativeDecision
from game.sim.weigh import action_value, stumble_chance, weighing

ROLE_STRATEGIES: tuple[str, ...] = tuple(r.value for r in MunicipalRole)
# The roles in their order (iterating the enum itself is slow in the planning loops).
_ROLES: tuple[MunicipalRole, ...] = tuple(MunicipalRole)
HEURISTICS: tuple[str, ...] = (
    "community-facilitate-own-direct",
    "fit-no-development",
    "development-only",
    "one-channel",
    "cheapest",
    "greedy",
    "never-let-go",
)
# Strategies that play as workshop groups do (game.sim.groups).
GROUPS: tuple[str, ...] = ("table", "group", "learner")
STRATEGIES: tuple[str, ...] = ("best", "random", *GROUPS, *ROLE_STRATEGIES, *HEURISTICS)

# What choosing the fitting role is worth beyond this round (as a share of a role's result):
# the track record remembers it, and the next phase asks for it. A thinking team takes a
# near-fitting, safer role only when the fitting one is much likelier to go wrong.
FIT_RECORD_VALUE = 0.08
# A channel is only worth its hours when it adds at least this much dialogue (0–1).
_MIN_GAIN = 0.08

RoleChooser = Callable[[GameState, CompiledRules, InitiativeInfo], MunicipalRole]
Predictor = Callable[
    [GameState, CompiledRules, InitiativeInfo, MunicipalRole, tuple[str, ...]], Prediction | None
]


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


def expected_quality(
    state: GameState, rules: CompiledRules, info: InitiativeInfo, role: MunicipalRole
) -> float:
    """What a role is expected to achieve: its fit when it goes well, less after a stumble."""
    achieved = achievement(info.fit[role])
    chance = stumble_chance(state, rules, role, info.relation)
    stumble = rules.roles[role].stumble
    return (1.0 - chance) * achieved + chance * (achieved if achieved < stumble else stumble)


def best_role(state: GameState, rules: CompiledRules, info: InitiativeInfo) -> MunicipalRole:
    """The role that achieves most: the best fit, unless the organisation is not ready for it.

    Among equals, a best-fitting role first, then the one that takes fewest hours. A role can
    achieve at most its fit, so roles are weighed from the best fit down until no fit left can
    beat what was found.
    """
    fits = info.fit
    roles = rules.roles
    best = info.best
    chosen = best[0]
    top: tuple[float, bool, int] = (-2.0, False, 0)
    # The roles from the best fit down: the same for an initiative in every game.
    by_fit = rules.bot_memo.get(("by_fit", info.id))
    if by_fit is None:
        by_fit = rules.bot_memo[("by_fit", info.id)] = sorted(
            _ROLES, key=fits.__getitem__, reverse=True
        )
    for role in by_fit:
        achieved = achievement(fits[role])
        if achieved + FIT_RECORD_VALUE < top[0] - 1e-9:
            break
        fitting = role in best
        # ``expected_quality``, written out: weighed for every role of every card.
        chance = stumble_chance(state, rules, role, info.relation)
        rule = roles[role]
        stumble = rule.stumble
        quality = (1.0 - chance) * achieved + chance * (achieved if achieved < stumble else stumble)
        value = (round(quality + FIT_RECORD_VALUE * fitting, 9), fitting, -rule.cost)
        if value > top:
            chosen, top = role, value
    return chosen


def predict(
    state: GameState,
    rules: CompiledRules,
    info: InitiativeInfo,
    role: MunicipalRole,
    channels: tuple[str, ...],
) -> Prediction:
    """The likeliest verdict, as a team that knows the model would reason it out."""
    chance = stumble_chance(state, rules, role, info.relation)
    fit = achievement(info.fit[role])
    cfit = None
    if info.purposes:
        # ``purpose_fit``, as the round's memo of what the channels do has it.
        cfit = channel_result(state, info, channels, rules).fit if channels else 0.0
    if chance >= 0.5:
        stumble = rules.roles[role].stumble
        return judge(fit if fit < stumble else stumble, cfit)
    return judge(fit, cfit)


def hopeful(*_: object) -> Prediction:
    """A group that follows a simple rule expects it to work."""
    return Prediction.WELL


class _ChannelOptions(list):
    """Channel options, and per coverage so far the channels that would add enough dialogue:
    the same options meet the same coverage round after round, game after game."""

    __slots__ = ("gains",)

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        # (coverage, level, chosen) -> [(channel, fits, gain)], in the options' order.
        self.gains: dict[tuple, list[tuple[ChannelInfo, tuple[float, ...], float]]] = {}


def _channel_options(
    state: GameState, rules: CompiledRules, info: InitiativeInfo, available: frozenset[str]
) -> list[tuple[ChannelInfo, tuple[float, ...]]]:
    """The available channels with their fit per purpose as the round will count it: with the
    organisation's purpose bonus, and the others' platform bonus in a conversing relation.

    The same few inputs recur game after game, so the answer is remembered (never changed:
    callers only read it)."""
    bonus = state.purpose_bonus
    extras = tuple([bonus.get(p, 0.0) for p in info.purposes]) if bonus else ()
    others = 0.0
    if PHASE_LEVEL[state.relation_phase[info.relation]] >= 3:
        others = rules.tuning.others_platform_bonus
    key = (info.id, available, extras, others)
    memo = rules.bot_memo
    found = memo.get(key)
    if found is not None:
        return found
    # The list carries what ``_best_channel`` works out from it (``_ChannelOptions.gains``).
    if not others and not any(extras):
        out = _ChannelOptions(option for option in info.channel_fits if option[0].id in available)
    else:
        out = _ChannelOptions()
        for channel, fits in info.channel_fits:
            if channel.id not in available:
                continue
            plus = others if channel.others_platform else 0.0
            more = extras or (0.0,) * len(fits)
            out.append((channel, tuple(f + plus + e for f, e in zip(fits, more, strict=True))))
    if len(memo) > 50_000:
        memo.clear()
    memo[key] = out
    return out


def _dialogue(info: InitiativeInfo, have: list[float], level: float) -> float:
    """The dialogue channels carry, the way ``engine._channels_fit`` counts it."""
    total = 0.0
    for fit in have:
        total += fit if fit < 100.0 else 100.0
    fit = total / (100.0 * len(have))
    possible = info.possible_channel_fit
    return fit * (fit / possible if possible > fit else 1.0) * level


def _best_channel(
    state: GameState,
    info: InitiativeInfo,
    options: list[tuple[ChannelInfo, tuple[float, ...]]],
    chosen: list[str],
    have: list[float],
    level: float,
    opened: set[str],
) -> tuple[ChannelInfo | None, tuple[float, ...], int]:
    """The channel that adds most dialogue for this initiative, per hour it takes.

    ``have`` is the best fit per purpose of the channels chosen so far, ``level`` their best
    interaction level: what the round will count (purpose fit, against what the scenario's
    channels could do, times interaction level). Written out: bots weigh thousands of these.
    What each channel would add depends only on the options and the coverage so far, so it is
    worked out once and kept with the options; only the hours (what is open) are weighed anew.
    """
    key = (tuple(have), level, tuple(chosen))
    gains = options.gains if isinstance(options, _ChannelOptions) else {}
    candidates = gains.get(key)
    if candidates is None:
        candidates = gains[key] = []
        current = _dialogue(info, have, level) if chosen else 0.0
        scale = 100.0 * len(have)
        possible = info.possible_channel_fit
        for channel, fits in options:
            if channel.id in chosen:
                continue
            total = 0.0
            for new, old in zip(fits, have):  # noqa: B905 - equal lengths by construction
                value = new if new > old else old
                total += value if value < 100.0 else 100.0
            fit = total / scale
            top = channel.level_factor if channel.level_factor > level else level
            gain = fit * (fit / possible if possible > fit else 1.0) * top - current
            if gain >= _MIN_GAIN:
                candidates.append((channel, fits, gain))
    best: tuple[ChannelInfo | None, tuple[float, ...], int] = (None, (), 0)
    best_score = 0.0
    in_use = state.channels
    for channel, fits, gain in candidates:
        # ``channel_hours``, written out.
        hours = channel.cost
        if channel.id not in in_use and channel.id not in opened:
            hours += channel.open_cost
        score = gain / (hours + 1)
        if score > best_score:
            best, best_score = (channel, fits, hours), score
    return best


def _needs(state: GameState, rules: CompiledRules) -> set[Indicator]:
    """The organisation's indicators that stand between it and its next phase or stage.

    Interaction counts when a relation still below the next phase lacks it.
    """
    needs: set[Indicator] = set()
    indicators = state.indicators
    target = PHASE_LEVEL[state.phase] + 1
    if target <= 4:
        lagging = [r for r, p in state.relation_phase.items() if PHASE_LEVEL[p] < target]
        for req in rules.phase_requirements[target - 2]:
            if req.code == 0 and indicators[req.indicator] < req.value:
                needs.add(req.indicator)
            elif req.code == 1 and any(state.relation_interaction[r] < req.value for r in lagging):
                needs.add(Indicator.INTERACTION)
    stage = STAGE_LEVEL[state.stage]
    if stage < 4:
        for req in rules.stage_requirements[stage - 1]:
            if req.indicator is not None and indicators[req.indicator] < req.value:
                needs.add(req.indicator)
    return needs


def plan(
    state: GameState,
    scenario: Scenario,
    choose_role: RoleChooser,
    *,
    channels: str = "best",
    develop: bool = True,
    predictor: Predictor | None = predict,
    banned: frozenset[str] = frozenset(),
    forced: tuple[str, ...] = (),
) -> Decisions:
    """Decisions with the given role choice, and channels and actions within capacity.

    Priorities, as a careful team would set them: every initiative gets a role; then one good
    channel each; then development actions; then more channels with the hours left.
    ``channels``: "best", "one" (one channel for every purpose), "cheapest" or "none".
    ``banned`` actions are never bought; ``forced`` ones are bought first whenever possible
    (the balance tests use both to measure what one action is worth).
    """
    rules = compile_rules(scenario)
    with weighing(state, rules):
        return _plan(
            state, rules, scenario, choose_role, channels, develop, predictor, banned, forced
        )


def _plan(
    state: GameState,
    rules: CompiledRules,
    scenario: Scenario,
    choose_role: RoleChooser,
    channels: str,
    develop: bool,
    predictor: Predictor | None,
    banned: frozenset[str],
    forced: tuple[str, ...],
) -> Decisions:
    """``plan``'s work, once the memo for the state is in place."""
    purse = _Purse(state.capacity_this_round, state.budget)
    infos = [rules.initiatives[i] for i in state.current_initiatives]
    roles: dict[str, MunicipalRole] = {}
    for place, info in enumerate(infos):
        # Every card still to come needs at least its cheapest role; the core sees to it that
        # the round has the hours for that, and a plan that spends them first is refused.
        later = rules.cheapest_role_cost * (len(infos) - place - 1)
        role = choose_role(state, rules, info)
        if not purse.afford(rules.roles[role].cost + later):
            affordable = [r for r in _ROLES if purse.afford(rules.roles[r].cost + later)]
            if affordable:
                role = max(affordable, key=lambda r: info.fit[r])
        roles[info.id] = role
        purse.spend(rules.roles[role].cost)

    in_use = state.channels
    available = frozenset(
        [
            c
            for c, info in rules.channels.items()
            if c in in_use or info.requires is None or condition_holds(info.requires, state)
        ]
    )
    chosen: dict[str, list[str]] = {info.id: [] for info in infos}
    opened: set[str] = set()

    def take(info: InitiativeInfo, channel: ChannelInfo, hours: int) -> None:
        chosen[info.id].append(channel.id)
        if channel.id not in state.channels:
            opened.add(channel.id)
        purse.spend(hours)

    if channels == "best":
        options = {info.id: _channel_options(state, rules, info, available) for info in infos}
        coverage = {info.id: [0.0] * len(info.purposes) for info in infos}
        levels = dict.fromkeys(chosen, 0.0)

        def add_channels(limit: int) -> None:
            for info in infos:
                if not info.purposes:
                    continue
                picked, have = chosen[info.id], coverage[info.id]
                while len(picked) < limit:
                    channel, fits, hours = _best_channel(
                        state, info, options[info.id], picked, have, levels[info.id], opened
                    )
                    if channel is None or not purse.afford(hours):
                        break
                    take(info, channel, hours)
                    have[:] = [f if f > h else h for f, h in zip(fits, have, strict=True)]
                    levels[info.id] = max(levels[info.id], channel.level_factor)

        add_channels(1)
    elif channels in ("one", "cheapest"):
        single = one_channel(rules) if channels == "one" else None
        for info in infos:
            if not info.purposes:
                continue
            pick = single or _cheapest_channel(state, info, available, opened)
            if pick is None or pick.id not in available:
                continue
            hours = channel_hours(state, pick, opened)
            if purse.afford(hours):
                take(info, pick, hours)

    actions: list[str] = []
    if develop:
        for action_id in forced:
            action = rules.actions[action_id]
            if action_available(state, action) and purse.afford(
                action.cost.capacity, action.cost.budget
            ):
                actions.append(action_id)
                purse.spend(action.cost.capacity, action.cost.budget)
        needs = _needs(state, rules)
        valued = [
            (action_value(state, needs, a, rules), a)
            for a in available_actions(state, scenario)
            if a.trap is None and a.id not in banned and a.id not in actions
        ]
        valued.sort(key=lambda pair: -pair[0])
        for value, action in valued:
            if value <= 0:
                break
            if purse.afford(action.cost.capacity, action.cost.budget):
                actions.append(action.id)
                purse.spend(action.cost.capacity, action.cost.budget)
    if channels == "best":
        add_channels(2)
    decisions = []
    for info in infos:
        role = roles[info.id]
        picked = tuple(chosen[info.id])
        prediction = None if predictor is None else predictor(state, rules, info, role, picked)
        decisions.append(InitiativeDecision(info.id, role, picked, prediction))
    return Decisions(tuple(decisions), tuple(actions))


def one_channel(rules: CompiledRules) -> ChannelInfo | None:
    """The one channel a group that uses a single channel for everything would pick.

    The channel in use from the start that serves this scenario's purposes best on average:
    in most scenarios the organisation's Twitter account.
    """
    purposes = [p for info in rules.initiatives.values() for p in info.purposes]
    start = [c for c in rules.channels.values() if c.requires is None]
    if not start or not purposes:
        return None
    return max(start, key=lambda c: (sum(c.fit[p] for p in purposes), c.id))


def _cheapest_channel(
    state: GameState, info: InitiativeInfo, available: frozenset[str], opened: set[str]
) -> ChannelInfo | None:
    """The channel that costs fewest hours and serves any of the purposes at all."""
    options = [
        (channel_hours(state, c, opened), -sum(fits), c.id, c)
        for c, fits in info.channel_fits
        if c.id in available and any(fits)
    ]
    return min(options)[3] if options else None


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


def score_without_fit(state: GameState) -> float:
    """The score with its points for fitting roles and fitting channels left out (the balance
    rules compare strategies on it)."""
    card = score(state)
    return card.total - card.fit_points - card.channel_points


def outcome_score(state: GameState) -> float:
    """What the outcome is worth on its own: the score without the points for choosing the
    fitting role, the fitting channels and for predicting right, which reward the team's
    judgement, not the result.
    """
    card = score(state)
    return card.total - card.fit_points - card.channel_points - card.prediction_points


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
