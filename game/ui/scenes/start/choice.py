"""A question with its answers, and the question asked before quitting."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.look import (
    text_block,
)
from game.ui.scene import Scene


class ChoiceScene(Scene):
    """A question with its answers, one button each; Escape takes ``cancel``.

    The first answer has the focus, so Enter and Escape both take the safe way (quit asks
    "stay" first).
    """

    offers_help = False

    def __init__(
        self,
        app,
        name: str,
        heading: str,
        message: str,
        choices: list[tuple[str, Callable[[], None]]],
        cancel: Callable[[], None],
    ) -> None:
        super().__init__(app)
        self.name = name
        self.heading = heading
        self.message = message
        self.choices = choices
        self.cancel = cancel

    def build(self) -> None:
        self.label(self.r(80, 60, 1100, 56), self.heading, "#heading")
        y = 650 - 66 * (len(self.choices) - 1)
        for caption, action in self.choices:
            self.button(self.r(80, y, 640, 56), caption, action, kind="@big_button")
            y += 66
        self.move_focus(1)

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def back(self) -> None:
        self.cancel()

    def draw(self, surface: pygame.Surface) -> None:
        bottom = 650 - 66 * (len(self.choices) - 1) - 20
        area = self.r(80, 140, 1120, bottom - 140)
        font, colour = self.app.fonts.get(20), self.app.palette.text
        for paragraph in self.message.split("\n\n"):
            used = text_block(surface, font, paragraph, colour, area)
            area.top += used + self.u(12)
            area.height = max(0, area.height - used - self.u(12))


def confirm_quit(app) -> Scene:
    """Quit or stay; staying goes back to the scene the question came from."""
    t = app.t
    scene = app.scene
    back = scene.reopen() if scene is not None else app.scenes.title

    def stay() -> None:
        app.go(back)

    if app.controller.in_progress:
        if app.saves is not None and app.controller.save_plan():
            message = t(
                "The game is saved, with what you chose in this round so far: Continue picks "
                "it up there."
            )
        else:
            message = t("This window keeps no saves: the game in progress is gone when it closes.")
        stay_label = t("Keep playing")
    else:
        message = t("Netwerkende Gemeente closes.")
        stay_label = t("Stay")
    return app.scenes.choice(
        app,
        "confirm_quit",
        t("Quit the game?"),
        message,
        [(stay_label, stay), (t("Quit"), app.quit)],
        stay,
    )
