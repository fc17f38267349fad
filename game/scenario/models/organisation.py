"""The organisation the players run, where it starts, and the pictures the scenario brings."""

from __future__ import annotations

from pydantic import Field

from game.domain import CitizenRelation, GrowthPhase, OrganisationKind
from game.scenario.models.base import MAX_BUDGET, AssetPath, ContentModel
from game.scenario.models.texts import Text, text_field
from game.scenario.models.values import IndicatorValues


class Organisation(ContentModel):
    """The organisation the players run."""

    name: Text = text_field("Its name, as shown on the dashboard.")
    kind: OrganisationKind = Field(
        OrganisationKind.MUNICIPALITY, description="What kind of organisation it is."
    )
    inhabitants: int = Field(
        ..., ge=100, le=20_000_000, description="Inhabitants of the area it serves."
    )


class RelationStart(ContentModel):
    """Where the organisation starts in one citizen relation."""

    phase: GrowthPhase | None = Field(
        None,
        description=(
            "The growth phase it starts in, in this relation (default: what its starting "
            "indicators support). It holds as long as the phase's thresholds, less the "
            "hysteresis, are met."
        ),
    )
    interaction: float | None = Field(
        None,
        ge=0,
        le=100,
        description="Interaction (0–100) in this relation (default: the indicators' interaction).",
    )


class RelationStarts(ContentModel):
    """A starting position for some or all citizen relations."""

    customer: RelationStart | None = Field(None, description="People as customers (service).")
    voter: RelationStart | None = Field(None, description="People as voters (democracy).")
    subject: RelationStart | None = Field(None, description="People as subjects (enforcement).")
    user: RelationStart | None = Field(None, description="People as users (public space).")
    partner: RelationStart | None = Field(None, description="People as partners (policy).")
    resident: RelationStart | None = Field(None, description="People as residents.")

    def items(self) -> tuple[tuple[CitizenRelation, RelationStart], ...]:
        return tuple(
            (relation, getattr(self, relation.value))
            for relation in CitizenRelation
            if getattr(self, relation.value) is not None
        )


class StartingPosition(ContentModel):
    """Where the game starts: indicators and resources."""

    indicators: IndicatorValues = Field(
        default_factory=IndicatorValues,
        description="Starting indicators; an indicator left out starts at the tuning default.",
    )
    capacity: int = Field(
        24,
        ge=1,
        le=400,
        description="Hours of staff capacity per round (the survey's top barrier).",
    )
    budget: float = Field(
        20, ge=0, le=MAX_BUDGET, description="Budget in the pot at the start (thousand euro)."
    )
    budget_per_round: float = Field(
        10,
        ge=0,
        le=MAX_BUDGET,
        description="Ad hoc budget added each round (thousand euro); cuts can hit it.",
    )
    structural_budget: float = Field(
        0,
        ge=0,
        le=MAX_BUDGET,
        description="Structural budget added each round (thousand euro); safe from cuts.",
    )
    relations: RelationStarts = Field(
        default_factory=lambda: RelationStarts(),
        description=(
            "Per citizen relation: the growth phase and interaction it starts with. A relation "
            "left out starts with the indicators' interaction and the phase they support."
        ),
    )


class Assets(ContentModel):
    """Pictures the scenario brings, by path relative to the scenario file."""

    logo: AssetPath | None = Field(None, description="The organisation's logo.")
    background: AssetPath | None = Field(None, description="A background picture.")
