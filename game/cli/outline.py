"""``outline``: a scenario as a game of some length plays it, round by round, for a trainer."""

from __future__ import annotations

import argparse
import sys

from game.cli.checks import load_named_scenario
from game.cli.options import COMMAND_HELP, Commands, given_name, lang_option, length_option
from game.cli.usage import EXIT_FAILED, EXIT_OK

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    outline = commands.add_parser(
        "outline",
        help=COMMAND_HELP["outline"],
        description="Print, as plain text, what a game of the scenario brings: per round the "
        "initiatives that can come up (owner, relation, best-fitting role, what they unfold "
        "into) and the news; then what may come up by condition, the channels and what opens "
        "them, and the development actions with their cost and condition.",
    )
    outline.add_argument(
        "scenario",
        nargs="?",
        type=given_name,
        default=None,
        help="scenario id or YAML file (default: the default)",
    )
    length_option(outline, "the workshop length to outline")
    lang_option(outline, "nl")
    outline.set_defaults(usage=outline.format_usage())
    return outline


def run(args: argparse.Namespace, out: TextIO) -> int:
    from game.scenario.errors import ScenarioError
    from game.sim.outline import outline

    try:
        scenario = load_named_scenario(args.scenario, args.usage)
    except ScenarioError as error:
        for problem in error.problems:
            sys.stderr.write(f"{problem}\n")
        return EXIT_FAILED
    out.write(outline(scenario, args.length, args.lang) + "\n")
    return EXIT_OK
