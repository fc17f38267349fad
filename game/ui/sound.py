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


def soft_chime() -> pygame.mixer.Sound | None:
    """Two soft, falling tones: time is up, without alarming a room."""
    init = pygame.mixer.get_init()
    if init is None or abs(init[1]) != 16:
        return None
    rate, _, channels = init
    samples = array("h")
    for frequency, seconds in ((784.0, 0.35), (587.0, 0.55)):
        count = int(rate * seconds)
        for i in range(count):
            fade = min(1.0, i / (rate * 0.02), (count - i) / (rate * 0.25))
            value = int(32767 * 0.16 * fade * math.sin(2 * math.pi * frequency * i / rate))
            samples.extend([value] * channels)
    return pygame.mixer.Sound(buffer=samples.tobytes())


class Sounds:
    """The game's few tones, each made once on first use; silent without a sound card.

    The mixer opens when the window is first idle (``warm_up``), or at the first tone before
    that: opening it took 0.1 s before the first frame (issue 22)."""

    def __init__(self) -> None:
        self._opened: bool | None = None
        self._made: dict[str, pygame.mixer.Sound] = {}

    @property
    def available(self) -> bool:
        if self._opened is None:
            try:
                pygame.mixer.init(frequency=22050, size=-16, channels=1)
                self._opened = True
            except pygame.error:
                self._opened = False
        return self._opened

    def warm_up(self) -> None:
        """Open the mixer now, while nobody waits for a frame."""
        _ = self.available

    def play(self, name: str) -> None:
        """``time_up`` is the soft chime; the others a tone each (reveal, confirm, phase)."""
        if not self.available:
            return
        sound = self._made.get(name)
        if sound is None:
            if name == "time_up":
                sound = soft_chime()
            else:
                pitch = {"reveal": 660.0, "confirm": 880.0, "phase": 990.0}.get(name, 520.0)
                sound = tone(pitch)
            if sound is None:
                return
            self._made[name] = sound
        sound.play()
