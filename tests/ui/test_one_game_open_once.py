"""One game open once (issue 19: a second window on the same saves folder continued the same
team's game without a word, and the first window overwrote its autosave). The second window is
asked: look at it read-only (nothing is written), or continue as a copy (a new game id)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.saves import SaveStore
from game.saves.locks import lock_path
from game.scenario.loader import load_scenario
from game.sim import Bot
from tests.helpers.ui import start_app

pytestmark = pytest.mark.filterwarnings("error::UserWarning")


def _window(monkeypatch, tmp_path: Path):
    return start_app(monkeypatch, tmp_path, saves=SaveStore(tmp_path / "saves"))


def _play_round(app) -> None:
    controller = app.controller
    controller.apply(Bot("best", 4).decide(controller.state, controller.scenario))
    controller.resolve()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _first_window(monkeypatch, tmp_path: Path):
    """A window playing Team Rood's game (round 2), its lock held."""
    first = _window(monkeypatch, tmp_path)
    first.app.controller.start(load_scenario(), 5, "Team Rood")
    _play_round(first.app)
    return first


def test_a_second_window_is_asked_and_read_only_writes_nothing(monkeypatch, tmp_path):
    first = _first_window(monkeypatch, tmp_path)
    second = _window(monkeypatch, tmp_path)
    try:
        game_id = first.app.controller.game_id
        assert lock_path(tmp_path / "saves", game_id).exists()
        before = _files(tmp_path / "saves")
        second.click_button("Continue")
        assert second.scene == "locked"
        second.click_button("Look at it read-only")
        assert second.scene == "message"
        second.click_button("To the game")
        assert second.scene == "briefing"
        controller = second.app.controller
        assert controller.read_only and controller.game_id == game_id
        assert controller.problems()  # no round can be played: it says why
        assert "read-only" in controller.problems()[0].explain("en")
        second.app.quit()
        assert _files(tmp_path / "saves") == before  # nothing written, no lock taken or lost
    finally:
        second.app.close()
        first.app.close()


def test_continue_as_a_copy_gets_a_new_id_and_leaves_the_first_autosave(monkeypatch, tmp_path):
    first = _first_window(monkeypatch, tmp_path)
    second = _window(monkeypatch, tmp_path)
    try:
        game_id = first.app.controller.game_id
        (autosave,) = [p for p in (tmp_path / "saves").glob("autosave-*.json")]
        kept = autosave.read_bytes()
        second.click_button("Continue")
        second.click_button("Continue as a copy")
        copy = second.app.controller
        assert copy.game_id != game_id and not copy.read_only
        assert copy.state.round == 2 and second.scene == "briefing"
        _play_round(second.app)
        assert autosave.read_bytes() == kept
        assert len(list((tmp_path / "saves").glob("autosave-*.json"))) == 2
        assert lock_path(tmp_path / "saves", copy.game_id).exists()
    finally:
        second.app.close()
        first.app.close()
    assert not list((tmp_path / "saves").glob("*.lock"))  # released when the windows close


def test_a_lock_whose_window_is_gone_is_taken_over_without_a_word(monkeypatch, tmp_path):
    first = _first_window(monkeypatch, tmp_path)
    game_id = first.app.controller.game_id
    path = lock_path(tmp_path / "saves", game_id)
    lock = json.loads(path.read_text())
    first.app.locks.held.clear()  # the window "crashed": its lock stays behind
    first.app.close()
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    lock["pid"] = int(done.stdout)
    path.write_text(json.dumps(lock))
    second = _window(monkeypatch, tmp_path)
    try:
        second.click_button("Continue")
        assert second.scene == "briefing"
        assert second.app.controller.game_id == game_id
        assert json.loads(path.read_text())["token"] == second.app.locks.token
    finally:
        second.app.close()


def test_a_workshop_open_in_another_window_is_asked_for_and_copied_whole(monkeypatch, tmp_path):
    first = _window(monkeypatch, tmp_path)
    first.app.controller.start_teams(
        load_scenario(), 5, ["Team Rood", "Team Blauw"], length="short"
    )
    second = _window(monkeypatch, tmp_path)
    try:
        ids = [seat.game_id for seat in first.app.controller.seats]
        second.click_button("Continue")
        assert second.scene == "locked"
        assert second.app.scene.heading == "This workshop is open in another window"
        second.click_button("Continue as a copy")
        assert second.scene == "turn"
        copy = second.app.controller
        assert len(copy.seats) == 2
        assert not {seat.game_id for seat in copy.seats} & set(ids)
        assert copy.workshop_id != first.app.controller.workshop_id
        assert len(list((tmp_path / "saves").glob("workshop-*.workshop"))) == 2
    finally:
        second.app.close()
        first.app.close()


def test_a_folder_where_locks_cannot_be_written_plays_on_and_says_so_once(monkeypatch, tmp_path):
    import game.saves.locks as locks

    def refuse(path, data):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(locks, "write_new", refuse)
    first = _first_window(monkeypatch, tmp_path)
    first.app.close()
    second = _window(monkeypatch, tmp_path)
    try:
        second.click_button("Continue")
        assert second.scene == "message"
        second.click_button("To the game")
        assert second.scene == "briefing"
        second.click_button("Title screen")
        second.click_button("Continue")
        assert second.scene == "briefing"  # said once
    finally:
        second.app.close()
