"""The save store: autosaves, slots, backups, listing, where saves go, and tidying up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import platformdirs
import pytest

from game.domain import CitizenRelation, GameLength, GrowthPhase
from game.saves import SaveError, SaveKind, SaveStore, default_save_dir, load_save, new_game_id
from game.saves import atomic as atomic_module
from game.saves.names import slug
from game.saves.store import APP_NAME, SOURCE_ROOT
from game.scenario.loader import SCENARIO_DIR, load_scenario
from game.scenario.models import Scenario
from game.sim import Bot, new_game, play, resolve_round
from game.sim.ambition import set_ambition
from game.sim.facilitator import (
    end_early,
    ended_early,
    inject_event,
    injectable_events,
    record,
    skip_round,
)
from game.sim.interventions import InterventionKind
from game.sim.length import start_game
from tests.helpers.saves import finder, played

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _dump(value: object) -> str:
    return json.dumps(value, sort_keys=True)


def _temp_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("path", sorted(SCENARIO_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_round_trip_every_shipped_scenario(path: Path, tmp_path: Path) -> None:
    """Autosave at the start of every round, load it, and the game is exactly the same."""
    scenario = load_scenario(path)
    store = SaveStore(tmp_path)
    find = finder(scenario)
    state = new_game(scenario, 17)
    rng = state.rng()
    bot = Bot("best", 17)
    game = new_game_id()
    while True:
        saved = store.autosave(state, scenario, "Team Één", game)
        loaded = store.load(saved, find)
        assert _dump(loaded.state.to_dict()) == _dump(state.to_dict())
        assert loaded.team == "Team Één" and loaded.scenario is scenario
        assert loaded.info.round == state.round and loaded.mismatch is None
        assert loaded.game_id == game  # an autosave goes on as the same game
        if state.finished:
            break
        decisions = bot.decide(state, scenario)
        # The loaded game goes on exactly as the one that was saved.
        on, _ = resolve_round(loaded.state, decisions, scenario, loaded.state.rng())
        state, _ = resolve_round(state, decisions, scenario, rng)
        assert _dump(on.to_dict()) == _dump(state.to_dict())
    assert state.round == scenario.rounds + 1
    assert _temp_files(tmp_path) == []


def test_autosave_keeps_the_previous_round_as_backup(small: Scenario, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    game = new_game_id()
    path = store.autosave(played(small, 3, 0), small, "A", game)
    assert store.autosave(played(small, 3, 1), small, "A", game) == path
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"autosave-a-{game}.json",
        f"autosave-a-{game}.json.bak",
    ]
    assert store.load(path, finder(small)).state.round == 2
    assert store.load(path.with_name(path.name + ".bak"), finder(small)).state.round == 1


def test_every_team_has_its_own_autosave_and_continue_takes_the_newest(
    small: Scenario, tmp_path: Path
) -> None:
    store = SaveStore(tmp_path)
    assert store.latest_autosave() is None
    store.autosave(played(small, 1, 1), small, "Team Oost", new_game_id())
    store.autosave(played(small, 2, 2), small, "Team West", new_game_id())
    infos = store.list()
    assert [(i.team, i.round, i.kind) for i in infos] == [
        ("Team West", 3, SaveKind.AUTOSAVE),
        ("Team Oost", 2, SaveKind.AUTOSAVE),
    ]
    latest = store.latest_autosave()
    assert latest is not None and latest.team == "Team West"
    assert store.load(latest.path, finder(small)).state.round == 3


def test_slots_with_names_and_thumbnails(small: Scenario, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    game = new_game_id()
    first = store.save_slot(
        "Voor de pauze", played(small, 4, 1), small, "Team A", PNG, game_id=game
    )
    store.save_slot("Na de pauze", played(small, 4, 2), small, "Team A", game_id=game)
    store.autosave(played(small, 4, 2), small, "Team A", game)
    infos = store.list()
    assert [i.kind for i in infos] == [SaveKind.AUTOSAVE, SaveKind.SLOT, SaveKind.SLOT]
    pause = infos[2]
    assert (pause.name, pause.path, pause.round) == ("Voor de pauze", first, 2)
    assert pause.thumbnail == first.with_suffix(".png")
    assert first.name.startswith("slot-voor-de-pauze-")
    assert pause.thumbnail.read_bytes() == PNG
    assert infos[1].thumbnail is None
    assert pause.title("nl") == small.title.get("nl") and pause.scenario_id == "test"


def test_saving_a_slot_again_keeps_the_previous_one(small: Scenario, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    game = new_game_id()
    path = store.save_slot("Ronde", played(small, 4, 1), small, "A", game_id=game)
    assert store.save_slot("Ronde", played(small, 4, 2), small, "A", game_id=game) == path
    assert load_save(path, finder(small)).state.round == 3
    assert load_save(path.with_name(path.name + ".bak"), finder(small)).state.round == 2


def test_a_damaged_save_is_listed_from_its_backup(small: Scenario, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    game = new_game_id()
    store.autosave(played(small, 5, 0), small, "A", game)
    path = store.autosave(played(small, 5, 1), small, "A", game)
    path.write_bytes(path.read_bytes()[:500])
    [info] = store.list()
    assert info.from_backup and info.round == 1 and info.path.name == path.name + ".bak"
    [problem] = store.broken()
    assert problem.kind == "truncated" and problem.path == path
    assert store.latest_autosave() == info
    assert store.load(info.path, finder(small)).state.round == 1


def test_a_backup_whose_save_was_deleted_is_still_offered(small: Scenario, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    game = new_game_id()
    store.autosave(played(small, 5, 0), small, "A", game)
    path = store.autosave(played(small, 5, 1), small, "A", game)
    path.unlink()
    assert [(i.round, i.from_backup) for i in store.list()] == [(1, True)]


def test_bad_names_and_thumbnails_are_refused_and_write_nothing(
    small: Scenario, tmp_path: Path
) -> None:
    store = SaveStore(tmp_path)
    state = played(small, 6, 1)
    for name, team, picture in [
        ("   ", "A", None),
        ("x" * 81, "A", None),
        ("ok", "", None),
        ("ok", "A", b"GIF89a not a png"),
    ]:
        with pytest.raises(SaveError) as caught:
            store.save_slot(name, state, small, team, picture, game_id=new_game_id())
        assert caught.value.kind in ("bad_name", "bad_thumbnail")
        assert caught.value.explain("nl") != caught.value.explain("en")
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_last_good_save(
    small: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SaveStore(tmp_path)
    game = new_game_id()
    path = store.autosave(played(small, 7, 1), small, "A", game)
    good = path.read_bytes()

    def disk_full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_module.os, "replace", disk_full)
    with pytest.raises(SaveError) as caught:
        store.autosave(played(small, 7, 2), small, "A", game)
    assert caught.value.kind == "write_failed" and "No space left" in caught.value.reason
    monkeypatch.undo()
    assert path.read_bytes() == good
    assert _temp_files(tmp_path) == []


def test_a_file_written_once_is_whole_or_not_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``write_new`` (a starter scenario, a pack): never over a file, and a disk that fills up
    while it writes leaves no empty or half file and no temporary one (issue 17)."""
    path = tmp_path / "zuid.yaml"
    atomic_module.write_new(path, b"id: zuid\n")
    assert path.read_bytes() == b"id: zuid\n"
    with pytest.raises(FileExistsError):
        atomic_module.write_new(path, b"id: other\n")
    assert path.read_bytes() == b"id: zuid\n"

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_module.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        atomic_module.write_new(tmp_path / "noord.yaml", b"id: noord\n")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zuid.yaml"]


def test_a_save_for_another_scenario_is_refused(
    small: Scenario, default_scenario: Scenario, tmp_path: Path
) -> None:
    with pytest.raises(SaveError) as caught:
        SaveStore(tmp_path).autosave(played(small, 1, 1), default_scenario, "A", new_game_id())
    assert caught.value.kind == "wrong_scenario"


def test_slugs_are_safe_readable_parts_of_file_names() -> None:
    assert slug("Team Één!") == "team-een"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("CON") == "con"
    assert slug("فريق") == slug("🚀") == ""  # nothing readable: the game id alone names it


def test_saves_go_beside_main_py_when_run_from_source() -> None:
    assert default_save_dir() == SOURCE_ROOT / "saves"
    assert (SOURCE_ROOT / "main.py").is_file()
    assert SaveStore().directory == default_save_dir()


def test_a_built_game_saves_beside_itself_when_it_can_else_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "NetwerkendeGemeente.exe"))
    assert default_save_dir() == tmp_path / "saves"  # a writable folder: portable by default
    # A folder that cannot be written (here: one that is not there) sends saves to the user's.
    locked = tmp_path / "read-only" / "game"
    monkeypatch.setattr(sys, "executable", str(locked / "NetwerkendeGemeente.exe"))
    user = platformdirs.user_data_path(APP_NAME, appauthor=False) / "saves"
    assert default_save_dir() == user
    assert default_save_dir(portable=True) == locked / "saves"


def test_tidy_removes_temp_files_of_writers_that_are_gone(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead_pid = int(dead.stdout)
    stray = tmp_path / f".autosave-a.json.{dead_pid}.0a1b2c3d.tmp"
    mine = tmp_path / f".autosave-b.json.{os.getpid()}.0a1b2c3d.tmp"
    old = tmp_path / f".slot-x.json.{os.getpid()}.ffffffff.tmp"
    keep = [tmp_path / "autosave-a.json", tmp_path / "notes.tmp", tmp_path / "autosave-a.json.bak"]
    for path in [stray, mine, old, *keep]:
        path.write_bytes(b"{")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    store = SaveStore(tmp_path)
    assert sorted(store.tidy()) == sorted([stray, old])
    # A fresh temporary file of a writer still running (here: this process) is left alone.
    assert sorted(p for p in tmp_path.iterdir()) == sorted([mine, *keep])


def test_a_store_tidies_on_first_use_and_an_empty_place_stays_empty(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    store = SaveStore(folder)
    assert store.list() == [] and store.broken() == [] and not folder.exists()
    folder.mkdir()
    stray = folder / ".autosave-a.json.999999999.00000000.tmp"
    stray.write_bytes(b"")
    os.utime(stray, (0, 0))
    assert SaveStore(folder).list() == []
    assert not stray.exists()


def test_a_save_holds_the_games_inputs_not_its_state(
    default_scenario: Scenario, tmp_path: Path
) -> None:
    """Asked for by issue 22: no history, no sentences, no generator state in the file; the
    game, with today's wording, comes back from the replay."""
    state = played(default_scenario, 4, 3, "best")
    path = SaveStore(tmp_path).autosave(state, default_scenario, "Team", new_game_id())
    body = json.loads(path.read_text(encoding="utf-8"))["body"]
    assert set(body) == {"seed", "length", "ambition", "decisions", "interventions", "fingerprint"}
    text = path.read_text(encoding="utf-8")
    assert '"params"' not in text and '"history"' not in text and "rng_state" not in text
    game = load_save(path, finder(default_scenario))
    assert _dump(game.state.to_dict()) == _dump(state.to_dict())


def test_a_finished_12_round_game_is_saved_in_at_most_30_kb(
    default_scenario: Scenario, tmp_path: Path
) -> None:
    """Asked for by issue 22 (it was 188 KB in format 7). The game and the file are
    deterministic, so the size is too; bench/bench_saves.py measures the time."""
    state = play(default_scenario, 7, "best")
    assert state.finished and len(state.history) == 12
    path = SaveStore(tmp_path).autosave(state, default_scenario, "Team A", new_game_id())
    assert path.stat().st_size <= 30 * 1024


def test_ambition_interventions_and_length_survive_a_save(
    default_scenario: Scenario, tmp_path: Path
) -> None:
    """Asked for by issue 22: the inputs a save keeps besides the decisions come back whole,
    and the game they give is the game saved."""
    scenario, state = start_game(default_scenario, 21, GameLength.SHORT)
    aims = {CitizenRelation.RESIDENT: GrowthPhase.COLLABORATING, CitizenRelation.CUSTOMER: None}
    state = set_ambition(state, aims)
    rng = state.rng()
    bot = Bot("best", 21)
    state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
    state = record(state, InterventionKind.PAUSE)
    state = record(state, InterventionKind.TIMER, "300")
    state, _ = inject_event(state, scenario, injectable_events(state, scenario)[0].id)
    state, _ = skip_round(state, scenario, rng)
    state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
    state = end_early(state)
    store = SaveStore(tmp_path)
    path = store.save_slot("kort", state, default_scenario, "Team K", game_id=new_game_id())
    game = store.load(path, finder(default_scenario))
    assert game.mismatch is None
    assert game.state.ambition == {CitizenRelation.RESIDENT: GrowthPhase.COLLABORATING}
    assert game.state.length is GameLength.SHORT and game.scenario.rounds == scenario.rounds
    assert game.state.interventions == state.interventions
    assert [i.kind for i in game.state.interventions] == [
        InterventionKind.PAUSE,
        InterventionKind.TIMER,
        InterventionKind.INJECT,
        InterventionKind.SKIP,
        InterventionKind.END,
    ]
    assert game.state.finished and ended_early(game.state)
    assert _dump(game.state.to_dict()) == _dump(state.to_dict())
