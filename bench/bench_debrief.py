"""The debrief's decisions page: memory for a whole game, and how long a page switch takes.

Before issue 10 the page was one huge text box: the process grew by about 200 MB (620 MB peak
for a 40-round scenario) and switching to the tab took 0.3–0.7 s. Aims: peak memory at most
150 MB above the first frame for a whole game, and every page switch under 100 ms.

    python bench/bench_debrief.py [--size 1920x1080] [--rounds 40] [--scale 1.4]

Memory is the process's resident set (Linux: /proc/self/status): the peak (VmHWM) against the
resident size right after the first frame. Times are wall clock and CPU (process_time) of the
frame that handles the click, opening the page included. Not a test: machines differ.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_memory import status


def _scenario(rounds: int):
    """The default scenario, or one stretched to ``rounds`` by repeating its rounds."""
    from game.scenario.loader import load_scenario

    scenario = load_scenario()
    if rounds <= scenario.rounds:
        return scenario
    data = scenario.model_dump(mode="json", exclude_none=True)
    data["rounds"] = rounds
    extra = []
    for index, initiative in enumerate(data["initiatives"]):
        if initiative.get("round") is None or initiative.get("unfolds"):
            continue
        for lap in range(1, rounds // scenario.rounds + 1):
            number = initiative["round"] + lap * scenario.rounds
            if number > rounds:
                break
            copy = dict(initiative, id=f"{initiative['id']}-{lap}-{index}", round=number)
            extra.append(copy)
    data["initiatives"] += extra
    data.pop("lengths", None)
    from game.scenario.models import Scenario

    return Scenario.model_validate(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.lower().split("x"))
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    import pygame

    from game.sim import Bot
    from game.ui.app import App
    from game.ui.harness import Harness
    from game.ui.scenes.debrief.scene import DebriefScene
    from game.ui.settings import Settings

    app = App((width, height), Settings(language="nl", font_scale=args.scale, sound=False))
    pilot = Harness(app)
    pilot.advance(2)
    first_frame = status("VmRSS")
    scenario = _scenario(args.rounds)
    app.controller.start(scenario, 7, "Bench")
    bot = Bot("best", 7)
    while not app.controller.state.finished:
        app.controller.apply(bot.decide(app.controller.state, app.controller.scenario))
        app.controller.resolve()
    app.go(DebriefScene, "result")
    pilot.advance(2)

    def timed(action) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        pilot.advance(1)
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000

    opening = timed(lambda: app.scene.show("decisions"))  # type: ignore[union-attr]
    pages = len(app.scene.pages)  # type: ignore[union-attr]
    switches = []
    for _ in range(2):
        for _ in range(pages - 1):
            switches.append(timed(lambda: app.scene.turn(1)))  # type: ignore[union-attr]
        for _ in range(pages - 1):
            switches.append(timed(lambda: app.scene.turn(-1)))  # type: ignore[union-attr]
    walls = [w for w, _ in switches]
    cpus = [c for _, c in switches]
    peak = status("VmHWM")
    print(f"window {width}x{height}, type {round(args.scale * 100)}%, {args.rounds} rounds")
    print(f"decisions page: {pages} pages for {len(app.controller.state.history)} rounds")
    print(f"opening the page: {opening[0]:.1f} ms wall, {opening[1]:.1f} ms CPU")
    print(
        f"page switches ({len(switches)}): median {statistics.median(walls):.1f} ms, "
        f"worst {max(walls):.1f} ms wall; CPU median {statistics.median(cpus):.1f}, "
        f"worst {max(cpus):.1f} ms"
    )
    print(
        f"memory: {first_frame:.0f} MB at the first frame, peak {peak:.0f} MB: "
        f"{peak - first_frame:.0f} MB above (aim: at most 150)"
    )
    app.close()
    pygame.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
