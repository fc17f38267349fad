"""What the facilitator can do to a game, as recorded inputs of the core (issue 12).

A trainer steers a workshop: brings in one of the scenario's events now, skips a round when time
runs out, ends the game early. Those change the game, so they go through the core like the
team's decisions do, and each is kept in ``GameState.interventions``: a save replays them in
order with the decision log (``Replayer``), so a game stays replayable from its seed. What only
changes the room (a pause, the round timer, how outcomes are revealed) is kept in the same list,
so the save and the results file tell the whole session, and replaying simply keeps those.

Pure Python, no pygame, no clock: an intervention is placed by the round the game was at.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from game.scenario.models import Event, Scenario
from game.sim.dice import Dice
from game.sim.effects import Effect
from game.sim.engine import new_game, resolve_round
from game.sim.interventions import Intervention, InterventionKind
from game.sim.news import apply_event  # one way an event works, by dice or by the facilitator
from game.sim.rules import compile_rules
from game.sim.state import Decisions, GameState

# How long a subject may be: an event id, a number of seconds, "one" or "all".
SUBJECT_LIMIT = 64


class InterventionRefused(ValueError):
    """The facilitator asked for something the game cannot do now (the game is over, the event
    is already in this round's news, the event does not exist)."""


def record(state: GameState, kind: InterventionKind, subject: str = "") -> GameState:
    """``state`` with a step that changes nothing in the game noted (pause, timer, reveal)."""
    if kind in (InterventionKind.INJECT, InterventionKind.SKIP, InterventionKind.END):
        raise InterventionRefused(f"{kind.value} changes the game: use its own function")
    s = state.clone()
    s.interventions = (*s.interventions, Intervention(s.round, kind, subject[:SUBJECT_LIMIT]))
    return s


def had_news(state: GameState, event: str, since: int | None = None) -> bool:
    """Whether ``event`` is in this round's news already, was brought in before, or (with
    ``since``) came in a round from ``since`` on: news brought in from the panel, or by a host
    after the team decided its round, is never had twice."""
    if event in state.news:
        return True
    if any(
        step.kind is InterventionKind.INJECT and step.subject == event
        for step in state.interventions
    ):
        return True
    return since is not None and any(
        record.round >= since and event in record.events for record in state.history
    )


def injectable_events(state: GameState, scenario: Scenario) -> list[Event]:
    """The scenario's events the facilitator can bring in now: all but those in today's news."""
    if state.finished:
        return []
    return [e for e in scenario.events if e.id not in state.news]


def inject_event(
    state: GameState, scenario: Scenario, event_id: str
) -> tuple[GameState, list[Effect]]:
    """Bring ``event_id`` into this round's news now, as if the dice had rolled it.

    Its effects apply at once (like any news), initiatives it brings join the table, and the
    round's capacity is raised, as at the start of a round, so every initiative can still get
    its cheapest role. No dice are rolled: the game's generator is untouched.
    """
    if state.finished:
        raise InterventionRefused("the game is over")
    rules = compile_rules(scenario)
    try:
        event = scenario.event(event_id)
    except KeyError:
        raise InterventionRefused(f"the scenario has no event {event_id!r}") from None
    if event_id in state.news:
        raise InterventionRefused(f"{event_id!r} is already in this round's news")
    s = state.clone()
    effects: list[Effect] = [
        Effect(
            "facilitator",
            event_id,
            "",
            0.0,
            "facilitator_inject",
            {"event": rules.titles[event_id]},
        )
    ]
    apply_event(s, event, rules, effects)
    s.news = (*s.news, event_id)
    if event_id not in s.events_seen:
        s.events_seen = (*s.events_seen, event_id)
    arriving = [
        i
        for i in dict.fromkeys(event.effects.add_initiatives)
        if i not in s.initiatives_seen and i not in s.current_initiatives
    ]
    if arriving:
        s.initiatives_seen = (*s.initiatives_seen, *arriving)
        s.current_initiatives = (*s.current_initiatives, *arriving)
    floor = len(s.current_initiatives) * rules.cheapest_role_cost
    s.capacity_this_round = max(s.capacity_this_round, floor)
    s.news_effects = (*s.news_effects, *effects)
    s.interventions = (
        *s.interventions,
        Intervention(state.round, InterventionKind.INJECT, event_id),
    )
    return s, effects


def skip_round(state: GameState, scenario: Scenario, rng: Dice) -> tuple[GameState, list[Effect]]:
    """Let this round pass without decisions: no initiative gets an answer, nothing is bought.

    The round is resolved by the core like any other (the world drifts on, the next round's news
    and initiatives arrive), so the game after a skip is one the rules give.
    """
    if state.finished:
        raise InterventionRefused("the game is over")
    titles = tuple(scenario.initiative(i).title.pair() for i in state.current_initiatives)
    note = Effect(
        "facilitator",
        "skip",
        "",
        0.0,
        "facilitator_skip",
        {"initiatives": titles or ("–",)},
    )
    s, effects = resolve_round(state, Decisions(), scenario, rng, check=False)
    record_ = s.history[-1]
    s.history = (*s.history[:-1], record_._replace(effects=(note, *record_.effects)))
    s.interventions = (*s.interventions, Intervention(state.round, InterventionKind.SKIP))
    return s, [note, *effects]


def end_early(state: GameState) -> GameState:
    """End the game now, into the debrief: the rounds not played are simply not played."""
    if state.finished:
        raise InterventionRefused("the game is over")
    s = state.clone()
    s.finished = True
    s.current_initiatives = ()
    s.news = ()
    s.news_effects = ()
    s.unfolding = ()
    s.interventions = (*s.interventions, Intervention(state.round, InterventionKind.END))
    return s


def ended_early(state: GameState) -> bool:
    """True when the facilitator ended this game before its last round."""
    return any(i.kind is InterventionKind.END for i in state.interventions)


def skipped_rounds(state: GameState) -> tuple[int, ...]:
    """The rounds the facilitator skipped."""
    return tuple(i.round for i in state.interventions if i.kind is InterventionKind.SKIP)


class Replayer:
    """Plays a game again from its seed: the decision log and the interventions, in order.

    An intervention belongs before the decisions of the round it names (the game was at that
    round when it happened); a skip *is* that round's play, so the log's entry for a skipped
    round (empty) is not played again. Raises what ``resolve_round`` raises for decisions the
    rules refuse, ``InterventionRefused`` for an intervention that cannot be carried out, and
    ``ValueError`` when the interventions do not fit the log (a damaged or forged save).
    """

    def __init__(
        self, scenario: Scenario, seed: int, interventions: Iterable[Intervention] = ()
    ) -> None:
        self.scenario = scenario
        self.state = new_game(scenario, seed)
        self.rng = self.state.rng()
        self.pending: deque[Intervention] = deque(interventions)

    def play(self, decisions: Decisions) -> GameState:
        """The next round of the log: its interventions, then its decisions (unless skipped)."""
        if self._catch_up():
            if decisions.initiatives or decisions.actions:
                raise ValueError(f"round {self.state.round - 1} was skipped but has decisions")
            return self.state
        if self.state.finished:
            raise ValueError("the game is over, but the log goes on")
        self.state, _ = resolve_round(self.state, decisions, self.scenario, self.rng)
        return self.state

    def finish(self) -> GameState:
        """What happened after the last decisions (news brought in, a pause, the end)."""
        if self._catch_up():
            raise ValueError("a skipped round is missing from the decision log")
        if self.pending:
            first = self.pending[0]
            raise ValueError(
                f"an intervention ({first.kind.value}) is placed in round {first.round}, "
                f"which the game never reached"
            )
        return self.state

    def _catch_up(self) -> bool:
        """Carry out the interventions of the current round; True when one was a skip."""
        while self.pending and self.pending[0].round <= self.state.round:
            step = self.pending.popleft()
            if step.round < self.state.round:
                raise ValueError(f"an intervention is placed in round {step.round}, already past")
            if step.kind is InterventionKind.INJECT:
                self.state, _ = inject_event(self.state, self.scenario, step.subject)
            elif step.kind is InterventionKind.SKIP:
                self.state, _ = skip_round(self.state, self.scenario, self.rng)
                return True
            elif step.kind is InterventionKind.END:
                self.state = end_early(self.state)
            else:
                self.state = record(self.state, step.kind, step.subject)
        return False
