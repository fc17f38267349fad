"""How an initiative went: what a role achieves, and the verdict a prediction is held against."""

from __future__ import annotations

from game.domain import Prediction

# How an outcome is judged (and a prediction held against it).
WELL_QUALITY = 0.75
BADLY_QUALITY = 0.4
WELL_CHANNEL_FIT = 0.5

_WELL, _MIXED, _BADLY = Prediction.WELL, Prediction.MIXED, Prediction.BADLY


def achievement(fit: float) -> float:
    """What a role that goes well achieves (0–1): its fit squared, so a near-fitting role (0.8
    achieves 0.64) brings clearly less than the fitting one, and a poor fit next to nothing."""
    return fit * fit


def judge(quality: float, channel_fit: float | None) -> Prediction:
    """How an initiative went: what the role achieved, and whether the channels reached people."""
    if quality < BADLY_QUALITY:
        return _BADLY
    if quality >= WELL_QUALITY and (channel_fit is None or channel_fit >= WELL_CHANNEL_FIT):
        return _WELL
    return _MIXED
