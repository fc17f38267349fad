"""The state of a game in progress, and the decisions a team makes, as plain data.

State is what a save holds: the run, not the scenario. It converts to and from JSON-ready dicts
so saves, autoplay's ``--json`` and the debrief all read the same thing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from game.domain import CompetenceStage, GrowthPhase, Indicator, MunicipalRole, Purpose
from game.sim.effects import Effect


@dataclass(frozen=True, slots=True)
class InitiativeDecision:
    """The team's choice for one initiative: the municipality's role and the channels it uses."""

    initiative: str
    role: MunicipalRole
    channels: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "initiative": self.initiative,
            "role": self.role.value,
            "channels": list(self.channels),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InitiativeDecision:
        return cls(data["initiative"], MunicipalRole(data["role"]), tuple(data["channels"]))


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


@dataclass(frozen=True, slots=True)
class InitiativeOutcome:
    """How one decision turned out, with what would have fitted best (for the debrief table)."""

    initiative: str
    role: MunicipalRole
    channels: tuple[str, ...]
    fit: float
    best_roles: tuple[MunicipalRole, ...]
    channel_fit: float | None
    readiness: float
    demand: float
    succeeded: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "initiative": self.initiative,
            "role": self.role.value,
            "channels": list(self.channels),
            "fit": self.fit,
            "best_roles": [r.value for r in self.best_roles],
            "channel_fit": self.channel_fit,
            "readiness": self.readiness,
            "demand": self.demand,
            "succeeded": self.succeeded,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InitiativeOutcome:
        return cls(
            initiative=data["initiative"],
            role=MunicipalRole(data["role"]),
            channels=tuple(data["channels"]),
            fit=data["fit"],
            best_roles=tuple(MunicipalRole(r) for r in data["best_roles"]),
            channel_fit=data["channel_fit"],
            readiness=data["readiness"],
            demand=data["demand"],
            succeeded=data["succeeded"],
        )


@dataclass(frozen=True, slots=True)
class RoundRecord:
    """What happened in one round: the news, the decisions, their outcomes and every effect."""

    round: int
    events: tuple[str, ...]
    initiatives: tuple[str, ...]
    decisions: Decisions
    outcomes: tuple[InitiativeOutcome, ...]
    effects: tuple[Effect, ...]
    indicators: dict[Indicator, float]
    fit_record: float
    phase: GrowthPhase
    stage: CompetenceStage

    def to_dict(self) -> dict[str, Any]:
        return {
            "round": self.round,
            "events": list(self.events),
            "initiatives": list(self.initiatives),
            "decisions": self.decisions.to_dict(),
            "outcomes": [o.to_dict() for o in self.outcomes],
            "effects": [e.to_dict() for e in self.effects],
            "indicators": {k.value: v for k, v in self.indicators.items()},
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
            fit_record=float(data["fit_record"]),
            phase=GrowthPhase(data["phase"]),
            stage=CompetenceStage(data["stage"]),
        )


@dataclass(slots=True)
class GameState:
    """A game in progress. The engine never changes a state it was given; it returns a new one."""

    scenario_id: str
    scenario_version: str
    seed: int
    round: int
    finished: bool
    indicators: dict[Indicator, float]
    targets: dict[Indicator, float]
    fit_record: float
    phase: GrowthPhase
    stage: CompetenceStage
    capacity: int
    capacity_this_round: int
    budget: float
    budget_per_round: float
    structural_budget: float
    channels: dict[str, float]
    actions_done: dict[str, int]
    events_seen: tuple[str, ...]
    initiatives_seen: tuple[str, ...]
    current_initiatives: tuple[str, ...]
    news: tuple[str, ...]
    news_effects: tuple[Effect, ...]
    purpose_bonus: dict[Purpose, float]
    role_bonus: dict[MunicipalRole, float]
    risk_reduction: float
    role_successes: dict[MunicipalRole, int]
    roles_mastered: tuple[MunicipalRole, ...]
    decisions_total: int
    decisions_fitting: int
    history: tuple[RoundRecord, ...]
    rng_state: tuple[Any, ...] = field(repr=False, default=())

    def clone(self) -> GameState:
        """A copy whose dicts can be changed without touching this state."""
        return GameState(
            self.scenario_id,
            self.scenario_version,
            self.seed,
            self.round,
            self.finished,
            dict(self.indicators),
            dict(self.targets),
            self.fit_record,
            self.phase,
            self.stage,
            self.capacity,
            self.capacity_this_round,
            self.budget,
            self.budget_per_round,
            self.structural_budget,
            dict(self.channels),
            dict(self.actions_done),
            self.events_seen,
            self.initiatives_seen,
            self.current_initiatives,
            self.news,
            self.news_effects,
            dict(self.purpose_bonus),
            dict(self.role_bonus),
            self.risk_reduction,
            dict(self.role_successes),
            self.roles_mastered,
            self.decisions_total,
            self.decisions_fitting,
            self.history,
            self.rng_state,
        )

    def rng(self) -> random.Random:
        """The game's random generator, exactly where this state left it."""
        rng = random.Random()
        rng.setstate(self.rng_state)
        return rng

    @property
    def fit_rate(self) -> float:
        """Share of decisions (0–1) in which the team chose a best-fitting role."""
        return self.decisions_fitting / self.decisions_total if self.decisions_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        version, internal, gauss = self.rng_state
        return {
            "scenario_id": self.scenario_id,
            "scenario_version": self.scenario_version,
            "seed": self.seed,
            "round": self.round,
            "finished": self.finished,
            "indicators": {k.value: v for k, v in self.indicators.items()},
            "targets": {k.value: v for k, v in self.targets.items()},
            "fit_record": self.fit_record,
            "phase": self.phase.value,
            "stage": self.stage.value,
            "capacity": self.capacity,
            "capacity_this_round": self.capacity_this_round,
            "budget": self.budget,
            "budget_per_round": self.budget_per_round,
            "structural_budget": self.structural_budget,
            "channels": dict(self.channels),
            "actions_done": dict(self.actions_done),
            "events_seen": list(self.events_seen),
            "initiatives_seen": list(self.initiatives_seen),
            "current_initiatives": list(self.current_initiatives),
            "news": list(self.news),
            "news_effects": [e.to_dict() for e in self.news_effects],
            "purpose_bonus": {k.value: v for k, v in self.purpose_bonus.items()},
            "role_bonus": {k.value: v for k, v in self.role_bonus.items()},
            "risk_reduction": self.risk_reduction,
            "role_successes": {k.value: v for k, v in self.role_successes.items()},
            "roles_mastered": [r.value for r in self.roles_mastered],
            "decisions_total": self.decisions_total,
            "decisions_fitting": self.decisions_fitting,
            "history": [r.to_dict() for r in self.history],
            "rng_state": [version, list(internal), gauss],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GameState:
        version, internal, gauss = data["rng_state"]
        return cls(
            scenario_id=data["scenario_id"],
            scenario_version=data["scenario_version"],
            seed=data["seed"],
            round=data["round"],
            finished=data["finished"],
            indicators={Indicator(k): float(v) for k, v in data["indicators"].items()},
            targets={Indicator(k): float(v) for k, v in data["targets"].items()},
            fit_record=float(data["fit_record"]),
            phase=GrowthPhase(data["phase"]),
            stage=CompetenceStage(data["stage"]),
            capacity=data["capacity"],
            capacity_this_round=data["capacity_this_round"],
            budget=float(data["budget"]),
            budget_per_round=float(data["budget_per_round"]),
            structural_budget=float(data["structural_budget"]),
            channels={k: float(v) for k, v in data["channels"].items()},
            actions_done=dict(data["actions_done"]),
            events_seen=tuple(data["events_seen"]),
            initiatives_seen=tuple(data["initiatives_seen"]),
            current_initiatives=tuple(data["current_initiatives"]),
            news=tuple(data["news"]),
            news_effects=tuple(Effect.from_dict(e) for e in data["news_effects"]),
            purpose_bonus={Purpose(k): float(v) for k, v in data["purpose_bonus"].items()},
            role_bonus={MunicipalRole(k): float(v) for k, v in data["role_bonus"].items()},
            risk_reduction=float(data["risk_reduction"]),
            role_successes={MunicipalRole(k): v for k, v in data["role_successes"].items()},
            roles_mastered=tuple(MunicipalRole(r) for r in data["roles_mastered"]),
            decisions_total=data["decisions_total"],
            decisions_fitting=data["decisions_fitting"],
            history=tuple(RoundRecord.from_dict(r) for r in data["history"]),
            rng_state=(version, tuple(internal), gauss),
        )
