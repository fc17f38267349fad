"""What the debrief draws on: advice per weakest line, and the council account it ranks."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from game.scenario.models.base import ContentId, ContentModel, Reference
from game.scenario.models.texts import Text


class Recommendations(ContentModel):
    """What the debrief recommends when a line is the weakest."""

    interaction: Text | None = Field(None, description="When interaction is the weakest line.")
    initiative_ownership: Text | None = Field(
        None, description="When choosing the fitting role is the weakest line."
    )
    organisation_ownership: Text | None = Field(
        None, description="When ownership inside the organisation is the weakest line."
    )


class CouncilAccount(ContentModel):
    """The council's own account (in the survey: on Twitter), ranked in the debrief.

    The council clerks' survey of 2014 scored council accounts by followers, accounts followed and
    messages posted, each per inhabitant (table 14). The game derives the player's three figures
    from play: followers grow with the channel's audience, messages with every initiative the
    channel served, and accounts followed with listening (the two 'follow' purposes) and with the
    development actions listed here.
    """

    channel: Annotated[ContentId, Reference("channel")] = Field(
        ..., description="The id of the channel in this file that is the council's account."
    )
    name: Text | None = Field(
        None, description="The account's name in the ranking (default: the organisation's name)."
    )
    followers: int = Field(0, ge=0, description="Followers at the start of the game.")
    following: int = Field(0, ge=0, description="Accounts it follows at the start of the game.")
    tweets: int = Field(0, ge=0, description="Messages it has posted before the game starts.")
    followers_at_full_audience: float = Field(
        3.0,
        gt=0,
        le=100,
        description=(
            "Followers as % of inhabitants gained when the channel's audience grows from where it "
            "starts to 100. The survey's best accounts have 1.2–2.5%."
        ),
    )
    tweets_per_purpose: int = Field(
        30,
        ge=0,
        le=10_000,
        description="Messages posted for each purpose of an initiative the channel is used for.",
    )
    following_per_listen: int = Field(
        15,
        ge=0,
        le=10_000,
        description=(
            "Accounts followed each time the channel is used for an initiative that follows "
            "council members or residents."
        ),
    )
    follow_actions: dict[
        Annotated[ContentId, Reference("action")], Annotated[int, Field(ge=0, le=100_000)]
    ] = Field(
        default_factory=dict,
        description=(
            "Per id of a development action in this file, the number of accounts the council "
            "account starts following when it is bought (e.g. monitoring: 40)."
        ),
    )
