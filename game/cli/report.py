"""``report``: a team's debrief report (HTML, prints on A4) from a results file or a save."""

from __future__ import annotations

import argparse
import sys

from game.cli.checks import pack_for_run, writable_file
from game.cli.options import (
    COMMAND_HELP,
    Commands,
    given_path,
    lang_option,
    length_option,
    pack_option,
)
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError
from game.cli.writing import write_failure

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO

    from game.domain import Language


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    report = commands.add_parser(
        "report",
        help=COMMAND_HELP["report"],
        description="Write the debrief report to take home: one self-contained HTML file with "
        "the charts over the rounds, the decisions against the best fit with the scenario's "
        "outcome texts, the model in brief, recommendations and the prediction score.",
    )
    report.add_argument(
        "file", type=given_path, metavar="RESULTS_OR_SAVE", help="a results file or a save"
    )
    report.add_argument("--out", required=True, type=given_path, help="the HTML file to write")
    report.add_argument(
        "--scenario",
        metavar="FILE",
        type=given_path,
        default=None,
        help="for a save: the scenario file (default: the installed one with the save's id)",
    )
    length_option(report, "for a save: the workshop length it was played at")
    lang_option(report, "nl", "the pack's language, else nl")
    pack_option(report)
    report.set_defaults(usage=report.format_usage())
    return report


def run(args: argparse.Namespace, out: TextIO) -> int:
    """A team's debrief report, from its results file or from a save (replayed and checked)."""
    from game.results.report import report_html, write_page

    if not args.file.exists():
        raise UsageError(f"no such file: {str(args.file)!r}", args.usage)
    if not args.file.is_file():  # a folder, a pipe, a device: never read
        raise UsageError(f"{str(args.file)!r} is not a plain file", args.usage)
    if args.scenario is not None and not args.scenario.is_file():
        raise UsageError(f"no scenario file {str(args.scenario)!r}", args.usage)
    writable_file(args.out, args.usage, "--out")
    chosen = pack_for_run(args.pack, args.usage)
    if chosen.failed:
        return EXIT_FAILED
    lang: Language = args.lang or (chosen.pack.language if chosen.pack else "nl")
    results, problem = _results_for_report(args)
    if results is None:
        sys.stderr.write(f"{args.file}: {problem}\n")
        return EXIT_FAILED
    try:
        write_page(args.out, report_html(results, lang, chosen.pack))
    except OSError as error:  # written whole or not at all; a full disk says so, exit 1
        raise write_failure(error, args.out, args.usage, "--out") from error
    out.write(f"wrote {args.out}: the report of {results.team} ({results.scenario.id})\n")
    return EXIT_OK


def _results_for_report(args: argparse.Namespace) -> tuple[Any, str]:
    """The results of the file given: read as a results file, or made from a save."""
    from game.results import ResultsError, build_results, read_results
    from game.results.files import decode, encode
    from game.saves import SaveError, find_installed_scenario, load_save
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import load_scenario

    try:
        return read_results(args.file), ""
    except ResultsError as error:
        if error.kind != "unknown_format" or "save" not in error.reason:
            return None, error.explain("en")

    def find_scenario(scenario_id: str) -> Any:
        if args.scenario is None:
            return find_installed_scenario(scenario_id)
        return load_scenario(args.scenario)

    try:
        game = load_save(args.file, find_scenario, use_hint=args.scenario is None)
        # A save knows the length it was played at (issue 10); --length is for older saves.
        length = game.state.length.value if game.state.length.value != "full" else args.length
        document = build_results(
            game.state, game.scenario, game.team, game.info.game_id or game.game_id, length
        )
        return decode(encode(document)), ""
    except (SaveError, ResultsError) as error:
        return None, error.explain("en")
    except ScenarioError as error:
        return None, str(error)
