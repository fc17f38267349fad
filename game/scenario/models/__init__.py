"""Every kind of scenario content, as pydantic models: ``Scenario`` here, its parts by topic.

Scenarios are immutable data written by trainers in YAML. The models forbid unknown keys, use
enums for closed sets and describe every field: the descriptions become the JSON Schema that
trainers' editors show while typing. Cross-references between ids are checked in a second pass
(``game.scenario.references``), not here, so that every error of a file can be reported at once.

The parts live in a module per topic: ``base`` (the shared base model, ids, asset paths),
``texts``, ``values`` (numbers per indicator, role or purpose), ``conditions``, ``organisation``,
``channels``, ``initiatives``, ``actions``, ``events``, ``tuning``, ``debrief`` and ``lengths``.
They are all importable from here, as ``from game.scenario.models import Initiative``.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, PrivateAttr

from game.domain import LANGUAGES, Language
from game.scenario.models.actions import ActionEffects, Cost, DevelopmentAction
from game.scenario.models.base import (
    CONTENT_ID_PATTERN,
    REFERENCE_KINDS,
    AssetPath,
    ContentId,
    ContentModel,
    Reference,
    SurveyProfile,
)
from game.scenario.models.channels import Channel
from game.scenario.models.conditions import Condition, OneOrMore, RelationPhases, id_list
from game.scenario.models.debrief import CouncilAccount, Recommendations
from game.scenario.models.events import Event, EventEffects, ScaleBy
from game.scenario.models.initiatives import Initiative, Unfolding
from game.scenario.models.lengths import LengthPlan, Lengths
from game.scenario.models.organisation import (
    Assets,
    Organisation,
    RelationStart,
    RelationStarts,
    StartingPosition,
)
from game.scenario.models.texts import AsWritten, Text, Translations, WrittenText, text_field
from game.scenario.models.tuning import (
    Gains,
    PhaseThresholds,
    RelationFit,
    RoleDemand,
    RoleDemands,
    RoleFitTable,
    StageThresholds,
    Thresholds,
    Tuning,
)
from game.scenario.models.values import (
    IndicatorDeltas,
    IndicatorValues,
    PurposeValues,
    RoleTexts,
    RoleValues,
)

__all__ = [
    "CONTENT_ID_PATTERN",
    "REFERENCE_KINDS",
    "ActionEffects",
    "AsWritten",
    "AssetPath",
    "Assets",
    "Channel",
    "Condition",
    "ContentId",
    "ContentModel",
    "Cost",
    "CouncilAccount",
    "DevelopmentAction",
    "Event",
    "EventEffects",
    "Gains",
    "IndicatorDeltas",
    "IndicatorValues",
    "Initiative",
    "LengthPlan",
    "Lengths",
    "OneOrMore",
    "Organisation",
    "PhaseThresholds",
    "PurposeValues",
    "Recommendations",
    "Reference",
    "RelationFit",
    "RelationPhases",
    "RelationStart",
    "RelationStarts",
    "RoleDemand",
    "RoleDemands",
    "RoleFitTable",
    "RoleTexts",
    "RoleValues",
    "ScaleBy",
    "Scenario",
    "StageThresholds",
    "StartingPosition",
    "SurveyProfile",
    "Text",
    "Thresholds",
    "Translations",
    "Tuning",
    "Unfolding",
    "WrittenText",
    "id_list",
    "text_field",
]


class Scenario(ContentModel):
    """A whole scenario: an organisation, its channels, what comes up round by round."""

    id: ContentId
    version: str = Field(
        "1.0",
        pattern=r"^\d+(\.\d+){0,2}$",
        description=(
            'Version of this scenario, in quotes (e.g. "1.2"); saves remember it. Without '
            "quotes YAML reads 1.10 as the number 1.1, so the game asks for them."
        ),
    )
    title: Text = text_field("The scenario's title.")
    description: Text = text_field("One paragraph for the scenario list.")
    author: WrittenText | None = Field(None, description="Who wrote it.")
    languages: list[Language] = Field(
        default_factory=lambda: list(LANGUAGES),
        min_length=1,
        description="The languages its texts are written in: nl, en or both.",
    )
    organisation: Organisation = Field(..., description="The organisation the players run.")
    rounds: int = Field(12, ge=1, le=40, description="How many rounds (usually quarters) it lasts.")
    round_name: Text | None = Field(
        None, description="What one round is called, e.g. {nl: kwartaal, en: quarter}."
    )
    briefing: Text = text_field("The starting situation, told to the players before round 1.")
    start: StartingPosition = Field(
        default_factory=StartingPosition, description="Starting indicators and resources."
    )
    channels: list[Channel] = Field(
        default_factory=list, description="The channels the organisation has or can open."
    )
    initiatives: list[Initiative] = Field(
        ..., min_length=1, description="What comes up, round by round."
    )
    actions: list[DevelopmentAction] = Field(
        default_factory=list, description="Development actions on offer."
    )
    events: list[Event] = Field(default_factory=list, description="News, scripted or conditional.")
    tuning: Tuning = Field(default_factory=Tuning, description="Numbers of the rules.")
    recommendations: Recommendations = Field(
        default_factory=Recommendations, description="Debrief advice per weakest line."
    )
    assets: Assets = Field(default_factory=Assets, description="Pictures it brings.")
    lengths: Lengths = Field(
        default_factory=Lengths,
        description=(
            "Optional: what a short and a standard game keep (rounds, initiatives); without "
            "it the game chooses a sensible selection itself."
        ),
    )
    council_account: CouncilAccount | None = Field(
        None,
        description=(
            "Optional: the council's own account, ranked at the end against the survey's ten "
            "best council accounts (followers, following and messages per inhabitant)."
        ),
    )

    # Derived lookups, built on first use by game.sim.rules; content is frozen, so never stale.
    _compiled: Any = PrivateAttr(default=None)
    _lookup: Any = PrivateAttr(default=None)
    # (the whole scenario, the length) when this is the scenario a shorter game plays
    # (game.scenario.shorter), so another length is worked out from the whole one.
    _shortened: Any = PrivateAttr(default=None)

    def initiative(self, initiative_id: str) -> Initiative:
        return self._tables()[0][initiative_id]

    def action(self, action_id: str) -> DevelopmentAction:
        return self._tables()[1][action_id]

    def event(self, event_id: str) -> Event:
        return self._tables()[2][event_id]

    def channel(self, channel_id: str) -> Channel:
        return self._tables()[3][channel_id]

    def _tables(self) -> Any:
        """Id lookups, built once: content is frozen, so they never go stale."""
        if self._lookup is None:
            self._lookup = (
                {i.id: i for i in self.initiatives},
                {a.id: a for a in self.actions},
                {e.id: e for e in self.events},
                {c.id: c for c in self.channels},
            )
        return self._lookup
