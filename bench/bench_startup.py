"""Start-up from source, against the floors issue 22 measures it by.

    python bench/bench_startup.py [--runs 15]

Each figure is the CPU time (user + system) of a whole child process, the median of ``--runs``
starts, the commands taken in turns in one run so they meet the same disk cache and load:

- ``--help`` and each of the fifteen commands' ``--help``, against the interpreter's bare start
  plus argparse (aim: at most 2×);
- the first frame (``play --quit-after-first-frame`` on SDL's dummy driver), against the import
  floor of pygame and pygame_gui (aim: at most 2.5×).
Not a test: timings vary between machines and runs; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from bench_build import run_timed  # one way of timing a child process for every bench

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Every command of ``python main.py --help``, in its order (kept here: the bench must not import
# the game it times).
NAMES = (
    *("play", "tour", "autoplay", "compare", "host", "report", "simulate", "outline"),
    *("saves", "load", "validate", "new", "schema", "build", "pack"),
)
COMMANDS: dict[str, list[str]] = {
    "bare + argparse": [PYTHON, "-c", "import argparse"],
    "--help": [PYTHON, "main.py", "--help"],
    **{f"{name} --help": [PYTHON, "main.py", name, "--help"] for name in NAMES},
    "pygame + pygame_gui": [
        PYTHON,
        "-c",
        "import os; os.environ['PYGAME_HIDE_SUPPORT_PROMPT']='1'; import pygame, pygame_gui",
    ],
    "first frame": [PYTHON, "main.py", "play", "--quit-after-first-frame"],
}
AIMS = {
    "--help": ("bare + argparse", 2.0),
    **{f"{name} --help": ("bare + argparse", 2.0) for name in NAMES},
    "first frame": ("pygame + pygame_gui", 2.5),
}


def cpu_seconds(command: list[str]) -> float:
    """The CPU time of one whole run of ``command`` (its children counted)."""
    return run_timed(command, ROOT)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    for command in COMMANDS.values():  # one unmeasured start each: the disk cache is warm
        cpu_seconds(command)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, command in COMMANDS.items():
            times[name].append(cpu_seconds(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"CPU time per start, median of {args.runs} (seconds)")
    for name, value in medians.items():
        line = f"  {name:<22} {value:6.3f}"
        if name in AIMS:
            floor, aim = AIMS[name]
            ratio = value / medians[floor]
            verdict = "ok" if ratio <= aim else "over"
            line += f"   {ratio:4.2f}× {floor} (aim ≤ {aim}×: {verdict})"
        print(line)


if __name__ == "__main__":
    main()
