"""The state of a game in progress, and the decisions a team makes, as plain data.

State is what a save holds: the run, not the scenario. It converts to and from JSON-ready dicts
so saves, autoplay's ``--json`` and the debrief all read the same thing.

The growth phase is held per citizen relation (MODEL.md §3: a municipality can be conversing with
its customers and still experimenting as a policy maker); the overall phase follows from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

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
from game.sim.dice import Dice
from game.sim.effects import Effect
from game.sim.interventions import Intervention


@dataclass(frozen=True, slots=True)
class InitiativeDecision:
    """The team's choice for one initiative: the role, the channels, and what it expects."""

    initiative: str
    role: MunicipalRole
    channels: tuple[str, ...] = ()
    prediction: Prediction | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "initiative": self.initiative,
            "role": self.role.value,
            "channels": list(self.channels),
            "prediction": None if self.prediction is None else self.prediction.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InitiativeDecision:
        prediction = data.get("prediction")
        return cls(
            data["initiative"],
            MunicipalRole(data["role"]),
            tuple(data["channels"]),
            None if prediction is None else Prediction(prediction),
        )


@dataclass(frozen=True, slots=True)
class Decisions:
    """Everything decided in one round: one decision per initiative, and the actions bought."""

    initiatives: tuple[InitiativeDecision, ...] = ()
    actions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "initiatives": [d.to_dict() for d in self.initiatives],
            "actions": list(self.actions),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Decisions:
        return cls(
            tuple(InitiativeDecision.from_dict(d) for d in data["initiatives"]),
            tuple(data["actions"]),
        )


class InitiativeOutcome(NamedTuple):
    """How one decision turned out, with what would have fitted best (for the debrief table).

    ``quality`` is what the role achieved: its fit, or the role's stumble value when the
    organisation stumbled. ``verdict`` is how it went, judged from that and from the channels;
    a prediction is held against it. A named tuple: bots make them by the hundred thousand.
    """

    initiative: str
    relation: CitizenRelation
    role: MunicipalRole
    channels: tuple[str, ...]
    fit: float
    best_roles: tuple[MunicipalRole, ...]
    channel_fit: float | None
    readiness: float
    demand: float
    risk: float
    succeeded: bool
    quality: float
    verdict: Prediction
    prediction: Prediction | None
    rework: int
    next_stage: str | None

    @property
    def fitting(self) -> bool:
        return self.role in self.best_roles

    @property
    def predicted_right(self) -> bool | None:
        return None if self.prediction is None else self.prediction is self.verdict

    def to_dict(self) -> dict[str, Any]:
        return {
            "initiative": self.initiative,
            "relation": self.relation.value,
            "role": self.role.value,
            "channels": list(self.channels),
            "fit": self.fit,
            "best_roles": [r.value for r in self.best_roles],
            "channel_fit": self.channel_fit,
            "readiness": self.readiness,
            "demand": self.demand,
            "risk": self.risk,
            "succeeded": self.succeeded,
            "quality": self.quality,
            "verdict": self.verdict.value,
            "prediction": None if self.prediction is None else self.prediction.value,
            "rework": self.rework,
            "next_stage": self.next_stage,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InitiativeOutcome:
        prediction = data["prediction"]
        return cls(
            initiative=data["initiative"],
            relation=CitizenRelation(data["relation"]),
            role=MunicipalRole(data["role"]),
            channels=tuple(data["channels"]),
            fit=data["fit"],
            best_roles=tuple(MunicipalRole(r) for r in data["best_roles"]),
            channel_fit=data["channel_fit"],
            readiness=data["readiness"],
            demand=data["demand"],
            risk=data["risk"],
            succeeded=data["succeeded"],
            quality=data["quality"],
            verdict=Prediction(data["verdict"]),
            prediction=None if prediction is None else Prediction(prediction),
            rework=data["rework"],
            next_stage=data["next_stage"],
        )


def _relations_to_json(values: dict[CitizenRelation, Any]) -> dict[str, Any]:
    return {k.value: (v.value if isinstance(v, GrowthPhase) else v) for k, v in values.items()}


class RoundRecord(NamedTuple):
    """What happened in one round: the news, the decisions, their outcomes and every effect."""

    round: int
    events: tuple[str, ...]
    initiatives: tuple[str, ...]
    decisions: Decisions
    outcomes: tuple[InitiativeOutcome, ...]
    effects: tuple[Effect, ...]
    indicators: dict[Indicator, float]
    relation_interaction: dict[CitizenRelation, float]
    relation_phase: dict[CitizenRelation, GrowthPhase]
    fit_record: float
    phase: GrowthPhase
    stage: CompetenceStage

    def to_dict(self, wording: bool = True) -> dict[str, Any]:
        """As JSON; ``wording`` False: the effects without their sentences (``Effect.to_dict``)."""
        return {
            "round": self.round,
            "events": list(self.events),
            "initiatives": list(self.initiatives),
            "decisions": self.decisions.to_dict(),
            "outcomes": [o.to_dict() for o in self.outcomes],
            "effects": [e.to_dict(wording) for e in self.effects],
            "indicators": {k.value: v for k, v in self.indicators.items()},
            "relation_interaction": _relations_to_json(self.relation_interaction),
            "relation_phase": _relations_to_json(self.relation_phase),
            "fit_record": self.fit_record,
            "phase": self.phase.value,
            "stage": self.stage.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RoundRecord:
        return cls(
            round=data["round"],
            events=tuple(data["events"]),
            initiatives=tuple(data["initiatives"]),
            decisions=Decisions.from_dict(data["decisions"]),
            outcomes=tuple(InitiativeOutcome.from_dict(o) for o in data["outcomes"]),
            effects=tuple(Effect.from_dict(e) for e in data["effects"]),
            indicators={Indicator(k): float(v) for k, v in data["indicators"].items()},
            relation_interaction={
                CitizenRelation(k): float(v) for k, v in data["relation_interaction"].items()
            },
            relation_phase={
                CitizenRelation(k): GrowthPhase(v) for k, v in data["relation_phase"].items()
            },
            fit_record=float(data["fit_record"]),
            phase=GrowthPhase(data["phase"]),
            stage=CompetenceStage(data["stage"]),
        )


@dataclass(slots=True)
class GameState:
    """A game in progress. The engine never changes a state it was given; it returns a new one.

    ``indicators[INTERACTION]`` is the mean of the relations' interaction, kept for the
    dashboard; each relation's own interaction, phase and track record are held beside it.
    """

    scenario_id: str
    scenario_version: str
    seed: int
    round: int
    finished: bool
    indicators: dict[Indicator, float]
    targets: dict[Indicator, float]
    relation_interaction: dict[CitizenRelation, float]
    relation_targets: dict[CitizenRelation, float]
    relation_phase: dict[CitizenRelation, GrowthPhase]
    relation_decisions: dict[CitizenRelation, int]
    relation_fitting: dict[CitizenRelation, int]
    phase: GrowthPhase
    stage: CompetenceStage
    capacity: int
    capacity_this_round: int
    rework: int
    budget: float
    budget_per_round: float
    structural_budget: float
    channels: dict[str, float]
    actions_done: dict[str, int]
    events_seen: tuple[str, ...]
    initiatives_seen: tuple[str, ...]
    current_initiatives: tuple[str, ...]
    # Stages of initiatives still to come back: (round, initiative id).
    unfolding: tuple[tuple[int, str], ...]
    news: tuple[str, ...]
    news_effects: tuple[Effect, ...]
    purpose_bonus: dict[Purpose, float]
    role_bonus: dict[MunicipalRole, float]
    risk_reduction: float
    role_successes: dict[MunicipalRole, int]
    roles_mastered: tuple[MunicipalRole, ...]
    decisions_total: int
    decisions_fitting: int
    predictions_made: int
    predictions_right: int
    history: tuple[RoundRecord, ...]
    rng_state: int = field(repr=False, default=0)
    # What the facilitator did, in order (issue 12); replayed with the decisions.
    interventions: tuple[Intervention, ...] = ()
    # How much of the scenario this game plays (``game.sim.length``): part of the game record,
    # so a save replays in the same shorter scenario and games of one length can be compared.
    length: GameLength = GameLength.FULL
    # The track record of fitting roles per relation (0–100): each decision in the relation
    # moves it part of the way towards what the choice was worth, so recent choices weigh most
    # (game.sim.record).
    relation_record: dict[CitizenRelation, float] = field(default_factory=dict)
    # How well the chosen channels served what people came for (0–100), against what the
    # channels at hand could do; each card with purposes moves it part of the way.
    channel_record: float = 50.0
    # What a role's indicators give towards its readiness in a relation, as the core worked it
    # out for this state (``risk.execution_risk``): never saved, empty in every clone, and
    # cleared whenever the core moves an indicator or a relation's interaction in place.
    readiness: dict[tuple[MunicipalRole, CitizenRelation], float] = field(
        default_factory=dict, repr=False, compare=False
    )
    # The phase the group aims for in each relation, said before round 1 (issue 21: setting an
    # ambition per relation is what the growth model is for); the debrief holds the result to
    # it. It changes nothing in the play itself.
    ambition: dict[CitizenRelation, GrowthPhase] = field(default_factory=dict)

    def clone(self) -> GameState:
        """A copy whose dicts can be changed without touching this state."""
        return GameState(
            self.scenario_id,
            self.scenario_version,
            self.seed,
            self.round,
            self.finished,
            self.indicators.copy(),
            self.targets.copy(),
            self.relation_interaction.copy(),
            self.relation_targets.copy(),
            self.relation_phase.copy(),
            self.relation_decisions.copy(),
            self.relation_fitting.copy(),
            self.phase,
            self.stage,
            self.capacity,
            self.capacity_this_round,
            self.rework,
            self.budget,
            self.budget_per_round,
            self.structural_budget,
            self.channels.copy(),
            self.actions_done.copy(),
            self.events_seen,
            self.initiatives_seen,
            self.current_initiatives,
            self.unfolding,
            self.news,
            self.news_effects,
            self.purpose_bonus.copy(),
            self.role_bonus.copy(),
            self.risk_reduction,
            self.role_successes.copy(),
            self.roles_mastered,
            self.decisions_total,
            self.decisions_fitting,
            self.predictions_made,
            self.predictions_right,
            self.history,
            self.rng_state,
            self.interventions,
            self.length,
            self.relation_record.copy(),
            self.channel_record,
            ambition=self.ambition.copy(),
        )

    def rng(self) -> Dice:
        """The game's random generator, exactly where this state left it."""
        rng = Dice()
        rng.setstate(self.rng_state)
        return rng

    @property
    def fit_rate(self) -> float:
        """Share of decisions (0–1) in which the team chose a best-fitting role."""
        return self.decisions_fitting / self.decisions_total if self.decisions_total else 0.0

    @property
    def fit_record(self) -> float:
        """The track record of fitting roles over all decisions so far (0–100)."""
        return 100.0 * self.fit_rate

    @property
    def prediction_rate(self) -> float | None:
        """Share of predictions (0–1) that came true; None when the team predicted nothing."""
        if not self.predictions_made:
            return None
        return self.predictions_right / self.predictions_made

    def relation_fit_record(self, relation: CitizenRelation) -> float:
        """The track record in one relation (0–100): recent choices weigh most."""
        return self.relation_record.get(relation, 50.0)

    def to_dict(self, wording: bool = True) -> dict[str, Any]:
        """As JSON; ``wording`` False: every effect without its sentence (``Effect.to_dict``),
        which is what a replay must reproduce (a newer game may word the same game better)."""
        return {
            "scenario_id": self.scenario_id,
            "scenario_version": self.scenario_version,
            "seed": self.seed,
            "round": self.round,
            "finished": self.finished,
            "indicators": {k.value: v for k, v in self.indicators.items()},
            "targets": {k.value: v for k, v in self.targets.items()},
            "relation_interaction": _relations_to_json(self.relation_interaction),
            "relation_targets": _relations_to_json(self.relation_targets),
            "relation_phase": _relations_to_json(self.relation_phase),
            "relation_decisions": _relations_to_json(self.relation_decisions),
            "relation_fitting": _relations_to_json(self.relation_fitting),
            "phase": self.phase.value,
            "stage": self.stage.value,
            "capacity": self.capacity,
            "capacity_this_round": self.capacity_this_round,
            "rework": self.rework,
            "budget": self.budget,
            "budget_per_round": self.budget_per_round,
            "structural_budget": self.structural_budget,
            "channels": dict(self.channels),
            "actions_done": dict(self.actions_done),
            "events_seen": list(self.events_seen),
            "initiatives_seen": list(self.initiatives_seen),
            "current_initiatives": list(self.current_initiatives),
            "unfolding": [[r, i] for r, i in self.unfolding],
            "news": list(self.news),
            "news_effects": [e.to_dict(wording) for e in self.news_effects],
            "purpose_bonus": {k.value: v for k, v in self.purpose_bonus.items()},
            "role_bonus": {k.value: v for k, v in self.role_bonus.items()},
            "risk_reduction": self.risk_reduction,
            "role_successes": {k.value: v for k, v in self.role_successes.items()},
            "roles_mastered": [r.value for r in self.roles_mastered],
            "decisions_total": self.decisions_total,
            "decisions_fitting": self.decisions_fitting,
            "predictions_made": self.predictions_made,
            "predictions_right": self.predictions_right,
            "history": [r.to_dict(wording) for r in self.history],
            "rng_state": self.rng_state,
            "interventions": [i.to_dict() for i in self.interventions],
            "length": self.length.value,
            "relation_record": _relations_to_json(self.relation_record),
            "channel_record": self.channel_record,
            "ambition": {k.value: v.value for k, v in self.ambition.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GameState:
        relation = CitizenRelation
        return cls(
            scenario_id=data["scenario_id"],
            scenario_version=data["scenario_version"],
            seed=data["seed"],
            round=data["round"],
            finished=data["finished"],
            indicators={Indicator(k): float(v) for k, v in data["indicators"].items()},
            targets={Indicator(k): float(v) for k, v in data["targets"].items()},
            relation_interaction={
                relation(k): float(v) for k, v in data["relation_interaction"].items()
            },
            relation_targets={relation(k): float(v) for k, v in data["relation_targets"].items()},
            relation_phase={relation(k): GrowthPhase(v) for k, v in data["relation_phase"].items()},
            relation_decisions={relation(k): v for k, v in data["relation_decisions"].items()},
            relation_fitting={relation(k): v for k, v in data["relation_fitting"].items()},
            phase=GrowthPhase(data["phase"]),
            stage=CompetenceStage(data["stage"]),
            capacity=data["capacity"],
            capacity_this_round=data["capacity_this_round"],
            rework=data["rework"],
            budget=float(data["budget"]),
            budget_per_round=float(data["budget_per_round"]),
            structural_budget=float(data["structural_budget"]),
            channels={k: float(v) for k, v in data["channels"].items()},
            actions_done=dict(data["actions_done"]),
            events_seen=tuple(data["events_seen"]),
            initiatives_seen=tuple(data["initiatives_seen"]),
            current_initiatives=tuple(data["current_initiatives"]),
            unfolding=tuple((int(r), str(i)) for r, i in data["unfolding"]),
            news=tuple(data["news"]),
            news_effects=tuple(Effect.from_dict(e) for e in data["news_effects"]),
            purpose_bonus={Purpose(k): float(v) for k, v in data["purpose_bonus"].items()},
            role_bonus={MunicipalRole(k): float(v) for k, v in data["role_bonus"].items()},
            risk_reduction=float(data["risk_reduction"]),
            role_successes={MunicipalRole(k): v for k, v in data["role_successes"].items()},
            roles_mastered=tuple(MunicipalRole(r) for r in data["roles_mastered"]),
            decisions_total=data["decisions_total"],
            decisions_fitting=data["decisions_fitting"],
            predictions_made=data["predictions_made"],
            predictions_right=data["predictions_right"],
            history=tuple(RoundRecord.from_dict(r) for r in data["history"]),
            rng_state=int(data["rng_state"]),
            interventions=tuple(Intervention.from_dict(i) for i in data.get("interventions", ())),
            length=GameLength(data.get("length", GameLength.FULL)),
            relation_record={
                relation(k): float(v) for k, v in data.get("relation_record", {}).items()
            },
            channel_record=float(data.get("channel_record", 50.0)),
            ambition={relation(k): GrowthPhase(v) for k, v in data.get("ambition", {}).items()},
        )
