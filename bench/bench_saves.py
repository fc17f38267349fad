"""Saves of a finished 12-round game: size, encoding, autosaving, loading; against a baseline.

Run: python bench/bench_saves.py [--baseline COMMIT] [--repeat N] [--rounds R] [--dir DIR]

The baseline's ``game/`` and ``scenarios/`` are taken from git (``git archive``) into a temporary
folder; both trees are timed by the same child script (bench/_save_times.py) on the baseline's
copy of the default scenario, alternately R times, and the median of each figure is kept, so a
busy machine slows both alike. Times are CPU time (the median of N), so other programs do not
count; the autosave's wall time is given too, since it waits for the disk (--dir picks which
disk, default a temporary folder). Today's tree also loads the baseline's save (an older format,
upgraded on the way). Each figure is printed next to its aim (issue 22).
Not a test: timings vary between machines and runs.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "_save_times.py"
# The last commit before saves held only the game's inputs (issue 22): format 7, the whole state.
BASELINE = "fe71557"
SCENARIO = "scenarios/gemeente-middelgroot.yaml"

# (figure, what it is, unit, aim or None)
FIGURES = (
    ("size", "save file of the finished game", "KiB", 30.0),
    ("encode", "build + encode (no disk), CPU", "ms", 3.0),
    ("autosave", "autosave (atomic write, fsync, backup), CPU", "ms", None),
    ("autosave_wall", "autosave, wall clock", "ms", None),
    ("load", "load (every check, the replay), CPU", "ms", 30.0),
    ("read", "read one save for a list (no replay), CPU", "ms", None),
    ("list", "list the folder again (unchanged), CPU", "ms", None),
    ("load_old", "load the baseline's save (upgraded), CPU", "ms", 30.0),
    ("results", "results file of the same game", "KiB", 25.0),
    ("report", "report page of it (nl)", "KiB", 60.0),
)
SIZES = ("size", "results", "report")


def _extract(commit: str, into: Path) -> None:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit, "game", "scenarios"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def _measure(root: Path, scenario: Path, folder: Path, repeat: int, old: str | None) -> dict:
    command = [sys.executable, str(CHILD), str(root), str(scenario), str(folder), str(repeat)]
    result = subprocess.run(
        [*command, *([old] if old else [])],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _shown(key: str, value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value / 1024:.1f}" if key in SIZES else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE, help=f"a commit (default {BASELINE})")
    parser.add_argument("--repeat", type=int, default=100, help="timings per figure")
    parser.add_argument("--rounds", type=int, default=3, help="alternate runs of each tree")
    parser.add_argument("--dir", type=Path, default=None, help="where to write (a disk)")
    args = parser.parse_args()
    found: dict[str, dict[str, list[float]]] = {"baseline": {}, "today": {}}
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        old = Path(folder) / "baseline"
        _extract(args.baseline, old)
        scenario = (old / SCENARIO).resolve()
        for number in range(args.rounds):
            saves = Path(folder) / f"saves-{number}"
            base = _measure(old, scenario, saves / "baseline", args.repeat, None)
            now = _measure(ROOT, scenario, saves / "today", args.repeat, base["path"])
            for name, figures in (("baseline", base), ("today", now)):
                for key, value in figures.items():
                    if key != "path":
                        found[name].setdefault(key, []).append(value)
    median = {
        name: {key: statistics.median(values) for key, values in figures.items()}
        for name, figures in found.items()
    }
    rounds = int(median["today"]["rounds"])
    print(
        f"{scenario.name}, a finished game of {rounds} rounds (best bot, seed 7); median of "
        f"{args.repeat} timings, median of {args.rounds} runs; baseline {args.baseline}"
    )
    print(f"{'':<46}{'baseline':>10}{'today':>10}{'aim':>8}  unit")
    for key, what, unit, aim in FIGURES:
        base, now = median["baseline"].get(key), median["today"].get(key)
        verdict = ""
        if aim is not None and now is not None:
            verdict = "  ok" if _in(key, now, aim) else "  MISSED"
        aimed = "–" if aim is None else f"≤ {aim:g}"
        print(f"{what:<46}{_shown(key, base):>10}{_shown(key, now):>10}{aimed:>8}  {unit}{verdict}")


def _in(key: str, value: float, aim: float) -> bool:
    return (value / 1024 if key in SIZES else value) <= aim


if __name__ == "__main__":
    main()
