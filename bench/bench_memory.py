"""Memory over a whole game (not a test): the resident set at every step, against issue 22's aims.

    python bench/bench_memory.py                       # 1920×1080, Dutch, 140% type, both parts
    python bench/bench_memory.py --part game --size 1280x720 --lang en --scale 1.0
    python bench/bench_memory.py --holders             # the game, with tracemalloc's top holders

Two parts, each in its own process so each has its own peak:

- **game**: a group's whole game through the screens, by keyboard as at a table: the title, help
  (F1) and settings (F2), a new game, every round (briefing, cards, development, outcome,
  summary), the debrief's every tab and page, and the teams side by side.
- **tour**: ``python main.py tour`` in one process, every scene of the game and the workshop.

Memory is the process's resident set (Linux: /proc/self/status VmRSS; the peak is VmHWM) in MB,
given against the resident set right after the first frame. Aims (issue 22): peak at most the
first frame + 150 MB in both parts; growth from round 2 to round 12 under 20 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PEAK_AIM_MB = 150.0
GROWTH_AIM_MB = 20.0


def status(field: str) -> float:
    """A /proc/self/status field in MB (0 where there is no /proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _size(value: str) -> tuple[int, int]:
    width, _, height = value.lower().partition("x")
    return int(width), int(height)


def _holders(top: int = 12) -> None:
    """The lines of code holding the most memory that Python allocated, and pygame's surfaces."""
    import gc
    import tracemalloc

    import pygame

    gc.collect()
    snapshot = tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.Filter(False, tracemalloc.__file__)]
    )
    print(f"\ntracemalloc: {sum(s.size for s in snapshot.statistics('filename')) / 2**20:.1f} MB")
    for stat in snapshot.statistics("traceback")[:top]:
        frames = " < ".join(f"{Path(f.filename).name}:{f.lineno}" for f in list(stat.traceback)[:4])
        print(f"{stat.size / 2**20:8.1f} MB {stat.count:7d} blocks  {frames}")
    surfaces = [o for o in gc.get_objects() if isinstance(o, pygame.Surface)]
    pixels = sum(s.get_width() * s.get_height() * s.get_bytesize() for s in surfaces)
    print(f"pygame surfaces Python can reach: {len(surfaces)}, {pixels / 2**20:.1f} MB of pixels")


def play_game(size: tuple[int, int], lang: str, scale: float, holders: bool) -> list[str]:
    """The game part; returns the lines of its report."""
    import pygame

    from game.ui.app import App
    from game.ui.harness import Harness
    from game.ui.settings import Settings

    if holders:
        import tracemalloc

        tracemalloc.start(8)
    work = Path(tempfile.mkdtemp(prefix="ng-bench-memory-"))
    settings = Settings(language=lang, font_scale=scale, sound=False)  # type: ignore[arg-type]
    app = App(size, settings, log_dir=work / "logs", results_dir=work / "results")
    pilot = Harness(app)
    pilot.advance(2)
    first = status("VmRSS")
    # The title shows a moment before anyone presses a key: the window's first idle moments
    # (the scenario list read ahead, every scene's module, then settled; game.ui.warm_up).
    if hasattr(app, "warmth"):
        app.warm_up()
        app.read_scenarios_ahead()
        app.warmth.settle()
        pilot.advance(2)
    lines = [f"first frame: {first:.0f} MB"]
    rss: dict[str, float] = {}

    def note(label: str) -> None:
        rss[label] = status("VmRSS") - first

    pilot.press(pygame.K_F1)
    for _ in range(6):
        pilot.press(pygame.K_RIGHT)
    pilot.press(pygame.K_ESCAPE)
    pilot.press(pygame.K_F2)
    pilot.press(pygame.K_ESCAPE)
    note("title, help, settings")
    pilot.press(pygame.K_RETURN)  # new game
    pilot.press(pygame.K_TAB, pygame.KMOD_SHIFT)
    pilot.type_text("Oost")
    pilot.press(pygame.K_TAB)
    pilot.press(pygame.K_RETURN)
    if pilot.scene != "briefing":
        raise SystemExit(f"the game did not start: {pilot.scene}")
    rounds = 0
    role_keys = (pygame.K_3, pygame.K_4, pygame.K_2, pygame.K_5)
    while pilot.scene != "debrief" and rounds < 60:
        pilot.press(pygame.K_RETURN)
        if pilot.scene == "ambition":
            pilot.press(pygame.K_RETURN)
        for card in range(8):
            if pilot.scene != "decision":
                break
            pilot.press(role_keys[(rounds + card) % len(role_keys)])
            pilot.press(pygame.K_RETURN)
        pilot.press(pygame.K_RETURN)  # resolve
        for _ in range(200):
            if pilot.scene != "outcome":
                break
            pilot.press(pygame.K_RETURN)
        pilot.press(pygame.K_RETURN)  # the summary's next round or debrief
        rounds += 1
        note(f"after round {rounds}")
        if pilot.scene not in ("briefing", "debrief"):
            raise SystemExit(f"round {rounds} ended on {pilot.scene}")
    scene = app.scene
    for tab in scene.tabs:  # type: ignore[union-attr]
        scene.show(tab)  # type: ignore[union-attr]
        pilot.advance(2)
        page = 1
        note(f"debrief {tab} p{page}")
        while scene.page < len(getattr(scene, "pages", [])) - 1:  # type: ignore[union-attr]
            scene.turn(1)  # type: ignore[union-attr]
            pilot.advance(2)
            page += 1
            note(f"debrief {tab} p{page}")
    app.go(app.scenes.compare, [p for p in (work / "results").glob("*.json")])
    pilot.advance(3)
    note("teams side by side")
    pilot.press(pygame.K_F1)
    pilot.press(pygame.K_ESCAPE)
    note("help again")
    peak = status("VmHWM") - first
    for label, value in rss.items():
        lines.append(f"  {label:<28} {value:+7.0f} MB")
    growth = rss.get("after round 12", 0.0) - rss.get("after round 2", 0.0)
    lines.append(
        f"peak: {peak:+.0f} MB above the first frame (aim: at most +{PEAK_AIM_MB:.0f}) "
        f"{'ok' if peak <= PEAK_AIM_MB else 'OVER'}"
    )
    if "after round 12" in rss:
        lines.append(
            f"growth from round 2 to round 12: {growth:+.1f} MB (aim: under {GROWTH_AIM_MB:.0f}) "
            f"{'ok' if growth < GROWTH_AIM_MB else 'OVER'}"
        )
    if holders:
        _holders()
    app.close()
    return lines


def play_tour(size: tuple[int, int], lang: str, scale: float) -> list[str]:
    """The tour part: every scene in one process, no pictures; RSS after each scene."""
    from game.ui.tour import run_tour

    first: list[float] = []
    worst = ("", 0.0)

    def inspect(name: str, app: object) -> None:
        nonlocal worst
        now = status("VmRSS")
        if not first:
            first.append(now)
        if now - first[0] > worst[1]:
            worst = (name, now - first[0])

    work = Path(tempfile.mkdtemp(prefix="ng-bench-tour-"))
    run_tour(work, size, lang, seed=1, font_scale=scale, inspect=inspect, pictures=False)  # type: ignore[arg-type]
    peak = status("VmHWM") - first[0]
    return [
        f"first scene: {first[0]:.0f} MB; largest after a scene: {worst[1]:+.0f} MB ({worst[0]})",
        f"peak: {peak:+.0f} MB above the first scene (aim: at most +{PEAK_AIM_MB:.0f}) "
        f"{'ok' if peak <= PEAK_AIM_MB else 'OVER'}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=_size, default=(1920, 1080))
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    parser.add_argument("--scale", type=float, default=1.4)
    parser.add_argument("--part", choices=("both", "game", "tour"), default="both")
    parser.add_argument("--holders", action="store_true", help="tracemalloc's top holders")
    args = parser.parse_args()
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    width, height = args.size
    if args.part == "both":  # each part in a process of its own: its own peak
        print(f"memory at {width}×{height}, {args.lang}, type {round(args.scale * 100)}%")
        for part in ("game", "tour"):
            command = [sys.executable, __file__, "--part", part, "--size", f"{width}x{height}"]
            command += ["--lang", args.lang, "--scale", str(args.scale)]
            print(f"\n{part}:", flush=True)
            subprocess.run(command, check=True)
        return 0
    if args.part == "game":
        lines = play_game(args.size, args.lang, args.scale, args.holders)
    else:
        lines = play_tour(args.size, args.lang, args.scale)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
