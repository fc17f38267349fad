"""Saves of format 7, which held the whole game state: checked by their own models, then
turned into format 8 (the game's inputs and a fingerprint of the state they held).

Format 7 (issue 18) kept every round's news, outcomes and effects with their sentences in both
languages: a 12-round game took 188 KB, 97% of it the history the replay rebuilds anyway. Such a
file is still read as hostile input: every field of its state is checked here, with the same
strict types as before, so a wrong number in it is named by its place ("body.state.phase: …")
before anything is computed from it. What the state held that the replay must give again is kept
as the fingerprint of format 8 (``game.saves.fingerprint``), so a format-7 save whose replay
differs is refused exactly as it was.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, Strict, model_validator

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
from game.saves.fingerprint import fingerprint_of, without_wording
from game.saves.models import (
    MAX_ROUNDS,
    Count,
    DecisionsModel,
    Envelope,
    Flag,
    InterventionModel,
    Number,
    PlanModel,
    SaveModel,
    ScenarioId,
    ScenarioVersion,
    Whole,
)

Document = dict[str, Any]
# A track record (issue 18): a number from 0 to 100.
Record = Annotated[float, Strict(), Field(ge=0, le=100, allow_inf_nan=False)]


class EffectModel(SaveModel):
    """One explained effect, as ``Effect.to_dict()`` writes it."""

    source: str = Field(description="What caused it: initiative, action, event, drift, phase….")
    source_id: str = Field(description="Id of the cause.")
    target: str = Field(description="The indicator it moved, or '' for a message only.")
    delta: Number = Field(description="How far it moved the indicator's target.")
    key: str = Field(description="Which explanation sentence.")
    params: dict[str, Any] = Field(description="The values filled into the sentence.")


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


class SaveBodyV7(SaveModel):
    """The run as format 7 held it: seed, decision log and the whole game state."""

    seed: Whole = Field(description="The game seed; with the decision log it replays the game.")
    decisions: list[DecisionsModel] = Field(
        max_length=MAX_ROUNDS, description="Every round's decisions, in order."
    )
    state: StateModel = Field(description="The game state after the last decision.")
    plan: PlanModel | None = Field(
        None, description="The choices made so far in the round being played, if any."
    )

    @model_validator(mode="after")
    def _log_matches_state(self) -> SaveBodyV7:
        if self.seed != self.state.seed:
            raise ValueError("the seed differs from the game state's seed")
        if len(self.decisions) != len(self.state.history):
            raise ValueError(
                f"the decision log has {len(self.decisions)} rounds, "
                f"the history {len(self.state.history)}"
            )
        return self


class SaveFileV7(Envelope):
    """A whole save file of format 7."""

    format_version: Literal[7] = Field(description="Version of this file format.")
    body: SaveBodyV7 = Field(description="The run state.")

    @model_validator(mode="after")
    def _envelope_matches_body(self) -> SaveFileV7:
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


def to_format_8(old: Document) -> Document:
    """A checked format-7 document as format 8, without its checksum (the caller adds it).

    Raises pydantic's ``ValidationError`` when the file is not a valid format-7 save.
    """
    SaveFileV7.model_validate(old)
    body = old["body"]
    state = body["state"]
    new_body: Document = {
        "seed": body["seed"],
        "length": state["length"],
        "ambition": state.get("ambition", {}),
        "decisions": body["decisions"],
        "interventions": state["interventions"],
        "fingerprint": fingerprint_of(without_wording(state)),
    }
    if body.get("plan") is not None:
        new_body["plan"] = body["plan"]
    new = {key: value for key, value in old.items() if key not in ("checksum", "body")}
    new["format_version"] = 8
    new["body"] = new_body
    return new
