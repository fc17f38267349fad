"""A hot-seat workshop comes back whole after quit and Continue (issue 19: only one team came
back, the summary said "Next round" and the workshop's end screen never came)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.saves import SaveStore
from game.scenario.loader import load_scenario
from game.sim import Bot
from game.ui.scenes.workshop.turn import after_turn
from tests.helpers.ui import drawn, start_app

pytestmark = pytest.mark.filterwarnings("error::UserWarning")

TEAMS = ["Team Rood", "Team Blauw"]


def _play_round(app, seed: int = 4) -> None:
    controller = app.controller
    controller.apply(Bot("best", seed).decide(controller.state, controller.scenario))
    controller.resolve()


def _workshop_mid_round(monkeypatch, tmp_path: Path) -> None:
    """Two teams; Team Rood has played round 1, Team Blauw has the laptop, the timer runs."""
    pilot = start_app(monkeypatch, tmp_path, saves=SaveStore(tmp_path / "saves"))
    app = pilot.app
    try:
        app.controller.start_teams(load_scenario(), 5, TEAMS, length="short")
        _play_round(app)
        after_turn(app)
        pilot.advance(2)
        assert app.controller.team == "Team Blauw"
        app.timer.start(300)
        app.timer.ends -= 60  # a minute gone
        app.timer.pause()
        app.quit()
    finally:
        app.close()


def test_continue_brings_the_whole_workshop_back_at_the_right_turn(monkeypatch, tmp_path):
    _workshop_mid_round(monkeypatch, tmp_path)
    pilot = start_app(monkeypatch, tmp_path, saves=SaveStore(tmp_path / "saves"))
    app = pilot.app
    try:
        note = f"Workshop in progress: {', '.join(TEAMS)}. Continue brings every team back."
        assert note in drawn(app)  # the title says what Continue brings back
        pilot.click_button("Continue")
        assert pilot.scene == "turn"
        controller = app.controller
        assert [seat.team for seat in controller.seats] == TEAMS
        assert controller.team == "Team Blauw"
        assert [seat.state.round for seat in controller.seats] == [2, 1]
        assert "Team Blauw" in drawn(app)
        assert app.timer.paused and 235 <= app.timer.left() <= 241
        # Team Blauw plays its round: the summary hands the laptop on.
        pilot.click_button("Start the round")
        _play_round(app)
        app.go(app.scenes.summary)
        pilot.advance(2)
        assert pilot.button("Next team")
        pilot.click_button("Next team")
        assert pilot.scene == "turn"
        assert controller.team == "Team Rood"
        # Played to the end, turn by turn: the workshop's end screen.
        while (turn := controller.next_turn()) is not None:
            controller.switch_to(turn)
            _play_round(app)
        after_turn(app)
        pilot.advance(2)
        assert pilot.scene == "workshop_end"
        assert pilot.button("Debrief of Team Rood") and pilot.button("Debrief of Team Blauw")
    finally:
        app.close()


def test_continue_of_a_finished_workshop_opens_its_end_screen(monkeypatch, tmp_path):
    store = SaveStore(tmp_path / "saves")
    pilot = start_app(monkeypatch, tmp_path, saves=store)
    app = pilot.app
    try:
        controller = app.controller
        controller.start_teams(load_scenario(), 5, TEAMS, length="short")
        while (turn := controller.next_turn()) is not None:
            controller.switch_to(turn)
            _play_round(app)
        app.quit()
    finally:
        app.close()
    pilot = start_app(monkeypatch, tmp_path, saves=SaveStore(tmp_path / "saves"))
    try:
        pilot.click_button("Continue")
        assert pilot.scene == "workshop_end"
        seats = pilot.app.controller.seats
        assert len(seats) == 2
        assert all(seat.results_file is not None and seat.results_file.is_file() for seat in seats)
    finally:
        pilot.app.close()


def test_load_shows_the_workshop_as_one_entry(monkeypatch, tmp_path):
    _workshop_mid_round(monkeypatch, tmp_path)
    pilot = start_app(monkeypatch, tmp_path, saves=SaveStore(tmp_path / "saves"))
    try:
        pilot.click_button("Load")
        captions = [b.text for b in pilot.buttons()]
        workshops = [c for c in captions if " · Workshop · round 1 · Team Rood, Team Blauw" in c]
        assert len(workshops) == 1, captions
        rows = [c.split(" · ") for c in captions if " · " in c]
        assert not any(row[1] in TEAMS for row in rows), captions  # not listed apart
        pilot.click_button(workshops[0])
        assert pilot.scene == "turn"
        assert pilot.app.controller.team == "Team Blauw"
    finally:
        pilot.app.close()
