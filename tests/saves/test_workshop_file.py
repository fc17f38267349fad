"""The workshop file: a hot-seat workshop kept as a whole beside its teams' autosaves, and read
back as hostile input. A broken workshop file is refused with its reason and never costs the
teams' games: they still load one by one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.saves import SaveError, SaveStore
from game.saves.workshop import MAX_WORKSHOP_BYTES, read_workshop
from game.scenario.loader import load_scenario
from game.sim import Bot
from game.ui.controller import GameController
from game.ui.hot_seat_saves import workshop_record
from game.ui.timer import RoundTimer
from tests.helpers.saves import finder

TEAMS = ["Team Rood", "Team Blauw", "Team Groen"]


def _workshop(tmp_path: Path) -> tuple[SaveStore, GameController, Path]:
    """Three teams on one laptop; the first has played a round, the second has the laptop."""
    store = SaveStore(tmp_path / "saves")
    controller = GameController(autosave=store.autosave)
    timer = RoundTimer(clock=lambda: 1000.0)
    controller.keep_workshop = lambda: store.write_workshop(workshop_record(controller, timer))
    controller.start_teams(load_scenario(), 5, TEAMS, length="short")
    controller.apply(Bot("best", 5).decide(controller.state, controller.scenario))
    controller.resolve()
    controller.switch_to(controller.next_turn())
    timer.start(300)
    controller.news_to_every_team = False
    controller.save_plan()
    controller._keep_workshop()
    (path,) = (p for p, _ in store.workshops())
    return store, controller, path


def test_the_workshop_file_keeps_teams_turn_timer_and_news_setting(tmp_path: Path) -> None:
    store, controller, path = _workshop(tmp_path)
    workshop = read_workshop(path, store.directory)
    assert [team.team for team in workshop.teams] == TEAMS
    assert [team.game_id for team in workshop.teams] == [s.game_id for s in controller.seats]
    assert [team.round for team in workshop.teams] == [2, 1, 1]
    assert workshop.playing == 1 and workshop.workshop_id == controller.workshop_id
    assert workshop.timer is not None and workshop.timer.left == 300 and workshop.timer.running
    assert workshop.news_to_every_team is False
    assert store.workshop_of(controller.seats[2].game_id) == path
    _, games = store.load_workshop(path, finder(controller.scenario))
    assert [game.team for game in games] == TEAMS
    assert [game.game_id for game in games] == [s.game_id for s in controller.seats]
    # The file lies beside the autosaves and is not taken for a save.
    assert store.scan().broken == []
    assert sorted(info.team for info in store.list()) == sorted(TEAMS)


def _broken(document: dict) -> list[tuple[str, object]]:
    return [
        ("format_version", 2),
        ("playing", 3),
        ("playing", 1.0),
        ("playing", True),
        ("teams", []),
        ("teams", [document["teams"][0]] * 2),
        ("extra", "field"),
        ("workshop_id", "../../etc"),
        ("timer", {"seconds": 300, "left": float("inf"), "running": True}),
        ("timer", {"seconds": 300, "left": -1, "running": True}),
        ("scenario_id", "../x"),
    ]


@pytest.mark.parametrize("case", range(11))
def test_a_broken_workshop_file_is_refused_with_a_reason_and_the_teams_still_load(
    tmp_path: Path, case: int
) -> None:
    store, controller, path = _workshop(tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    key, value = _broken(document)[case]
    document[key] = value
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(SaveError) as refused:
        store.load_workshop(path, finder(controller.scenario))
    assert refused.value.reason and refused.value.reason_nl
    assert "one by one" in refused.value.reason
    assert store.workshop_of(controller.seats[0].game_id) is None  # Continue: one game
    for seat in controller.seats:
        (info,) = [i for i in store.list() if i.game_id == seat.game_id]
        assert store.load(info.path, finder(controller.scenario)).team == seat.team


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe",
        b"[1, 2]",
        b"{",
        b"1" * 5000,
        b"[" * 100_000,
        b"x" * (MAX_WORKSHOP_BYTES + 1),
    ],
    ids=["empty", "not-utf8", "a-list", "cut-off", "huge-number", "deep", "too-large"],
)
def test_whatever_the_workshop_file_holds_reading_it_never_crashes(
    tmp_path: Path, content: bytes
) -> None:
    store, _, path = _workshop(tmp_path)
    path.write_bytes(content)
    with pytest.raises(SaveError):
        read_workshop(path, store.directory)
    assert isinstance(store.workshops()[0][1], SaveError)


def test_a_workshop_file_that_is_a_pipe_or_leads_outside_is_refused(tmp_path: Path) -> None:
    store, _, path = _workshop(tmp_path)
    outside = tmp_path / "elsewhere.workshop"
    path.rename(outside)
    path.symlink_to(outside)
    with pytest.raises(SaveError, match="outside"):
        read_workshop(path, store.directory)
    path.unlink()
    if hasattr(os, "mkfifo"):
        os.mkfifo(path)
        with pytest.raises(SaveError, match="pipe"):
            read_workshop(path, store.directory)


def test_a_team_whose_game_is_gone_is_named(tmp_path: Path) -> None:
    store, controller, path = _workshop(tmp_path)
    (info,) = [i for i in store.list() if i.game_id == controller.seats[1].game_id]
    info.path.unlink()
    with pytest.raises(SaveError, match="Team Blauw"):
        store.load_workshop(path, finder(controller.scenario))
