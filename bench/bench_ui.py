"""UI benchmarks (not tests): frame time, idle CPU and start-up time.

    python bench/bench_ui.py            # all three
    python bench/bench_ui.py frames     # per-frame update+draw, median and p99
    python bench/bench_ui.py idle       # CPU used by an idle decision screen
    xvfb-run -a env SDL_VIDEODRIVER=x11 python bench/bench_ui.py idle   # with a real X server
    python bench/bench_ui.py startup    # `python main.py` to the first drawn frame

Frame times use SDL's dummy video driver (no real screen): they measure our update and drawing,
not the graphics card. "repaint" frames draw the whole scene again (after input, or while
something animates); "widgets" frames reuse the scene's layer (hover effects, tooltips).
Aims (issue 4): p99 well under 8 ms, idle under 2% of a core, start-up under 1.5 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _app(size: tuple[int, int]):
    # The dummy driver unless the caller chose one (x11 under xvfb-run, for the idle figure).
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.scenario.loader import load_scenario
    from game.sim import Bot
    from game.ui.app import App
    from game.ui.settings import Settings

    app = App(size, Settings(language="en", sound=False), log_dir=Path("/tmp/ng-bench-logs"))
    scenario = load_scenario()
    app.controller.start(scenario, 1)
    bot = Bot("best", 1)
    for _ in range(5):  # half-way: a fuller network to draw
        app.controller.apply(bot.decide(app.controller.state, scenario))
        app.controller.resolve()
    app.controller.apply(bot.decide(app.controller.state, scenario))
    return app


def frames(count: int = 600) -> None:
    from game.ui.scenes.round.briefing import BriefingScene
    from game.ui.scenes.round.decision import DecisionScene
    from game.ui.scenes.round.outcome import OutcomeScene

    for size in ((1280, 720), (1920, 1080)):
        app = _app(size)
        for name, scene, args in (
            ("dashboard", BriefingScene, ()),
            ("decision", DecisionScene, (0,)),
            ("outcome", OutcomeScene, ()),
        ):
            app.go(scene, *args)
            app.step([])
            for kind in ("repaint", "widgets"):
                times = []
                for _ in range(count):
                    start = time.perf_counter()
                    if kind == "repaint":
                        app.invalidate()  # as after input or during an animation
                    app.step([], 1 / 60)
                    app.draw()
                    times.append((time.perf_counter() - start) * 1000)
                times.sort()
                p99 = times[int(len(times) * 0.99) - 1]
                print(
                    f"{name:<10} {size[0]}x{size[1]} {kind:<8}: "
                    f"median {statistics.median(times):.2f} ms, p99 {p99:.2f} ms"
                )
        app.close()


def idle(seconds: float = 10.0) -> None:
    import pygame

    from game.ui.scenes.round.decision import DecisionScene

    app = _app((1280, 720))
    app.go(DecisionScene, 0)
    app.step([])
    app.draw()
    # Let the "recent input" window run out, then run the real loop with nothing happening.
    time.sleep(1.5)
    pygame.event.clear()
    stop = time.monotonic() + seconds
    cpu = time.process_time()
    wall = time.monotonic()
    drawn = app.frames_drawn
    app.run(until=stop)
    used = time.process_time() - cpu
    elapsed = time.monotonic() - wall
    print(
        f"idle decision screen: {100 * used / elapsed:.2f}% of a core over {elapsed:.1f} s, "
        f"{app.frames_drawn - drawn} frames drawn"
    )
    app.close()


def startup(runs: int = 5) -> None:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "main.py", "play", "--quit-after-first-frame"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    print(
        f"start-up to first frame (whole process, {runs} runs): "
        f"median {statistics.median(times):.2f} s, max {max(times):.2f} s"
    )


if __name__ == "__main__":
    which = sys.argv[1:] or ["frames", "idle", "startup"]
    for name in which:
        {"frames": frames, "idle": idle, "startup": startup}[name]()
