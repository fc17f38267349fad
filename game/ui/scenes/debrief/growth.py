"""The debrief's growth tab: each relation's phase round by round, and the three lines as charts."""

from __future__ import annotations

import math

import pygame

from game.domain import GrowthPhase, Indicator
from game.labels import label
from game.sim import Line
from game.sim.ambition import AmbitionLine, ambition_review
from game.sim.phases import relations_in_play
from game.sim.review import held_back
from game.sim.rules import compile_rules
from game.ui.charts import chart_height, small_multiple
from game.ui.dashboard import mix, panel
from game.ui.look import text, wrap
from game.ui.scenes.round.base import RoundScene
from game.ui.words import gap_text, line_name, listed


def _line_value(record, line: Line) -> float:
    """A line's value after a round, from the round's record (as ``line_strengths`` counts)."""
    ind = record.indicators
    if line is Line.INTERACTION:
        return ind[Indicator.INTERACTION]
    if line is Line.INITIATIVE_OWNERSHIP:
        return (record.fit_record + ind[Indicator.COMMUNITY_ENERGY]) / 2
    return (ind[Indicator.OWNERSHIP_BREADTH] + ind[Indicator.EMBEDDING] + ind[Indicator.SKILL]) / 3


# After the name of a relation that does not count for the overall phase; the legend says why.
ASIDE_MARK = "*"
# The least height (layout units at 1280×720) a chart's line gets before the charts move
# beside the table instead of under it.
CHART_PLOT = 70
# The share of the width the table keeps when the charts stand beside it.
TABLE_SHARE = 0.6


class GrowthTab(RoundScene):
    """Draws the growth tab; the debrief (``DebriefScene``) gives it ``area``."""

    def _draw_growth(self, surface: pygame.Surface) -> None:
        """The growth phase per relation, round by round, and the three lines as small charts:
        under the table when they keep room to be read, else beside it (a long "held back"
        line at a projector's type size), stacked."""
        palette = self.app.palette
        area, gap = self.area, self.u(10)
        pad_x, pad_y = self.u(28), self.u(20)
        needed = self._grid_height(area.width - pad_x) + pad_y
        charts_h = self._chart_height((area.width - 2 * gap) // 3)
        self.chart_plots: list[pygame.Rect | None] = []
        if needed + gap + charts_h <= area.height:
            # The table as tall as it needs, the charts the rest.
            top = pygame.Rect(area.left, area.top, area.width, needed)
            bottom = pygame.Rect(
                area.left, top.bottom + gap, area.width, area.bottom - top.bottom - gap
            )
            charts = self._row(bottom, gap)
        else:
            top = pygame.Rect(area.left, area.top, round(area.width * TABLE_SHARE), area.height)
            side = pygame.Rect(top.right + gap, area.top, area.right - top.right - gap, area.height)
            charts = self._column(side, gap)
        panel(surface, top, palette, self.u(10))
        self._draw_phase_grid(surface, top.inflate(-pad_x, -pad_y))
        self._draw_line_charts(surface, charts)

    def _row(self, box: pygame.Rect, gap: int) -> list[pygame.Rect]:
        width = (box.width - 2 * gap) // 3
        return [
            pygame.Rect(box.left + i * (width + gap), box.top, width, box.height) for i in range(3)
        ]

    def _column(self, box: pygame.Rect, gap: int) -> list[pygame.Rect]:
        height = (box.height - 2 * gap) // 3
        return [
            pygame.Rect(box.left, box.top + i * (height + gap), box.width, height) for i in range(3)
        ]

    def _chart_height(self, width: int) -> int:
        """How tall the lowest chart of ``width`` must be for a readable line."""
        inner = width - self.u(24)
        return self.u(16) + max(
            chart_height(self.app.fonts, line_name(line, self.t), inner, self.u(CHART_PLOT))
            for line in Line
        )

    def _rows(self) -> list[tuple[str, list[int], str]]:
        """The table's rows: (name, phase level per round, kind), kind "overall", "counts" or
        "aside" (a relation the overall phase does not follow: only a chance card meets it)."""
        t, lang = self.t, self.lang
        history = self.state.history
        playing = self._playing()
        rows = [(t("Overall"), [r.phase.level for r in history], "overall")]
        for rel in self.state.relation_phase:
            name = label(rel, lang).capitalize()
            aside = playing is not None and rel not in playing
            rows.append(
                (
                    f"{name} {ASIDE_MARK}" if aside else name,
                    [r.relation_phase.get(rel, r.phase).level for r in history],
                    "aside" if aside else "counts",
                )
            )
        return rows

    def _playing(self) -> frozenset | None:
        """The relations the overall phase follows (None without a scenario)."""
        scenario = self.controller.scenario
        if scenario is None:
            return None
        return frozenset(relations_in_play(self.state, compile_rules(scenario)))

    def _legends(self, width: int) -> list[str]:
        """The lines under the table: what each phase's number means and, when a row does not
        count, why; wrapped to ``width``."""
        small, lang = self.app.fonts.get(15), self.lang
        names = [f"{phase.level} {label(phase, lang)}" for phase in GrowthPhase]
        whole = "   ".join(names)
        lines = [whole] if small.size(whole)[0] <= width else wrap(small, "   ".join(names), width)
        aims = ambition_review(self.state)
        if aims:
            reached = sum(1 for line in aims if line.gap >= 0)
            note = self.t(
                "Aim: the phase you aimed for before round 1, outlined in green where the "
                "relation reached it ({reached} of {total})."
            ).format(reached=reached, total=len(aims))
            lines += wrap(small, note, width)
        if any(kind == "aside" for _, _, kind in self._rows()):
            note = f"{ASIDE_MARK} " + self.t(
                "not counted for the whole: only a chance card meets this relation"
            )
            lines += wrap(small, note, width)
        return lines

    def _held_lines(self, width: int) -> list[str]:
        held = self._held_back_text()
        return wrap(self.app.fonts.get(16), held, width) if held else []

    def _grid_height(self, width: int) -> int:
        """How tall the table (its heading, the held-back line, the rows and the legend) must
        be at ``width`` pixels for its rows to read."""
        fonts = self.app.fonts
        small = fonts.get(15)
        row = max(small.get_linesize(), fonts.get(15, True).get_linesize())
        return (
            fonts.get(18, True).get_linesize()
            + self.u(6)
            + len(self._held_lines(width)) * fonts.get(16).get_linesize()
            + self.u(4)
            + small.get_linesize()  # the rounds' numbers
            + len(self._rows()) * row
            + len(self._legends(width)) * small.get_linesize()
            + self.u(4)
        )

    def _draw_phase_grid(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """A row per relation (the overall phase first), a cell per round, shaded by phase; a
        relation the overall phase does not follow dimmed, with a mark the legend explains."""
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
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
        body = fonts.get(16)
        held = self._held_lines(inner.width)
        for line in held:
            text(surface, body, line, palette.text, (inner.left, grid_top))
            grid_top += body.get_linesize()
        if held:
            grid_top += self.u(4)
        rows = self._rows()
        small, bold = fonts.get(15), fonts.get(15, True)
        name_w = max(bold.size(name)[0] for name, _, _ in rows) + self.u(12)
        legends = self._legends(inner.width)
        legend_h = len(legends) * small.get_linesize()
        aims = {line.relation: line for line in ambition_review(self.state)}
        count = max(1, len(history))
        columns = count + (1.3 if aims else 0)  # the aim's column, a little apart
        cell_w = (inner.width - name_w) / columns
        number_h = small.get_linesize()
        cell_h = (inner.bottom - grid_top - number_h - legend_h - self.u(4)) / len(rows)
        every = max(1, math.ceil(small.size("88")[0] * 1.5 / max(1.0, cell_w)))
        for i in range(0, count, every):
            x = inner.left + name_w + (i + 0.5) * cell_w
            text(surface, small, str(history[i].round), palette.text_dim, (x, grid_top), "midtop")
        aim_x = inner.left + name_w + (count + 0.3) * cell_w
        if aims:
            text(
                surface, small, t("aim"), palette.text_dim, (aim_x + cell_w / 2, grid_top), "midtop"
            )
        y0 = grid_top + number_h
        aside_ink = mix(palette.text_dim, palette.panel, 0.45)
        relations = [None, *self.state.relation_phase]
        for row, (name, levels, kind) in enumerate(rows):
            y = y0 + row * cell_h
            font = bold if kind == "overall" else small
            ink = {"overall": palette.text, "counts": palette.text_dim}.get(kind, aside_ink)
            text(surface, font, name, ink, (inner.left, y + cell_h / 2), "midleft")
            left = inner.left + name_w
            self._draw_phase_cells(surface, levels, left, y, cell_w, cell_h, kind == "aside")
            aim = aims.get(relations[row]) if row < len(relations) else None
            if aim is not None:
                self._draw_aim(
                    surface, aim, pygame.Rect(round(aim_x), round(y), int(cell_w), int(cell_h))
                )
        y = inner.bottom - legend_h
        for line in legends:
            text(surface, small, line, palette.text_dim, (inner.left, y))
            y += small.get_linesize()

    def _held_back_text(self) -> str | None:
        """Which relation held the overall phase back, and what it lacked (None when none)."""
        scenario = self.controller.scenario
        if scenario is None:
            return None
        held = held_back(self.state, scenario)
        if held is None:
            return None
        t, lang = self.t, self.lang
        names = listed((label(r, lang) for r in held.relations), lang)
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

    def _draw_aim(self, surface: pygame.Surface, aim: AmbitionLine, cell: pygame.Rect) -> None:
        """The phase aimed for, outlined: green when the relation reached it, red when not."""
        palette = self.app.palette
        box = cell.inflate(-2, -2)
        ink = palette.good if aim.gap >= 0 else palette.bad
        pygame.draw.rect(surface, ink, box, width=max(2, self.u(2)), border_radius=self.u(3))
        text(surface, self.app.fonts.get(14, True), str(aim.aimed.level), ink, box.center, "center")

    def _draw_phase_cells(
        self,
        surface: pygame.Surface,
        levels: list[int],
        left: float,
        y: float,
        cell_w: float,
        cell_h: float,
        aside: bool = False,
    ) -> None:
        """One relation's row of cells: darker for a later phase, with its number if it fits;
        faded for a relation that does not count for the whole (``aside``)."""
        palette, fonts = self.app.palette, self.app.fonts
        for i, level in enumerate(levels):
            box = pygame.Rect(
                round(left + i * cell_w + 1),
                round(y + 1),
                max(1, math.floor(cell_w) - 2),
                max(1, math.floor(cell_h) - 2),
            )
            shade = 0.18 + 0.82 * (level - 1) / 3
            fill = mix(palette.accent, palette.panel, shade)
            if aside:
                fill = mix(fill, palette.panel, 0.45)
            pygame.draw.rect(
                surface,
                fill,
                box,
                border_radius=max(2, self.u(3)),
            )
            digit = fonts.get(14, True)
            if box.width >= digit.size("4")[0] + 4 and box.height >= digit.get_linesize() - 2:
                ink = palette.background if level >= 3 else palette.text
                if aside:
                    ink = palette.text_dim
                text(surface, digit, str(level), ink, box.center, "center")

    def _draw_line_charts(self, surface: pygame.Surface, boxes: list[pygame.Rect]) -> None:
        """The three lines, each as a chart of its own, in ``boxes``."""
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        history = self.state.history
        self.chart_plots = []
        for box, line in zip(boxes, Line, strict=True):
            values = [_line_value(record, line) for record in history]
            panel(surface, box, palette, self.u(10))
            plot = small_multiple(
                surface,
                box.inflate(-self.u(24), -self.u(16)),
                line_name(line, t),
                values,
                palette.accent,
                palette,
                fonts,
                [r.round for r in history],
            )
            self.chart_plots.append(plot)
