"""How things look at a given window size: the scaled pygame_gui theme and our own fonts.

Everything is laid out for 1280×720 and scaled by the window's size and the room's font scale,
so the same scene reads from the back of a room at 1280×720 and at 1920×1080.
"""

from __future__ import annotations

import copy
import json
from collections import OrderedDict
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pygame

from game.ui.palette import Colour, Palette

ASSETS_DIR = Path(__file__).resolve().parent.parent.parent / "assets"
THEME_FILE = ASSETS_DIR / "theme.json"
BASE_SIZE = (1280, 720)


def layout_scale(size: tuple[int, int]) -> float:
    """How much bigger than 1280×720 the window is (the smaller of width and height)."""
    return max(0.5, min(size[0] / BASE_SIZE[0], size[1] / BASE_SIZE[1]))


@cache
def _base_theme() -> dict[str, Any]:
    return json.loads(THEME_FILE.read_text(encoding="utf-8"))


def scaled_theme(scale: float, palette: Palette) -> dict[str, Any]:
    """The theme file with every font size multiplied by ``scale`` and the focus colour set."""
    theme = copy.deepcopy(_base_theme())
    for block in theme.values():
        font = block.get("font")
        if font and "size" in font:
            font["size"] = str(max(10, round(int(font["size"]) * scale)))
        misc = block.get("misc")
        if misc and "rect_width" in misc:
            misc["rect_width"] = str(round(int(misc["rect_width"]) * scale))
    hexed = "#{:02x}{:02x}{:02x}".format(*palette.accent)
    theme["#heading"]["colours"]["normal_text"] = hexed
    theme["#title"]["colours"]["normal_text"] = hexed
    theme["defaults"]["colours"]["selected_bg"] = hexed
    return theme


def _font_file(bold: bool) -> str:
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return str(resources.files("pygame_gui.data").joinpath(name))


class Fonts:
    """Fonts for what we draw ourselves (dashboard, network, charts), cached per pixel size."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}

    def get(self, size: float, bold: bool = False) -> pygame.font.Font:
        """A font of ``size`` points at 1280×720, scaled for this window."""
        pixels = max(9, round(size * self.scale))
        key = (pixels, bold)
        font = self._cache.get(key)
        if font is None:
            font = pygame.font.Font(_font_file(bold), pixels)
            self._cache[key] = font
        return font


# Keyed on the font object itself (not its id), so a font is never freed while it is a key.
# Kept by size, not by count: at 1920×1080 and 140% type a line is up to 300 KB, and 2,048 of
# them grew a game by 100 MB (issue 22). The least recently drawn lines go first.
_RENDERED: OrderedDict[tuple[pygame.font.Font, str, Colour], pygame.Surface] = OrderedDict()
_RENDERED_BUDGET = 12 * 2**20  # bytes of pixels: more than a screen full of text
_rendered_bytes = 0


def _pixel_bytes(image: pygame.Surface) -> int:
    return image.get_width() * image.get_height() * image.get_bytesize()


def rendered(font: pygame.font.Font, message: str, colour: Colour) -> pygame.Surface:
    """A line of text as a picture, kept for reuse: a scene repaints the same words often."""
    global _rendered_bytes
    key = (font, message, colour)
    image = _RENDERED.get(key)
    if image is not None:
        _RENDERED.move_to_end(key)
        return image
    image = font.render(message, True, colour)
    _RENDERED[key] = image
    _rendered_bytes += _pixel_bytes(image)
    while _rendered_bytes > _RENDERED_BUDGET and len(_RENDERED) > 1:
        _, old = _RENDERED.popitem(last=False)
        _rendered_bytes -= _pixel_bytes(old)
    return image


# While a layout check runs (``game.ui.fit``), what is drawn is noted here: ("text", rect, what)
# for every line, ("cut", rect, what) for a paragraph that did not fit its rectangle,
# ("panel", rect, "") for every panel, ("read", rect, what) for a text a group must read whole
# to decide (``must_read``) and ("timer", rect, "") for the round timer drawn over a scene.
# None the rest of the time: drawing then costs nothing.
RECORDING: list[tuple[str, pygame.Rect, str]] | None = None


def note(kind: str, rect: pygame.Rect, what: str = "") -> None:
    """Tell a running layout check what was drawn where."""
    if RECORDING is not None:
        RECORDING.append((kind, pygame.Rect(rect), what))


def must_read(rect: pygame.Rect, message: str) -> None:
    """Tell a running layout check that every word of ``message`` must be drawn inside
    ``rect`` (a card's text, the news, an action's description): shortened with "…", cut off or
    left to a scroll box, it counts as cut (``game.ui.fit``)."""
    note("read", rect, message)


def text(
    surface: pygame.Surface,
    font: pygame.font.Font,
    message: str,
    colour: Colour,
    pos: tuple[float, float],
    anchor: str = "topleft",
) -> pygame.Rect:
    """Draw one line of text; returns where it went."""
    image = rendered(font, message, colour)
    rect = image.get_rect(**{anchor: (round(pos[0]), round(pos[1]))})
    surface.blit(image, rect)
    if RECORDING is not None and message.strip():
        note("text", inked(font, message, rect), message)
    return rect


def inked(font: pygame.font.Font, message: str, rect: pygame.Rect) -> pygame.Rect:
    """The part of a line's box the letters can reach: a line's box includes the font's
    ascent and descent space, which neighbouring lines may share without touching."""
    ascent, descent = font.get_ascent(), -font.get_descent()
    height = font.get_height()
    spare = max(0, height - ascent - descent)
    top = rect.top + max(0, (rect.height - height) // 2) + spare // 2
    return pygame.Rect(
        rect.left, top + round(ascent * 0.12), rect.width, round((ascent + descent) * 0.88)
    )


def shortened(font: pygame.font.Font, message: str, width: int) -> str:
    """``message`` cut with "…" so it fits ``width`` pixels (unchanged when it fits)."""
    if width <= 0:
        return ""
    if font.size(message)[0] <= width:
        return message
    while message and font.size(message + "…")[0] > width:
        message = message[:-1]
    return message.rstrip() + "…"


# Wrapped paragraphs, kept like rendered lines: measuring every word again on each repaint
# costs more than drawing them.
_WRAPPED: dict[tuple[pygame.font.Font, str, int], tuple[str, ...]] = {}
_WRAPPED_MAX = 2048


def wrap(font: pygame.font.Font, message: str, width: int) -> list[str]:
    """Split ``message`` into lines no wider than ``width`` pixels (words never split)."""
    key = (font, message, width)
    lines = _WRAPPED.get(key)
    if lines is None:
        if len(_WRAPPED) >= _WRAPPED_MAX:
            _WRAPPED.clear()
        lines = _WRAPPED[key] = tuple(_wrap(font, message, width))
    return list(lines)


def _wrap(font: pygame.font.Font, message: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in message.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}" if line else word
            if font.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def text_block(
    surface: pygame.Surface,
    font: pygame.font.Font,
    message: str,
    colour: Colour,
    rect: pygame.Rect,
    line_gap: float = 1.15,
    max_lines: int | None = None,
) -> int:
    """Draw wrapped text inside ``rect``; returns the height used. With ``max_lines``, text
    that needs more lines ends in "…" on the last one (which still fits the width)."""
    lines = wrap(font, message, rect.width)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _ended(font, lines[-1], rect.width)
    step = round(font.get_linesize() * line_gap)
    y = rect.top
    for index, line in enumerate(lines):
        if y + font.get_linesize() > rect.bottom + 2:
            if RECORDING is not None:
                note("cut", rect, " ".join(lines[index:]))
            break
        image = rendered(font, line, colour)
        surface.blit(image, (rect.left, y))
        if RECORDING is not None and line.strip():
            note("text", inked(font, line, image.get_rect(topleft=(rect.left, y))), line)
            if image.get_width() > rect.width:
                note("cut", rect, line)  # one word wider than the rectangle
        y += step
    return y - rect.top


def _ended(font: pygame.font.Font, line: str, width: int) -> str:
    """A line that text goes on after, ended with " …" within ``width``: whole words are
    dropped for the mark (a single long word is cut)."""
    line = line.rstrip(" .,;:")
    while " " in line and font.size(line + " …")[0] > width:
        line = line.rsplit(" ", 1)[0].rstrip(" .,;:·")
    if font.size(line + " …")[0] > width:
        return shortened(font, line, width)
    return line + " …"


def block_height(font: pygame.font.Font, lines: int, line_gap: float = 1.15) -> int:
    """How tall ``text_block`` needs a rectangle to be for ``lines`` lines."""
    if lines <= 0:
        return 0
    return (lines - 1) * round(font.get_linesize() * line_gap) + font.get_linesize() + 2


def fit_text_block(
    surface: pygame.Surface,
    fonts: Fonts,
    message: str,
    colour: Colour,
    rect: pygame.Rect,
    sizes: tuple[float, ...] = (20, 18, 16),
    bold: bool = False,
) -> int:
    """Wrapped text in the largest of ``sizes`` whose lines all fit ``rect``: at a projector's
    large type a long paragraph steps down a size rather than being cut. Returns the height."""
    for size in sizes:
        font = fonts.get(size, bold)
        if fits_block(font, message, rect) or size == sizes[-1]:
            return text_block(surface, font, message, colour, rect)
    return 0


def fits_block(font: pygame.font.Font, message: str, rect: pygame.Rect) -> bool:
    """Whether ``message``, wrapped in ``font``, fits ``rect`` whole (as ``text_block``)."""
    lines = wrap(font, message, rect.width)
    return block_height(font, len(lines)) <= rect.height + 4


def fold(font: pygame.font.Font, message: str, width: int) -> str:
    """``message`` with line breaks inside a word too long for ``width`` (a file's path),
    after a "/" or "\\" where it can: wrapped text breaks only between words."""
    words = []
    for word in message.split(" "):
        if font.size(word)[0] <= width:
            words.append(word)
            continue
        lines, line = [], ""
        for char in word:
            if line and font.size(line + char)[0] > width:
                cut = max(line.rfind("/"), line.rfind("\\")) + 1 or len(line)
                lines.append(line[:cut])
                line = line[cut:]
            line += char
        words.append("\n".join([*lines, line]))
    return " ".join(words)


def pages(
    font: pygame.font.Font, message: str, width: int, height: int, line_gap: float = 1.15
) -> list[list[str]]:
    """``message`` wrapped to ``width`` and split into pages of as many whole lines as fit
    ``height`` (as ``text_block`` draws them): a text too long for its place is read page by
    page instead of being cut or scrolled. Always at least one page."""
    lines = wrap(font, message, width)
    most = 1
    while block_height(font, most + 1, line_gap) <= height:
        most += 1
    return [lines[i : i + most] for i in range(0, len(lines), most)] or [[]]
