"""Events: news at the start of a round, scripted or conditional, and what it does."""

from __future__ import annotations

from pydantic import ConfigDict, Field, model_validator

from game.domain import CitizenRelation, Indicator
from game.said import said
from game.scenario.models.base import (
    MAX_BUDGET,
    AssetPath,
    ContentId,
    ContentModel,
    one_of_given,
    reference,
)
from game.scenario.models.conditions import Condition
from game.scenario.models.texts import Text, text_field
from game.scenario.models.values import IndicatorDeltas


class ScaleBy(ContentModel):
    """Scale an event's indicator effects by an indicator's value."""

    indicator: Indicator = Field(..., description="The indicator that scales the effect.")
    inverse: bool = Field(
        False,
        description="True: the effect is largest when the indicator is low (×2 at 0, ×0 at 100).",
    )


class EventEffects(ContentModel):
    """What an event does when it happens (at the start of a round)."""

    indicators: IndicatorDeltas = Field(
        default_factory=IndicatorDeltas, description="Immediate changes to indicators."
    )
    budget: float = Field(
        0,
        ge=-MAX_BUDGET,
        le=MAX_BUDGET,
        description="One-off change to the budget pot (thousand euro).",
    )
    budget_per_round: float = Field(
        0, ge=-MAX_BUDGET, le=MAX_BUDGET, description="Change to the ad hoc budget per round."
    )
    capacity: int = Field(
        0, ge=-200, le=200, description="Change to capacity per round, from now on."
    )
    capacity_this_round: int = Field(
        0, ge=-200, le=200, description="Change to capacity in this round only."
    )
    add_initiatives: list[reference("initiative")] = Field(
        default_factory=list,
        description="The ids of initiatives in this file that arrive with this event.",
    )
    scale_by: ScaleBy | None = Field(
        None, description="Scale the indicator changes by an indicator."
    )
    mitigated_by: list[reference("action")] = Field(
        default_factory=list,
        description=(
            "The ids of development actions in this file that prepare for this event: if any was "
            "bought, negative changes shrink by 'mitigation'."
        ),
    )
    mitigation: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Share of a negative change that preparation takes away (0.5 = halved).",
    )
    relations: list[CitizenRelation] = Field(
        default_factory=list,
        description=(
            "The citizen relations whose interaction the 'interaction' change hits (e.g. "
            "[resident] when a community officer leaves); leave out for all of them."
        ),
    )


class Event(ContentModel):
    """News at the start of a round: scripted for a round, or conditional with a probability."""

    model_config = ConfigDict(json_schema_extra=one_of_given("round", "when"))

    id: ContentId
    title: Text = text_field("The headline.")
    text: Text = text_field("The news, told to the players.")
    round: int | None = Field(None, ge=1, description="The round it happens in (scripted).")
    when: Condition | None = Field(
        None, description="It may happen in any round where this holds (conditional)."
    )
    probability: float = Field(
        1.0, ge=0, le=1, description="Chance per eligible round that it happens."
    )
    once: bool = Field(True, description="False when it can happen again in later rounds.")
    effects: EventEffects = Field(default_factory=EventEffects, description="What it does.")
    image: AssetPath | None = Field(
        None, description="A picture, relative to the scenario's folder."
    )

    @model_validator(mode="after")
    def _round_or_when(self) -> Event:
        if self.round is None and self.when is None:
            raise ValueError(said("give 'round' (the round it happens) or 'when' (a condition)"))
        if self.round is not None and self.when is not None:
            raise ValueError(said("give either 'round' or 'when', not both"))
        return self
