"""How well channels serve an initiative's purposes, and the dialogue they carry in its relation.

Channels must suit the initiative's purposes to build interaction in its relation (MODEL.md
§7.4); in a relation that is conversing or further, channels on others' platforms count extra.
"""

from __future__ import annotations

from typing import NamedTuple

from game.domain import Bilingual, CitizenRelation, Indicator, Purpose
from game.sim.changes import Pull, RoundChanges, new
from game.sim.conditions import PHASE_LEVEL
from game.sim.effects import Effect, ParamValue
from game.sim.rules import ChannelUse, CompiledRules, InitiativeInfo, channel_use
from game.sim.state import GameState

_TRUST = Indicator.TRUST
_AWARENESS = Indicator.AWARENESS
_INTERACTION = Indicator.INTERACTION
# Trust from channels: above this purpose fit people find you, below it they do not.
CHANNEL_TRUST_PIVOT = 0.4
CHANNEL_TRUST_GAIN = 3.0


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


# What the channels still carry for a relation when the role achieved nothing: a misfit
# still talks with people.
ROLE_FLOOR = 0.8
# How strongly the dialogue follows the fit against what the scenario's channels could do.
RELATIVE_WEIGHT = 1


def fit_of_use(
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
    return fit, fit * relative**RELATIVE_WEIGHT * use.top.level_factor


def channels_fit(
    state: GameState, rules: CompiledRules, info: InitiativeInfo, chosen: tuple[str, ...]
) -> tuple[float, float]:
    """(purpose fit, dialogue) of ``chosen`` channels for an initiative, as the round would
    count them: for planning bots and the decision screen."""
    use = channel_use(rules, info, chosen)
    conversing = PHASE_LEVEL[state.relation_phase[info.relation]] >= 3
    return fit_of_use(state, info, use, conversing)


# --- Channels in a round: what they do for one initiative ----------------------------------


class ChannelResult(NamedTuple):
    """What channels do for an initiative, whatever the game: worked out once per initiative,
    channels, conversing and purpose bonus (``CompiledRules.channel_results``)."""

    use: ChannelUse
    fit: float
    dialogue: float
    said: dict[str, ParamValue]
    # Trust from people finding you, and awareness from being online.
    pulls: tuple[Pull, ...]
    # The interaction gain before reach and what the role achieved (gains × dialogue), its
    # sentence, the audiences' total when full, and how much each audience grows.
    carried: float
    spoken: str
    full: float
    growth: float
    # Each channel's id and the audience it starts with, read in the round's loops.
    audiences: tuple[tuple[str, float], ...]


def channel_result(
    s: GameState, info: InitiativeInfo, chosen: tuple[str, ...], rules: CompiledRules
) -> ChannelResult:
    """What ``chosen`` channels (at least one) do for an initiative with purposes, as the
    relation's phase and the purpose bonus stand (a memo: the same in every game)."""
    conversing = PHASE_LEVEL[s.relation_phase[info.relation]] >= 3
    bonus = s.purpose_bonus
    key = (info.id, chosen, conversing, tuple(bonus.items()) if bonus else ())
    result = rules.channel_results.get(key)
    if result is None:
        result = rules.channel_results[key] = _channel_result(s, info, chosen, conversing, rules)
    return result


def no_channel(info: InitiativeInfo, rules: CompiledRules, work: RoundChanges) -> None:
    """No channel for an initiative with purposes: interaction in its relation drops."""
    memo = ("no_channel", info.id)
    silent = rules.said.get(memo)
    if silent is None:
        silent = rules.said[memo] = {
            "title": info.title,
            "purposes": info.purposes,
            "relation": info.relation_phrase,
        }
    drop = -1.5 * info.weight
    work.pull_relation("initiative", info.id, info.relation, drop, "no_channel", silent)


def _channel_result(
    s: GameState,
    info: InitiativeInfo,
    chosen: tuple[str, ...],
    conversing: bool,
    rules: CompiledRules,
) -> ChannelResult:
    """How well the channels suit the purposes, the dialogue they carry, and the trust and
    awareness they bring."""
    use = channel_use(rules, info, chosen)
    channel_fit, dialogue = fit_of_use(s, info, use, conversing)
    used = _channels_said(rules, info, chosen, use, channel_fit, conversing)
    weight = info.weight
    found = CHANNEL_TRUST_GAIN * (channel_fit - CHANNEL_TRUST_PIVOT) * weight
    key = "channels_trust_up" if found > 0 else "channels_trust_down"
    brought: tuple[Pull, ...] = ((_TRUST, found, key, used),)
    if use.online:
        online = (_AWARENESS, rules.tuning.gains.awareness * weight, "awareness_online", used)
        brought = (*brought, online)
    carried = rules.tuning.gains.interaction * dialogue
    spoken = "channels_interaction_others" if used["others"] else "channels_interaction"
    full = 100.0 * len(use.infos)
    growth = 2.0 + 4.0 * channel_fit
    audiences = tuple((c.id, c.audience) for c in use.infos)
    return ChannelResult(
        use, channel_fit, dialogue, used, brought, carried, spoken, full, growth, audiences
    )


def _channels_said(
    rules: CompiledRules,
    info: InitiativeInfo,
    chosen: tuple[str, ...],
    use: ChannelUse,
    channel_fit: float,
    conversing: bool,
) -> dict[str, ParamValue]:
    """The parameters of the sentences about the channels, shared by every game that says them."""
    cfit = int(channel_fit * 100 + 0.5)
    memo = (info.id, chosen, cfit, conversing)
    used = rules.said.get(memo)
    if used is None:
        used = rules.said[memo] = {
            "title": info.title,
            "channels": use.names,
            "others": use.others if conversing else (),
            "purposes": info.purposes,
            "cfit": cfit,
            "level": use.top.level,
            "relation": info.relation_phrase,
            "online": use.online,
        }
    return used


def channels_at_work(
    s: GameState,
    info: InitiativeInfo,
    quality: float,
    result: ChannelResult,
    work: RoundChanges,
) -> None:
    """Interaction in the relation: the dialogue the channels carry, as far as they reach
    people and the role (``quality``) achieved something; then the channels used grow their
    audience, the more the better they suit, and a new one is opened. Their trust and
    awareness are pulls the caller applies (``ChannelResult.pulls``)."""
    audiences = s.channels
    channels = result.audiences
    audience = 0.0
    for channel_id, start in channels:
        audience += audiences.get(channel_id, start)
    reach = 0.6 + 0.4 * audience / result.full
    # The channels carry the conversation whatever the role; a role that did not fit or went
    # wrong carries less of it (ROLE_FLOOR: 80%).
    achieved = ROLE_FLOOR + (1.0 - ROLE_FLOOR) * quality if quality > 0.0 else ROLE_FLOOR
    gain = result.carried * reach * achieved * info.weight
    effects = work.effects
    if gain > 0.0:
        relation = info.relation
        relation_targets = s.relation_targets
        target = relation_targets[relation]
        gain *= 1.0 - work.saturation * target
        work.fed_relations.add(relation)
        target += gain
        relation_targets[relation] = 100.0 if target > 100.0 else target
        effect = ("initiative", info.id, _INTERACTION, gain, result.spoken, result.said)
        effects.append(new(Effect, effect))
    growth = result.growth
    for channel_id, start in channels:
        audience = audiences.get(channel_id)
        if audience is None:
            audience = start
            opened = {"channel": _channel_name(result, channel_id)}
            effects.append(
                new(Effect, ("initiative", info.id, channel_id, 0.0, "channel_opened", opened))
            )
        audience += growth
        audiences[channel_id] = 100.0 if audience > 100.0 else audience


def _channel_name(result: ChannelResult, channel_id: str) -> Bilingual:
    """A chosen channel's name (a channel opened: rare, so looked for)."""
    return next(c.name for c in result.use.infos if c.id == channel_id)
