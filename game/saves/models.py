"""The save file format, current version, as pydantic models.

A save is one JSON document: an *envelope* that says what the file is (format name and version,
game version, which game it belongs to, scenario id and version, team, when, which round) and a
*body* with the run state (seed, decision log, and the whole ``GameState``). The ``checksum``
covers the whole document, envelope included, so a hand-edited or damaged file is noticed
wherever the change is. The body never holds the scenario: a save points at its scenario by id
and version (and the file it was played from, as a hint) and is replayed against it on load.

Older format versions are upgraded to this one by ``game.saves.migrations`` before validation.
The models mirror ``GameState.to_dict()`` field by field; they are a gate that gives a precise
field path when something is wrong, while the game state itself is built by
``GameState.from_dict`` from the same JSON, so the round trip stays exact.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    model_validator,
)

from game.domain import (
    CitizenRelation,
    CompetenceStage,
    GameLength,
    GrowthPhase,
    Indicator,
    MunicipalRole,
    Prediction,
    Purpose,
)
from game.saves.names import GAME_ID_PATTERN, has_unprintable
from game.sim.interventions import InterventionKind

FORMAT_NAME = "netwerkende-gemeente-save"
FORMAT_VERSION = 7
# Saves are written by clocks that may be wrong, but never before computers or after the
# calendar ends: such a time is a damaged or forged file, and would fail to show.
EARLIEST_YEAR = 1970
LATEST_YEAR = 9000

# The same shapes as scenario ids and versions (game.scenario.models): a save's scenario id is
# later turned into a file name, so it must never be a path.
ScenarioId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]{0,63}$")]
ScenarioVersion = Annotated[str, Field(pattern=r"^\d+(\.\d+){0,2}$")]
# Numbers are checked for their type as well as their size: a file is JSON that anyone can edit,
# and ``GameState.from_dict`` builds the game from that same JSON, so a ``7.0`` where the game
# writes ``7`` (or ``"7"``, or ``true``) must be refused here, never reach the core. Strict types
# take exactly what the game writes: a whole number for a whole number, true or false for a
# yes/no; a number with a fraction may be written without one (``0`` for ``0.0``).
Whole = Annotated[int, Strict()]
Flag = StrictBool
Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
Count = Annotated[int, Strict(), Field(ge=0)]
# A track record (issue 18): a number from 0 to 100.
Record = Annotated[float, Strict(), Field(ge=0, le=100, allow_inf_nan=False)]
Checksum = Annotated[str, Field(pattern=r"^sha256:[0-9a-f]{64}$")]
# A file name beside the save, never a path.
SideFile = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")]


def _printable(value: str) -> str:
    if has_unprintable(value):
        raise ValueError("holds a control character (such as NUL), which the game never writes")
    return value


def _sensible_time(value: datetime) -> datetime:
    try:
        utc = value.astimezone(UTC)
        value.astimezone()  # how lists show it: local time
    except (OverflowError, ValueError, OSError) as error:
        raise ValueError("a time the calendar cannot show") from error
    if not EARLIEST_YEAR <= utc.year <= LATEST_YEAR:
        raise ValueError(f"the year {utc.year} is not a time a save was written")
    return value


ShortText = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_printable)]
PlainText = Annotated[str, Field(max_length=200), AfterValidator(_printable)]
GameId = Annotated[str, Field(pattern=GAME_ID_PATTERN)]
SaveTime = Annotated[AwareDatetime, AfterValidator(_sensible_time)]
# Where the scenario file was when the game was played: a hint to find it again, never trusted
# beyond that (the file found there must still have the save's scenario id).
ScenarioFile = Annotated[str, Field(min_length=1, max_length=4096), AfterValidator(_printable)]


class SaveKind(StrEnum):
    """Written by the game every round, or by the team on purpose under a name."""

    AUTOSAVE = "autosave"
    SLOT = "slot"


class SaveModel(BaseModel):
    """Base for every part of a save: unknown keys are errors, and a read save never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class EffectModel(SaveModel):
    """One explained effect, as ``Effect.to_dict()`` writes it."""

    source: str = Field(description="What caused it: initiative, action, event, drift, phase….")
    source_id: str = Field(description="Id of the cause.")
    target: str = Field(description="The indicator it moved, or '' for a message only.")
    delta: Number = Field(description="How far it moved the indicator's target.")
    key: str = Field(description="Which explanation sentence.")
    params: dict[str, Any] = Field(description="The values filled into the sentence.")


class InitiativeDecisionModel(SaveModel):
    """The team's choice for one initiative."""

    initiative: str = Field(description="Initiative id.")
    role: MunicipalRole = Field(description="The municipality's role.")
    channels: list[str] = Field(description="Channel ids used.")
    prediction: Prediction | None = Field(description="What the team expected, if it said.")


class DecisionsModel(SaveModel):
    """Everything decided in one round."""

    initiatives: list[InitiativeDecisionModel] = Field(description="One per initiative.")
    actions: list[str] = Field(description="Development action ids bought.")


class OutcomeModel(SaveModel):
    """How one decision turned out."""

    initiative: str = Field(description="Initiative id.")
    relation: CitizenRelation = Field(description="The citizen relation at stake.")
    role: MunicipalRole = Field(description="The role chosen.")
    channels: list[str] = Field(description="The channels used.")
    fit: Number = Field(description="Role fit 0–1.")
    best_roles: list[MunicipalRole] = Field(description="The roles that fit best.")
    channel_fit: Number | None = Field(description="Channel fit 0–1, if channels were used.")
    readiness: Number = Field(description="The organisation's readiness for the role.")
    demand: Number = Field(description="What the role asks.")
    risk: Number = Field(description="The chance of stumbling it carried.")
    succeeded: Flag = Field(description="False when the organisation stumbled.")
    quality: Number = Field(description="What the role achieved (its fit, or less).")
    verdict: Prediction = Field(description="How it went.")
    prediction: Prediction | None = Field(description="What the team expected, if it said.")
    rework: Count = Field(description="Hours of repair work it made for the next round.")
    next_stage: str | None = Field(description="The initiative it unfolds into, if any.")


class RoundRecordModel(SaveModel):
    """What happened in one round."""

    round: Whole = Field(ge=1, description="Round number.")
    events: list[str] = Field(description="Event ids in the news.")
    initiatives: list[str] = Field(description="Initiative ids on the table.")
    decisions: DecisionsModel = Field(description="What the team decided.")
    outcomes: list[OutcomeModel] = Field(description="How each decision turned out.")
    effects: list[EffectModel] = Field(description="Every effect, explained.")
    indicators: dict[Indicator, Number] = Field(description="Indicators after the round.")
    relation_interaction: dict[CitizenRelation, Number] = Field(
        description="Each relation's interaction after the round."
    )
    relation_phase: dict[CitizenRelation, GrowthPhase] = Field(
        description="Each relation's growth phase after the round."
    )
    fit_record: Number = Field(description="Track record of fitting roles after the round.")
    phase: GrowthPhase = Field(description="Growth phase after the round.")
    stage: CompetenceStage = Field(description="Competence stage after the round.")


class InterventionModel(SaveModel):
    """One thing the facilitator did (issue 12), in the round the game was at."""

    round: Whole = Field(ge=1, description="The round the game was at.")
    kind: InterventionKind = Field(description="What the facilitator did.")
    subject: Annotated[str, Field(max_length=64), AfterValidator(_printable)] = Field(
        description="What it was about: the event brought in, the timer's seconds, one or all."
    )


class StateModel(SaveModel):
    """A ``GameState``, exactly as ``GameState.to_dict()`` writes it."""

    scenario_id: ScenarioId
    scenario_version: ScenarioVersion
    seed: Whole
    round: Whole = Field(ge=1)
    finished: Flag
    indicators: dict[Indicator, Number]
    targets: dict[Indicator, Number]
    relation_interaction: dict[CitizenRelation, Number]
    relation_targets: dict[CitizenRelation, Number]
    relation_phase: dict[CitizenRelation, GrowthPhase]
    relation_decisions: dict[CitizenRelation, Count]
    relation_fitting: dict[CitizenRelation, Count]
    phase: GrowthPhase
    stage: CompetenceStage
    capacity: Whole
    capacity_this_round: Whole
    rework: Count
    budget: Number
    budget_per_round: Number
    structural_budget: Number
    channels: dict[str, Number]
    actions_done: dict[str, Count]
    events_seen: list[str]
    initiatives_seen: list[str]
    current_initiatives: list[str]
    unfolding: list[tuple[Whole, str]]
    news: list[str]
    news_effects: list[EffectModel]
    purpose_bonus: dict[Purpose, Number]
    role_bonus: dict[MunicipalRole, Number]
    risk_reduction: Number
    role_successes: dict[MunicipalRole, Count]
    roles_mastered: list[MunicipalRole]
    decisions_total: Count
    decisions_fitting: Count
    predictions_made: Count
    predictions_right: Count
    history: list[RoundRecordModel]
    rng_state: Whole = Field(
        ge=0, lt=2**64, description="The random generator's state (SplitMix64: one number)."
    )
    interventions: list[InterventionModel] = Field(
        description="What the facilitator did, in order; replayed with the decisions."
    )
    # Since format 7 (issue 18) every field of the state is required: the game always writes
    # them, and no older format reaches this one (their games were played under earlier rules).
    length: GameLength = Field(
        description="How much of the scenario the game plays (short, standard, full)."
    )
    relation_record: dict[CitizenRelation, Record] = Field(
        description="The track record of fitting roles per relation, recent choices weighing "
        "most (0–100)."
    )
    channel_record: Record = Field(
        description="How well channels served the purposes, organisation-wide (0–100)."
    )
    ambition: dict[CitizenRelation, GrowthPhase] = Field(
        default_factory=dict,
        description="The phase the group aimed for per relation before round 1 (none: not set).",
    )

    @model_validator(mode="after")
    def _complete(self) -> StateModel:
        missing = [i.value for i in Indicator if i not in self.indicators or i not in self.targets]
        if missing:
            raise ValueError(f"indicators missing: {', '.join(missing)}")
        relations = set(self.relation_phase)
        for name in (
            "relation_interaction",
            "relation_targets",
            "relation_decisions",
            "relation_record",
        ):
            if set(getattr(self, name)) != relations:
                raise ValueError(f"{name} must hold the same relations as relation_phase")
        if not set(self.ambition) <= relations:
            raise ValueError("ambition names a relation the game does not have")
        return self


class BilingualTitle(SaveModel):
    """The scenario's title when the save was made, so a list of saves can show it unloaded."""

    nl: PlainText
    en: PlainText


class PlanModel(SaveModel):
    """What the team chose so far in the round it is playing, before resolving it.

    Not part of the game record (the round is not played yet): kept so that Continue brings
    the team back to its choices, and checked against the round on loading.
    """

    roles: dict[str, MunicipalRole] = Field(default_factory=dict, description="Per initiative.")
    channels: dict[str, list[str]] = Field(default_factory=dict, description="Per initiative.")
    actions: list[str] = Field(default_factory=list, description="Development actions chosen.")
    predictions: dict[str, Prediction] = Field(
        default_factory=dict, description="Per initiative, what the team expects."
    )


class SaveBody(SaveModel):
    """The run: seed, decision log and the whole game state. Never the scenario."""

    seed: Whole = Field(description="The game seed; with the decision log it replays the game.")
    decisions: list[DecisionsModel] = Field(description="Every round's decisions, in order.")
    state: StateModel = Field(description="The game state after the last decision.")
    plan: PlanModel | None = Field(
        None, description="The choices made so far in the round being played, if any."
    )

    @model_validator(mode="after")
    def _log_matches_state(self) -> SaveBody:
        if self.seed != self.state.seed:
            raise ValueError("the seed differs from the game state's seed")
        if len(self.decisions) != len(self.state.history):
            raise ValueError(
                f"the decision log has {len(self.decisions)} rounds, "
                f"the history {len(self.state.history)}"
            )
        return self


class SaveFile(SaveModel):
    """A whole save file of the current format version."""

    format: Literal["netwerkende-gemeente-save"] = Field(description="What this file is.")
    format_version: Literal[7] = Field(description="Version of this file format.")
    game_version: Annotated[str, Field(max_length=40), AfterValidator(_printable)] = Field(
        description="Version of the game that wrote it."
    )
    created: SaveTime = Field(description="When it was written, with its time zone.")
    game_id: GameId = Field(description="The game this save belongs to (random, per game).")
    sequence: Count = Field(
        description="Write counter of the saves folder: the highest is the game last played."
    )
    kind: SaveKind = Field(description="autosave or a named slot.")
    name: ShortText = Field(description="The slot's name, or 'autosave'.")
    team: ShortText = Field(description="The team playing.")
    scenario_id: ScenarioId = Field(description="Which scenario (by id) the game is of.")
    scenario_version: ScenarioVersion = Field(description="That scenario's version.")
    scenario_title: BilingualTitle | None = Field(description="Its title, for lists.")
    scenario_file: ScenarioFile | None = Field(
        description="The scenario file the game was played from, to find it again."
    )
    round: Whole = Field(ge=1, description="The round the game is at.")
    finished: Flag = Field(description="Whether the game is over.")
    thumbnail: SideFile | None = Field(description="A PNG beside the save, if any.")
    checksum: Checksum = Field(
        description="sha256 of the whole document but this field, in canonical JSON."
    )
    body: SaveBody = Field(description="The run state.")

    @model_validator(mode="after")
    def _envelope_matches_body(self) -> SaveFile:
        state = self.body.state
        pairs = [
            ("scenario_id", self.scenario_id, state.scenario_id),
            ("scenario_version", self.scenario_version, state.scenario_version),
            ("round", self.round, state.round),
            ("finished", self.finished, state.finished),
        ]
        for name, outside, inside in pairs:
            if outside != inside:
                raise ValueError(f"{name} is {outside!r} outside but {inside!r} in the body")
        return self

    @property
    def created_local(self) -> datetime:
        return self.created.astimezone()
