"""Balance of every shipped scenario, checked with the core's bots over 200 seeds (issue 5).

- the ``best`` bot ends at least two phases above where it started, or in phase 4, in every seed;
- ``random`` and every fixed-role bot end lower than ``best`` on average;
- no fixed role ever reaches phase 4;
- every development action is bought by ``best`` in some seed, unless it is documented as a trap.

About 6,000 games: slow, so marked; CI runs it.
"""

from __future__ import annotations

from statistics import mean

import pytest

from game.domain import MunicipalRole
from game.scenario.loader import SCENARIO_DIR, load_scenario
from game.sim import STRATEGIES, GameState, new_game, play, score

SEEDS = range(200)
SCENARIOS = sorted(path.stem for path in SCENARIO_DIR.glob("*.yaml"))

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=SCENARIOS)
def games(request: pytest.FixtureRequest) -> tuple[str, int, dict[str, list[GameState]]]:
    scenario = load_scenario(request.param)
    start = new_game(scenario, 0).phase.level
    return (
        request.param,
        start,
        {strategy: [play(scenario, seed, strategy) for seed in SEEDS] for strategy in STRATEGIES},
    )


def test_four_scenarios_are_shipped() -> None:
    assert {"gemeente-middelgroot", "raadsgriffie", "grote-stad", "politieregio"} <= set(SCENARIOS)


def test_best_grows_two_phases_or_reaches_phase_four_in_every_seed(games) -> None:
    name, start, results = games
    goal = min(4, start + 2)
    ends = [state.phase.level for state in results["best"]]
    assert min(ends) >= goal, (name, start, sorted(set(ends)))


def test_random_and_every_fixed_role_end_lower_than_best_on_average(games) -> None:
    name, _, results = games
    best = mean(state.phase.level for state in results["best"])
    best_score = mean(score(state).total for state in results["best"])
    for strategy, states in results.items():
        if strategy == "best":
            continue
        assert mean(state.phase.level for state in states) < best, (name, strategy)
        assert mean(score(state).total for state in states) < best_score, (name, strategy)


def test_no_fixed_role_reaches_phase_four(games) -> None:
    name, _, results = games
    for role in MunicipalRole:
        assert max(state.phase.level for state in results[role.value]) < 4, (name, role)


def test_every_action_is_bought_by_best_somewhere_or_is_a_documented_trap(games) -> None:
    name, _, results = games
    scenario = load_scenario(name)
    bought = {action for state in results["best"] for action in state.actions_done}
    for action in scenario.actions:
        if action.trap is None:
            assert action.id in bought, (name, action.id)
        else:
            assert action.trap.has("nl") and action.trap.has("en"), (name, action.id)
            assert action.id not in bought, (name, action.id)
