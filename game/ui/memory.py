"""Keeping the window's memory flat over a workshop (issue 22).

A game at 1920×1080 grew by 300 MB although it held on to little. pygame_gui's text boxes,
buttons and drawn shapes refer to each other, so the widgets a scene drops are freed only by
Python's cyclic collector, and with them their pictures (a help page at 140% type is 20 MB of
them). The collector counts objects, not bytes: a few hundred objects holding 100 MB of pixels
did not make it run, and the pictures of every page turned and every scene left piled up.

So the widget manager collects when the widgets it dropped (a new scene, a rebuild, a page
turned) held enough pictures to matter, before the next ones are made, and what start-up and
the warm-up loaded is frozen out of every collection so that one takes about 4 ms instead of
40.
"""

from __future__ import annotations

import gc

import pygame_gui
from pygame_gui.core import UIContainer


def freeze_start_up() -> None:
    """Keep what start-up made (modules, themes, fonts) out of every later collection."""
    gc.collect()
    gc.freeze()


# Collect once the widgets dropped since the last collection held about this many bytes of
# pictures (each widget's size, times the few pictures pygame_gui keeps of it): a help page at
# 1920×1080 and 140% is over it alone; small scenes wait for a few of their kind, so that a
# frame dropping a handful of buttons does not pay 4–13 ms for a collection.
COLLECT_AFTER_BYTES = 8 * 2**20
PICTURES_PER_WIDGET = 4


class WidgetManager(pygame_gui.UIManager):
    """pygame_gui's manager, freeing the widgets it drops (with their pictures) once they add
    up to a collection's worth."""

    dropped_bytes = 0

    def clear_and_reset(self) -> None:
        self.dropped_bytes += sum(
            widget.rect.width * widget.rect.height * 4 * PICTURES_PER_WIDGET
            for widget in self.get_sprite_group().sprites()
            # A container (the window's root among them) draws no pictures of its own.
            if not isinstance(widget, UIContainer) and getattr(widget, "rect", None) is not None
        )
        super().clear_and_reset()
        # Before the next widgets are made: the peak holds the dropped set once, not twice.
        if self.dropped_bytes >= COLLECT_AFTER_BYTES:
            self.dropped_bytes = 0
            gc.collect()
