"""One number (or text) per member of a closed set: indicators, roles, purposes."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, ClassVar

from pydantic import Field, PrivateAttr

from game.domain import Indicator, MunicipalRole, Purpose
from game.scenario.models.base import ContentModel
from game.scenario.models.texts import Text


class _ValueMap(ContentModel):
    """A model with one optional number per member of a closed set (indicators, roles…)."""

    _keys: ClassVar[tuple[StrEnum, ...]] = ()
    _items: Any = PrivateAttr(default=None)

    def items(self) -> tuple[tuple[Any, float], ...]:
        """The values that were given, in the set's fixed order (built once: content is frozen)."""
        private = self.__pydantic_private__
        cached = private["_items"]
        if cached is None:
            cached = tuple(
                (key, float(getattr(self, key)))
                for key in self._keys
                if getattr(self, key) is not None
            )
            private["_items"] = cached
        return cached


class _IndicatorMap(_ValueMap):
    _keys: ClassVar[tuple[StrEnum, ...]] = tuple(Indicator)


class IndicatorValues(_IndicatorMap):
    """Values 0–100 for some or all indicators."""

    awareness: float | None = Field(
        None, ge=0, le=100, description="Awareness (0–100): sees what online interaction can do."
    )
    skill: float | None = Field(
        None, ge=0, le=100, description="Skill (0–100): its people can do it."
    )
    embedding: float | None = Field(
        None, ge=0, le=100, description="Embedding (0–100): anchored in budget, policy, processes."
    )
    ownership_breadth: float | None = Field(
        None, ge=0, le=100, description="Ownership breadth (0–100): owned across the organisation."
    )
    interaction: float | None = Field(
        None, ge=0, le=100, description="Interaction (0–100): from presence to dialogue."
    )
    trust: float | None = Field(
        None, ge=0, le=100, description="Trust (0–100) of residents and partners."
    )
    community_energy: float | None = Field(
        None, ge=0, le=100, description="Community energy (0–100): residents take initiative."
    )


class IndicatorDeltas(_IndicatorMap):
    """Changes (−100…+100) to some indicators."""

    awareness: float | None = Field(None, ge=-100, le=100, description="Change to awareness.")
    skill: float | None = Field(None, ge=-100, le=100, description="Change to skill.")
    embedding: float | None = Field(None, ge=-100, le=100, description="Change to embedding.")
    ownership_breadth: float | None = Field(
        None, ge=-100, le=100, description="Change to ownership breadth."
    )
    interaction: float | None = Field(None, ge=-100, le=100, description="Change to interaction.")
    trust: float | None = Field(None, ge=-100, le=100, description="Change to trust.")
    community_energy: float | None = Field(
        None, ge=-100, le=100, description="Change to community energy."
    )


class RoleValues(_ValueMap):
    """A number 0–100 for some or all of the municipality's five roles."""

    _keys: ClassVar[tuple[StrEnum, ...]] = tuple(MunicipalRole)

    normative: float | None = Field(
        None, ge=0, le=100, description="Regulating (sets and upholds rules)."
    )
    directing: float | None = Field(None, ge=0, le=100, description="Directing (leads).")
    facilitating: float | None = Field(None, ge=0, le=100, description="Facilitating (supports).")
    participating: float | None = Field(
        None, ge=0, le=100, description="Participating (takes part as one of many)."
    )
    letting_go: float | None = Field(None, ge=0, le=100, description="Letting go (stays out).")


class RoleTexts(ContentModel):
    """A text for some or all of the five roles."""

    normative: Text | None = Field(None, description="When the municipality regulates.")
    directing: Text | None = Field(None, description="When the municipality directs.")
    facilitating: Text | None = Field(None, description="When the municipality facilitates.")
    participating: Text | None = Field(None, description="When the municipality participates.")
    letting_go: Text | None = Field(None, description="When the municipality lets go.")

    def for_role(self, role: MunicipalRole) -> Text | None:
        return getattr(self, role.value)


class PurposeValues(_ValueMap):
    """A number 0–100 per purpose of channel use."""

    _keys: ClassVar[tuple[StrEnum, ...]] = tuple(Purpose)

    answer_questions: float | None = Field(
        None, ge=0, le=100, description="Answer residents' questions."
    )
    discuss: float | None = Field(None, ge=0, le=100, description="Discuss with residents.")
    spread_facts: float | None = Field(
        None, ge=0, le=100, description="Spread facts about the council or municipality."
    )
    promote: float | None = Field(None, ge=0, le=100, description="Promote the council.")
    opinion_forming: float | None = Field(
        None, ge=0, le=100, description="Opinion forming on policy still to be set."
    )
    spread_report: float | None = Field(
        None, ge=0, le=100, description="Spread the report of a meeting."
    )
    live_report: float | None = Field(None, ge=0, le=100, description="Report live from a meeting.")
    spread_agenda: float | None = Field(None, ge=0, le=100, description="Spread the agenda.")
    follow_members: float | None = Field(
        None, ge=0, le=100, description="Follow what council members say online."
    )
    follow_residents: float | None = Field(
        None, ge=0, le=100, description="Follow what residents say online."
    )
    crisis_communication: float | None = Field(
        None, ge=0, le=100, description="Crisis communication."
    )
    service: float | None = Field(None, ge=0, le=100, description="Service to residents.")
