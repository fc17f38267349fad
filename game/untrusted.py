"""Reading a file the game is handed, without trusting it.

Scenarios, branding packs, saves and results files come from people and from folders the game
does not control. A file is read only when it is a regular file (a pipe or a device named
``*.yaml`` would hang the game or fill its memory) and no bigger than a limit; and, when a folder
is given, only when it lies inside that folder once every link on the way is resolved. The type
and size are checked before opening and again on the opened file, which is opened without
blocking (and, inside a folder, without following a link at its end), so a file swapped in
between cannot slip through. Each caller says what went wrong in its own words, from ``kind``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


class Refused(Exception):
    """Why a file was not read. ``kind`` and its ``detail``:

    - ``not_found``: None
    - ``not_a_file``: what it is instead, in English and in Dutch (``("a pipe (FIFO)", …)``)
    - ``too_large``: its size in bytes (``limit`` says how much is read)
    - ``unreadable``: the system's reason
    - ``outside``: the folder it leads out of
    """

    def __init__(self, kind: str, detail: Any = None, limit: int = 0) -> None:
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail
        self.limit = limit

    def __str__(self) -> str:
        """The reason as a plain English sentence, for messages that need no other words."""
        if self.kind == "not_found":
            return "there is no such file"
        if self.kind == "not_a_file":
            return f"this is {self.detail[0]}, not a plain file"
        if self.kind == "too_large":
            return f"the file is {self.detail:,} bytes; at most {self.limit:,} are read"
        if self.kind == "outside":
            return f"this is a link that leads outside {self.detail}"
        return f"the file cannot be read: {self.detail}"


def not_plain(mode: int) -> tuple[str, str] | None:
    """What a file of ``mode`` is when it is not a regular file (English, Dutch); else None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return ("a folder", "een map")
    if stat.S_ISLNK(mode):
        return ("a link", "een koppeling")
    if stat.S_ISFIFO(mode):
        return ("a pipe (FIFO)", "een pijp (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return ("a device", "een apparaat")
    if stat.S_ISSOCK(mode):
        return ("a socket", "een socket")
    return ("not a plain file", "geen gewoon bestand")


def inside(path: Path, folder: Path) -> Path:
    """``path`` with every link resolved, if it lies inside ``folder`` (links resolved too);
    else ``Refused("outside")``. A loop of links or an impossible name is ``unreadable``."""
    try:
        root = folder.resolve()
        target = path.resolve()
    except RuntimeError as error:  # Python before 3.13: a loop of links
        raise Refused("unreadable", "a loop of links") from error
    except (OSError, ValueError) as error:  # a loop of links (3.13), a NUL, a name too long
        raise Refused("unreadable", _reason(error)) from error
    if not target.is_relative_to(root):
        raise Refused("outside", folder)
    return target


def read_regular(
    path: Path, limit: int, folder: Path | None = None
) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at ``path`` (at most ``limit``) and its status; with
    ``folder``, only if the file lies inside it. Raises ``Refused``."""
    flags = _OPEN
    if folder is not None:
        path = inside(path, folder)
        flags |= _NO_FOLLOW  # resolved: a link here now was put there after the check
    try:
        before = os.stat(path)
    except FileNotFoundError as error:
        raise Refused("not_found") from error
    except (OSError, ValueError) as error:
        raise Refused("unreadable", _reason(error)) from error
    _check(before, limit)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise Refused("unreadable", _reason(error)) from error
    try:
        opened = os.fstat(fd)
        _check(opened, limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise Refused("unreadable", _reason(error)) from error
    finally:
        os.close(fd)
    if size > limit:  # it grew after it was measured
        raise Refused("too_large", size, limit)
    return b"".join(chunks), opened


def _check(info: os.stat_result, limit: int) -> None:
    what = not_plain(info.st_mode)
    if what is not None:
        raise Refused("not_a_file", what)
    if info.st_size > limit:
        raise Refused("too_large", info.st_size, limit)


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__
