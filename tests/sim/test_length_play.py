"""Every shipped scenario plays to a sound end at every length, whatever the team and the
facilitator do (issue 17: a short game of the clerk's office brought a stage it had left out,
``KeyError: 'inzamelactie'``, and bots planned more hours than the round had).

Each game is played with the rules checked every round: a bot's plan must be one the core
accepts, as a team's plan in the window must be. Half the games have a facilitator who brings
every piece of news that brings a card at once, early in the game: in a shorter game that is how
an initiative comes sooner than the length foresaw, with its next stage in reach.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.domain import GameLength
from game.scenario.loader import SCENARIO_DIR, load_scenario
from game.scenario.models import Scenario
from game.sim import STRATEGIES, Bot, GameState, check_decisions, facilitator, resolve_round
from game.sim.length import played_scenario, selection, start_game
from tests.helpers.games import assert_sound_end, dangling

SCENARIOS = sorted(path.stem for path in SCENARIO_DIR.glob("*.yaml"))
SEEDS = (1, 2, 3)


@pytest.fixture(scope="module")
def shipped() -> dict[str, Scenario]:
    return {scenario_id: load_scenario(scenario_id) for scenario_id in SCENARIOS}


def bring_all_news(state: GameState, played: Scenario) -> GameState:
    """The facilitator brings in, now, every piece of news that brings a card."""
    for event in facilitator.injectable_events(state, played):
        if event.effects.add_initiatives:
            state, _ = facilitator.inject_event(state, played, event.id)
    return state


def play_checked(
    scenario: Scenario, length: GameLength, seed: int, strategy: str, news_in: int | None
) -> GameState:
    """A game of ``scenario`` at ``length`` by ``strategy``, every plan checked by the core
    first; with ``news_in``, the facilitator brings all the news in that round."""
    played, state = start_game(scenario, seed, length)
    bot = Bot(strategy, seed)
    rng = state.rng()
    while not state.finished:
        if state.round == news_in:
            state = bring_all_news(state, played)
        decisions = bot.decide(state, played)
        problems = check_decisions(state, decisions, played)
        assert problems == [], (strategy, seed, state.round, [p.key for p in problems])
        state, _ = resolve_round(state, decisions, played, rng)
    assert state.length is length
    return state


@pytest.mark.parametrize("length", list(GameLength), ids=lambda length: length.value)
@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_strategy_plays_every_length_to_a_sound_end(
    shipped: dict[str, Scenario], scenario_id: str, length: GameLength
) -> None:
    whole = shipped[scenario_id]
    played = played_scenario(whole, length)
    assert dangling(played) == []
    for strategy in STRATEGIES:
        for seed in SEEDS:
            for news_in in (None, seed):
                state = play_checked(whole, length, seed, strategy, news_in)
                assert_sound_end(state, played)


@st.composite
def length_plans(draw: st.DrawFn, scenario: Scenario) -> dict:
    """A short game a trainer might write into the ``lengths`` block: some rounds (fewer than
    the whole), and some of their scheduled initiatives."""
    rounds = sorted(
        draw(st.sets(st.integers(1, scenario.rounds), min_size=2, max_size=scenario.rounds - 1))
    )
    scheduled = sorted(i.id for i in scenario.initiatives if i.round is not None)
    chosen = draw(st.lists(st.sampled_from(scheduled), min_size=1, max_size=8, unique=True))
    return {"rounds": rounds, "initiatives": chosen}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_whatever_a_trainer_keeps_a_short_game_refers_only_to_what_it_has(
    shipped: dict[str, Scenario], data: st.DataObject
) -> None:
    whole = shipped[data.draw(st.sampled_from(SCENARIOS), label="scenario")]
    plan = data.draw(length_plans(whole), label="short")
    document = whole.model_dump(mode="json", exclude_none=True)
    document["lengths"] = {"short": plan}
    scenario = Scenario.model_validate(document)
    played = played_scenario(scenario, GameLength.SHORT)
    assert selection(scenario, GameLength.SHORT).rounds == tuple(plan["rounds"])
    assert dangling(played) == []
    seed = data.draw(st.integers(1, 50), label="seed")
    strategy = data.draw(st.sampled_from(STRATEGIES), label="strategy")
    news_in = data.draw(st.sampled_from((None, 1, 2)), label="news_in")
    state = play_checked(scenario, GameLength.SHORT, seed, strategy, news_in)
    assert_sound_end(state, played)
