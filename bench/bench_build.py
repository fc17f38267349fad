"""The do-it-yourself build: its zip size, and how quick it is against the game run from source.

    python bench/bench_build.py                 # build into a temporary folder, then measure
    python bench/bench_build.py --build DIR     # measure a build made before (its folder)
    python bench/bench_build.py --runs 15

Three things a person does, each timed as the whole process from its start until it is gone:
the first frame (``play --quit-after-first-frame`` on SDL's dummy video driver), ``--help``, and
a short game with a bot deciding (``autoplay --length short``). The built executable and
``python main.py`` are started in turns in the same run, after one unmeasured start of each, so
both meet the same disk cache and the same load on the machine. The figure that counts is CPU
time (user + system, from the resource usage of the finished child), which other programs on
the machine do not inflate the way they do the wall clock; medians of all runs.

Aims (issue 22): the zip at most 24 MB; each of the three at most 1.05 times the game from
source, by CPU medians.
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
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ZIP_AIM_MB = 24
RATIO_AIM = 1.05
# What is timed: a name, the command's arguments, and whether a branded build's pack is given
# to the game from source (the built game reads its own pack at start; so must the source).
CASES = (
    ("first frame", ("play", "--quit-after-first-frame"), True),
    ("--help", ("--help",), False),
    ("autoplay", ("autoplay", "--length", "short", "--seed", "7"), False),
)


@dataclass
class Times:
    """Wall-clock and CPU seconds of every measured start of one command."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


def _cpu_of_children() -> float:
    """User + system CPU seconds of finished children (0 where the platform cannot say)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of ``command``, waited for to its end."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    cpu = _cpu_of_children()
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start, _cpu_of_children() - cpu


def _verdict(value: float, aim: float) -> str:
    return "ok" if value <= aim else "OVER"


def measure(folder: Path, runs: int) -> None:
    from game.bundle.build import EXECUTABLE

    executable = folder / (EXECUTABLE + (".exe" if sys.platform == "win32" else ""))
    archives = sorted(folder.parent.glob(f"{folder.name}-*.zip"))
    if archives:
        size = archives[-1].stat().st_size / 1_000_000
        print(
            f"zip: {archives[-1].name}: {size:.1f} MB "
            f"(aim: at most {ZIP_AIM_MB} MB) {_verdict(size, ZIP_AIM_MB)}"
        )
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    unpacked = sum(p.stat().st_size for p in files) / 1_000_000
    print(f"unpacked folder: {unpacked:.1f} MB")
    pack = folder / "pack"
    branded = ["--pack", str(pack)] if (pack / "pack.yaml").is_file() else []
    sides = {
        "built": ([str(executable)], folder),
        "source": ([sys.executable, "main.py"], ROOT),
    }
    commands = {
        (case, side): ([*start, *arguments, *(branded if side == "source" and packed else [])], cwd)
        for case, arguments, packed in CASES
        for side, (start, cwd) in sides.items()
    }
    times = {key: Times() for key in commands}
    for command, cwd in commands.values():
        run_timed(command, cwd)  # warm-up, not counted
    for _ in range(runs):
        for key, (command, cwd) in commands.items():
            wall, cpu = run_timed(command, cwd)
            times[key].wall.append(wall)
            times[key].cpu.append(cpu)
    _report(times, runs)


def _report(times: dict[tuple[str, str], Times], runs: int) -> None:
    median = statistics.median
    by_cpu = median(times[(CASES[0][0], "source")].cpu) > 0
    what = "CPU time (user + system)" if by_cpu else "wall clock (no CPU time on this system)"
    print(f"{runs} runs of each, built and source in turns; {what}, medians:")
    print(f"  {'':<12} {'built':>8} {'source':>8} {'built/source':>13}   aim")
    for case, _, _ in CASES:
        built, source = times[(case, "built")], times[(case, "source")]
        pick = (lambda t: t.cpu) if by_cpu else (lambda t: t.wall)
        ratio = median(pick(built)) / median(pick(source))
        print(
            f"  {case:<12} {median(pick(built)):>7.3f}s {median(pick(source)):>7.3f}s "
            f"{ratio:>13.2f}   at most {RATIO_AIM:.2f} {_verdict(ratio, RATIO_AIM)}"
        )
    print("wall clock, median (min–max):")
    for case, _, _ in CASES:
        line = "; ".join(
            f"{side} {median(t.wall):.3f} s ({min(t.wall):.3f}–{max(t.wall):.3f})"
            for side in ("built", "source")
            for t in (times[(case, side)],)
        )
        print(f"  {case:<12} {line}")
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.1f}")


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
