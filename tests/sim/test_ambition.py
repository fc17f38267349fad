"""The group's ambition per relation (issue 21): set before round 1 only, kept through saves and
replays, and held against where each relation ended."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.domain import CitizenRelation, GrowthPhase
from game.results import build_results
from game.results.models import ResultsFile
from game.saves import SaveStore
from game.scenario.loader import load_scenario
from game.sim import Bot, new_game, resolve_round
from game.sim.ambition import AmbitionRefused, ambition_review, set_ambition

AIMS = {
    CitizenRelation.CUSTOMER: GrowthPhase.COLLABORATING,
    CitizenRelation.VOTER: GrowthPhase.CONVERSING,
    CitizenRelation.PARTNER: None,
}


def _played(aims) -> tuple:
    scenario = load_scenario()
    state = set_ambition(new_game(scenario, 4), aims)
    rng, bot = state.rng(), Bot("random", 4)
    while not state.finished:
        state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
    return scenario, state


def test_an_ambition_is_set_before_round_1_only_and_changes_nothing_in_the_play() -> None:
    scenario = load_scenario()
    start = new_game(scenario, 4)
    aimed = set_ambition(start, AIMS)
    assert aimed.ambition == {
        CitizenRelation.CUSTOMER: GrowthPhase.COLLABORATING,
        CitizenRelation.VOTER: GrowthPhase.CONVERSING,
    }
    assert start.ambition == {}  # a new state; the old one is untouched
    bot = Bot("best", 4)
    plain, _ = resolve_round(start, bot.decide(start, scenario), scenario, start.rng())
    with_aim, _ = resolve_round(aimed, bot.decide(aimed, scenario), scenario, aimed.rng())
    assert with_aim.to_dict() | {"ambition": {}} == plain.to_dict()
    with pytest.raises(AmbitionRefused, match="before round 1"):
        set_ambition(with_aim, AIMS)


def test_the_review_holds_each_aim_against_the_phase_reached() -> None:
    _, state = _played(AIMS)
    lines = ambition_review(state)
    assert [line.relation for line in lines] == [CitizenRelation.CUSTOMER, CitizenRelation.VOTER]
    for line in lines:
        assert line.reached is state.relation_phase[line.relation]
        assert line.gap == line.reached.level - line.aimed.level
    assert lines[0].gap < 0  # a random game does not reach collaborating with customers


def test_the_ambition_survives_a_save_and_goes_into_the_results(tmp_path: Path) -> None:
    scenario, state = _played(AIMS)
    store = SaveStore(tmp_path)
    path = store.autosave(state, scenario, "Rood", "0123456789abcdef")
    loaded = store.load(path, lambda _id: scenario)
    assert loaded.state.ambition == state.ambition
    document = ResultsFile.model_validate(
        build_results(state, scenario, "Rood", "0123456789abcdef", "full")
    )
    assert document.final.ambition == state.ambition
