"""Netwerkende Gemeente: start the game, or run one of its commands (see --help)."""

import os
import sys

from game.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # Worker processes (multiprocessing, e.g. a balance simulation) start a built game's
        # executable again on Windows and macOS; this is how such a start knows it is a worker.
        import multiprocessing

        multiprocessing.freeze_support()
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); that is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    sys.exit(status)
