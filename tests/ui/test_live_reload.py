"""A trainer edits the scenario while the game runs (issue 20): F5, or saving the file, reads it
again; the game keeps its round with its decisions played again in the new version, a broken
file shows its mistakes with their lines while the last good version plays on, and a change
that no longer fits a decision starts that round again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame

from game.scenario.loader import SCENARIO_DIR
from game.sim import Bot
from tests.helpers.ui import start_app

SOURCE = SCENARIO_DIR / "gemeente-middelgroot.yaml"


def _game(monkeypatch, tmp_path: Path, rounds: int = 2):
    """A game of a trainer's copy of the scenario, ``rounds`` rounds played."""
    path = tmp_path / "scenarios" / SOURCE.name
    path.parent.mkdir()
    shutil.copyfile(SOURCE, path)
    pilot = start_app(monkeypatch, tmp_path, scenario=str(path))
    app = pilot.app
    pilot.click_button("New game")
    pilot.click_button("Start the game")
    controller = app.controller
    assert controller.scenario_file and Path(controller.scenario_file) == path.resolve()
    bot = Bot("best", 3)
    for _ in range(rounds):
        controller.apply(bot.decide(controller.state, controller.scenario))
        controller.resolve()
    return pilot, path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_f5_reads_the_edit_and_keeps_the_round(monkeypatch, tmp_path: Path) -> None:
    pilot, path = _game(monkeypatch, tmp_path)
    app = pilot.app
    try:
        before = app.controller.state
        _edit(path, "Questions about the waste calendar", "Questions about the bin calendar")
        pilot.press(pygame.K_F5)
        assert pilot.scene == "message"
        state = app.controller.state
        assert state.round == before.round == 3
        assert [r.decisions for r in state.history] == [r.decisions for r in before.history]
        title = app.controller.scenario.initiative("afval_vragen").title.get("en")
        assert title == "Questions about the bin calendar"
        pilot.click_button("To the game")
        assert pilot.scene == "briefing"
    finally:
        app.close()


def test_a_broken_edit_shows_its_lines_and_the_game_plays_on(monkeypatch, tmp_path: Path) -> None:
    pilot, path = _game(monkeypatch, tmp_path)
    app = pilot.app
    try:
        scenario, state = app.controller.scenario, app.controller.state
        _edit(path, "rounds: 12", "rounds: twelve")
        pilot.press(pygame.K_F5)
        assert pilot.scene == "message"
        assert f"{path.name}:" in app.scene.message and "rounds" in app.scene.message
        assert app.controller.scenario is scenario and app.controller.state is state
    finally:
        app.close()


def test_saving_the_file_reloads_it_without_a_key(monkeypatch, tmp_path: Path) -> None:
    pilot, path = _game(monkeypatch, tmp_path, rounds=1)
    app = pilot.app
    try:
        pilot.advance(2)  # the watch learns the file as it is
        _edit(path, "Questions about the waste calendar", "Waste calendar questions")
        app.scenario_watch.next_look = 0.0  # the once-a-second look, now
        pilot.advance(2)
        assert pilot.scene == "message"
        title = app.controller.scenario.initiative("afval_vragen").title.get("en")
        assert title == "Waste calendar questions"
    finally:
        app.close()
