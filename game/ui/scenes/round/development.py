"""Development: what the organisation invests in itself this round."""

from __future__ import annotations

import pygame

from game.labels import label
from game.ui.dashboard import (
    panel,
    resources,
    resources_height,
)
from game.ui.look import (
    block_height,
    must_read,
    shortened,
    text,
    text_block,
    wrap,
)
from game.ui.room import room_gate
from game.ui.scenes.round.base import RoundScene
from game.ui.scenes.round.pager import Paged, Pager
from game.ui.words import listed, money

DIGITS = {getattr(pygame, f"K_{i}"): i for i in range(1, 10)}


class DevelopmentScene(Paged, RoundScene):
    """Investments in the organisation, then the confirm that resolves the round.

    Every action shows its whole description under its button: the group weighs them side by
    side. The rows are as tall as the type size needs; what does not fit on the screen goes on
    a next page ("More", Page Down), and a number key turns to its action's page."""

    name = "development"

    def on_enter(self) -> None:
        self.detail: str | None = None
        self.pager = Pager()

    def lay_out_offers(self) -> None:
        """The actions in pages: each its button, cost and whole description, as many a page
        as fit between the heading and the foot (the pager and the note on what comes
        later). Sets ``offer_top``, ``offer_heights``, ``offer_pages`` and the page count."""
        fonts, u = self.app.fonts, self.u
        self.offer_top = self.r(0, 64, 0, 0).top + fonts.get(20, True).get_linesize() + u(8)
        bottom = self.r(0, 644, 0, 0).top
        self.button_h = max(u(42), self._button_height("@left_button"))
        small = fonts.get(16)
        room = self._text_width()
        self.offer_heights = [
            self.button_h
            + u(2)
            + block_height(small, len(wrap(small, action.text.get(self.lang), room)))
            + u(8)
            for action, _ in self.offers[:9]
        ]
        foot = max(small.get_linesize(), self._button_height("@small_button")) + u(6)
        pages: list[list[int]] = [[]]
        used = 0
        for i, height in enumerate(self.offer_heights):
            if pages[-1] and used + height > bottom - foot - self.offer_top:
                pages.append([])
                used = 0
            pages[-1].append(i)
            used += height
        self.offer_pages = pages
        self.pager.set_pages(len(pages))
        self.pager_row = None
        if self.pager.pages > 1:
            self.pager_row = self.pager.build(self, self.columns()[0].left - u(16), bottom)

    def _text_width(self) -> int:
        side, _ = self.columns()
        return side.left - self.r(16, 0, 0, 0).left - self.u(20)

    def columns(self) -> tuple[pygame.Rect, int]:
        """The plan's panel on the right, and where the cost column starts."""
        width = round(564 - (self.fs - 1) * 100)
        side = self.r(1264 - width, 64, width, 570)
        cost_w = self.app.fonts.get(16).size("88 " + self.t("h") + " · " + money(888, self.lang))[0]
        return side, side.left - self.u(16) - cost_w

    def build(self) -> None:
        t, lang = self.t, self.lang
        planned = self.controller.plan.actions
        hours_unit = t("h")
        self.offers = [(a, ok) for a, ok in self.controller.actions() if ok or a.id in planned]
        self.lay_out_offers()
        _, cost_x = self.columns()
        left = self.r(16, 0, 0, 0).left
        y = self.offer_top
        self.offer_buttons = []
        for i in self.offer_pages[self.pager.page]:
            action = self.offers[i][0]
            cost = action.cost
            caption = f"{i + 1}  {action.title.get(lang)}"
            button = self.button(
                pygame.Rect(left, y, cost_x - self.u(10) - left, self.button_h),
                caption,
                lambda aid=action.id: self.toggle(aid),
                selected=action.id in planned,
                tooltip=action.text.get(lang)
                + f" ({cost.capacity} {hours_unit}, {money(cost.budget, lang)})",
                kind="@left_button",
            )
            self.offer_buttons.append(button)
            y += self.offer_heights[i]
        problems = self.controller.problems()
        ok = not problems
        why = None if ok else problems[0].explain(lang)
        self.bottom_bar(
            [(t("Back"), self.back, {})],
            (t("Resolve the round"), self.resolve, {"enabled": ok, "tooltip": why}),
        )
        self.title_button()

    def toggle(self, action_id: str) -> None:
        self.controller.toggle_action(action_id)
        self.detail = action_id
        # The page and the focus follow the action chosen (by its number key too).
        ids = [action.id for action, _ in self.offers[:9]]
        if action_id in ids:
            index = ids.index(action_id)
            pages = getattr(self, "offer_pages", [ids])
            for number, page in enumerate(pages):
                if index in page:
                    self.pager.page = number
                    self._focus = page.index(index)
        self.rebuild()

    def on_key(self, event: pygame.event.Event) -> None:
        number = DIGITS.get(event.key)
        if number is not None and number <= min(9, len(self.offers)):
            self.toggle(self.offers[number - 1][0].id)
            return
        super().on_key(event)

    def resolve(self) -> None:
        if self.controller.problems():
            self.rebuild()
            return
        self.controller.resolve()
        self.app.play("reveal")
        if not room_gate(self.app):  # in a hosted workshop: the outcome when the host shows it
            self.app.go(self.app.scenes.outcome)

    def default_action(self) -> None:
        self.resolve()

    def back(self) -> None:
        count = len(self.state.current_initiatives)
        if count:
            self.app.go(self.app.scenes.decision, count - 1)
        else:
            self.app.go(self.app.scenes.briefing)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        self.top_bar(surface, t("Development of the organisation"))
        side, cost_x = self.columns()
        left = self.r(16, 0, 0, 0).left
        head = fonts.get(20, True)
        text(
            surface,
            head,
            shortened(
                head, t("Invest in the organisation (keys 1–9)"), side.left - left - self.u(12)
            ),
            palette.text_dim,
            (left, self.r(0, 64, 0, 0).top),
        )
        small = fonts.get(16)
        hours_unit = t("h")
        room = self._text_width()
        y = self.offer_top
        for i in self.offer_pages[self.pager.page]:
            action = self.offers[i][0]
            about = pygame.Rect(left + self.u(8), y + self.button_h + self.u(2), room, 0)
            about.height = self.offer_heights[i] - self.button_h - self.u(2)
            text_block(surface, small, action.text.get(lang), palette.text_dim, about)
            must_read(about, action.text.get(lang))
            cost = action.cost
            label_text = f"{cost.capacity} {hours_unit} · {money(cost.budget, lang)}"
            middle = y + self.button_h // 2
            text(surface, small, label_text, palette.text_dim, (cost_x, middle), "midleft")
            y += self.offer_heights[i]
        if not self.offers:
            nothing = text(
                surface,
                fonts.get(18),
                t("Nothing to invest in this round."),
                palette.text,
                (left, y),
            )
            y = nothing.bottom + self.u(6)  # the note on what comes later goes under it
        # The note on what comes later, at the foot beside the pager.
        locked = sum(1 for _, ok in self.controller.actions() if not ok)
        if locked:
            message = t("Later, as {org} grows: {n} more.").format(n=locked, org=self.words.org)
            row = self.pager_row
            if row is None or y + small.get_linesize() <= row.top - self.u(4):
                # Under the last action, whole, when the page leaves room for it.
                shown = shortened(small, message, side.left - left - self.u(16))
                text(surface, small, shown, palette.text_dim, (left, y))
            else:
                foot = self.r(0, 644, 0, 0).top - self.u(4)
                shown = shortened(small, message, row.left - left - self.u(16))
                text(surface, small, shown, palette.text_dim, (left, foot), "bottomleft")
        if self.pager_row is not None:
            self.pager.draw_count(surface, self, self.pager_row)
        self._draw_plan(surface, side)

    def _plan_entries(
        self, size: int, detail: bool, limit: bool, decisions, problems
    ) -> tuple[list, list]:
        """The plan's texts at body size ``size``, before and after the resources: each
        (message, colour, font, indent, most lines or None, dot colour or None, gap after).
        ``detail``: the chosen action's description too; ``limit``: long texts end in "…"."""
        palette, fonts, lang, t = self.app.palette, self.app.fonts, self.lang, self.t
        scenario = self.controller.scenario
        assert scenario is not None
        body, bold = fonts.get(size), fonts.get(size, True)
        before: list[tuple] = []
        for decision in decisions.initiatives:
            title = scenario.initiative(decision.initiative).title.get(lang)
            channels = listed(
                (scenario.channel(c).name.get(lang) for c in decision.channels), lang
            ) or t("no channels")
            line = f"{title}: {label(decision.role, lang)} · {channels}"
            dot = palette.role(decision.role)
            before.append((line, palette.text, body, self.u(20), 2 if limit else None, dot, 4))
        for action_id in self.controller.plan.actions:
            title = "+ " + scenario.action(action_id).title.get(lang)
            before.append((title, palette.accent, body, 0, 1 if limit else None, None, 2))
        after: list[tuple] = []
        if detail and self.detail:
            message = scenario.action(self.detail).text.get(lang)
            after.append((message, palette.text_dim, fonts.get(size - 1), 0, 3, None, 8))
        for problem in problems[:3]:
            message = problem.explain(lang)
            after.append((message, palette.bad, bold, 0, 2 if limit else None, None, 4))
        return before, after

    def _entry_lines(self, entry: tuple, width: int) -> int:
        message, _, font, indent, most, _, _ = entry
        lines = len(wrap(font, message, width - indent))
        return lines if most is None else min(lines, most)

    def _plan_fits(self, inner: pygame.Rect, top: int, res_h: int, entries) -> bool:
        """Whether the plan's texts, measured, fit between ``top`` and the panel's bottom."""
        y = top
        before, after = entries
        for i, group in enumerate((before, after)):
            for entry in group:
                font = entry[2]
                lines = self._entry_lines(entry, inner.width)
                if y + block_height(font, lines) > inner.bottom + 2:
                    return False
                y += lines * round(font.get_linesize() * 1.15) + self.u(entry[6])
            if i == 0:
                y += self.u(10) + res_h
                if y > inner.bottom:
                    return False
                y += self.u(10)
        return True

    def _draw_plan(self, surface: pygame.Surface, side: pygame.Rect) -> None:
        """The team's plan: decisions, investments, what is left, and what is still wrong.
        Measured: at a large type size a long plan drops the chosen action's description
        first, then steps down a size, and only then ends long lines in "…"."""
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        panel(surface, side, palette, self.u(10))
        inner = side.inflate(-self.u(28), -self.u(24))
        y = inner.top
        heading = fonts.get(18, True)
        text(surface, heading, t("Your plan for this round"), palette.text_dim, (inner.left, y))
        y += heading.get_linesize() + self.u(4)
        res_h = resources_height(fonts, inner.width, t, lang=self.lang)
        tries = ((17, True, False), (17, False, False), (16, False, False), (15, False, False))
        decisions, problems = self.controller.decisions(), self.controller.problems()
        size, entries = 15, self._plan_entries(15, False, True, decisions, problems)
        for option in tries:
            candidate = self._plan_entries(*option, decisions, problems)
            if self._plan_fits(inner, y, res_h, candidate):
                size, entries = option[0], candidate
                break
        body = fonts.get(size)

        def block(entry: tuple, reserve: int = 0) -> None:
            nonlocal y
            message, colour, font, indent, most, dot, gap = entry
            lines = self._entry_lines(entry, inner.width)
            if y + block_height(font, lines) + reserve > inner.bottom + 2:
                return  # the last resort's leftovers: never drawn over the edge
            if dot is not None:
                centre = (inner.left + self.u(6), y + font.get_linesize() // 2)
                pygame.draw.circle(surface, dot, centre, self.u(6))
            area = pygame.Rect(
                inner.left + indent, y, inner.width - indent, block_height(font, lines)
            )
            y += text_block(surface, font, message, colour, area, max_lines=most) + self.u(gap)

        before, after = entries
        for entry in before:
            block(entry, reserve=self.u(10) + res_h)
        cost = self.controller.cost()
        y += self.u(10)
        resources(
            surface,
            pygame.Rect(inner.left, y, inner.width, res_h),
            cost.hours_available - cost.hours,
            cost.hours_available,
            cost.budget_available - cost.budget,
            palette,
            fonts,
            t,
            self.lang,
        )
        y += res_h + self.u(10)
        for entry in after:
            block(entry)
        if not problems:
            message = t("All set. Resolve the round when the group agrees.")
            lines = len(wrap(body, message, inner.width))
            if y + block_height(body, lines) <= inner.bottom + 2:  # a hint: only when it fits
                block((message, palette.good, body, 0, None, None, 0))
