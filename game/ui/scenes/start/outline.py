"""A scenario's outline in the game (issue 20): what ``python main.py outline`` prints — rounds,
initiatives with their fitting role, news with its conditions, channels, actions — read a page
at a time from the scenario choice, so a trainer checks a scenario without a terminal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.domain import GameLength
from game.scenario.models import Scenario
from game.ui.look import must_read, text, wrap
from game.ui.palette import Colour
from game.ui.scene import Host, Scene
from game.ui.scenes.round.pager import Paged, Pager

INDENT = 28  # design pixels per level of the outline's indentation


@dataclass(frozen=True)
class _Row:
    """One line of the outline on screen: its words, how far in, and its look."""

    words: str
    indent: int
    font: pygame.font.Font
    colour: Colour


class OutlineScene(Paged, Scene):
    """The outline of one scenario at one length, in the interface's language, in pages."""

    name = "outline"
    offers_help = False

    def __init__(self, app: Host, scenario: Scenario, length: GameLength, back: Scene) -> None:
        super().__init__(app)
        self.scenario = scenario
        self.length = length
        self.back_to = back
        self.pager = Pager()
        self.pages: list[list[_Row]] = [[]]

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def build(self) -> None:
        t, u = self.t, self.u
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        heading = self.heading(
            t("Outline: {title}").format(title=self.scenario.title.get(self.lang)),
            left,
            self.r(0, 20, 0, 0).top,
            right,
        )
        back_h = max(u(52), self._button_height(None))
        bottom = self.r(0, 700, 0, 0).top - back_h
        back_w = self.fitted(t("Back"), None, 180)
        self.button(pygame.Rect(left, bottom, back_w, back_h), t("Back"), self.back)
        self.area = pygame.Rect(left, heading.bottom + u(12), right - left, 0)
        self.area.height = bottom - u(12) - self.area.top
        self.pages = _paginate(self._rows(self.area.width), self.area.height)
        self.pager.set_pages(len(self.pages))
        self.pager_row = None
        if self.pager.pages > 1:
            self.pager_row = self.pager.build(self, right, bottom + back_h)
        self.move_focus(1)

    def _rows(self, width: int) -> list[_Row]:
        from game.sim.outline import outline

        fonts, palette = self.app.fonts, self.app.palette
        body, bold = fonts.get(18), fonts.get(20, True)
        rows: list[_Row] = []
        for line in outline(self.scenario, self.length, self.lang).splitlines():
            words = line.strip()
            if not words:
                rows.append(_Row("", 0, body, palette.text))
                continue
            level = (len(line) - len(line.lstrip(" "))) // 2
            heading = level == 0
            font = bold if heading else body
            colour = palette.accent if heading else palette.text
            if level > 2:
                colour = palette.text_dim
            indent = self.u(INDENT) * level
            rows.extend(
                _Row(part, indent, font, colour) for part in wrap(font, words, width - indent)
            )
        return rows

    def back(self) -> None:
        scene = self.back_to
        self.app.go(lambda: scene)

    def draw(self, surface: pygame.Surface) -> None:
        y = self.area.top
        for row in self.pages[self.pager.page]:
            if row.words:
                text(surface, row.font, row.words, row.colour, (self.area.left + row.indent, y))
                must_read(self.area, row.words)
            y += row.font.get_linesize()
        if self.pager_row is not None:
            self.pager.draw_count(surface, self, self.pager_row)


def _paginate(rows: list[_Row], height: int) -> list[list[_Row]]:
    """Rows in pages no taller than ``height``; a page starts at a round's heading when one
    comes in its last third, and never with an empty line."""
    pages: list[list[_Row]] = [[]]
    used = 0
    for row in rows:
        step = row.font.get_linesize()
        page = pages[-1]
        if page and used + step > height:
            starts = [i for i, kept in enumerate(page) if kept.indent == 0 and kept.words]
            cut = starts[-1] if starts and starts[-1] >= len(page) * 2 / 3 else len(page)
            pages[-1], moved = page[:cut], page[cut:]
            while moved and not moved[0].words:
                moved.pop(0)
            pages.append(moved)
            used = sum(kept.font.get_linesize() for kept in moved)
        if not pages[-1] and not row.words:
            continue
        pages[-1].append(row)
        used += step
    return pages
