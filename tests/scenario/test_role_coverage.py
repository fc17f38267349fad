"""The roles the shipped scenarios deal: every length deals every role (issue 18, "every kind of
role the table asks for appears in every length of every scenario"), and taking part never fits
the organisation's own initiative.

A length is judged only on what a game of that length deals for certain: the scheduled
initiatives it keeps. News, conditions and next stages depend on play, so they do not count.
"""

from __future__ import annotations

import pytest

from game.domain import GameLength, InitiativeOwner, MunicipalRole
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


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_taking_part_never_fits_the_organisations_own_initiative(scenario_id: str) -> None:
    """Participating is joining what others started (MODEL.md §3): no override may make it
    fit (70 or more) for an initiative the organisation took itself."""
    scenario = load_scenario(scenario_id)
    rules = compile_rules(scenario)
    own = [i for i in scenario.initiatives if i.owner is InitiativeOwner.MUNICIPALITY]
    participating = MunicipalRole.PARTICIPATING
    fitting = [i.id for i in own if rules.initiatives[i.id].fit[participating] >= 0.7]
    assert not fitting, f"{scenario_id}: taking part fits these own initiatives"
