"""The channels the organisation can use: platforms, the website, meetings, apps."""

from __future__ import annotations

from pydantic import Field

from game.domain import InteractionLevel
from game.scenario.models.base import AssetPath, ContentId, ContentModel, SurveyProfile
from game.scenario.models.conditions import Condition
from game.scenario.models.texts import Text, text_field
from game.scenario.models.values import PurposeValues


class Channel(ContentModel):
    """A channel the municipality can use: a platform, the website, a meeting, an app."""

    id: ContentId
    name: Text = text_field("Its name.")
    description: Text | None = Field(None, description="What it is, for the players.")
    interaction: InteractionLevel = Field(
        InteractionLevel.SENDING, description="The highest interaction level this channel allows."
    )
    survey_profile: SurveyProfile | None = Field(
        None,
        description=(
            "Take the per-purpose fit from the council clerks' survey (tables 13 and 15) for "
            "'twitter', 'facebook' or 'linkedin'; 'fit' below overrides single purposes."
        ),
    )
    fit: PurposeValues = Field(
        default_factory=PurposeValues,
        description="How well this channel serves each purpose (0–100); left out means 0.",
    )
    cost: int = Field(
        2, ge=0, le=100, description="Hours of capacity per initiative it is used for."
    )
    open_cost: int = Field(
        4, ge=0, le=100, description="One-off hours to open the channel if it is not yet in use."
    )
    audience: float = Field(
        20,
        ge=0,
        le=100,
        description="Starting audience (0–100): how many of the right people it reaches.",
    )
    in_use: bool = Field(
        False, description="True when the organisation already uses it at the start."
    )
    online: bool = Field(
        True,
        description=(
            "False for a channel that is not online (a drop-in evening, a letter): using it "
            "builds dialogue, but not the organisation's awareness of working online."
        ),
    )
    others_platform: bool = Field(
        False,
        description=(
            "True for a platform of others, where the conversation already is (residents' own "
            "groups, a neighbourhood app). In a relation that is conversing or further, going "
            "there counts extra (tuning.others_platform_bonus)."
        ),
    )
    requires: Condition | None = Field(
        None, description="When it can be opened (e.g. after a development action)."
    )
    icon: AssetPath | None = Field(None, description="An icon, relative to the scenario's folder.")
