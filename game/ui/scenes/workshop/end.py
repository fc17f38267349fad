"""The end of a workshop: every team has played."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.labels import score_title
from game.ui.look import text
from game.ui.scene import Scene

if TYPE_CHECKING:
    pass


class WorkshopEndScene(Scene):
    """Every team's game is over: each team's debrief, and the teams side by side."""

    name = "workshop_end"

    def build(self) -> None:
        from game.sim.score import score

        t, u, fonts = self.t, self.u, self.app.fonts
        left, right = self.r(60, 0, 0, 0).left, self.r(1240, 0, 0, 0).left
        heading = self.heading(t("Every team has played"), left, self.r(0, 24, 0, 0).top, right)
        # One row a team: its debrief button and its score and title, beside the button when
        # they fit, else under it.
        captions = [t("Debrief of {team}").format(team=seat.team) for seat in self.controller.seats]
        scenario = self.controller.scenario
        kind = scenario.organisation.kind if scenario is not None else None
        self.lines = [
            f"{card.total} · {score_title(card.title, kind, self.lang)}"
            for card in (score(seat.state) for seat in self.controller.seats)
        ]
        button_w = min(
            right - left, max([u(520)] + [self.needed(c, "@left_button") for c in captions])
        )
        height = max(u(54), self._button_height("@left_button"))
        line_font = fonts.get(20)
        widest = max((line_font.size(line)[0] for line in self.lines), default=0)
        beside = left + button_w + u(20) + widest <= right
        self.line_at: list[tuple[int, int, str]] = []
        y = heading.bottom + u(14)
        for i, caption in enumerate(captions):
            self.button(
                pygame.Rect(left, y, button_w, height),
                caption,
                lambda i=i: self.debrief(i),
                kind="@left_button",
            )
            if beside:
                self.line_at.append((left + button_w + u(20), y + height // 2, "midleft"))
                y += height + u(12)
            else:
                self.line_at.append((left + u(14), y + height + u(2), "topleft"))
                y += height + line_font.get_linesize() + u(14)
        bottom_h = max(u(58), self._button_height("@big_button"))
        top = min(self.r(0, 640, 0, 0).top, self.r(0, 706, 0, 0).top - bottom_h)
        compare_w = self.fitted(t("Compare the teams"), "@big_button", 380)
        self.button(
            pygame.Rect(right - compare_w, top, compare_w, bottom_h),
            t("Compare the teams"),
            self.compare,
            kind="@big_button",
        )
        title_w = self.fitted(t("Title screen"), None, 300)
        self.button(pygame.Rect(left, top, title_w, bottom_h), t("Title screen"), self.back)
        self.move_focus(1)

    def debrief(self, index: int) -> None:

        self.controller.switch_to(index)
        self.app.go(self.app.scenes.debrief)

    def compare(self) -> None:
        """The workshop's own teams side by side (not the whole results folder, which may hold
        other workshops); a team without a results file is listed as left out, with why."""
        from game.results.compare import LeftOut

        seats = self.controller.seats
        files = [s.results_file for s in seats if s.results_file is not None]
        missing = [
            LeftOut(
                Path(s.team),
                "No results file was written for this team (the facilitator panel can write "
                "it: F9, Write the results now).",
                "Voor dit team is geen resultatenbestand geschreven (het spelleiderspaneel kan "
                "het schrijven: F9, Schrijf de resultaten nu).",
            )
            for s in seats
            if s.results_file is None
        ]
        self.app.go(
            self.app.scenes.compare(
                self.app, files, back=self.app.scenes.workshop_end, left_out=missing
            )
        )

    def back(self) -> None:

        self.app.go(self.app.scenes.title)

    def draw(self, surface: pygame.Surface) -> None:
        palette, font = self.app.palette, self.app.fonts.get(20)
        for line, (x, y, anchor) in zip(self.lines, self.line_at, strict=True):
            text(surface, font, line, palette.text, (x, y), anchor)
