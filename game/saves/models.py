"""The save file format, current version, as pydantic models.

A save is one JSON document: an *envelope* that says what the file is (format name and version,
game version, which game it belongs to, scenario id and version, team, when, which round) and a
*body* with what cannot be recomputed: the seed, the decision log, the facilitator's steps, the
game's length and the group's ambition, and the choices made so far in the round being played.
Everything else (every round's news, outcomes, effects and indicators, the generator's state) is
rebuilt by playing the game again from those on load; a *fingerprint* of the game
(``game.saves.fingerprint``) says whether that replay is the game saved. The ``checksum`` covers
the whole document, envelope included, so a hand-edited or damaged file is noticed wherever the
change is. The body never holds the scenario: a save points at its scenario by id and version
(and the file it was played from, as a hint) and is replayed against it.

Every list and text is bounded and every number strictly typed: a file is JSON anyone can edit,
and nothing in it reaches the core before it passed these models. Older format versions are
upgraded to this one by ``game.saves.migrations`` before validation (format 7, which held the
whole game state, is checked by its own models in ``game.saves.format7`` first).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

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
    GameLength,
    GrowthPhase,
    Indicator,
    MunicipalRole,
    Prediction,
)
from game.saves.fingerprint import ROUND_DIGEST_PATTERN
from game.saves.kinds import FORMAT_NAME as FORMAT_NAME
from game.saves.kinds import FORMAT_VERSION as FORMAT_VERSION
from game.saves.kinds import SaveKind as SaveKind
from game.saves.names import GAME_ID_PATTERN, has_unprintable
from game.sim.interventions import InterventionKind

# A scenario has at most 40 rounds (``game.scenario.models``): a decision log is never longer.
MAX_ROUNDS = 40
# Generous bounds on what one round holds, far beyond any scenario, so that a forged file cannot
# make the replay or the checks work for long.
MAX_PER_ROUND = 200
MAX_CHANNELS = 50
# Every pause, timer and reveal of a long workshop is a step; a few hundred is a busy day.
MAX_INTERVENTIONS = 5000
# Saves are written by clocks that may be wrong, but never before computers or after the
# calendar ends: such a time is a damaged or forged file, and would fail to show.
EARLIEST_YEAR = 1970
LATEST_YEAR = 9000

# The same shapes as scenario ids and versions (game.scenario.models): a save's scenario id is
# later turned into a file name, so it must never be a path.
ScenarioId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]{0,63}$")]
ScenarioVersion = Annotated[str, Field(pattern=r"^\d+(\.\d+){0,2}$")]
# An initiative, channel, action or event of the scenario, by id (the scenario's own id form).
ContentId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]{0,63}$")]
# Numbers are checked for their type as well as their size: a file is JSON that anyone can edit,
# and the replay builds the game from that same JSON (the seed, the decisions, the facilitator's
# steps), so a ``7.0`` where the game writes ``7`` (or ``"7"``, or ``true``) must be refused
# here, never reach the core. Strict types
# take exactly what the game writes: a whole number for a whole number, true or false for a
# yes/no; a number with a fraction may be written without one (``0`` for ``0.0``).
Whole = Annotated[int, Strict()]
Flag = StrictBool
Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
Count = Annotated[int, Strict(), Field(ge=0)]
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


class SaveModel(BaseModel):
    """Base for every part of a save: unknown keys are errors, and a read save never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class InitiativeDecisionModel(SaveModel):
    """The team's choice for one initiative."""

    initiative: ContentId = Field(description="Initiative id.")
    role: MunicipalRole = Field(description="The municipality's role.")
    channels: list[ContentId] = Field(max_length=MAX_CHANNELS, description="Channel ids used.")
    prediction: Prediction | None = Field(description="What the team expected, if it said.")


class DecisionsModel(SaveModel):
    """Everything decided in one round."""

    initiatives: list[InitiativeDecisionModel] = Field(
        max_length=MAX_PER_ROUND, description="One per initiative."
    )
    actions: list[ContentId] = Field(
        max_length=MAX_PER_ROUND, description="Development action ids bought."
    )


class InterventionModel(SaveModel):
    """One thing the facilitator did (issue 12), in the round the game was at."""

    round: Whole = Field(ge=1, le=MAX_ROUNDS + 1, description="The round the game was at.")
    kind: InterventionKind = Field(description="What the facilitator did.")
    subject: Annotated[str, Field(max_length=64), AfterValidator(_printable)] = Field(
        description="What it was about: the event brought in, the timer's seconds, one or all."
    )


class RoundCheckModel(SaveModel):
    """What one round came to, to hold the replay against (``game.saves.fingerprint``)."""

    indicators: dict[Indicator, Number] = Field(description="The indicators after the round.")
    digest: Annotated[str, Field(pattern=ROUND_DIGEST_PATTERN)] = Field(
        description="The first 16 hex digits of the sha256 of everything the round held."
    )

    @model_validator(mode="after")
    def _complete(self) -> RoundCheckModel:
        missing = [i.value for i in Indicator if i not in self.indicators]
        if missing:
            raise ValueError(f"indicators missing: {', '.join(missing)}")
        return self


class FingerprintModel(SaveModel):
    """What the game came to when it was saved: the replay on load must come to the same."""

    rounds: list[RoundCheckModel] = Field(
        max_length=MAX_ROUNDS, description="One per round played, in order."
    )
    phase: GrowthPhase = Field(description="The organisation's growth phase now.")
    digest: Checksum = Field(
        description="sha256 of the whole game state, the rounds by their digests, without how "
        "effects are worded."
    )


class BilingualTitle(SaveModel):
    """The scenario's title when the save was made, so a list of saves can show it unloaded."""

    nl: PlainText
    en: PlainText


class PlanModel(SaveModel):
    """What the team chose so far in the round it is playing, before resolving it.

    Not part of the game record (the round is not played yet): kept so that Continue brings
    the team back to its choices, and checked against the round on loading.
    """

    roles: dict[ContentId, MunicipalRole] = Field(
        default_factory=dict, max_length=MAX_PER_ROUND, description="Per initiative."
    )
    channels: dict[ContentId, Annotated[list[ContentId], Field(max_length=MAX_CHANNELS)]] = Field(
        default_factory=dict, max_length=MAX_PER_ROUND, description="Per initiative."
    )
    actions: list[ContentId] = Field(
        default_factory=list, max_length=MAX_PER_ROUND, description="Development actions chosen."
    )
    predictions: dict[ContentId, Prediction] = Field(
        default_factory=dict,
        max_length=MAX_PER_ROUND,
        description="Per initiative, what the team expects.",
    )


class SaveBody(SaveModel):
    """What cannot be recomputed: the game's inputs, and the fingerprint of where they led."""

    seed: Whole = Field(description="The game seed; with the inputs below it replays the game.")
    length: GameLength = Field(
        description="How much of the scenario the game plays (short, standard, full)."
    )
    ambition: dict[CitizenRelation, GrowthPhase] = Field(
        description="The phase the group aimed for per relation before round 1 (none: not set)."
    )
    decisions: list[DecisionsModel] = Field(
        max_length=MAX_ROUNDS,
        description="Every round's decisions, in order (a skipped round's are empty).",
    )
    interventions: list[InterventionModel] = Field(
        max_length=MAX_INTERVENTIONS,
        description="What the facilitator did, in order; replayed with the decisions.",
    )
    fingerprint: FingerprintModel = Field(
        description="What the game came to: the replay on load must come to exactly this."
    )
    plan: PlanModel | None = Field(
        None, description="The choices made so far in the round being played, if any."
    )

    @model_validator(mode="after")
    def _log_matches_fingerprint(self) -> SaveBody:
        if len(self.decisions) != len(self.fingerprint.rounds):
            raise ValueError(
                f"the decision log has {len(self.decisions)} rounds, "
                f"the fingerprint {len(self.fingerprint.rounds)}"
            )
        return self


class Envelope(SaveModel):
    """What a save says about itself, for lists: read without replaying anything."""

    format: Literal["netwerkende-gemeente-save"] = Field(description="What this file is.")
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
    round: Whole = Field(ge=1, le=MAX_ROUNDS + 1, description="The round the game is at.")
    finished: Flag = Field(description="Whether the game is over.")
    thumbnail: SideFile | None = Field(description="A PNG beside the save, if any.")
    checksum: Checksum = Field(
        description="sha256 of the whole document but this field, in canonical JSON."
    )

    @property
    def created_local(self) -> datetime:
        return self.created.astimezone()


class SaveFile(Envelope):
    """A whole save file of the current format version."""

    format_version: Literal[8] = Field(description="Version of this file format.")
    body: SaveBody = Field(description="The game's inputs and its fingerprint.")

    @model_validator(mode="after")
    def _envelope_matches_body(self) -> SaveFile:
        played = len(self.body.decisions)
        if self.round != played + 1:
            raise ValueError(
                f"round is {self.round}, but the decision log has {played} rounds "
                f"(round {played + 1} is next)"
            )
        return self
