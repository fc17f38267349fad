"""A fingerprint of what the core does: many whole games, each hashed, for a refactor to keep.

Run: python bench/fingerprint.py [--jobs N] [--seeds N] [--strategies a,b] [--quiet]

Plays every shipped scenario at every workshop length (short, standard, full) with each of a set
of bots and seeds, hashes each finished game's save dict (the whole history: decisions, outcomes,
every effect and its parameters, the generator's state) and prints one hash per combination and
one over all of them. Every game is also replayed from its recorded decisions through the checked
path of ``resolve_round``, and must come out the same. A change that is meant to change nothing
(a refactor, a speed-up) leaves the overall hash as it was; compare it before and after.
Not a test: it takes a few minutes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

STRATEGIES = (
    "best",
    "random",
    "greedy",
    "directing",
    "one-channel",
    "cheapest",
    "table",
    "group",
    "learner",
)
LENGTHS = ("short", "standard", "full")


def _games(scenario_id: str, length: str, strategy: str, seeds: int) -> str:
    """The hash of ``seeds`` games of one scenario, length and strategy."""
    from game.scenario.loader import load_scenario
    from game.sim.bots import Bot
    from game.sim.engine import new_game, resolve_round
    from game.sim.length import start_game

    whole = load_scenario(scenario_id)
    digest = hashlib.sha256()
    for seed in range(seeds):
        scenario, state = start_game(whole, seed, length)
        bot = Bot(strategy, seed)
        rng = state.rng()
        log = []
        while not state.finished:
            decisions = bot.decide(state, scenario)
            log.append(decisions)
            state, _ = resolve_round(state, decisions, scenario, rng, check=False)
        played = json.dumps(state.to_dict(), sort_keys=True)
        again = new_game(scenario, seed)
        again.length = state.length
        rng = again.rng()
        for decisions in log:
            again, _ = resolve_round(again, decisions, scenario, rng)
        if json.dumps(again.to_dict(), sort_keys=True) != played:
            raise AssertionError(f"{scenario_id} {length} {strategy} {seed}: replay differs")
        digest.update(played.encode())
    return digest.hexdigest()[:16]


def _run(job: tuple[str, str, str, int]) -> tuple[tuple[str, str, str], str]:
    return job[:3], _games(*job)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--strategies", default=",".join(STRATEGIES))
    parser.add_argument("--quiet", action="store_true", help="print only the overall hash")
    args = parser.parse_args()
    from game.scenario.loader import list_scenarios

    scenarios = sorted(s.id for s in list_scenarios())
    jobs = [
        (scenario, length, strategy, args.seeds)
        for scenario in scenarios
        for length in LENGTHS
        for strategy in args.strategies.split(",")
    ]
    # The slow bot first, so the workers finish together.
    jobs.sort(key=lambda job: job[2] != "greedy")
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = dict(pool.map(_run, jobs))
    overall = hashlib.sha256()
    for key in sorted(results):
        line = f"{' '.join(key)} {results[key]}"
        overall.update(line.encode())
        if not args.quiet:
            print(line)
    print(f"overall {overall.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
