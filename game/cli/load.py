"""``load``: check a save file, down to replaying its decisions from its seed."""

from __future__ import annotations

import argparse
import sys

from game.cli.options import COMMAND_HELP, Commands, given_path, lang_option
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO

    from game.domain import Language

# Why a save could not be read that lies in the path given, not in the file's content.
BAD_PATH_KINDS = ("not_found", "not_a_file", "unreadable")


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    load = commands.add_parser(
        "load",
        help=COMMAND_HELP["load"],
        description="Check a save: the file is whole, its format is known (older formats are "
        "upgraded), its checksum matches, its scenario is installed in a compatible version, "
        "and replaying its decisions from its seed gives exactly the saved game.",
    )
    load.add_argument("file", type=given_path, help="the save file")
    load.add_argument(
        "--check", action="store_true", help="only verify: exit 0 when valid, 1 with the reason"
    )
    load.add_argument(
        "--scenario",
        metavar="FILE",
        type=given_path,
        default=None,
        help="the scenario file to check against (default: the installed one with the save's id)",
    )
    lang_option(load, "en")
    load.set_defaults(usage=load.format_usage())
    return load


def run(args: argparse.Namespace, out: TextIO) -> int:
    from game.saves import FORMAT_VERSION, SaveError, find_installed_scenario, load_save
    from game.saves.atomic import backup_path
    from game.scenario.loader import load_scenario

    lang: Language = args.lang

    if args.scenario is not None and not args.scenario.is_file():
        raise UsageError(f"no scenario file {str(args.scenario)!r}", args.usage)

    def find_scenario(scenario_id: str) -> Any:
        if args.scenario is None:
            return find_installed_scenario(scenario_id)
        return load_scenario(args.scenario)

    try:
        game = load_save(args.file, find_scenario, use_hint=args.scenario is None)
    except SaveError as error:
        if error.kind in BAD_PATH_KINDS:
            raise UsageError(f"{args.file}: {error.explain(lang)}", args.usage) from error
        sys.stderr.write(f"invalid: {args.file}: {error.explain(lang)}\n")
        try:
            backup = load_save(
                backup_path(args.file), find_scenario, use_hint=args.scenario is None
            )
        except SaveError:
            return EXIT_FAILED
        sys.stderr.write(
            f"its backup {backup.info.path.name} is valid (round {backup.info.round}): "
            "continue from it in the game\n"
        )
        return EXIT_FAILED
    info = game.info
    upgraded = (
        f", upgraded from format {info.format_version}"
        if info.format_version != FORMAT_VERSION
        else ""
    )
    where = "finished" if info.finished else f"at round {info.round} of {game.scenario.rounds}"
    out.write(
        f"ok: {args.file}: team {info.team}, {info.title(lang)} ({info.scenario_id} "
        f"{info.scenario_version}), {where}; replaying its decisions gives the saved game "
        f"exactly{upgraded}\n"
    )
    if not args.check:
        out.write("Continuing a save in the game window comes with the window.\n")
    return EXIT_OK
