"""Charts for the debrief, drawn with pygame: the trajectory of a game over its rounds."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game.ui.dashboard import mix
from game.ui.look import Fonts, text
from game.ui.palette import Colour, Palette

Series = tuple[str, Colour, Sequence[float]]


def line_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    title: str,
    series: Sequence[Series],
    palette: Palette,
    fonts: Fonts,
    low: float = 0,
    high: float = 100,
    ticks: Sequence[tuple[float, str]] | None = None,
    step: bool = False,
) -> None:
    """Values per round as lines (or steps), with a legend on the right."""
    title_font = fonts.get(17, bold=True)
    small = fonts.get(14)
    top = text(surface, title_font, title, palette.text, rect.topleft).bottom + 6
    legend_w = max((small.size(name)[0] for name, _, _ in series), default=0) + 34
    tick_labels = ticks or [(v, f"{v:.0f}") for v in (low, (low + high) / 2, high)]
    axis_w = max(small.size(lbl)[0] for _, lbl in tick_labels) + 8
    plot = pygame.Rect(
        rect.left + axis_w,
        top,
        rect.width - axis_w - legend_w,
        rect.bottom - top - small.get_linesize() - 4,
    )
    if plot.width < 20 or plot.height < 20:
        return
    grid = mix(palette.text, palette.panel, 0.15)
    for value, lbl in tick_labels:
        y = plot.bottom - (value - low) / (high - low) * plot.height
        pygame.draw.line(surface, grid, (plot.left, y), (plot.right, y), 1)
        text(surface, small, lbl, palette.text_dim, (plot.left - 6, y), "midright")
    rounds = max((len(values) for _, _, values in series), default=0)
    if rounds == 0:
        return

    def x_of(i: int) -> float:
        return plot.left + (i / max(1, rounds - 1)) * plot.width

    every = max(1, rounds // 12)
    for i in range(0, rounds, every):
        text(surface, small, str(i + 1), palette.text_dim, (x_of(i), plot.bottom + 2), "midtop")
    width = max(2, round(3 * fonts.scale))
    for index, (name, colour, values) in enumerate(series):
        points = [
            (x_of(i), plot.bottom - (min(high, max(low, v)) - low) / (high - low) * plot.height)
            for i, v in enumerate(values)
        ]
        if step and len(points) > 1:
            stepped = [points[0]]
            for p in points[1:]:
                stepped.append((p[0], stepped[-1][1]))
                stepped.append(p)
            points = stepped
        if len(points) > 1:
            pygame.draw.lines(surface, colour, False, points, width)
        for p in points if not step else points[::2]:
            pygame.draw.circle(surface, colour, p, width + 1)
        ly = top + index * (small.get_linesize() + 4)
        lx = plot.right + 12
        pygame.draw.line(
            surface,
            colour,
            (lx, ly + small.get_linesize() / 2),
            (lx + 16, ly + small.get_linesize() / 2),
            width + 1,
        )
        text(surface, small, name, palette.text, (lx + 22, ly))


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
) -> None:
    """One quantity over the rounds, large enough to read from the back of a room: a big title,
    one thick line, a light grid at 0, 50 and 100, and the value at the end written out."""
    title_font = fonts.get(18, bold=True)
    end_font = fonts.get(26, bold=True)
    small = fonts.get(14)
    end = f"{values[-1]:.0f}" if values else ""
    end_w = end_font.size("100")[0] + 8
    top = rect.top
    for line in _wrapped(title_font, title, rect.width)[:2]:
        text(surface, title_font, line, palette.text, (rect.left, top))
        top += title_font.get_linesize()
    top += 4
    axis_w = small.size("100")[0] + 6
    plot = pygame.Rect(
        rect.left + axis_w,
        top + end_font.get_linesize() // 2,
        rect.width - axis_w - end_w,
        rect.bottom - top - small.get_linesize() - 4 - end_font.get_linesize() // 2,
    )
    if plot.width < 20 or plot.height < 20 or not values:
        return
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


def _wrapped(font: pygame.font.Font, message: str, width: int) -> list[str]:
    from game.ui.look import wrap

    return wrap(font, message, width)
