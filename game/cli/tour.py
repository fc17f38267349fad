"""``tour``: play a scenario headless with the best bot and save a PNG of every scene."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.checks import load_named_scenario, pack_for_run, quiet_pygame, usable_folder
from game.cli.options import (
    COMMAND_HELP,
    Commands,
    given_name,
    given_path,
    lang_option,
    pack_option,
    round_option,
    round_past_the_end,
    seed,
    type_scale,
    window_size,
)
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    tour = commands.add_parser(
        "tour",
        help=COMMAND_HELP["tour"],
        description="Save a screenshot of every scene (title to debrief) while the best bot plays.",
    )
    tour.add_argument(
        "scenario", nargs="?", type=given_name, default=None, help="scenario id or YAML file"
    )
    tour.add_argument("--out", required=True, type=given_path, help="folder for the PNG files")
    tour.add_argument("--size", type=window_size, default=(1280, 720), help="e.g. 1920x1080")
    lang_option(tour, "en", "the pack's language, else en")
    pack_option(tour)
    tour.add_argument("--seed", type=seed, default=1, help="the game seed (default: 1)")
    tour.add_argument(
        "--scale",
        type=type_scale,
        default=1.0,
        help="type size as a projector room sets it: 1.0, 1.2 or 1.4 (default: 1.0)",
    )
    tour.add_argument(
        "--length",
        choices=("short", "standard", "full"),
        default="full",
        help="how much of the scenario the tour plays (default: full)",
    )
    round_option(tour, "start at round N: the best bot plays the rounds before it without pictures")
    tour.add_argument(
        "--check",
        action="store_true",
        help="also check that every text fits (exit 1 and a list of what does not)",
    )
    tour.set_defaults(usage=tour.format_usage())
    return tour


def run(args: argparse.Namespace, out: TextIO) -> int:
    quiet_pygame()
    from game.domain import GameLength
    from game.scenario.errors import ScenarioError
    from game.ui.tour import TourStopped, run_tour

    chosen = pack_for_run(args.pack, args.usage)
    if chosen.failed:
        return EXIT_FAILED
    lang = args.lang or (chosen.pack.language if chosen.pack else "en")
    try:
        scenario = load_named_scenario(args.scenario, args.usage)
    except ScenarioError as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_FAILED
    problem = round_past_the_end(args.round, scenario, args.length) if args.round else None
    if problem is not None:
        raise UsageError(problem, args.usage)
    folder = Path(args.out)
    usable_folder(folder, args.usage, "the --out folder")
    import pygame

    findings: list[str] = []

    def inspect(name: str, app: Any) -> None:
        from game.ui.fit import check

        report = check(app)
        findings.extend(f"{name}: {problem}" for problem in report.problems)

    try:
        saved = run_tour(
            folder,
            args.size,
            lang,
            args.scenario,
            args.seed,
            pack=chosen.pack,
            font_scale=args.scale,
            inspect=inspect if args.check else None,
            length=GameLength(args.length),
            start_round=args.round,
        )
    except OSError as error:  # a full disk: every picture is whole or not there at all
        where = error.filename or folder
        sys.stderr.write(
            f"the tour stopped: {where} could not be written ({error.strerror or error}); "
            "the pictures before it are whole, and no half picture was left\n"
        )
        return EXIT_FAILED
    except pygame.error as error:
        sys.stderr.write(f"the tour could not save its pictures in {folder}: {error}\n")
        return EXIT_FAILED
    except TourStopped as error:
        sys.stderr.write(f"the tour stopped: {error}\n")
        return EXIT_FAILED
    for path in saved:
        out.write(f"{path}\n")
    out.write(f"{len(saved)} screenshots in {args.out}\n")
    for finding in findings:
        out.write(f"does not fit: {finding}\n")
    if args.check:
        out.write(f"{len(findings)} layout problem{'s' if len(findings) != 1 else ''}\n")
    return EXIT_FAILED if findings else EXIT_OK
