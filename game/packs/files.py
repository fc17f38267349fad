"""A pack is sealed: what it names or holds is read only from inside its own folder.

A pack is handed to the game by whoever made it, and a build hands its files on to everyone who
unzips the game. So every file of a pack (``pack.yaml``, the logo, everything in ``scenarios/``)
is used only when it is a regular file, within a size limit, and inside the pack's folder once
links are resolved. A link to a file elsewhere in the pack is read as that file; a link to a
folder, or out of the pack, a pipe, a device or an oversized file is refused, with the reason.
The build copies exactly the files accepted here, as plain files (``Held.files``).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from game.scenario.errors import Problem
from game.scenario.loader import SUFFIXES
from game.scenario.yamltree import MAX_BYTES
from game.untrusted import Refused, inside, not_plain, read_regular

SCENARIO_FOLDER = "scenarios"
MAX_FILE_BYTES = 4 * 1024 * 1024
"""A picture beside a scenario is tens of kilobytes; a scenario at most ``MAX_BYTES``."""
MAX_FILES = 500
"""A pack holds a handful of scenarios and their pictures."""
MAX_TOTAL_BYTES = 64 * 1024 * 1024
"""All of a pack together, as the build copies it into every copy of the game."""
MAX_DEPTH = 8
"""Folders inside ``scenarios/`` (``scenarios/assets/icons`` is two)."""


def refusal(refused: Refused, what: str = "file") -> str:
    """Why a pack's file was refused, in a sentence for the one who made the pack."""
    if refused.kind == "outside":
        return "this is a link that leads outside the pack's folder; put the file itself in it"
    if refused.kind == "not_found":
        return f"there is no such {what}"
    if refused.kind == "not_a_file":
        return f"this is {refused.detail[0]}, not a plain file; a pack holds only plain files"
    if refused.kind == "too_large":
        return (
            f"this {what} is {refused.detail:,} bytes; a pack's {what} may be at most "
            f"{refused.limit:,} bytes"
        )
    return f"this {what} cannot be read: {refused.detail}"


def read_pack_file(folder: Path, path: Path, limit: int) -> bytes:
    """The bytes of ``path``, which must be a regular file inside the pack's ``folder``."""
    return read_regular(path, limit, folder)[0]


def limit_for(path: Path) -> int:
    return MAX_BYTES if path.suffix in SUFFIXES else MAX_FILE_BYTES


@dataclass
class Held:
    """What a pack's ``scenarios/`` folder holds: the files accepted, and every refusal."""

    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    size: int = 0


def held_files(folder: Path) -> Held:
    """Every file in the pack's ``scenarios/`` folder, checked without reading any of them.

    Folders are walked without following links; a link is accepted only when it leads to a
    regular file inside the pack.
    """
    held = Held()
    top = folder / SCENARIO_FOLDER
    try:
        top.lstat()
    except FileNotFoundError:
        return held
    except OSError as error:
        held.problems.append(_problem(top, f"cannot be read: {error.strerror or error}"))
        return held
    _walk(folder, top, 0, held)
    return held


def _walk(folder: Path, here: Path, depth: int, held: Held) -> None:
    try:
        info = here.lstat()
    except OSError as error:
        held.problems.append(_problem(here, f"cannot be read: {error.strerror or error}"))
        return
    if stat.S_ISLNK(info.st_mode):
        _linked(folder, here, held)
        return
    if not stat.S_ISDIR(info.st_mode):
        if stat.S_ISREG(info.st_mode) and depth > 0:
            _accept(here, info.st_size, held)
            return
        what = not_plain(info.st_mode) or ("a file", "")
        held.problems.append(_problem(here, f"this is {what[0]}, not a folder or a plain file"))
        return
    if depth > MAX_DEPTH:
        held.problems.append(_problem(here, f"folders nest more than {MAX_DEPTH} deep here"))
        return
    try:
        entries = sorted(os.scandir(here), key=lambda entry: entry.name)
    except OSError as error:
        held.problems.append(_problem(here, f"this folder cannot be read: {error.strerror}"))
        return
    for entry in entries:
        if len(held.files) + len(held.problems) >= MAX_FILES:
            held.problems.append(
                _problem(
                    here,
                    f"the pack holds more than {MAX_FILES} files; only a pack's own "
                    "scenarios and their pictures belong in it",
                )
            )
            return
        _walk(folder, Path(entry.path), depth + 1, held)


def _linked(folder: Path, link: Path, held: Held) -> None:
    """A link: fine only as another name for a regular file inside the pack."""
    try:
        target = inside(link, folder)
        info = os.stat(target)
    except Refused as refused:
        held.problems.append(_problem(link, refusal(refused)))
        return
    except OSError as error:
        held.problems.append(_problem(link, f"this link leads nowhere ({error.strerror})"))
        return
    if stat.S_ISDIR(info.st_mode):
        held.problems.append(
            _problem(link, "this is a link to a folder; a pack's folders must be real folders")
        )
        return
    what = not_plain(info.st_mode)
    if what is not None:
        held.problems.append(_problem(link, f"this is a link to {what[0]}, not to a plain file"))
        return
    _accept(link, info.st_size, held)


def _accept(path: Path, size: int, held: Held) -> None:
    limit = limit_for(path)
    if size > limit:
        held.problems.append(_problem(path, refusal(Refused("too_large", size, limit))))
        return
    if held.size + size > MAX_TOTAL_BYTES:
        message = f"with this file, the pack comes to more than {MAX_TOTAL_BYTES // 2**20} MB"
        held.problems.append(_problem(path, message))
        return
    held.size += size
    held.files.append(path)


def _problem(path: Path, message: str) -> Problem:
    return Problem(str(path), 0, 0, "", message)
