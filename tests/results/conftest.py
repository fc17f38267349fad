"""Fixtures of the results tests: three games of the default scenario, played once per module."""

from __future__ import annotations

import pytest

from game.scenario.models import Scenario
from game.sim import play
from game.sim.state import GameState


@pytest.fixture(scope="module")
def games(default_scenario: Scenario) -> dict[str, GameState]:
    return {
        "best": play(default_scenario, 7, "best"),
        "random": play(default_scenario, 7, "random"),
        "participating": play(default_scenario, 7, "participating"),
    }
