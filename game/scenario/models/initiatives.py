"""Initiatives: what comes up, the team chooses a role and channels, and how it unfolds."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, model_validator

from game.domain import CitizenRelation, InitiativeOwner, Purpose
from game.said import said
from game.scenario.models.base import (
    AssetPath,
    ContentId,
    ContentModel,
    Reference,
    not_both_given,
    some_given,
)
from game.scenario.models.conditions import Condition
from game.scenario.models.texts import Text, text_field
from game.scenario.models.values import RoleTexts, RoleValues


class Unfolding(ContentModel):
    """An initiative's next stage: it comes back, grown or gone sour, depending on the role taken.

    The next stage is an initiative of its own (without 'round' or 'when'), with its own owner,
    relation and fitting role: a residents' idea becomes a running project, then perhaps a
    conflict that needs rules.
    """

    model_config = ConfigDict(json_schema_extra=some_given("grows", "withers"))

    after: int = Field(2, ge=1, le=8, description="How many rounds later the next stage comes.")
    grows: Annotated[ContentId, Reference("initiative")] | None = Field(
        None,
        description=(
            "The id of the initiative in this file it grows into when the role fitted (fit at "
            "least tuning.grow_fit) and the organisation did not stumble."
        ),
    )
    withers: Annotated[ContentId, Reference("initiative")] | None = Field(
        None,
        description=(
            "The id of the initiative in this file that follows when it did not fit or went "
            "wrong; leave out when the initiative then simply ends."
        ),
    )

    @model_validator(mode="after")
    def _somewhere(self) -> Unfolding:
        if self.grows is None and self.withers is None:
            raise ValueError(
                said("give 'grows', 'withers' or both: the initiative(s) it unfolds into")
            )
        return self


class Initiative(ContentModel):
    """Something that comes up: the team decides the municipality's role and channels for it."""

    model_config = ConfigDict(json_schema_extra=not_both_given("round", "when"))

    id: ContentId
    title: Text = text_field("A short title.")
    text: Text = text_field("What is going on, told to the players.")
    owner: InitiativeOwner = Field(..., description="Who took the initiative.")
    relation: CitizenRelation = Field(..., description="The citizen–government relation at stake.")
    purposes: list[Purpose] = Field(
        default_factory=list, description="What channels would be used for here."
    )
    round: int | None = Field(
        None,
        ge=1,
        description=(
            "The round it arrives in. Leave out to use 'when' instead, or leave both out for an "
            "initiative that only arrives with an event ('add_initiatives')."
        ),
    )
    when: Condition | None = Field(
        None, description="Arrives in the first round where this holds (and the dice agree)."
    )
    probability: float = Field(
        1.0, ge=0, le=1, description="Chance per eligible round that a conditional one arrives."
    )
    weight: float = Field(
        1.0, ge=0.2, le=3, description="How much it matters: its effects are multiplied by this."
    )
    role_fit: RoleValues | None = Field(
        None,
        description=(
            "How well each role fits (0–100), overriding the default from owner × relation for "
            "the roles given."
        ),
    )
    outcomes: RoleTexts = Field(
        default_factory=RoleTexts,
        description="Per role, what happened and why, in terms of the model.",
    )
    unfolds: Unfolding | None = Field(
        None,
        description=(
            "How this initiative comes back at its next stage, a few rounds later: what grows "
            "when the role fitted, and what follows when it did not."
        ),
    )
    image: AssetPath | None = Field(
        None, description="A picture, relative to the scenario's folder."
    )

    @model_validator(mode="after")
    def _not_both(self) -> Initiative:
        if self.round is not None and self.when is not None:
            raise ValueError(said("give either 'round' or 'when', not both"))
        return self
