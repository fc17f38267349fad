"""What a team has chosen so far in a round, before the core takes it as ``Decisions``.

The controller holds one plan per game; scenes change it through the controller's intents, saves
keep it mid-round (``to_dict``), and loading a save brings back what still fits (``restored``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.domain import MunicipalRole, Prediction
from game.sim.state import Decisions, GameState, InitiativeDecision

if TYPE_CHECKING:
    from game.scenario.models import Scenario


@dataclass(slots=True)
class RoundPlan:
    """What the team has chosen so far this round; becomes ``Decisions`` when confirmed."""

    roles: dict[str, MunicipalRole] = field(default_factory=dict)
    channels: dict[str, list[str]] = field(default_factory=dict)
    actions: list[str] = field(default_factory=list)
    predictions: dict[str, Prediction] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.roles or self.channels or self.actions or self.predictions)

    def decisions(self, on_the_table: Sequence[str], with_actions: bool = True) -> Decisions:
        """As the core takes it: the initiatives on the table that have a role, in their order."""
        chosen = tuple(
            InitiativeDecision(
                i, self.roles[i], tuple(self.channels.get(i, ())), self.predictions.get(i)
            )
            for i in on_the_table
            if i in self.roles
        )
        return Decisions(chosen, tuple(self.actions) if with_actions else ())

    @classmethod
    def of(cls, decisions: Decisions) -> RoundPlan:
        """A plan holding ready-made decisions (the tour's bot makes them)."""
        return cls(
            roles={d.initiative: d.role for d in decisions.initiatives},
            channels={d.initiative: list(d.channels) for d in decisions.initiatives},
            actions=list(decisions.actions),
            predictions={d.initiative: d.prediction for d in decisions.initiatives if d.prediction},
        )

    def to_dict(self) -> dict[str, Any]:
        """As a save keeps it (``PlanModel``)."""
        return {
            "roles": {k: MunicipalRole(v).value for k, v in self.roles.items()},
            "channels": {k: list(v) for k, v in self.channels.items() if v},
            "actions": list(self.actions),
            "predictions": {k: Prediction(v).value for k, v in self.predictions.items()},
        }

    @classmethod
    def restored(
        cls, data: dict[str, Any] | None, state: GameState, scenario: Scenario
    ) -> RoundPlan:
        """A saved plan, keeping only what still belongs to this round and this scenario."""
        if not data:
            return cls()
        current = set(state.current_initiatives)
        channels = {c.id for c in scenario.channels}
        actions = {a.id for a in scenario.actions}
        try:
            return cls(
                roles={
                    k: MunicipalRole(v) for k, v in data.get("roles", {}).items() if k in current
                },
                channels={
                    k: [c for c in v if c in channels]
                    for k, v in data.get("channels", {}).items()
                    if k in current
                },
                actions=[a for a in data.get("actions", []) if a in actions],
                predictions={
                    k: Prediction(v) for k, v in data.get("predictions", {}).items() if k in current
                },
            )
        except (ValueError, TypeError, AttributeError):
            return cls()
