"""One initiative resolved: the team's role and channels meet it, in named steps.

What the model teaches here (MODEL.md §7): what a role brings (trust, energy, dialogue,
learning, ownership) scales with how well it fits and how it went, never with which role it is;
a badly fitting role makes repair work that costs hours the next round; a role the organisation
is not ready for can stumble, and a stumble in letting go does harm; channels must suit the
initiative's purposes to build interaction in its relation; a fitting role lets an initiative
grow into its next stage; a prediction that comes true raises awareness. What the channels do
is their own step, in ``channels.py``.

The hottest code of the simulator (bots play it hundreds of thousands of times), so the pulls
on the organisation's indicators are collected and applied in one loop at the end, and effects
of one initiative share their parameter dicts (a sentence uses what it needs).
"""

from __future__ import annotations

from typing import NamedTuple

from game.domain import Indicator, MunicipalRole, Prediction
from game.scenario.models import Gains
from game.sim.changes import Pull, RoundChanges, new
from game.sim.channels import ChannelResult, channel_result, channels_at_work, no_channel
from game.sim.conditions import PHASE_LEVEL
from game.sim.dice import Dice
from game.sim.effects import Effect
from game.sim.fit import ALSO_FIT, RECORD_VALUE, fit_class
from game.sim.risk import Risk, execution_risk
from game.sim.rules import MASTERY_FIT, CompiledRules, InitiativeInfo
from game.sim.state import GameState, InitiativeDecision, InitiativeOutcome
from game.sim.verdict import WELL_CHANNEL_FIT, achievement, judge

_TRUST = Indicator.TRUST
_ENERGY = Indicator.COMMUNITY_ENERGY
_SKILL = Indicator.SKILL
_AWARENESS = Indicator.AWARENESS
_BREADTH = Indicator.OWNERSHIP_BREADTH
_WELL, _MIXED, _BADLY = Prediction.WELL, Prediction.MIXED, Prediction.BADLY

# What a role achieves, against which trust and community energy are won or lost: the fitting
# role wins, a role that also fits (ALSO_FIT, achieving ALSO_FIT²) neither wins nor loses, one
# that does not fit loses, and a wrong choice's losses weigh heavier than gains.
TRUST_PIVOT = ALSO_FIT**2
ENERGY_PIVOT = ALSO_FIT**2
LOSS_WEIGHT = 2.0
# The municipality's own initiatives move the community's energy less than the community's own.
OWN_ENERGY_SHARE = 0.35
# Below this fit, a role makes repair work for the next round.
REWORK_FIT = 0.5
# How many plans (``CompiledRules.plans``) are kept before they are worked out afresh.
PLANS_KEPT = 50_000


class _RoleResult(NamedTuple):
    """What a role brings an initiative, gone well or stumbled: the same in every game, so it is
    worked out once per initiative, role and roll of the dice (``CompiledRules.role_results``),
    with what the steps after the dice ask of the role's fit."""

    quality: float
    # Trust and community energy.
    pulls: tuple[Pull, ...]
    hours: int
    repair: Effect | None
    # Skill learned when the role is no stretch, and ownership spreading.
    lessons: tuple[Pull, ...]
    fit: float
    # The role is one of the best; what the choice adds to the track record (``fit.py``).
    fitting: bool
    worth: float
    # Fits well enough to grow the initiative (``tuning.grow_fit``), and to master the role.
    grows: bool
    masters: bool
    # The sentence when the organisation stumbles in it.
    stumbled: str


class _Plan(NamedTuple):
    """All of an initiative's round that does not depend on the game: worked out once per
    initiative, role, roll of the dice, prediction, channels, conversing and purpose bonus
    (``CompiledRules.plans``), so a round only applies it."""

    result: _RoleResult
    # What the channels do (None: no purposes, or no channel chosen), and their purpose fit
    # (None for an initiative without purposes, 0 with no channel).
    channels: ChannelResult | None
    channel_fit: float | None
    verdict: Prediction
    # The pulls on the organisation in order, when the role is no stretch; when it is, the
    # lessons come between ``before`` and ``after`` (the prediction's).
    pulls: tuple[Pull, ...]
    before: tuple[Pull, ...]
    after: tuple[Pull, ...]
    # A prediction: whether it came true, and the effect when it did not.
    right: bool
    wrong: Effect | None


def resolve_initiative(
    s: GameState,
    decision: InitiativeDecision,
    rules: CompiledRules,
    rng: Dice,
    work: RoundChanges,
) -> InitiativeOutcome:
    """The team's role and channels meet the initiative: fit, risk, what it brings, what follows."""
    info = rules.initiatives[decision.initiative]
    role = decision.role
    risk = execution_risk(s, rules, role, info.relation)
    succeeded = rng.random() >= risk.chance
    plan = _plan_of(s, info, decision, succeeded, rules)
    result = plan.result
    effects = work.effects
    if not succeeded:
        failed = {
            "title": info.title,
            "role": role,
            "readiness": risk.readiness,
            "demand": risk.demand,
        }
        effects.append(new(Effect, ("initiative", info.id, "", 0.0, result.stumbled, failed)))
    hours = result.hours  # repair work
    if result.repair is not None:
        s.rework += hours
        effects.append(result.repair)
    channel_fit = plan.channel_fit
    if channel_fit is not None:
        if plan.channels is not None:
            channels_at_work(s, info, result.quality, plan.channels, work)
        else:
            no_channel(info, rules, work)
        # The channel record moves part of the way towards how well the channels served the
        # purposes against what the channels at hand could do (0–100).
        possible = info.possible_channel_fit
        served = (
            100.0 if possible <= 0.0 or channel_fit >= possible else 100.0 * channel_fit / possible
        )
        s.channel_record += (served - s.channel_record) * rules.tuning.channel_record_weight
    pulls = plan.pulls
    demand = risk.demand
    if demand > 0 and risk.readiness < demand and result.grows:
        pulls = _stretched(info, role, risk, plan, rules.tuning.gains)
    _track_record(s, info, role, result, succeeded, channel_fit, rules.tuning.fit_record_weight)
    work.decided.add(info.relation)
    prediction = decision.prediction
    if prediction is not None:
        # A prediction that comes true raises awareness (among the pulls): knowing why is part
        # of competence.
        s.predictions_made += 1
        if plan.right:
            s.predictions_right += 1
        else:
            effects.append(plan.wrong)
    _apply_pulls(s, info.id, pulls, work)
    next_stage = None
    if info.unfolds is not None:
        next_stage = unfold(s, info, rules, succeeded and result.grows, role, effects)
    outcome = (
        info.id,
        info.relation,
        role,
        decision.channels,
        result.fit,
        info.best,
        channel_fit,
        risk.readiness,
        risk.demand,
        risk.chance,
        succeeded,
        result.quality,
        plan.verdict,
        prediction,
        hours,
        next_stage,
    )
    return new(InitiativeOutcome, outcome)


def _plan_of(
    s: GameState,
    info: InitiativeInfo,
    decision: InitiativeDecision,
    succeeded: bool,
    rules: CompiledRules,
) -> _Plan:
    """The initiative's plan for this decision and roll of the dice (made the first time)."""
    chosen = decision.channels
    if chosen and info.purposes:
        conversing = PHASE_LEVEL[s.relation_phase[info.relation]] >= 3
        bonus = s.purpose_bonus
        extra = tuple(bonus.items()) if bonus else ()
        key: tuple[object, ...] = (
            info.id,
            decision.role,
            succeeded,
            decision.prediction,
            chosen,
            conversing,
            extra,
        )
    else:
        key = (info.id, decision.role, succeeded, decision.prediction, chosen)
    plan = rules.plans.get(key)
    if plan is None:
        if len(rules.plans) > PLANS_KEPT:  # a random strategy meets many combinations
            rules.plans.clear()
        plan = rules.plans[key] = _plan(
            s, info, decision.role, succeeded, decision.prediction, chosen, rules
        )
    return plan


def _stretched(
    info: InitiativeInfo, role: MunicipalRole, risk: Risk, plan: _Plan, gains: Gains
) -> tuple[Pull, ...]:
    """The pulls when the role is a stretch: a fitting role the organisation must grow into
    teaches more, the further it is beyond its readiness."""
    stretch = (risk.demand - risk.readiness) / risk.demand
    result = plan.result
    lessons = _lessons(info, role, result.fit, result.quality, stretch, gains)
    return (*plan.before, *lessons, *plan.after)


def _plan(
    s: GameState,
    info: InitiativeInfo,
    role: MunicipalRole,
    succeeded: bool,
    prediction: Prediction | None,
    chosen: tuple[str, ...],
    rules: CompiledRules,
) -> _Plan:
    """What the role, the channels and the prediction bring, whatever the game: the verdict
    and the pulls in the order they apply."""
    key = (info.id, role, succeeded)
    result = rules.role_results.get(key)
    if result is None:
        result = rules.role_results[key] = _role_result(info, role, succeeded, rules)
    channels = None
    channel_fit = None
    brought: tuple[Pull, ...] = ()
    if info.purposes:
        channel_fit = 0.0
        if chosen:
            channels = channel_result(s, info, chosen, rules)
            channel_fit = channels.fit
            brought = channels.pulls
    verdict = judge(result.quality, channel_fit)
    before = (*result.pulls, *brought)
    after: tuple[Pull, ...] = ()
    right = prediction is verdict
    wrong = None
    if prediction is not None:
        memo = (info.id, prediction, verdict)
        judged = rules.said.get(memo)
        if judged is None:
            judged = rules.said[memo] = {
                "title": info.title,
                "prediction": prediction,
                "verdict": verdict,
            }
        if right:
            gain = rules.tuning.gains.prediction * info.weight
            after = ((_AWARENESS, gain, "prediction_right", judged),)
        else:
            wrong = new(
                Effect, ("initiative", info.id, "prediction", 0.0, "prediction_wrong", judged)
            )
    pulls = (*before, *result.lessons, *after)
    return _Plan(result, channels, channel_fit, verdict, pulls, before, after, right, wrong)


def _role_result(
    info: InitiativeInfo, role: MunicipalRole, succeeded: bool, rules: CompiledRules
) -> _RoleResult:
    """What the role achieves (its fit squared; after a stumble no more than the stumble
    leaves), and what that brings: trust and energy, repair work, lessons."""
    fit = info.fit[role]
    quality = achievement(fit)
    stumble = rules.roles[role].stumble
    if not succeeded and quality > stumble:
        quality = stumble
    gains = rules.tuning.gains
    pulls = _trust_and_energy(info, role, quality, succeeded, gains)
    hours, repair = _repair_work(info, role, fit, succeeded, gains)
    lessons = _lessons(info, role, fit, quality, 0.0, gains)
    fitting = role in info.best
    worth = RECORD_VALUE[fit_class(role, fit, info.best)]
    grows = fit >= rules.tuning.grow_fit
    stumbled = "execution_stumbled" if stumble >= 0 else "execution_harmed"
    return _RoleResult(
        quality,
        pulls,
        hours,
        repair,
        lessons,
        fit,
        fitting,
        worth,
        grows,
        fit >= MASTERY_FIT,
        stumbled,
    )


def _trust_and_energy(
    info: InitiativeInfo, role: MunicipalRole, quality: float, succeeded: bool, gains: Gains
) -> tuple[Pull, ...]:
    """Trust and community energy follow what the role achieved."""
    weight = info.weight
    params = info.said[role]
    trust = gains.trust * (quality - TRUST_PIVOT) * weight
    # A wrong choice costs double; a stumble in the right role is forgiven sooner: people saw
    # the organisation try the right thing.
    if trust < 0 and succeeded:
        trust *= LOSS_WEIGHT
    if not succeeded:
        key = "role_stumble_trust"
    else:
        key = "role_fit_trust_up" if trust > 0 else "role_fit_trust_down"
    energy = gains.community_energy * (quality - ENERGY_PIVOT) * weight
    if not info.community:
        energy *= OWN_ENERGY_SHARE
    if energy < 0:
        if succeeded:
            energy *= LOSS_WEIGHT
        energy_key = "role_fit_energy_down" if succeeded else "role_stumble_energy"
    else:
        energy_key = "role_fit_energy_up"
    return ((_TRUST, trust, key, params), (_ENERGY, energy, energy_key, params))


def _repair_work(
    info: InitiativeInfo, role: MunicipalRole, fit: float, succeeded: bool, gains: Gains
) -> tuple[int, Effect | None]:
    """A role that fits badly, or goes wrong, costs hours the next round: how many, and the
    effect that says so."""
    rework = 0.0
    if fit < REWORK_FIT:
        rework += gains.rework_hours * (REWORK_FIT - fit) / REWORK_FIT
    if not succeeded:
        rework += gains.rework_hours * 0.5
    hours = round(rework * info.weight)
    if hours <= 0:
        return hours, None
    if fit >= REWORK_FIT:
        key = "stumble_rework"
    else:
        key = "misfit_rework" if succeeded else "misfit_stumble_rework"
    repair = {**info.said[role], "hours": hours}  # the shared dict never changes
    return hours, new(Effect, ("initiative", info.id, "rework", -float(hours), key, repair))


def _lessons(
    info: InitiativeInfo,
    role: MunicipalRole,
    fit: float,
    quality: float,
    stretch: float,
    gains: Gains,
) -> tuple[Pull, ...]:
    """Skill learned (more when stretching), and ownership spreading when it went well."""
    params = info.said[role]
    learned = (gains.learning + gains.stretch_learning * stretch) * fit * info.weight
    key = "learning_stretch" if stretch > 0 else "learning_by_doing"
    if quality > 0.5:
        spread = gains.ownership * (quality - 0.5) / 0.5 * info.weight
        return ((_SKILL, learned, key, params), (_BREADTH, spread, "ownership_spreads", params))
    return ((_SKILL, learned, key, params),)


def _track_record(
    s: GameState,
    info: InitiativeInfo,
    role: MunicipalRole,
    result: _RoleResult,
    succeeded: bool,
    channel_fit: float | None,
    weight: float,
) -> None:
    """The track record counts fitting choices, overall and per relation, where each choice
    moves the relation's record ``weight`` of the way towards what it was worth (recent
    choices weigh most). A role that went through counts as experience; a fitting role with
    channels that served the purposes as mastered, even when the dice made it stumble: the
    team knew what to do."""
    relation = info.relation
    s.decisions_total += 1
    s.relation_decisions[relation] += 1
    if result.fitting:
        s.decisions_fitting += 1
        s.relation_fitting[relation] += 1
    record = s.relation_record
    record[relation] += (result.worth - record[relation]) * weight
    if succeeded:
        successes = s.role_successes
        successes[role] = successes.get(role, 0) + 1
    served = channel_fit is None or channel_fit >= WELL_CHANNEL_FIT
    if served and result.masters and role not in s.roles_mastered:
        s.roles_mastered = (*s.roles_mastered, role)


def _apply_pulls(s: GameState, iid: str, pulls: list[Pull], work: RoundChanges) -> None:
    """The pulls on the organisation's indicators, applied to their targets in one loop."""
    targets = s.targets
    saturation = work.saturation
    fed = work.fed
    effects = work.effects
    for ind, delta, key, shared in pulls:
        if delta == 0.0:
            continue
        target = targets[ind]
        if delta > 0.0:
            delta *= 1.0 - saturation * target
            fed.add(ind)
        value = target + delta
        targets[ind] = 0.0 if value < 0.0 else 100.0 if value > 100.0 else value
        effects.append(new(Effect, ("initiative", iid, ind, delta, key, shared)))


def unfold(
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
            ended = {"title": info.title, "role": role}
            effects.append(Effect("initiative", info.id, "", 0.0, "arc_ends", ended))
        return None
    arrival = s.round + unfolds.after
    if arrival > rules.rounds:
        return None
    s.unfolding = (*s.unfolding, (arrival, following))
    params = {
        "title": info.title,
        "role": role,
        "after": unfolds.after,
        "next": rules.initiatives[following].title,
    }
    key = "arc_grows" if grew else "arc_withers"
    effects.append(Effect("initiative", info.id, following, 0.0, key, params))
    return following
