"""Pause: the initiative's question, large, for the room to talk about."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.dashboard import panel
from game.ui.look import block_height, fit_text_block, text, text_block, wrap
from game.ui.scene import Host, Scene
from game.ui.scenes.workshop.over import OverScene

if TYPE_CHECKING:
    pass


class DiscussScene(OverScene):
    """Pause: the initiative's question, large, for the room to talk about. The timer waits."""

    name = "discuss"
    offers_help = False

    def __init__(self, app: Host, over: Scene) -> None:
        super().__init__(app)
        self.over = over

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def on_enter(self) -> None:
        self.app.timer.pause()

    def build(self) -> None:
        caption = self.t("Continue (Enter)")
        width = self.fitted(caption, "@big_button", 400)
        height = max(self.u(60), self._button_height("@big_button"))
        top = min(self.r(0, 640, 0, 0).top, self.r(0, 706, 0, 0).top - height)
        centre = self.r(640, 0, 0, 0).left
        self.card_bottom = top - self.u(16)
        self.button(
            pygame.Rect(centre - width // 2, top, width, height),
            caption,
            self.back,
            kind="@big_button",
        )
        self.move_focus(1)

    def back(self) -> None:
        self.app.timer.resume()
        self.back_to_over()

    def default_action(self) -> None:
        self.back()

    def question(self) -> tuple[str, str]:
        """The initiative on the card (or the first on the table), else the round's news."""
        scenario, state, lang = self.controller.scenario, self.controller.state, self.lang
        if scenario is None or state is None:
            return self.t("Discuss"), ""
        initiative = getattr(self.over, "initiative", None)
        if initiative is None and state.current_initiatives:
            initiative = scenario.initiative(state.current_initiatives[0])
        if initiative is not None:
            return initiative.title.get(lang), initiative.text.get(lang)
        if state.news:
            event = scenario.event(state.news[0])
            return event.title.get(lang), event.text.get(lang)
        return self.t("Discuss"), scenario.briefing.get(lang)

    def draw(self, surface: pygame.Surface) -> None:
        t, palette, fonts, u = self.t, self.app.palette, self.app.fonts, self.u
        card = self.r(60, 24, 1160, 0)
        if self.app.timer.visible:  # the paused round timer, at the top, stays in sight
            card.top = max(card.top, self.app.timer.box(self.app).bottom + u(8))
        card.height = self.card_bottom - card.top
        panel(surface, card, palette, u(16))
        pygame.draw.rect(surface, palette.accent, card, width=4, border_radius=u(16))
        inner = card.inflate(-u(80), -u(48))
        kicker = fonts.get(22, True)
        text(surface, kicker, t("Discuss together"), palette.text_dim, inner.topleft)
        # The question for the room at the bottom, whole; the title and the text above it in
        # the largest type that fits between (a long text steps down rather than being cut).
        prompt = t("Which role fits here, and why? What do you expect it to do?")
        prompt_font = fonts.get(24, True)
        prompt_h = block_height(prompt_font, len(wrap(prompt_font, prompt, inner.width)))
        prompt_top = inner.bottom - prompt_h
        title, body = self.question()
        area = pygame.Rect(inner.left, inner.top + kicker.get_linesize() + u(8), inner.width, 0)
        title_h = block_height(fonts.get(46, True), 3)
        area.height = min(title_h, prompt_top - u(16) - area.top)
        used = fit_text_block(
            surface, fonts, title, palette.accent, area, (46, 40, 34, 28), bold=True
        )
        area.top += used + u(12)
        area.height = max(0, prompt_top - u(16) - area.top)
        fit_text_block(surface, fonts, body, palette.text, area, (30, 27, 24, 21, 18))
        text_block(
            surface,
            prompt_font,
            prompt,
            palette.text,
            pygame.Rect(inner.left, prompt_top, inner.width, prompt_h),
        )
