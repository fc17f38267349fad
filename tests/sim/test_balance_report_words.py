"""The balance simulator's phase warning is scaled to the game's length (issue 20: a six-round
scenario was warned that no strategy reached phase 4)."""

from __future__ import annotations

import pytest

from game.domain import GameLength
from game.sim.balance_report import (
    ScenarioReport,
    StrategyReport,
    _warnings,
    expected_phase,
    warning_text,
)


def _strategy(name: str, shares: dict[int, float]) -> StrategyReport:
    return StrategyReport(
        name=name, games=10, phase_mean=2.0, phase_sd=0.0, phase_share=shares,
        relation_means={}, stage_mean=2.0, stage_share={1: 0, 2: 1, 3: 0, 4: 0},
        score_mean=500.0, score_sd=0.0, score_without_fit_mean=300.0, fit_rate=0.5,
        prediction_rate=None, reached={}, greedy_agreement=None, errors=[], stopped=0,
    )  # fmt: skip


def _report(rounds: int, best_shares: dict[int, float]) -> ScenarioReport:
    strategies = {"best": _strategy("best", best_shares)}
    return ScenarioReport(
        scenario_id="s", title="S", length=GameLength.FULL, games=10, relations=(),
        strategies=strategies, dominant="best", idle_initiatives=[], never_bought=[],
        always_bought=[], silent_events=[], decisive_events=[], rounds=rounds,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("rounds", "shares", "warned"),
    [
        (12, {1: 0, 2: 0.2, 3: 0.8, 4: 0}, 4),  # a whole game should reach collaborating
        (12, {1: 0, 2: 0, 3: 0.7, 4: 0.3}, None),
        (6, {1: 0, 2: 0.5, 3: 0.5, 4: 0}, None),  # six rounds: conversing is enough
        (6, {1: 0.1, 2: 0.9, 3: 0, 4: 0}, 3),
        (5, {1: 0.5, 2: 0.5, 3: 0, 4: 0}, None),
        (4, {1: 1.0, 2: 0, 3: 0, 4: 0}, 2),
    ],
)
def test_the_phase_warning_asks_what_a_game_of_its_length_can_reach(rounds, shares, warned):
    found = dict(_warnings(_report(rounds, shares)))
    if warned is None:
        assert "no_phase_target" not in found
    else:
        assert found["no_phase_target"] == {"phase": warned, "rounds": rounds}
        assert expected_phase(rounds) == warned
        text = warning_text("no_phase_target", found["no_phase_target"], "nl")
        assert f"fase {warned} in ook maar één spel van {rounds} rondes" in text


def test_a_relation_stuck_for_every_strategy_and_an_initiative_never_dealt_are_named() -> None:
    """Issue 20: every strategy ended in phase 1 because of one relation, seen only in the
    table; an initiative that never arrived was not noticed."""
    report = _report(12, {1: 0, 2: 0, 3: 0.5, 4: 0.5})
    report.relations = ("voter", "customer")
    report.strategies["best"].relation_means = {"voter": 1.0, "customer": 3.5}
    report.strategies["random"] = _strategy("random", {1: 1.0, 2: 0, 3: 0, 4: 0})
    report.strategies["random"].relation_means = {"voter": 1.0, "customer": 1.2}
    report.never_dealt = ["hackathon"]
    found = list(_warnings(report))
    assert ("relation_stuck", {"relation": "voter"}) in found
    assert not any(v == {"relation": "customer"} for _, v in found)
    assert ("never_dealt", {"initiative": "hackathon"}) in found
    text = warning_text("never_dealt", {"initiative": "hackathon"}, "en")
    assert "'hackathon' came up in no game" in text


def test_never_dealt_names_an_initiative_whose_chance_is_nil() -> None:
    from game.scenario.loader import load_scenario
    from game.sim.balance import play_game
    from game.sim.balance_report import _never_dealt

    scenario = load_scenario()
    hackathon = next(i for i in scenario.initiatives if i.id == "open_data_hackathon")
    never = scenario.model_copy(
        update={
            "initiatives": [
                i.model_copy(update={"probability": 0.0}) if i is hackathon else i
                for i in scenario.initiatives
            ]
        }
    )
    games = [play_game(never, seed, "best")[1] for seed in (1, 2, 3)]
    assert "open_data_hackathon" in _never_dealt(never, games)
    assert "afval_vragen" not in _never_dealt(never, games)  # round 1, always dealt
    assert _never_dealt(never, []) == []


def test_an_action_never_bought_is_told_with_its_condition_in_words() -> None:
    """Issue 20: an action whose condition never held was blamed on its cost."""
    from game.scenario.loader import load_scenario
    from game.sim.balance_report import _conditions_of

    scenario = load_scenario()
    when = _conditions_of(scenario, ["open_data", "startnotitie"])
    assert set(when) == {"open_data"}  # the memo has no condition
    report = _report(12, {1: 0, 2: 0, 3: 0, 4: 1.0})
    report.never_bought = ["open_data", "startnotitie"]
    report.never_bought_when = when
    found = dict(_warnings(report))
    text = warning_text("never_bought_condition", found["never_bought_condition"], "en")
    assert text.startswith("Development action 'open_data' is never bought by 'best'.")
    assert "can only be bought when: competence stage at least consciously incompetent." in text
    dutch = warning_text("never_bought_condition", found["never_bought_condition"], "nl")
    assert "alleen te koop als: competentiestadium minstens bewust onbekwaam." in dutch
    assert found["never_bought"] == {"action": "startnotitie"}


def test_channel_use_per_strategy_is_counted_from_the_cards_played() -> None:
    """Issue 20, item 7: channel statistics per strategy, and a channel no one uses is named."""
    from game.scenario.loader import load_scenario
    from game.sim.balance import play_game
    from game.sim.balance_report import analyse, render_text

    scenario = load_scenario()
    games = [
        play_game(scenario, seed, name)[1] for seed in (1, 2) for name in ("best", "one-channel")
    ]
    for game in games:
        assert game.cards > 0
        # Most cards use a channel (a role such as letting go may use none).
        assert game.cards / 2 < sum(count for _, count in game.channels)
    report = analyse(scenario, games)
    single = report.strategies["one-channel"].channel_use
    assert report.channels == tuple(c.id for c in scenario.channels)
    assert sorted(single.values())[-1] > 0.5  # the one channel, on the cards that use one
    assert sum(1 for share in single.values() if share > 0) == 1
    best = report.strategies["best"].channel_use
    assert sum(1 for share in best.values() if share > 0) > 1
    unused = [
        c for c in report.channels if all(s.channel_use[c] == 0 for s in report.strategies.values())
    ]
    assert [v["channel"] for k, v in report.warnings if k == "channel_unused"] == unused
    text = render_text(report, "en")
    assert "Channel use (share of all cards the channel was used on):" in text
    assert "Kanaalgebruik" in render_text(report, "nl")
