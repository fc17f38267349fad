"""How long loading a 12-round scenario takes, whole and step by step (aim: well under 50 ms).

Run: python bench/bench_load.py [--repeat N] [--scenario ID_OR_PATH]
Not a test: timings vary between machines and runs. Prints the best and the median of N loads,
and the same for each step, with PyYAML's own safe loader as a point of comparison.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from game.scenario.loader import DEFAULT_SCENARIO, load_scenario, scenario_path
from game.scenario.models import Scenario
from game.scenario.references import reference_problems
from game.scenario.yamltree import read_yaml


def _times(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Best and median wall time in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return min(samples), statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--scenario", default=DEFAULT_SCENARIO)
    args = parser.parse_args()

    path = scenario_path(args.scenario)
    data = path.read_bytes()
    scenario = load_scenario(path)
    document = read_yaml(data, str(path))
    loader = "C (libyaml)" if getattr(yaml, "__with_libyaml__", False) else "pure Python"
    print(
        f"{path.name}: {scenario.rounds} rounds, {len(scenario.initiatives)} initiatives, "
        f"{len(data):,} bytes; YAML parser: {loader}; {args.repeat} runs each"
    )
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("load_scenario (all of it)", lambda: load_scenario(path)),
        ("  read YAML events into data", lambda: read_yaml(data, str(path))),
        ("  validate with the models", lambda: Scenario.model_validate(document.data)),
        ("  cross-reference pass", lambda: reference_problems(scenario, document, path.parent)),
        (
            "for comparison: yaml.load (CSafeLoader)",
            lambda: yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)),
        ),
    ]
    for name, fn in steps:
        best, median = _times(fn, args.repeat)
        print(f"{name:<42} best {best:6.2f} ms   median {median:6.2f} ms")
    print(f"{'first load in a new process, imports too':<42} {_cold_ms(path):6.1f} ms")


def _cold_ms(path: Path) -> float:
    """What a game start pays: importing the models (pydantic builds them) and the first load."""
    code = (
        "import time; start = time.perf_counter()\n"
        "from game.scenario.loader import load_scenario\n"
        f"load_scenario({str(path)!r})\n"
        "print((time.perf_counter() - start) * 1000)\n"
    )
    root = Path(__file__).resolve().parent.parent
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    return min(runs)


if __name__ == "__main__":
    main()
