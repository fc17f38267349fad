"""Kill a process at random moments while it writes saves: every save left behind must be whole.

A child process autosaves and saves slots (with thumbnails) in a tight loop into one folder; the
test kills it (SIGKILL, no chance to clean up) after a random delay, over and over, in the same
folder. After every kill, each save file and each backup must read as a valid save; and once a
store tidies up, no temporary file may remain.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.saves import SaveStore, load_save, read_save
from game.saves.atomic import is_temp_file
from game.scenario.loader import load_scenario
from tests.conftest import ROOT

WRITER = """
import sys
from pathlib import Path
from game.saves import SaveStore
from game.scenario.loader import load_scenario
from game.sim import Bot, new_game, resolve_round

scenario = load_scenario()
state = new_game(scenario, 4)
rng = state.rng()
bot = Bot("best", 4)
states = [state]
while not state.finished:
    state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
    states.append(state)
store = SaveStore(Path(sys.argv[1]))
games = ["a" * 16, "b" * 16, "c" * 16]
picture = b"\\x89PNG\\r\\n\\x1a\\n" + bytes(range(256)) * 64
print("ready", flush=True)
i = 0
while True:
    state = states[i % len(states)]
    store.autosave(state, scenario, "Team " + "AB"[i % 2], games[i % 2])
    store.save_slot("slot " + str(i % 3), state, scenario, "Team C", picture, game_id=games[2])
    i += 1
"""


def _kill_while_writing(folder: Path, delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "ready", child.stderr.read() if child.stderr else ""
        time.sleep(delay)
        assert child.poll() is None, child.stderr.read() if child.stderr else ""
    finally:
        child.kill()
        child.wait(timeout=30)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()


def _check_every_save_is_whole(folder: Path) -> int:
    """Read every save and backup; return how many temporary files a kill left."""
    names = [p for p in folder.iterdir() if not is_temp_file(p)]
    saves = [p for p in names if p.name.endswith((".json", ".json.bak"))]
    for path in saves:
        read_save(path)  # raises SaveError with the reason if any file is not whole
    assert all(p.suffix in (".json", ".bak", ".png") for p in names), names
    return sum(1 for p in folder.iterdir() if is_temp_file(p))


def _run(folder: Path, kills: int, seed: int) -> int:
    chance = random.Random(seed)
    cut_mid_write = 0
    for _ in range(kills):
        _kill_while_writing(folder, chance.uniform(0.0, 0.25))
        if _check_every_save_is_whole(folder):
            cut_mid_write += 1
    store = SaveStore(folder)
    store.tidy()
    assert [p.name for p in folder.iterdir() if is_temp_file(p)] == []
    assert store.broken() == []
    infos = store.list()
    assert {i.team for i in infos} == {"Team A", "Team B", "Team C"}
    # And the newest autosave really continues: full load with the replay check.
    latest = store.latest_autosave()
    assert latest is not None
    scenario = load_scenario()
    load_save(latest.path, lambda _: scenario)
    return cut_mid_write


@pytest.mark.skipif(os.name == "nt", reason="tidying by process id needs POSIX; Windows uses age")
def test_killed_writer_leaves_only_whole_saves(tmp_path: Path) -> None:
    _run(tmp_path, kills=10, seed=1)


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="tidying by process id needs POSIX; Windows uses age")
def test_killed_writer_many_times_leaves_only_whole_saves(tmp_path: Path) -> None:
    cut_mid_write = _run(tmp_path, kills=80, seed=2)
    # The kills must really land inside writes, or this test would prove nothing.
    assert cut_mid_write > 0
