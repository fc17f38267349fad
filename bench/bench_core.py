"""Today's core against an earlier commit's, timed in the same run (ratios, not seconds).

Run: python bench/bench_core.py [--baseline COMMIT] [--games N] [--rounds R] [--scenario FILE]

The baseline's ``game/`` and ``scenarios/`` are taken from git (``git archive``) into a
temporary folder. Both cores play the same scenario file (by default the baseline's copy of
gemeente-middelgroot, which today's core reads too), timed by the same child script
(bench/_core_rate.py) on one core, alternately R times, and the median of each is kept, so a busy
machine slows both alike. Reported, in CPU time: games per second of the ``best`` bot playing
(its choices and the rounds), and of the core alone replaying those games' recorded decisions
(new_game, then resolve_round per round), with the ratio today / baseline.
Not a test: timings vary between machines and runs; the ratio is what to compare.
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
CHILD = Path(__file__).resolve().parent / "_core_rate.py"
# The start of issue 18 (the engine in named steps, risk worked out once).
BASELINE = "679008a"
SCENARIO = "scenarios/gemeente-middelgroot.yaml"


def _extract(commit: str, into: Path) -> None:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit, "game", "scenarios"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def _rate(root: Path, scenario: Path, games: int) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(CHILD), str(root), str(scenario), str(games)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE, help=f"a commit (default {BASELINE})")
    parser.add_argument("--games", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--scenario", type=Path, help=f"a scenario file (default: the baseline's {SCENARIO})"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        old = Path(folder)
        _extract(args.baseline, old)
        scenario = (args.scenario or old / SCENARIO).resolve()
        cores = {"baseline": old, "today": ROOT}
        rates: dict[str, dict[str, list[float]]] = {name: {} for name in cores}
        for _ in range(args.rounds):
            for name, root in cores.items():
                for key, value in _rate(root, scenario, args.games).items():
                    rates[name].setdefault(key, []).append(value)
    median = {
        name: {key: statistics.median(values) for key, values in found.items()}
        for name, found in rates.items()
    }
    print(f"{scenario.name}, {args.games} games per timing, median of {args.rounds}, one core,")
    print(f"CPU time; baseline {args.baseline} against this tree")
    print(f"{'':<24}{'baseline games/s':>18}{'today games/s':>15}{'ratio':>8}")
    for key, what in (("replay", "core replays"), ("play", "best bot plays")):
        base, now = median["baseline"][key], median["today"][key]
        print(f"{what:<24}{base:>18.0f}{now:>15.0f}{now / base:>8.2f}")
    # The same file, but each core's rules: the games compared are only alike when the bots
    # made as many decisions in them.
    base, now = median["baseline"]["decisions"], median["today"]["decisions"]
    print(f"{'decisions per game':<24}{base:>18.1f}{now:>15.1f}")


if __name__ == "__main__":
    main()
