"""``saves``: list the saved games, and the save files that cannot be used."""

from __future__ import annotations

import argparse
import sys

from game.cli.options import COMMAND_HELP, Commands, lang_option, saves_option
from game.cli.usage import EXIT_OK, EXIT_USAGE

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

    from game.domain import Language


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    saves = commands.add_parser(
        "saves",
        help=COMMAND_HELP["saves"],
        description="List the saves with team, scenario, round and time, newest first, and "
        "any save file that cannot be used, with the reason.",
    )
    saves_option(saves)
    lang_option(saves, "en")
    saves.set_defaults(usage=saves.format_usage())
    return saves


def run(args: argparse.Namespace, out: TextIO) -> int:
    from game.saves import SaveStore

    store = SaveStore(args.saves)
    lang: Language = args.lang
    listing = store.scan()
    if listing.problem is not None:
        sys.stderr.write(f"{listing.problem.explain(lang)}\n")
        return EXIT_USAGE
    infos, broken = listing.saves, listing.broken
    if not infos and not broken:
        out.write(f"No saves in {store.directory}\n")
        return EXIT_OK
    out.write(f"Saves in {store.directory}:\n")
    for info in infos:
        what = "autosave" if info.kind == "autosave" else f"slot {info.name!r}"
        when = info.created.astimezone().strftime("%Y-%m-%d %H:%M")
        where = "finished" if info.finished else f"round {info.round}"
        backup = "  (backup: the save itself is damaged)" if info.from_backup else ""
        if info.aside:
            backup = "  (set aside)"
        out.write(
            f"  {when}  {info.team:<16} {where:<9} {info.title(lang)} "
            f"({info.scenario_id} {info.scenario_version})  {what}  {info.path.name}{backup}\n"
        )
    if broken:
        out.write("Cannot be used:\n")
        for error in broken:
            name = error.path.name if error.path else "?"
            out.write(f"  {name}: {error.explain(lang)}\n")
    return EXIT_OK
