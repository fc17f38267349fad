"""``build``: check the pack, make the standalone build (``game.bundle``), say where it is."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.checks import given_pack
from game.cli.options import COMMAND_HELP, Commands, given_path
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    build = commands.add_parser(
        "build",
        help=COMMAND_HELP["build"],
        description="Make a one-folder build of the game with PyInstaller, with its scenarios, "
        "a README for the organisation and, with --pack, the organisation's branding; and a zip "
        "of that folder to hand out. It runs on the kind of computer it was built on (Windows, "
        "macOS or Linux).",
    )
    build.add_argument(
        "--pack", metavar="DIR", type=given_path, default=None, help="the branding pack to build in"
    )
    build.add_argument(
        "--out",
        metavar="DIR",
        type=given_path,
        default=Path("dist"),
        help="where the folder and the zip go (default: dist)",
    )
    build.set_defaults(usage=build.format_usage())
    return build


def run(args: argparse.Namespace, out: TextIO) -> int:
    from game.bundle.build import BuildError, build
    from game.packs import PackError, check_pack

    pack = None
    if args.pack is not None:
        given_pack(args.pack, args.usage)
        try:
            pack = check_pack(args.pack)
        except PackError as error:
            sys.stderr.write(f"{error}\nThe pack has mistakes; nothing was built.\n")
            return EXIT_FAILED
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"{args.out} is a file, not a folder", args.usage)
    try:
        result = build(pack, args.out, out)
    except BuildError as error:
        sys.stderr.write(f"build failed: {error}\n")
        return EXIT_FAILED
    size = result.zip_bytes / 1_000_000
    out.write(
        f"built {result.folder}\n"
        f"zipped {result.zip} ({size:.1f} MB)\n"
        f"  try it:  {result.executable} autoplay\n"
    )
    return EXIT_OK
