"""Every length of every shipped scenario deals every role (issue 18, "every kind of role the
table asks for appears in every length of every scenario").

Counted only on what a game of that length deals for certain: the scheduled initiatives the
length keeps. News, conditions and next stages depend on play, so they do not count.
"""

from __future__ import annotations

import pytest

from game.domain import GameLength, MunicipalRole
from game.scenario.loader import SCENARIO_DIR, load_scenario
from game.sim.length import played_scenario, selection
from game.sim.rules import compile_rules

SCENARIOS = sorted(path.stem for path in SCENARIO_DIR.glob("*.yaml"))


@pytest.mark.parametrize("length", list(GameLength))
@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_length_deals_a_card_for_every_role(scenario_id: str, length: GameLength) -> None:
    whole = load_scenario(scenario_id)
    played = played_scenario(whole, length)
    kept = selection(whole, length).initiatives
    rules = compile_rules(played)
    dealt = {
        role
        for initiative in played.initiatives
        if initiative.round is not None and initiative.id in kept
        for role in rules.initiatives[initiative.id].best
    }
    missing = sorted(role.value for role in set(MunicipalRole) - dealt)
    assert not missing, f"{scenario_id} ({length.value}): no certain card where these fit best"
