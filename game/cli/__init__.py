"""The command line: ``python main.py [command] …``, one module per command.

Every command returns an exit code; only ``main.py`` turns it into the process's exit status.
Bad arguments, and paths that cannot be used (missing, a folder where a file belongs, a pipe, no
permission), print the usage and a one-line reason and exit with 2, never a traceback. A file
that cannot be written whole (a full disk) is said in one line with exit 1, and nothing is left
half-written (``writing.py``). Output survives any terminal encoding: what the terminal cannot
show becomes '?', never a crash; output to a full disk is one line, not a traceback.

Each command module has ``add_parser(commands)``, which adds its options, and ``run(args, out)``;
what they import beyond the standard library is imported when the command runs (``build`` needs
no pygame, and so on). Options several commands share are in ``options.py``, checks on what they
are given in ``checks.py``, writing what they make in ``writing.py``, and the usage error and exit
codes in ``usage.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from game.cli.options import COMMAND_HELP, program_name
from game.cli.usage import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    HelpShown,
    OutputFailed,
    Parser,
    UsageError,
)
from game.cli.writing import Output

# typing's TYPE_CHECKING without importing typing: every command's --help imports this.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def command_module(name: str) -> ModuleType:
    """A command's module, imported only when that command runs or shows its usage: ``--help``
    imported all fifteen, and with them dataclasses, tempfile and the game's words (issue 22).
    Each import is written out so that the build's packer finds it."""
    match name:
        case "play":
            from game.cli import play as module
        case "tour":
            from game.cli import tour as module
        case "autoplay":
            from game.cli import autoplay as module
        case "compare":
            from game.cli import compare as module
        case "host":
            from game.cli import host as module
        case "report":
            from game.cli import report as module
        case "simulate":
            from game.cli import simulate as module
        case "outline":
            from game.cli import outline as module
        case "saves":
            from game.cli import saves as module
        case "load":
            from game.cli import load as module
        case "validate":
            from game.cli import validate as module
        case "new":
            from game.cli import new as module
        case "schema":
            from game.cli import schema as module
        case "build":
            from game.cli import build as module
        case "pack":
            from game.cli import pack as module
        case _:
            raise KeyError(name)
    return module


def _runner(name: str) -> Callable[[argparse.Namespace, TextIO], int]:
    def run(args: argparse.Namespace, out: TextIO) -> int:
        return command_module(name).run(args, out)

    return run


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    name: _runner(name) for name in COMMAND_HELP
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the whole of the command ``argv`` asks for; the other commands only
    as their line in ``--help`` (None: every command whole)."""
    parser = Parser(
        prog=program_name(),
        description="Netwerkende Gemeente: a serious game about growing into a networking "
        "municipality. Without a command, the game window opens.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    asked = _asked(argv)
    for name, line in COMMAND_HELP.items():
        if argv is None or name == asked:
            command_module(name).add_parser(commands)
        else:
            commands.add_parser(name, help=line)
    return parser


def _asked(argv: Sequence[str]) -> str | None:
    """The command named first in ``argv`` (the main parser has no options of its own)."""
    for word in argv:
        if not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    _tolerant_streams()
    out = out or sys.stdout
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:
            # The command's own usage, not the main one (issue 20: 'new --kind x' showed
            # "usage: python main.py COMMAND ...", which helps no one find the right option).
            usage = getattr(args, "usage", None) or parser.format_usage()
            raise UsageError(f"unrecognized arguments: {' '.join(extra)}", usage)
    except HelpShown:
        return EXIT_OK
    except UsageError as error:
        sys.stderr.write(error.usage)
        sys.stderr.write(f"{parser.prog}: error: {error}\n")
        return EXIT_USAGE
    handler = COMMANDS.get(args.command or "play")
    assert handler is not None
    output = Output(out)
    try:
        status = handler(args, output)  # type: ignore[arg-type]
        output.flush()
        return status
    except UsageError as error:
        sys.stderr.write(error.usage)
        sys.stderr.write(f"{parser.prog}: error: {error}\n")
        return EXIT_USAGE
    except OutputFailed as error:
        sys.stderr.write(f"{parser.prog}: error: {error}\n")
        return EXIT_FAILED


def _tolerant_streams() -> None:
    """Let a terminal that cannot show a character (ASCII, Latin-1, cp1252) show '?' instead.

    Names, titles and Dutch text hold characters like 'ë', '—' and '→'; on such a terminal
    Python would otherwise stop with ``UnicodeEncodeError`` halfway through the output.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A stream already closed or detached keeps what it had.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")
