"""What one round changes, collected while it resolves: pulls on targets, and their effects.

Every step of a round (the initiatives, the development actions, the drift) moves targets
through the same rule: gains shrink as a target nears the top, and a target that gained is
"fed" this round, so it does not drift.
"""

from __future__ import annotations

from game.domain import CitizenRelation, Indicator
from game.sim.effects import Effect, ParamValue
from game.sim.state import GameState

# A pull on an organisation indicator's target: (indicator, change, sentence, parameters),
# collected while an initiative resolves and applied at its end.
Pull = tuple[Indicator, float, str, dict[str, ParamValue]]

# Builds a named tuple without its Python-level __new__: effects are made by the hundred thousand.
new = tuple.__new__
_INTERACTION = Indicator.INTERACTION


def clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return low if value < low else high if value > high else value


def mean(values: dict[CitizenRelation, float]) -> float:
    return sum(values.values()) / len(values) if values else 0.0


class RoundChanges:
    """What one round changes, collected while it resolves: pulls on targets, and effects."""

    __slots__ = ("decided", "effects", "fed", "fed_relations", "saturation", "state")

    def __init__(self, state: GameState, saturation: float) -> None:
        self.state = state
        self.effects: list[Effect] = []
        self.saturation = saturation
        self.fed: set[Indicator] = set()
        self.fed_relations: set[CitizenRelation] = set()
        # Relations with a decision this round (their track record moved).
        self.decided: set[CitizenRelation] = set()

    def pull(
        self,
        source: str,
        source_id: str,
        ind: Indicator,
        delta: float,
        key: str,
        params: dict[str, ParamValue],
    ) -> float:
        """Move an organisation indicator's target; gains shrink near the top, and a target that
        gained is fed; targets stay in 0–100."""
        if delta == 0.0:
            return 0.0
        targets = self.state.targets
        target = targets[ind]
        if delta > 0.0:
            delta *= 1.0 - self.saturation * target
            self.fed.add(ind)
        value = target + delta
        targets[ind] = 0.0 if value < 0.0 else 100.0 if value > 100.0 else value
        self.effects.append(new(Effect, (source, source_id, ind, delta, key, params)))
        return delta

    def pull_relation(
        self,
        source: str,
        source_id: str,
        relation: CitizenRelation,
        delta: float,
        key: str,
        params: dict[str, ParamValue],
    ) -> float:
        """Move one relation's interaction target, the same way (written out twice: the drift
        and the channels pull on every relation, every round)."""
        if delta == 0.0:
            return 0.0
        targets = self.state.relation_targets
        target = targets[relation]
        if delta > 0.0:
            delta *= 1.0 - self.saturation * target
            self.fed_relations.add(relation)
        value = target + delta
        targets[relation] = 0.0 if value < 0.0 else 100.0 if value > 100.0 else value
        self.effects.append(new(Effect, (source, source_id, _INTERACTION, delta, key, params)))
        return delta
