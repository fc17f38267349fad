"""The balance table of issue 18 from ``simulate --length all --json``: mean end phase and score
per strategy, scenario and length, and the rules of item 4 that a simulate run can check.

    python main.py simulate --length all --runs 200 --json > balance.json
    python bench/balance_table.py balance.json

The rules on one early mistake and on two stumbles need variants simulate does not play; the
slow tests (tests/sim/test_balance.py) check those.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ORDER = ("random", "learner", "group", "table", "best")
RULES_OF_THUMB = (
    "normative",
    "directing",
    "facilitating",
    "participating",
    "letting_go",
    "community-facilitate-own-direct",
    "fit-no-development",
    "development-only",
    "one-channel",
    "cheapest",
    "never-let-go",
)
BEST_PHASE = {"short": 3.0, "standard": 3.5, "full": 3.5}


def main(path: str) -> int:
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    problems: list[str] = []
    shown = (*ORDER, "never-let-go", "one-channel", "fit-no-development")
    print(f"{'scenario/length':30}" + "".join(f"{name[:12]:>14}" for name in shown))
    for key, report in document["scenarios"].items():
        length = report["length"]
        strategies = report["strategies"]
        phase = {n: s["phase"]["mean"] for n, s in strategies.items()}
        points = {n: s["score"]["mean"] for n, s in strategies.items()}
        row = "".join(
            f"{phase[n]:>7.2f} {points[n]:>5.0f} " if n in phase else " " * 14 for n in shown
        )
        print(f"{key:30}{row}")
        if phase["best"] < BEST_PHASE[length]:
            problems.append(f"{key}: best ends at {phase['best']:.2f}")
        ordered = [phase[n] for n in ORDER]
        if not (ordered[0] < ordered[1] < ordered[2] < ordered[3] <= ordered[4] + 1e-9):
            problems.append(f"{key}: order {dict(zip(ORDER, ordered, strict=True))}")
        if length != "short":
            if phase["group"] < phase["random"] + 1.0:
                problems.append(
                    f"{key}: group only {phase['group'] - phase['random']:.2f} above random"
                )
            if phase["learner"] < phase["random"] + 0.5:
                problems.append(
                    f"{key}: learner only {phase['learner'] - phase['random']:.2f} above random"
                )
            learner = strategies["learner"]
            if learner["fit_rate_last_third"] <= learner["fit_rate_first_third"]:
                problems.append(f"{key}: the learner's fitting roles do not rise")
        for name in RULES_OF_THUMB:
            if name not in phase:
                continue
            gap, points_gap = phase["best"] - phase[name], points["best"] - points[name]
            if gap < 0.75 or points_gap < 100:
                problems.append(
                    f"{key}: {name} only {gap:.2f} phase / {points_gap:.0f} points below best"
                )
    print()
    print("\n".join(problems) if problems else "Every rule simulate can check holds.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
