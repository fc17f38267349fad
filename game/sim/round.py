"""A game and its rounds: a round is a function of (state, decisions, scenario, rng).

Pure Python: no pygame, no UI, no I/O, no clock. The one random generator is passed in and its
state is stored in the returned game state, so the same scenario, seed and decisions always give
the same game. Bots play thousands of games a second through here, so the hot path works on the
compiled rules (plain dicts and tuples) rather than on the pydantic content models.

A round, in its steps: the decisions are checked; the round's news counts as feeding what it
lifted; each initiative is resolved (``initiative.py``); the development actions are bought and
what nothing fed drifts (``development.py``); the indicators move part of the way towards their
targets (the inertia); the stage, the relations' phases and the overall phase follow
(``phases.py``); the round is recorded, and the next one begins with its news (``news.py``).
"""

from __future__ import annotations

from game.domain import CompetenceStage, GrowthPhase, Indicator
from game.scenario.models import Scenario
from game.sim.changes import RoundChanges, mean, new
from game.sim.costs import rejections_and_cost
from game.sim.development import apply_action, drift
from game.sim.dice import Dice
from game.sim.effects import DecisionRejected, Effect
from game.sim.initiative import resolve_initiative
from game.sim.news import begin_round
from game.sim.phases import (
    overall_phase,
    spread_record,
    start_relation,
    update_phase,
    update_relations,
    update_stage,
)
from game.sim.rules import CompiledRules, compile_rules
from game.sim.state import Decisions, GameState, InitiativeOutcome, RoundRecord

_STAGES = tuple(CompetenceStage)
_INTERACTION = Indicator.INTERACTION
# Every indicator but interaction, which is held per relation.
_ORGANISATION = tuple(i for i in Indicator if i is not _INTERACTION)


# The track record a relation starts with: new (50), or further along at the start (80: fitting
# work done before the game began, which one misfit does not undo).
NEW_RECORD = 50.0
STARTED_RECORD = 80.0


def new_game(scenario: Scenario, seed: int) -> GameState:
    """A fresh game of ``scenario``, with round 1's news and initiatives already on the table."""
    rules = compile_rules(scenario)
    rng = Dice(seed)
    # Where every game of the scenario starts is the same but for its seed: worked out once.
    start = rules.starts.get(scenario.id)
    if start is None:
        start = rules.starts[scenario.id] = _fresh_state(scenario, rules, 0)
        _starting_position(start, rules)
    state = start.clone()
    state.seed = seed
    begin_round(state, rules, rng)
    state.rng_state = rng.getstate()
    return state


def _fresh_state(scenario: Scenario, rules: CompiledRules, seed: int) -> GameState:
    """Round 1 before anything happened: the scenario's start, every relation discovering."""
    start = scenario.start
    relation_interaction = dict(rules.start_relation_interaction)
    indicators = dict(rules.start_indicators)
    indicators[_INTERACTION] = mean(relation_interaction)
    return GameState(
        scenario_id=scenario.id,
        scenario_version=scenario.version,
        seed=seed,
        round=1,
        finished=False,
        indicators=indicators,
        targets=dict(indicators),
        relation_interaction=relation_interaction,
        relation_targets=dict(relation_interaction),
        relation_phase=dict.fromkeys(rules.relations, GrowthPhase.DISCOVERING),
        relation_decisions=dict.fromkeys(rules.relations, 0),
        relation_fitting=dict.fromkeys(rules.relations, 0),
        relation_record=dict.fromkeys(rules.relations, NEW_RECORD),
        phase=GrowthPhase.DISCOVERING,
        stage=CompetenceStage.UNCONSCIOUSLY_INCOMPETENT,
        capacity=start.capacity,
        capacity_this_round=start.capacity,
        rework=0,
        budget=float(start.budget),
        budget_per_round=float(start.budget_per_round),
        structural_budget=float(start.structural_budget),
        channels={c.id: float(c.audience) for c in scenario.channels if c.in_use},
        actions_done={},
        events_seen=(),
        initiatives_seen=(),
        current_initiatives=(),
        unfolding=(),
        news=(),
        news_effects=(),
        purpose_bonus={},
        role_bonus={},
        risk_reduction=0.0,
        role_successes={},
        roles_mastered=(),
        decisions_total=0,
        decisions_fitting=0,
        predictions_made=0,
        predictions_right=0,
        history=(),
    )


def _starting_position(state: GameState, rules: CompiledRules) -> None:
    """A scenario may start an organisation further along: the stage follows from its indicators,
    and each relation from its given phase or else from what its indicators support."""
    for _ in _STAGES:
        update_stage(state, rules, [])
    for relation in rules.relations:
        given = rules.start_relation_phase.get(relation)
        if given is not None:
            state.relation_phase[relation] = given
            if given is not GrowthPhase.DISCOVERING:
                # Further along means fitting work already done: a track record that one
                # misfit in round 1 does not undo.
                state.relation_record[relation] = STARTED_RECORD
            continue
        start_relation(state, rules, relation)
    state.phase = overall_phase(state, rules)
    # Competence grows with the municipality: a start further along may lift the stage too.
    for _ in _STAGES:
        update_stage(state, rules, [])


def resolve_round(
    state: GameState,
    decisions: Decisions,
    scenario: Scenario,
    rng: Dice,
    *,
    check: bool = True,
) -> tuple[GameState, list[Effect]]:
    """Carry out one round's decisions; return the new state and every effect, explained.

    Decisions that break the rules (too many hours, an unavailable action…) raise
    ``DecisionRejected`` with every reason, and nothing changes. ``rng`` must be the game's
    generator as the state left it (``state.rng()``); its new state is stored in the result.
    ``check=False`` skips the check for decisions already planned within the rules (the bots).
    """
    rules = compile_rules(scenario)
    budget_spent = _budget_spent(state, decisions, rules, check)
    s = state.clone()
    work = RoundChanges(s, rules.tuning.saturation / 100.0)
    _fed_by_news(s, rules, work)
    s.budget -= budget_spent
    outcomes = [resolve_initiative(s, d, rules, rng, work) for d in decisions.initiatives]
    for action_id in decisions.actions:
        apply_action(s, rules.actions[action_id], rules, work)
    drift(s, rules, work)
    _settle(s, rules.tuning.inertia)
    effects = work.effects
    spread_record(s, rules.tuning.fit_record_spread, work.decided)
    update_stage(s, rules, effects)
    update_relations(s, rules, effects)
    # The overall phase is judged every round: cheap, and right even for a state whose phase
    # does not match its relations (a hand-made or older one).
    update_phase(s, rules, effects)
    _record(s, decisions, outcomes, effects)
    _next_round(s, scenario, rules, rng)
    s.rng_state = rng.getstate()
    return s, effects


def _budget_spent(
    state: GameState, decisions: Decisions, rules: CompiledRules, checked: bool
) -> float:
    """The money the decisions take; checked against the rules first, unless the caller
    planned them within the rules (then nothing is refused)."""
    if checked:
        problems, cost = rejections_and_cost(state, decisions, rules)
        if problems:
            raise DecisionRejected(problems)
        return cost.budget
    return sum(rules.actions[a].cost.budget for a in decisions.actions)


def _fed_by_news(s: GameState, rules: CompiledRules, work: RoundChanges) -> None:
    """The round's news counts too: an event that lifted an indicator fed it this round."""
    for news in s.news_effects:
        if news.delta > 0 and isinstance(news.target, Indicator):
            if news.target is _INTERACTION:
                event = rules.events_by_id[news.source_id]
                work.fed_relations.update(event.effects.relations or s.relation_interaction)
            else:
                work.fed.add(news.target)


def _settle(s: GameState, inertia: float) -> None:
    """The indicators move part of the way towards their targets (the inertia)."""
    s.readiness.clear()  # worked out from the indicators as they were
    values = s.indicators
    targets = s.targets
    for ind in _ORGANISATION:
        value = values[ind]
        values[ind] = value + (targets[ind] - value) * inertia
    relation_values = s.relation_interaction
    relation_targets = s.relation_targets
    for relation, value in relation_values.items():
        relation_values[relation] = value + (relation_targets[relation] - value) * inertia
    count = len(relation_values)
    values[_INTERACTION] = sum(relation_values.values()) / count if count else 0.0
    targets[_INTERACTION] = sum(relation_targets.values()) / count if count else 0.0


def _record(
    s: GameState,
    decisions: Decisions,
    outcomes: list[InitiativeOutcome],
    effects: list[Effect],
) -> None:
    """What happened this round, kept in the history: the debrief and replays read it."""
    record = (
        s.round,
        s.news,
        s.current_initiatives,
        decisions,
        tuple(outcomes),
        (*s.news_effects, *effects),
        s.indicators.copy(),
        s.relation_interaction.copy(),
        s.relation_phase.copy(),
        s.fit_record,
        s.phase,
        s.stage,
    )
    s.history = (*s.history, new(RoundRecord, record))


def _next_round(s: GameState, scenario: Scenario, rules: CompiledRules, rng: Dice) -> None:
    """On to the next round with its money and news, or the game is over."""
    s.round += 1
    if s.round > scenario.rounds:
        s.finished = True
        s.current_initiatives = ()
        s.news = ()
        s.news_effects = ()
        s.unfolding = ()
    else:
        s.budget += s.budget_per_round + s.structural_budget
        begin_round(s, rules, rng)
