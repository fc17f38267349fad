"""Continue picks the game last played, and a game goes on when its scenario changed.

Guards against what issue 11 found: continue picked a game by the time written inside the file,
so a save made with a wrong clock won over today's game; a changed scenario offered no "continue
anyway"; a game started from a file outside ``scenarios/`` could not be continued; a save that
reads but fails its replay hid a good ``.bak``.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from game.saves import (
    SaveError,
    SaveStore,
    continue_in_new_version,
    find_installed_scenario,
    load_save,
    new_game_id,
)
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.sim import Bot
from game.ui.controller import GameController
from tests.conftest import make_scenario
from tests.helpers.saves import EXAMPLES, controller_game, finder, forged, played


def test_continue_ignores_a_wrong_clock_in_the_file_and_on_the_file(
    small: Scenario, tmp_path: Path
) -> None:
    store = SaveStore(tmp_path)
    yesterday = store.autosave(played(small, 1, 1), small, "Team Oost", new_game_id())
    # Written while the laptop's clock said 2099: the file's time and the time inside.
    forged(yesterday, lambda d: d.update(created="2099-06-01T09:00:00+00:00"))
    future = time.mktime((2099, 6, 1, 9, 0, 0, 0, 0, -1))
    os.utime(yesterday, (future, future))
    today = SaveStore(tmp_path).autosave(played(small, 2, 1), small, "Team West", new_game_id())
    latest = SaveStore(tmp_path).latest_autosave()
    assert latest is not None and latest.path == today
    assert [i.path for i in SaveStore(tmp_path).list()] == [today, yesterday]


def test_continue_orders_saves_with_equal_file_times_by_the_counter(
    small: Scenario, tmp_path: Path
) -> None:
    """A FAT stick keeps file times to 2 seconds: the folder's write counter decides."""
    paths = [
        SaveStore(tmp_path).autosave(played(small, seed, 1), small, f"Team {seed}", new_game_id())
        for seed in (1, 2, 3)
    ]
    for path in paths:
        os.utime(path, (1_700_000_000, 1_700_000_000))
    infos = SaveStore(tmp_path).list()
    assert [i.path for i in infos] == paths[::-1]
    assert [i.sequence for i in infos] == [3, 2, 1]


def test_a_finished_game_is_autosaved_so_continue_opens_its_debrief(
    small: Scenario, tmp_path: Path
) -> None:
    store = SaveStore(tmp_path)
    controller = controller_game(store, small, "Team", 4, small.rounds)
    assert controller.state.finished
    latest = store.latest_autosave()
    assert latest is not None and latest.finished and latest.game_id == controller.game_id
    assert store.load(latest.path, finder(small)).state.finished


def test_a_set_aside_save_is_listed_but_never_continued(small: Scenario, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    older = store.autosave(played(small, 1, 1), small, "Team Oost", new_game_id())
    game = new_game_id()
    store.autosave(played(small, 2, 0), small, "Team West", game)
    newer = store.autosave(played(small, 2, 1), small, "Team West", game)
    aside = store.set_aside(newer)
    assert aside.name == "aside-" + newer.name and not newer.exists()
    assert aside.with_name(aside.name + ".bak").is_file()  # its backup went with it
    latest = store.latest_autosave()
    assert latest is not None and latest.path == older
    assert aside in [i.path for i in store.list() if i.aside]
    loaded = store.load(aside, finder(small))
    assert loaded.game_id != game  # continued, it is a branch: it never overwrites its game
    # Setting aside never replaces another file.
    again = store.autosave(played(small, 2, 1), small, "Team West", game)
    assert store.set_aside(again).name == "aside-2-" + newer.name


def test_a_game_from_a_scenario_outside_the_folder_can_be_continued(
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "workshop" / "saves-example.yaml"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes((EXAMPLES / "saves-example.yaml").read_bytes())
    scenario = load_scenario(elsewhere)
    store = SaveStore(tmp_path / "saves")
    controller = GameController(autosave=store.autosave)
    controller.start(scenario, 3, "Team", scenario_file=str(elsewhere))
    controller.apply(Bot("best", 3).decide(controller.state, scenario))
    controller.resolve()
    assert find_installed_scenario("saves-example") is None
    latest = SaveStore(tmp_path / "saves").latest_autosave()
    assert latest is not None and latest.scenario_file == str(elsewhere)
    loaded = load_save(latest.path, find_installed_scenario)
    assert loaded.state.to_dict() == controller.state.to_dict()
    assert loaded.scenario_file == str(elsewhere)
    # The file moved away: the save says which scenario it needs, as before.
    elsewhere.rename(tmp_path / "moved.yaml")
    with pytest.raises(SaveError) as caught:
        load_save(latest.path, find_installed_scenario)
    assert caught.value.kind == "scenario_missing"


def test_a_hint_to_a_file_of_another_scenario_is_not_trusted(
    small: Scenario, tmp_path: Path
) -> None:
    """The hint is only a place to look: the file found there must have the save's id."""
    impostor = tmp_path / "test.yaml"
    impostor.write_bytes((EXAMPLES / "saves-example.yaml").read_bytes())
    store = SaveStore(tmp_path / "saves")
    path = store.autosave(played(small, 1, 1), small, "A", new_game_id(), str(impostor))
    assert load_save(path, finder(small)).scenario is small


def test_continue_in_the_new_version_replays_the_decisions_there(
    small: Scenario, tmp_path: Path
) -> None:
    store = SaveStore(tmp_path)
    game = new_game_id()
    path = store.autosave(played(small, 9, 2), small, "Team A", game)
    tuned = make_scenario(version="1.1", tuning={"inertia": 0.9})
    with pytest.raises(SaveError) as caught:
        load_save(path, finder(tuned))
    assert (
        caught.value.kind == "replay_mismatch"
        and "version 1.0 then, 1.1 now" in caught.value.reason
    )
    moved = continue_in_new_version(path, finder(tuned))
    assert moved.mismatch is None and moved.state.round == 3 and moved.game_id == game
    assert moved.state.scenario_version == "1.1"
    assert moved.state.history[-1].decisions == played(small, 9, 2).history[-1].decisions
    # The game that goes on is one the new version really gives: its next save loads cleanly.
    again = store.autosave(moved.state, tuned, moved.team, moved.game_id)
    assert load_save(again, finder(tuned)).state.to_dict() == moved.state.to_dict()


def test_continue_in_a_new_major_version_goes_on_from_the_first_round_it_refuses(
    small: Scenario, tmp_path: Path
) -> None:
    path = SaveStore(tmp_path).autosave(played(small, 9, 3), small, "Team A", new_game_id())
    poorer = make_scenario(version="2.0", start={"capacity": 1, "budget": 0, "budget_per_round": 0})
    with pytest.raises(SaveError) as caught:
        load_save(path, finder(poorer))
    assert caught.value.kind == "scenario_incompatible"
    moved = continue_in_new_version(path, finder(poorer))
    assert moved.mismatch is not None and moved.mismatch.round == 1
    assert "no longer allowed" in moved.mismatch.explain("en")
    assert moved.state.round == 1 and moved.state.history == ()


def test_a_save_failing_its_replay_offers_its_good_backup(
    small: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SaveStore(tmp_path)
    game = new_game_id()
    store.autosave(played(small, 9, 1), small, "A", game)
    path = store.autosave(played(small, 9, 2), small, "A", game)
    forged(path, lambda d: d["body"]["fingerprint"]["rounds"][1]["indicators"].update(trust=99.0))
    with pytest.raises(SaveError) as caught:
        store.load(path, finder(small))
    assert caught.value.kind == "replay_mismatch"
    backup = store.usable_backup(path, finder(small))
    assert backup is not None and backup.state.round == 2 and backup.game_id == game
    assert SaveStore(tmp_path).latest_autosave().path == path  # listed: it reads
    # The command line says so too.
    scenario_file = tmp_path / "test.yaml"
    scenario_file.write_text(json.dumps(_yaml_ready(small)), encoding="utf-8")
    from game.cli import main

    assert main(["load", str(path), "--check", "--scenario", str(scenario_file)]) == 1
    err = capsys.readouterr().err
    assert "different game" in err and f"its backup {path.name}.bak is valid (round 2)" in err


def _yaml_ready(scenario: Scenario) -> dict[str, Any]:
    """A scenario as plain data (JSON is YAML), for a scenario file on disk."""
    return scenario.model_dump(mode="json", exclude_defaults=True)
