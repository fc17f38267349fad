"""The facilitator's steps go through the core as recorded inputs, and a save replays them
(issue 12). The save format they brought (format 6) is tested with the other formats in
``tests/saves/test_migrations.py``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.saves import SaveError, SaveStore, load_save, new_game_id
from game.scenario.models import Scenario
from game.sim import Bot, new_game, resolve_round
from game.sim.facilitator import (
    InterventionRefused,
    Replayer,
    end_early,
    ended_early,
    inject_event,
    injectable_events,
    record,
    skip_round,
    skipped_rounds,
)
from game.sim.interventions import Intervention, InterventionKind
from game.sim.score import score
from game.sim.state import Decisions, GameState
from tests.helpers.saves import finder, rewrite


def _play(scenario: Scenario, state: GameState, rounds: int, seed: int = 3) -> GameState:
    bot = Bot("best", seed)
    rng = state.rng()
    for _ in range(rounds):
        state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
    return state


def _save_and_load(tmp_path: Path, state: GameState, scenario: Scenario):
    store = SaveStore(tmp_path)
    path = store.autosave(state, scenario, "Team Rood", new_game_id())
    return load_save(path, finder(scenario))


def test_inject_brings_the_event_in_now_without_rolling_dice(
    default_scenario: Scenario,
) -> None:
    state = _play(default_scenario, new_game(default_scenario, 7), 1)
    assert "storm" not in state.news
    trust_before = state.indicators
    after, effects = inject_event(state, default_scenario, "storm")
    assert "storm" in after.news and "storm" in after.events_seen
    assert effects[0].key == "facilitator_inject" and "storm" in effects[0].explain("en").lower()
    assert after.rng_state == state.rng_state  # no dice
    assert after.interventions[-1].kind is InterventionKind.INJECT
    assert after.interventions[-1].subject == "storm" and after.interventions[-1].round == 2
    # The storm brings its crisis communication onto the table.
    assert "storm_communicatie" in after.current_initiatives
    assert after.indicators != trust_before or any(e.delta for e in effects)
    assert state.interventions == ()  # the state given is never changed
    with pytest.raises(InterventionRefused):
        inject_event(after, default_scenario, "storm")  # already in this round's news
    with pytest.raises(InterventionRefused):
        inject_event(after, default_scenario, "no-such-event")
    assert "storm" not in {e.id for e in injectable_events(after, default_scenario)}


def test_skip_lets_the_round_pass_without_decisions(default_scenario: Scenario) -> None:
    state = new_game(default_scenario, 7)
    on_table = state.current_initiatives
    after, effects = skip_round(state, default_scenario, state.rng())
    assert after.round == 2 and len(after.history) == 1
    record_ = after.history[0]
    assert record_.outcomes == () and record_.decisions.initiatives == ()
    assert effects[0].key == "facilitator_skip"
    assert record_.effects[0].key == "facilitator_skip"
    assert all(i in after.initiatives_seen for i in on_table)
    assert skipped_rounds(after) == (1,)


def test_end_early_finishes_the_game_into_the_debrief(default_scenario: Scenario) -> None:
    state = _play(default_scenario, new_game(default_scenario, 7), 4)
    ended = end_early(state)
    assert ended.finished and ended_early(ended) and not ended_early(state)
    assert ended.current_initiatives == () and len(ended.history) == 4
    assert score(ended).total >= 0
    with pytest.raises(InterventionRefused):
        end_early(ended)
    with pytest.raises(InterventionRefused):
        skip_round(ended, default_scenario, ended.rng())
    assert injectable_events(ended, default_scenario) == []


def test_a_save_replays_every_facilitator_step(default_scenario: Scenario, tmp_path: Path) -> None:
    """Inject, pause, timer, reveal, skip, more rounds, inject again, end: saved and loaded, the
    replay gives exactly the same game."""
    scenario = default_scenario
    state = _play(scenario, new_game(scenario, 11), 1)
    state, _ = inject_event(state, scenario, "storm")
    state = record(state, InterventionKind.PAUSE)
    state = record(state, InterventionKind.TIMER, "300")
    state = _play(scenario, state, 1)
    state = record(state, InterventionKind.REVEAL, "all")
    state, _ = skip_round(state, scenario, state.rng())
    state = _play(scenario, state, 2)
    state, _ = inject_event(state, scenario, "viraal")
    mid = state
    loaded = _save_and_load(tmp_path / "mid", mid, scenario)
    assert loaded.mismatch is None
    assert loaded.state.interventions == mid.interventions
    assert json.dumps(loaded.state.to_dict()) == json.dumps(mid.to_dict())
    # Play on from the loaded game, end early: still replays.
    on = _play(scenario, loaded.state, 1)
    ended = end_early(on)
    final = _save_and_load(tmp_path / "end", ended, scenario)
    assert final.state.finished and ended_early(final.state)
    assert [i.kind for i in final.state.interventions] == [
        InterventionKind.INJECT,
        InterventionKind.PAUSE,
        InterventionKind.TIMER,
        InterventionKind.REVEAL,
        InterventionKind.SKIP,
        InterventionKind.INJECT,
        InterventionKind.END,
    ]


def test_a_forged_intervention_is_refused_with_the_reason(
    default_scenario: Scenario, tmp_path: Path
) -> None:
    scenario = default_scenario
    state = _play(scenario, new_game(scenario, 11), 2)
    state, _ = inject_event(state, scenario, "storm")
    path = SaveStore(tmp_path).autosave(state, scenario, "Team", new_game_id())

    def move_to_round_one(document: dict) -> None:
        document["body"]["interventions"][0]["round"] = 1

    rewrite(path, move_to_round_one, fix_checksum=True)
    with pytest.raises(SaveError) as caught:
        load_save(path, finder(scenario))
    assert caught.value.kind == "replay_mismatch"


def test_replayer_refuses_interventions_the_game_never_reaches(
    default_scenario: Scenario,
) -> None:
    scenario = default_scenario
    pause = Intervention(9, InterventionKind.PAUSE)
    with pytest.raises(ValueError, match="never reached"):
        Replayer(scenario, 2, [pause]).finish()
    replayer = Replayer(scenario, 2, [Intervention(2, InterventionKind.PAUSE)])
    state = _play(scenario, new_game(scenario, 2), 1)
    replayer.play(state.history[0].decisions)
    with pytest.raises(ValueError, match="skipped but has decisions"):
        Replayer(scenario, 2, [Intervention(1, InterventionKind.SKIP)]).play(
            state.history[0].decisions
        )
    twice = Replayer(scenario, 2, [Intervention(1, InterventionKind.SKIP)] * 2)
    twice.play(Decisions())
    with pytest.raises(ValueError, match="already past"):
        twice.play(Decisions())
    assert replayer.finish().interventions == (Intervention(2, InterventionKind.PAUSE),)
