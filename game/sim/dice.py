"""The game's one random generator: SplitMix64, whose whole state is a single number.

The simulation draws only a few numbers a round (stumbles, events, conditional initiatives), but
a save and every round's state must hold the generator's exact state, so a game can be resumed
and replayed bit for bit. Python's Mersenne Twister keeps 625 numbers, and copying them every
round cost more than all the dice. SplitMix64 (Steele, Lea and Flood, 2014; the seeding generator
of Java's SplittableRandom and of xoshiro) is a well-studied 64-bit generator whose state is one
integer: storing it is free, and its numbers are more than random enough for a game's dice.
"""

from __future__ import annotations

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_MIX1 = 0xBF58476D1CE4E5B9
_MIX2 = 0x94D049BB133111EB
_UNIT = 2.0**-53


class Dice:
    """A seeded generator with the part of ``random.Random``'s interface the core uses."""

    __slots__ = ("_state",)

    def __init__(self, seed: int = 0) -> None:
        self._state = seed & _MASK

    def random(self) -> float:
        """The next number in [0, 1), with 53 random bits."""
        state = (self._state + _GOLDEN) & _MASK
        self._state = state
        z = ((state ^ (state >> 30)) * _MIX1) & _MASK
        z = ((z ^ (z >> 27)) * _MIX2) & _MASK
        return ((z ^ (z >> 31)) >> 11) * _UNIT

    def getstate(self) -> int:
        return self._state

    def setstate(self, state: int) -> None:
        if not 0 <= state <= _MASK:
            raise ValueError(f"not a state of this generator: {state}")
        self._state = state


# A seed drawn for a new game: small enough to read off the projector and type after --seed.
DRAWN_SEEDS = (1, 999_999)


def choose_seed(given: int | None) -> int:
    """The seed of a new game: ``given`` (``--seed``), or else a new one drawn at random, so each
    workshop brings its own news (issue 19: every game used seed 1). The seed is kept in the
    save and the results, so replays and the comparison are unchanged."""
    if given is not None:
        return given
    import secrets

    low, high = DRAWN_SEEDS
    return low + secrets.randbelow(high - low + 1)
