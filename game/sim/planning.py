"""How a bot plans a round: a role per card (by a chooser it is given), channels that suit the
purposes within the hours, development where the next phase needs it, and a prediction.

Every strategy in ``game.sim.bots`` that thinks at all plans through ``plan``; ``best_role`` and
``predict`` are how a team that knows the model chooses and expects.
"""

from __future__ import annotations

from collections.abc import Callable

from game.domain import Indicator, MunicipalRole, Prediction
from game.scenario.models import Scenario
from game.sim.channels import channel_result
from game.sim.conditions import PHASE_LEVEL, STAGE_LEVEL
from game.sim.engine import (
    achievement,
    action_available,
    channel_hours,
    condition_holds,
    judge,
)
from game.sim.rules import ChannelInfo, CompiledRules, InitiativeInfo, compile_rules
from game.sim.state import Decisions, GameState, InitiativeDecision
from game.sim.weigh import (
    Weighing,
    available_channels,
    buyable,
    chances_held,
    parts_value,
    stumble_chance,
)

_ROLES: tuple[MunicipalRole, ...] = tuple(MunicipalRole)


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
    relation = info.relation
    chances = chances_held(state, rules)
    # The roles from the best fit down: the same for an initiative in every game.
    by_fit = rules.bot_memo.get(("by_fit", info.id))
    if by_fit is None:
        by_fit = rules.bot_memo[("by_fit", info.id)] = sorted(
            _ROLES, key=fits.__getitem__, reverse=True
        )
    for role in by_fit:
        fit = fits[role]
        achieved = fit * fit  # ``achievement``, written out
        if achieved + FIT_RECORD_VALUE < top[0] - 1e-9:
            break
        fitting = role in best
        # ``expected_quality``, written out: weighed for every role of every card.
        chance = None if chances is None else chances.get((role, relation))
        if chance is None:
            chance = stumble_chance(state, rules, role, relation)
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
    with Weighing(state, rules):
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
    """``plan``'s work, once the memo for the state is in place: roles, a first channel each,
    development, then more channels with the hours left, and the predictions."""
    purse = _Purse(state.capacity_this_round, state.budget)
    infos = [rules.initiatives[i] for i in state.current_initiatives]
    roles = _choose_roles(state, rules, infos, choose_role, purse)
    picker = _ChannelPicker(state, rules, infos, purse)
    if channels == "best":
        picker.add_best(1)
    elif channels in ("one", "cheapest"):
        picker.add_single(one_channel(rules) if channels == "one" else None)
    actions = _choose_actions(state, rules, scenario, purse, banned, forced) if develop else []
    if channels == "best":
        picker.add_best(2)
    decisions = []
    for info in infos:
        role = roles[info.id]
        picked = tuple(picker.chosen[info.id])
        prediction = None if predictor is None else predictor(state, rules, info, role, picked)
        decisions.append(InitiativeDecision(info.id, role, picked, prediction))
    return Decisions(tuple(decisions), tuple(actions))


def _choose_roles(
    state: GameState,
    rules: CompiledRules,
    infos: list[InitiativeInfo],
    choose_role: RoleChooser,
    purse: _Purse,
) -> dict[str, MunicipalRole]:
    """A role per card. Every card still to come needs at least its cheapest role; the core
    sees to it that the round has the hours for that, and a plan that spends them first is
    refused."""
    roles: dict[str, MunicipalRole] = {}
    for place, info in enumerate(infos):
        later = rules.cheapest_role_cost * (len(infos) - place - 1)
        role = choose_role(state, rules, info)
        if not purse.afford(rules.roles[role].cost + later):
            affordable = [r for r in _ROLES if purse.afford(rules.roles[r].cost + later)]
            if affordable:
                role = max(affordable, key=lambda r: info.fit[r])
        roles[info.id] = role
        purse.spend(rules.roles[role].cost)
    return roles


class _ChannelPicker:
    """The channels chosen so far per card, and what they cover, while a round is planned."""

    def __init__(
        self,
        state: GameState,
        rules: CompiledRules,
        infos: list[InitiativeInfo],
        purse: _Purse,
    ) -> None:
        self.state, self.rules, self.infos, self.purse = state, rules, infos, purse
        self.available = available_channels(state, rules)
        self.chosen: dict[str, list[str]] = {info.id: [] for info in infos}
        self.opened: set[str] = set()
        self.coverage = {info.id: [0.0] * len(info.purposes) for info in infos}
        self.levels = dict.fromkeys(self.chosen, 0.0)
        self._options: dict[str, list] | None = None

    def _take(self, info: InitiativeInfo, channel: ChannelInfo, hours: int) -> None:
        self.chosen[info.id].append(channel.id)
        if channel.id not in self.state.channels:
            self.opened.add(channel.id)
        self.purse.spend(hours)

    def add_best(self, limit: int) -> None:
        """Up to ``limit`` channels a card, each the one that adds most dialogue per hour."""
        state, purse = self.state, self.purse
        if self._options is None:
            self._options = {
                info.id: _channel_options(state, self.rules, info, self.available)
                for info in self.infos
            }
        for info in self.infos:
            if not info.purposes:
                continue
            picked, have = self.chosen[info.id], self.coverage[info.id]
            while len(picked) < limit:
                channel, fits, hours = _best_channel(
                    state,
                    info,
                    self._options[info.id],
                    picked,
                    have,
                    self.levels[info.id],
                    self.opened,
                )
                if channel is None or not purse.afford(hours):
                    break
                self._take(info, channel, hours)
                have[:] = [f if f > h else h for f, h in zip(fits, have, strict=True)]
                self.levels[info.id] = max(self.levels[info.id], channel.level_factor)

    def add_single(self, single: ChannelInfo | None) -> None:
        """One channel a card: ``single`` for every card, or else each card's cheapest."""
        for info in self.infos:
            if not info.purposes:
                continue
            pick = single or _cheapest_channel(self.state, info, self.available, self.opened)
            if pick is None or pick.id not in self.available:
                continue
            hours = channel_hours(self.state, pick, self.opened)
            if self.purse.afford(hours):
                self._take(info, pick, hours)


def _choose_actions(
    state: GameState,
    rules: CompiledRules,
    scenario: Scenario,
    purse: _Purse,
    banned: frozenset[str],
    forced: tuple[str, ...],
) -> list[str]:
    """The forced actions first, then the rest by what they bring the next phase per cost."""
    actions: list[str] = []
    for action_id in forced:
        action = rules.actions[action_id]
        if action_available(state, action) and purse.afford(
            action.cost.capacity, action.cost.budget
        ):
            actions.append(action_id)
            purse.spend(action.cost.capacity, action.cost.budget)
    needs = _needs(state, rules)
    # ``available_actions`` and ``action_value``, written out on what was read once.
    done = state.actions_done
    valued = []
    for _, action_id, limit, requires, hours, money, parts in buyable(rules, scenario.actions):
        if done.get(action_id, 0) >= limit or action_id in banned or action_id in actions:
            continue
        if requires is None or condition_holds(requires, state):
            valued.append((parts_value(state, needs, parts), action_id, hours, money))
    valued.sort(key=lambda pair: -pair[0])
    for value, action_id, hours, money in valued:
        if value <= 0:
            break
        if purse.afford(hours, money):
            actions.append(action_id)
            purse.spend(hours, money)
    return actions


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
