"""The facilitator plays ahead to a later round (issue 20): a trainer testing a late event
starts there instead of playing every round up to it, as ``play --round N`` does."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.scene import Host, Scene
from game.ui.scenes.workshop.over import OverScene

STRATEGY = "best"
"""Who plays the rounds in between: the strategy that follows the model, so the game arrives
at the round as a group that played well would."""


def can_play_ahead(app: Host) -> bool:
    """Only a game of one team on its own window: in hot-seat or over the network the rounds
    belong to the teams, not to a bot."""
    controller = app.controller
    state, scenario = controller.state, controller.scenario
    if state is None or scenario is None or state.finished or controller.read_only:
        return False
    if controller.hot_seat or getattr(app, "room", None) is not None:
        return False
    return state.round < scenario.rounds


class PlayAheadScene(OverScene):
    """A button per later round; choosing one lets the strategy play the rounds before it."""

    name = "facilitator_play_ahead"
    offers_help = False

    def __init__(self, app: Host, over: Scene) -> None:
        super().__init__(app)
        self.over = over

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def hint(self) -> str:
        return self.t(
            "For trying out a scenario: the rounds before the one you choose are played as the "
            "model advises, and the game goes on there with you. The decisions of those rounds "
            "count in the results."
        )

    def build(self) -> None:
        t, u = self.t, self.u
        state, scenario = self.controller.state, self.controller.scenario
        left = self.heading_and_back(t("Play ahead to round…")).left
        width = self.r(1220, 0, 0, 0).left - left
        if state is None or scenario is None:
            return
        rounds = list(range(state.round + 1, scenario.rounds + 1))
        captions = [t("Round {n}").format(n=n) for n in rounds]
        gap = u(12)
        button_w = max(max((self.needed(c) for c in captions), default=0), u(150))
        per_row = max(1, min(len(rounds), (width + gap) // (button_w + gap)))
        height = max(u(56), self._button_height(None))
        top = self.hint_rect.bottom + u(20)
        for i, (number, caption) in enumerate(zip(rounds, captions, strict=True)):
            x = left + (i % per_row) * (button_w + gap)
            y = top + (i // per_row) * (height + gap)
            self.button(
                pygame.Rect(x, y, button_w, height),
                caption,
                lambda n=number: self.play_to(n),
            )
        self.move_focus(1)

    def play_to(self, round_: int) -> None:
        """The strategy plays up to ``round_``; the game goes on at its briefing."""
        self.app.timer.stop()
        self.controller.play_ahead(round_, STRATEGY)
        state = self.controller.state
        if state is not None and state.finished:
            self.app.go(self.app.scenes.debrief)
        else:
            self.app.go(self.app.scenes.briefing)

    def back(self) -> None:
        self.app.go(self.app.scenes.facilitator(self.app, self.over))

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_hint(surface)
