"""Short tones made in code, so the game needs no sound files."""

from __future__ import annotations

import math
from array import array

import pygame


def tone(
    frequency: float, seconds: float = 0.12, volume: float = 0.25
) -> pygame.mixer.Sound | None:
    """A soft sine tone with a quick fade, or None when the mixer is not available."""
    init = pygame.mixer.get_init()
    if init is None:
        return None
    rate, size, channels = init
    if abs(size) != 16:
        return None
    count = int(rate * seconds)
    samples = array("h")
    for i in range(count):
        fade = min(1.0, i / (rate * 0.01), (count - i) / (rate * 0.05))
        value = int(32767 * volume * fade * math.sin(2 * math.pi * frequency * i / rate))
        for _ in range(channels):
            samples.append(value)
    return pygame.mixer.Sound(buffer=samples.tobytes())
