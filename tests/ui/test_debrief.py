"""The debrief in the window: its pages, its advice and the council account's ranking."""

from __future__ import annotations

import pygame
import pytest

from game.scenario.loader import load_scenario
from game.sim import Bot
from game.ui.scenes.debrief.scene import DebriefScene
from tests.helpers.ui import finish_game, start_app


@pytest.mark.filterwarnings("error::UserWarning")
def test_the_debriefs_decisions_come_page_by_page(monkeypatch, tmp_path):
    """Asked for by issue 10."""
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        app.controller.start(load_scenario(), 4, "T")
        finish_game(app, 4)
        app.go(DebriefScene, "decisions")
        pilot.advance(2)
        scene = app.scene
        pages = scene.pages
        rounds = [piece.round for page in pages for piece in page]
        assert rounds == list(range(len(app.controller.state.history)))
        assert len(pages) > 1
        pilot.click_button("Later")
        assert app.scene.page == 1
        pilot.press(pygame.K_PAGEUP)
        assert app.scene.page == 0
        assert not pilot.button("Earlier").is_enabled
    finally:
        app.close()


def test_the_scenarios_own_advice_is_left_out_when_it_names_a_bought_action(
    monkeypatch, tmp_path
) -> None:
    """Asked for by issue 10."""
    from tests.helpers.ui import start_app

    scenario = load_scenario()
    pilot = start_app(monkeypatch, tmp_path)
    try:
        app = pilot.app
        app.controller.start(scenario, 2, "T")
        bot = Bot("best", 2)
        while not app.controller.state.finished:
            app.controller.apply(bot.decide(app.controller.state, scenario))
            app.controller.resolve()
        from game.ui.scenes.debrief.scene import DebriefScene

        app.go(DebriefScene)
        pilot.advance(2)
        scene = app.scene
        done = [scenario.action(a).title.get("en") for a in app.controller.state.actions_done]
        own = scene._scenario_advice()
        if own is not None:
            assert not any(name.casefold() in own.casefold() for name in done)
        for line in scene._advice_lines():
            for name in done:
                assert f"‘{name}’" not in line, line
    finally:
        pilot.app.close()


def test_debrief_ranks_the_council_account_only_where_the_scenario_has_one(monkeypatch, tmp_path):
    """Issue 5's ranking against table 14 is a page of the debrief in the clerk's scenario."""
    pilot = start_app(monkeypatch, tmp_path, lang="nl")
    try:
        for scenario_id, expected in (("raadsgriffie", True), ("gemeente-middelgroot", False)):
            scenario = load_scenario(scenario_id)
            controller = pilot.app.controller
            controller.start(scenario, 3, "Team Test")
            bot = Bot("best", 3)
            while not controller.state.finished:
                controller.apply(bot.decide(controller.state, scenario))
                controller.resolve()
            pilot.app.go(DebriefScene)
            pilot.advance(2)
            assert ("council" in pilot.app.scene.tabs) is expected
            if expected:
                before = pilot.app.scene.tab
                for _ in range(3):
                    pilot.press(pygame.K_RIGHT)
                assert before == "result" and pilot.app.scene.tab == "council"
                ranking = pilot.app.scene.ranking
                assert ranking is not None and 1 <= ranking.position <= len(ranking.rows)
    finally:
        pilot.app.close()
