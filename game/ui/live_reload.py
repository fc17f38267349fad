"""A trainer's edit, seen in the running game (issue 20): F5, or saving the scenario file,
reads the scenario again while the game runs.

The game keeps its place: its seed, decisions and facilitator's steps are played again in the
new version (``game.saves.replay``), so the round on screen is one the edited scenario really
gives. Where a decision no longer fits, the game says what changed and starts that round again.
A file with mistakes shows them, in ``file:line:column`` form, and the last good version plays
on. A hot-seat or networked workshop is never reloaded under its teams.
"""

from __future__ import annotations

import time
from pathlib import Path

import pygame

from game.scenario.loader import scenario_stamp

# How often the scenario file's time and size are looked at (one stat a second; no thread).
LOOK_EVERY = 1.0
# At most this many of a broken file's problems on screen; the rest are counted.
SHOWN_PROBLEMS = 4


class ScenarioWatch:
    """Notices that the game's scenario file was saved again: by its time and size."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.stamp: tuple[int, int] | None = None
        self.next_look = 0.0

    def saved_again(self, path: Path | None, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        if path != self.path:
            self.path, self.stamp = path, scenario_stamp(path) if path is not None else None
            return False
        if path is None or now < self.next_look:
            return False
        self.next_look = now + LOOK_EVERY
        stamp = scenario_stamp(path)
        if stamp is None or stamp == self.stamp:
            return False
        self.stamp = stamp
        return True


def scenario_file(app) -> Path | None:
    """The file the game in the window was started from, when it is one to reload."""
    controller = app.controller
    if controller.state is None or controller.read_only or controller.hot_seat:
        return None
    if getattr(app, "room", None) is not None or not controller.scenario_file:
        return None
    return Path(controller.scenario_file)


def handle_key(app, event: pygame.event.Event) -> bool:
    """F5 reads the scenario again; True when the key was taken."""
    if event.type != pygame.KEYDOWN or event.key != pygame.K_F5:
        return False
    if scenario_file(app) is not None:
        reload_scenario(app)
    return True


def watch(app) -> None:
    """Between frames: reload when the scenario file was saved again."""
    if app.scenario_watch.saved_again(scenario_file(app)):
        reload_scenario(app)


def reload_scenario(app) -> None:
    """Read the game's scenario again and play the game so far in it; or show its mistakes."""
    from game.saves.replay import replay_prefix
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import load_scenario
    from game.sim.length import played_scenario

    path = scenario_file(app)
    controller, t, lang = app.controller, app.t, app.settings.language
    if path is None:
        return
    back = app.scene.reopen() if app.scene is not None else None
    try:
        whole = load_scenario(path)
    except ScenarioError as error:
        # The file's name is enough on a screen (validate gives the whole path).
        shown = error.problems[:SHOWN_PROBLEMS]
        lines = [p.text(lang).replace(str(path), path.name) for p in shown]
        if len(error.problems) > SHOWN_PROBLEMS:
            lines.append(t("… and {n} more").format(n=len(error.problems) - SHOWN_PROBLEMS))
        message = t("The game goes on with the version it had. Fix these, and save again:")
        app.go(
            app.scenes.message,
            t("The scenario has mistakes"),
            message + "\n\n" + "\n".join(lines),
            back,
            t("To the game"),
        )
        return
    state = controller.state
    decisions = [record.decisions for record in state.history]
    replayed, stop = replay_prefix(
        whole, state.seed, decisions, state.interventions, state.length, state.ambition
    )
    plan = controller.plan if stop is None else None
    controller.resume(
        played_scenario(whole, state.length),
        replayed,
        controller.team,
        controller.game_id,
        controller.scenario_file,
        save_now=True,
    )
    if plan is not None:
        controller.plan = plan  # the round's choices so far stay
    note = t("Read again: round {n}, with every decision so far played in the new version.")
    note = note.format(n=replayed.round)
    if stop is not None:
        note += "\n\n" + stop.explain(lang) + " " + t("That round starts again.")
    app.go(app.scenes.message, t("The scenario was read again"), note, None, t("To the game"))
