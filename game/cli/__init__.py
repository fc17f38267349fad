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
from typing import TextIO

from game.cli import (
    autoplay,
    build,
    compare,
    host,
    load,
    new,
    outline,
    pack,
    play,
    report,
    saves,
    schema,
    simulate,
    tour,
    validate,
)
from game.cli.options import program_name
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

# Every command's module, in the order ``--help`` lists them.
_MODULES = {
    "play": play,
    "tour": tour,
    "autoplay": autoplay,
    "compare": compare,
    "host": host,
    "report": report,
    "simulate": simulate,
    "outline": outline,
    "saves": saves,
    "load": load,
    "validate": validate,
    "new": new,
    "schema": schema,
    "build": build,
    "pack": pack,
}

COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    name: module.run for name, module in _MODULES.items()
}


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=program_name(),
        description="Netwerkende Gemeente: a serious game about growing into a networking "
        "municipality. Without a command, the game window opens.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in _MODULES.values():
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    _tolerant_streams()
    out = out or sys.stdout
    parser = build_parser()
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
