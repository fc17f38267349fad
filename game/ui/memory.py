"""Keeping the window's memory flat over a workshop (issue 22).

A game at 1920×1080 grew by 300 MB although it held on to little. pygame_gui's text boxes,
buttons and drawn shapes refer to each other, so the widgets a scene drops are freed only by
Python's cyclic collector, and with them their pictures (a help page at 140% type is 20 MB of
them). The collector counts objects, not bytes: a few hundred objects holding 100 MB of pixels
did not make it run, and the pictures of every page turned and every scene left piled up.

So the widget manager collects when it drops widgets (a new scene, a rebuild, a page turned),
before the next ones are made, and the objects of start-up are frozen out of every collection
so that one takes about 5 ms instead of 40.
"""

from __future__ import annotations

import gc

import pygame_gui


def freeze_start_up() -> None:
    """Keep what start-up made (modules, themes, fonts) out of every later collection."""
    gc.collect()
    gc.freeze()


class WidgetManager(pygame_gui.UIManager):
    """pygame_gui's manager, freeing the widgets it drops (with their pictures) at once."""

    def clear_and_reset(self) -> None:
        had_widgets = bool(self.get_root_container().elements)
        super().clear_and_reset()
        if had_widgets:  # before the next widgets are made: the peak holds one set, not two
            gc.collect()
