"""The debrief's council tab: how the council account ranks the game."""

from __future__ import annotations

import pygame

from game.ui.dashboard import panel
from game.ui.look import block_height, shortened, text, text_block, wrap
from game.ui.scenes.round.base import RoundScene
from game.ui.words import number


class CouncilTab(RoundScene):
    """Draws the council tab; the debrief (``DebriefScene``) gives it ``area`` and ``ranking``."""

    def _council_sizes(
        self, inner: pygame.Rect, rows: int, title: str, note: str
    ) -> tuple[int, int]:
        """How many points smaller than normal the council page's type must be, and how far
        apart the table's rows, for the title, the note and every row to fit: the rows close
        up first, then the type steps down (at most 3 points)."""
        fonts = self.app.fonts
        for smaller, apart in ((0, 3), (0, 1), (1, 1), (2, 1), (3, 1)):
            big, small = fonts.get(22 - smaller, True), fonts.get(15 - smaller)
            head, body = fonts.get(15 - smaller, True), fonts.get(16 - smaller, True)
            height = len(wrap(big, title, inner.width)) * big.get_linesize() + self.u(4)
            height += len(wrap(small, note, inner.width)) * round(small.get_linesize() * 1.15)
            height += self.u(8) + head.get_linesize() + self.u(4)
            height += rows * (body.get_linesize() + self.u(apart)) - self.u(apart)
            if height <= inner.height:
                break
        return smaller, apart

    def _draw_council(self, surface: pygame.Surface) -> None:
        """The council's account among the survey's ten best (table 14): lowest rank sum wins.
        Measured: where the table would run off the panel, the page's type steps down."""
        ranking = self.ranking
        if ranking is None:
            return
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        box = self.area
        panel(surface, box, palette, self.u(10))
        inner = box.inflate(-self.u(32), -self.u(24))
        title = t("Your council account is number {position} of {count}").format(
            position=ranking.position, count=len(ranking.rows)
        )
        note = t(
            "Followers, following and tweets as % of inhabitants; each ranked, the ranks added "
            "up: the lowest sum wins (council clerks' survey 2014, the ten best accounts)."
        )
        smaller, apart = self._council_sizes(inner, len(ranking.rows), title, note)
        big = fonts.get(22 - smaller, True)
        y = inner.top
        for line in wrap(big, title, inner.width):
            text(surface, big, line, palette.accent, (inner.left, y))
            y += big.get_linesize()
        small = fonts.get(15 - smaller)
        lines = len(wrap(small, note, inner.width))
        y += self.u(4) + text_block(
            surface,
            small,
            note,
            palette.text_dim,
            pygame.Rect(inner.left, y, inner.width, block_height(small, lines)),
        )
        headers = ("#", t("Account"), t("followers"), t("following"), t("tweets"), t("sum"))
        head = fonts.get(15 - smaller, True)
        body, bold = fonts.get(16 - smaller), fonts.get(16 - smaller, True)
        numbers_w = [max(head.size(h)[0], bold.size("10,0%")[0]) for h in headers[2:]]
        gap = self.u(16)
        positions = [inner.left, inner.left + bold.size("10")[0] + gap]
        x = inner.right
        right_edges = []
        for w in reversed(numbers_w):
            right_edges.append(x)
            x -= w + gap
        right_edges.reverse()
        name_room = x - positions[1]
        y += self.u(8)
        for i, header in enumerate(headers):
            if i < 2:
                text(surface, head, header, palette.text_dim, (positions[i], y))
            else:
                text(surface, head, header, palette.text_dim, (right_edges[i - 2], y), "topright")
        y += head.get_linesize() + self.u(4)

        def pct(value: float) -> str:
            return number(value, lang, 1) + "%"

        for row in ranking.rows:
            font = bold if row.is_player else body
            colour = palette.accent if row.is_player else palette.text
            text(surface, font, f"{row.position}", colour, (positions[0], y))
            text(
                surface,
                font,
                shortened(font, row.name.get(lang), name_room),
                colour,
                (positions[1], y),
            )
            for edge, cell in zip(
                right_edges,
                (
                    pct(row.followers_pct),
                    pct(row.following_pct),
                    pct(row.tweets_pct),
                    f"{row.rank_sum}",
                ),
                strict=True,
            ):
                text(surface, font, cell, colour, (edge, y), "topright")
            y += font.get_linesize() + self.u(apart)
