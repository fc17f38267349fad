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


@pytest.mark.parametrize(
    ("scenario_id", "length", "bot", "seed", "lang", "scale", "size"),
    [
        ("politieregio", "short", "learner", 1, "nl", 1.4, (1280, 720)),
        ("gemeente-middelgroot", "short", "group", 3, "nl", 1.4, (1280, 720)),
        ("gemeente-middelgroot", "short", "group", 3, "en", 1.4, (1280, 720)),
        ("raadsgriffie", "standard", "group", 1, "nl", 1.4, (1280, 720)),
        ("politieregio", "short", "learner", 1, "nl", 1.0, (1920, 1080)),
    ],
)
def test_the_growth_tab_fits_with_what_held_the_phase_back(
    monkeypatch, tmp_path, scenario_id, length, bot, seed, lang, scale, size
):
    """A game that did not reach the last phase says what held it back above the table: at a
    projector's type size the table, that line and the three charts must all still fit, and
    every chart keep room for its line (the tour's ``best`` games never show the line). A
    relation only a chance card meets is marked, and the legend says why."""
    from game.sim.review import held_back
    from game.ui.app import App
    from game.ui.fit import check
    from game.ui.harness import Harness
    from game.ui.scenes.debrief.growth import ASIDE_MARK
    from game.ui.settings import Settings
    from tests.helpers.ui import drawn

    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    settings = Settings(language=lang, sound=False, font_scale=scale)
    app = App(size, settings, log_dir=tmp_path / "logs", results_dir=tmp_path / "results")
    pilot = Harness(app)
    try:
        pilot.advance(2)
        controller = app.controller
        controller.start(load_scenario(scenario_id), seed, "Team Rood", length=length)
        player = Bot(bot, seed)
        while not controller.state.finished:
            controller.apply(player.decide(controller.state, controller.scenario))
            controller.resolve()
        assert held_back(controller.state, controller.scenario) is not None
        app.go(DebriefScene, "growth")
        pilot.advance(2)
        scene = app.scene
        assert scene._held_back_text()
        report = check(app)
        assert report.problems == [], "\n".join(report.problems)
        plots = scene.chart_plots
        assert len(plots) == 3 and all(plot is not None for plot in plots), plots
        least = scene.u(40)
        assert all(plot.width >= least and plot.height >= least for plot in plots), plots
        lines = drawn(app)
        asides = [kind for _, _, kind in scene._rows() if kind == "aside"]
        if asides:
            assert sum(line.endswith(f" {ASIDE_MARK}") for line in lines) == len(asides)
            assert any(line.startswith(f"{ASIDE_MARK} ") for line in lines)
    finally:
        app.close()


def test_the_channel_fit_is_rounded_as_the_card_rounds_it(monkeypatch, tmp_path):
    """0.425 is 43% on the card and in the story; the decisions tab and the report say 43%
    too (they said 42%), and the title line is coloured by how it went, not by the fit."""
    from game.results.report import _channel_percent
    from game.sim.channel_preview import percent

    assert _channel_percent(0.425) == f"{percent(0.425)}%" == "43%"
    assert _channel_percent(None) == "–"
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        app.controller.start(load_scenario(), 3, "T")
        finish_game(app, 3)
        app.go(DebriefScene, "decisions")
        pilot.advance(2)
        for _, lines in app.scene._items():
            styles = [style for style, _ in lines]
            for i, style in enumerate(styles):
                if style in ("well", "mixed", "badly"):
                    assert styles[i + 1] in ("fits", "also", "misses")
    finally:
        app.close()
