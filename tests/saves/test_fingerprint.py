"""The fingerprint a save keeps of its game: the same however it is computed, blind to how
effects are worded, and telling every number and choice apart."""

from __future__ import annotations

import json

import pytest

from game.saves.fingerprint import fingerprint, fingerprint_of, without_wording
from game.saves.replay import Mismatch
from game.scenario.models import Scenario
from game.sim import GameState, new_game, play
from game.sim.facilitator import inject_event, injectable_events, record, skip_round
from game.sim.interventions import InterventionKind
from tests.helpers.saves import played


def _with_steps(scenario: Scenario, seed: int) -> GameState:
    state = played(scenario, seed, 2)
    state = record(state, InterventionKind.PAUSE)
    state, _ = inject_event(state, scenario, injectable_events(state, scenario)[0].id)
    state, _ = skip_round(state, scenario, state.rng())
    return state


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_game_and_its_format_7_state_give_the_same_fingerprint(
    default_scenario: Scenario, seed: int
) -> None:
    """The fingerprint of a live game (new saves) and of the state a format-7 file held (read
    back from JSON, with its sentences) are one: otherwise every upgraded save would fail."""
    for state in (
        new_game(default_scenario, seed),
        played(default_scenario, seed, 4, "random"),
        _with_steps(default_scenario, seed),
        play(default_scenario, seed, "best"),
    ):
        from_file = json.loads(json.dumps(state.to_dict()))
        assert fingerprint_of(without_wording(from_file)) == fingerprint(state)


def test_wording_does_not_count_but_every_number_does(default_scenario: Scenario) -> None:
    state = played(default_scenario, 5, 3, "random")
    game = json.loads(json.dumps(state.to_dict()))
    first = game["history"][0]["effects"][0]
    first["key"], first["params"] = "said_otherwise", {"x": "y"}
    assert fingerprint_of(without_wording(game)) == fingerprint(state)
    first["delta"] += 0.001
    changed = fingerprint_of(without_wording(game))
    assert changed["rounds"][0]["digest"] != fingerprint(state)["rounds"][0]["digest"]
    assert changed["rounds"][1:] == fingerprint(state)["rounds"][1:]
    assert changed["digest"] != fingerprint(state)["digest"]


def test_the_generator_state_counts(default_scenario: Scenario) -> None:
    state = played(default_scenario, 5, 3, "random")
    other = state.clone()
    other.rng_state += 1
    assert fingerprint(other)["rounds"] == fingerprint(state)["rounds"]
    assert fingerprint(other)["digest"] != fingerprint(state)["digest"]


def test_a_mismatch_says_where_in_both_languages() -> None:
    number = Mismatch(2, "indicators.trust", 99.0, 51.5)
    assert number.explain("en").endswith(
        "First difference: round 2, indicators.trust: saved 99.0, replayed 51.5."
    )
    assert number.explain("nl").endswith(
        "Eerste verschil: ronde 2, indicators.trust: opgeslagen 99.0, opnieuw gespeeld 51.5."
    )
    assert "round 3: its news, outcomes or effects" in Mismatch(3, "").explain("en")
    assert "ronde 3: het nieuws" in Mismatch(3, "").explain("nl")
    assert "after its last round" in Mismatch(None, "").explain("en")
    assert "na de laatste ronde" in Mismatch(None, "").explain("nl")
