"""A game that fits a workshop — short, standard or the whole scenario (issue 10).

A shorter game is derived from the scenario's data, is part of the game record (saves replay at
their length), and is deterministic: same scenario, seed and length, same game."""

from __future__ import annotations

import json
from pathlib import Path
from statistics import mean

import pytest

from game.domain import GameLength
from game.saves import FORMAT_VERSION, SaveError, SaveStore
from game.saves.loading import load_save
from game.saves.writing import write_save
from game.scenario.loader import load_scenario
from game.sim import Bot, facilitator, play, resolve_round
from game.sim.length import estimated_minutes, played_scenario, rounds_played, selection, start_game
from tests.conftest import make_scenario
from tests.helpers.games import dangling
from tests.helpers.saves import EXAMPLES, example_scenario, finder

SHIPPED = (
    "gemeente-middelgroot",
    "raadsgriffie",
    "grote-stad",
    "politieregio",
    "waterschap-drie-waarden",
    "provincie-weidemark",
)


def _game(scenario, seed: int, length: GameLength):
    played, state = start_game(scenario, seed, length)
    bot = Bot("best", seed)
    rng = state.rng()
    while not state.finished:
        state, _ = resolve_round(state, bot.decide(state, played), played, rng)
    return played, state


def test_same_scenario_seed_and_length_give_the_same_game(default_scenario) -> None:
    first = _game(default_scenario, 4, GameLength.SHORT)[1].to_dict()
    second = _game(load_scenario(), 4, GameLength.SHORT)[1].to_dict()
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    standard = _game(default_scenario, 4, GameLength.STANDARD)[1]
    assert standard.length is GameLength.STANDARD
    assert len(standard.history) != len(first["history"])


def test_a_full_game_is_the_scenario_itself(default_scenario) -> None:
    assert played_scenario(default_scenario, GameLength.FULL) is default_scenario
    assert played_scenario(default_scenario, "short") is played_scenario(default_scenario, "short")


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_shipped_scenarios_fit_a_workshop(scenario_id: str) -> None:
    scenario = load_scenario(scenario_id)
    short, standard, full = (estimated_minutes(scenario, length) for length in GameLength)
    assert short <= 55, "a short game is about 45 minutes of play"
    assert 60 <= standard <= 90, "a standard game is about 75 minutes of play"
    assert short < standard < full
    assert rounds_played(scenario, "short") < rounds_played(scenario, "standard") < scenario.rounds
    # The scenario's own block is what a short game keeps.
    plan = scenario.lengths.short
    assert plan is not None and plan.rounds is not None
    assert selection(scenario, "short").rounds == tuple(plan.rounds)


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_a_short_game_still_rewards_thinking(scenario_id: str) -> None:
    """The best-fitting play grows in a short game; a fixed role does not."""
    played = played_scenario(load_scenario(scenario_id), "short")
    best = mean(play(played, seed, "best").phase.level for seed in range(8))
    for fixed in ("directing", "facilitating", "random"):
        other = mean(play(played, seed, fixed).phase.level for seed in range(8))
        assert best > other, (fixed, best, other)
    assert best >= 1.5


def test_without_a_block_the_game_chooses_evenly_and_meets_every_relation() -> None:
    initiatives = [
        {
            "id": f"i{n}",
            "round": n,
            "title": f"I{n}",
            "text": "T",
            "owner": "community" if n % 2 else "municipality",
            "relation": ("customer", "voter", "user", "partner", "resident", "subject")[n % 6],
            "purposes": ["answer_questions"],
        }
        for n in range(1, 13)
        for _ in (0,)
    ]
    scenario = make_scenario(rounds=12, initiatives=initiatives)
    short = selection(scenario, "short")
    standard = selection(scenario, "standard")
    assert short.rounds[0] == 1 and short.rounds[-1] == 12
    assert len(short.rounds) < len(standard.rounds) < 12
    assert short.initiatives <= {i["id"] for i in initiatives}
    played = played_scenario(scenario, "short")
    assert played.rounds == len(short.rounds)
    assert all(i.round is None or 1 <= i.round <= played.rounds for i in played.initiatives)


def test_round_numbers_in_conditions_follow_the_shorter_game() -> None:
    initiatives = [
        {
            "id": f"i{n}",
            "round": n,
            "title": f"I{n}",
            "text": "T",
            "owner": "municipality",
            "relation": "customer",
        }
        for n in (1, 2, 3, 4, 5, 6)
    ]
    initiatives.append(
        {
            "id": "late",
            "when": {"round_at_least": 4, "round_at_most": 5},
            "title": "Late",
            "text": "T",
            "owner": "community",
            "relation": "resident",
        }
    )
    events = [
        {"id": "news", "round": 4, "title": "News", "text": "N", "effects": {"budget": 5}},
    ]
    scenario = make_scenario(
        rounds=6,
        initiatives=initiatives,
        events=events,
        lengths={"short": {"rounds": [1, 3, 5, 6], "initiatives": ["i1", "i4", "i6"]}},
    )
    played = played_scenario(scenario, "short")
    assert played.rounds == 4
    assert {i.id: i.round for i in played.initiatives if i.round} == {"i1": 1, "i4": 3, "i6": 4}
    late = played.initiative("late").when
    assert late is not None and (late.round_at_least, late.round_at_most) == (3, 3)
    assert played.event("news").round == 3  # the news of a round left out comes in the next


def test_the_length_travels_in_saves_and_replays(tmp_path: Path, default_scenario) -> None:
    played, state = _game(default_scenario, 2, GameLength.SHORT)
    path = write_save(tmp_path / "short.json", state, default_scenario, "Team Kort")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["body"]["length"] == "short"
    loaded = load_save(path, lambda _id: load_scenario())
    assert loaded.state.length is GameLength.SHORT
    assert loaded.scenario.rounds == played.rounds
    assert loaded.mismatch is None


def test_saves_say_their_length_and_older_ones_without_it_are_refused(tmp_path: Path) -> None:
    """Formats 5 and 6 had no length (a whole game); since format 7 (issue 18) their games are
    refused as played under earlier rules, and every save says its length."""
    store = SaveStore(tmp_path)
    for old in ("format-5.json", "format-6.json"):
        document = json.loads((EXAMPLES / old).read_text(encoding="utf-8"))
        assert "length" not in document["body"]["state"]
        with pytest.raises(SaveError) as caught:
            store.load(EXAMPLES / old, finder(example_scenario()))
        assert caught.value.kind == "old_rules"
    current = EXAMPLES / f"format-{FORMAT_VERSION}.json"
    assert json.loads(current.read_text(encoding="utf-8"))["body"]["length"] == "full"
    assert store.load(current, finder(example_scenario())).state.length is GameLength.FULL


def test_cli_autoplay_plays_a_short_game(tmp_path: Path) -> None:
    from io import StringIO

    from game.cli import main

    out = StringIO()
    assert main(["autoplay", "--length", "short", "--json"], out) == 0
    document = json.loads(out.getvalue())
    assert document["length"] == "short"
    assert len(document["rounds"]) == rounds_played(load_scenario(), "short")


def test_a_short_game_of_every_shipped_scenario_plays_its_story() -> None:
    for scenario_id in SHIPPED:
        played = played_scenario(load_scenario(scenario_id), GameLength.SHORT)
        state = play(played, 5, "best")
        assert state.finished and len(state.history) == played.rounds
        stages = [o.next_stage for r in state.history for o in r.outcomes if o.next_stage]
        assert stages, f"{scenario_id}: a short game keeps an initiative that unfolds"


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_a_shorter_game_never_refers_to_an_initiative_it_left_out(scenario_id: str) -> None:
    """Issue 17: the short game of the clerk's office kept 'extra_raad_brand' with its
    ``unfolds`` into 'inzamelactie', a stage it had left out."""
    whole = load_scenario(scenario_id)
    for length in (GameLength.SHORT, GameLength.STANDARD):
        assert dangling(played_scenario(whole, length)) == [], length


def test_a_stage_a_shorter_game_leaves_out_ends_the_story_there() -> None:
    """The fire's crisis meeting comes too late in a short game for its next stage: the meeting
    stays, its story ends with it. A facilitator who brings the fire in round 1 (the meeting
    then comes in time for a stage) plays on to the end instead of a ``KeyError``."""
    whole = load_scenario("raadsgriffie")
    played, state = start_game(whole, 1, GameLength.SHORT)
    meeting = played.initiative("extra_raad_brand")
    assert whole.initiative("extra_raad_brand").unfolds is not None
    assert meeting.unfolds is None
    state, _ = facilitator.inject_event(state, played, "brand")
    assert "extra_raad_brand" in state.current_initiatives
    bot, rng = Bot("best", 1), state.rng()
    while not state.finished:
        state, _ = resolve_round(state, bot.decide(state, played), played, rng)
    assert len(state.history) == played.rounds
    outcome = next(o for o in state.history[0].outcomes if o.initiative == "extra_raad_brand")
    assert outcome.next_stage is None


def test_a_length_is_worked_out_from_the_whole_scenario(default_scenario) -> None:
    """The scenario of a shorter game, given again (the controller holds it; the tour started
    its teams from it), is never made shorter a second time."""
    short = played_scenario(default_scenario, GameLength.SHORT)
    standard = played_scenario(default_scenario, GameLength.STANDARD)
    assert played_scenario(short, GameLength.SHORT) is short
    assert played_scenario(short, GameLength.STANDARD) is standard
    assert played_scenario(standard, GameLength.FULL) is default_scenario
    assert selection(short, GameLength.SHORT) == selection(default_scenario, GameLength.SHORT)
    assert rounds_played(short, GameLength.FULL) == default_scenario.rounds
    assert start_game(short, 3, GameLength.SHORT)[0] is short
