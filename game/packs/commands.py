"""The pack side of the command line: ``pack new``, ``validate`` on a pack, and ``--pack``."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from game.packs.loader import Pack, PackError, check_pack, load_pack, pack_file
from game.places import PACK_FILE, installed_pack_dir
from game.scenario.models import CONTENT_ID_PATTERN

EXIT_OK = 0
EXIT_FAILED = 1


def add_pack_parser(commands: Any) -> list[argparse.ArgumentParser]:
    """``pack new DIR``; returns the parsers that need a usage line."""
    pack = commands.add_parser(
        "pack",
        help="branding packs: the organisation's name, logo, colours and scenarios",
        description="Branding packs. Check one with: validate DIR.",
    )
    actions = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    new = actions.add_parser(
        "new",
        help="write a commented starter pack to fill in",
        description="Write a folder with a commented pack.yaml (name, logo, colours, language, "
        "scenarios) that validates as it is. It never overwrites a pack.",
    )
    new.add_argument("folder", type=Path, help="the pack's folder (made if it is not there)")
    new.add_argument(
        "--id", default=None, help="the pack's id (default: made from the folder's name)"
    )
    return [pack, new]


def cmd_pack(args: argparse.Namespace, out: TextIO) -> int:
    from game.cli import UsageError

    folder: Path = args.folder
    pack_id = args.id or _id_from(folder.resolve().name)
    if not re.fullmatch(CONTENT_ID_PATTERN, pack_id):
        raise UsageError(
            f"{pack_id!r} cannot be a pack id: use lower-case letters, digits, '-' and '_', "
            "starting with a letter (give one with --id, e.g. --id waterschap-rivierland)",
            args.usage,
        )
    file = folder / PACK_FILE
    if file.exists():
        out.write(f"{file}: already exists; not overwritten (choose another folder)\n")
        return EXIT_FAILED
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder", args.usage)
    text = starter_for(pack_id, folder)
    try:
        (folder / "scenarios").mkdir(parents=True, exist_ok=True)
        with file.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as error:
        # A folder that cannot be made or written is a bad path: the usage, and exit 2.
        raise UsageError(
            f"{file} cannot be written: {error.strerror or error}", args.usage
        ) from None
    try:
        load_pack(folder)
    except PackError as error:  # the template itself is wrong: a bug, said plainly
        out.write(f"the starter pack does not validate:\n{error}\n")
        return EXIT_FAILED
    shown = folder.as_posix()
    out.write(
        f"wrote {file} and an empty {shown}/scenarios/ for the organisation's own scenarios\n"
        f"  fill it in:  open {file} in a text editor (add a logo.png beside it)\n"
        f"  check it:    {_program()} validate {shown}\n"
        f"  look at it:  {_program()} tour --pack {shown} --out screenshots\n"
        f"  build:       {_program()} build --pack {shown}\n"
    )
    return EXIT_OK


def starter_for(pack_id: str, folder: Path) -> str:
    """The starter text, naming scenarios this game really has (a build may hold fewer)."""
    from game.packs.starter import starter_pack_text
    from game.scenario.loader import SCENARIO_DIR

    shipped = {path.stem for path in SCENARIO_DIR.glob("*.yaml")}
    wanted = [name for name in ("gemeente-middelgroot", "raadsgriffie") if name in shipped]
    text = starter_pack_text(pack_id, folder.as_posix())
    if not wanted:  # no game scenarios to name: the list is left out, so all are included
        return re.sub(r"\nscenarios:\n(  - .*\n)+", "\n", text)
    lines = "".join(f"  - {name}\n" for name in wanted)
    return re.sub(r"\nscenarios:\n(  - .*\n)+", f"\nscenarios:\n{lines}", text)


def _id_from(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-_")


def _program() -> str:
    return Path(sys.executable).name if getattr(sys, "frozen", False) else "python main.py"


def is_pack(path: Path) -> bool:
    """A pack folder (one holding pack.yaml), or a pack.yaml itself."""
    return (path.is_dir() and (path / PACK_FILE).is_file()) or (
        path.name == PACK_FILE and path.is_file()
    )


def validate_pack(path: Path, out: TextIO) -> tuple[bool, int]:
    """Print every problem of the pack (and its own scenarios); (valid, number of problems)."""
    try:
        pack = check_pack(path)
    except PackError as error:
        for problem in error.problems:
            out.write(f"{problem}\n")
        return False, len(error.problems)
    own = len(pack.own_scenarios())
    games = len(pack.game_scenarios())
    out.write(
        f"{pack_file(path)}: valid — pack '{pack.id}' for {pack.name.get('en')}: "
        f"{games} of the game's scenarios and {own} of its own\n"
    )
    return True, 0


@dataclass(frozen=True, slots=True)
class ChosenPack:
    """The pack a window or a tour runs with, or why none."""

    pack: Pack | None = None
    problem: str | None = None
    failed: bool = False


def pack_for_run(given: Path | None, usage: str) -> ChosenPack:
    """``--pack DIR`` must load (else its problems, and the command fails). Without it, a built
    game's own ``pack/`` is used; if that one has mistakes, the game runs unbranded and the title
    screen says why, so a workshop can still start."""
    from game.cli import UsageError

    if given is not None:
        if not given.exists():
            raise UsageError(f"no pack folder {str(given)!r}", usage)
        try:
            return ChosenPack(load_pack(given))
        except PackError as error:
            sys.stderr.write(f"{error}\n")
            return ChosenPack(failed=True)
    folder = installed_pack_dir()
    if folder is None:
        return ChosenPack()
    try:
        return ChosenPack(load_pack(folder))
    except PackError as error:
        sys.stderr.write(f"{error}\n(the game starts without the pack's branding)\n")
        return ChosenPack(problem=str(error.problems[0]))
