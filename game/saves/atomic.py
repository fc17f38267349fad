"""Writing a file so that a crash or power cut at any moment leaves the old or the new one whole.

The bytes go to a temporary file in the same folder, are flushed and fsynced, and only then
renamed over the real name with ``os.replace`` (atomic on the same file system, on POSIX and on
Windows). Before that rename the previous file is kept as a backup (``NAME.bak``): a hard link
where the file system has them, else a copy, itself put in place by an atomic rename, so the real
name exists at every moment. Finally the folder is fsynced where the platform allows it, so the
renames themselves survive a power cut.

A process killed halfway leaves at most a temporary file behind, named
``.NAME.<pid>.<random>.tmp``. ``remove_stray_temp_files`` deletes those whose writer is gone:
the process with that id no longer runs, or (where that cannot be asked, as on Windows, or the
id was reused) the file is older than ``STRAY_AFTER`` seconds, far longer than any write takes.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".bak"
# Seconds after which a temporary file is left over for certain: a save takes milliseconds.
STRAY_AFTER = 60.0


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_atomic(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Put ``data`` at ``path`` in one step; keep the previous file as ``NAME.bak``."""
    directory = path.parent
    temp = directory / _temp_name(path)
    try:
        _write_whole(temp, data)
        if keep_backup and path.exists():
            _keep_backup(path)
        _replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    fsync_directory(directory)


def write_new(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` whole, only if nothing is there (``FileExistsError`` if it is).

    For files the game makes once and never overwrites (a starter scenario, a pack): a full
    disk or a crash leaves no file at ``path`` at all, never an empty or half one.
    """
    directory = path.parent
    temp = directory / _temp_name(path)
    try:
        _write_whole(temp, data)
        try:
            os.link(temp, path)  # fails if the name is taken: never overwrites
        except FileExistsError:
            raise
        except OSError:
            # No hard links here (FAT on a USB stick): a rename, after a last look.
            if path.exists():
                raise FileExistsError(17, "File exists", str(path)) from None
            _replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    fsync_directory(directory)


def _write_whole(temp: Path, data: bytes) -> None:
    """``data`` into a new file at ``temp``, on the disk before this returns."""
    with _create_exclusive(temp) as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _keep_backup(path: Path) -> None:
    backup = backup_path(path)
    temp = path.parent / _temp_name(backup)
    try:
        try:
            os.link(path, temp)
        except OSError:
            # No hard links here (FAT on a USB stick, some network shares): copy instead.
            with path.open("rb") as source, _create_exclusive(temp) as target:
                shutil.copyfileobj(source, target)
                target.flush()
                os.fsync(target.fileno())
        _replace(temp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise


def _create_exclusive(path: Path):  # -> BinaryIO
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.fdopen(os.open(path, flags, 0o644), "wb")


def _replace(source: Path, target: Path) -> None:
    """``os.replace``, retried briefly on Windows, where a virus scanner may hold the target."""
    for attempt in range(5):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 4:
                raise
            time.sleep(0.05 * (attempt + 1))


def fsync_directory(directory: Path) -> None:
    """Make renames in ``directory`` durable; a no-op where folders cannot be opened (Windows)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _temp_name(path: Path) -> str:
    return f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def is_temp_file(path: Path) -> bool:
    """A temporary file this module writes."""
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def remove_stray_temp_files(directory: Path, now: float | None = None) -> list[Path]:
    """Delete temporary files whose writer is gone; return what was removed."""
    removed = []
    now = time.time() if now is None else now
    try:
        candidates = [p for p in directory.iterdir() if is_temp_file(p)]
    except OSError:
        return removed
    for path in candidates:
        if _is_stray(path, now):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def _is_stray(path: Path, now: float) -> bool:
    try:
        age = now - path.stat().st_mtime
    except FileNotFoundError:
        return False
    if age > STRAY_AFTER:
        return True
    pid = _writer_pid(path)
    return pid is not None and pid != os.getpid() and not _process_alive(pid)


def _writer_pid(path: Path) -> int | None:
    parts = path.name[: -len(TEMP_SUFFIX)].rsplit(".", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        return None
    return int(parts[1])


def _process_alive(pid: int) -> bool:
    """Whether a process with this id runs; assumed alive where we cannot ask safely."""
    if os.name == "nt":
        # On Windows os.kill(pid, 0) would send Ctrl+C rather than ask: rely on age alone.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True
