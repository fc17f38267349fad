"""Shared helpers of the UI tests: an app on SDL's dummy drivers, a pilot for it, and games
played through its controller."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import load_scenario
from game.sim import Bot
from game.ui import look
from game.ui.app import App
from game.ui.harness import Harness
from game.ui.settings import Settings


def start_app(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    lang: str = "en",
    size: tuple[int, int] = (1280, 720),
    **options: object,
) -> Harness:
    """A real app, headless; close it with ``pilot.app.close()``."""
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    settings = Settings(language=lang, sound=False)  # type: ignore[arg-type]
    app = App(size, settings, log_dir=tmp_path / "logs", **options)  # type: ignore[arg-type]
    pilot = Harness(app)
    pilot.advance(2)
    return pilot


def drawn(app) -> list[str]:
    """Every line of text the current scene draws itself."""
    look.RECORDING = []
    try:
        app.invalidate()
        app.draw()
        return [what for kind, _, what in look.RECORDING if kind == "text"]
    finally:
        look.RECORDING = None


def finish_game(app, seed: int = 3) -> None:
    """The game in progress played to its end through the controller, by the ``best`` bot."""
    controller = app.controller
    bot = Bot("best", seed)
    while not controller.state.finished:
        controller.apply(bot.decide(controller.state, controller.scenario))
        controller.resolve()


def play_rounds(app, rounds: int, seed: int = 3) -> None:
    """``rounds`` rounds of the default scenario through the controller, as the tour plays."""
    scenario = load_scenario()
    app.controller.start(scenario, seed, "Team Rood")
    bot = Bot("best", seed)
    for _ in range(rounds):
        if app.controller.state.finished:
            break
        app.controller.apply(bot.decide(app.controller.state, scenario))
        app.controller.resolve()


def to_the_initiatives(pilot: Harness) -> None:
    """From the briefing to the first card; in round 1 by way of the ambition step, left as
    it is (the group may set no aims)."""
    pilot.click_button("To the initiatives")
    if pilot.scene == "ambition":
        pilot.click_button("To the initiatives")
