"""The briefing: the dashboard at the start of a round, with this round's news."""

from __future__ import annotations

import html

import pygame

from game.ui.dashboard import (
    competence_grid,
    lines_panel,
    panel,
    relation_phases,
    resources,
    resources_height,
)
from game.ui.scenes.round.base import RoundScene


class BriefingScene(RoundScene):
    """The dashboard at the start of a round, with this round's news."""

    name = "briefing"

    def columns(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The dashboard's three panels; the side ones widen with the type size (their words
        must fit), the network in the middle takes what is left."""
        grow = 1 + (self.fs - 1) * 0.8
        left_w, right_w = round(300 * grow), round(304 * grow)
        left = self.r(16, 64, left_w, 476)
        right = self.r(1264 - right_w, 64, right_w, 476)
        middle = self.r(16 + left_w + 12, 64, 1264 - right_w - 12 - (16 + left_w + 12), 476)
        return left, middle, right

    def build(self) -> None:
        t = self.t
        label_text = (
            t("To the initiatives") if self.state.current_initiatives else t("To development")
        )
        saves = self.app.saves
        side = [t("Help"), t("Settings")]
        width = max(
            self.fitted(label_text, "@big_button", 234),
            self.fitted(t("Save"), "@small_button", 234),
            sum(self.fitted(c, "@small_button", 100) for c in side) + self.u(14),
        )
        right = self.r(1264, 0, 0, 0).left
        left = right - width
        small_h = max(self.u(40), self._button_height("@small_button"))
        big_h = max(self.u(58), self._button_height("@big_button"))
        top = self.r(0, 552, 0, 0).top
        bottom = self.r(0, 708, 0, 0).top
        gap = max(self.u(4), (bottom - top - 2 * small_h - big_h) // 2)
        self.news = self.text_box(
            pygame.Rect(
                self.r(16, 0, 0, 0).left, self.r(0, 548, 0, 0).top, left - self.u(30), self.u(160)
            ),
            self._news_html(),
            must_read=True,
        )
        self.button(
            pygame.Rect(left, top, width, small_h),
            t("Save"),
            self.save,
            enabled=saves is not None,
            tooltip=self.saved or (None if saves is not None else t("This window keeps no saves.")),
            kind="@small_button",
        )
        self.main = self.button(
            pygame.Rect(left, top + small_h + gap, width, big_h),
            label_text,
            self.next,
            kind="@big_button",
        )
        half = (width - self.u(14)) // 2
        for i, (caption, key) in enumerate(zip(side, (pygame.K_F1, pygame.K_F2), strict=True)):
            self.button(
                pygame.Rect(left + i * (half + self.u(14)), bottom - small_h, half, small_h),
                caption,
                lambda key=key: self.handle_event(_key(key)),
                kind="@small_button",
            )
        self.title_button()
        if self._focus is None:
            self._focus_on(self.main)

    def on_enter(self) -> None:
        self.saved: str | None = None

    def save(self) -> None:
        """Save a named slot with a small picture of the screen, for the list of saves."""
        import io

        from game.saves import SaveError

        store, controller = self.app.saves, self.controller
        if store is None or controller.scenario is None:
            return
        picture = pygame.transform.smoothscale(self.app.screen, (320, 180))
        buffer = io.BytesIO()
        pygame.image.save(picture, buffer, "png")
        word = self.t("round")  # outside the f-string, so ``make messages`` finds it
        name = f"{controller.team} {word} {self.state.round}"
        try:
            store.save_slot(
                name,
                self.state,
                controller.scenario,
                controller.team,
                buffer.getvalue(),
                game_id=controller.game_id,
                scenario_file=controller.scenario_file,
            )
            self.saved = self.t("Saved as {name}.").format(name=name)
        except (SaveError, OSError) as error:
            explain = getattr(error, "explain", None)
            self.saved = explain(self.lang) if callable(explain) else str(error)
        self.app.play("confirm")
        self.rebuild()
        # The main step has the focus again: Enter must not save a second time.
        self._focus_on(self.main)

    def _news_html(self) -> str:
        scenario = self.controller.scenario
        assert scenario is not None
        state, lang, t = self.state, self.lang, self.t
        e = html.escape
        parts = []
        if state.round == 1 and not state.history:
            heading = e(t("The situation"))
            parts.append(f"<b>{heading}</b><br>{e(scenario.briefing.get(lang))}<br><br>")
        if state.news:
            parts.append("<b>" + e(t("News this round")) + "</b><br>")
            for event_id in state.news:
                event = scenario.event(event_id)
                parts.append(f"<b>{e(event.title.get(lang))}</b> — {e(event.text.get(lang))}<br>")
            for effect in state.news_effects:
                parts.append(f"<i>{e(effect.explain(lang))}</i><br>")
        elif state.round > 1:
            parts.append(
                "<b>"
                + e(t("News this round"))
                + "</b><br>"
                + e(t("A quiet round: no news."))
                + "<br>"
            )
        count = len(state.current_initiatives)
        parts.append("<br>" + e(t("Initiatives on the table:")) + f" {count}")
        if self.saved:
            parts.append("<br><b>" + e(self.saved) + "</b>")
        problem = self.controller.autosave_error
        if problem is not None:
            explain = getattr(problem, "explain", None)
            reason = explain(lang) if callable(explain) else str(problem)
            warning = e(t("The game could not be saved automatically:")) + " " + e(reason)
            parts.append(f"<br><font color='#ff9d8f'><b>{warning}</b></font>")
        return "".join(parts)

    def next(self) -> None:
        if self.state.finished:
            self.app.go(self.app.scenes.debrief)
        elif self.state.current_initiatives:
            self.app.go(self.app.scenes.decision, 0)
        else:
            self.app.go(self.app.scenes.development)

    def default_action(self) -> None:
        self.next()

    def back(self) -> None:

        self.app.go(self.app.scenes.title)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        self.top_bar(surface, t("Briefing"))
        left, middle, right = self.columns()
        panel(surface, left, palette, self.u(10))
        inner = left.inflate(-self.u(24), -self.u(20))
        ladder = pygame.Rect(inner.left, inner.top, inner.width, round(inner.height * 0.58))
        relation_phases(surface, ladder, self.state, palette, fonts, t, self.lang)
        grid = pygame.Rect(
            inner.left,
            ladder.bottom + self.u(14),
            inner.width,
            inner.bottom - ladder.bottom - self.u(14),
        )
        competence_grid(surface, grid, self.state.stage, palette, fonts, t)
        self.draw_network_panel(surface, middle)
        panel(surface, right, palette, self.u(10))
        inner = right.inflate(-self.u(24), -self.u(20))
        res_h = resources_height(fonts, inner.width, t)
        lines_panel(
            surface,
            pygame.Rect(inner.left, inner.top, inner.width, inner.height - res_h - self.u(8)),
            self.state,
            palette,
            fonts,
            t,
            self.lang,
        )
        state = self.state
        resources(
            surface,
            pygame.Rect(inner.left, inner.bottom - res_h, inner.width, res_h),
            state.capacity_this_round,
            state.capacity_this_round,
            state.budget,
            palette,
            fonts,
            t,
        )


def _key(key: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="")
