"""Looking back on a game (``game.sim.review``): the advice of the debrief is true to the game.

Advice never names what the team already did, nor what was locked at that moment (issue 10)."""

from __future__ import annotations

import pytest

from game.scenario.loader import load_scenario
from game.sim import play
from game.sim.engine import action_available, channel_available
from game.sim.review import advice, round_states
from game.sim.rules import compile_rules


@pytest.mark.parametrize("scenario_id", ["gemeente-middelgroot", "grote-stad", "raadsgriffie"])
@pytest.mark.parametrize("strategy", ["random", "directing", "best"])
def test_advice_never_names_what_was_done_or_locked(scenario_id, strategy) -> None:
    scenario = load_scenario(scenario_id)
    rules = compile_rules(scenario)
    for seed in (1, 2):
        state = play(scenario, seed, strategy)
        starts = round_states(scenario, state)
        assert starts[-1].round == state.history[-1].round
        for point in advice(scenario, state):
            facts = point.facts
            for action_id in facts.get("actions", ()):
                assert action_id not in state.actions_done, (point, "already bought")
                action = scenario.action(action_id)
                assert any(action_available(at, action) for at in starts), (point, "never open")
            if point.kind == "channels":
                index = next(i for i, r in enumerate(state.history) if r.round == facts["round"])
                for channel_id in facts["better"]:
                    assert channel_available(starts[index], rules, channel_id), (
                        point,
                        "locked then",
                    )
