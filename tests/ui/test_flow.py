"""The real app driven by synthetic keys and clicks: whole games, language, resize, errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from game.domain import MunicipalRole
from game.scenario.loader import SCENARIO_DIR
from game.ui.scenes.round.briefing import BriefingScene
from game.ui.scenes.round.decision import DecisionScene
from game.ui.scenes.start.scenario_list import problem_lines
from tests.helpers.ui import start_app, to_the_initiatives

# pygame_gui warns when a text does not fit its widget: in front of a group that is a bug.
pytestmark = pytest.mark.filterwarnings("error::UserWarning")


@pytest.fixture
def pilot(monkeypatch, tmp_path):
    harness = start_app(monkeypatch, tmp_path)
    yield harness
    harness.app.close()


def test_keyboard_only_game_reaches_the_debrief(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path, lang="nl")
    app = pilot.app
    try:
        assert pilot.scene == "title"
        pilot.press(pygame.K_RETURN)  # focus starts on "new game"
        assert pilot.scene == "scenario_choice"
        pilot.press(pygame.K_TAB, pygame.KMOD_SHIFT)  # back to the team name
        pilot.type_text("Oost")
        pilot.press(pygame.K_TAB)  # to "start"
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "briefing"
        assert app.controller.team == "Oost"
        rounds = 0
        while pilot.scene != "debrief" and rounds < 13:
            assert pilot.scene == "briefing", pilot.scene
            pilot.press(pygame.K_RETURN)
            if rounds == 0:
                assert pilot.scene == "ambition"  # before round 1: Enter goes on without aims
                pilot.press(pygame.K_RETURN)
            for _ in range(4):
                if pilot.scene != "decision":
                    break
                pilot.press(pygame.K_3)  # facilitating: 4 hours, always affordable
                pilot.press(pygame.K_RETURN)
            assert pilot.scene == "development"
            pilot.press(pygame.K_RETURN)  # resolve
            assert pilot.scene == "outcome"
            for _ in range(200):
                if pilot.scene != "outcome":
                    break
                pilot.press(pygame.K_RETURN)  # reveal one by one, then continue
            assert pilot.scene == "summary"
            pilot.press(pygame.K_RETURN)
            rounds += 1
            assert rounds <= 12
        assert rounds == 12
        assert app.controller.state.finished
        assert {o.role.value for r in app.controller.state.history for o in r.outcomes} == {
            "facilitating"
        }
        assert app.errors == []
    finally:
        app.close()


def test_mouse_only_game_reaches_the_debrief(pilot):
    app = pilot.app
    pilot.click_button("New game")
    pilot.click_button("Start the game")
    first = True
    for _ in range(12):
        to_the_initiatives(pilot)
        for _ in range(4):
            if pilot.scene != "decision":
                break
            pilot.click_button("5")  # letting go: 1 hour
            if first:
                pilot.click_button("Website")
                first = False
            forward = (
                "Next initiative"
                if pilot.app.scene.index + 1 < len(app.controller.state.current_initiatives)
                else "To development"
            )
            pilot.click_button(forward)
        assert pilot.scene == "development"
        pilot.click_button("Resolve the round")
        pilot.click_button("Show all")
        pilot.click_button("Continue")
        caption = "To the debrief" if app.controller.state.finished else "Next round"
        pilot.click_button(caption)
    assert pilot.scene == "debrief"
    history = app.controller.state.history
    assert len(history) == 12
    assert history[0].outcomes[0].channels == ("website",)
    assert app.errors == []


def test_choosing_a_role_by_number_key_and_cost_before_confirming(pilot):
    app = pilot.app
    pilot.click_button("New game")
    pilot.click_button("Start the game")
    to_the_initiatives(pilot)
    initiative = app.controller.state.current_initiatives[0]
    assert pilot.button("Next initiative").is_enabled is False  # no role yet
    pilot.press(pygame.K_2)
    assert app.controller.plan.roles[initiative].value == "directing"
    directing = app.controller.role_cost(MunicipalRole.DIRECTING)
    assert app.controller.cost().hours == directing
    pilot.click_button("Twitter")
    assert app.controller.plan.channels[initiative] == ["twitter"]
    assert app.controller.cost().hours == directing + 2
    pilot.click_button("Twitter")  # a toggle: off again
    assert app.controller.cost().hours == directing


def test_resolve_is_blocked_with_the_reason_when_hours_run_out(pilot):
    app = pilot.app
    pilot.click_button("New game")
    pilot.click_button("Start the game")
    to_the_initiatives(pilot)
    for _ in range(3):
        if pilot.scene != "decision":
            break
        pilot.press(pygame.K_4)  # participating: 6 hours
        for channel in ("Facebook", "LinkedIn"):
            pilot.click_button(channel)
        pilot.app.scene.next()
        pilot.advance(2)
    assert pilot.scene == "development"
    confirm = pilot.button("Resolve the round")
    assert not confirm.is_enabled
    assert "hours" in (confirm.tool_tip_text or "")
    before = app.controller.state
    pilot.press(pygame.K_RETURN)
    assert pilot.scene == "development"
    assert app.controller.state is before


def test_language_switch_in_settings(pilot):
    pilot.click_button("Settings")
    assert pilot.scene == "settings"
    pilot.click_button("Nederlands")
    assert pilot.app.settings.language == "nl"
    assert pilot.button("Terug")  # the same screen, now in Dutch
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene == "title"
    assert pilot.button("Nieuw spel")
    pilot.click_button("Instellingen")
    pilot.click_button("English")
    pilot.press(pygame.K_ESCAPE)
    assert pilot.button("New game")


def test_resize_lays_the_scene_out_again(pilot):
    before = pilot.button("New game").get_abs_rect()
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1920, 1080), w=1920, h=1080))
    pilot.advance(2)
    assert pilot.app.screen.get_size() == (1920, 1080)
    after = pilot.button("New game").get_abs_rect()
    assert after.width == pytest.approx(before.width * 1.5, abs=2)
    assert after.centerx == pytest.approx(before.centerx * 1.5, abs=2)


def test_f11_toggles_fullscreen_and_back(pilot):
    pilot.press(pygame.K_F11)
    assert pilot.app.settings.fullscreen
    pilot.press(pygame.K_F11)
    assert not pilot.app.settings.fullscreen
    assert pilot.app.screen.get_size() == (1280, 720)


def test_an_exception_in_a_scene_shows_the_error_screen_and_keeps_the_game(pilot, monkeypatch):
    app = pilot.app
    pilot.click_button("New game")
    pilot.click_button("Start the game")
    state = app.controller.state

    def broken(self, surface):
        raise RuntimeError("boom in draw")

    monkeypatch.setattr(BriefingScene, "draw", broken)
    pilot.press(pygame.K_a)  # any input paints the scene again
    pilot.advance(2)
    assert pilot.scene == "error"
    log = (app.log_dir / "errors.log").read_text(encoding="utf-8")
    assert "boom in draw" in log and "Traceback" in log
    assert app.controller.state is state
    monkeypatch.undo()
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    pilot.click_button("Back to the game")
    assert pilot.scene == "briefing"
    assert app.controller.state is state


def test_an_invalid_scenario_shows_its_errors(monkeypatch, tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(SCENARIO_DIR / "gemeente-middelgroot.yaml", folder)
    (folder / "kapot.yaml").write_text("id: kapot\ntitle: Kapot\nrounds: many\n", encoding="utf-8")
    pilot = start_app(monkeypatch, tmp_path, scenario_dir=folder)
    try:
        pilot.click_button("New game")
        pilot.click_button("! kapot.yaml")
        scene = pilot.app.scene
        lines = problem_lines(scene.current.error)
        # Each problem with its line and column and field, as the loader reports it.
        assert any(line.startswith("3:") and "rounds" in line for line in lines), lines
        assert not pilot.button("Start the game").is_enabled
        # The trainer fixes the file and reloads without restarting.
        source = (SCENARIO_DIR / "gemeente-middelgroot.yaml").read_text(encoding="utf-8")
        (folder / "kapot.yaml").write_text(
            source.replace("id: gemeente-middelgroot", "id: kapot"), encoding="utf-8"
        )
        pilot.click_button("Reload")
        assert scene.current.valid and scene.current.id == "kapot"
        assert pilot.button("Start the game").is_enabled
        assert pilot.app.errors == []
    finally:
        pilot.app.close()


def test_continue_resumes_the_autosave_from_the_title_screen(monkeypatch, tmp_path):
    from game.saves import SaveStore

    store = SaveStore(tmp_path / "saves")
    pilot = start_app(monkeypatch, tmp_path, saves=store)
    try:
        assert not pilot.button("Continue").is_enabled  # nothing saved yet
        pilot.click_button("New game")
        pilot.click_button("Start the game")
        for _ in range(2):  # two rounds, each starting with an autosave
            to_the_initiatives(pilot)
            for _ in range(4):
                if pilot.scene != "decision":
                    break
                pilot.press(pygame.K_3)
                pilot.press(pygame.K_RETURN)
            pilot.click_button("Resolve the round")
            pilot.click_button("Show all")
            pilot.click_button("Continue")
            pilot.click_button("Next round")
        played = pilot.app.controller.state
        assert played.round == 3
    finally:
        pilot.app.close()
    # A new window, as after closing the laptop: "continue" picks up round 3.
    pilot = start_app(monkeypatch, tmp_path, saves=store)
    try:
        assert pilot.app.controller.state is None
        pilot.click_button("Continue")
        assert pilot.scene == "briefing"
        resumed = pilot.app.controller.state
        assert resumed.round == 3
        assert resumed.to_dict() == played.to_dict()
        # The game goes on from there with the same generator: one more round resolves.
        to_the_initiatives(pilot)
        pilot.press(pygame.K_3)
        assert pilot.app.errors == []
    finally:
        pilot.app.close()


def test_load_lists_saves_and_says_why_a_broken_one_cannot_be_used(monkeypatch, tmp_path):
    from game.saves import SaveStore

    store = SaveStore(tmp_path / "saves")
    pilot = start_app(monkeypatch, tmp_path, saves=store)
    try:
        pilot.click_button("New game")
        pilot.app.scene.team_entry.set_text("Noord")
        pilot.click_button("Start the game")
        saved = pilot.app.controller.state.to_dict()
        pilot.click_button("Save")  # a named slot with a thumbnail, beside the autosave
        [thumbnail] = (tmp_path / "saves").glob("slot-noord-round-1-*.png")
        assert thumbnail.with_suffix(".json").is_file()
    finally:
        pilot.app.close()
    (tmp_path / "saves" / "slot-kapot.json").write_text("{not json", encoding="utf-8")
    pilot = start_app(monkeypatch, tmp_path, saves=store)
    try:
        pilot.click_button("Load")
        assert pilot.scene == "load"
        assert [b.text for b in pilot.buttons()][:1] != ["Back"]
        assert len(pilot.app.scene.broken) == 1
        pilot.click_button(pilot.buttons()[0].text)  # the autosave of team Noord
        assert pilot.scene == "briefing"
        assert pilot.app.controller.team == "Noord"
        assert pilot.app.controller.state.to_dict() == saved
    finally:
        pilot.app.close()


def test_escape_walks_back_and_the_game_can_be_continued(pilot):
    app = pilot.app
    pilot.click_button("New game")
    pilot.click_button("Start the game")
    to_the_initiatives(pilot)
    pilot.press(pygame.K_1)
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene == "briefing"
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene == "title"
    pilot.click_button("Continue")
    assert pilot.scene == "briefing"
    pilot.press(pygame.K_RETURN)
    assert isinstance(app.scene, DecisionScene)
    # The plan survived the walk back and forth.
    first = app.controller.state.current_initiatives[0]
    assert app.controller.plan.roles[first].value == "normative"


@pytest.mark.parametrize("driver", ["no-such-driver", None])
def test_no_display_prints_a_clear_message(tmp_path, driver):
    """A broken driver, and no screen at all (SDL would fall back to drawing off screen)."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("SDL_VIDEODRIVER", None)
    if driver is not None:
        env["SDL_VIDEODRIVER"] = driver
    env["SDL_AUDIODRIVER"] = "dummy"
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "main.py", "play"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "No display available" in result.stderr
    assert "autoplay" in result.stderr
    assert "Traceback" not in result.stderr


def test_f1_help_and_f2_settings_come_back_to_the_same_initiative(pilot):
    app = pilot.app
    pilot.press(pygame.K_F1)
    assert pilot.scene == "help"
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene == "title"
    pilot.click_button("New game")
    pilot.click_button("Start the game")
    to_the_initiatives(pilot)
    pilot.press(pygame.K_5)
    pilot.press(pygame.K_RETURN)
    assert app.scene.index == 1
    pilot.press(pygame.K_F2)
    assert pilot.scene == "settings"
    pilot.click_button("Nederlands")
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene == "decision" and app.scene.index == 1
    assert pilot.button("Terug")


def test_continue_after_the_process_is_killed(monkeypatch, tmp_path):
    """Done-when of issue 6: the game process dies mid-game; the title screen resumes it."""
    import json
    import subprocess
    import sys
    import textwrap

    from tests.conftest import ROOT

    script = textwrap.dedent(
        f"""
        import json, os, signal, sys
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from game.saves import SaveStore
        from game.sim import Bot
        from game.ui.app import App
        from game.ui.harness import Harness
        from game.ui.settings import Settings

        store = SaveStore(Path({str(tmp_path / "saves")!r}))
        app = App((1280, 720), Settings(language="en", sound=False),
                  log_dir=Path({str(tmp_path / "logs")!r}), saves=store)
        pilot = Harness(app)
        pilot.click_button("New game")
        pilot.click_button("Start the game")
        controller = app.controller
        bot = Bot("best", 2)
        for _ in range(3):
            controller.apply(bot.decide(controller.state, controller.scenario))
            controller.resolve()
        Path({str(tmp_path / "state.json")!r}).write_text(json.dumps(controller.state.to_dict()))
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=120)
    assert result.returncode == -9  # killed, as a laptop that dies
    played = json.loads((tmp_path / "state.json").read_text())

    from game.saves import SaveStore

    pilot = start_app(monkeypatch, tmp_path, saves=SaveStore(tmp_path / "saves"))
    try:
        assert pilot.button("Continue").is_enabled
        pilot.click_button("Continue")
        assert pilot.scene == "briefing"
        resumed = pilot.app.controller.state
        assert resumed.round == 4
        assert json.loads(json.dumps(resumed.to_dict())) == played
    finally:
        pilot.app.close()
