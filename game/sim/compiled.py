"""The compiled rules: what the engine and the bots look up in their hot loops.

Plain named tuples and dicts, built once per scenario by ``rules.compile_rules`` from its content
and the documented defaults, and never changed after (only the memos in ``CompiledRules`` fill
as games need them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

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
from game.scenario.models import Condition, DevelopmentAction, Event, Initiative, Tuning


class Requirement(NamedTuple):
    """One part of a phase or stage threshold, compiled."""

    kind: str  # "indicator", "fit_record", "stage", "roles", "phase", "channel_record", "role"
    indicator: Indicator | None
    stage: CompetenceStage | None
    value: float
    # For the hot loop: 0 an indicator, 1 interaction, 2 the track record, 3 stage, 4 roles,
    # 5 the overall growth phase, 6 the channel record, 7 one role mastered.
    code: int = 0
    # For a "role" requirement: the role that must have been played well.
    role: MunicipalRole | None = None


class RoleRule(NamedTuple):
    """What a role asks: readiness from the organisation's indicators and the relation's
    interaction (weights sum to 1), its hours, and what is left after a stumble."""

    readiness: float
    weights: tuple[tuple[Indicator, float], ...]
    interaction_weight: float
    cost: int
    stumble: float


class Unfold(NamedTuple):
    after: int
    grows: str | None
    withers: str | None


class InitiativeInfo(NamedTuple):
    """An initiative with its role fit worked out, ready for the hot loop."""

    id: str
    title: Bilingual
    owner: InitiativeOwner
    # "your own initiative" or "a community initiative": reads right for any kind of organisation.
    owner_phrase: Bilingual
    relation: CitizenRelation
    community: bool
    purposes: tuple[Purpose, ...]
    weight: float
    fit: dict[MunicipalRole, float]
    best: tuple[MunicipalRole, ...]
    # Every channel with its fit (0–100) for each of this initiative's purposes, in order.
    channel_fits: tuple[tuple[ChannelInfo, tuple[float, ...]], ...]
    unfolds: Unfold | None
    # Its place in an arc of stages: 1 for an initiative that arrives by itself.
    stage: int
    # How well the scenario's best channels together could serve the purposes (0–1): what a
    # team that picks the fitting channel for every purpose reaches, whatever it has opened.
    possible_channel_fit: float
    # "residents as customers", for sentences.
    relation_phrase: Bilingual
    # Per role, the parameters of the sentences about it (never changed, so shared by effects).
    said: dict[MunicipalRole, dict[str, Any]]


class ChannelUse(NamedTuple):
    """What a set of channels means for one initiative, worked out once per game (a memo)."""

    infos: tuple[ChannelInfo, ...]
    top: ChannelInfo
    names: tuple[Bilingual, ...]
    online: tuple[Bilingual, ...]
    others: tuple[Bilingual, ...]
    # Per purpose, the best channel's fit (0–100), without and with the others' platform bonus.
    base: tuple[float, ...]
    conversing_base: tuple[float, ...]


class ChannelInfo(NamedTuple):
    """A channel with its per-purpose fit worked out (0–100)."""

    id: str
    name: Bilingual
    level: InteractionLevel
    level_factor: float
    cost: int
    open_cost: int
    audience: float
    requires: Condition | None
    fit: dict[Purpose, float]
    online: bool
    others_platform: bool


@dataclass(frozen=True, slots=True)
class CompiledRules:
    """Everything the engine and the bots look up in their hot loops, as plain dicts and tuples."""

    initiatives: dict[str, InitiativeInfo]
    channels: dict[str, ChannelInfo]
    # (initiative, channels) → ChannelUse, filled as games use them.
    channel_uses: dict[tuple[str, tuple[str, ...]], ChannelUse]
    # Parameters of explanations that recur (a key of what they say → the dict): effects share
    # them, since nothing ever changes an effect's parameters. Filled as games need them.
    said: dict[tuple[Any, ...], dict[str, Any]]
    # What bots work out again and again from the same inputs (channel options per initiative).
    bot_memo: dict[tuple[Any, ...], Any]
    # (initiative, role, went well) → what the role brings it; the same in every game.
    role_results: dict[tuple[str, MunicipalRole, bool], Any]
    # (initiative, channels, conversing, purpose bonus) → what the channels do for it.
    channel_results: dict[tuple[Any, ...], Any]
    # What a step of a round does that is the same in every game, worked out the first time:
    # (initiative, role, went well, prediction, channels[, conversing, purpose bonus]) → the
    # initiative's ``initiative._Plan``; ("action", action, relations) → an action's pulls.
    plans: dict[tuple[Any, ...], Any]
    # (relations, their phases) → the overall phase (``phases.overall_phase``).
    overall: dict[tuple[Any, ...], GrowthPhase]
    # The scenario's id → where each of its games starts, before round 1's news (a state that
    # is only ever cloned).
    starts: dict[str, Any]
    actions: dict[str, DevelopmentAction]
    titles: dict[str, Bilingual]
    # Why each trap action is one, shown when a team buys it anyway.
    traps: dict[str, Bilingual]
    rounds: int
    cheapest_role_cost: int
    events: tuple[Event, ...]
    events_by_id: dict[str, Event]
    # Per round, the events that may happen in it, in the scenario's order: its scripted ones
    # and every conditional one (the dice are rolled in this order).
    events_by_round: dict[int, tuple[Event, ...]]
    scheduled: dict[int, tuple[str, ...]]
    conditional_initiatives: tuple[Initiative, ...]
    roles: dict[MunicipalRole, RoleRule]
    # The citizen relations this scenario is about (those its initiatives meet), in fixed order.
    relations: tuple[CitizenRelation, ...]
    # Per phase level (index 2–4), how many relations must be there for the whole organisation.
    # The relations the game is sure to be about: those its scheduled cards meet and those
    # the scenario starts further along. Others count for the overall phase once a card met them.
    core_relations: frozenset[CitizenRelation]
    start_relation_interaction: dict[CitizenRelation, float]
    start_relation_phase: dict[CitizenRelation, GrowthPhase]
    phase_requirements: tuple[tuple[Requirement, ...], ...]
    # The same, split: what each relation must reach itself (interaction, track record), as
    # (requirement, on interaction (else the track record), threshold), read for every relation
    # every round; and what the organisation as a whole must (checked once a round).
    phase_own_checks: tuple[tuple[tuple[Requirement, bool, float], ...], ...]
    phase_shared: tuple[tuple[Requirement, ...], ...]
    stage_requirements: tuple[tuple[Requirement, ...], ...]
    drift: tuple[tuple[Indicator, float], ...]
    start_indicators: dict[Indicator, float]
    tuning: Tuning
