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


def test_held_back_follows_the_rule_of_the_overall_phase() -> None:
    """The debrief names what held the whole back: too few relations in the next phase (the
    lowest of them), a relation left behind for collaborating, or the organisation itself."""
    from game.domain import CitizenRelation as C
    from game.domain import GrowthPhase as P
    from game.sim.phases import overall_phase
    from game.sim.review import held_back
    from tests.conftest import make_scenario

    scenario = make_scenario()  # three core relations: resident, customer, subject
    rules = compile_rules(scenario)
    state = play(scenario, 1, "best").clone()
    # Too few: one of three in conversing, two experimenting; the lowest are named.
    state.relation_phase = {C.RESIDENT: P.CONVERSING, C.CUSTOMER: P.EXPERIMENTING}
    state.relation_phase[C.SUBJECT] = P.EXPERIMENTING
    state.phase = overall_phase(state, rules)
    assert state.phase is P.EXPERIMENTING
    held = held_back(state, scenario)
    assert held is not None and set(held.relations) == {C.CUSTOMER, C.SUBJECT}
    # Left behind: two collaborating, one still discovering.
    state.relation_phase = {C.RESIDENT: P.COLLABORATING, C.CUSTOMER: P.COLLABORATING}
    state.relation_phase[C.SUBJECT] = P.DISCOVERING
    state.phase = overall_phase(state, rules)
    assert state.phase is P.CONVERSING
    held = held_back(state, scenario)
    assert held is not None and held.relations == (C.SUBJECT,)
    # No relation collaborating: all three are named (none carried the whole).
    state.relation_phase = dict.fromkeys(state.relation_phase, P.CONVERSING)
    state.phase = overall_phase(state, rules)
    held = held_back(state, scenario)
    assert held is not None and len(held.relations) == 3
