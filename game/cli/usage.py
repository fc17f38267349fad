"""What every command shares: the exit codes, the usage error, and a parser that raises it.

Bad arguments, and paths that cannot be used, raise ``UsageError``; ``main`` shows the usage and
a one-line reason and returns 2. A file that could not be written whole (a full disk) raises
``OutputFailed``; ``main`` says so in one line and returns 1. Nothing here imports a command, so
every command can import it.
"""

from __future__ import annotations

import argparse
import sys

# typing's TYPE_CHECKING without importing typing: every command's --help imports this.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad command-line arguments: shown with the usage, exit status 2."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


class OutputFailed(Exception):
    """A file or the output could not be written whole: said in one line, exit status 1."""


class HelpShown(Exception):
    """``--help`` was printed; the command is done."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of exiting, so ``main`` decides what happens."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.format_usage())

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise HelpShown()
