"""Where the network picture's nodes and links go: a pure function of the game state.

The town hall sits among departments, residents' groups, businesses and the initiatives that came
up. Links show relations: their colour is the role the municipality took, their thickness how
well it fitted. With a few enthusiasts (phase 1) there are a few thin links; in a networking
municipality (phase 4) a dense web in which the town hall is one node among many. The layout
changes exactly when an outcome changes the state, and it uses no randomness (positions come from
a hash of the node's id). ``game.ui.network`` paints it.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field

from game.domain import Indicator, InitiativeOwner, MunicipalRole
from game.scenario.models import Scenario
from game.sim import GameState

COMMUNITY_SLOTS = 14
DEPARTMENT_SLOTS = 6


def _unit(key: str) -> float:
    """A stable number in [0, 1) for a name: layout without a random generator."""
    return (zlib.crc32(key.encode("utf-8")) % 10_000) / 10_000


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    kind: str  # townhall, department, residents, business, initiative
    x: float  # 0–1 within the picture
    y: float
    active: bool = True
    owner: InitiativeOwner | None = None
    current: bool = False


@dataclass(frozen=True, slots=True)
class Link:
    a: str
    b: str
    kind: str  # role, web, reach, department, owner
    strength: float  # 0–1: thickness
    role: MunicipalRole | None = None
    fresh: bool = False  # made this round (outcome highlights it)
    stumbled: bool = False


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]
    phase_level: int


def _polar(angle: float, radius: float) -> tuple[float, float]:
    return 0.5 + radius * math.cos(angle) * 0.5, 0.5 + radius * math.sin(angle) * 0.5


@dataclass(slots=True)
class _Sketch:
    """The network while it is laid out: nodes and links in drawing order, and where each is."""

    nodes: list[Node] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)

    def place(self, node: Node) -> None:
        self.nodes.append(node)
        self.positions[node.id] = (node.x, node.y)


def build_network(state: GameState, scenario: Scenario, pending: bool = True) -> Network:
    """Nodes and links for this state: what the picture shows, before any drawing.

    ``pending`` adds the initiatives waiting on the table (the briefing shows them; the outcome,
    which is about the round just played, does not).
    """
    phase = state.phase.level
    sketch = _Sketch()
    sketch.place(Node("townhall", "townhall", 0.5, 0.5))
    # How far the organisation has become one node among many: from the conversing phase on,
    # departments carry initiatives themselves and reach out to the community; collaborating,
    # the town hall is no longer the hub.
    spread = 0.0 if phase <= 2 else 0.5 if phase == 3 else 0.8
    departments = _lay_departments(sketch, state, spread)
    community = _lay_community(sketch)
    _lay_reach(sketch, state, community, departments, spread)
    decided = _decided(state)
    waiting = [i for i in state.current_initiatives if i not in decided] if pending else []
    _lay_initiatives(sketch, scenario, decided, waiting, community, departments, spread)
    _lay_web(sketch, state, departments, community, list(decided))
    return Network(tuple(sketch.nodes), tuple(sketch.links), phase)


def _lay_departments(sketch: _Sketch, state: GameState, spread: float) -> list[str]:
    """The departments around the town hall, as many active as ownership has spread.

    Returns the active ones; each is linked to the town hall (collaborating, only the nearest).
    """
    ind = state.indicators
    breadth = ind[Indicator.OWNERSHIP_BREADTH] / 100
    active_departments = 1 + round(breadth * (DEPARTMENT_SLOTS - 1))
    departments: list[str] = []
    for i in range(DEPARTMENT_SLOTS):
        x, y = _polar(2 * math.pi * i / DEPARTMENT_SLOTS + 0.3, 0.26 + 0.3 * spread)
        active = i < active_departments
        sketch.place(Node(f"dept{i}", "department", x, y, active=active))
        if active:
            departments.append(f"dept{i}")
    embedding = 0.2 + 0.6 * ind[Indicator.EMBEDDING] / 100
    hall_links = (
        departments
        if state.phase.level < 4
        else _nearest(sketch.positions, (0.5, 0.5), departments, 3)
    )
    for dept in hall_links:
        sketch.links.append(Link("townhall", dept, "department", embedding))
    return departments


def _lay_community(sketch: _Sketch) -> list[str]:
    """Residents' groups and businesses on the outer ring; returns their ids."""
    community: list[str] = []
    for i in range(COMMUNITY_SLOTS):
        kind = "business" if i % 3 == 2 else "residents"
        angle = 2 * math.pi * (i + 0.35 * _unit(f"c{i}")) / COMMUNITY_SLOTS
        x, y = _polar(angle, 0.9 - 0.07 * _unit(f"r{i}"))
        sketch.place(Node(f"c{i}", kind, x, y))
        community.append(f"c{i}")
    return community


def _lay_reach(
    sketch: _Sketch,
    state: GameState,
    community: list[str],
    departments: list[str],
    spread: float,
) -> None:
    """The municipality's reach: a few enthusiasts' links at first, more with interaction; once
    ownership has spread, the departments reach out themselves."""
    ind = state.indicators
    reach = round(ind[Indicator.INTERACTION] / 100 * COMMUNITY_SLOTS)
    order = sorted(community, key=lambda n: _unit("reach" + n))
    trust = ind[Indicator.TRUST] / 100
    for node_id in order[: max(1, reach)]:
        source = "townhall"
        if departments and _unit("from" + node_id) < spread:
            source = _nearest(sketch.positions, sketch.positions[node_id], departments, 1)[0]
        sketch.links.append(Link(source, node_id, "reach", 0.1 + 0.35 * trust))


def _decided(state: GameState) -> dict[str, tuple[MunicipalRole, float, bool, bool]]:
    """Every initiative decided so far: its role, fit, success and whether it was this round."""
    decided: dict[str, tuple[MunicipalRole, float, bool, bool]] = {}
    last_round = state.history[-1].round if state.history else 0
    for record in state.history:
        for outcome in record.outcomes:
            decided[outcome.initiative] = (
                outcome.role,
                outcome.fit,
                outcome.succeeded,
                record.round == last_round,
            )
    return decided


def _lay_initiatives(
    sketch: _Sketch,
    scenario: Scenario,
    decided: dict[str, tuple[MunicipalRole, float, bool, bool]],
    waiting: list[str],
    community: list[str],
    departments: list[str],
    spread: float,
) -> None:
    """The initiatives between the organisation and the community, linked to their owners and
    (once decided) to whoever carried them, in the role the municipality took."""
    positions = sketch.positions
    for index, initiative_id in enumerate([*decided, *waiting]):
        initiative = scenario.initiative(initiative_id)
        angle = 2 * math.pi * (index * 0.382 + 0.05 * _unit(initiative_id))
        radius = 0.52 + 0.16 * _unit("ring" + initiative_id)
        x, y = _polar(angle, radius)
        current = initiative_id in waiting
        sketch.place(
            Node(initiative_id, "initiative", x, y, owner=initiative.owner, current=current)
        )
        nearest = min(community, key=lambda c: math.dist(positions[c], (x, y)))
        if initiative.owner == InitiativeOwner.COMMUNITY:
            sketch.links.append(Link(initiative_id, nearest, "owner", 0.35))
        if initiative_id in decided:
            role, fit, succeeded, fresh = decided[initiative_id]
            source = "townhall"
            if departments and _unit("carry" + initiative_id) < spread:
                source = _nearest(positions, (x, y), departments, 1)[0]
            sketch.links.append(
                Link(
                    source,
                    initiative_id,
                    "role",
                    max(0.15, fit if succeeded else fit * 0.4),
                    role=role,
                    fresh=fresh,
                    stumbled=not succeeded,
                )
            )


def _lay_web(
    sketch: _Sketch,
    state: GameState,
    departments: list[str],
    community: list[str],
    decided: list[str],
) -> None:
    """The web among the community (with its decided initiatives): grows with community energy
    and the growth phase; collaborating, the departments are part of it themselves."""
    ind = state.indicators
    phase = state.phase.level
    trust = ind[Indicator.TRUST] / 100
    positions = sketch.positions
    if phase >= 4:
        for dept in departments:
            for other in _nearest(positions, positions[dept], community, 2):
                sketch.links.append(Link(dept, other, "web", 0.15 + 0.5 * trust))
    members = [*community, *decided]
    web = 0.55 * ind[Indicator.COMMUNITY_ENERGY] / 100 + 0.45 * (phase - 1) / 3
    pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    pairs.sort(
        key=lambda p: math.dist(positions[p[0]], positions[p[1]]) * (0.5 + _unit(p[0] + p[1]))
    )
    count = round(len(members) * 1.6 * web**1.4)
    for a, b in pairs[:count]:
        sketch.links.append(Link(a, b, "web", 0.15 + 0.5 * trust))


def _nearest(
    positions: dict[str, tuple[float, float]],
    point: tuple[float, float],
    candidates: list[str],
    count: int,
) -> list[str]:
    """The ``count`` candidates nearest to ``point`` (ties broken by name: no randomness)."""
    return sorted(candidates, key=lambda c: (math.dist(positions[c], point), c))[:count]
