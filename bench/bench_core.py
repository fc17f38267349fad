"""Today's core against the core before issue 9, timed in the same run (ratios, not seconds).

Run: python bench/bench_core.py [--games N] [--rounds R] [--baseline COMMIT]

The baseline's ``game/`` and ``scenarios/`` are taken from git (``git archive``) into a
temporary folder; both versions are timed by the same child script (bench/_core_rate.py), one
core each, interleaved R times, and the best of each is kept, so a busy machine slows both alike.
Reported: games per second of the ``best`` bot playing the default scenario, and of the core alone
replaying the best bot's decisions, and the ratio new / baseline. Three runs: the baseline core
on its own default scenario, today's core on that same scenario file (today's core still reads
it: the fairest comparison of the cores), and today's core on today's default scenario, which
has more initiatives per game (stages of the arcs), so decisions per second are given too.
Not a test: timings vary between machines and runs; the ratio is what to compare.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "_core_rate.py"
# The last commit before the issue 9 redesign of the core.
BASELINE = "2586a53"


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
    parser.add_argument("--games", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", default=BASELINE)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        old = Path(folder)
        _extract(args.baseline, old)
        old_content = old / "scenarios" / "gemeente-middelgroot.yaml"
        new_content = ROOT / "scenarios" / "gemeente-middelgroot.yaml"
        # (core, content): the old core can only read the old content; today's reads both.
        runs = {
            "baseline core, its own scenario": (old, old_content),
            "today's core, the same scenario": (ROOT, old_content),
            "today's core, today's scenario": (ROOT, new_content),
        }
        best: dict[str, dict[str, float]] = {name: {} for name in runs}
        for _ in range(args.rounds):
            for name, (root, content) in runs.items():
                for key, value in _rate(root, content, args.games).items():
                    best[name][key] = max(best[name].get(key, 0.0), value)
    print(f"default scenario, {args.games} games per timing, best of {args.rounds}, one core,")
    print("CPU time; decisions/s counts the initiatives decided (games differ in how many)")
    print(f"{'':<34}{'games/s':>9}{'decisions/s':>13}{'games ratio':>13}{'dec. ratio':>12}")
    base = best["baseline core, its own scenario"]
    for key, what in (("play", "best bot plays"), ("replay", "core replays")):
        print(what)
        for name, rate in best.items():
            games, decisions = rate[key], rate[key] * rate["decisions"]
            ratio = games / base[key]
            per_decision = decisions / (base[key] * base["decisions"])
            print(f"  {name:<32}{games:>9.0f}{decisions:>13.0f}{ratio:>13.2f}{per_decision:>12.2f}")


if __name__ == "__main__":
    main()
