"""Hot-seat: the next team takes the laptop."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.look import text, wrap
from game.ui.scene import Host, Scene

if TYPE_CHECKING:
    pass


def after_turn(app: Host) -> None:
    """A team's round is done: hand the laptop to the team whose turn it is, or end."""
    controller = app.controller
    # The round timer belongs to the round of the team that played it: the next team starts
    # with none running (issue 19: it ran on into the next team's turn and sat at "0:00").
    app.timer.stop()
    following = controller.next_turn()
    if following is None:
        app.go(app.scenes.workshop_end)
        return
    controller.switch_to(following)
    app.go(app.scenes.turn)


class TurnScene(Scene):
    """Hot-seat: the next team takes the laptop."""

    name = "turn"
    offers_facilitator = True

    def build(self) -> None:
        caption = self.t("Start the round")
        width = self.fitted(caption, "@big_button", 400)
        height = max(self.u(64), self._button_height("@big_button"))
        self.button_top = self.r(0, 520, 0, 0).top
        centre = self.r(640, 0, 0, 0).left
        self.button(
            pygame.Rect(centre - width // 2, self.button_top, width, height),
            caption,
            self.start,
            kind="@big_button",
        )
        self.move_focus(1)

    def start(self) -> None:

        self.app.go(self.app.scenes.briefing)

    def default_action(self) -> None:
        self.start()

    def back(self) -> None:

        self.app.go(self.app.scenes.title)

    def draw(self, surface: pygame.Surface) -> None:
        t, palette, fonts, u = self.t, self.app.palette, self.app.fonts, self.u
        controller = self.controller
        state, scenario = controller.state, controller.scenario
        if state is None or scenario is None:
            return
        width = u(1160)
        # The team's name large, a size smaller when a long name would not fit the width.
        team_font = fonts.get(34, True)
        for size in (60, 52, 44):
            if fonts.get(size, True).size(controller.team)[0] <= width:
                team_font = fonts.get(size, True)
                break
        lines: list[tuple[pygame.font.Font, str, tuple[int, int, int], int]] = [
            (fonts.get(26), t("Next up"), palette.text_dim, u(4)),
            (team_font, controller.team, palette.accent, u(4)),
            (
                fonts.get(28),
                t("Round {n} of {total}").format(n=state.round, total=scenario.rounds),
                palette.text,
                u(24),
            ),
        ]
        others = [s.team for i, s in enumerate(controller.seats) if i != controller.seat]
        if others:
            turns = t("Taking turns: {teams}").format(teams=", ".join([controller.team, *others]))
            small = fonts.get(18)
            lines += [(small, line, palette.text_dim, u(2)) for line in wrap(small, turns, width)]
        # One block, centred above the button.
        height = sum(font.get_linesize() + gap for font, _, _, gap in lines)
        space = self.r(0, 110, 0, 0).top + self.button_top - self.u(24) - height
        y = max(self.r(0, 24, 0, 0).top, space // 2)
        centre = self.r(640, 0, 0, 0).left
        for font, line, colour, gap in lines:
            text(surface, font, line, colour, (centre, y), "midtop")
            y += font.get_linesize() + gap
