"""How well channels serve an initiative's purposes, and the dialogue they carry in its relation.

Channels must suit the initiative's purposes to build interaction in its relation (MODEL.md
§7.4); in a relation that is conversing or further, channels on others' platforms count extra.
"""

from __future__ import annotations

from game.domain import CitizenRelation, Purpose
from game.sim.conditions import PHASE_LEVEL
from game.sim.rules import ChannelUse, CompiledRules, InitiativeInfo, channel_use
from game.sim.state import GameState


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
    return fit, fit * relative * use.top.level_factor


def channels_fit(
    state: GameState, rules: CompiledRules, info: InitiativeInfo, chosen: tuple[str, ...]
) -> tuple[float, float]:
    """(purpose fit, dialogue) of ``chosen`` channels for an initiative, as the round would
    count them: for planning bots and the decision screen."""
    use = channel_use(rules, info, chosen)
    conversing = PHASE_LEVEL[state.relation_phase[info.relation]] >= 3
    return fit_of_use(state, info, use, conversing)
