"""The game's window: its size, full screen or not, and the style everything in it is drawn in
(language, palette, type size, the widgets' theme).

``Window`` is the half of the app (``game.ui.app.App``) that knows the screen; the app adds the
scenes and the loop. When the style changes, the current scene builds its widgets again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.domain import Language
from game.ui.branding import Branding, branded_palette
from game.ui.i18n import Translator
from game.ui.look import Fonts, layout_scale, scaled_theme
from game.ui.memory import WidgetManager
from game.ui.palette import Palette, palette_for
from game.ui.scene import Scene
from game.ui.settings import Settings

if TYPE_CHECKING:
    from game.packs import Pack

MIN_SIZE = (960, 540)
# Widget managers kept for earlier window sizes and settings (see ``Window._make_ui``).
MANAGERS_KEPT = 4

# SDL video drivers that draw nowhere a person can see.
HEADLESS_DRIVERS = ("offscreen", "dummy")


class NoDisplayError(RuntimeError):
    """There is no screen to open a window on."""


def headless_environment() -> None:
    """Ask SDL for its dummy drivers (tour, tests, benchmarks): no window, no sound card."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def open_display() -> None:
    """Start pygame's display and fonts, or say why there is no screen.

    SDL quietly falls back to drawing off screen when it finds no screen: a game nobody can see
    would run for ever. Only tests and the tour ask for that on purpose.
    """
    try:
        pygame.display.init()
        pygame.font.init()
    except pygame.error as error:
        raise NoDisplayError(str(error)) from error
    driver = pygame.display.get_driver()
    if driver in HEADLESS_DRIVERS and os.environ.get("SDL_VIDEODRIVER") != driver:
        pygame.display.quit()
        raise NoDisplayError(f"no screen was found; SDL fell back to its '{driver}' driver")


class Window:
    """The window and its style; ``App`` adds the scenes, the loop and the guard."""

    settings: Settings
    pack: Pack | None
    settings_file: Path | None
    settings_problem: str | None
    scene: Scene | None
    dirty: bool
    _layer_stale: bool

    def _guard(self, call: Callable[[], object]) -> None:
        """Run a scene's code without letting it take the window down (``App._guard``)."""
        raise NotImplementedError

    def _open(self, size: tuple[int, int]) -> None:
        """Open the window at ``size`` (or full screen), with the pack's caption."""
        self.branding = Branding(self.pack) if self.pack is not None else None
        pygame.display.set_caption(
            self.branding.caption(self.settings.language)
            if self.branding
            else "Netwerkende Gemeente"
        )
        self.windowed_size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        try:
            self.screen = self._open_window()
        except pygame.error as error:
            raise NoDisplayError(str(error)) from error
        pygame.key.set_repeat(400, 40)

    def _style(self) -> None:
        """The first style: language, palette, measures and the widget manager."""
        self.t = Translator(self.settings.language)
        self.palette: Palette = self._palette()
        self._measure()
        self._managers: dict[tuple[float, Palette], pygame_gui.UIManager] = {}
        self.ui = self._make_ui()

    def _open_window(self) -> pygame.Surface:
        if self.settings.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    def _palette(self) -> Palette:
        """The room's palette, with the pack's accent unless the colour-blind one is chosen."""
        palette = palette_for(self.settings.colour_blind)
        if self.pack is None or self.settings.colour_blind:
            return palette
        return branded_palette(palette, self.pack.accent)

    def _measure(self) -> None:
        """Scale and origin of the 1280×720 canvas in this window, and fonts to match."""
        width, height = self.screen.get_size()
        self.scale = layout_scale((width, height))
        self.origin = ((width - 1280 * self.scale) / 2, (height - 720 * self.scale) / 2)
        self.fonts = Fonts(self.scale * self.settings.font_scale)

    def _make_ui(self) -> pygame_gui.UIManager:
        """The widget manager for this window's type size and palette.

        Kept per (type size, palette): a resize back to an earlier size, or a setting switched
        back, finds its theme, fonts and drawn shapes ready instead of building them again.
        """
        theme_scale = round(self.scale * self.settings.font_scale, 4)
        key = (theme_scale, self.palette)
        size = self.screen.get_size()
        manager = self._managers.pop(key, None)
        if manager is not None:
            self._managers[key] = manager  # the most recently used last
            manager.clear_and_reset()
            if manager.window_resolution != size:
                manager.set_window_resolution(size)
            return manager
        manager = self._new_ui(theme_scale)
        self._managers[key] = manager
        while len(self._managers) > MANAGERS_KEPT:
            del self._managers[next(iter(self._managers))]
        return manager

    def _new_ui(self, theme_scale: float) -> pygame_gui.UIManager:
        theme = scaled_theme(theme_scale, self.palette)
        manager = WidgetManager(self.screen.get_size(), theme)
        # Text boxes use bold and italic markup; load those styles now, not mid-frame.
        size = int(theme["text_box"]["font"]["size"])
        fonts = manager.get_theme().get_font_dictionary()
        wanted = [
            {"name": "noto_sans", "point_size": size, "style": style, "antialiased": "1"}
            for style, bold, italic in (
                ("bold", True, False),
                ("italic", False, True),
                ("bold_italic", True, True),
            )
            if not fonts.check_font_preloaded(fonts.create_font_id(size, "noto_sans", bold, italic))
        ]
        if wanted:
            manager.preload_fonts(wanted)
        return manager

    def _restyle(self) -> None:
        """New size, language, palette or type size: new theme and fonts, widgets rebuilt."""
        self.t = Translator(self.settings.language)
        self.palette = self._palette()
        self._measure()
        self.ui = self._make_ui()
        if self.scene is not None:
            self.scene.rebuild()
        self.dirty = True
        self._layer_stale = True

    def invalidate(self) -> None:
        """Something on screen changed outside an event: draw the scene again next frame."""
        self.dirty = True
        self._layer_stale = True

    def resize(self, size: tuple[int, int]) -> None:
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if not self.settings.fullscreen:
            self.windowed_size = size
            if self.screen.get_size() != size:
                self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self._guard(self._restyle)

    def apply_settings(self, settings: Settings) -> None:
        """Take new settings; reopen the window only when fullscreen changed. They are kept
        for the next launch (a file that cannot be written only costs that)."""
        old = self.settings
        self.settings = settings
        if settings.fullscreen != old.fullscreen:
            self.screen = self._open_window()
        self._keep_settings()
        self._guard(self._restyle)

    def remember(self, **changes: object) -> None:
        """Keep a choice for the next launch (the last teams, the length) without restyling:
        nothing on screen changes with it."""
        self.settings = self.settings.with_(**changes)
        self._keep_settings()

    def _keep_settings(self) -> None:
        if self.settings_file is None:
            return
        from game.ui.settings import write_settings

        try:
            write_settings(self.settings, self.settings_file)
            self.settings_problem = None
        except OSError as error:
            self.settings_problem = (
                f"the settings could not be kept in {self.settings_file} "
                f"({error.strerror or error})"
            )

    def toggle_fullscreen(self) -> None:
        self.apply_settings(self.settings.with_(fullscreen=not self.settings.fullscreen))

    def set_language(self, lang: Language) -> None:
        self.apply_settings(self.settings.with_(language=lang))
