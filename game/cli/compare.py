"""``compare``: several teams' results files side by side in one HTML page."""

from __future__ import annotations

import argparse
import sys

from game.cli.checks import pack_for_run, writable_file
from game.cli.options import COMMAND_HELP, Commands, given_path, lang_option, pack_option
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError
from game.cli.writing import write_failure

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

    from game.domain import Language


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    compare = commands.add_parser(
        "compare",
        help=COMMAND_HELP["compare"],
        description="Compare teams: read results files (or every *.json in folders given) and "
        "write one self-contained HTML page with the teams side by side. Files that cannot be "
        "read, and files of another scenario, seed or length, are listed with the reason and "
        "left out.",
    )
    compare.add_argument(
        "results", nargs="+", type=given_path, metavar="RESULTS", help="files or folders"
    )
    compare.add_argument("--out", required=True, type=given_path, help="the HTML file to write")
    lang_option(compare, "nl", "the pack's language, else nl")
    pack_option(compare)
    compare.set_defaults(usage=compare.format_usage())
    return compare


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The teams side by side: every file read, the comparable ones compared, one page out."""
    from game.results.compare import compare_files
    from game.results.compare_page import compare_html
    from game.results.report import write_page

    missing = [str(p) for p in args.results if not p.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}", args.usage)
    writable_file(args.out, args.usage, "--out")
    chosen = pack_for_run(args.pack, args.usage)
    if chosen.failed:
        return EXIT_FAILED
    lang: Language = args.lang or (chosen.pack.language if chosen.pack else "nl")
    comparison = compare_files(args.results)
    for item in comparison.left_out:
        sys.stderr.write(f"left out: {item.path}: {item.explain('en')}\n")
    try:
        write_page(args.out, compare_html(comparison, lang, chosen.pack))
    except OSError as error:  # written whole or not at all; a full disk says so, exit 1
        raise write_failure(error, args.out, args.usage, "--out") from error
    names = ", ".join(team.name for team in comparison.teams) or "none"
    out.write(
        f"wrote {args.out}: {len(comparison.teams)} teams ({names}), "
        f"{len(comparison.left_out)} files left out\n"
    )
    return EXIT_OK if comparison.teams else EXIT_FAILED
