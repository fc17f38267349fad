"""Reading a file of the game's own (a save, a results file) without trusting it.

The reading itself is ``game.untrusted.read_regular`` (regular files only, bounded, never
blocking), shared with scenarios and packs. What goes wrong is said by the caller, in its own
words: ``problem(kind, detail)`` makes the error.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.saves.errors import FileProblem
from game.untrusted import Refused
from game.untrusted import read_regular as _read

# problem(kind, detail) -> the error to raise. Kinds and their detail:
# "not_found" (None), "not_a_file" ((what in English, what in Dutch)), "too_large" (the size in
# bytes), "unreadable" (the system's reason).
Problem = Callable[[str, Any], FileProblem]


def read_regular(path: Path, limit: int, problem: Problem) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at ``path`` (at most ``limit``) and its status."""
    try:
        return _read(path, limit)
    except Refused as refused:
        raise problem(refused.kind, refused.detail) from refused
