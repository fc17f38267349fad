"""Wrong PINs cost time: the facilitator's PIN cannot be guessed by trying every one.

A PIN of four digits has 10,000 values; without a wait a team could try them all through the
PIN screen in minutes. After three wrong tries every next try waits, twice as long each time
(5 s, 10 s, 20 s … up to five minutes), so a facilitator who mistypes loses seconds and a team
trying every PIN would need weeks. The count lives in the app for the whole session: leaving
the PIN screen and opening it again (F9, or settings) does not start it afresh.

The right PIN is asked once per session: once given, F9 and the facilitator's settings open
without it until the app closes or the PIN is changed (issue 19: asking at every F9 put the
PIN on the projector's keyboard again and again).
"""

from __future__ import annotations

import time
from collections.abc import Callable

# Wrong tries before the first wait; the first wait, and the longest (seconds).
FREE_TRIES = 3
FIRST_WAIT = 5.0
LONGEST_WAIT = 300.0


class PinGuard:
    """Counts wrong PINs and says how long to wait before the next try.

    Time is read from ``clock`` (monotonic), so a changed wall clock does not shorten a wait;
    tests hand it a clock of their own, as they do the round timer's.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.wrong_tries = 0
        self.waits_until: float | None = None
        # The PIN last given right in this session (None: not given yet).
        self.given: str | None = None

    def knows(self, pin: str) -> bool:
        """Whether ``pin`` (the one set now) was given right in this session already."""
        return bool(pin) and self.given == pin

    def wait_left(self) -> float:
        """Seconds before the next try is taken (0: now)."""
        if self.waits_until is None:
            return 0.0
        return max(0.0, self.waits_until - self.clock())

    def check(self, typed: str, pin: str) -> bool:
        """Whether ``typed`` is the PIN. While a wait lasts nothing is checked (not even the
        right PIN), and the try does not count; a right PIN starts the count afresh."""
        if self.wait_left() > 0:
            return False
        if typed == pin:
            self.wrong_tries = 0
            self.waits_until = None
            self.given = pin
            return True
        self.wrong_tries += 1
        if self.wrong_tries >= FREE_TRIES:
            doublings = min(self.wrong_tries - FREE_TRIES, 16)  # past the longest wait anyway
            wait = min(LONGEST_WAIT, FIRST_WAIT * 2**doublings)
            self.waits_until = self.clock() + wait
        return False
