"""Drive the real app without a person: post key and mouse events, advance frames, take pictures.

Used by the UI tests, the screenshot tour and the benchmarks. It goes through pygame's own event
queue and the app's ``step``, exactly the path a person's input takes.
"""

from __future__ import annotations

import io
from pathlib import Path

import pygame
from pygame_gui.elements import UIButton

from game.ui.app import App


class Harness:
    """A pilot for an ``App`` running on SDL's dummy video driver."""

    def __init__(self, app: App) -> None:
        self.app = app

    def advance(self, frames: int = 1) -> None:
        for _ in range(frames):
            self.app.step(pygame.event.get())

    def settle(self, seconds: float = 1.0) -> None:
        """Let animations finish (time is simulated: frames of 1/60 s)."""
        for _ in range(round(seconds * 60)):
            self.app.step(pygame.event.get(), 1 / 60)

    def press(self, key: int, mod: int = 0, unicode: str = "") -> None:
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)
        )
        pygame.event.post(
            pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0)
        )
        self.advance(3)

    def type_text(self, message: str) -> None:
        for char in message:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        self.advance(2)

    def click(self, pos: tuple[int, int], button: int = 1) -> None:
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False
            )
        )
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=False)
        )
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=False)
        )
        self.advance(3)

    def buttons(self) -> list[UIButton]:
        """The visible buttons of the current scene, in creation (= tab) order."""
        return [
            sprite
            for sprite in self.app.ui.get_sprite_group().sprites()
            if isinstance(sprite, UIButton)
            and sprite.visible
            and sprite.alive()
            and sprite.ui_container is self.app.ui.get_root_container()
        ]

    def button(self, caption: str) -> UIButton:
        """The button whose text starts with ``caption`` (so '3  facilitating' matches '3')."""
        for widget in self.buttons():
            if widget.text == caption or widget.text.startswith(caption):
                return widget
        shown = [b.text for b in self.buttons()]
        raise LookupError(f"no button {caption!r} on {self.app.scene.name}; there are {shown}")

    def click_button(self, caption: str) -> None:
        widget = self.button(caption)
        if not widget.is_enabled:
            raise AssertionError(f"button {caption!r} is disabled")
        self.click(widget.get_abs_rect().center)

    @property
    def scene(self) -> str:
        return self.app.scene.name if self.app.scene is not None else ""

    def screenshot(self, path: Path) -> Path:
        """Save the screen as a PNG, whole or not at all; ``OSError`` naming ``path`` if not.

        SDL writes a file without telling when the disk is full (the tour once reported 41
        pictures of 0 bytes): the PNG is made in memory and written atomically instead.
        """
        from game.saves.atomic import write_atomic

        self.app.invalidate()
        self.app.draw()
        picture = io.BytesIO()
        pygame.image.save(self.app.screen, picture, "png")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, picture.getvalue(), keep_backup=False)
        except OSError as error:
            raise OSError(error.errno, error.strerror or str(error), str(path)) from error
        return path
