"""The facilitator's PIN, asked before the panel opens and before settings let the facilitator's
choices be changed. What is typed shows as dots; wrong tries cost time (``game.ui.pin_guard``),
counted by the app, so leaving this screen and coming back does not start the count afresh."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from game.ui.look import text
from game.ui.scene import Host, Scene
from game.ui.scenes.workshop.over import OverScene
from game.ui.settings import PIN_LENGTH


class PinScene(OverScene):
    """The facilitator's PIN, asked over ``over``; the right one opens ``opens`` (by default
    the facilitator's panel), Back or Escape returns to ``over`` as it was.

    ``captions``: the words of the two buttons (open, back), already translated; by default
    "Open the panel" and "Back to the game".
    """

    name = "facilitator_pin"
    offers_help = False
    shows_timer = False

    def __init__(
        self,
        app: Host,
        over: Scene,
        opens: Callable[[], Scene] | None = None,
        captions: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(app)
        self.over = over
        self.opens = opens
        self.captions = captions
        self.wrong = False
        # The whole seconds of waiting the screen was last brought up to date for.
        self.shown_wait = 0

    def build(self) -> None:
        t = self.t
        opening, back = self.captions or (t("Open the panel"), t("Back to the game"))
        self.shown_wait = self._wait()
        centre = self.r(640, 0, 0, 0).left
        heading = t("Facilitator")
        width = self.app.fonts.get(32, True).size(heading)[0] + self.u(8)
        self.heading(heading, centre - width // 2, self.r(0, 190, 0, 0).top, centre + width)
        self.pin = self.secret_entry(self.r(440, 300, 400, 56))
        self.pin.set_text_length_limit(PIN_LENGTH[1])
        width = self.fitted(opening, "@big_button", 400)
        self.open_button = self.button(
            pygame.Rect(centre - width // 2, self.r(0, 380, 0, 0).top, width, self.u(56)),
            opening,
            self.check,
            kind="@big_button",
            enabled=self.shown_wait == 0,
        )
        width = self.fitted(back, None, 400)
        self.button(
            pygame.Rect(centre - width // 2, self.r(0, 450, 0, 0).top, width, self.u(50)),
            back,
            self.back,
        )
        self._set_focus(0)

    def _wait(self) -> int:
        """Whole seconds before the next try is taken (0: now)."""
        return math.ceil(self.app.pin_guard.wait_left())

    def check(self) -> None:
        typed = self.pin.get_text().strip()
        if not typed or self._wait() > 0:
            return  # nothing typed, or a wait the screen already shows: not a try
        if self.app.pin_guard.check(typed, self.app.settings.facilitator_pin):
            self.app.go(self.opens or (lambda: self.app.scenes.facilitator(self.app, self.over)))
        else:
            self.wrong = True
            self.rebuild()

    @property
    def animating(self) -> bool:
        """While a wait counts down: a frame for every second it shows."""
        return self._wait() != self.shown_wait

    def update(self, dt: float) -> None:
        seconds = self._wait()
        if seconds == self.shown_wait:
            return
        if seconds == 0:  # the wait is over: the button works again; what was typed stays
            typed = self.pin.get_text()
            self.rebuild()
            self.pin.set_text(typed)
        else:
            self.shown_wait = seconds
            self.app.invalidate()

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
        wait = self._wait()
        if wait > 0:
            message = t("Too many wrong tries. Try again in {seconds} s.").format(seconds=wait)
        elif self.wrong:
            message = t("The PIN is wrong. Try again.")
        else:
            message = t("Enter the PIN.")
        colour = palette.bad if wait or self.wrong else palette.text_dim
        text(surface, fonts.get(20), message, colour, self.r(640, 270, 0, 0).topleft, "center")
