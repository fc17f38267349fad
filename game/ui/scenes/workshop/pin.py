"""The facilitator's PIN, asked before the panel opens."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.look import text
from game.ui.scene import Host, Scene
from game.ui.scenes.workshop.over import OverScene

if TYPE_CHECKING:
    pass


PIN_LENGTH = (4, 8)


class PinScene(OverScene):
    """The facilitator's PIN, asked before the panel opens."""

    name = "facilitator_pin"
    offers_help = False
    shows_timer = False

    def __init__(self, app: Host, over: Scene) -> None:
        super().__init__(app)
        self.over = over
        self.wrong = False

    def build(self) -> None:
        t = self.t
        self.label(self.r(340, 180, 600, 56), t("Facilitator"), "#heading")
        self.pin = self.entry(self.r(440, 300, 400, 56))
        self.pin.set_text_length_limit(PIN_LENGTH[1])
        self.button(self.r(440, 380, 400, 56), t("Open the panel"), self.check, kind="@big_button")
        self.button(self.r(440, 450, 400, 50), t("Back to the game"), self.back)
        self._set_focus(0)

    def check(self) -> None:
        if self.pin.get_text().strip() == self.app.settings.facilitator_pin:
            self.app.go(self.app.scenes.facilitator(self.app, self.over))
        else:
            self.wrong = True
            self.rebuild()

    def default_action(self) -> None:
        self.check()

    def activate(self) -> None:
        self.check() if self._typing() is not None else super().activate()

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def back(self) -> None:
        self.back_to_over()

    def draw(self, surface: pygame.Surface) -> None:
        t, palette, fonts = self.t, self.app.palette, self.app.fonts
        message = t("The PIN is wrong. Try again.") if self.wrong else t("Enter the PIN.")
        colour = palette.bad if self.wrong else palette.text_dim
        text(surface, fonts.get(20), message, colour, self.r(640, 270, 0, 0).topleft, "center")
