"""Looking back on a finished game: what was possible at each moment, and advice from that.

A debrief that recommends a channel that was still locked, or an action the team already
bought, contradicts itself in front of the group. Everything here is worked out from the game's
own record: the decision log is played again from the seed (the core is deterministic), so for
every round the state the team decided in is known, and with it what was available then.

Advice is data (a kind and its facts); the debrief words it in the team's language. Pure
Python: no pygame, no UI.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from game.domain import CitizenRelation, GrowthPhase, Indicator, InitiativeOwner, MunicipalRole
from game.scenario.models import DevelopmentAction, Scenario
from game.sim.engine import (
    Gap,
    action_available,
    channel_available,
    channels_fit,
    new_game,
    next_phase_gaps,
    resolve_round,
)
from game.sim.phases import (
    WEAKEST_BEHIND,
    WEAKEST_FROM,
    relations_in_play,
    relations_needed,
)
from game.sim.rules import DEFAULT_ROLE_FIT, CompiledRules, best_channels, compile_rules
from game.sim.score import Line, weakest_line
from game.sim.state import GameState, InitiativeOutcome

# Below this purpose fit, the channels chosen are worth a word in the debrief.
WEAK_CHANNEL_FIT = 0.5
# At most this many points of advice per kind.
MOST = 3

# What each line is made of, among the organisation's indicators.
LINE_INDICATORS: dict[Line, tuple[Indicator, ...]] = {
    Line.INTERACTION: (Indicator.INTERACTION,),
    Line.INITIATIVE_OWNERSHIP: (Indicator.COMMUNITY_ENERGY, Indicator.TRUST),
    Line.ORGANISATION_OWNERSHIP: (
        Indicator.OWNERSHIP_BREADTH,
        Indicator.EMBEDDING,
        Indicator.SKILL,
    ),
}


def round_states(scenario: Scenario, state: GameState) -> list[GameState]:
    """The state at the start of every round played, as the team saw it when deciding.

    ``scenario`` is the scenario as the game played it (its length). The decision log is
    played again from the seed; the last state played must match the game's own.
    """
    current = new_game(scenario, state.seed)
    current.length = state.length
    rng = current.rng()
    states = []
    for record in state.history:
        states.append(current)
        current, _ = resolve_round(current, record.decisions, scenario, rng, check=False)
    return states


def end_of_round(state: GameState) -> GameState:
    """The state as the last round played left it, before the next round's news.

    The game state already holds the next round's news (events move the values at once when a
    round begins); the outcome and the summary show how the round itself moved the dashboard,
    and the news arrives, told, in the next briefing.
    """
    if not state.history:
        return state
    record = state.history[-1]
    shown = state.clone()
    shown.indicators = dict(record.indicators)
    shown.relation_interaction = dict(record.relation_interaction)
    return shown


class HeldBack(NamedTuple):
    """The relation(s) that held the organisation's growth phase back, and what they lacked.

    ``relations`` are the least grown of the relations below the next overall phase; ``phase``
    is where they stand; ``gaps`` what they lacked for their own next phase (their own
    interaction and track record, and what the whole organisation lacked for it).
    """

    relations: tuple[CitizenRelation, ...]
    phase: GrowthPhase
    gaps: tuple[Gap, ...]


def held_back(state: GameState, scenario: Scenario) -> HeldBack | None:
    """What held the overall phase back, by the rule that makes it (``phases.overall_level``):
    too few relations in the next phase (the lowest of those below it), or a relation left too
    far behind for collaborating. (A relation's own phase already asks what the organisation
    as a whole must reach, so the whole lacks nothing its relations do not; a state where it
    does names no relation.) None in the highest phase."""
    above = state.phase.level + 1
    if above > len(GrowthPhase):
        return None
    rules = compile_rules(scenario)
    playing = relations_in_play(state, rules)
    levels = {r: state.relation_phase[r].level for r in playing}
    needed = relations_needed(rules.tuning.phase_majority, len(playing))
    below = {r: level for r, level in levels.items() if level < above}
    if len(levels) - len(below) < needed and below:
        lowest = min(below.values())
        relations = tuple(r for r, level in below.items() if level == lowest)
    elif above >= WEAKEST_FROM and any(v < above - WEAKEST_BEHIND for v in levels.values()):
        lowest = min(levels.values())
        relations = tuple(r for r, level in levels.items() if level == lowest)
    else:
        whole = tuple(g for g in next_phase_gaps(state, scenario) if g.relation is None)
        return HeldBack((), state.phase, whole)
    # What they lacked for their own next phase: the gaps as the organisation would see them
    # from that phase.
    probe = state.clone()
    probe.phase = tuple(GrowthPhase)[lowest - 1]
    gaps = tuple(
        g for g in next_phase_gaps(probe, scenario) if g.relation is None or g.relation in relations
    )
    return HeldBack(relations, probe.phase, gaps)


def best_available_channels(
    scenario: Scenario, at: GameState, initiative_id: str, limit: int = 2
) -> tuple[str, ...]:
    """The channels that would have served an initiative's purposes best, among those that
    could be used in the round it came (``at``): in use, or allowed to open then."""
    rules = compile_rules(scenario)
    return best_channels(
        rules, initiative_id, limit, lambda channel: channel_available(at, rules, channel)
    )


class Advice(NamedTuple):
    """One point of advice: its kind and the facts it rests on (ids, numbers)."""

    kind: str
    line: Line | None
    facts: dict[str, Any]


def _helps(action: DevelopmentAction, indicators: tuple[Indicator, ...]) -> float:
    return sum(
        max(0.0, delta) for ind, delta in action.effects.indicators.items() if ind in indicators
    )


def _readies(action: DevelopmentAction, role: MunicipalRole) -> bool:
    fx = action.effects
    if fx.risk_reduction > 0:
        return True
    return fx.role_readiness is not None and any(
        r is role and v > 0 for r, v in fx.role_readiness.items()
    )


def advice(scenario: Scenario, state: GameState) -> list[Advice]:
    """Points of advice for the debrief, the weakest line's first, from what happened.

    Never an action the team bought, never one it could not have bought (its prerequisites
    never held), never a channel that was locked in the round it is advised for.
    """
    rules = compile_rules(scenario)
    states = round_states(scenario, state)
    done = set(state.actions_done)
    # Actions the team could have bought at some moment, and never did.
    offered: dict[str, DevelopmentAction] = {}
    for at in (*states, state):
        if at.finished:
            continue
        for action in scenario.actions:
            if action.id not in done and action.trap is None and action_available(at, action):
                offered.setdefault(action.id, action)
    weakest = weakest_line(state)
    outcomes: list[tuple[int, InitiativeOutcome]] = [
        (index, outcome)
        for index, record in enumerate(state.history)
        for outcome in record.outcomes
    ]
    points = [
        *_misfit_points(rules, outcomes),
        *_stumble_points(outcomes, offered, states),
        *_channel_points(scenario, rules, state, states, outcomes),
        *_quiet_relation(state),
        *_invest_points(weakest, offered),
        *_predict_point(state),
    ]

    def rank(point: Advice) -> int:
        return 0 if point.line is weakest else 1

    return sorted(points, key=rank)


def _misfit_points(
    rules: CompiledRules, outcomes: list[tuple[int, InitiativeOutcome]]
) -> list[Advice]:
    """Roles that did not fit who took the initiative and the relation."""
    misfits = [(i, o) for i, o in outcomes if not o.fitting]
    misfits.sort(key=lambda pair: (pair[1].fit, -pair[0]))
    points = []
    for _, outcome in misfits[:MOST]:
        info = rules.initiatives[outcome.initiative]
        points.append(
            Advice(
                "misfit",
                Line.INITIATIVE_OWNERSHIP,
                {
                    "initiative": outcome.initiative,
                    "role": outcome.role,
                    "best": outcome.best_roles,
                    "owner": info.owner,
                    "relation": outcome.relation,
                    "fit": outcome.fit,
                },
            )
        )
    return points


def _stumble_points(
    outcomes: list[tuple[int, InitiativeOutcome]],
    offered: dict[str, DevelopmentAction],
    states: list[GameState],
) -> list[Advice]:
    """A fitting role that stumbled: readiness, and what would have raised it."""
    stumbles = [(i, o) for i, o in outcomes if o.fitting and not o.succeeded]
    points = []
    for index, outcome in stumbles[:MOST]:
        helpers = [
            a.id
            for a in offered.values()
            if _readies(a, outcome.role)
            and any(action_available(at, a) for at in states[: index + 1])
        ]
        points.append(
            Advice(
                "stumble",
                Line.ORGANISATION_OWNERSHIP,
                {
                    "initiative": outcome.initiative,
                    "role": outcome.role,
                    "readiness": outcome.readiness,
                    "demand": outcome.demand,
                    "actions": tuple(helpers[:2]),
                },
            )
        )
    return points


def _channel_points(
    scenario: Scenario,
    rules: CompiledRules,
    state: GameState,
    states: list[GameState],
    outcomes: list[tuple[int, InitiativeOutcome]],
) -> list[Advice]:
    """Channels that served the purposes poorly, where better ones could be used then."""
    weak = [
        (i, o)
        for i, o in outcomes
        if o.channel_fit is not None and o.channel_fit < WEAK_CHANNEL_FIT
    ]
    weak.sort(key=lambda pair: pair[1].channel_fit or 0.0)
    points: list[Advice] = []
    for index, outcome in weak:
        if len(points) >= MOST:
            break
        at = states[index]
        better = best_available_channels(scenario, at, outcome.initiative)
        info = rules.initiatives[outcome.initiative]
        if not better or set(better) <= set(outcome.channels):
            continue
        fit, _ = channels_fit(at, rules, info, better)
        if fit <= (outcome.channel_fit or 0.0) + 0.1:
            continue
        points.append(
            Advice(
                "channels",
                Line.INTERACTION,
                {
                    "initiative": outcome.initiative,
                    "round": state.history[index].round,
                    "purposes": tuple(info.purposes),
                    "chosen": outcome.channels,
                    "chosen_fit": outcome.channel_fit or 0.0,
                    "better": better,
                    "better_fit": fit,
                },
            )
        )
    return points


def _quiet_relation(state: GameState) -> list[Advice]:
    """The relation that grew least: growth differs per relation."""
    if not state.relation_phase:
        return []
    quiet: CitizenRelation = min(
        state.relation_phase,
        key=lambda r: (state.relation_phase[r].level, state.relation_interaction.get(r, 0.0)),
    )
    if state.relation_phase[quiet].level >= 4:
        return []
    return [
        Advice(
            "quiet_relation",
            Line.INTERACTION,
            {
                "relation": quiet,
                "phase": state.relation_phase[quiet],
                "interaction": state.relation_interaction.get(quiet, 0.0),
            },
        )
    ]


def _invest_points(weakest: Line, offered: dict[str, DevelopmentAction]) -> list[Advice]:
    """Investments never made that strengthen a line, and that were there to make."""
    points = []
    for line in (weakest, *(x for x in Line if x is not weakest)):
        helping = sorted(
            (a for a in offered.values() if _helps(a, LINE_INDICATORS[line]) > 0),
            key=lambda a: -_helps(a, LINE_INDICATORS[line]),
        )
        if helping:
            points.append(Advice("invest", line, {"actions": tuple(a.id for a in helping[:MOST])}))
    return points


def _predict_point(state: GameState) -> list[Advice]:
    """Predictions: how often, and how well."""
    decisions = sum(len(record.outcomes) for record in state.history)
    if decisions and state.predictions_made < decisions / 2:
        made = state.predictions_made
        return [Advice("predict_more", None, {"made": made, "decisions": decisions})]
    return []


def role_fit_table(
    scenario: Scenario | None,
) -> dict[tuple[InitiativeOwner, CitizenRelation], dict[MunicipalRole, float]]:
    """How well each role fits (0–100) per owner × relation: the default table of the
    government-participation model with a scenario's own tuning over it (for help)."""
    table = {key: dict(row) for key, row in DEFAULT_ROLE_FIT.items()}
    if scenario is None:
        return table
    for owner in InitiativeOwner:
        per_relation = getattr(scenario.tuning.role_fit, owner.value)
        if per_relation is None:
            continue
        for relation in CitizenRelation:
            overrides = getattr(per_relation, relation.value)
            if overrides is not None:
                table[(owner, relation)].update(overrides.items())
    return table
