"""Options that several commands take, and the value types that check what was typed.

A value that does not fit (a size, a type scale, a number of runs, a seed, a strategy, an empty
path) makes argparse show the usage and a one-line reason in plain words, exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

# argparse's action that holds the commands (its class is private): each command adds its
# parser to it with ``add_parser``.
Commands = argparse._SubParsersAction  # what add_subparsers returns

# Every command in the order ``--help`` lists them, with its line there. The main parser lists
# them from here and imports a command's module only when that command is asked for (issue 22).
COMMAND_HELP: dict[str, str] = {
    "play": "open the game window (the default)",
    "tour": "play a scenario headless with the best bot and save a PNG of every scene",
    "autoplay": "play a whole game headless with a bot and print the result",
    "compare": "put several teams' results files side by side in one HTML page",
    "host": "host a workshop: one laptop per team, in step with this one",
    "report": "write a team's debrief report (HTML, prints on A4) from a results file or a save",
    "simulate": "play many seeded games per strategy and report the scenario's balance",
    "outline": "print a scenario's outline for a trainer: its rounds, cards, news and choices",
    "saves": "list the saved games",
    "load": "check a save file",
    "validate": "check scenario files and print every problem with its line",
    "new": "write a commented starter scenario to change",
    "schema": "write the JSON Schema of scenario files (for editors)",
    "build": "make a standalone build of the game (a folder and a zip) that needs no Python",
    "pack": "branding packs: the organisation's name, logo, colours and scenarios",
}


def program_name() -> str:
    """How a person starts this: ``python main.py`` from source, the executable when built."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return "python main.py"


def lang_option(parser: argparse.ArgumentParser, default: str, shown: str | None = None) -> None:
    """``shown``: the default as the help says it, when it is worked out later (from a pack)."""
    parser.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=default if shown is None else None,
        help=f"language (default: {shown or default})",
    )


def round_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``--round N``: start at round N, a bot playing the rounds before it (play, tour)."""
    parser.add_argument(
        "--round", type=positive_number("rounds", 100), default=None, metavar="N", help=help_text
    )


def round_past_the_end(round_: int, scenario, length) -> str | None:
    """Why ``--round`` cannot be played at ``length``, or None when it can."""
    from game.sim.length import rounds_played

    rounds = rounds_played(scenario, length)
    if round_ <= rounds:
        return None
    return f"--round {round_}: {scenario.id} has {rounds} rounds at the {length} length"


def pack_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pack",
        metavar="DIR",
        type=given_path,
        default=None,
        help="a branding pack folder (default: a built game's own pack/ folder, if any)",
    )


def length_option(parser: argparse.ArgumentParser, what: str = "") -> None:
    parser.add_argument(
        "--length",
        choices=("short", "standard", "full"),
        default="full",
        help=(what or "the workshop length, kept in the results") + " (default: full)",
    )


def saves_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--saves",
        metavar="DIR",
        type=given_path,
        default=None,
        help="the saves folder (default: saves/ beside main.py; in a built game the user's "
        "data folder unless it is portable)",
    )


# The value types below raise ``ArgumentTypeError`` with a sentence: argparse shows it after
# the option's name ("argument --runs: '0' is not a number of runs: give a whole number of at
# least 1"). A plain ValueError would show the function's own name instead ("invalid _positive
# value"), which tells the person nothing.
MAX_SEED = 2**64 - 1  # the random generator's state is 64 bits; a save keeps the seed


def given_path(value: str) -> Path:
    """A file or folder named on the command line; an empty one is a bad argument (it would
    mean the current folder, or the default, without saying so)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("an empty path: give a file or folder name")
    return Path(value)


def given_name(value: str) -> str:
    """A scenario id or file; an empty one is a bad argument."""
    if not value.strip():
        raise argparse.ArgumentTypeError("an empty name: give a scenario id or file")
    return value


def positive_number(what: str, most: int) -> Callable[[str], int]:
    """A whole number from 1 to ``most``, of ``what`` ("games", "processes")."""

    def parse(value: str) -> int:
        number = _whole(value)
        if number is None or not 1 <= number <= most:
            raise argparse.ArgumentTypeError(
                f"{value!r} is not a number of {what}: give a whole number from 1 to {most:,}"
            )
        return number

    return parse


def seed(value: str) -> int:
    """A game seed: a whole number from 0 to 2^64 - 1 (the same seed gives the same game)."""
    number = _whole(value)
    if number is None or not 0 <= number <= MAX_SEED:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a seed: give a whole number from 0 to {MAX_SEED}, such as 7"
        )
    return number


def team_name(value: str) -> str:
    """A team's name as saves and results keep it: 1 to 80 characters, control characters gone."""
    from game.saves.names import clean_name

    name = clean_name(value, 10_000)
    if not name:
        raise argparse.ArgumentTypeError("a team name cannot be empty")
    if len(name) > 80:
        raise argparse.ArgumentTypeError(
            f"a team name is at most 80 characters (this one has {len(name)})"
        )
    return name


def window_size(value: str) -> tuple[int, int]:
    """``1280x720`` → (1280, 720): each side from 320 (width) or 240 (height) to 8192."""
    width, _, height = value.lower().strip().partition("x")
    size = (_whole(width), _whole(height))
    if size[0] is None or size[1] is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a size: give width x height in pixels, such as 1280x720"
        )
    if not (320 <= size[0] <= 8192 and 240 <= size[1] <= 8192):
        raise argparse.ArgumentTypeError(
            f"{value!r}: a size is from 320x240 to 8192x8192 pixels, such as 1280x720"
        )
    return size[0], size[1]


def _whole(value: str) -> int | None:
    """The whole number written in ``value`` (digits, a sign), or None; never thousands of
    digits (Python refuses those with an error of its own)."""
    text = value.strip()
    digits = text.lstrip("+-")
    if (
        not digits.isascii()
        or not digits.isdigit()
        or len(digits) > 40
        or len(text) - len(digits) > 1
    ):
        return None
    return int(text)


def strategy_list(value: str) -> list[str]:
    from game.strategy_names import STRATEGIES

    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in STRATEGIES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown strategy {', '.join(unknown) or value!r}; choose from {', '.join(STRATEGIES)}"
        )
    return names


def type_scale(value: str) -> float:
    """A type size: 0.85 to 1.4 (as a number, or as a percentage like 140%)."""
    text = value.strip().rstrip("%")
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a type size such as 1.2") from None
    if number > 5:
        number /= 100
    if not 0.85 <= number <= 1.4:
        raise argparse.ArgumentTypeError(f"'{value}': a type size is between 0.85 and 1.4")
    return number
