"""Writing what a command makes (a page, a scenario, a schema): whole, or not at all.

Every file goes to a temporary name first and is renamed only once it is all on disk
(``game.saves.atomic``), so a full disk or a crash leaves the earlier file or no file, never an
empty or half one. When writing fails the command says why: a place that cannot be written (no
such folder, no permission, a read-only disk) is a bad argument, ``UsageError`` and exit 2; a
write that failed partway (the disk full, an input/output error) is ``OutputFailed``, exit 1.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from game.cli.usage import OutputFailed, UsageError

# typing's TYPE_CHECKING without importing typing: every command's --help imports this.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO

# The place itself cannot be written: the person should give another.
_PLACE_ERRORS = {
    errno.EACCES,
    errno.EPERM,
    errno.EROFS,
    errno.ENOENT,
    errno.ENOTDIR,
    errno.EISDIR,
    errno.EEXIST,  # a file where its folder should be
    errno.ENAMETOOLONG,
}


def bad_place(error: BaseException | None) -> bool:
    """Whether a write failed because of where it went (not because the disk is full)."""
    return isinstance(error, OSError) and error.errno in _PLACE_ERRORS


def write_failure(error: OSError, path: Path, usage: str, what: str = "") -> Exception:
    """The error to raise when writing ``path`` failed with ``error`` (the caller raises it)."""
    reason = error.strerror or str(error)
    shown = f"{what} {str(path)!r}" if what else str(path)
    if bad_place(error):
        return UsageError(f"{shown} cannot be written: {reason}", usage)
    kept = "the file already there is unchanged" if path.exists() else "nothing was left behind"
    return OutputFailed(f"{shown} could not be written whole ({reason}); {kept}")


def write_output(path: Path, data: bytes, usage: str, what: str = "") -> None:
    """Write ``data`` to ``path`` whole, over what is there; ``write_failure`` if it fails."""
    from game.saves.atomic import write_atomic

    _make_folder(path, usage, what)
    try:
        write_atomic(path, data, keep_backup=False)
    except OSError as error:
        raise write_failure(error, path, usage, what) from error


def write_once(path: Path, data: bytes, usage: str, what: str = "") -> None:
    """Write ``data`` to ``path`` whole, only where nothing is (``FileExistsError`` if it is)."""
    from game.saves.atomic import write_new

    _make_folder(path, usage, what)
    try:
        write_new(path, data)
    except FileExistsError:
        raise
    except OSError as error:
        raise write_failure(error, path, usage, what) from error


def _make_folder(path: Path, usage: str, what: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        shown = f"{what} {str(path)!r}" if what else str(path)
        raise UsageError(
            f"{shown} cannot be written: its folder cannot be made ({error.strerror or error})",
            usage,
        ) from error


class Output:
    """A command's output stream that says in one line when it cannot be written.

    ``python main.py schema > FILE`` on a full disk stopped with a traceback; through this, a
    failed write or flush raises ``OutputFailed`` instead, and what is left unwritten is thrown
    away (the stream is pointed at the null device) so the exit does not fail a second time. A
    reader that went away (``| head``) is left to ``main.py``, which treats it as no error.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error) from error

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error) from error

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    def _failed(self, error: OSError) -> OutputFailed:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())
        return OutputFailed(f"the output could not be written ({error.strerror or error})")
