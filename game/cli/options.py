"""Options that several commands take, and the value types that check what was typed.

A value that does not fit (a size, a type scale, a number of runs, a strategy) makes argparse
show the usage and a one-line reason, exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

# argparse's action that holds the commands (its class is private): each command adds its
# parser to it with ``add_parser``.
Commands = Any


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


def pack_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pack",
        metavar="DIR",
        type=Path,
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
        type=Path,
        default=None,
        help="the saves folder (default: saves/ beside main.py; in a built game the user's "
        "data folder unless it is portable)",
    )


# argparse names a type function in its message ("invalid _size value: '10x10'"), so these two
# keep the names that message has always shown.
def _positive(value: str) -> int:
    """A whole number of at least 1; argparse turns the ValueError into a usage error."""
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def _size(value: str) -> tuple[int, int]:
    """``1280x720`` → (1280, 720); argparse turns the ValueError into a usage error."""
    width, _, height = value.lower().partition("x")
    size = (int(width), int(height))
    if not (320 <= size[0] <= 8192 and 240 <= size[1] <= 8192):
        raise ValueError(value)
    return size


def strategy_list(value: str) -> list[str]:
    from game.sim.bots import STRATEGIES

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
