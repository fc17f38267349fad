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
        if scale == 1.0:  # the step moves aside: the organisation stays whole beside the team
            organisation = app.controller.scenario.organisation.name.get(lang)
            assert f"{organisation} · Team Blauwe Reigers" in lines, lines
        app.timer.start(300)  # the timer takes the middle of the bar: the team stays named
        lines = drawn(app)
        assert any("Team Blauwe" in line for line in lines), lines  # at 140%: "Team Blauwe Rei…"
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


def _injects(seat, event_id: str) -> int:
    return sum(
        1 for s in seat.state.interventions if s.kind.value == "inject" and s.subject == event_id
    )


def test_news_from_the_panel_reaches_every_team_once(monkeypatch, tmp_path: Path) -> None:
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    _teams(pilot, ["Team Rood", "Team Blauw", "Team Groen"])
    controller = app.controller
    try:
        event = next(e.id for e in controller.scenario.events if e.id not in controller.state.news)
        controller.seats[2].state.news = (*controller.seats[2].state.news, event)  # by the dice
        given = controller.inject(event)
        assert given == {"Team Rood": True, "Team Blauw": True, "Team Groen": False}
        assert controller.team == "Team Rood"  # the team playing stays the one playing
        assert [event in seat.state.news for seat in controller.seats] == [True] * 3
        # Pressed again (or later, by another round's news): never a second time.
        assert controller.inject(event) == dict.fromkeys(given, False)
        assert [_injects(seat, event) for seat in controller.seats] == [1, 1, 0]
    finally:
        app.close()


@pytest.mark.parametrize(("lang", "scale"), [("nl", 1.4), ("en", 1.0)])
def test_the_panel_can_bring_news_to_one_team_on_purpose(
    monkeypatch, tmp_path: Path, lang: str, scale: float
) -> None:
    pilot = start_app(monkeypatch, tmp_path, lang=lang)
    app = pilot.app
    app.apply_settings(Settings(language=lang, sound=False, font_scale=scale))
    _teams(pilot)
    controller = app.controller
    try:
        app.go(app.scenes.inject(app, app.scene))
        pilot.advance(3)
        every = "For every team" if lang == "en" else "Voor elk team"
        only = ("Only for {team}" if lang == "en" else "Alleen voor {team}").format(
            team="Team Rood"
        )
        pilot.click_button(every)
        pilot.advance(3)
        assert only in [button.text for button in pilot.buttons()]
        scene = app.scene
        event = next(e for e in controller.scenario.events if e.id not in controller.state.news)
        pilot.click_button(event.title.get(lang))
        assert [_injects(seat, event.id) for seat in controller.seats] == [1, 0]
        assert scene.every_team is False
    finally:
        app.close()


@pytest.mark.parametrize(("lang", "scale"), [("nl", 1.4), ("en", 1.0)])
def test_the_hand_over_card_names_the_team_whole_at_every_size(
    monkeypatch, tmp_path: Path, lang: str, scale: float
) -> None:
    """The longest name the new-game screen takes (40 characters), whole and within the window."""
    from game.ui import look

    longest = "Team Wethouders en Griffiers Oostkant WW"
    pilot = start_app(monkeypatch, tmp_path, lang=lang)
    app = pilot.app
    app.apply_settings(Settings(language=lang, sound=False, font_scale=scale))
    try:
        app.controller.start_teams(load_scenario(), 5, [longest, "Team Rood"], length="short")
        app.go(app.scenes.turn)
        pilot.advance(3)
        look.RECORDING = []
        app.invalidate()
        app.draw()
        shown = [(rect, what) for kind, rect, what in look.RECORDING if kind == "text"]
        look.RECORDING = None
        (rect,) = [rect for rect, what in shown if what == longest]
        assert rect.left >= 0 and rect.right <= 1280
    finally:
        look.RECORDING = None
        app.close()
