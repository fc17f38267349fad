"""Bring one of the scenario's events in now, for every team."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.look import text
from game.ui.scene import Host, Scene
from game.ui.scenes.workshop.over import OverScene

if TYPE_CHECKING:
    pass


class InjectScene(OverScene):
    """Choose one of the scenario's events to bring into this round's news now."""

    name = "facilitator_inject"
    offers_help = False

    def __init__(self, app: Host, over: Scene, page: int = 0) -> None:
        super().__init__(app)
        self.over = over
        self.page = page
        # Hot-seat: the news goes to every team's game, unless the facilitator chooses one;
        # the choice stays for the workshop (and is kept in its file).
        self.every_team = app.controller.news_to_every_team

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def hint(self) -> str:
        return self.t(
            "Its effects apply at once and stay in the game's record; initiatives it brings join "
            "the table."
        )

    def build(self) -> None:
        from game.sim.facilitator import injectable_events

        t, u, lang = self.t, self.u, self.lang
        back = self.heading_and_back(t("Bring in news now"))
        left, right = back.left, self.r(1220, 0, 0, 0).left
        width = right - left
        bottom, back_w, back_h = back.top, back.width, back.height
        if self.controller.hot_seat:
            # Who gets the news: one button that switches between every team and this one.
            choices = (t("For every team"), t("Only for {team}").format(team=self.controller.team))
            caption = choices[0] if self.every_team else choices[1]
            width_ = max(self.fitted(c, None, 200) for c in choices)
            x = left + back_w + u(20)
            self.button(pygame.Rect(x, bottom, width_, back_h), caption, self.toggle_teams)
        # The events in two columns when every title fits one, else in one; a page at a time
        # when there are more than fit.
        scenario, state = self.controller.scenario, self.controller.state
        events = injectable_events(state, scenario) if scenario and state else []
        gap = u(10)
        row_h = max(u(52), self._button_height("@left_button"))
        top = self.hint_rect.bottom + u(14)
        half = (width - u(20)) // 2
        titles = [event.title.get(lang) for event in events]
        widest = max((self.needed(title, "@left_button") for title in titles), default=0)
        columns = 2 if widest <= half else 1
        column_w = half if columns == 2 else width
        rows = max(1, (bottom - u(12) - top + gap) // (row_h + gap))
        per_page = rows * columns
        pages = max(1, -(-len(events) // per_page))
        self.page = max(0, min(self.page, pages - 1))
        self.pages = pages
        shown = events[self.page * per_page : (self.page + 1) * per_page]
        for i, event in enumerate(shown):
            x = left + (i % columns) * (column_w + u(20))
            y = top + (i // columns) * (row_h + gap)
            self.button(
                pygame.Rect(x, y, column_w, row_h),
                event.title.get(lang),
                lambda e=event.id: self.bring(e),
                tooltip=event.text.get(lang),
                kind="@left_button",
            )
        if pages > 1:
            x = right
            for caption, step, enabled in (
                (t("Later"), 1, self.page < pages - 1),
                (t("Earlier"), -1, self.page > 0),
            ):
                w = self.fitted(caption, None, 130)
                x -= w
                rect = pygame.Rect(x, bottom, w, back_h)
                self.button(rect, caption, lambda s=step: self.turn(s), enabled=enabled)
                x -= gap
        self.move_focus(1)

    def turn(self, step: int) -> None:
        self.page += step
        self.rebuild()

    def toggle_teams(self) -> None:
        self.every_team = not self.every_team
        self.controller.news_to_every_team = self.every_team
        self.rebuild()

    def bring(self, event_id: str) -> None:
        self.controller.inject(event_id, self.every_team)
        self.app.play("confirm")
        self.back_to_over()

    def back(self) -> None:
        self.app.go(self.app.scenes.facilitator(self.app, self.over))

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.app.palette, self.app.fonts
        self.draw_hint(surface)
        if self.pages > 1:
            note = self.t("Page {n} of {total}").format(n=self.page + 1, total=self.pages)
            where = (self.r(1220, 0, 0, 0).left, self.hint_rect.top - self.u(4))
            text(surface, fonts.get(16, True), note, palette.text_dim, where, "bottomright")
