"""The rules' numbers, compiled once per scenario from its content and the documented defaults.

The default role fit follows the government-participation model (DESIGN.md, MODEL.md §3): who
took the initiative, and the relation in which residents meet the municipality, decide which role
fits. Each row says why in a comment; a scenario can override single cells in ``tuning.role_fit``
or per initiative in ``role_fit``. What the compilation gives (the named tuples the hot loops
read) is defined in ``compiled.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from game.domain import (
    Bilingual,
    CitizenRelation,
    CompetenceStage,
    GrowthPhase,
    Indicator,
    InitiativeOwner,
    InteractionLevel,
    MunicipalRole,
    Purpose,
)
from game.scenario.models import (
    Scenario,
    Thresholds,
    Tuning,
)
from game.sim.compiled import (
    ChannelInfo,
    ChannelUse,
    CompiledRules,
    InitiativeInfo,
    Requirement,
    RoleRule,
    Unfold,
)
from game.sim.effects import RELATION_PHRASES
from game.sim.survey import survey_fit

N, D, F, P, L = (
    MunicipalRole.NORMATIVE,
    MunicipalRole.DIRECTING,
    MunicipalRole.FACILITATING,
    MunicipalRole.PARTICIPATING,
    MunicipalRole.LETTING_GO,
)
M, C = InitiativeOwner.MUNICIPALITY, InitiativeOwner.COMMUNITY
R = CitizenRelation


def _row(n: float, d: float, f: float, p: float, lg: float) -> dict[MunicipalRole, float]:
    return {N: n, D: d, F: f, P: p, L: lg}


DEFAULT_ROLE_FIT: MappingProxyType[tuple[InitiativeOwner, CitizenRelation], dict] = (
    MappingProxyType(
        {
            # The municipality's own initiatives: it is the initiator, so it directs (or, where
            # it sets rules, is normative). Taking part is for joining what others started, so
            # it never fits best here (MODEL.md §3).
            # Service to customers is the municipality's job to organise well.
            (M, R.CUSTOMER): _row(30, 100, 60, 20, 10),
            # Policy made with voters: interactive policy making is directing with room for
            # residents to join in; the council still decides.
            (M, R.VOTER): _row(30, 100, 60, 30, 10),
            # Enforcement: rules are the municipality's to set and uphold.
            (M, R.SUBJECT): _row(100, 60, 20, 10, 0),
            # Managing public space for its users: the municipality directs.
            (M, R.USER): _row(30, 100, 60, 30, 20),
            # Its own plan with partners: it directs and invites them in; supporting what
            # partners bring to it fits too.
            (M, R.PARTNER): _row(20, 100, 70, 40, 20),
            # Plans for residents: directing, with room for residents' own part.
            (M, R.RESIDENT): _row(20, 100, 70, 30, 30),
            # The community's initiatives: facilitating, participating or letting go.
            # Customers helping each other: support them, do not take over.
            (C, R.CUSTOMER): _row(10, 20, 100, 50, 60),
            # Residents organising a debate or a petition: support the process, stay neutral.
            (C, R.VOTER): _row(10, 20, 100, 70, 50),
            # Rules are being broken: normative still fits, even here.
            (C, R.SUBJECT): _row(100, 40, 40, 20, 10),
            # Users of public space taking care of it: facilitate them.
            (C, R.USER): _row(10, 30, 100, 60, 60),
            # Partners with a plan: join in as one of them.
            (C, R.PARTNER): _row(10, 20, 80, 100, 50),
            # Residents organising their own street: let go.
            (C, R.RESIDENT): _row(0, 10, 70, 50, 100),
        }
    )
)

OWNER_PHRASES: MappingProxyType[InitiativeOwner, Bilingual] = MappingProxyType(
    {
        M: Bilingual("een eigen initiatief", "your own initiative"),
        C: Bilingual("een initiatief uit de gemeenschap", "a community initiative"),
    }
)

# How far a channel's interaction level carries an initiative's interaction.
LEVEL_FACTOR: MappingProxyType[InteractionLevel, float] = MappingProxyType(
    {
        InteractionLevel.PRESENCE: 0.25,
        InteractionLevel.SENDING: 0.55,
        InteractionLevel.DIALOGUE: 0.9,
        InteractionLevel.COLLABORATION: 1.0,
    }
)

# A role played with at least this fit, successfully, counts as mastered (phase 4 asks several).
MASTERY_FIT = 0.8


def compile_rules(scenario: Scenario) -> CompiledRules:
    """The scenario's rules as lookups, built once and kept on the (immutable) scenario."""
    private = scenario.__pydantic_private__
    cached = private.get("_compiled")
    if cached is not None:
        return cached
    compiled = _compile(scenario)
    private["_compiled"] = compiled
    return compiled


def _compile(scenario: Scenario) -> CompiledRules:
    tuning = scenario.tuning
    channels = _channel_infos(scenario)
    initiatives = _initiative_infos(scenario, _role_fit_table(tuning), channels)
    roles = _role_rules(tuning)
    phase_requirements = tuple(
        _requirements(getattr(tuning.phases, phase.value)) for phase in tuple(GrowthPhase)[1:]
    )
    start = dict(tuning.start_indicators.items())
    start.update(scenario.start.indicators.items())
    relation_starts = dict(scenario.start.relations.items())
    met = {i.relation for i in scenario.initiatives}
    relations = tuple(r for r in CitizenRelation if r in met or r in relation_starts)
    interaction = start.get(Indicator.INTERACTION, 0.0)
    return CompiledRules(
        initiatives=initiatives,
        channels=channels,
        channel_uses={},
        said={},
        bot_memo={},
        role_results={},
        channel_results={},
        plans={},
        overall={},
        starts={},
        actions={a.id: a for a in scenario.actions},
        titles={x.id: x.title.pair() for x in (*scenario.actions, *scenario.events)},
        traps={a.id: a.trap.pair() for a in scenario.actions if a.trap is not None},
        rounds=scenario.rounds,
        cheapest_role_cost=min(rule.cost for rule in roles.values()),
        events=tuple(scenario.events),
        events_by_id={e.id: e for e in scenario.events},
        events_by_round={
            r: tuple(e for e in scenario.events if e.round is None or e.round == r)
            for r in range(1, scenario.rounds + 1)
        },
        scheduled={
            r: tuple(i.id for i in scenario.initiatives if i.round == r)
            for r in range(1, scenario.rounds + 1)
        },
        conditional_initiatives=tuple(i for i in scenario.initiatives if i.when is not None),
        roles=roles,
        phase_requirements=phase_requirements,
        phase_shared=tuple(
            tuple(r for r in reqs if r.code not in (1, 2)) for reqs in phase_requirements
        ),
        phase_own_checks=tuple(
            tuple((r, r.code == 1, r.value) for r in reqs if r.code in (1, 2))
            for reqs in phase_requirements
        ),
        stage_requirements=tuple(
            _requirements(getattr(tuning.stages, stage.value))
            for stage in tuple(CompetenceStage)[1:]
        ),
        drift=tuple(tuning.drift.items()),
        start_indicators={ind: start.get(ind, 0.0) for ind in Indicator},
        relations=relations,
        core_relations=frozenset(
            {i.relation for i in scenario.initiatives if i.round is not None} | set(relation_starts)
        ),
        start_relation_interaction={
            r: _or(getattr(relation_starts.get(r), "interaction", None), interaction)
            for r in relations
        },
        start_relation_phase={
            r: relation_starts[r].phase
            for r in relations
            if r in relation_starts and relation_starts[r].phase is not None
        },
        tuning=tuning,
    )


def _role_fit_table(tuning: Tuning) -> dict[tuple[InitiativeOwner, CitizenRelation], dict]:
    """The default owner × relation table with the scenario's overrides of single cells."""
    table = {key: dict(row) for key, row in DEFAULT_ROLE_FIT.items()}
    for owner in InitiativeOwner:
        per_relation = getattr(tuning.role_fit, owner.value)
        if per_relation is None:
            continue
        for relation in CitizenRelation:
            overrides = getattr(per_relation, relation.value)
            if overrides is not None:
                table[(owner, relation)].update(overrides.items())
    return table


def _channel_infos(scenario: Scenario) -> dict[str, ChannelInfo]:
    """Every channel with its fit per purpose: the survey's profile, the scenario's overrides."""
    tuning = scenario.tuning
    channels: dict[str, ChannelInfo] = {}
    for channel in scenario.channels:
        fit = dict.fromkeys(Purpose, 0.0)
        if channel.survey_profile is not None:
            fit.update(survey_fit(channel.survey_profile))
            override = tuning.channel_fit.get(channel.survey_profile)
            if override is not None:
                fit.update(override.items())
        fit.update(channel.fit.items())
        channels[channel.id] = ChannelInfo(
            id=channel.id,
            name=channel.name.pair(),
            level=channel.interaction,
            level_factor=LEVEL_FACTOR[channel.interaction],
            cost=channel.cost,
            open_cost=channel.open_cost,
            audience=float(channel.audience),
            requires=channel.requires,
            fit=fit,
            online=channel.online,
            others_platform=channel.others_platform,
        )
    return channels


def _initiative_infos(
    scenario: Scenario,
    table: dict[tuple[InitiativeOwner, CitizenRelation], dict],
    channels: dict[str, ChannelInfo],
) -> dict[str, InitiativeInfo]:
    """Every initiative with its role fit, best roles, channel fits and sentence parameters."""
    stages = _arc_stages(scenario)
    initiatives: dict[str, InitiativeInfo] = {}
    for initiative in scenario.initiatives:
        unfolds = initiative.unfolds
        fits = dict(table[(initiative.owner, initiative.relation)])
        if initiative.role_fit is not None:
            fits.update(initiative.role_fit.items())
        top = max(fits.values())
        best_roles = tuple(r for r in MunicipalRole if fits[r] == top)
        owner_phrase = OWNER_PHRASES[initiative.owner]
        relation_phrase = RELATION_PHRASES[initiative.relation]
        title = initiative.title.pair()
        initiatives[initiative.id] = InitiativeInfo(
            id=initiative.id,
            title=title,
            owner=initiative.owner,
            owner_phrase=owner_phrase,
            relation=initiative.relation,
            community=initiative.owner is InitiativeOwner.COMMUNITY,
            purposes=tuple(initiative.purposes),
            weight=initiative.weight,
            fit={role: fits[role] / 100 for role in MunicipalRole},
            best=best_roles,
            channel_fits=tuple(
                (c, tuple(c.fit[p] for p in initiative.purposes)) for c in channels.values()
            ),
            unfolds=None
            if unfolds is None
            else Unfold(unfolds.after, unfolds.grows, unfolds.withers),
            stage=stages.get(initiative.id, 1),
            possible_channel_fit=_possible_channel_fit(initiative.purposes, channels),
            relation_phrase=relation_phrase,
            said={
                role: {
                    "title": title,
                    "role": role,
                    "owner": owner_phrase,
                    "relation": relation_phrase,
                    "best": best_roles,
                    "fit": int(fits[role] + 0.5),
                }
                for role in MunicipalRole
            },
        )
    return initiatives


def _possible_channel_fit(purposes: list[Purpose], channels: dict[str, ChannelInfo]) -> float:
    """How well the scenario's best channels together could serve the purposes (0–1)."""
    if not purposes or not channels:
        return 0.0
    return sum(min(100.0, max(c.fit[p] for c in channels.values())) for p in purposes) / (
        100.0 * len(purposes)
    )


def _role_rules(tuning: Tuning) -> dict[MunicipalRole, RoleRule]:
    """What each role asks: readiness and its weights (summing to 1), hours, a stumble's rest."""
    roles = {}
    for role in MunicipalRole:
        demand = tuning.roles.for_role(role)
        weights = demand.weights.items()
        total = sum(w for _, w in weights) or 1.0
        roles[role] = RoleRule(
            readiness=demand.readiness,
            weights=tuple(
                (ind, w / total) for ind, w in weights if ind is not Indicator.INTERACTION
            ),
            interaction_weight=sum(w for ind, w in weights if ind is Indicator.INTERACTION) / total,
            cost=demand.cost,
            stumble=demand.stumble,
        )
    return roles


def _or(value: float | None, default: float) -> float:
    return default if value is None else float(value)


def _arc_stages(scenario: Scenario) -> dict[str, int]:
    """Each initiative's stage in its arc: 1 for a start, 2 for what it unfolds into, …

    The cross-reference pass refuses cycles, so following the links always ends.
    """
    nexts: dict[str, list[str]] = {}
    for initiative in scenario.initiatives:
        if initiative.unfolds is not None:
            nexts[initiative.id] = [
                n for n in (initiative.unfolds.grows, initiative.unfolds.withers) if n
            ]
    targets = {n for ns in nexts.values() for n in ns}
    stages: dict[str, int] = {}
    frontier = [(i, 1) for i in nexts if i not in targets]
    while frontier:
        initiative_id, stage = frontier.pop()
        if stages.get(initiative_id, 0) >= stage or stage > len(scenario.initiatives):
            continue
        stages[initiative_id] = stage
        frontier.extend((n, stage + 1) for n in nexts.get(initiative_id, ()))
    return stages


def _requirements(thresholds: Thresholds) -> tuple[Requirement, ...]:
    reqs = [
        Requirement("indicator", ind, None, value, 1 if ind is Indicator.INTERACTION else 0)
        for ind, value in thresholds.indicators.items()
    ]
    if thresholds.fit_record is not None:
        reqs.append(Requirement("fit_record", None, None, thresholds.fit_record, 2))
    if thresholds.stage_at_least is not None:
        stage = thresholds.stage_at_least
        reqs.append(Requirement("stage", None, stage, stage.level, 3))
    if thresholds.roles_mastered is not None:
        reqs.append(Requirement("roles", None, None, thresholds.roles_mastered, 4))
    for role in thresholds.roles_required or ():
        reqs.append(Requirement("role", None, None, 1.0, 7, role))
    if thresholds.channel_record is not None:
        reqs.append(Requirement("channel_record", None, None, thresholds.channel_record, 6))
    if thresholds.phase_at_least is not None:
        reqs.append(Requirement("phase", None, None, thresholds.phase_at_least.level, 5))
    return tuple(reqs)


def channel_use(rules: CompiledRules, info: InitiativeInfo, chosen: tuple[str, ...]) -> ChannelUse:
    """What ``chosen`` channels mean for one initiative; worked out once, then looked up."""
    key = (info.id, chosen)
    use = rules.channel_uses.get(key)
    if use is not None:
        return use
    infos = tuple(rules.channels[c] for c in chosen)
    top = max(infos, key=lambda c: c.level_factor)
    bonus = rules.tuning.others_platform_bonus
    use = ChannelUse(
        infos=infos,
        top=top,
        names=tuple(c.name for c in infos),
        online=tuple(c.name for c in infos if c.online),
        others=tuple(c.name for c in infos if c.others_platform),
        base=tuple(max(c.fit[p] for c in infos) for p in info.purposes),
        conversing_base=tuple(
            max(c.fit[p] + (bonus if c.others_platform else 0.0) for c in infos)
            for p in info.purposes
        ),
    )
    rules.channel_uses[key] = use
    return use


def best_channels(
    rules: CompiledRules,
    initiative_id: str,
    limit: int = 2,
    usable: Callable[[str], bool] | None = None,
) -> tuple[str, ...]:
    """The channels that serve an initiative's purposes best, judged on fit alone.

    What the debrief holds a decision against: for each added channel the one that raises the
    purpose fit most, while it still adds at least ``BEST_CHANNEL_MIN_GAIN`` (0–1); hours and
    availability are left out on purpose, since the lesson is which channel suits which
    purpose. ``usable`` narrows the choice (the advice: only channels that could be used then).
    """
    info = rules.initiatives[initiative_id]
    if not info.purposes:
        return ()
    have = [0.0] * len(info.purposes)
    chosen: list[str] = []
    for _ in range(limit):
        best_id, best_gain, best_fits = None, BEST_CHANNEL_MIN_GAIN, ()
        for channel, fits in info.channel_fits:
            if channel.id in chosen or (usable is not None and not usable(channel.id)):
                continue
            gain = sum(max(0.0, f - h) for f, h in zip(fits, have, strict=True))
            gain /= 100.0 * len(have)
            if gain > best_gain:
                best_id, best_gain, best_fits = channel.id, gain, fits
        if best_id is None:
            break
        chosen.append(best_id)
        have = [max(f, h) for f, h in zip(best_fits, have, strict=True)]
    return tuple(chosen)


# A second channel is only "best" when it adds this much purpose fit (0–1).
BEST_CHANNEL_MIN_GAIN = 0.12
