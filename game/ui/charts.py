"""Charts for the debrief, drawn with pygame: the trajectory of a game over its rounds."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game.ui.dashboard import mix
from game.ui.look import Fonts, note, text
from game.ui.palette import Colour, Palette

Series = tuple[str, Colour, Sequence[float]]


def small_multiple(
    surface: pygame.Surface,
    rect: pygame.Rect,
    title: str,
    values: Sequence[float],
    colour: Colour,
    palette: Palette,
    fonts: Fonts,
    rounds: Sequence[int],
    low: float = 0,
    high: float = 100,
) -> pygame.Rect | None:
    """One quantity over the rounds, large enough to read from the back of a room: a big title,
    one thick line, a light grid at 0, 50 and 100, and the value at the end written out.
    Returns where the line was drawn; None, and noted as cut for the layout check
    (``game.ui.fit``), when ``rect`` left no room for it."""
    title_font = fonts.get(18, bold=True)
    top = rect.top
    for line in _wrapped(title_font, title, rect.width)[:2]:
        text(surface, title_font, line, palette.text, (rect.left, top))
        top += title_font.get_linesize()
    plot = _plot_area(rect, top, fonts)
    if not values:
        return None
    if plot.width < MIN_PLOT or plot.height < MIN_PLOT:
        note("cut", rect, title)
        return None
    end_font = fonts.get(26, bold=True)
    small = fonts.get(14)
    end = f"{values[-1]:.0f}"
    grid = mix(palette.text, palette.panel, 0.15)
    marks = (low, (low + high) / 2, high)
    if plot.height < 3 * small.get_linesize():
        marks = (low, high)  # a low chart: the middle mark would run into the others
    for value in marks:
        y = plot.bottom - (value - low) / (high - low) * plot.height
        pygame.draw.line(surface, grid, (plot.left, y), (plot.right, y), 1)
        text(surface, small, f"{value:.0f}", palette.text_dim, (plot.left - 4, y), "midright")
    count = len(values)

    def x_of(i: int) -> float:
        return plot.left + (i / max(1, count - 1)) * plot.width

    every = max(1, math.ceil(count * small.size("88")[0] * 1.8 / max(1, plot.width)))
    for i in range(0, count, every):
        # The first round's number starts at the axis, clear of the axis's own "0".
        anchor = "topleft" if i == 0 else "midtop"
        x = x_of(i) + (small.size("0")[0] if i == 0 else 0)
        text(surface, small, str(rounds[i]), palette.text_dim, (x, plot.bottom + 2), anchor)
    points = [
        (x_of(i), plot.bottom - (min(high, max(low, v)) - low) / (high - low) * plot.height)
        for i, v in enumerate(values)
    ]
    width = max(3, round(5 * fonts.scale))
    if len(points) > 1:
        pygame.draw.lines(surface, colour, False, points, width)
    pygame.draw.circle(surface, colour, points[-1], width + 2)
    text(surface, end_font, end, colour, (plot.right + 6, points[-1][1]), "midleft")
    return plot


# The least room (pixels) a chart's line needs to say anything.
MIN_PLOT = 20


def _plot_area(rect: pygame.Rect, top: int, fonts: Fonts) -> pygame.Rect:
    """Where the line goes in ``rect`` below ``top`` (the title's bottom): room left for the
    axis numbers on the left and under it, and for the value written out at its end."""
    end_font = fonts.get(26, bold=True)
    small = fonts.get(14)
    axis_w = small.size("100")[0] + 6
    end_w = end_font.size("100")[0] + 8
    top += 4
    return pygame.Rect(
        rect.left + axis_w,
        top + end_font.get_linesize() // 2,
        rect.width - axis_w - end_w,
        rect.bottom - top - small.get_linesize() - 4 - end_font.get_linesize() // 2,
    )


def chart_height(fonts: Fonts, title: str, width: int, plot: int) -> int:
    """How tall a ``small_multiple`` of ``width`` pixels must be for its line to get ``plot``
    pixels of height under its title."""
    title_font = fonts.get(18, bold=True)
    lines = min(2, len(_wrapped(title_font, title, width)))
    probe = _plot_area(pygame.Rect(0, 0, width, 10_000), lines * title_font.get_linesize(), fonts)
    return 10_000 - probe.height + plot


def _wrapped(font: pygame.font.Font, message: str, width: int) -> list[str]:
    from game.ui.look import wrap

    return wrap(font, message, width)
