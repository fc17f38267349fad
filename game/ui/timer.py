"""The facilitator's round timer: a countdown drawn large over the round, a soft chime at zero."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Protocol

import pygame

from game.sim.interventions import InterventionKind
from game.ui.controller import GameController
from game.ui.look import Fonts, note, text
from game.ui.palette import Palette


class Window(Protocol):
    """What the timer needs of the window it is drawn in (the app)."""

    scale: float
    origin: tuple[float, float]
    fonts: Fonts
    palette: Palette
    controller: GameController
    t: Callable[[str], str]

    def play(self, name: str) -> None: ...

    def invalidate(self) -> None: ...


class TimedScene(Protocol):
    """A scene, as far as the timer cares: whether the timer is drawn over it."""

    shows_timer: bool


class RoundTimer:
    """A countdown the facilitator starts; drawn large over the round, a soft chime at zero.

    Time is read from ``clock`` (monotonic), so a changed wall clock does not move it. The app
    asks ``needs_frame`` to draw only when the shown second changes: an idle game stays idle.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.ends: float | None = None
        self.paused_left: float | None = None
        self.signalled = False
        self.seconds = 0
        self.drawn = ""

    def start(self, seconds: int) -> None:
        self.seconds = seconds
        self.ends = self.clock() + seconds
        self.paused_left = None
        self.signalled = False

    def stop(self) -> None:
        self.ends = None
        self.paused_left = None

    def pause(self) -> None:
        if self.ends is not None and self.paused_left is None:
            self.paused_left = self.left()

    def resume(self) -> None:
        if self.paused_left is not None:
            self.ends = self.clock() + self.paused_left
            self.paused_left = None

    def snapshot(self) -> tuple[int, float, bool] | None:
        """What a saved workshop keeps: (seconds it was set to, seconds left, running); None
        when no timer is set."""
        if self.ends is None:
            return None
        return self.seconds, round(self.left(), 1), not self.paused

    def restore(self, seconds: int, left: float, running: bool) -> None:
        """Set the timer as a saved workshop kept it: ``left`` to go, counting or paused."""
        self.start(seconds)
        self.ends = self.clock() + left
        self.signalled = left <= 0
        if not running:
            self.paused_left = left

    @property
    def visible(self) -> bool:
        return self.ends is not None

    @property
    def paused(self) -> bool:
        return self.paused_left is not None

    def left(self) -> float:
        if self.ends is None:
            return 0.0
        if self.paused_left is not None:
            return self.paused_left
        return max(0.0, self.ends - self.clock())

    def shown(self) -> str:
        """What the timer shows: minutes and seconds, rounded up (it shows 0:00 only at zero)."""
        seconds = math.ceil(self.left())
        return f"{seconds // 60}:{seconds % 60:02d}"

    def ran_out(self) -> bool:
        """True once, the first frame after the time is up."""
        return self.visible and not self.paused and self.left() <= 0 and not self.signalled

    def signal(self, app: Window) -> None:
        self.signalled = True
        app.play("time_up")
        app.controller.note(InterventionKind.TIMER_OUT)
        app.invalidate()

    def needs_frame(self, scene: TimedScene | None) -> bool:
        return (
            self.visible
            and scene is not None
            and scene.shows_timer
            and (self.shown() != self.drawn or self.ran_out())
        )

    def face(self, app: Window) -> tuple[pygame.font.Font, str]:
        """The timer's font and words: as large as its box holds at this type size."""
        shown = self.shown()
        paused = app.t("paused")  # outside the f-string, so ``make messages`` finds it
        caption = shown if not self.paused else f"{shown} · {paused}"
        room = round(60 * app.scale) - 4
        font = app.fonts.get(18, True)
        for size in (40, 34, 30, 26, 22) if not self.paused else (26, 22, 18):
            if app.fonts.get(size, True).get_linesize() <= room:
                font = app.fonts.get(size, True)
                break
        return font, caption

    def box(self, app: Window) -> pygame.Rect:
        """Where the timer goes: the middle of the top, as wide as its longest words need (not
        the words of this second, so the box stays put while it counts down). The round's
        top bar leaves this room free while the timer runs."""
        font, _ = self.face(app)
        paused = app.t("paused")
        sample = "00:00" if not self.paused else f"00:00 · {paused}"
        scale = app.scale
        width = max(round(280 * scale), font.size(sample)[0] + round(32 * scale))
        centre = app.origin[0] + 640 * scale
        return pygame.Rect(
            round(centre - width / 2), round(app.origin[1]), width, round(60 * scale)
        )

    def draw(self, surface: pygame.Surface, app: Window) -> None:
        """Large, in the middle of the top bar: amber when time is up."""
        self.drawn = self.shown()
        palette, scale = app.palette, app.scale
        box = self.box(app)
        done = self.left() <= 0
        fill = palette.accent if done else palette.panel
        ink = palette.background if done else palette.text
        pygame.draw.rect(surface, fill, box, border_radius=round(8 * scale))
        pygame.draw.rect(surface, palette.accent, box, width=3, border_radius=round(8 * scale))
        font, caption = self.face(app)
        text(surface, font, caption, ink, box.center, "center")
        note("timer", box)  # nothing of the scene may touch it (``game.ui.fit``)
