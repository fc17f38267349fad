"""Workshop lengths: what a short or standard game keeps of the scenario."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from game.scenario.models.base import ContentId, ContentModel, Reference


class LengthPlan(ContentModel):
    """What a shorter game keeps of the scenario: which rounds it plays, which initiatives come.

    Leave out what the game should choose itself: rounds spread evenly over the scenario, and per
    kept round one initiative (short) or two (standard), chosen so every relation comes up.
    """

    rounds: list[Annotated[int, Field(ge=1, le=40)]] | None = Field(
        None,
        min_length=1,
        description=(
            "The rounds of the full game it plays, in order (e.g. [1, 2, 4, 6, 8]); they are "
            "numbered 1, 2, 3… in the shorter game. News of a round left out comes in the next "
            "round played."
        ),
    )
    initiatives: list[Annotated[ContentId, Reference("initiative")]] | None = Field(
        None,
        min_length=1,
        description=(
            "The ids of the initiatives in this file it keeps of those that come in a given round "
            "('round'); one "
            "whose round is left out comes in the next round played. Their next stages, and "
            "initiatives that come with news or conditions, are kept with them."
        ),
    )


class Lengths(ContentModel):
    """Shorter games a workshop can choose at New game, next to the whole scenario."""

    short: LengthPlan | None = Field(None, description="The short game (about 45 minutes of play).")
    standard: LengthPlan | None = Field(
        None, description="The standard game (about 75 minutes of play)."
    )
