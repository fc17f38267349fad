"""Conditions: when an initiative comes, an event happens, a channel or action is on offer.

Conditions are data, never code: the game checks them against the state of the game.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field, field_validator
from pydantic.json_schema import GetJsonSchemaHandler, JsonSchemaValue
from pydantic_core import CoreSchema

from game.domain import CitizenRelation, CompetenceStage, GrowthPhase
from game.scenario.models.base import ContentModel, ReferenceKind, reference
from game.scenario.models.values import IndicatorValues


def _as_list(value: Any) -> Any:
    """Let a trainer write one id where a list is expected (``action_done: sponsor``)."""
    return [value] if isinstance(value, str) else value


@dataclass(frozen=True)
class OneOrMore:
    """Marks a list of ids where one id may stand alone (``_as_list`` makes it a list): the
    JSON Schema says so, so editors accept ``action_done: sponsor`` as the game does."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        array = handler(core_schema)
        return {"oneOf": [array["items"], array]}


def id_list(kind: ReferenceKind) -> Any:
    """The ids of items of ``kind``: one id, or a list of them."""
    return Annotated[list[reference(kind)], OneOrMore()]


class RelationPhases(ContentModel):
    """A growth phase for some or all citizen relations."""

    customer: GrowthPhase | None = Field(None, description="People as customers (service).")
    voter: GrowthPhase | None = Field(None, description="People as voters (democracy).")
    subject: GrowthPhase | None = Field(None, description="People as subjects (enforcement).")
    user: GrowthPhase | None = Field(None, description="People as users (public space).")
    partner: GrowthPhase | None = Field(None, description="People as partners (policy).")
    resident: GrowthPhase | None = Field(None, description="People as residents.")

    def items(self) -> tuple[tuple[CitizenRelation, GrowthPhase], ...]:
        """The phases given, in the fixed order of the relations."""
        return tuple(
            (relation, getattr(self, relation.value))
            for relation in CitizenRelation
            if getattr(self, relation.value) is not None
        )


class Condition(ContentModel):
    """When something may happen. Every part that is given must hold (and); use ``any_of`` for or.

    Conditions are data, never code: the game checks them against the state of the game.
    """

    round_at_least: int | None = Field(None, ge=1, description="From this round on.")
    round_at_most: int | None = Field(None, ge=1, description="Up to and including this round.")
    phase_at_least: GrowthPhase | None = Field(
        None, description="The municipality has reached at least this growth phase."
    )
    phase_below: GrowthPhase | None = Field(
        None, description="The municipality has not yet reached this growth phase."
    )
    stage_at_least: CompetenceStage | None = Field(
        None, description="The organisation has reached at least this competence stage."
    )
    stage_below: CompetenceStage | None = Field(
        None, description="The organisation has not yet reached this competence stage."
    )
    indicator_at_least: IndicatorValues | None = Field(
        None, description="Each indicator given is at least this value."
    )
    indicator_below: IndicatorValues | None = Field(
        None, description="Each indicator given is below this value."
    )
    action_done: id_list("action") | None = Field(
        None,
        description=(
            "These development actions have all been bought: the id of one, or a list of ids "
            "(of actions in this file)."
        ),
    )
    action_not_done: id_list("action") | None = Field(
        None,
        description=(
            "None of these development actions has been bought: the id of one, or a list of ids "
            "(of actions in this file)."
        ),
    )
    event_happened: id_list("event") | None = Field(
        None,
        description=(
            "These events have all happened: the id of one, or a list of ids (of events in this "
            "file)."
        ),
    )
    event_not_happened: id_list("event") | None = Field(
        None,
        description=(
            "None of these events has happened: the id of one, or a list of ids (of events in "
            "this file)."
        ),
    )
    channel_in_use: id_list("channel") | None = Field(
        None,
        description=(
            "These channels are all in use: the id of one, or a list of ids (of channels in this "
            "file)."
        ),
    )
    relation_phase_at_least: RelationPhases | None = Field(
        None,
        description=(
            "For each citizen relation given, the organisation has reached at least this growth "
            "phase in that relation (e.g. {customer: experimenting})."
        ),
    )
    any_of: list[Condition] | None = Field(
        None, min_length=1, description="At least one of these conditions holds."
    )

    _as_lists = field_validator(
        "action_done",
        "action_not_done",
        "event_happened",
        "event_not_happened",
        "channel_in_use",
        mode="before",
    )(_as_list)
