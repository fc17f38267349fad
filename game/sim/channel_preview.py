"""How well channels serve an initiative's purposes, before the team chooses them.

The decision card shows, per channel, how well it alone serves this initiative's purposes, and
how well the chosen channels serve them together. Both numbers are the engine's own
(``purpose_fit`` and ``channels_fit``) for the state the round will resolve from: initiatives
resolve before the round's development actions, and a relation's phase moves only after every
initiative, so what the card shows is what the outcome will count.
"""

from __future__ import annotations

from typing import NamedTuple

from game.domain import Purpose
from game.scenario.models import Scenario
from game.sim.engine import channels_fit, purpose_fit
from game.sim.rules import compile_rules
from game.sim.state import GameState
from game.sim.verdict import WELL_CHANNEL_FIT

__all__ = ["WELL_CHANNEL_FIT", "ChannelFit", "channel_fits", "chosen_fit", "percent"]


class ChannelFit(NamedTuple):
    """One channel for one initiative: its purpose fit (0–1), and per purpose (0–1)."""

    channel: str
    fit: float
    per_purpose: tuple[tuple[Purpose, float], ...]


def percent(fit: float) -> int:
    """A fit (0–1) as a whole percentage, rounded as the outcome rounds it."""
    return int(fit * 100 + 0.5)


def channel_fits(state: GameState, scenario: Scenario, initiative_id: str) -> dict[str, ChannelFit]:
    """Per channel of the scenario, how well it alone serves the initiative's purposes.

    Empty for an initiative without purposes: it needs no channel, and the engine counts none.
    """
    rules = compile_rules(scenario)
    info = rules.initiatives[initiative_id]
    if not info.purposes:
        return {}
    relation = info.relation
    fits = {}
    for channel in scenario.channels:
        alone = (channel.id,)
        fits[channel.id] = ChannelFit(
            channel.id,
            purpose_fit(state, rules, info.purposes, alone, relation),
            tuple(
                (purpose, purpose_fit(state, rules, (purpose,), alone, relation))
                for purpose in info.purposes
            ),
        )
    return fits


def chosen_fit(
    state: GameState, scenario: Scenario, initiative_id: str, chosen: tuple[str, ...]
) -> float | None:
    """How well the ``chosen`` channels serve the purposes together (0–1), as the round counts
    it: 0 when none is chosen (those who wanted to take part hear nothing), None when the
    initiative has no purposes (it needs no channel, and the round counts none)."""
    rules = compile_rules(scenario)
    info = rules.initiatives[initiative_id]
    if not info.purposes:
        return None
    if not chosen:
        return 0.0
    return channels_fit(state, rules, info, chosen)[0]
