"""How many full default-scenario games per second one core resolves, with the bots deciding.

Run: python bench/bench_sim.py [--games N] [--scenario ID]
Not a test: timings vary between machines and runs. It also times a plain Python loop, so results
from different machines can be compared as a ratio.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.scenario.loader import DEFAULT_SCENARIO, load_scenario
from game.sim import Bot, new_game, play, resolve_round


def _python_loop_seconds() -> float:
    """A reference: seconds for ten million additions in a plain loop on this machine."""
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start


def _rate(fn, games: int) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for seed in range(games):
            fn(seed)
        best = min(best, time.perf_counter() - start)
    return games / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=500)
    parser.add_argument("--scenario", default=DEFAULT_SCENARIO)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    scenario = load_scenario(args.scenario)

    logs = {}
    for seed in range(args.games):
        bot = Bot("best", seed)
        state = new_game(scenario, seed)
        rng = state.rng()
        log = []
        while not state.finished:
            decisions = bot.decide(state, scenario)
            log.append(decisions)
            state, _ = resolve_round(state, decisions, scenario, rng)
        logs[seed] = log

    def replay(seed: int) -> None:
        state = new_game(scenario, seed)
        rng = state.rng()
        for decisions in logs[seed]:
            state, _ = resolve_round(state, decisions, scenario, rng)

    loop = _python_loop_seconds()
    print(f"scenario {scenario.id}, {args.games} games per measurement, best of 3, one core")
    print(f"reference: 10M-addition Python loop takes {loop:.2f} s on this machine")
    for strategy in ("best", "random"):
        rate = _rate(lambda seed, s=strategy: play(scenario, seed, s), args.games)
        print(f"  {strategy:<7} bot plays     {rate:>7.0f} games/s")
    rate = _rate(replay, args.games)
    print(f"  core alone (replaying best's decisions) {rate:>7.0f} games/s")


if __name__ == "__main__":
    main()
