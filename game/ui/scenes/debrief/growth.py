"""The debrief's growth tab: each relation's phase round by round, and the three lines as charts."""

from __future__ import annotations

import math

import pygame

from game.domain import GrowthPhase, Indicator
from game.labels import label
from game.sim import Line
from game.sim.review import held_back
from game.ui.charts import small_multiple
from game.ui.dashboard import mix, panel
from game.ui.look import text, wrap
from game.ui.scenes.round.base import RoundScene
from game.ui.words import gap_text, line_name


def _line_value(record, line: Line) -> float:
    """A line's value after a round, from the round's record (as ``line_strengths`` counts)."""
    ind = record.indicators
    if line is Line.INTERACTION:
        return ind[Indicator.INTERACTION]
    if line is Line.INITIATIVE_OWNERSHIP:
        return (record.fit_record + ind[Indicator.COMMUNITY_ENERGY]) / 2
    return (ind[Indicator.OWNERSHIP_BREADTH] + ind[Indicator.EMBEDDING] + ind[Indicator.SKILL]) / 3


class GrowthTab(RoundScene):
    """Draws the growth tab; the debrief (``DebriefScene``) gives it ``area``."""

    def _draw_growth(self, surface: pygame.Surface) -> None:
        """The growth phase per relation, round by round, and the three lines as small charts."""
        palette, fonts = self.app.palette, self.app.fonts
        area = self.area
        rows_count = len(self.state.relation_phase) + 1
        held = self._held_back_text()
        held_lines = len(wrap(fonts.get(16), held, area.width - self.u(28))) if held else 0
        needed = (
            (rows_count + 2) * fonts.get(15).get_linesize()
            + fonts.get(18, True).get_linesize()
            + held_lines * fonts.get(16).get_linesize()
        )
        most = 0.62 + 0.08 * min(2, held_lines)  # the held-back line takes from the charts
        share = max(0.45, min(most, (needed + self.u(30)) / area.height))
        top = pygame.Rect(area.left, area.top, area.width, round(area.height * share))
        panel(surface, top, palette, self.u(10))
        self._draw_phase_grid(surface, top.inflate(-self.u(28), -self.u(20)))
        bottom = pygame.Rect(
            area.left, top.bottom + self.u(10), area.width, area.bottom - top.bottom - self.u(10)
        )
        self._draw_line_charts(surface, bottom)

    def _draw_phase_grid(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """A row per relation (the overall phase first), a cell per round, shaded by phase."""
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        history = self.state.history
        head = fonts.get(18, True)
        text(
            surface,
            head,
            t("Growth phase per relation, round by round"),
            palette.text_dim,
            inner.topleft,
        )
        grid_top = inner.top + head.get_linesize() + self.u(6)
        held = self._held_back_text()
        if held:
            body = fonts.get(16)
            for line in wrap(body, held, inner.width):
                text(surface, body, line, palette.text, (inner.left, grid_top))
                grid_top += body.get_linesize()
            grid_top += self.u(4)
        relations = list(self.state.relation_phase)
        rows = [(t("Overall"), [r.phase.level for r in history], True)]
        rows += [
            (
                label(rel, lang).capitalize(),
                [r.relation_phase.get(rel, r.phase).level for r in history],
                False,
            )
            for rel in relations
        ]
        small, bold = fonts.get(15), fonts.get(15, True)
        name_w = max(bold.size(name)[0] for name, _, _ in rows) + self.u(12)
        legend = "   ".join(f"{phase.level} {label(phase, lang)}" for phase in GrowthPhase)
        legend_h = small.get_linesize() if small.size(legend)[0] <= inner.width else 0
        count = max(1, len(history))
        cell_w = (inner.width - name_w) / count
        number_h = small.get_linesize()
        cell_h = (inner.bottom - grid_top - number_h - legend_h - self.u(4)) / len(rows)
        for i in range(count):
            if count > 16 and i % 2:
                continue
            x = inner.left + name_w + (i + 0.5) * cell_w
            text(surface, small, str(history[i].round), palette.text_dim, (x, grid_top), "midtop")
        y0 = grid_top + number_h
        for row, (name, levels, overall) in enumerate(rows):
            y = y0 + row * cell_h
            font = bold if overall else small
            text(
                surface,
                font,
                name,
                palette.text if overall else palette.text_dim,
                (inner.left, y + cell_h / 2),
                "midleft",
            )
            left = inner.left + name_w
            self._draw_phase_cells(surface, levels, left, y, cell_w, cell_h)
        if legend_h:
            text(surface, small, legend, palette.text_dim, (inner.left, inner.bottom - legend_h))

    def _held_back_text(self) -> str | None:
        """Which relation held the overall phase back, and what it lacked (None when none)."""
        scenario = self.controller.scenario
        if scenario is None:
            return None
        held = held_back(self.state, scenario)
        if held is None:
            return None
        t, lang = self.t, self.lang
        names = ", ".join(label(r, lang) for r in held.relations)
        lacked = "; ".join(gap_text(g, t, lang) for g in held.gaps[:3])
        if not held.relations:
            if not lacked:
                return None
            return t("Held back by the organisation as a whole. It lacked: {lacked}.").format(
                lacked=lacked
            )
        phase = f"{held.phase.level} · {label(held.phase, lang)}"
        if not lacked:
            return t(
                "Held back by: {relations} (still {phase}); they had just reached what the next "
                "phase asks."
            ).format(relations=names, phase=phase)
        return t("Held back by: {relations} (still {phase}). They lacked: {lacked}.").format(
            relations=names, phase=phase, lacked=lacked
        )

    def _draw_phase_cells(
        self,
        surface: pygame.Surface,
        levels: list[int],
        left: float,
        y: float,
        cell_w: float,
        cell_h: float,
    ) -> None:
        """One relation's row of cells: darker for a later phase, with its number if it fits."""
        palette, fonts = self.app.palette, self.app.fonts
        for i, level in enumerate(levels):
            box = pygame.Rect(
                round(left + i * cell_w + 1),
                round(y + 1),
                max(1, math.floor(cell_w) - 2),
                max(1, math.floor(cell_h) - 2),
            )
            shade = 0.18 + 0.82 * (level - 1) / 3
            pygame.draw.rect(
                surface,
                mix(palette.accent, palette.panel, shade),
                box,
                border_radius=max(2, self.u(3)),
            )
            digit = fonts.get(14, True)
            if box.width >= digit.size("4")[0] + 4 and box.height >= digit.get_linesize() - 2:
                ink = palette.background if level >= 3 else palette.text
                text(surface, digit, str(level), ink, box.center, "center")

    def _draw_line_charts(self, surface: pygame.Surface, bottom: pygame.Rect) -> None:
        """The three lines, each as a chart of its own, side by side."""
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        history = self.state.history
        width = (bottom.width - 2 * self.u(10)) // 3
        for i, line in enumerate(Line):
            values = [_line_value(record, line) for record in history]
            box = pygame.Rect(
                bottom.left + i * (width + self.u(10)), bottom.top, width, bottom.height
            )
            panel(surface, box, palette, self.u(10))
            small_multiple(
                surface,
                box.inflate(-self.u(24), -self.u(16)),
                line_name(line, t),
                values,
                palette.accent,
                palette,
                fonts,
                [r.round for r in history],
            )
