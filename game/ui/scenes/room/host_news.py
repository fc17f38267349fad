"""The host brings one of the scenario's events into the open round: for every team, or for one
team on purpose. Each team's game notes it, so the comparison and the reports say who got what."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.room import HostRoom, hosted
from game.ui.scene import Host, Scene

EVERY_TEAM = ""


class HostNewsScene(Scene):
    """Which news, for whom."""

    name = "host_news"
    offers_help = False

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.team = EVERY_TEAM

    @property
    def room(self) -> HostRoom | None:
        return hosted(self.app)

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def build(self) -> None:
        room = self.room
        if room is None or getattr(room, "scenario", None) is None:
            return
        t, u, fonts = self.t, self.u, self.app.fonts
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        y = self.heading(t("Bring in news"), left, self.r(0, 20, 0, 0).top, right).bottom + u(12)
        label_h = fonts.get(18).get_linesize()
        height = max(u(46), self._button_height(None))
        self.label(pygame.Rect(left, y, right - left, label_h), t("For"), "#dim", grow=False)
        y += label_h + u(2)
        # Every team by its whole name: the buttons flow in rows as wide as their names.
        choices = [(EVERY_TEAM, t("Every team")), *[(n, n) for n in room.workshop.teams]]
        x = left
        for key, caption in choices:
            width = min(right - left, self.fitted(caption, None, 200))
            if x > left and x + width > right:
                x, y = left, y + height + u(8)
            rect = pygame.Rect(x, y, width, height)
            self.button(rect, caption, lambda k=key: self.choose(k), selected=key == self.team)
            x += width + u(10)
        y += height + u(16)
        self.label(pygame.Rect(left, y, right - left, label_h), t("News"), "#dim", grow=False)
        y += label_h + u(2)
        big = max(u(56), self._button_height(None))
        bottom = self.r(0, 706, 0, 0).top - big - u(4)
        events = room.scenario.events
        columns = 2
        width = (right - left - u(10)) // columns
        rows = max(1, (bottom - u(10) - y) // (height + u(8)))
        for i, event in enumerate(events[: rows * columns]):
            rect = pygame.Rect(
                left + (i // rows) * (width + u(10)),
                y + (i % rows) * (height + u(8)),
                width,
                height,
            )
            self.button(rect, event.title.get(self.lang), lambda e=event.id: self.bring(e))
        caption = t("Back")
        self.button(
            pygame.Rect(left, bottom, self.fitted(caption, None, 200), big), caption, self.back
        )
        if self._focus is None:
            self.move_focus(1)

    def choose(self, team: str) -> None:
        self.team = team
        self.rebuild()

    def bring(self, event: str) -> None:
        room = self.room
        if room is not None:
            teams = (self.team,) if self.team else ()
            room.act(room.workshop.inject(event, teams))
        self.back()

    def back(self) -> None:
        self.app.go(self.app.scenes.host)
