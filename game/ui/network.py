"""The heart of the dashboard: a picture of the municipality's network.

``game.ui.network_layout`` decides where the town hall, departments, community and initiatives
go and which links join them; this module paints that layout. The picture is a pure function of
the game state, cached, so it changes exactly when an outcome changes the state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.ui.dashboard import mix
from game.ui.look import Fonts
from game.ui.network_layout import Network, Node
from game.ui.palette import Colour, Palette


def draw_network(
    surface: pygame.Surface,
    rect: pygame.Rect,
    network: Network,
    palette: Palette,
    fonts: Fonts,
    labels: dict[str, str],
    highlight_fresh: bool = False,
) -> None:
    """Paint the network into ``rect`` (cached: the picture only changes with the state)."""
    image = _render(
        rect.size, network, palette, fonts.scale, tuple(sorted(labels.items())), highlight_fresh
    )
    surface.blit(image, rect)


@dataclass(frozen=True, slots=True)
class _Canvas:
    """The picture being painted, with where the layout's unit square lands in it."""

    image: pygame.Surface
    palette: Palette
    unit: float  # the scale, at least 1: line widths and node sizes
    ox: float
    oy: float
    side: float

    def at(self, node: Node) -> tuple[int, int]:
        return round(self.ox + node.x * self.side), round(self.oy + node.y * self.side / 1.25)


@lru_cache(maxsize=8)
def _render(
    size: tuple[int, int],
    network: Network,
    palette: Palette,
    scale: float,
    labels: tuple[tuple[str, str], ...],
    highlight_fresh: bool,
) -> pygame.Surface:
    width, height = size
    image = pygame.Surface(size, pygame.SRCALPHA)
    side = min(width, height * 1.25)
    ox = (width - side) / 2
    oy = (height - side / 1.25) / 2
    unit = max(1.0, scale)
    canvas = _Canvas(image, palette, unit, ox, oy, side)
    _draw_links(canvas, network, highlight_fresh)
    # The town hall shrinks as the organisation becomes one node among many.
    townhall_radius = round((30 - 5 * network.phase_level) * unit)
    small = max(5, round(8 * unit))
    _draw_nodes(canvas, network, townhall_radius, small)
    _draw_captions(canvas, network, dict(labels), scale, townhall_radius, small)
    return image


def _draw_links(canvas: _Canvas, network: Network, highlight_fresh: bool) -> None:
    """Every link, the web first and the roles the municipality took on top."""
    image, palette, unit = canvas.image, canvas.palette, canvas.unit
    by_id = {n.id: n for n in network.nodes}
    background = palette.panel
    order = {"web": 0, "reach": 1, "owner": 2, "department": 3, "role": 4}
    for link in sorted(network.links, key=lambda lk: order[lk.kind]):
        a, b = canvas.at(by_id[link.a]), canvas.at(by_id[link.b])
        if link.kind == "role" and link.role is not None:
            colour = palette.role(link.role)
            width_px = max(2, round((1.5 + 6 * link.strength) * unit))
            if highlight_fresh and link.fresh:
                pygame.draw.line(image, palette.text, a, b, width_px + round(4 * unit))
            if link.stumbled:
                _dashed(image, mix(colour, background, 0.9), a, b, width_px, round(10 * unit))
            else:
                pygame.draw.line(image, colour, a, b, width_px)
        elif link.kind == "web":
            colour = mix(palette.community, background, 0.55)
            pygame.draw.line(image, colour, a, b, max(1, round((1 + 2.5 * link.strength) * unit)))
        elif link.kind == "reach":
            colour = mix(palette.townhall, background, 0.45)
            pygame.draw.line(image, colour, a, b, max(1, round((1 + 2 * link.strength) * unit)))
        elif link.kind == "owner":
            colour = mix(palette.community, background, 0.8)
            pygame.draw.line(image, colour, a, b, max(1, round(2 * unit)))
        else:
            colour = mix(palette.department, background, 0.7)
            pygame.draw.line(image, colour, a, b, max(1, round((1 + 3 * link.strength) * unit)))


def _draw_nodes(canvas: _Canvas, network: Network, townhall_radius: int, small: int) -> None:
    """Every node over the links, each kind in a shape of its own."""
    image, palette = canvas.image, canvas.palette
    for node in network.nodes:
        x, y = canvas.at(node)
        if node.kind == "townhall":
            _draw_townhall(canvas, x, y, townhall_radius)
        elif node.kind == "department":
            colour = palette.department if node.active else palette.department_off
            box = pygame.Rect(0, 0, small * 2, small * 2)
            box.center = (x, y)
            pygame.draw.rect(image, colour, box, border_radius=3)
        elif node.kind == "residents":
            pygame.draw.circle(image, palette.community, (x, y), small + 1)
            pygame.draw.circle(image, palette.panel, (x, y), max(2, small // 2))
        elif node.kind == "business":
            r = small + 2
            pygame.draw.polygon(
                image, palette.business, [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
            )
        else:
            _draw_initiative(canvas, node, x, y, small)


def _draw_townhall(canvas: _Canvas, x: int, y: int, radius: int) -> None:
    """A disc with a building cut out of it: a roof over a door."""
    image, palette = canvas.image, canvas.palette
    pygame.draw.circle(image, palette.townhall, (x, y), radius)
    roof = [(x - radius * 0.55, y - 1), (x, y - radius * 0.6), (x + radius * 0.55, y - 1)]
    pygame.draw.polygon(image, palette.background, roof)
    door = pygame.Rect(round(x - radius * 0.4), y, round(radius * 0.8), round(radius * 0.45))
    pygame.draw.rect(image, palette.background, door)


def _draw_initiative(canvas: _Canvas, node: Node, x: int, y: int, small: int) -> None:
    """A disc in its owner's colour; one still on the table is a ring with a halo."""
    image, palette, unit = canvas.image, canvas.palette, canvas.unit
    colour = palette.owners[node.owner] if node.owner else palette.text
    r = round(small * 1.3)
    if node.current:
        pygame.draw.circle(image, palette.panel, (x, y), r)
        pygame.draw.circle(image, colour, (x, y), r, width=max(2, round(3 * unit)))
        pygame.draw.circle(
            image, palette.text, (x, y), r + round(5 * unit), width=max(1, round(2 * unit))
        )
    else:
        pygame.draw.circle(image, colour, (x, y), r)


def _draw_captions(
    canvas: _Canvas,
    network: Network,
    names: dict[str, str],
    scale: float,
    townhall_radius: int,
    small: int,
) -> None:
    """The town hall's name and the initiatives' names, over everything else."""
    font = pygame.font.Font(_font_path(), max(10, round(15 * scale)))
    by_id = {n.id: n for n in network.nodes}
    placed: list[pygame.Rect] = []
    if "townhall" in names:
        x, y = canvas.at(by_id["townhall"])
        hall = pygame.Rect(0, 0, townhall_radius * 2, townhall_radius * 2)
        hall.center = (x, y)
        placed.append(hall)
        below, above = y + townhall_radius + 2, y - townhall_radius - 2
        _caption(canvas, font, placed, names["townhall"], x, below, above)
    for node in network.nodes:
        if node.kind == "initiative" and node.id in names:
            x, y = canvas.at(node)
            _caption(canvas, font, placed, names[node.id], x, y + small * 2 + 2, y - small * 2 - 2)


def _caption(
    canvas: _Canvas,
    font: pygame.font.Font,
    placed: list[pygame.Rect],
    message: str,
    x: int,
    y: int,
    above: int,
) -> None:
    """A label on a dark tag, kept inside the picture, so links never run through it.

    Tried below the node, then above it, then a line further out; a label that would cover
    another (in ``placed``, which it joins) is left out (the scene names the initiative
    elsewhere too).
    """
    image, palette, unit = canvas.image, canvas.palette, canvas.unit
    rendered = font.render(message, True, palette.text)
    step = rendered.get_height() + round(4 * unit)
    for top in (y, above - step, y + step, above - 2 * step):
        box = rendered.get_rect(midtop=(x, top)).inflate(round(8 * unit), round(2 * unit))
        box.clamp_ip(image.get_rect())
        if box.collidelist(placed) == -1:
            break
    else:
        return
    placed.append(box)
    tag = pygame.Surface(box.size, pygame.SRCALPHA)
    tag.fill((*palette.background, 215))
    image.blit(tag, box)
    image.blit(rendered, rendered.get_rect(center=box.center))


def _font_path() -> str:
    from importlib import resources

    return str(resources.files("pygame_gui.data").joinpath("NotoSans-Regular.ttf"))


def _dashed(
    surface: pygame.Surface,
    colour: Colour,
    a: tuple[int, int],
    b: tuple[int, int],
    width: int,
    dash: int,
) -> None:
    length = math.dist(a, b)
    if length == 0:
        return
    steps = max(1, int(length // dash))
    for i in range(0, steps, 2):
        s = i / steps
        e = min(1.0, (i + 1) / steps)
        p = (a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s)
        q = (a[0] + (b[0] - a[0]) * e, a[1] + (b[1] - a[1]) * e)
        pygame.draw.line(surface, colour, p, q, width)
