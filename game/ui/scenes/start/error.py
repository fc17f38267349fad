"""The error screen: the game is safe, the details went to a log file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.ui.look import (
    text_block,
)
from game.ui.scene import Scene
from game.ui.scenes.start.loading import open_game


class ErrorScene(Scene):
    """Something unexpected went wrong. The game is intact; the details went to a log file.

    ``offer_game`` is False when there is no game, or when going back to it just failed: then
    only the title is offered, and the screen says why.
    """

    name = "error"
    offers_help = False

    def __init__(
        self, app, message: str, log_file: Path | None, *, offer_game: bool = True
    ) -> None:
        super().__init__(app)
        self.message = message
        self.log_file = log_file
        self.offer_game = offer_game and app.controller.state is not None
        self.game_failed = offer_game is False and app.controller.state is not None
        # Which way back was taken: if opening it fails, the next error screen leaves it out.
        self.chosen: str | None = None

    def build(self) -> None:
        t = self.t
        self.label(self.r(80, 60, 1100, 56), t("Something went wrong"), "#heading")
        y = 560
        if self.offer_game:
            self.button(
                self.r(80, y, 600, 56), t("Back to the game"), self.to_game, kind="@big_button"
            )
            y += 70
        self.button(
            self.r(80, y, 600, 56), t("Back to the title screen"), self.to_title, kind="@big_button"
        )
        self.move_focus(1)

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def to_game(self) -> None:
        self.chosen = "game"
        open_game(self.app)

    def to_title(self) -> None:
        self.chosen = "title"
        self.app.go(self.app.scenes.title)

    def back(self) -> None:
        self.to_title()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, palette, t = self.app.fonts, self.app.palette, self.t
        area = self.r(80, 140, 1120, 400)
        lines = [
            t("The game itself is safe: nothing of your game was lost."),
            t("What happened:") + " " + self.message,
        ]
        if self.game_failed:
            lines.append(
                t(
                    "The game's screen cannot be opened now. Its autosave is kept: go back to "
                    "the title screen, and continue it after restarting the game."
                )
            )
        where = str(self.log_file) if self.log_file else t("(the log file could not be written)")
        lines.append(t("The details are in the log file:") + " " + where)
        for line in lines:
            used = text_block(surface, fonts.get(20), line, palette.text, area)
            area.top += used + self.u(12)
