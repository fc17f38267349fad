"""What a room can change about the window: language, type size, fullscreen, palette, sound."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.domain import Language

# Font scale steps offered in settings: small type for a laptop, extra large for the back row.
FONT_SCALES: tuple[float, ...] = (0.85, 1.0, 1.2, 1.4)


@dataclass(frozen=True, slots=True)
class Settings:
    """The room's preferences. Frozen: changing one gives a new value, and the app rebuilds."""

    language: Language = "nl"
    font_scale: float = 1.0
    fullscreen: bool = False
    colour_blind: bool = False
    sound: bool = True
    predict: bool = True
    # The facilitator panel's PIN (issue 12); empty: the panel opens without one.
    facilitator_pin: str = ""

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def next_font_scale(self) -> float:
        """The next step up, wrapping round to the smallest."""
        steps = FONT_SCALES
        bigger = [s for s in steps if s > self.font_scale + 1e-6]
        return bigger[0] if bigger else steps[0]
