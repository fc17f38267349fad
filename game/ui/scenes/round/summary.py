"""The round's summary: where the team stands and what lies between it and the next phase."""

from __future__ import annotations

import pygame

from game.domain import Indicator
from game.labels import label
from game.sim import next_phase_gaps
from game.sim.review import end_of_round
from game.sim.score import score
from game.ui.dashboard import (
    panel,
)
from game.ui.look import (
    block_height,
    shortened,
    text,
    text_block,
    wrap,
)
from game.ui.room import room_gate
from game.ui.scenes.round.base import RoundScene
from game.ui.words import (
    gap_text,
    indicator_word,
    signed_number,
)


class SummaryScene(RoundScene):
    """The round in numbers, what stands between the team and the next phase, the score so far."""

    name = "summary"

    def build(self) -> None:
        t = self.t
        finished = self.state.finished
        caption = t("To the debrief") if finished else t("Next round")
        if self.controller.hot_seat:
            caption = t("Next team")
        self.bottom_bar([], (caption, self.next, {}))
        self.title_button()
        self.move_focus(1)

    def next(self) -> None:
        if room_gate(self.app):  # in a hosted workshop: the next round when the host opens it
            return
        if self.controller.hot_seat:
            from game.ui.scenes.workshop.turn import after_turn

            after_turn(self.app)  # the next team takes the laptop
        elif self.state.finished:
            self.app.go(self.app.scenes.debrief)
        else:
            self.app.go(self.app.scenes.briefing)

    def default_action(self) -> None:
        self.next()

    def back(self) -> None:
        self.app.go(self.app.scenes.outcome)

    def draw(self, surface: pygame.Surface) -> None:
        palette, t = self.app.palette, self.t
        state = self.state
        played = state.history[-1].round if state.history else state.round
        self.top_bar(surface, t("Round {n} in numbers").format(n=played))
        grow = 1 + (self.fs - 1) * 0.5
        width = round(700 * grow)
        box = self.r(16, 64, width, 580)
        panel(surface, box, palette, self.u(10))
        self._draw_numbers(surface, box.inflate(-self.u(28), -self.u(24)))
        side = self.r(16 + width + 12, 64, 1264 - (16 + width + 12), 580)
        panel(surface, side, palette, self.u(10))
        self._draw_next(surface, side.inflate(-self.u(28), -self.u(24)))

    def _draw_numbers(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """Each indicator now, its change this round and its words; then phase and stage."""
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        # The round's own move, as the outcome's dashboard showed it: the next round's news
        # comes in its briefing.
        state = end_of_round(self.state)
        previous = self.controller.previous
        bold, body, small = fonts.get(18, True), fonts.get(18), fonts.get(16)
        names = {ind: label(ind, lang).capitalize() for ind in Indicator}
        gap = self.u(18)
        name_w = max(
            max(body.size(n)[0] for n in names.values()),
            body.size(t("Growth phase"))[0],
            body.size(t("Competence"))[0],
            bold.size(t("Indicator"))[0],
        )
        now_x = inner.left + name_w + gap
        now_w = max(bold.size("100")[0], bold.size(t("now"))[0])
        change_x = now_x + now_w + gap
        change_w = max(bold.size("+10")[0], bold.size(t("change"))[0])
        word_x = change_x + change_w + gap
        word_w = inner.right - word_x
        text(surface, bold, t("Indicator"), palette.text_dim, inner.topleft)
        text(surface, bold, t("now"), palette.text_dim, (now_x, inner.top))
        text(surface, bold, t("change"), palette.text_dim, (change_x, inner.top))
        y = inner.top + bold.get_linesize() + self.u(6)
        for ind in Indicator:
            now = state.indicators[ind]
            delta = now - previous.indicators[ind] if previous is not None else 0.0
            text(surface, body, names[ind], palette.text, (inner.left, y))
            text(surface, bold, f"{now:.0f}", palette.text, (now_x, y))
            colour = (
                palette.good if delta >= 0.5 else palette.bad if delta <= -0.5 else palette.neutral
            )
            text(surface, bold, signed_number(delta, lang), colour, (change_x, y))
            used = text_block(
                surface,
                small,
                indicator_word(ind, now, t),
                palette.text_dim,
                pygame.Rect(word_x, y + self.u(2), word_w, 3 * small.get_linesize()),
                line_gap=1.0,
            )
            y += max(body.get_linesize(), used + self.u(2)) + self.u(6)
        y += self.u(12)
        for name, level, term, before in (
            (
                t("Growth phase"),
                state.phase.level,
                state.phase,
                previous.phase if previous else None,
            ),
            (t("Competence"), state.stage.level, state.stage, previous.stage if previous else None),
        ):
            text(surface, body, name, palette.text_dim, (inner.left, y))
            changed = before is not None and before != term
            colour = palette.accent if changed else palette.text
            shown = f"{level} · {label(term, lang)}" + ("  " + t("(new)") if changed else "")
            used = text_block(
                surface,
                bold,
                shown,
                colour,
                pygame.Rect(now_x, y, inner.right - now_x, 2 * bold.get_linesize()),
                line_gap=1.0,
            )
            y += max(body.get_linesize(), used) + self.u(8)

    def _draw_next(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """The score so far, and what stands between the team and the next phase."""
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        state = self.state
        bold, body = fonts.get(18, True), fonts.get(18)
        card = score(state)
        big = fonts.get(34, True)
        number = text(surface, big, f"{card.total}", palette.accent, inner.topright, "topright")
        text(
            surface,
            bold,
            shortened(bold, t("Score so far"), number.left - inner.left - self.u(8)),
            palette.text_dim,
            (inner.left, number.centery),
            "midleft",
        )
        y = number.bottom + self.u(10)
        scenario = self.controller.scenario
        assert scenario is not None

        def block(message: str, font, colour) -> int:
            lines = len(wrap(font, message, inner.width))
            area = pygame.Rect(
                inner.left, y, inner.width, lines * round(font.get_linesize() * 1.15) + 2
            )
            return text_block(surface, font, message, colour, area)

        if state.phase.level >= 4:
            heading = t("{Org} works together: the highest phase.").format(Org=self.words.Org)
            block(heading, bold, palette.good)
            return
        y += block(t("What stands between you and the next phase"), bold, palette.text) + self.u(6)
        gaps = next_phase_gaps(end_of_round(state), scenario)  # as the numbers beside it
        if not gaps:
            block(
                t("Nothing: the phase moves up when the next round confirms it."),
                body,
                palette.good,
            )
            return
        # Measured: a long list steps down a size or two rather than running off the panel.
        lines = ["• " + gap_text(gap, t, lang) for gap in gaps[:6]]
        for size in (18, 17, 16, 15):
            body = fonts.get(size)
            if self._fits(body, lines, inner.width, inner.bottom - y, self.u(4)):
                break
        for line in lines:
            if y + block_height(body, len(wrap(body, line, inner.width))) > inner.bottom + 2:
                break  # only whole requirements show
            y += block(line, body, palette.text) + self.u(4)

    @staticmethod
    def _fits(font, messages: list[str], width: int, room: int, gap: int) -> bool:
        """Whether ``messages``, wrapped one under another, fit ``room`` pixels."""
        step = round(font.get_linesize() * 1.15)
        used = 0
        for message in messages:
            lines = len(wrap(font, message, width))
            if used + block_height(font, lines) > room + 2:
                return False
            used += lines * step + gap
        return True
