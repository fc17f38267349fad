"""Checks that several commands make on what they are given: a folder to fill, a file to write,
a scenario by name and a branding pack. A path that cannot be used is a ``UsageError``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from game.cli.usage import UsageError

# typing's TYPE_CHECKING without importing typing: every command's --help imports this.
TYPE_CHECKING = False
if TYPE_CHECKING:  # the packs (pydantic models) load when a command runs, not for --help
    from typing import Any

    from game.packs import Pack


def usable_folder(path: Path, usage: str, what: str) -> None:
    """A folder given on the command line: fine if it is one or can be made; else exit 2."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{what} {str(path)!r} is a file, not a folder", usage)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            f"{what} {str(path)!r} cannot be made: {error.strerror or error}", usage
        ) from error


def writable_file(path: Path, usage: str, what: str) -> None:
    """An output file given on the command line: not a folder, and its folder can be made."""
    if path.is_dir():
        raise UsageError(f"{what} {str(path)!r} is a folder; give a file name", usage)
    if path.exists() and not path.is_file():
        raise UsageError(f"{what} {str(path)!r} is not a plain file", usage)
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise UsageError(f"{what} {str(path)!r}: {str(parent)!r} is a file, not a folder", usage)
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            f"{what} {str(path)!r}: its folder cannot be made ({error.strerror or error})", usage
        ) from error
    if not os.access(parent, os.W_OK):
        raise UsageError(f"{what} {str(path)!r}: its folder cannot be written", usage)


def load_named_scenario(name: str | None, usage: str) -> Any:
    """The scenario by id or path; a missing file is a usage error."""
    from game.scenario.loader import DEFAULT_SCENARIO, load_scenario, scenario_path

    path = scenario_path(name or DEFAULT_SCENARIO)
    if not path.is_file():
        raise UsageError(f"no scenario {name or DEFAULT_SCENARIO!r} (looked for {path})", usage)
    return load_scenario(path)


def given_pack(path: Path, usage: str) -> None:
    """``--pack`` must name a pack's folder (or its pack.yaml); anything else is a usage error."""
    from game.scenario.loader import SUFFIXES

    if not path.exists():
        raise UsageError(f"no pack folder {str(path)!r}", usage)
    if not path.is_dir() and path.suffix not in SUFFIXES:
        raise UsageError(f"--pack {str(path)!r} is not a folder; give the pack's folder", usage)


class ChosenPack:
    """The pack a window or a tour runs with, or why none. (A plain class: every command's
    usage imports this module, and dataclasses or typing's NamedTuple cost it 10 ms, issue 22.)"""

    __slots__ = ("failed", "pack", "problem")

    def __init__(
        self, pack: Pack | None = None, problem: str | None = None, failed: bool = False
    ) -> None:
        self.pack = pack
        self.problem = problem
        self.failed = failed


def pack_for_run(given: Path | None, usage: str) -> ChosenPack:
    """``--pack DIR`` must load (else its problems, and the command fails). Without it, a built
    game's own ``pack/`` is used; if that one has mistakes, the game runs unbranded and the title
    screen says why, so a workshop can still start."""
    from game.places import installed_pack_dir

    folder = installed_pack_dir() if given is None else None
    if given is None and folder is None:
        return ChosenPack()  # without loading the packs' code (issue 22: the first frame)
    from game.packs import PackError, load_pack

    if given is not None:
        given_pack(given, usage)
        try:
            return ChosenPack(load_pack(given))
        except PackError as error:
            sys.stderr.write(f"{error}\n")
            return ChosenPack(failed=True)
    assert folder is not None
    try:
        return ChosenPack(load_pack(folder))
    except PackError as error:
        sys.stderr.write(f"{error}\n(the game starts without the pack's branding)\n")
        return ChosenPack(problem=str(error.problems[0]))


def quiet_pygame() -> None:
    """pygame greets on import; a workshop's terminal does not need it."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
