"""One game open once: a lock file per game (and per workshop) in the saves folder.

A window that plays a game holds ``lock-<id>.lock`` beside its autosave: who holds it (process
id, host name, when it started, and a token of the window, since one process may open more than
one window in tests). A second window that wants the same game sees the lock and lets the people
choose: look at it read-only (nothing is written), or go on as a copy (a new id, so the first
window's autosave is never overwritten). A lock whose holder is gone (its process no longer runs
on this host) is stale and is taken over without a word.

Locks must never stop a workshop: a folder that cannot be written means no lock (the window
plays on and says so once); a lock file that is damaged, huge, a pipe or forged is read as
hostile input (bounded, validated) and, since the game never writes one like that, taken over.
A lock on another host (a shared folder) cannot be checked and counts as held.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from game.saves.atomic import _process_alive, write_atomic, write_new
from game.untrusted import Refused, read_regular

if TYPE_CHECKING:
    from game.saves.lock_model import LockModel

LOCK_PREFIX = "lock-"
LOCK_SUFFIX = ".lock"
MAX_LOCK_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a lock: shown to the people in the second window."""

    pid: int
    host: str
    started: datetime


def lock_path(directory: Path, lock_id: str) -> Path:
    return directory / f"{LOCK_PREFIX}{lock_id}{LOCK_SUFFIX}"


def this_host() -> str:
    try:
        return socket.gethostname()[:255] or "?"
    except OSError:
        return "?"


@dataclass
class Locks:
    """The locks one window holds in one saves folder.

    ``problem`` is set (once) when a lock could not be written: the window plays on without it.
    """

    directory: Path
    token: str = field(default_factory=lambda: secrets.token_hex(8))
    held: set[str] = field(default_factory=set)
    problem: str | None = None
    problem_said: bool = False

    def holder(self, lock_id: str) -> Holder | None:
        """Who else holds ``lock_id`` now, or None when it is free, stale or ours."""
        lock = self._read(lock_id)
        if lock is None or lock.token == self.token:
            return None
        if lock.host == this_host() and not _alive(lock.pid):
            return None  # stale: its window is gone
        return Holder(lock.pid, lock.host, lock.started)

    def take(self, lock_id: str) -> Holder | None:
        """Take ``lock_id``: None when taken (or when it cannot be written: see ``problem``),
        the holder when another live window has it."""
        if lock_id in self.held:
            return None
        path = lock_path(self.directory, lock_id)
        data = self._document(lock_id)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            try:
                write_new(path, data)
            except FileExistsError:
                other = self.holder(lock_id)
                if other is not None:
                    return other
                write_atomic(path, data, keep_backup=False)  # stale or damaged: taken over
        except OSError as error:
            self._cannot(error)
            return None
        self.held.add(lock_id)
        return None

    def release(self, lock_id: str) -> None:
        """Give ``lock_id`` back (only if this window still holds it)."""
        if lock_id not in self.held:
            return
        self.held.discard(lock_id)
        lock = self._read(lock_id)
        if lock is not None and lock.token == self.token:
            with contextlib.suppress(OSError):
                lock_path(self.directory, lock_id).unlink()

    def release_all(self) -> None:
        for lock_id in sorted(self.held):
            self.release(lock_id)

    def keep_only(self, lock_ids: set[str]) -> None:
        """Release every lock but these (the window moved on to other games)."""
        for lock_id in sorted(self.held - lock_ids):
            self.release(lock_id)

    def unsaid_problem(self) -> str | None:
        """The problem with writing locks, the first time it is asked; then None."""
        if self.problem is None or self.problem_said:
            return None
        self.problem_said = True
        return self.problem

    def _document(self, lock_id: str) -> bytes:
        lock = {
            "format": "netwerkende-gemeente-lock",
            "id": lock_id,
            "pid": os.getpid(),
            "host": this_host(),
            "started": datetime.now(UTC).isoformat(),
            "token": self.token,
        }
        return json.dumps(lock).encode("utf-8")

    def _read(self, lock_id: str) -> LockModel | None:
        """The lock as written, or None when there is none or it is not one the game wrote."""
        try:
            raw, _ = read_regular(lock_path(self.directory, lock_id), MAX_LOCK_BYTES)
        except (Refused, ValueError):
            return None
        # The model only when there is a lock to read: a window's start has none (issue 22).
        from pydantic import ValidationError

        from game.saves.lock_model import LockModel

        try:
            lock = LockModel.model_validate_json(raw)
        except (ValidationError, ValueError):
            return None
        return lock if lock.id == lock_id else None

    def _cannot(self, error: OSError) -> None:
        if self.problem is None:
            self.problem = error.strerror or type(error).__name__


def _alive(pid: int) -> bool:
    return pid == os.getpid() or _process_alive(pid)
