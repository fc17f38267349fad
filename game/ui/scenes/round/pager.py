"""Text a group must read, in pages: what does not fit its place is never cut or left to a
scroll bar, it is read a page at a time ("More", a page count, Page Down and Page Up).

A scene lays its paragraphs out as ``Line``s (``lay_out``), splits them into pages that fit
(``paginate``), draws the page it is on (``draw_page``, which tells the layout check that each
line is a must-read text) and puts a ``Pager`` row under it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui.look import must_read, text, wrap
from game.ui.palette import Colour

LINE_GAP = 1.12


@dataclass(frozen=True)
class Line:
    """One line of a paged text: its words, font and colour, and the room above it (dropped
    at the top of a page)."""

    words: str
    font: pygame.font.Font
    colour: Colour
    gap: int = 0

    @property
    def step(self) -> int:
        return round(self.font.get_linesize() * LINE_GAP)


def lay_out(paragraphs: list[tuple[str, pygame.font.Font, Colour, int]], width: int) -> list[Line]:
    """Each paragraph (message, font, colour, room above it) wrapped into lines of ``width``;
    a blank line inside a message becomes half a line of room."""
    lines: list[Line] = []
    for message, font, colour, gap in paragraphs:
        room = gap
        for words in wrap(font, message, width):
            if not words.strip():
                room = max(room, font.get_linesize() // 2)
                continue
            lines.append(Line(words, font, colour, room))
            room = 0
    return lines


def height_of(lines: list[Line]) -> int:
    """How tall ``lines`` are as one page (the first line's room above it left out)."""
    if not lines:
        return 0
    steps = sum(line.gap + line.step for line in lines) - lines[0].gap
    return steps - lines[-1].step + lines[-1].font.get_linesize()


def paginate(lines: list[Line], height: int) -> list[list[Line]]:
    """``lines`` split into pages no taller than ``height``; always at least one page. A page
    ends after a whole sentence when one ends in its last fifth (a group reads on more
    easily), else after its last line that fits."""
    pages: list[list[Line]] = [[]]
    for line in lines:
        page = pages[-1]
        if page and height_of([*page, line]) > height:
            ends = [i for i, kept in enumerate(page) if kept.words.endswith((".", "?", "!"))]
            cut = ends[-1] + 1 if ends and ends[-1] + 1 >= len(page) * 4 / 5 else len(page)
            pages[-1], moved = page[:cut], page[cut:]
            pages.append(moved)
        pages[-1].append(line)
    return pages


def draw_page(surface: pygame.Surface, page: list[Line], rect: pygame.Rect) -> None:
    """The lines of one page from the top of ``rect``; each one must be read whole there."""
    y = rect.top
    for i, line in enumerate(page):
        if i:
            y += line.gap
        text(surface, line.font, line.words, line.colour, (rect.left, y))
        must_read(rect, line.words)
        y += line.step


class Pager:
    """The page a scene's paged text is on, and how the group turns it: a "More" button (on
    the last page "From the start"), the page count beside it, Page Down (the button's step)
    and Page Up (a page back)."""

    def __init__(self) -> None:
        self.page = 0
        self.pages = 1

    def set_pages(self, pages: int) -> None:
        self.pages = max(1, pages)
        self.page = max(0, min(self.page, self.pages - 1))

    @property
    def last(self) -> bool:
        return self.page >= self.pages - 1

    def turn(self, step: int) -> bool:
        """Go ``step`` pages on (from the last page "on" is back to the first); True when the
        page changed."""
        if self.pages <= 1:
            return False
        page = 0 if step > 0 and self.last else max(0, min(self.page + step, self.pages - 1))
        changed = page != self.page
        self.page = page
        return changed

    def key(self, event: pygame.event.Event) -> int:
        """The step a key asks for: Page Down 1, Page Up -1, anything else 0."""
        if self.pages <= 1:
            return 0
        return {pygame.K_PAGEDOWN: 1, pygame.K_PAGEUP: -1}.get(event.key, 0)

    def caption(self, t: Callable[[str], str]) -> str:
        return t("From the start (PgDn)") if self.last else t("More (PgDn)")

    def count(self) -> str:
        return f"{self.page + 1}/{self.pages}"

    def build(self, scene, right: int, bottom: int) -> pygame.Rect:
        """The "More" button at the bottom right of a text's place (``right``, ``bottom`` in
        pixels); returns the row it takes, the page count drawn left of the button."""
        t = scene.t
        captions = (t("More (PgDn)"), t("From the start (PgDn)"))
        width = max(scene.fitted(c, "@small_button", 120) for c in captions)
        height = scene._button_height("@small_button")
        rect = pygame.Rect(right - width, bottom - height, width, height)
        scene.button(
            rect,
            self.caption(t),
            lambda: scene.turn_page(1),
            kind="@small_button",
            tooltip=t("Page Down: the next page; Page Up: the one before."),
        )
        count_w = scene.app.fonts.get(18, True).size("88/88")[0] + scene.u(12)
        return pygame.Rect(rect.left - count_w, rect.top, count_w + width, height)

    def draw_count(self, surface: pygame.Surface, scene, row: pygame.Rect) -> None:
        """The page count ("1/3") at the left of the pager's row."""
        palette, font = scene.app.palette, scene.app.fonts.get(18, True)
        text(surface, font, self.count(), palette.accent, (row.left, row.centery), "midleft")


class Paged:
    """A scene with a paged text (put before its scene class): the "More" button and Page
    Down turn it on, Page Up back; other keys go on to the scene."""

    pager: Pager

    def turn_page(self, step: int) -> None:
        if self.pager.turn(step):
            self.rebuild()  # type: ignore[attr-defined]

    def on_key(self, event: pygame.event.Event) -> None:
        step = self.pager.key(event)
        if step:
            self.turn_page(step)
            return
        super().on_key(event)  # type: ignore[misc]
