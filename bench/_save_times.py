"""Child of bench_saves.py: time one tree's saves, print the figures as one JSON line.

Run: python bench/_save_times.py ROOT SCENARIO FOLDER REPEAT [OLD_SAVE]
ROOT is the tree whose ``game`` package is timed (this one, or an earlier commit's taken from
git); only what every version since format 7 has is used (SaveStore, read_save, build_document,
encode, play). A finished 12-round game by the ``best`` bot (seed 7) is autosaved to FOLDER for
real (temporary file, fsync, backup, rename, folder fsync). Times are CPU time
(``time.process_time``) in milliseconds, the median of REPEAT; the autosave's wall time too, as
the disk counts there. OLD_SAVE, a save another tree wrote, is loaded too (an older format is
upgraded on the way).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _cpu(fn: Callable[[], Any], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        samples.append(time.process_time() - start)
    return statistics.median(samples) * 1000


def _wall(fn: Callable[[], Any], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    root, scenario_file, folder, repeat = sys.argv[1:5]
    old_save = Path(sys.argv[5]) if len(sys.argv) > 5 else None
    sys.path.insert(0, root)
    from game.saves import SaveStore, read_save
    from game.saves.codec import build_document, encode
    from game.saves.models import SaveKind
    from game.scenario.loader import load_scenario
    from game.sim import play

    times = int(repeat)
    scenario = load_scenario(Path(scenario_file))
    state = play(scenario, 7, "best")  # all 12 rounds of history: the largest autosave
    store = SaveStore(Path(folder))
    game = "0123456789abcdef"
    path = store.autosave(state, scenario, "Team A", game)

    def build() -> bytes:
        document = build_document(
            state, scenario, "Team A", SaveKind.AUTOSAVE, "autosave", game_id=game
        )
        return encode(document)

    figures = {
        "rounds": len(state.history),
        "path": str(path),
        "size": path.stat().st_size,
        "encode": _cpu(build, times),
        "autosave": _cpu(lambda: store.autosave(state, scenario, "Team A", game), times),
        "autosave_wall": _wall(lambda: store.autosave(state, scenario, "Team A", game), times),
        "load": _cpu(lambda: store.load(path, lambda _id: scenario), max(times // 4, 10)),
        "read": _cpu(lambda: read_save(path), max(times // 4, 10)),
        "list": _cpu(store.list, max(times // 4, 10)),
    }
    figures.update(_results_sizes(Path(root), Path(folder)))
    if old_save is not None:
        figures["load_old"] = _cpu(
            lambda: store.load(old_save, lambda _id: scenario), max(times // 4, 10)
        )
    print(json.dumps(figures))


def _results_sizes(root: Path, folder: Path) -> dict[str, int]:
    """The results file and the report page of the same game, on the tree's own copy of the
    scenario: since format 2 a shipped scenario's texts stay in the scenario (issue 22)."""
    from game.results import read_results, write_game_results
    from game.results.report import report_html
    from game.scenario.loader import load_scenario
    from game.sim import play

    scenario = load_scenario(root / "scenarios" / "gemeente-middelgroot.yaml")
    state = play(scenario, 7, "best")
    path = write_game_results(folder / "results", state, scenario, "Team A", "0123456789abcdef")
    page = report_html(read_results(path), "nl")
    return {"results": path.stat().st_size, "report": len(page.encode("utf-8"))}


if __name__ == "__main__":
    main()
