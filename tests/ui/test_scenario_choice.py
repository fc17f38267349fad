"""New game in the window: the scenario choice, the workshop length and the team name.

Every test drives the real app headless (SDL's dummy driver) with synthetic input."""

from __future__ import annotations

import pygame
import pytest

from game.domain import GameLength
from game.saves import SaveStore
from game.scenario.loader import load_scenario
from game.sim.length import rounds_played
from game.ui.scenes.debrief.scene import DebriefScene
from game.ui.scenes.round.briefing import BriefingScene
from game.ui.scenes.start.scenario_choice import ScenarioChoiceScene
from tests.helpers.ui import drawn, finish_game, start_app, to_the_initiatives

# pygame_gui warns when a text does not fit its widget: in front of a group that is a bug.
pytestmark = pytest.mark.filterwarnings("error::UserWarning")


def test_a_short_game_is_chosen_at_new_game_and_named_in_the_debrief(monkeypatch, tmp_path):
    """Asked for by issue 10."""
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        pilot.click_button("New game")
        assert pilot.scene == "scenario_choice"
        lines = " ".join(drawn(app))
        assert "about" in lines and "minutes" in lines
        pilot.click_button("Short")
        pilot.click_button("Start the game")
        state = app.controller.state
        assert state.length is GameLength.SHORT
        assert app.controller.scenario.rounds == rounds_played(load_scenario(), "short")
        finish_game(app)
        app.go(DebriefScene)
        pilot.advance(2)
        assert any("a short game" in line for line in drawn(app))
    finally:
        app.close()


def test_a_description_without_room_scrolls_instead_of_being_cut(monkeypatch, tmp_path):
    """At 140% type a scenario with a title over two lines leaves its description too little
    room even in the smallest size: it scrolls in a text box (Page Down too), never cut off."""
    from game.ui.fit import check

    pilot = start_app(monkeypatch, tmp_path, "nl", scenario="politieregio")
    app = pilot.app
    try:
        app.go(ScenarioChoiceScene)
        pilot.advance(2)
        assert app.scene.description_box is None  # normal type: it fits, drawn
        app.apply_settings(app.settings.with_(font_scale=1.4))
        pilot.advance(2)
        box = app.scene.description_box
        assert box is not None and box.scroll_bar is not None
        pilot.press(pygame.K_PAGEDOWN)
        assert box.scroll_bar.start_percentage > 0
        assert check(app).problems == []
    finally:
        app.close()


def test_scenario_choice_shows_inhabitants_as_the_language_writes_them(monkeypatch, tmp_path):
    """Asked for by issue 10."""
    pilot = start_app(monkeypatch, tmp_path)
    try:
        pilot.app.go(ScenarioChoiceScene)
        pilot.advance(2)
        lines = " ".join(drawn(pilot.app))
        assert "60,000 inhabitants" in lines and "60.000" not in lines
    finally:
        pilot.app.close()


def test_control_characters_never_reach_the_team_name(monkeypatch, tmp_path):
    """Typed (or pasted) control characters are dropped before the text field; a name given
    with them anyway is cleaned, so no screen ever tries to draw a NUL."""
    pilot = start_app(monkeypatch, tmp_path, saves=SaveStore(tmp_path / "saves"))
    app = pilot.app
    try:
        pilot.click_button("New game")
        pilot.press(pygame.K_TAB, pygame.KMOD_SHIFT)  # to the team name
        for text in ["Team", "\x00", " Ro", "\x1b", "od"]:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
        pilot.advance(2)
        assert app.scene.team_entry.get_text() == "Team Rood"
        assert app.errors == []
        app.controller.start(app.controller.scenario or load_scenario(), 1, "Team\x00Rood\ud800")
        assert app.controller.team == "Team Rood"
        app.go(BriefingScene)
        pilot.advance(2)
        to_the_initiatives(pilot)
        assert pilot.scene == "decision" and app.errors == []
    finally:
        app.close()


@pytest.mark.parametrize("how", ["relative", "absolute", "id"])
def test_a_scenario_named_on_the_command_line_is_the_one_chosen(monkeypatch, tmp_path, how):
    """Issue 20: ``play scenarios/x.yaml`` (a relative path) quietly chose the default
    scenario, and ``tour`` then checked the wrong game."""
    import os

    from game.scenario.loader import SCENARIO_DIR

    path = SCENARIO_DIR / "raadsgriffie.yaml"
    named = {
        "relative": os.path.relpath(path),
        "absolute": str(path),
        "id": "raadsgriffie",
    }[how]
    pilot = start_app(monkeypatch, tmp_path, scenario=named)
    app = pilot.app
    try:
        pilot.click_button("New game")
        assert app.scene.entries[app.scene.index].id == "raadsgriffie"
    finally:
        app.close()
