"""Helpers shared by the results tests: a played game written as a team's results file."""

from __future__ import annotations

from pathlib import Path

from game.results import build_results, results_name, write_results
from game.saves import new_game_id
from game.scenario.models import Scenario
from game.sim.state import GameState


def write_team_results(folder: Path, state: GameState, scenario: Scenario, team: str, **kw) -> Path:
    """``state`` as ``team``'s results file in ``folder`` (``game_id``, ``length`` may be given)."""
    document = build_results(state, scenario, team, kw.pop("game_id", new_game_id()), **kw)
    return write_results(folder / results_name(team, document["game_id"]), document)
