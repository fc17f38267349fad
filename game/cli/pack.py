"""``pack new DIR``: write a commented starter branding pack (``validate DIR`` checks one)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from game.cli.options import COMMAND_HELP, Commands, given_path, program_name
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError
from game.cli.writing import write_once

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    pack = commands.add_parser(
        "pack",
        help=COMMAND_HELP["pack"],
        description="Branding packs. Check one with: validate DIR.",
    )
    actions = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    new = actions.add_parser(
        "new",
        help="write a commented starter pack to fill in",
        description="Write a folder with a commented pack.yaml (name, logo, colours, language, "
        "scenarios) that validates as it is. It never overwrites a pack.",
    )
    new.add_argument("folder", type=given_path, help="the pack's folder (made if it is not there)")
    new.add_argument(
        "--id", default=None, help="the pack's id (default: made from the folder's name)"
    )
    pack.set_defaults(usage=pack.format_usage())
    new.set_defaults(usage=new.format_usage())
    return pack


def run(args: argparse.Namespace, out: TextIO) -> int:
    from game.packs import PackError, load_pack
    from game.packs.starter import starter_for
    from game.scenario.models import CONTENT_ID_PATTERN

    folder: Path = args.folder
    pack_id = args.id or _id_from(folder.resolve().name)
    if not re.fullmatch(CONTENT_ID_PATTERN, pack_id):
        raise UsageError(
            f"{pack_id!r} cannot be a pack id: use lower-case letters, digits, '-' and '_', "
            "starting with a letter (give one with --id, e.g. --id waterschap-rivierland)",
            args.usage,
        )
    from game.places import PACK_FILE

    file = folder / PACK_FILE
    if file.exists():
        out.write(f"{file}: already exists; not overwritten (choose another folder)\n")
        return EXIT_FAILED
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder", args.usage)
    text = starter_for(pack_id, folder)
    try:
        (folder / "scenarios").mkdir(parents=True, exist_ok=True)
    except OSError as error:
        # A folder that cannot be made or written is a bad path: the usage, and exit 2.
        raise UsageError(
            f"{file} cannot be written: {error.strerror or error}", args.usage
        ) from None
    try:
        write_once(file, text.encode("utf-8"), args.usage)  # a full disk leaves no empty file
    except FileExistsError:
        out.write(f"{file}: already exists; not overwritten (choose another folder)\n")
        return EXIT_FAILED
    try:
        load_pack(folder)
    except PackError as error:  # the template itself is wrong: a bug, said plainly
        out.write(f"the starter pack does not validate:\n{error}\n")
        return EXIT_FAILED
    shown = folder.as_posix()
    program = program_name()
    out.write(
        f"wrote {file} and an empty {shown}/scenarios/ for the organisation's own scenarios\n"
        f"  fill it in:  open {file} in a text editor (add a logo.png beside it)\n"
        f"  check it:    {program} validate {shown}\n"
        f"  look at it:  {program} tour --pack {shown} --out screenshots\n"
        f"  build:       {program} build --pack {shown}\n"
    )
    return EXIT_OK


def _id_from(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-_")
