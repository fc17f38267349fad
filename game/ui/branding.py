"""An organisation's branding in the window: the band on the title screen, the accent colour.

The pack itself is checked by ``game.packs`` before the window opens, its logo decoded within
pixel limits and scaled down there; here it is only drawn. A logo that pygame cannot decode
after all is left out rather than taking the title screen down.
"""

from __future__ import annotations

import dataclasses
import io
import logging
from functools import cache
from typing import TYPE_CHECKING

import pygame

from game.domain import Language
from game.ui.look import Fonts, text
from game.ui.palette import Palette

if TYPE_CHECKING:
    from game.packs import Pack

BAND_HEIGHT = 100
"""The band's height on the 1280×720 canvas; the title moves down by this much."""


@cache
def branded_palette(palette: Palette, accent: tuple[int, int, int] | None) -> Palette:
    """``palette`` with the organisation's accent; one object per pair, so caches keyed on the
    palette keep working. The colour-blind palette keeps its own accent: safety first."""
    if accent is None:
        return palette
    return dataclasses.replace(palette, accent=accent)


class Branding:
    """What the title screen draws for a pack: a coloured band with the logo, name and tagline."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.logo = _load_logo(pack)
        self._scaled: dict[int, pygame.Surface] = {}

    def caption(self, lang: Language) -> str:
        return f"Netwerkende Gemeente · {self.pack.name.get(lang)}"

    def draw_band(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        fonts: Fonts,
        palette: Palette,
        lang: Language,
    ) -> None:
        """The band: logo and name (and tagline) inside ``rect``, the colour across the window's
        whole width and up to its top edge."""
        band = self.pack.band or palette.panel
        pygame.draw.rect(surface, band, pygame.Rect(0, 0, surface.get_width(), rect.bottom))
        from game.packs import text_colour_on

        ink = text_colour_on(band)
        pad = round(rect.height * 0.14)
        x = rect.left + pad * 2
        logo = self._logo_at(rect.height - 2 * pad)
        if logo is not None:
            surface.blit(logo, logo.get_rect(midleft=(x, rect.centery)))
            x += logo.get_width() + pad * 2
        width = rect.right - pad * 2 - x
        name = self.pack.name.get(lang)
        tagline = self.pack.tagline.get(lang) if self.pack.tagline else None
        name_font = _fitting(fonts, name, 30, width, bold=True)
        if tagline:
            tag_font = _fitting(fonts, tagline, 19, width)
            gap = round(name_font.get_linesize() * 0.05)
            total = name_font.get_linesize() + gap + tag_font.get_linesize()
            top = rect.centery - total // 2
            text(surface, name_font, name, ink, (x, top))
            text(surface, tag_font, tagline, ink, (x, top + name_font.get_linesize() + gap))
        else:
            text(surface, name_font, name, ink, (x, rect.centery), "midleft")

    def _logo_at(self, height: int) -> pygame.Surface | None:
        if self.logo is None or height <= 0:
            return None
        scaled = self._scaled.get(height)
        if scaled is None:
            width = max(1, round(self.logo.get_width() * height / self.logo.get_height()))
            width = min(width, height * 4)  # a very wide logo does not push the name off
            scaled = pygame.transform.smoothscale(self.logo, (width, height))
            self._scaled[height] = scaled
        return scaled


def _fitting(
    fonts: Fonts, message: str, size: float, width: int, bold: bool = False
) -> pygame.font.Font:
    """The font of ``size``, smaller if needed (down to 60%) so ``message`` fits ``width``."""
    font = fonts.get(size, bold)
    step = size
    while font.size(message)[0] > width and step > size * 0.6:
        step -= 1
        font = fonts.get(step, bold)
    return font


def _load_logo(pack: Pack) -> pygame.Surface | None:
    logo = pack.logo
    if logo is None:
        return None
    try:
        image = pygame.image.load(io.BytesIO(logo.data), "logo." + logo.mime.split("/")[1])
    except (pygame.error, OSError, ValueError):
        logging.getLogger(__name__).warning("the logo %s could not be read", pack.logo_file)
        return None
    if image.get_width() == 0 or image.get_height() == 0:
        return None
    return image.convert_alpha() if pygame.display.get_surface() else image
