"""Child of bench_core.py: times one version of the core, imported from the root it is given.

Run: python bench/_core_rate.py ROOT SCENARIO GAMES (SCENARIO: a shipped id or a path).
Prints one JSON line: games per second of CPU time (not wall time, which other processes on a
busy machine inflate) for the best bot playing, and for the core alone replaying the best bot's
decisions, and the decisions per game. Works with the core of any version that has
``game.sim.Bot``, ``new_game`` and ``resolve_round``.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main() -> None:
    root, scenario_id, games = sys.argv[1], sys.argv[2], int(sys.argv[3])
    sys.path.insert(0, root)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from game.scenario.loader import load_scenario
    from game.sim import Bot, new_game, resolve_round

    scenario = load_scenario(scenario_id)
    logs = []
    start = time.process_time()
    for seed in range(games):
        bot = Bot("best", seed)
        state = new_game(scenario, seed)
        rng = state.rng()
        log = []
        while not state.finished:
            decisions = bot.decide(state, scenario)
            log.append(decisions)
            state, _ = resolve_round(state, decisions, scenario, rng)
        logs.append(log)
    played = time.process_time() - start
    start = time.process_time()
    for seed, log in enumerate(logs):
        state = new_game(scenario, seed)
        rng = state.rng()
        for decisions in log:
            state, _ = resolve_round(state, decisions, scenario, rng)
    replayed = time.process_time() - start
    decisions = sum(len(d.initiatives) for log in logs for d in log) / games
    print(json.dumps({"play": games / played, "replay": games / replayed, "decisions": decisions}))


if __name__ == "__main__":
    main()
