"""Issue 10 in the window: navigation a group can trust, settings that stay, the decision card,
the outcome list, the debrief's pages and the workshop length at New game.

Every test drives the real app headless (SDL's dummy driver) with synthetic input.
"""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.domain import GameLength, MunicipalRole
from game.saves import SaveStore
from game.scenario.loader import load_scenario
from game.sim import Bot
from game.sim.engine import role_options
from game.sim.length import rounds_played
from game.ui import look
from game.ui.scenes.debrief.scene import DebriefScene
from game.ui.scenes.round.briefing import BriefingScene
from game.ui.scenes.round.decision import DecisionScene
from game.ui.scenes.round.development import DevelopmentScene
from game.ui.scenes.round.outcome import OutcomeScene
from game.ui.scenes.round.summary import SummaryScene
from game.ui.scenes.start.scenario_choice import ScenarioChoiceScene
from game.ui.scenes.start.title import TitleScene
from game.ui.settings import Settings, read_settings, write_settings
from tests.uitools import start_app

pytestmark = pytest.mark.filterwarnings("error::UserWarning")


def _drawn(app) -> list[str]:
    """Every line of text the current scene draws itself."""
    look.RECORDING = []
    try:
        app.invalidate()
        app.draw()
        return [what for kind, _, what in look.RECORDING if kind == "text"]
    finally:
        look.RECORDING = None


def _finish(app, seed: int = 3) -> None:
    controller = app.controller
    bot = Bot("best", seed)
    while not controller.state.finished:
        controller.apply(bot.decide(controller.state, controller.scenario))
        controller.resolve()


@pytest.mark.parametrize(
    "scene",
    [BriefingScene, DecisionScene, DevelopmentScene, OutcomeScene, SummaryScene, DebriefScene],
    ids=lambda s: s.name,
)
def test_issue10_title_screen_is_one_click_from_every_round_scene(monkeypatch, tmp_path, scene):
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        app.controller.start(load_scenario(), 2, "Team Blauw")
        if scene in (OutcomeScene, SummaryScene):
            app.controller.apply(
                Bot("best", 2).decide(app.controller.state, app.controller.scenario)
            )
            app.controller.resolve()
        if scene is DebriefScene:
            _finish(app)
        app.go(scene)
        pilot.advance(2)
        assert pilot.scene == scene.name
        pilot.click_button("Title screen")
        assert pilot.scene == "title"
        pilot.click_button("Continue")
        assert pilot.scene in ("briefing", "debrief")
    finally:
        app.close()


def test_issue10_choices_made_mid_round_survive_continue_after_a_restart(monkeypatch, tmp_path):
    store = SaveStore(tmp_path / "saves")
    pilot = start_app(monkeypatch, tmp_path, saves=store)
    app = pilot.app
    try:
        app.controller.start(load_scenario(), 5, "Team Groen")
        first = app.controller.state.current_initiatives[0]
        app.go(DecisionScene, 0)
        pilot.advance(2)
        pilot.press(pygame.K_3)  # facilitating
        pilot.click_button("Twitter")
        pilot.click_button("goes well")
        pilot.click_button("Title screen")
        assert pilot.scene == "title"
    finally:
        app.close()
    # A new window on the same saves folder: Continue finds the choices again.
    pilot = start_app(monkeypatch, tmp_path, saves=SaveStore(tmp_path / "saves"))
    app = pilot.app
    try:
        pilot.click_button("Continue")
        assert pilot.scene == "briefing"
        plan = app.controller.plan
        assert plan.roles[first] is MunicipalRole.FACILITATING
        assert plan.channels[first] == ["twitter"]
        assert plan.predictions[first].value == "well"
        app.go(DecisionScene, 0)
        pilot.advance(2)
        assert pilot.button("3").is_selected
    finally:
        app.close()


def test_issue10_after_save_the_focus_is_back_on_the_main_button(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path, saves=SaveStore(tmp_path / "saves"))
    app = pilot.app
    try:
        app.controller.start(load_scenario(), 1, "Team Geel")
        app.go(BriefingScene)
        pilot.advance(2)
        pilot.click_button("Save")
        assert app.scene.focused is app.scene.main
        slots = list((tmp_path / "saves").glob("slot-*.json"))
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "decision", "Enter takes the main step, it does not save again"
        assert list((tmp_path / "saves").glob("slot-*.json")) == slots
    finally:
        app.close()


def test_issue10_settings_are_kept_and_a_broken_file_means_defaults_and_a_note(
    monkeypatch, tmp_path
):
    path = tmp_path / "config" / "settings.json"
    write_settings(Settings(language="en", font_scale=1.4, colour_blind=True), path)
    kept, note = read_settings(path)
    assert note is None
    assert (kept.language, kept.font_scale, kept.colour_blind) == ("en", 1.4, True)
    assert not list(path.parent.glob("*.tmp")), "written atomically, nothing left behind"

    path.write_text("{not json", encoding="utf-8")
    kept, note = read_settings(path)
    assert kept == Settings() and note is not None and str(path) in note

    path.write_text(
        json.dumps({"format": "netwerkende-gemeente-settings", "language": "fr", "sound": False}),
        encoding="utf-8",
    )
    kept, note = read_settings(path)
    assert kept.language == "nl" and kept.sound is False
    assert note is not None and "language" in note

    # The window keeps a changed setting for the next launch, and shows a note on the title.
    pilot = start_app(monkeypatch, tmp_path, settings_file=path, settings_problem=note)
    try:
        assert any("Settings:" in line for line in _drawn(pilot.app))
        pilot.app.apply_settings(pilot.app.settings.with_(font_scale=1.2))
        assert read_settings(path)[0].font_scale == 1.2
    finally:
        pilot.app.close()


def test_issue10_settings_live_in_the_config_folder_unless_portable(tmp_path) -> None:
    from game.places import DataHome

    assert DataHome(tmp_path, "beside").settings_file == tmp_path / "settings.json"
    for where in ("source", "user"):
        kept = DataHome(tmp_path, where).settings_file  # type: ignore[arg-type]
        assert kept.name == "settings.json" and tmp_path not in kept.parents


def test_issue10_the_decision_card_shows_hours_readiness_and_risk(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        scenario = load_scenario()
        app.controller.start(scenario, 1, "T")
        app.go(DecisionScene, 0)
        pilot.advance(2)
        lines = " ".join(_drawn(app))
        initiative = app.controller.state.current_initiatives[0]
        for option in role_options(app.controller.state, scenario, initiative):
            ready = f"readiness {round(option.readiness)} of {round(option.demand)}"
            assert ready in lines
            if option.risk > 0:
                assert f"risk {max(1, round(option.risk * 100))}%" in lines
        assert "Residents as customers" in lines  # the relation, and what it means, in a line
    finally:
        app.close()


def test_issue10_the_words_follow_the_organisation(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        app.controller.start(load_scenario("politieregio"), 1, "T")
        app.go(DecisionScene, 0)
        pilot.advance(2)
        lines = _drawn(app)
        assert any("Role of the police" in line for line in lines)
        assert not any("municipality" in line.casefold() for line in lines)
        app.go(BriefingScene)
        pilot.advance(2)
        assert app.scene.words.building == "Police station"
    finally:
        app.close()


def test_issue10_the_outcome_list_scrolls_and_drops_nothing(monkeypatch, tmp_path):
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


def test_issue10_the_debriefs_decisions_come_page_by_page(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        app.controller.start(load_scenario(), 4, "T")
        _finish(app, 4)
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


def test_issue10_a_short_game_is_chosen_at_new_game_and_named_in_the_debrief(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        pilot.click_button("New game")
        assert pilot.scene == "scenario_choice"
        lines = " ".join(_drawn(app))
        assert "about" in lines and "minutes" in lines
        pilot.click_button("Short")
        pilot.click_button("Start the game")
        state = app.controller.state
        assert state.length is GameLength.SHORT
        assert app.controller.scenario.rounds == rounds_played(load_scenario(), "short")
        _finish(app)
        app.go(DebriefScene)
        pilot.advance(2)
        assert any("a short game" in line for line in _drawn(app))
    finally:
        app.close()


def test_issue10_a_description_without_room_scrolls_instead_of_being_cut(monkeypatch, tmp_path):
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


def test_issue10_a_new_game_asks_when_the_game_in_progress_would_be_lost(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path)  # this window keeps no saves
    app = pilot.app
    try:
        app.controller.start(load_scenario(), 1, "T")
        app.go(TitleScene)
        pilot.advance(2)
        pilot.click_button("New game")
        assert pilot.scene == "confirm_new_game"
        pilot.press(pygame.K_RETURN)  # the safe answer has the focus
        assert pilot.scene == "briefing" and app.controller.state.round == 1
    finally:
        app.close()


def test_issue10_continue_on_a_finished_game_opens_its_debrief(monkeypatch, tmp_path):
    store = SaveStore(tmp_path / "saves")
    pilot = start_app(monkeypatch, tmp_path, saves=store)
    try:
        pilot.app.controller.start(load_scenario(), 6, "Team Klaar")
        _finish(pilot.app, 6)
    finally:
        pilot.app.close()
    pilot = start_app(monkeypatch, tmp_path, saves=SaveStore(tmp_path / "saves"))
    try:
        pilot.click_button("Continue")
        assert pilot.scene == "debrief"
    finally:
        pilot.app.close()


def test_issue10_scenario_choice_shows_inhabitants_as_the_language_writes_them(
    monkeypatch, tmp_path
):
    pilot = start_app(monkeypatch, tmp_path)
    try:
        pilot.app.go(ScenarioChoiceScene)
        pilot.advance(2)
        lines = " ".join(_drawn(pilot.app))
        assert "60,000 inhabitants" in lines and "60.000" not in lines
    finally:
        pilot.app.close()


def test_issue10_the_tour_stops_with_a_sentence_not_a_traceback(tmp_path: Path, monkeypatch):
    import game.ui.scenes.round.briefing as briefing
    from game.ui.tour import TourStopped, run_tour

    def boom(self, surface):
        raise RuntimeError("a text the game cannot draw")

    monkeypatch.setattr(briefing.BriefingScene, "draw", boom)
    with pytest.raises(TourStopped, match="error screen"):
        run_tour(tmp_path / "shots", pictures=False)
