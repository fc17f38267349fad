"""Helpers shared by the tests that play whole games: what every finished game holds, and what
a game's scenario may not refer to."""

from __future__ import annotations

import math

from game.scenario.models import Scenario
from game.sim import GameState
from game.sim.score import score


def dangling(played: Scenario) -> list[str]:
    """Every reference of a game's scenario to an initiative it does not have."""
    ids = {i.id for i in played.initiatives}
    found = [
        f"{i.id}.unfolds → {ref}"
        for i in played.initiatives
        if i.unfolds is not None
        for ref in (i.unfolds.grows, i.unfolds.withers)
        if ref is not None and ref not in ids
    ]
    found += [
        f"{e.id}.add_initiatives → {ref}"
        for e in played.events
        for ref in e.effects.add_initiatives
        if ref not in ids
    ]
    return found


def assert_sound_end(state: GameState, played: Scenario) -> None:
    """What every finished game holds, whoever played it."""
    assert state.finished
    assert [record.round for record in state.history] == list(range(1, played.rounds + 1))
    ids = {i.id for i in played.initiatives}
    assert set(state.initiatives_seen) <= ids
    stages = {o.next_stage for r in state.history for o in r.outcomes if o.next_stage}
    assert stages <= ids
    assert state.unfolding == (), "a stage waits for a round that never comes"
    for record in state.history:
        assert set(record.initiatives) <= ids
        assert {d.initiative for d in record.decisions.initiatives} == set(record.initiatives)
    assert all(0.0 <= v <= 100.0 for v in state.indicators.values())
    assert all(0.0 <= v <= 100.0 for v in state.relation_interaction.values() if v is not None)
    assert math.isfinite(score(state).total)
