"""Start anywhere (issue 20): a trainer testing a late event starts at round N, the rounds
before it played by a bot through the same core, in the window (``play --round``) and in the
tour (``tour --round``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli.play import start_at_round
from game.domain import GameLength
from game.scenario.loader import load_scenario
from game.ui.tour import run_tour
from tests.helpers.saves import played
from tests.helpers.ui import start_app


def test_play_ahead_is_the_bots_game_up_to_the_round(monkeypatch, tmp_path: Path) -> None:
    scenario = load_scenario()
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        app.controller.start(scenario, 7)
        assert app.controller.play_ahead(5, "best") == 5
        state = app.controller.state
        assert [r.round for r in state.history] == [1, 2, 3, 4]
        # The same game as the bot plays it alone: same seed, same decisions, same dice.
        assert state == played(scenario, 7, 4, "best")
    finally:
        app.close()


def test_play_round_n_opens_the_briefing_of_round_n(monkeypatch, tmp_path: Path) -> None:
    pilot = start_app(monkeypatch, tmp_path, scenario="raadsgriffie", seed=3)
    app = pilot.app
    try:
        start_at_round(app, 4, "participating")
        pilot.advance(2)
        assert pilot.scene == "briefing"
        assert app.controller.scenario.id == "raadsgriffie"
        assert app.controller.state.round == 4
        with pytest.raises(ValueError, match="--round 40: raadsgriffie has"):
            start_at_round(app, 40, "best")
    finally:
        app.close()


def test_the_tour_starts_at_the_round_it_is_given(tmp_path: Path) -> None:
    seen: list[str] = []
    run_tour(
        tmp_path,
        length=GameLength.SHORT,
        start_round=4,
        pictures=False,
        inspect=lambda name, app: seen.append(name),
    )
    rounds = [name for name in seen if name.startswith("round")]
    assert rounds[0] == "round04-briefing" and "round04-decision-1" in rounds
    assert not any(name.startswith(("round01", "round02", "round03")) for name in rounds)


def test_the_facilitator_panel_plays_ahead_to_a_later_round(monkeypatch, tmp_path: Path) -> None:
    """Issue 20, item 3: the panel can do what ``play --round N`` does, from a game under way."""
    import pygame

    pilot = start_app(monkeypatch, tmp_path, seed=5)
    app = pilot.app
    try:
        pilot.click_button("New game")
        pilot.click_button("Start the game")
        assert pilot.scene == "briefing"
        pilot.press(pygame.K_F9)
        assert pilot.scene == "facilitator"
        pilot.click_button("Play ahead to round…")
        assert pilot.scene == "facilitator_play_ahead"
        pilot.click_button("Round 5")
        pilot.advance(2)
        assert pilot.scene == "briefing"
        state = app.controller.state
        assert state.round == 5
        assert state == played(app.controller.scenario, 5, 4, "best")  # the bot's own game
        assert app.errors == []
    finally:
        app.close()


def test_play_ahead_is_not_offered_to_teams_taking_turns(monkeypatch, tmp_path: Path) -> None:
    from game.ui.scenes.workshop.play_ahead import can_play_ahead

    pilot = start_app(monkeypatch, tmp_path, seed=5)
    app = pilot.app
    try:
        scenario = load_scenario()
        app.controller.start(scenario, 5)
        assert can_play_ahead(app)
        app.controller.start_teams(scenario, 5, ["Rood", "Blauw"])
        assert not can_play_ahead(app)
    finally:
        app.close()


def test_the_outline_is_read_in_the_game_a_page_at_a_time(monkeypatch, tmp_path: Path) -> None:
    """Issue 20, item 4: the game can show the outline, for the scenario and length chosen."""
    import pygame

    from game.sim.outline import outline

    pilot = start_app(monkeypatch, tmp_path, scenario="raadsgriffie")
    app = pilot.app
    try:
        pilot.click_button("New game")
        app.scene.choose_length(GameLength.SHORT)
        pilot.click_button("Outline")
        assert pilot.scene == "outline"
        scene = app.scene
        shown: list[str] = []
        for _ in range(scene.pager.pages):
            shown += [row.words for row in scene.pages[scene.pager.page]]
            pilot.press(pygame.K_PAGEDOWN)
        assert scene.pager.page == 0  # round again to the first page
        words = " ".join(" ".join(shown).split())
        expected = outline(scene.scenario, GameLength.SHORT, "en")
        assert words == " ".join(expected.split())  # every line of it, nothing cut
        assert scene.scenario.id == "raadsgriffie"
        pilot.click_button("Back")
        assert pilot.scene == "scenario_choice"
        assert app.errors == []
    finally:
        app.close()
