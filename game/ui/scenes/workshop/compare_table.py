"""The comparison's table: where it goes and how wide its columns are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    pass


@dataclass
class TablePlan:
    """Where the comparison's table goes and how it is laid out (``CompareScene._plan``)."""

    panel: pygame.Rect
    headers: tuple[str, ...] = ()
    values: list[tuple[str, ...]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    split: bool = False
    team_w: int = 0
    second: list[int] = field(default_factory=list)
    cell: int = 0
    pages: list[list[int]] = field(default_factory=lambda: [[]])


def share_widths(least: list[int], natural: list[int], room: int) -> list[int]:
    """Column widths for ``room`` pixels: each at least its longest word; what is left goes
    to the columns that need the least of it to show their text on one line (a team's name
    and its phase stay whole; a long title wraps)."""
    widths = list(least)
    spare = room - sum(least)
    for i in sorted(range(len(least)), key=lambda i: natural[i] - least[i]):
        extra = max(0, min(natural[i] - least[i], spare))
        widths[i] += extra
        spare -= extra
    return widths
