"""The results file of one team's game, as pydantic models (format version 1).

A results file is what a team takes from the laptop to the trainer: who played (team, game id),
what (scenario id, version and title, seed, workshop length), every round's decisions with their
predictions and how they turned out, every round's indicators and per-relation phases, and the
end (phase, stage, score and title). It carries the scenario's texts it needs (titles, outcome
texts, recommendations) in both languages, so comparisons and reports can be made on a laptop
that does not have the scenario. Like a save it is versioned, checksummed over the whole
document and validated field by field; unlike a save it is made to be read by people and other
programs too, so it is indented.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, Strict, StrictBool

from game.domain import (
    CitizenRelation,
    CompetenceStage,
    GrowthPhase,
    Indicator,
    MunicipalRole,
    OrganisationKind,
    Prediction,
)
from game.saves.names import GAME_ID_PATTERN, has_forbidden
from game.sim.interventions import InterventionKind

FORMAT_NAME = "netwerkende-gemeente-results"
FORMAT_VERSION = 2
# The workshop lengths (issue 10 decides what each means); compare refuses mixed lengths.
LENGTHS = ("short", "standard", "full")
Length = Literal["short", "standard", "full"]
DEFAULT_LENGTH: Length = "full"


def _printable(value: str) -> str:
    if has_forbidden(value):
        raise ValueError("holds a control character (such as NUL), which the game never writes")
    return value


def _sensible_time(value: datetime) -> datetime:
    try:
        year = value.astimezone(UTC).year
    except (OverflowError, ValueError, OSError) as error:
        raise ValueError("a time the calendar cannot show") from error
    if not 1970 <= year <= 9000:
        raise ValueError(f"the year {year} is not a time a results file was written")
    return value


Name = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_printable)]
Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
Prose = Annotated[str, Field(max_length=4000), AfterValidator(_printable)]
# Numbers are checked for their type as well as their size, as in a save: a whole number is
# written as one (``7``, never ``7.0``), a yes/no as true or false.
Whole = Annotated[int, Strict()]
Flag = StrictBool
Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
Share = Annotated[float, Strict(), Field(ge=0, le=1, allow_inf_nan=False)]
Count = Annotated[int, Strict(), Field(ge=0)]


class ResultsModel(BaseModel):
    """Base of every part: unknown keys are errors, and a read file never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Words(ResultsModel):
    """A text in both languages."""

    nl: Prose
    en: Prose

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class Named(ResultsModel):
    """Something of the scenario by id, with its name in both languages."""

    id: Id
    name: Words


class ScenarioFacts(ResultsModel):
    """Which scenario was played: enough to compare and report without the scenario file."""

    id: Id = Field(description="The scenario's id.")
    version: Annotated[str, Field(pattern=r"^\d+(\.\d+){0,2}$")] = Field(description="Version.")
    title: Words = Field(description="Its title.")
    organisation: Words = Field(description="The organisation the teams run.")
    # Since issue 20: a results file written before has none, and reads as a municipality's.
    kind: OrganisationKind | None = Field(
        None, description="What kind of organisation it is: the pages name it so."
    )
    rounds: Whole = Field(ge=1, le=100, description="Rounds in the scenario.")
    round_name: Words | None = Field(description="What a round is called (a quarter…).")
    # Since format 2 (issue 22): set when the decisions' texts are left out, because the
    # scenario installed with the game gives them (``game.results.texts``).
    texts_fingerprint: Annotated[str, Field(pattern=r"^sha256:[0-9a-f]{64}$")] | None = Field(
        None, description="Checksum of the outcome texts left out; none when they are in the file."
    )


class DecisionResult(ResultsModel):
    """One initiative: what the team chose and expected, and how it turned out."""

    initiative: Id = Field(description="The initiative's id.")
    title: Words = Field(description="Its title.")
    owner: Literal["municipality", "community"] = Field(description="Who took the initiative.")
    relation: CitizenRelation = Field(description="The citizen relation at stake.")
    role: MunicipalRole = Field(description="The role the team chose.")
    best_roles: list[MunicipalRole] = Field(min_length=1, description="The best-fitting roles.")
    fit: Share = Field(description="How well the chosen role fitted (0–1).")
    channels: list[Named] = Field(description="The channels used.")
    channel_fit: Share | None = Field(description="How well they served the purposes.")
    prediction: Prediction | None = Field(description="What the team expected, if it said.")
    verdict: Prediction = Field(description="How it went.")
    succeeded: Flag = Field(description="False when the organisation stumbled in the role.")
    outcome_text: Words | None = Field(
        None, description="The scenario's text for the chosen role (left out by reference)."
    )
    best_text: Words | None = Field(
        None, description="The scenario's text for a best-fitting role, when another was chosen."
    )


class RoundResult(ResultsModel):
    """One round: the news, the decisions, and where the game stood after it."""

    round: Whole = Field(ge=1)
    events: list[Named] = Field(description="The news of the round.")
    decisions: list[DecisionResult] = Field(description="One per initiative decided.")
    actions: list[Named] = Field(description="Development actions bought.")
    skipped: Flag = Field(description="True when the facilitator skipped the round.")
    indicators: dict[Indicator, Number] = Field(description="Indicators after the round.")
    relation_phase: dict[CitizenRelation, GrowthPhase] = Field(
        description="Each relation's growth phase after the round."
    )
    relation_interaction: dict[CitizenRelation, Number] = Field(
        description="Each relation's interaction after the round."
    )
    fit_record: Number = Field(description="Track record of fitting roles after the round.")
    phase: GrowthPhase = Field(description="Overall growth phase after the round.")
    stage: CompetenceStage = Field(description="Competence stage after the round.")


class ScoreResult(ResultsModel):
    """The score and how it was made up."""

    total: Whole = Field(ge=0, le=1000)
    phase_points: Number
    stage_points: Number
    trust_points: Number
    energy_points: Number
    fit_points: Number
    prediction_points: Number
    title: Words
    # Since issue 18: a results file written before has none (0).
    channel_points: Number = 0.0


class FinalResult(ResultsModel):
    """Where the game ended."""

    phase: GrowthPhase
    stage: CompetenceStage
    relation_phase: dict[CitizenRelation, GrowthPhase]
    indicators: dict[Indicator, Number]
    lines: dict[Literal["interaction", "initiative_ownership", "organisation_ownership"], Number]
    weakest_line: Literal["interaction", "initiative_ownership", "organisation_ownership"]
    fit_rate: Share
    decisions: Count
    decisions_fitting: Count
    predictions_made: Count
    predictions_right: Count
    prediction_rate: Share | None
    score: ScoreResult
    ambition: dict[CitizenRelation, GrowthPhase] = Field(
        default_factory=dict,
        description="The phase the group aimed for per relation before round 1 (none: not set).",
    )


class InterventionResult(ResultsModel):
    """One step of the facilitator."""

    round: Whole = Field(ge=1)
    kind: InterventionKind
    subject: Annotated[str, Field(max_length=64), AfterValidator(_printable)]


class Recommendations(ResultsModel):
    """The scenario's own advice per line, where it has one."""

    interaction: Words | None
    initiative_ownership: Words | None
    organisation_ownership: Words | None


class ResultsFile(ResultsModel):
    """A whole results file of the current format version."""

    format: Literal["netwerkende-gemeente-results"] = Field(description="What this file is.")
    format_version: Literal[2] = Field(description="Version of this file format.")
    game_version: Annotated[str, Field(max_length=40), AfterValidator(_printable)]
    created: Annotated[AwareDatetime, AfterValidator(_sensible_time)]
    game_id: Annotated[str, Field(pattern=GAME_ID_PATTERN)] = Field(
        description="The game (random, per game): two files of one game are one team's."
    )
    team: Name = Field(description="The team that played.")
    scenario: ScenarioFacts
    seed: Whole = Field(description="The game seed: the same for teams that compare.")
    length: Length = Field(description="The workshop length: short, standard or full.")
    finished: Flag = Field(description="Whether the game was over when the file was written.")
    ended_early: Flag = Field(description="True when the facilitator ended it early.")
    rounds_played: Count
    rounds: list[RoundResult]
    final: FinalResult
    recommendations: Recommendations
    interventions: list[InterventionResult]
    checksum: Annotated[str, Field(pattern=r"^sha256:[0-9a-f]{64}$")]

    def title(self, lang: str) -> str:
        return self.scenario.title.get(lang)
