"""Issue 11: a workshop never loses a game — save identity, bounded reading, continue, changes.

Each test here failed before issue 11: teams whose names reduce to the same file name overwrote
each other; odd files in the saves folder (huge numbers, pipes, devices, deep nesting, NUL, dates
out of range) escaped the listing or blocked it; the envelope was not checksummed; "continue"
trusted the clock in the file; a scenario outside ``scenarios/`` could not be found again; a
save that failed its replay hid a good backup.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from game.saves import (
    SaveError,
    SaveKind,
    SaveStore,
    continue_in_new_version,
    find_installed_scenario,
    load_save,
    new_game_id,
    read_save,
)
from game.saves.codec import MAX_SAVE_BYTES
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.sim import Bot
from game.ui.controller import GameController
from tests.conftest import ROOT, make_scenario
from tests.save_helpers import EXAMPLES, finder, played, rewrite


def _controller_game(store: SaveStore, scenario: Scenario, team: str, seed: int, rounds: int):
    """A game played through the UI's controller (which autosaves), as a team would."""
    controller = GameController(autosave=store.autosave)
    controller.start(scenario, seed, team)
    bot = Bot("best", seed)
    for _ in range(rounds):
        controller.apply(bot.decide(controller.state, scenario))
        controller.resolve()
    assert controller.autosave_error is None
    return controller


def _in_time(call, seconds: float = 10.0) -> Any:
    """Run ``call`` in a thread; fail the test (instead of hanging it) if it blocks."""
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"{call} blocked for more than {seconds} s"
    return result[0]


# --- 1. identity ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Team 🚀", "Team 🌳"),
        ("Team Rood", "team rood!"),
        ("", ""),
        ("", "Team"),
        ("Team", "Team"),
        ("فريق", "команда"),
        ("CON", "../../CON"),
    ],
)
def test_issue11_blank_and_similar_team_names_do_not_collide(
    small: Scenario, tmp_path: Path, first: str, second: str
) -> None:
    """Two teams one after another in one folder: each keeps its game, backup included."""
    store = SaveStore(tmp_path)
    a = _controller_game(store, small, first, 1, 1)
    b = _controller_game(store, small, second, 2, 1)
    assert a.game_id != b.game_id
    infos = store.list()
    assert sorted(i.game_id for i in infos) == sorted([a.game_id, b.game_id])
    for controller in (a, b):
        [info] = [i for i in infos if i.game_id == controller.game_id]
        loaded = store.load(info.path, finder(small))
        assert loaded.state.to_dict() == controller.state.to_dict()
        assert loaded.game_id == controller.game_id
        # The round before is each game's own backup, not the other team's.
        backup = load_save(info.path.with_name(info.path.name + ".bak"), finder(small))
        assert backup.info.game_id == controller.game_id and backup.state.round == 1


def test_issue11_named_slots_of_different_games_and_names_do_not_collide(
    small: Scenario, tmp_path: Path
) -> None:
    store = SaveStore(tmp_path)
    game_a, game_b = new_game_id(), new_game_id()
    paths = [
        store.save_slot("Team Rood round 1", played(small, 1, 1), small, "A", game_id=game_a),
        store.save_slot("Team Rood round 1", played(small, 2, 1), small, "B", game_id=game_b),
        store.save_slot("team rood! round 1", played(small, 3, 1), small, "A", game_id=game_a),
        store.save_slot("Team 🚀", played(small, 4, 1), small, "A", game_id=game_a),
        store.save_slot("Team 🌳", played(small, 5, 1), small, "A", game_id=game_a),
    ]
    assert len(set(paths)) == 5
    assert not any(p.name.endswith(".bak") for p in tmp_path.iterdir())
    seeds = [load_save(p, finder(small)).state.seed for p in paths]
    assert seeds == [1, 2, 3, 4, 5]


def test_issue11_a_name_that_cannot_be_a_file_name_still_works(
    small: Scenario, tmp_path: Path
) -> None:
    store = SaveStore(tmp_path)
    for team in ["CON", "a/b\\c:d*e?", "..", "Team\x00Rood\x1b[31m", "\ud800 Team", "x" * 300]:
        controller = _controller_game(store, small, team, 3, 1)
        assert "\x00" not in controller.team and len(controller.team) <= 40
        [info] = [i for i in store.list() if i.game_id == controller.game_id]
        assert info.path.parent == tmp_path
        assert info.team == controller.team
        assert store.load(info.path, finder(small)).state.round == 2


WRITER = """
import json, sys
from pathlib import Path
from game.saves import SaveStore
from game.scenario.loader import load_scenario
from game.sim import Bot
from game.ui.controller import GameController

store = SaveStore(Path(sys.argv[1]))
scenario = load_scenario()
seed = int(sys.argv[2])
controller = GameController(autosave=store.autosave)
controller.start(scenario, seed, "Team")
bot = Bot("best", seed)
for _ in range(4):
    controller.apply(bot.decide(controller.state, scenario))
    controller.resolve()
assert controller.autosave_error is None, controller.autosave_error
print(json.dumps({"game": controller.game_id, "state": controller.state.to_dict()}))
"""


def test_issue11_two_processes_on_one_folder_each_keep_their_own_game(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), str(seed)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in (11, 12)
    ]
    results = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        results.append(json.loads(out))
    store = SaveStore(folder)
    scenario = load_scenario()
    assert len({r["game"] for r in results}) == 2
    for result in results:
        [info] = [i for i in store.list() if i.game_id == result["game"]]
        assert info.team == "Team" and info.round == 5
        loaded = store.load(info.path, finder(scenario))
        assert json.loads(json.dumps(loaded.state.to_dict())) == result["state"]


# --- 2, 5, 6, 7: bounded reading ----------------------------------------------------------------


def _forged(path: Path, change) -> None:
    rewrite(path, change, fix_checksum=True)


@pytest.fixture
def good(small: Scenario, tmp_path: Path) -> Path:
    """A save folder with one good autosave of the small scenario."""
    return SaveStore(tmp_path).autosave(played(small, 9, 2), small, "Team A", new_game_id())


def _write_raw_number(path: Path, digits: int) -> None:
    """The seed replaced by a number of ``digits`` digits (JSON allows it; Python balks)."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('"seed":9,', f'"seed":{"9" * digits},', 1)
    assert str(9) * digits in text
    path.write_text(text, encoding="utf-8")


def test_issue11_a_number_of_thousands_of_digits_is_refused_and_listed(
    small: Scenario, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = good.with_name("autosave-odd-0123456789abcdef.json")
    odd.write_bytes(good.read_bytes())
    _write_raw_number(odd, 5000)
    with pytest.raises(SaveError) as caught:
        read_save(odd)
    assert caught.value.kind == "number_too_large"
    assert "5000" in caught.value.reason and "5000" in caught.value.reason_nl
    store = SaveStore(good.parent)
    assert [i.path for i in store.list()] == [good]
    assert [e.path for e in store.broken()] == [odd]
    from game.cli import main

    assert main(["saves", "--saves", str(good.parent)]) == 0
    out = capsys.readouterr().out
    assert "autosave-odd-0123456789abcdef.json: This save holds a number" in out
    assert main(["load", str(odd), "--check"]) == 1
    assert "holds a number of 5000 characters" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_issue11_a_fifo_named_json_never_blocks_the_listing(good: Path) -> None:
    fifo = good.with_name("autosave-pipe.json")
    os.mkfifo(fifo)
    store = SaveStore(good.parent)
    listing = _in_time(store.scan)
    assert [i.path for i in listing.saves] == [good]
    [problem] = listing.broken
    assert problem.kind == "not_a_file" and "pipe" in problem.reason
    assert "pijp" in problem.reason_nl

    def read_fifo() -> SaveError:
        with pytest.raises(SaveError) as caught:
            read_save(fifo)
        return caught.value

    assert _in_time(read_fifo).kind == "not_a_file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_issue11_a_link_to_an_endless_device_is_refused_without_reading(good: Path) -> None:
    link = good.with_name("slot-zero.json")
    link.symlink_to("/dev/zero")
    folder_link = good.with_name("autosave-folder.json")
    folder_link.mkdir()
    listing = _in_time(SaveStore(good.parent).scan)
    kinds = {e.path.name: e.kind for e in listing.broken}
    assert kinds == {"slot-zero.json": "not_a_file", "autosave-folder.json": "not_a_file"}
    assert "device" in next(e for e in listing.broken if e.path == link).reason


def test_issue11_a_huge_file_is_refused_by_its_size_before_reading(good: Path) -> None:
    huge = good.with_name("autosave-huge.json")
    with huge.open("wb") as handle:  # sparse: takes no disk, reads as gigabytes of zeros
        handle.truncate(4 * 1024**3)
    started = time.perf_counter()
    with pytest.raises(SaveError) as caught:
        read_save(huge)
    assert caught.value.kind == "too_large" and "4096 MB" in caught.value.reason
    assert time.perf_counter() - started < 5  # checked, not read
    just_over = good.with_name("autosave-over.json")
    just_over.write_bytes(b" " * (MAX_SAVE_BYTES + 1))
    with pytest.raises(SaveError) as caught:
        read_save(just_over)
    assert caught.value.kind == "too_large"


@pytest.mark.parametrize("depth", [60, 900, 100_000])
def test_issue11_deep_nesting_is_refused_with_a_reason(good: Path, depth: int) -> None:
    def nest(document: dict[str, Any]) -> None:
        deep: Any = 1
        for _ in range(depth):
            deep = [deep]
        document["body"]["state"]["history"][0]["effects"][0]["params"]["deep"] = deep

    if depth > 1000:  # too deep for json.dumps itself: write the text by hand
        text = good.read_text(encoding="utf-8")
        text = text.replace('"seed":9,', '"seed":9,"deep":' + "[" * depth + "]" * depth + ",", 1)
        good.write_text(text, encoding="utf-8")
    else:
        _forged(good, nest)
    with pytest.raises(SaveError) as caught:
        read_save(good)
    assert caught.value.kind == "damaged" and "nested too deeply" in caught.value.reason


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(team="Team\x00Rood"),
        lambda d: d.update(name="auto\x00save"),
        lambda d: d["scenario_title"].update(nl="Titel\x00"),
        lambda d: d["body"]["decisions"][0]["actions"].append("x\x00y"),
        lambda d: d["body"]["state"]["news"].append("\ud800"),
        lambda d: d["body"]["state"]["channels"].update({"a\x00": 1.0}),
    ],
    ids=["team", "name", "title", "body", "surrogate", "key"],
)
def test_issue11_a_nul_anywhere_is_refused(good: Path, small: Scenario, change) -> None:
    """Even by a forger who fixes the checksum: a NUL in a team name broke every round screen."""
    document = json.loads(good.read_text(encoding="utf-8"))
    change(document)
    from game.saves.migrations import document_checksum

    # A lone surrogate cannot even be checksummed: then the old checksum stays.
    with contextlib.suppress(UnicodeEncodeError):
        document["checksum"] = document_checksum(document)
    good.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        load_save(good, finder(small))
    assert caught.value.kind == "control_character"
    assert "NUL" in caught.value.reason and "NUL" in caught.value.reason_nl


@pytest.mark.parametrize(
    "field", ["team", "name", "created", "kind", "game_id", "sequence", "scenario_file"]
)
def test_issue11_the_checksum_covers_the_envelope(good: Path, small: Scenario, field: str) -> None:
    value = {
        "team": "Team B",
        "name": "other",
        "created": "2020-01-01T00:00:00+00:00",
        "kind": "slot",
        "game_id": "ffffffffffffffff",
        "sequence": 999,
        "scenario_file": "/elsewhere/test.yaml",
    }[field]
    rewrite(good, lambda d: d.update({field: value}), fix_checksum=False)
    with pytest.raises(SaveError) as caught:
        load_save(good, finder(small))
    assert caught.value.kind == "checksum"


@pytest.mark.parametrize(
    "created",
    [
        "9999-12-31T23:59:59-14:00",
        "9999-12-31T23:59:59+00:00",
        "0001-01-01T00:00:00+14:00",
        "1900-01-01T00:00:00+00:00",
    ],
)
def test_issue11_dates_out_of_range_are_refused_and_never_break_a_listing(
    good: Path, created: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _forged(good, lambda d: d.update(created=created))
    with pytest.raises(SaveError) as caught:
        read_save(good)
    assert caught.value.kind == "invalid" and "created" in caught.value.reason
    store = SaveStore(good.parent)
    assert store.list() == [] and [e.path for e in store.broken()] == [good]
    from game.cli import main

    assert main(["saves", "--saves", str(good.parent)]) == 0
    assert "Cannot be used:" in capsys.readouterr().out


def test_issue11_listing_never_raises_whatever_lies_in_the_folder(
    good: Path, small: Scenario
) -> None:
    """One of each odd file at once: the good save is still listed and 'continue' still works."""
    folder = good.parent
    (folder / "slot-empty.json").write_bytes(b"")
    (folder / "slot-binary.json").write_bytes(bytes(range(256)))
    (folder / "slot-list.json").write_text("[1, 2, 3]", encoding="utf-8")
    (folder / "slot-nan.json").write_text('{"format": NaN}', encoding="utf-8")
    (folder / "slot-big.json").write_text("1" * 5000, encoding="utf-8")
    (folder / "slot-float.json").write_text('{"a": 1' + "0" * 5000 + ".5}", encoding="utf-8")
    (folder / "slot-gone.json").symlink_to(folder / "nowhere.json")
    store = SaveStore(folder)
    listing = _in_time(store.scan)
    assert [i.path for i in listing.saves] == [good]
    assert len(listing.broken) == 7
    assert all(e.reason and e.reason_nl for e in listing.broken)
    latest = store.latest_autosave()
    assert latest is not None and latest.path == good


# --- 7. continue: the game last played, whatever the clocks said --------------------------------


def test_issue11_continue_ignores_a_wrong_clock_in_the_file_and_on_the_file(
    small: Scenario, tmp_path: Path
) -> None:
    store = SaveStore(tmp_path)
    yesterday = store.autosave(played(small, 1, 1), small, "Team Oost", new_game_id())
    # Written while the laptop's clock said 2099: the file's time and the time inside.
    _forged(yesterday, lambda d: d.update(created="2099-06-01T09:00:00+00:00"))
    future = time.mktime((2099, 6, 1, 9, 0, 0, 0, 0, -1))
    os.utime(yesterday, (future, future))
    today = SaveStore(tmp_path).autosave(played(small, 2, 1), small, "Team West", new_game_id())
    latest = SaveStore(tmp_path).latest_autosave()
    assert latest is not None and latest.path == today
    assert [i.path for i in SaveStore(tmp_path).list()] == [today, yesterday]


def test_issue11_continue_orders_saves_with_equal_file_times_by_the_counter(
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


def test_issue11_a_finished_game_is_autosaved_so_continue_opens_its_debrief(
    small: Scenario, tmp_path: Path
) -> None:
    store = SaveStore(tmp_path)
    controller = _controller_game(store, small, "Team", 4, small.rounds)
    assert controller.state.finished
    latest = store.latest_autosave()
    assert latest is not None and latest.finished and latest.game_id == controller.game_id
    assert store.load(latest.path, finder(small)).state.finished


def test_issue11_a_set_aside_save_is_listed_but_never_continued(
    small: Scenario, tmp_path: Path
) -> None:
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


# --- 8. a scenario that changed, and one played from outside scenarios/ ------------------------


def test_issue11_a_game_from_a_scenario_outside_the_folder_can_be_continued(
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


def test_issue11_a_hint_to_a_file_of_another_scenario_is_not_trusted(
    small: Scenario, tmp_path: Path
) -> None:
    """The hint is only a place to look: the file found there must have the save's id."""
    impostor = tmp_path / "test.yaml"
    impostor.write_bytes((EXAMPLES / "saves-example.yaml").read_bytes())
    store = SaveStore(tmp_path / "saves")
    path = store.autosave(played(small, 1, 1), small, "A", new_game_id(), str(impostor))
    assert load_save(path, finder(small)).scenario is small


def test_issue11_continue_in_the_new_version_replays_the_decisions_there(
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


def test_issue11_continue_in_a_new_major_version_goes_on_from_the_first_round_it_refuses(
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


# --- 9. a save that reads but fails its replay hides a good backup -----------------------------


def test_issue11_a_save_failing_its_replay_offers_its_good_backup(
    small: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SaveStore(tmp_path)
    game = new_game_id()
    store.autosave(played(small, 9, 1), small, "A", game)
    path = store.autosave(played(small, 9, 2), small, "A", game)
    _forged(path, lambda d: d["body"]["state"]["history"][1]["indicators"].update(trust=99.0))
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


def test_issue11_an_unreadable_saves_folder_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small: Scenario
) -> None:
    folder = tmp_path / "saves"
    SaveStore(folder).autosave(played(small, 1, 1), small, "A", new_game_id())
    real = os.scandir

    def refused(path: Any = ".") -> Any:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refused)
    store = SaveStore(folder)
    listing = store.scan()
    assert listing.problem is not None and listing.problem.kind == "folder_unreadable"
    assert "cannot be read (Permission denied)" in listing.problem.reason
    with pytest.raises(SaveError):
        store.latest_autosave()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root reads any folder")
def test_issue11_a_saves_folder_without_permission_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    folder.chmod(0)
    try:
        listing = SaveStore(folder).scan()
        assert listing.problem is not None and listing.problem.kind == "folder_unreadable"
    finally:
        folder.chmod(0o755)


def test_issue11_format_4_example_carries_its_game(tmp_path: Path) -> None:
    from tests.save_helpers import example_scenario

    info = read_save(EXAMPLES / "format-5.json")[1]
    assert (info.kind, info.game_id, info.sequence) == (SaveKind.AUTOSAVE, "5eed0e1a2b3c4d5e", 7)
    assert load_save(EXAMPLES / "format-5.json", finder(example_scenario())).mismatch is None
