"""The debrief's result tab: the score and its title, the three lines, and advice."""

from __future__ import annotations

import pygame

from game.domain import GameLength, Indicator
from game.labels import label, score_title
from game.sim.score import Line, line_strengths, score, weakest_line
from game.ui.dashboard import panel
from game.ui.look import block_height, shortened, text, text_block, wrap
from game.ui.scenes.debrief.advice import advice_lines, scenario_advice
from game.ui.scenes.round.base import RoundScene
from game.ui.words import line_name


class ResultTab(RoundScene):
    """Draws the result tab; the debrief (``DebriefScene``) gives it ``area`` and ``points``."""

    def _draw_result(self, surface: pygame.Surface) -> None:
        palette = self.app.palette
        area = self.area
        grow = 1 + (self.fs - 1) * 0.6
        box = pygame.Rect(area.left, area.top, round(self.u(560) * grow), area.height)
        panel(surface, box, palette, self.u(10))
        self._draw_score(surface, box.inflate(-self.u(32), -self.u(24)))
        side = pygame.Rect(
            box.right + self.u(12), area.top, area.right - box.right - self.u(12), area.height
        )
        panel(surface, side, palette, self.u(10))
        self._draw_advice(surface, side.inflate(-self.u(28), -self.u(24)))

    def _draw_score(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """The score and its title, what it is made of, the length played and the predictions."""
        card = score(self.state)
        y = self._draw_headline(surface, inner, card)
        y = self._draw_score_rows(surface, inner, y, self._score_rows(card))
        self._draw_score_notes(surface, inner, y + self.u(8))

    def _draw_headline(self, surface: pygame.Surface, inner: pygame.Rect, card) -> int:
        """The score, large, with its title beside it; returns where the rows start."""
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        y = inner.top
        big = fonts.get(52, True)
        number_rect = text(surface, big, f"{card.total}", palette.accent, (inner.left, y))
        head = fonts.get(17, True)
        text(
            surface,
            head,
            t("Final score"),
            palette.text_dim,
            (number_rect.right + self.u(14), y + self.u(6)),
        )
        title_font = fonts.get(22, True)
        text_block(
            surface,
            title_font,
            score_title(card.title, self.controller.scenario.organisation.kind, lang)
            if self.controller.scenario is not None
            else card.title.get(lang),
            palette.text,
            pygame.Rect(
                number_rect.right + self.u(14),
                y + self.u(6) + head.get_linesize(),
                inner.right - number_rect.right - self.u(14),
                block_height(title_font, 2),
            ),
            max_lines=2,
        )
        return number_rect.bottom + self.u(6)

    def _score_rows(self, card) -> list[tuple[str, str, float]]:
        """What the score is made of: (name, value, points) per part."""
        t, lang, state = self.t, self.lang, self.state
        made = state.predictions_made
        predictions = (
            t("{right} of {made} ({pct}%)").format(
                right=state.predictions_right,
                made=made,
                pct=round(100 * state.predictions_right / made),
            )
            if made
            else t("none made")
        )
        return [
            (
                t("Growth phase"),
                f"{state.phase.level} · {label(state.phase, lang)}",
                card.phase_points,
            ),
            (
                t("Competence"),
                f"{state.stage.level} · {label(state.stage, lang)}",
                card.stage_points,
            ),
            (
                label(Indicator.TRUST, lang).capitalize(),
                f"{state.indicators[Indicator.TRUST]:.0f}",
                card.trust_points,
            ),
            (
                label(Indicator.COMMUNITY_ENERGY, lang).capitalize(),
                f"{state.indicators[Indicator.COMMUNITY_ENERGY]:.0f}",
                card.energy_points,
            ),
            (t("Fitting role chosen"), f"{card.fit_rate * 100:.0f}%", card.fit_points),
            (t("Channels that fitted"), f"{state.channel_record:.0f}", card.channel_points),
            (t("Predictions right"), predictions, card.prediction_points),
        ]

    def _draw_score_rows(
        self,
        surface: pygame.Surface,
        inner: pygame.Rect,
        y: int,
        rows: list[tuple[str, str, float]],
    ) -> int:
        """One row per part: its name, its value and its points on the right; returns the
        height reached."""
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        body, bold = fonts.get(17), fonts.get(17, True)
        points_w = bold.size("300 " + t("pts"))[0]
        name_w = max(body.size(name)[0] for name, _, _ in rows)
        for name, value, points in rows:
            text(surface, body, name, palette.text_dim, (inner.left, y))
            text(
                surface,
                bold,
                f"{points:.0f} " + t("pts"),
                palette.accent,
                (inner.right, y),
                "topright",
            )
            x = inner.left + name_w + self.u(12)
            if x + bold.size(value)[0] > inner.right - points_w - self.u(12):
                y += body.get_linesize()  # a long value goes on a line of its own
                x = inner.left + self.u(16)
            room = inner.right - points_w - self.u(12) - x
            text(surface, bold, shortened(bold, value, room), palette.text, (x, y))
            y += body.get_linesize() + self.u(4)
        return y

    def _draw_score_notes(self, surface: pygame.Surface, inner: pygame.Rect, y: int) -> None:
        """Under the rows, as far as there is room: the length played, and the predictions."""
        palette, fonts, t, state = self.app.palette, self.app.fonts, self.t, self.state
        scenario = self.controller.scenario
        assert scenario is not None
        played = {
            GameLength.SHORT: t("Played: a short game, {n} rounds."),
            GameLength.STANDARD: t("Played: a standard game, {n} rounds."),
            GameLength.FULL: t("Played: the whole scenario, {n} rounds."),
        }[state.length].format(n=scenario.rounds)
        small = fonts.get(16)
        room = inner.bottom - y
        lines = min(2, max(0, room // round(small.get_linesize() * 1.15)))
        if lines:
            area = pygame.Rect(inner.left, y, inner.width, room)
            y += text_block(surface, small, played, palette.text_dim, area, max_lines=lines)
        y += self.u(6)
        if state.predictions_made:
            # The row above shows how many came true; this says why it counts. Shown whole or
            # not at all: half a sentence on a projector is worse than none.
            judged = t("Knowing why a choice works is part of being competent.")
            room = inner.bottom - y
            lines = max(0, room // round(small.get_linesize() * 1.15))
            if 0 < len(wrap(small, judged, inner.width)) <= lines:
                text_block(
                    surface,
                    small,
                    judged,
                    palette.text,
                    pygame.Rect(inner.left, y, inner.width, room),
                    max_lines=lines,
                )

    def _advice_lines(self) -> list[str]:
        """The advice, worded: the weakest line's first."""
        scenario = self.controller.scenario
        assert scenario is not None
        return advice_lines(self.points, scenario, self.state, self.t, self.lang, self.words)

    def _scenario_advice(self) -> str | None:
        """The scenario's own advice for the weakest line, unless the team already did it."""
        scenario = self.controller.scenario
        assert scenario is not None
        return scenario_advice(scenario, self.state, self.lang)

    def _draw_advice(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        state = self.state
        strengths = line_strengths(state)
        weakest = weakest_line(state)
        head, body, bold = fonts.get(18, True), fonts.get(16), fonts.get(16, True)
        y = inner.top
        text(surface, head, t("The three lines at the end"), palette.text_dim, (inner.left, y))
        y += head.get_linesize() + self.u(2)
        value_w = bold.size("100")[0]
        for line in Line:
            colour = palette.bad if line is weakest else palette.text
            name = line_name(line, t) + (" · " + t("weakest") if line is weakest else "")
            text(
                surface,
                body,
                shortened(body, name, inner.width - value_w - self.u(12)),
                colour,
                (inner.left, y),
            )
            text(surface, bold, f"{strengths[line]:.0f}", colour, (inner.right, y), "topright")
            y += body.get_linesize()
        y += self.u(10)
        text(surface, head, t("What to do differently"), palette.text_dim, (inner.left, y))
        y += head.get_linesize() + self.u(4)
        lines = self._advice_lines()
        if not lines:
            text_block(
                surface,
                body,
                t("Nothing stands out: every choice fitted and went well."),
                palette.good,
                pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
            )
            return
        for message in lines:
            needed = block_height(body, len(wrap(body, "• " + message, inner.width)))
            if y + needed > inner.bottom:
                break  # the most important points come first
            y += text_block(
                surface,
                body,
                "• " + message,
                palette.text,
                pygame.Rect(inner.left, y, inner.width, needed),
            ) + self.u(6)
