"""Reading a file of the game's own (a save, a results file) without trusting it.

Only a regular file is read, and no more than a limit: the type and size are checked before
opening and again on the opened file (it may have been swapped in between), and the file is
opened without blocking, so a pipe or a device named ``*.json`` never hangs the game. What goes
wrong is said by the caller, in its own words: ``problem(kind, detail)`` makes the error.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.saves.errors import FileProblem

# problem(kind, detail) -> the error to raise. Kinds and their detail:
# "not_found" (None), "not_a_file" ((what in English, what in Dutch)), "too_large" (the size in
# bytes), "unreadable" (the system's reason).
Problem = Callable[[str, Any], FileProblem]


def read_regular(path: Path, limit: int, problem: Problem) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at ``path`` (at most ``limit``) and its status."""
    try:
        before = os.stat(path)
    except FileNotFoundError as error:
        raise problem("not_found", None) from error
    except OSError as error:
        raise problem("unreadable", _reason(error)) from error
    _check_regular(before, limit, problem)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise problem("unreadable", _reason(error)) from error
    try:
        opened = os.fstat(fd)
        _check_regular(opened, limit, problem)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise problem("unreadable", _reason(error)) from error
    finally:
        os.close(fd)
    if size > limit:
        raise problem("too_large", size)
    return b"".join(chunks), opened


def _check_regular(info: os.stat_result, limit: int, problem: Problem) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        what = ("a folder", "een map")
    elif stat.S_ISFIFO(mode):
        what = ("a pipe (FIFO)", "een pijp (FIFO)")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = ("a device", "een apparaat")
    elif stat.S_ISSOCK(mode):
        what = ("a socket", "een socket")
    elif not stat.S_ISREG(mode):
        what = ("not a plain file", "geen gewoon bestand")
    else:
        if info.st_size > limit:
            raise problem("too_large", info.st_size)
        return
    raise problem("not_a_file", what)


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__
