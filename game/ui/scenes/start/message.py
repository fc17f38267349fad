"""A short message with one way on."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.look import (
    text_block,
)
from game.ui.scene import Scene
from game.ui.scenes.start.loading import open_game


class MessageScene(Scene):
    """A short message with one way on: back to where it came from (the title by default)."""

    name = "message"
    offers_help = False

    def __init__(
        self,
        app,
        heading: str,
        message: str,
        back_to: type[Scene] | None = None,
        button: str | None = None,
    ) -> None:
        super().__init__(app)
        self.heading = heading
        self.message = message
        self.back_to = back_to
        self.caption = button

    def build(self) -> None:
        self.label(self.r(80, 60, 1100, 56), self.heading, "#heading")
        if self.caption is not None:
            caption = self.caption
        elif self.back_to in (None, self.app.scenes.title):
            caption = self.t("Back to the title screen")
        else:
            caption = self.t("Back")
        self.button(self.r(80, 600, 460, 56), caption, self.back)
        self.move_focus(1)

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def back(self) -> None:
        if self.back_to is None and self.caption is not None:
            open_game(self.app)  # "to the game": the game the message was about
        else:
            self.app.go(self.back_to or self.app.scenes.title)

    def draw(self, surface: pygame.Surface) -> None:
        area = self.r(80, 140, 1120, 400)
        text_block(surface, self.app.fonts.get(20), self.message, self.app.palette.text, area)
