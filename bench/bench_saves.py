"""How long an autosave of a 12-round game takes, and loading it back with the replay check.

Run: python bench/bench_saves.py [--repeat N] [--dir DIR]
Not a test: timings vary between machines, disks and runs. The autosave is the one the game
makes at the start of a round, written for real (temporary file, fsync, backup, rename, folder
fsync), so the disk counts; --dir picks which disk (default: a temporary folder).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.saves import SaveStore, new_game_id, read_save
from game.saves.codec import build_document, encode
from game.saves.models import SaveKind
from game.scenario.loader import DEFAULT_SCENARIO, load_scenario
from game.sim import play


def _times(fn, repeat: int) -> list[float]:
    result = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        result.append(time.perf_counter() - start)
    return result


def _line(name: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[int(len(ms) * 0.95) - 1]
    return f"{name:<40} median {statistics.median(ms):7.2f} ms   p95 {p95:7.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    scenario = load_scenario(DEFAULT_SCENARIO)
    state = play(scenario, 7, "best")  # all 12 rounds of history: the largest autosave
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        store = SaveStore(Path(folder))
        game = new_game_id()
        path = store.autosave(state, scenario, "Team A", game)
        size = path.stat().st_size
        print(f"{scenario.id}: {len(state.history)} rounds played, save file {size / 1024:.0f} KiB")
        print(
            _line(
                "build + encode (no disk)",
                _times(
                    lambda: encode(
                        build_document(
                            state, scenario, "Team A", SaveKind.AUTOSAVE, "autosave", game_id=game
                        )
                    ),
                    args.repeat,
                ),
            )
        )
        print(
            _line(
                "autosave (atomic write, fsync, backup)",
                _times(lambda: store.autosave(state, scenario, "Team A", game), args.repeat),
            )
        )
        print(
            _line(
                "load (checks + replay of 12 rounds)",
                _times(lambda: store.load(path, lambda _: scenario), max(args.repeat // 4, 10)),
            )
        )
        print(_line("list (one save, unchanged)", _times(store.list, max(args.repeat // 4, 10))))
        print(
            _line(
                "read one save (every check but the replay)",
                _times(lambda: read_save(path), max(args.repeat // 4, 10)),
            )
        )


if __name__ == "__main__":
    main()
