"""The group's ambition per citizen relation, set before round 1 and held against the result.

The source names setting one's own ambition per relation as what the growth model is for: not
every relation needs to reach collaborating (MODEL.md §3, growth differs per relation). The group
says, per relation, which phase it aims for; the debrief shows where each relation ended against
that aim (issue 21). The ambition changes nothing in the play: it is the group's own yardstick.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.domain import CitizenRelation, GrowthPhase
from game.sim.state import GameState


class AmbitionRefused(ValueError):
    """An ambition the game cannot take: after the first round, or for a relation not in it."""


@dataclass(frozen=True, slots=True)
class AmbitionLine:
    """One relation's aim against where it ended."""

    relation: CitizenRelation
    aimed: GrowthPhase
    reached: GrowthPhase

    @property
    def gap(self) -> int:
        """Phases beyond the aim (positive), short of it (negative), or 0: reached exactly."""
        return self.reached.level - self.aimed.level


def can_set_ambition(state: GameState) -> bool:
    """Only before the first round is played: an aim set later would be hindsight."""
    return not state.history and not state.finished


def set_ambition(state: GameState, aims: Mapping[CitizenRelation, GrowthPhase | None]) -> GameState:
    """A new state with the group's aims (a relation given None has no aim)."""
    if not can_set_ambition(state):
        raise AmbitionRefused("an ambition is set before round 1")
    unknown = [r.value for r in aims if r not in state.relation_phase]
    if unknown:
        raise AmbitionRefused(f"this game has no relation {', '.join(unknown)}")
    new = state.clone()
    new.ambition = {
        relation: aim for relation in CitizenRelation if (aim := aims.get(relation)) is not None
    }
    return new


def ambition_review(state: GameState) -> list[AmbitionLine]:
    """Each relation with an aim, in the model's order, with the phase it is at now."""
    return [
        AmbitionLine(relation, state.ambition[relation], state.relation_phase[relation])
        for relation in CitizenRelation
        if relation in state.ambition and relation in state.relation_phase
    ]
