"""The outcome as a story, one step at a time, with a moment of its own for a new phase."""

from __future__ import annotations

import pygame

from game.domain import Indicator
from game.sim import GameState
from game.ui.dashboard import (
    line_values,
    lines_panel,
    mix,
    panel,
)
from game.ui.look import (
    note,
    shortened,
    text,
    text_block,
    wrap,
)
from game.ui.scenes.round.base import RoundScene

ANIMATION_SECONDS = 0.8


# How long a milestone's moment pulses after it is revealed.
MOMENT_SECONDS = 1.6


class OutcomeScene(RoundScene):
    """The round as a story, one step at a time (Space reveals the next): per decision the
    scenario's own words and what it did, the routine in one line, and a moment of its own for
    a new phase or stage. The list scrolls (wheel, arrow keys, the ˄ ˅ buttons); nothing is
    dropped. The bars move, then stand still."""

    name = "outcome"

    def on_enter(self) -> None:
        from game.ui.story import build_story

        state = self.state
        scenario = self.controller.scenario
        assert scenario is not None
        from game.sim.review import end_of_round
        from game.sim.telling import movements

        effects = self.controller.effects
        record = state.history[-1] if state.history else None
        outcomes = record.outcomes if record is not None else ()
        previous = self.controller.previous
        # The round as it moved the dashboard: from the values the team decided with to the
        # end of the round, before the next round's news (told in the next briefing).
        self.after = end_of_round(state)
        news = tuple(e for e in record.effects if e.source == "event") if record else ()
        moves = (
            movements(
                effects,
                previous.indicators,
                self.after.indicators,
                max(1, len(self.after.relation_interaction)),
                scenario.tuning.inertia,
            )
            if previous is not None and record is not None
            else []
        )
        self.steps = build_story(
            effects, outcomes, scenario, self.lang, self.t, news=news, moves=moves
        )
        self.revealed = 0
        self.clock = 0.0
        self.moment = MOMENT_SECONDS
        # Where the list is scrolled to (layout pixels from its top), or None to follow the
        # newest step.
        self.scroll: int | None = None
        previous = self.controller.previous
        self.before = line_values(previous) if previous is not None else None

    def build(self) -> None:
        t = self.t
        done = self.revealed >= len(self.steps)
        small = "@small_button"
        self.bottom_bar(
            [
                (
                    t("Next step"),
                    self.reveal,
                    {"enabled": not done, "kind": small, "tooltip": t("Space"), "minimum": 170},
                ),
                (t("Show all"), self.reveal_all, {"enabled": not done, "kind": small}),
                ("", lambda: self.scroll_by(-1), {"tooltip": t("Scroll up"), "minimum": 56}),
                ("", lambda: self.scroll_by(1), {"tooltip": t("Scroll down"), "minimum": 56}),
            ],
            (t("Continue"), self.next, {}),
        )
        self.arrows = (self._focusable[2], self._focusable[3])
        self.title_button()
        if self._focus is None:
            self.move_focus(1)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """The scroll buttons' arrows (the text font has no arrow signs)."""
        colour = self.app.palette.text
        for widget, up in zip(self.arrows, (True, False), strict=True):
            rect = widget.get_abs_rect()
            half = max(5, min(rect.width, rect.height) // 5)
            cx, cy = rect.center
            tip = -half if up else half
            points = [(cx - half, cy - tip // 2), (cx + half, cy - tip // 2), (cx, cy + tip)]
            pygame.draw.polygon(surface, colour, points)
        super().draw_overlay(surface)

    @property
    def entries(self) -> list:
        """The steps to reveal (the facilitator panel asks how many are left)."""
        return self.steps

    @property
    def animating(self) -> bool:
        return self.clock < ANIMATION_SECONDS or self.moment < MOMENT_SECONDS

    def update(self, dt: float) -> None:
        if self.clock < ANIMATION_SECONDS:
            self.clock = min(ANIMATION_SECONDS, self.clock + dt)
        if self.moment < MOMENT_SECONDS:
            self.moment = min(MOMENT_SECONDS, self.moment + dt)

    def reveal(self) -> None:
        if self.revealed < len(self.steps):
            self.revealed += 1
            self.scroll = None
            if self.steps[self.revealed - 1].kind == "milestone":
                self.moment = 0.0
                self.app.play("phase")
            else:
                self.app.play("reveal")
            if self.revealed == len(self.steps):
                self.rebuild()

    def reveal_all(self) -> None:
        milestone = any(s.kind == "milestone" for s in self.steps[self.revealed :])
        self.revealed = len(self.steps)
        self.scroll = None
        if milestone:
            self.moment = 0.0
            self.app.play("phase")
        self.rebuild()

    # --- scrolling ----------------------------------------------------------------------------

    def story_area(self) -> pygame.Rect:
        box = self.r(16, 64, 700, 580)
        inner = box.inflate(-self.u(28), -self.u(24))
        head = self.app.fonts.get(18, True).get_linesize() + self.u(10)
        return pygame.Rect(inner.left, inner.top + head, inner.width, inner.height - head)

    def _layout(self, width: int) -> list[tuple[int, int, str, pygame.font.Font, object, int]]:
        """The revealed steps as lines: (step, x offset, text, font, colour, height)."""
        from game.ui.story import MARKS

        fonts, palette = self.app.fonts, self.app.palette
        title_font, badge_font = fonts.get(20, True), fonts.get(16)
        head_font, body = fonts.get(18), fonts.get(16)
        indent = self.u(22)
        rows: list[tuple[int, int, str, pygame.font.Font, object, int]] = []
        for index, step in enumerate(self.steps[: self.revealed]):
            colour = {"good": palette.good, "bad": palette.bad}.get(step.tone, palette.neutral)
            for line in wrap(title_font, step.title, width - indent):
                rows.append(
                    (index, indent, line, title_font, palette.accent, title_font.get_linesize())
                )
            if step.badge:
                for line in wrap(badge_font, step.badge, width - indent):
                    rows.append(
                        (index, indent, line, badge_font, colour, badge_font.get_linesize())
                    )
            if step.headline:
                for line in wrap(head_font, step.headline, width - indent):
                    rows.append(
                        (index, indent, line, head_font, palette.text, head_font.get_linesize())
                    )
            for item in step.lines:
                ink = {"good": palette.good, "bad": palette.bad}.get(item.tone, palette.neutral)
                mark = MARKS[item.tone]
                for n, line in enumerate(wrap(body, item.text, width - 2 * indent)):
                    rows.append(
                        (
                            index,
                            2 * indent,
                            line,
                            body,
                            ("mark", mark, ink) if n == 0 else None,
                            body.get_linesize(),
                        )
                    )
            rows.append((index, 0, "", body, None, self.u(12)))
        return rows

    def _offset(self) -> int:
        """How far the list is scrolled: the team's choice, or so the newest step shows from
        its headline down (all of it when it fits under the ones before)."""
        area = self.story_area()
        rows = self._layout(area.width)
        total = sum(row[5] for row in rows)
        most = max(0, total - area.height)
        if self.scroll is None:
            latest = self.revealed - 1
            start = 0
            for index, *_rest, height in rows:
                if index == latest:
                    break
                start += height
            return min(most, start)
        return max(0, min(most, self.u(self.scroll)))

    def scroll_by(self, steps: int) -> None:
        line = self.app.fonts.get(16).get_linesize() * 3
        current = self._offset() / max(0.01, self.app.scale)
        self.scroll = max(0, round(current + steps * line / max(0.01, self.app.scale)))
        self.app.invalidate()

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-int(event.y))
            return
        super().handle_event(event)

    def on_key(self, event: pygame.event.Event) -> None:
        key = event.key
        if key == pygame.K_SPACE:
            self.reveal()
        elif key in (pygame.K_UP, pygame.K_PAGEUP):
            self.scroll_by(-1 if key == pygame.K_UP else -4)
        elif key in (pygame.K_DOWN, pygame.K_PAGEDOWN):
            self.scroll_by(1 if key == pygame.K_DOWN else 4)
        elif key == pygame.K_HOME:
            self.scroll = 0
            self.app.invalidate()
        elif key == pygame.K_END:
            self.scroll = None
            self.app.invalidate()
        else:
            super().on_key(event)

    def next(self) -> None:
        self.app.go(self.app.scenes.summary)

    def default_action(self) -> None:
        if self.revealed < len(self.steps):
            self.reveal()
        else:
            self.next()

    def back(self) -> None:
        self.next()

    # --- drawing ------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        state = self.state
        played = state.history[-1].round if state.history else state.round
        self.top_bar(surface, t("Outcome of round {n}").format(n=played))
        box = self.r(16, 64, 700, 580)
        panel(surface, box, palette, self.u(10))
        inner = box.inflate(-self.u(28), -self.u(24))
        header = t("Step {n} of {total}").format(n=self.revealed, total=len(self.steps))
        text(surface, fonts.get(18, True), header, palette.text_dim, inner.topleft)
        area = self.story_area()
        if not self.steps:
            text_block(surface, fonts.get(18), t("Nothing changed this round."), palette.text, area)
        elif self.revealed == 0:
            hint = t("Press Space or Enter to reveal the first step.")
            text_block(surface, fonts.get(20), hint, palette.accent, area)
        else:
            self._draw_story(surface, area)
        latest = self.steps[self.revealed - 1] if self.revealed else None
        if latest is not None and latest.kind == "milestone":
            self._draw_moment(surface, latest)
        else:
            self.draw_network_panel(surface, self.r(728, 64, 536, 280), highlight=True)
        right = self.r(728, 352, 536, 292)
        panel(surface, right, palette, self.u(10))
        inner = right.inflate(-self.u(24), -self.u(16))
        progress = 1.0 if self.before is None else min(1.0, self.clock / ANIMATION_SECONDS)
        shown_state = self._tweened(progress)
        lines_panel(surface, inner, shown_state, palette, fonts, t, self.lang, before=self.before)

    def _draw_story(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        palette, fonts = self.app.palette, self.app.fonts
        rows = self._layout(area.width)
        offset = self._offset()
        latest = self.revealed - 1
        mark_font = fonts.get(18, True)
        y = area.top - offset
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        for index, x, line, font, colour, height in rows:
            top = y
            y += height
            starts.setdefault(index, top)
            ends[index] = top + height
            if top < area.top or top + font.get_linesize() > area.bottom or not line:
                continue  # only whole lines show; the list scrolls
            fade = index != latest
            if isinstance(colour, tuple) and colour and colour[0] == "mark":
                _, mark, ink = colour
                text(surface, mark_font, mark, ink, (area.left + x - self.u(20), top - self.u(1)))
                colour = palette.text
            elif colour is None:
                colour = palette.text
            ink = mix(colour, palette.panel, 0.62) if fade else colour
            text(surface, font, line, ink, (area.left + x, top))
        # A bar beside each step in its tone, so a glance tells good from bad news.
        for index, top in starts.items():
            step = self.steps[index]
            colour = {"good": palette.good, "bad": palette.bad}.get(step.tone, palette.neutral)
            if index != latest:
                colour = mix(colour, palette.panel, 0.5)
            bottom = ends[index] - self.u(12)
            top, bottom = max(top, area.top), min(bottom, area.bottom)
            if bottom > top:
                pygame.draw.rect(
                    surface,
                    colour,
                    pygame.Rect(area.left, top, self.u(6), bottom - top),
                    border_radius=self.u(3),
                )
        total = y + offset - area.top
        if total > area.height:
            # Where the view is in the list: a thin bar on the right edge.
            track = pygame.Rect(area.right + self.u(6), area.top, self.u(5), area.height)
            pygame.draw.rect(
                surface, mix(palette.text, palette.panel, 0.15), track, border_radius=self.u(2)
            )
            share = area.height / total
            thumb = track.copy()
            thumb.height = max(self.u(20), round(track.height * share))
            thumb.top = track.top + round(
                (track.height - thumb.height) * offset / max(1, total - area.height)
            )
            pygame.draw.rect(surface, palette.text_dim, thumb, border_radius=self.u(2))

    def _draw_moment(self, surface: pygame.Surface, step) -> None:
        """A new phase or stage: a card over the network, big enough for the back row."""
        palette, fonts = self.app.palette, self.app.fonts
        card = self.r(728, 64, 536, 280)
        colour = palette.good if step.tone == "good" else palette.bad
        pulse = 1.0 - min(1.0, self.moment / MOMENT_SECONDS)
        pygame.draw.rect(surface, palette.background, card, border_radius=self.u(14))
        note("panel", card)
        edge = max(3, self.u(4 + round(6 * pulse)))
        pygame.draw.rect(surface, colour, card, width=edge, border_radius=self.u(14))
        inner = card.inflate(-self.u(36), -self.u(28))
        big = fonts.get(30, True)
        y = inner.top
        for line in wrap(big, step.title, inner.width):
            text(surface, big, line, colour, (inner.left, y))
            y += big.get_linesize()
        y += self.u(6)
        y += self.u(4)
        items = step.moment or step.lines
        room = inner.bottom - y
        for size in (22, 20, 18, 16, 15, 14, 13):
            font = fonts.get(size, True)
            widest = max(font.size(item.text)[0] for item in items)
            if len(items) * font.get_linesize() <= room and widest <= inner.width - self.u(28):
                break
        shown = max(1, min(len(items), room // font.get_linesize()))
        mark = fonts.get(size, True)
        for item in items[:shown]:
            ink = {"good": palette.good, "bad": palette.bad}.get(item.tone, palette.text)
            sign = "+" if item.tone == "good" else "−" if item.tone == "bad" else "•"
            text(surface, mark, sign, ink, (inner.left, y))
            text(
                surface,
                font,
                shortened(font, item.text, inner.width - self.u(28)),
                palette.text,
                (inner.left + self.u(28), y),
            )
            y += font.get_linesize()

    def _tweened(self, progress: float) -> GameState:
        """A copy of the state with the indicators part-way from before to after (display only)."""
        previous = self.controller.previous
        state = self.after
        if previous is None or progress >= 1.0:
            return self.after
        eased = 1 - (1 - progress) ** 3
        shown = state.clone()
        for ind in Indicator:
            shown.indicators[ind] = (
                previous.indicators[ind]
                + (state.indicators[ind] - previous.indicators[ind]) * eased
            )
        return shown
