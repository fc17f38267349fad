"""How well a role fits, in three classes the whole game uses alike.

The help page's table, the effects, the outcome story and the report all speak of a role that
*fits* (the initiative's best role), one that *also fits* (a near fit, at least ``ALSO_FIT``)
and one that *does not fit*. One rule, here, so that they never disagree.

Pure Python: nothing here imports pygame.
"""

from __future__ import annotations

from enum import StrEnum

from game.domain import MunicipalRole

# A role that is not the best one but fits at least this well "also fits" (0–1).
ALSO_FIT = 0.7
# What a decision adds to the track record, per class (0–100): a near fit is no mistake, but
# it is not yet the networking municipality's choice either.
RECORD_VALUE = {"fits": 100.0, "also": 50.0, "misfit": 0.0}


class FitClass(StrEnum):
    FITS = "fits"
    ALSO = "also"
    MISFIT = "misfit"


def fit_class(role: MunicipalRole, fit: float, best: tuple[MunicipalRole, ...]) -> FitClass:
    """The class of ``role`` with fit ``fit`` (0–1) for an initiative whose best roles are
    ``best``."""
    if role in best:
        return FitClass.FITS
    if fit >= ALSO_FIT - 1e-9:
        return FitClass.ALSO
    return FitClass.MISFIT
