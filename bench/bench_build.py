"""The do-it-yourself build: its zip size, and its start-up against the game run from source.

    python bench/bench_build.py                 # build into a temporary folder, then measure
    python bench/bench_build.py --build DIR     # measure a build made before (its folder)
    python bench/bench_build.py --runs 15

Start-up is the whole process, from starting it to the first frame drawn and the process gone
(``play --quit-after-first-frame`` on SDL's dummy video driver): the built executable and
``python main.py`` are started in turns in the same run, after one unmeasured start of each, so
both meet the same disk cache and the same load on the machine. Aims (issue 13): the zip at
most 45 MB, the build no slower to its first frame than the game from source.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ZIP_AIM_MB = 45


def _cpu_of_children() -> float:
    """User + system CPU seconds of finished children (0 where the platform cannot say)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _start(command: list[str], options: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one start to the first frame."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    cpu = _cpu_of_children()
    start = time.perf_counter()
    subprocess.run(
        [*command, "play", "--quit-after-first-frame", *options],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start, _cpu_of_children() - cpu


def measure(folder: Path, runs: int) -> None:
    from game.bundle.build import EXECUTABLE

    executable = folder / (EXECUTABLE + (".exe" if sys.platform == "win32" else ""))
    archives = sorted(folder.parent.glob(f"{folder.name}-*.zip"))
    if archives:
        size = archives[-1].stat().st_size / 1_000_000
        verdict = "within" if size <= ZIP_AIM_MB else "OVER"
        print(f"zip: {archives[-1].name}: {size:.1f} MB ({verdict} the aim of {ZIP_AIM_MB} MB)")
    unpacked = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1_000_000
    print(f"unpacked folder: {unpacked:.1f} MB")
    # A branded build reads its pack at start; from source the same pack is given, so both
    # do the same work.
    pack = folder / "pack"
    branded = ["--pack", str(pack)] if (pack / "pack.yaml").is_file() else []
    commands = {
        "built": ([str(executable)], [], folder),
        "source": ([sys.executable, "main.py"], branded, ROOT),
    }
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for command, options, cwd in commands.values():
        _start(command, options, cwd)  # warm-up, not counted
    for _ in range(runs):
        for name, (command, options, cwd) in commands.items():
            wall, cpu = _start(command, options, cwd)
            walls[name].append(wall)
            cpus[name].append(cpu)
    for name in commands:
        wall, cpu = walls[name], cpus[name]
        print(
            f"start-up to first frame, {name:<6} ({runs} runs): wall median "
            f"{statistics.median(wall):.2f} s (min {min(wall):.2f}, max {max(wall):.2f}); "
            f"CPU median {statistics.median(cpu):.2f} s"
        )
    ratio = statistics.median(walls["built"]) / statistics.median(walls["source"])
    print(f"built / source, wall medians: {ratio:.2f}", end="")
    if statistics.median(cpus["source"]) > 0:
        cpu_ratio = statistics.median(cpus["built"]) / statistics.median(cpus["source"])
        print(f"; CPU medians: {cpu_ratio:.2f}", end="")
    print(f"; load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, help="the folder of a build made before")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    if args.build is not None:
        measure(args.build.resolve(), args.runs)
        return
    from game.bundle.build import build

    with tempfile.TemporaryDirectory(prefix="ng-bench-build-") as out:
        started = time.perf_counter()
        made = build(None, Path(out), io.StringIO())
        print(f"build: {time.perf_counter() - started:.0f} s")
        measure(made.folder, args.runs)


if __name__ == "__main__":
    main()
