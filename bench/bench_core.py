"""Today's core against the core before issue 9, timed in the same run (ratios, not seconds).

Run: python bench/bench_core.py [--games N] [--rounds R] [--baseline COMMIT]

The baseline's ``game/`` and ``scenarios/`` are taken from git (``git archive``) into a
temporary folder; both versions are timed by the same child script (bench/_core_rate.py), one
core each, interleaved R times, and the best of each is kept, so a busy machine slows both alike.
Reported: games per second of the ``best`` bot playing the default scenario, and of the core alone
replaying the best bot's decisions, for both versions, and the ratio new / baseline.
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


def _rate(root: Path, games: int) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(CHILD), str(root), "gemeente-middelgroot", str(games)],
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
    best: dict[str, dict[str, float]] = {"baseline": {}, "today": {}}
    with tempfile.TemporaryDirectory() as folder:
        old = Path(folder)
        _extract(args.baseline, old)
        for _ in range(args.rounds):
            for name, root in (("baseline", old), ("today", ROOT)):
                rate = _rate(root, args.games)
                for key, value in rate.items():
                    best[name][key] = max(best[name].get(key, 0.0), value)
    print(f"default scenario, {args.games} games per timing, best of {args.rounds}, one core")
    print(f"{'':<34}{'baseline':>10}{'today':>10}{'ratio':>8}")
    for key, what in (("play", "best bot plays (games/s)"), ("replay", "core replays (games/s)")):
        old_rate, new_rate = best["baseline"][key], best["today"][key]
        print(f"{what:<34}{old_rate:>10.0f}{new_rate:>10.0f}{new_rate / old_rate:>8.2f}")


if __name__ == "__main__":
    main()
