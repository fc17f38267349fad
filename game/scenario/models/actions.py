"""Development actions: what the organisation can invest in itself, and what that does."""

from __future__ import annotations

from pydantic import Field

from game.domain import CitizenRelation
from game.scenario.models.base import MAX_BUDGET, AssetPath, ContentId, ContentModel, reference
from game.scenario.models.conditions import Condition
from game.scenario.models.texts import Text, text_field
from game.scenario.models.values import IndicatorDeltas, PurposeValues, RoleValues


class Cost(ContentModel):
    """What something costs."""

    capacity: int = Field(0, ge=0, le=400, description="Hours of capacity.")
    budget: float = Field(0, ge=0, le=MAX_BUDGET, description="Budget (thousand euro).")


class ActionEffects(ContentModel):
    """What buying a development action does."""

    indicators: IndicatorDeltas = Field(
        default_factory=IndicatorDeltas,
        description="Pulls on indicators; they move there over the next rounds (inertia).",
    )
    capacity: int = Field(
        0, ge=-200, le=200, description="Hours of capacity per round, from now on."
    )
    budget_per_round: float = Field(
        0, ge=-MAX_BUDGET, le=MAX_BUDGET, description="Change to the ad hoc budget per round."
    )
    structural_budget: float = Field(
        0,
        ge=-MAX_BUDGET,
        le=MAX_BUDGET,
        description="Change to the structural budget per round.",
    )
    purpose_bonus: PurposeValues | None = Field(
        None, description="Points added to every channel's fit for these purposes (e.g. webcare)."
    )
    role_readiness: RoleValues | None = Field(
        None, description="Points added to the organisation's readiness for these roles."
    )
    risk_reduction: float = Field(
        0, ge=0, le=1, description="Share by which execution risk of every role drops."
    )
    open_channels: list[reference("channel")] = Field(
        default_factory=list, description="The ids of channels in this file it opens, for free."
    )
    relations: list[CitizenRelation] = Field(
        default_factory=list,
        description=(
            "The citizen relations whose interaction the 'interaction' change applies to "
            "(e.g. [customer] for a webcare team); leave out for all of them."
        ),
    )


class DevelopmentAction(ContentModel):
    """An investment in the organisation itself: training, a webcare team, a sponsor…"""

    id: ContentId
    title: Text = text_field("A short title.")
    text: Text = text_field("What it is and why an organisation would do it.")
    cost: Cost = Field(default_factory=Cost, description="What it costs.")
    requires: Condition | None = Field(None, description="When it can be bought.")
    repeatable: bool = Field(False, description="True when it can be bought again in later rounds.")
    max_times: int | None = Field(
        None,
        ge=1,
        le=40,
        description="When repeatable: how often at most (leave out for no limit).",
    )
    effects: ActionEffects = Field(default_factory=ActionEffects, description="What it does.")
    trap: Text | None = Field(
        None,
        description="Say why, when this action is a deliberate trap that a good team leaves alone.",
    )
    icon: AssetPath | None = Field(None, description="An icon, relative to the scenario's folder.")
