"""The core rewards what the model teaches: choosing the fitting role beats any fixed habit."""

from __future__ import annotations

from statistics import mean

import pytest

from game.domain import MunicipalRole
from game.scenario.models import Scenario
from game.sim import STRATEGIES, Bot, check_decisions, new_game, play, resolve_round, score

SEEDS = range(40)


@pytest.fixture(scope="module")
def results(default_scenario: Scenario) -> dict[str, list]:
    return {s: [play(default_scenario, seed, s) for seed in SEEDS] for s in STRATEGIES}


def test_best_reaches_a_higher_phase_than_every_fixed_role_and_random(results) -> None:
    best = mean(state.phase.level for state in results["best"])
    for strategy, states in results.items():
        if strategy == "best":
            continue
        assert best > mean(state.phase.level for state in states), strategy


def test_best_scores_higher_than_every_other_strategy(results) -> None:
    best = mean(score(state).total for state in results["best"])
    for strategy, states in results.items():
        if strategy != "best":
            assert best > mean(score(state).total for state in states) + 50, strategy


def test_best_grows_at_least_two_phases_and_no_fixed_role_reaches_phase_four(results) -> None:
    assert mean(state.phase.level for state in results["best"]) >= 3
    for role in MunicipalRole:
        assert max(state.phase.level for state in results[role.value]) < 4, role


def test_fixed_role_bots_play_only_their_role(results) -> None:
    for role in MunicipalRole:
        for state in results[role.value][:3]:
            roles = {d.role for r in state.history for d in r.decisions.initiatives}
            assert roles == {role}


def test_bots_only_make_valid_decisions(default_scenario: Scenario) -> None:
    for strategy in STRATEGIES:
        bot = Bot(strategy, 9)
        state = new_game(default_scenario, 9)
        rng = state.rng()
        while not state.finished:
            decisions = bot.decide(state, default_scenario)
            assert check_decisions(state, decisions, default_scenario) == []
            state, _ = resolve_round(state, decisions, default_scenario, rng)


def test_unknown_strategy_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown strategy"):
        Bot("lucky", 1)
