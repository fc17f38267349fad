"""``play``: open the game window (also what runs without a command)."""

from __future__ import annotations

import argparse
import sys

from game.cli.checks import pack_for_run, quiet_pygame
from game.cli.options import (
    COMMAND_HELP,
    Commands,
    given_name,
    given_path,
    lang_option,
    pack_option,
    round_option,
    round_past_the_end,
    saves_option,
    seed,
    window_size,
)
from game.cli.usage import EXIT_FAILED, UsageError

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    from game.strategy_names import STRATEGIES

    play = commands.add_parser("play", help=COMMAND_HELP["play"])
    play.add_argument(
        "scenario", nargs="?", type=given_name, help="scenario id or YAML file to preselect"
    )
    play.add_argument(
        "--seed",
        type=seed,
        default=None,
        help="every new game's seed (default: a new one drawn for each game)",
    )
    lang_option(play, "nl", "the pack's language, else nl")
    pack_option(play)
    play.add_argument(
        "--size", type=window_size, default=(1280, 720), help="window size (default 1280x720)"
    )
    play.add_argument(
        "--fullscreen", action="store_true", help="start in full screen (F11 toggles)"
    )
    saves_option(play)
    play.add_argument(
        "--results",
        metavar="DIR",
        type=given_path,
        default=None,
        help="where results files and reports go (default: results/ beside the saves)",
    )
    round_option(play, "start a new game of SCENARIO at round N: a bot plays the rounds before it")
    play.add_argument(
        "--strategy",
        choices=STRATEGIES,
        default="best",
        help="with --round: the bot that plays the rounds before N (default: best)",
    )
    play.add_argument(
        "--no-discovery",
        action="store_true",
        help="a workshop over the network is neither announced nor looked for (type the address)",
    )
    play.add_argument("--quit-after-first-frame", action="store_true", help=argparse.SUPPRESS)
    play.set_defaults(usage=play.format_usage())
    return play


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Without a command, ``args`` holds none of play's options: each has its default here."""
    quiet_pygame()
    from game.saves import SaveStore
    from game.scenario.loader import scenario_path
    from game.ui.app import App
    from game.ui.settings import Settings
    from game.ui.window import NoDisplayError

    scenario = getattr(args, "scenario", None)
    if scenario is not None and not scenario_path(scenario).is_file():
        # A wrong name is a usage error before any window opens; a file with mistakes opens
        # the window, whose scenario list shows every problem with its line.
        raise UsageError(
            f"no scenario {scenario!r} (looked for {scenario_path(scenario)})", args.usage
        )
    saves_dir = getattr(args, "saves", None)
    if saves_dir is not None and saves_dir.exists() and not saves_dir.is_dir():
        raise UsageError(f"the saves folder {str(saves_dir)!r} is a file, not a folder", args.usage)
    chosen = pack_for_run(getattr(args, "pack", None), args.usage if "usage" in args else "")
    if chosen.failed:
        return EXIT_FAILED
    from game.places import data_home
    from game.ui.settings import read_settings

    settings_file = data_home().settings_file
    kept, settings_problem = read_settings(
        settings_file, Settings(language=chosen.pack.language if chosen.pack else "nl")
    )
    # What the command line says wins over what was kept.
    settings = kept.with_(
        language=getattr(args, "lang", None) or kept.language,
        fullscreen=getattr(args, "fullscreen", False) or kept.fullscreen,
    )
    try:
        app = App(
            getattr(args, "size", (1280, 720)),
            settings,
            scenario=scenario,
            seed=getattr(args, "seed", None),
            saves=SaveStore(saves_dir),
            pack=chosen.pack,
            pack_problem=chosen.problem,
            settings_file=settings_file,
            settings_problem=settings_problem,
            results_dir=getattr(args, "results", None),
            network=_room_plan(args),
        )
    except NoDisplayError as error:
        sys.stderr.write(
            f"No display available ({error}).\n"
            "The game window needs a screen. Without one, play a whole game headless with:\n"
            "  python main.py autoplay --strategy best --seed 7\n"
            "or save every scene as a picture with:\n"
            "  python main.py tour --out screenshots\n"
        )
        return EXIT_FAILED
    if getattr(args, "host", False):  # main.py host: straight to hosting
        app.go(app.scenes.host_setup)
    elif getattr(args, "round", None):
        try:
            start_at_round(app, args.round, getattr(args, "strategy", "best"))
        except ValueError as error:
            app.close()
            raise UsageError(str(error), args.usage) from error
    try:
        return app.run(quit_after_first_frame=getattr(args, "quit_after_first_frame", False))
    finally:
        app.close()


def _room_plan(args: argparse.Namespace):
    """Where the window hosts a workshop: ``host``'s --address, --port, --code and
    --no-discovery; ``play`` hosts on every network, announced, at the usual port."""
    from game.ui.room import RoomPlan

    if not getattr(args, "host", False):
        plan = RoomPlan.open()
        return RoomPlan(plan.address, plan.port, False) if args.no_discovery else plan
    return RoomPlan(args.address, args.port, not args.no_discovery, args.code)


def start_at_round(app, round_: int, strategy: str) -> None:
    """A new game of the preselected scenario (else the default) at ``round_``, the rounds
    before it played by ``strategy`` (issue 20: a trainer tests a late event without playing
    up to it). ``ValueError`` when the game at its length has fewer rounds."""
    from game.scenario.loader import DEFAULT_SCENARIO, load_scenario, scenario_path
    from game.sim.dice import choose_seed

    scenario = load_scenario(scenario_path(app.preselected_scenario or DEFAULT_SCENARIO))
    problem = round_past_the_end(round_, scenario, app.chosen_length.value)
    if problem is not None:
        raise ValueError(problem)
    controller = app.controller
    controller.start(scenario, choose_seed(app.seed), length=app.chosen_length)
    controller.play_ahead(round_, strategy)
    app.go(app.scenes.briefing)
