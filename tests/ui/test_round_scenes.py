"""The scenes of a round in the window: the decision card, the organisation's words, the outcome
list (issue 10).

Every test drives the real app headless (SDL's dummy driver) with synthetic input."""

from __future__ import annotations

import pygame
import pytest

from game.scenario.loader import load_scenario
from game.sim import Bot
from game.sim.engine import role_options
from game.ui.scenes.round.briefing import BriefingScene
from game.ui.scenes.round.decision import DecisionScene
from game.ui.scenes.round.outcome import OutcomeScene
from tests.helpers.ui import drawn, start_app

# pygame_gui warns when a text does not fit its widget: in front of a group that is a bug.
pytestmark = pytest.mark.filterwarnings("error::UserWarning")


def test_the_decision_card_shows_hours_readiness_and_risk(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        scenario = load_scenario()
        app.controller.start(scenario, 1, "T")
        app.go(DecisionScene, 0)
        pilot.advance(2)
        lines = " ".join(drawn(app))
        initiative = app.controller.state.current_initiatives[0]
        for option in role_options(app.controller.state, scenario, initiative):
            ready = f"readiness {round(option.readiness)} of {round(option.demand)}"
            assert ready in lines
            if option.risk > 0:
                assert f"risk {max(1, round(option.risk * 100))}%" in lines
        assert "People as customers" in lines  # the relation, and what it means, in a line
    finally:
        app.close()


def test_the_words_follow_the_organisation(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        app.controller.start(load_scenario("politieregio"), 1, "T")
        app.go(DecisionScene, 0)
        pilot.advance(2)
        lines = drawn(app)
        assert any("Role of the police" in line for line in lines)
        assert not any("municipality" in line.casefold() for line in lines)
        app.go(BriefingScene)
        pilot.advance(2)
        assert app.scene.words.building == "Police station"
    finally:
        app.close()


def test_the_outcome_list_scrolls_and_drops_nothing(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        scenario = load_scenario()
        app.controller.start(scenario, 1, "T")
        bot = Bot("best", 1)
        for _ in range(3):
            app.controller.apply(bot.decide(app.controller.state, scenario))
            app.controller.resolve()
        app.go(OutcomeScene)
        pilot.advance(2)
        scene = app.scene
        steps = len(scene.steps)
        assert steps >= 3
        pilot.press(pygame.K_SPACE)
        pilot.click_button("Show all")
        assert scene.revealed == steps
        area = scene.story_area()
        rows = scene._layout(area.width)
        assert {row[0] for row in rows} == set(range(steps)), "every step stays in the list"
        bottom = scene._offset()
        for _ in range(30):
            pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1))
        pilot.advance(2)
        assert scene._offset() == 0 < bottom or bottom == 0
        pilot.press(pygame.K_END)
        assert scene._offset() == bottom
    finally:
        app.close()


@pytest.mark.parametrize("scale", [1.0, 1.2, 1.4])
def test_the_briefing_shows_help_and_settings_whole_in_dutch(monkeypatch, tmp_path, scale):
    """Help and Settings share the column under the big button in equal halves: the column is
    wide enough for the longer one ("Instellingen"), also when the big button says the shorter
    "Naar ontwikkeling" (a round without initiatives), instead of "Instelling…"."""
    from game.ui.settings import Settings

    pilot = start_app(monkeypatch, tmp_path, lang="nl")
    app = pilot.app
    try:
        app.apply_settings(Settings(language="nl", sound=False, font_scale=scale))
        app.controller.start(load_scenario(), 1, "T")
        app.controller.state.current_initiatives = ()  # a round with only development
        app.go(BriefingScene)
        pilot.advance(2)
        assert app.scene.main.text == "Naar ontwikkeling"
        assert pilot.button("Uitleg").text == "Uitleg"
        assert pilot.button("Instelling").text == "Instellingen"
    finally:
        app.close()
