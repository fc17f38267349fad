"""The briefing: the dashboard at the start of a round, with this round's news.

The situation and the news are read whole, never scrolled: when they do not fit the box under
the dashboard, they take the dashboard's left and middle first, a page at a time ("More",
Page Down), and the dashboard follows as the last page.
"""

from __future__ import annotations

import pygame

from game.ui.dashboard import (
    competence_grid,
    lines_panel,
    panel,
    relation_phases,
    resources,
    resources_height,
)
from game.ui.scenes.round.ambition import asks_ambition
from game.ui.scenes.round.base import RoundScene
from game.ui.scenes.round.pager import Line, Paged, Pager, draw_page, height_of, lay_out, paginate


class BriefingScene(Paged, RoundScene):
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
            # Help and Settings share the width in equal halves: each half fits the longer.
            2 * max(self.fitted(c, "@small_button", 100) for c in side) + self.u(14),
        )
        right = self.r(1264, 0, 0, 0).left
        left = right - width
        small_h = max(self.u(40), self._button_height("@small_button"))
        big_h = max(self.u(58), self._button_height("@big_button"))
        top = self.r(0, 552, 0, 0).top
        bottom = self.r(0, 708, 0, 0).top
        gap = max(self.u(4), (bottom - top - 2 * small_h - big_h) // 2)
        self._lay_out_pages(left - self.u(30))
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
        self.pager = Pager()

    # --- the situation and the news, in pages ---------------------------------------------------

    def box(self, width: int) -> pygame.Rect:
        """The box under the dashboard, ``width`` pixels wide (up to the buttons)."""
        return pygame.Rect(self.r(16, 0, 0, 0).left, self.r(0, 548, 0, 0).top, width, self.u(160))

    def reading(self) -> pygame.Rect:
        """Where a long situation or much news is read: the dashboard's left and middle and
        the box under them."""
        left, middle, _ = self.columns()
        return pygame.Rect(left.left, left.top, middle.right - left.left, self.u(644))

    def _lay_out_pages(self, box_width: int) -> None:
        """Every page of the briefing: ("read", lines) for the situation and the news over the
        dashboard, ("box", lines) for the dashboard with the box under it. All in the box when
        it fits; else the reading pages first, then the dashboard."""
        self.box_rect = self.box(box_width)
        inner = self._inside(self.box_rect, 1)
        whole = lay_out(self._paragraphs(True), inner.width)
        if height_of(whole) <= inner.height:
            self.views: list[tuple[str, list[Line]]] = [("box", whole)]
        else:
            area = self._inside(self.reading(), 2)
            read = paginate(lay_out(self._paragraphs(False), area.width), area.height)
            rest = self._inside(self.box_rect, 2)
            after = paginate(lay_out(self._paragraphs(None), rest.width), rest.height)
            self.views = [("read", lines) for lines in read] + [("box", lines) for lines in after]
        self.pager.set_pages(len(self.views))
        self.pager_row = None
        if self.pager.pages > 1:
            place = self.reading() if self.view == "read" else self.box_rect
            inner = place.inflate(-self.u(24), -self.u(16))
            self.pager_row = self.pager.build(self, inner.right, inner.bottom)

    def _inside(self, rect: pygame.Rect, pages: int) -> pygame.Rect:
        """The room for text in ``rect``: its padding off, and the pager's row when the text
        takes more than one page (at the bottom of the reading place, at the right of the
        box)."""
        inner = rect.inflate(-self.u(24), -self.u(16))
        if pages > 1:
            row = self._button_height("@small_button") + self.u(8)
            if rect.height > self.u(300):
                inner.height -= row
            else:
                caption_w = max(
                    self.fitted(c, "@small_button", 120)
                    for c in (self.t("More (PgDn)"), self.t("From the start (PgDn)"))
                )
                inner.width -= (
                    caption_w + self.app.fonts.get(18, True).size("88/88")[0] + self.u(24)
                )
        return inner

    @property
    def view(self) -> str:
        return self.views[self.pager.page][0] if getattr(self, "views", None) else "box"

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

    def _paragraphs(self, news: bool | None) -> list[tuple[str, pygame.font.Font, object, int]]:
        """What the group reads, as (message, font, colour, room above): the situation (in the
        first round), the news and what it did, the initiatives on the table, and notes.
        ``news`` True: all of it; False: the situation and the news only; None: the rest."""
        scenario = self.controller.scenario
        assert scenario is not None
        state, lang, t, u = self.state, self.lang, self.t, self.u
        palette, fonts = self.app.palette, self.app.fonts
        head, body, bold = fonts.get(19, True), fonts.get(19), fonts.get(19, True)
        small = fonts.get(17)
        parts: list[tuple[str, pygame.font.Font, object, int]] = []
        reading = news is not None
        if reading and state.round == 1 and not state.history:
            parts.append((t("The situation"), head, palette.accent, 0))
            parts.append((scenario.briefing.get(lang), body, palette.text, u(2)))
        if reading:
            if state.news or state.round > 1:
                parts.append((t("News this round"), head, palette.accent, u(10)))
            for event_id in state.news:
                event = scenario.event(event_id)
                parts.append((event.title.get(lang), bold, palette.text, u(6)))
                parts.append((event.text.get(lang), body, palette.text, 0))
            for effect in state.news_effects:
                parts.append((effect.explain(lang), small, palette.text_dim, u(2)))
            if not state.news and state.round > 1:
                parts.append((t("A quiet round: no news."), body, palette.text, 0))
        if news is False:
            return parts
        count = len(state.current_initiatives)
        parts.append((t("Initiatives on the table:") + f" {count}", body, palette.text, u(10)))
        if self.saved:
            parts.append((self.saved, bold, palette.text, u(6)))
        problem = self.controller.autosave_error
        if problem is not None:
            explain = getattr(problem, "explain", None)
            reason = explain(lang) if callable(explain) else str(problem)
            warning = t("The game could not be saved automatically:") + " " + reason
            parts.append((warning, bold, palette.bad, u(6)))
        return parts

    def next(self) -> None:
        if self.state.finished:
            self.app.go(self.app.scenes.debrief)
        elif asks_ambition(self.app):
            self.app.go(self.app.scenes.ambition)
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
        lines = self.views[self.pager.page][1]
        if self.view == "read":
            place = self.reading()
            panel(surface, place, palette, self.u(10))
            draw_page(surface, lines, self._inside(place, self.pager.pages))
        else:
            panel(surface, self.box_rect, palette, self.u(10))
            draw_page(surface, lines, self._inside(self.box_rect, self.pager.pages))
            self._draw_dashboard(surface, left, middle)
        if self.pager_row is not None:
            self.pager.draw_count(surface, self, self.pager_row)
        panel(surface, right, palette, self.u(10))
        inner = right.inflate(-self.u(24), -self.u(20))
        res_h = resources_height(fonts, inner.width, t, lang=self.lang)
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
            self.lang,
        )

    def _draw_dashboard(self, surface: pygame.Surface, left: pygame.Rect, middle) -> None:
        """The growth phases, the competence stage and the network."""
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
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


def _key(key: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="")
