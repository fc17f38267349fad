"""The base of the facilitator's screens: each is opened over a round and goes back to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.look import block_height, text_block, wrap
from game.ui.scene import Scene

if TYPE_CHECKING:
    pass


class OverScene(Scene):
    """A facilitator's screen opened over a round scene (``over``), which it goes back to."""

    over: Scene

    def back_to_over(self) -> None:
        """Return to the scene under the panel exactly as it was (no ``on_enter``; its widgets
        are built again)."""
        scene = self.over
        scene.resuming = True
        self.app.go(lambda: scene)

    def hint(self) -> str:
        """What the screen does, under its heading ("" for none)."""
        return ""

    def heading_and_back(self, title: str) -> pygame.Rect:
        """The screen's heading with its hint under it (``hint_rect``), and Back at the bottom
        left; returns Back's rectangle, the row the screen's own buttons end above."""
        t, u, fonts = self.t, self.u, self.app.fonts
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        heading = self.heading(title, left, self.r(0, 20, 0, 0).top, right)
        # What the screen does, under the heading, as many lines as it takes.
        hint_font = fonts.get(17)
        lines = len(wrap(hint_font, self.hint(), right - left))
        self.hint_rect = pygame.Rect(
            left, heading.bottom + u(4), right - left, block_height(hint_font, lines)
        )
        back_h = max(u(58), self._button_height("@big_button"))
        bottom = min(self.r(0, 640, 0, 0).top, self.r(0, 706, 0, 0).top - back_h)
        back = pygame.Rect(left, bottom, self.fitted(t("Back"), "@big_button", 300), back_h)
        self.button(back, t("Back"), self.back, kind="@big_button")
        return back

    def draw_hint(self, surface: pygame.Surface) -> None:
        palette = self.app.palette
        text_block(surface, self.app.fonts.get(17), self.hint(), palette.text_dim, self.hint_rect)
