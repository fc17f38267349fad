"""Locks: one game open once. A second window sees the game is held (by whom), a lock whose
process is gone is taken over without a word, a lock file is hostile input, and a folder where
locks cannot be written never stops the game."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.saves.locks import Locks, lock_path

GAME = "0123456789abcdef"


def test_a_second_window_sees_the_game_held_and_by_whom(tmp_path: Path) -> None:
    first, second = Locks(tmp_path), Locks(tmp_path)
    assert first.take(GAME) is None
    holder = second.take(GAME)
    assert holder is not None and holder.pid == os.getpid()
    assert second.holder(GAME) is not None and first.holder(GAME) is None  # ours
    first.release(GAME)
    assert not lock_path(tmp_path, GAME).exists()
    assert second.take(GAME) is None


def test_a_lock_whose_process_is_gone_is_taken_over(tmp_path: Path) -> None:
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    gone = int(finished.stdout)
    Locks(tmp_path).take(GAME)
    path = lock_path(tmp_path, GAME)
    lock = json.loads(path.read_text())
    lock["pid"] = gone
    path.write_text(json.dumps(lock))
    mine = Locks(tmp_path)
    assert mine.holder(GAME) is None
    assert mine.take(GAME) is None
    assert json.loads(path.read_text())["token"] == mine.token


def test_a_lock_on_another_host_counts_as_held(tmp_path: Path) -> None:
    Locks(tmp_path).take(GAME)
    path = lock_path(tmp_path, GAME)
    lock = json.loads(path.read_text())
    lock.update(pid=1, host="the-other-laptop")
    path.write_text(json.dumps(lock))
    holder = Locks(tmp_path).holder(GAME)
    assert holder is not None and holder.host == "the-other-laptop"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"[]",
        b"\x00" * 100,
        b"x" * 10_000,
        b'{"format": "netwerkende-gemeente-lock", "id": "0123456789abcdef", "pid": 1.5, '
        b'"host": "h", "started": "2026-01-01T00:00:00+00:00", "token": "0123456789abcdef"}',
        b'{"format": "netwerkende-gemeente-lock", "id": "0123456789abcdef", "pid": 1, '
        b'"host": "h\\u0000", "started": "2026-01-01T00:00:00+00:00", "token": "0123456789abcdef"}',
    ],
    ids=["empty", "cut-off", "a-list", "nul", "too-large", "pid-float", "host-nul"],
)
def test_a_damaged_lock_is_taken_over(tmp_path: Path, content: bytes) -> None:
    """The game never writes such a lock: nobody holds it."""
    lock_path(tmp_path, GAME).write_bytes(content)
    mine = Locks(tmp_path)
    assert mine.holder(GAME) is None
    assert mine.take(GAME) is None and GAME in mine.held


def test_a_lock_that_is_a_folder_or_a_pipe_never_stops_the_game(tmp_path: Path) -> None:
    lock_path(tmp_path, GAME).mkdir()
    mine = Locks(tmp_path)
    assert mine.take(GAME) is None  # not held, not locked: played without a lock
    assert mine.problem and mine.unsaid_problem() == mine.problem
    assert mine.unsaid_problem() is None  # said once
    if hasattr(os, "mkfifo"):
        other = "fedcba9876543210"
        os.mkfifo(lock_path(tmp_path, other))
        assert mine.holder(other) is None  # never blocks on the pipe


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs a folder one cannot write")
def test_an_unwritable_folder_means_no_lock_and_one_note(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        mine = Locks(folder)
        assert mine.take(GAME) is None
        assert mine.problem
    finally:
        folder.chmod(0o700)
