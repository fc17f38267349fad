"""The one place where the window meets the simulation core.

Scenes read from the controller and send it intents (choose a role, toggle a channel, buy an
action, resolve the round). The controller holds the scenario, the game state and the game's one
random generator, asks the core what a plan costs and whether it is allowed, and calls
``resolve_round`` to advance. It never works out a rule itself. Its state only changes when the
core returns a new one, so an exception anywhere in the UI leaves the game intact.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.domain import CitizenRelation, GameLength, GrowthPhase, MunicipalRole, Prediction
from game.saves.names import clean_name, new_game_id
from game.sim.dice import Dice
from game.sim.effects import DecisionRejected, Effect, Rejection
from game.sim.interventions import InterventionKind
from game.sim.state import Decisions, GameState
from game.ui.hot_seat import MAX_TEAMS, READ_ONLY, Seat, whose_turn
from game.ui.round_plan import RoundPlan

if TYPE_CHECKING:
    from game.scenario.models import Channel, DevelopmentAction, Initiative, Scenario
    from game.sim.engine import DecisionCost

# ``SaveStore.autosave``: at every round's start and the end, with (state, scenario, team, game
# id, scenario file) and ``plan`` (the round's choices so far, or None).
AutosaveHook = Callable[..., object]
# Writes a team's results file: (state, scenario, team, game id, length) -> the file written.
ResultsHook = Callable[[GameState, "Scenario", str, str, str], Path]

PREDICTIONS: tuple[Prediction, ...] = tuple(Prediction)
DEFAULT_TEAM = "Team"
# As long as the team-name field on the scenario screen allows.
TEAM_NAME_LIMIT = 40


class GameController:
    """Holds one game in progress and turns the team's intents into calls on the core."""

    def __init__(
        self, autosave: AutosaveHook | None = None, results: ResultsHook | None = None
    ) -> None:
        self.scenario: Scenario | None = None
        self.state: GameState | None = None
        self.team: str = ""
        # Which game this is: its saves belong to it, whatever the team is called.
        self.game_id: str = ""
        # Games whose group was asked its ambition before round 1 (once per game and window).
        self.ambition_asked: set[str] = set()
        # The scenario file the game is played from, kept in its saves to find it again.
        self.scenario_file: str | None = None
        self.plan = RoundPlan()
        self.previous: GameState | None = None
        self.effects: list[Effect] = []
        self.autosave = autosave
        self.autosave_error: Exception | None = None
        self._rng: Dice | None = None
        # The plan as the autosave holds it (to know whether leaving would lose choices).
        self._saved_plan: dict[str, Any] = RoundPlan().to_dict()
        # Workshop mode (issue 12): the length label, the results file, hot-seat teams.
        self.length = "full"
        self.results = results
        self.results_file: Path | None = None
        self.results_error: Exception | None = None
        self.seats: list[Seat] = []
        self.seat = 0
        # Hot-seat: the workshop's id, what keeps its file by the autosaves (``App.keep_workshop``)
        # and whether news from the panel goes to every team.
        self.workshop_id = ""
        self.keep_workshop: Callable[[], object] | None = None
        self.news_to_every_team = True
        # Open to look at only (another window plays it): nothing is saved, no round is played.
        self.read_only = False

    # --- starting ---------------------------------------------------------------------------

    def start(
        self,
        scenario: Scenario,
        seed: int,
        team: str = "",
        scenario_file: str | None = None,
        length: GameLength | str = GameLength.FULL,
        game_id: str | None = None,
    ) -> None:
        """A new game, with an id of its own: round 1's news and initiatives are on the table.

        ``scenario`` is the whole scenario, or the one a game of any length plays (as
        ``self.scenario`` holds it); a short or standard game plays it as
        ``game.scenario.shorter`` works it out from the whole scenario, never from a shorter
        one (the controller then holds that shorter scenario).
        """
        from game.sim.length import start_game

        self.seats = []
        self.seat = 0
        self.workshop_id = ""
        self.read_only = False
        self.length = GameLength(length).value
        self.results_file = None
        self.results_error = None
        self.scenario, self.state = start_game(scenario, seed, length)
        self._rng = self.state.rng()
        # Whatever was typed: shown on every screen, so no control characters; saves need a name.
        self.team = clean_name(team, TEAM_NAME_LIMIT) or DEFAULT_TEAM
        # A networked workshop's host gives the id, so a restarted laptop finds its game again.
        self.game_id = game_id or new_game_id()
        self.scenario_file = scenario_file
        self.previous = None
        self.effects = []
        self.plan = RoundPlan()
        self._autosave()

    def resume(
        self,
        scenario: Scenario,
        state: GameState,
        team: str = "",
        game_id: str | None = None,
        scenario_file: str | None = None,
        save_now: bool = False,
        plan: dict[str, Any] | None = None,
    ) -> None:
        """Carry on with a saved game; its generator continues exactly where it was saved.

        ``scenario`` is the scenario as the game plays it (its length). ``game_id`` is the game
        the saves go on under (a new one if None); ``save_now`` writes an autosave at once, for
        a game that changed on loading (replayed in a new scenario version); ``plan`` is the
        round's choices as saved mid-round.
        """
        self.seats = []
        self.seat = 0
        self.workshop_id = ""
        self.read_only = False
        self.results_file = None
        self.results_error = None
        self.scenario = scenario
        self.state = state
        self.length = state.length.value
        self._rng = state.rng()
        self.team = clean_name(team, TEAM_NAME_LIMIT) or DEFAULT_TEAM
        self.game_id = game_id or new_game_id()
        self.scenario_file = scenario_file
        self.previous = None
        self.effects = []
        self.plan = RoundPlan.restored(plan, state, scenario)
        self._saved_plan = self.plan.to_dict()
        if save_now:
            self._autosave()

    @property
    def in_progress(self) -> bool:
        return self.state is not None and not self.state.finished

    # --- what is on the table ---------------------------------------------------------------

    def _require(self) -> tuple[Scenario, GameState]:
        if self.scenario is None or self.state is None:
            raise RuntimeError("no game in progress")
        return self.scenario, self.state

    def initiatives(self) -> list[Initiative]:
        scenario, state = self._require()
        return [scenario.initiative(i) for i in state.current_initiatives]

    def channels(self) -> list[tuple[Channel, bool, int]]:
        """Every channel with whether it can be used now and its hours (opening included)."""
        from game.sim.engine import channel_available, channel_hours
        from game.sim.rules import compile_rules

        scenario, state = self._require()
        rules = compile_rules(scenario)
        out = []
        for channel in scenario.channels:
            usable = channel_available(state, rules, channel.id)
            out.append((channel, usable, channel_hours(state, channel)))
        return out

    def actions(self) -> list[tuple[DevelopmentAction, bool]]:
        """Every development action with whether it can be bought this round."""
        from game.sim.engine import available_actions

        scenario, state = self._require()
        available = {a.id for a in available_actions(state, scenario)}
        return [(a, a.id in available) for a in scenario.actions]

    def role_cost(self, role: MunicipalRole) -> int:
        from game.sim.rules import compile_rules

        scenario, _ = self._require()
        return compile_rules(scenario).roles[role].cost

    # --- intents ----------------------------------------------------------------------------

    def choose_role(self, initiative_id: str, role: MunicipalRole) -> None:
        self.plan.roles[initiative_id] = role

    def toggle_channel(self, initiative_id: str, channel_id: str) -> None:
        chosen = self.plan.channels.setdefault(initiative_id, [])
        if channel_id in chosen:
            chosen.remove(channel_id)
        else:
            chosen.append(channel_id)

    def toggle_action(self, action_id: str) -> None:
        if action_id in self.plan.actions:
            self.plan.actions.remove(action_id)
        else:
            self.plan.actions.append(action_id)

    def predict(self, initiative_id: str, prediction: Prediction | None) -> None:
        if prediction is None:
            self.plan.predictions.pop(initiative_id, None)
        else:
            self.plan.predictions[initiative_id] = Prediction(prediction)

    def apply(self, decisions: Decisions) -> None:
        """Replace the plan by ready-made decisions (the tour's bot uses this)."""
        self.plan = RoundPlan.of(decisions)

    def decisions(self, with_actions: bool = True) -> Decisions:
        _, state = self._require()
        return self.plan.decisions(state.current_initiatives, with_actions)

    # --- what the plan costs, and whether it may go ahead -------------------------------------

    def cost(self) -> DecisionCost:
        from game.sim.engine import decision_cost

        scenario, state = self._require()
        return decision_cost(state, self.decisions(), scenario)

    def problems(self, with_actions: bool = True) -> list[Rejection]:
        from game.sim.engine import check_decisions

        scenario, state = self._require()
        if self.read_only:
            return [READ_ONLY]
        return check_decisions(state, self.decisions(with_actions), scenario)

    # --- advancing --------------------------------------------------------------------------

    def resolve(self) -> list[Effect]:
        """Carry out the plan. Raises ``DecisionRejected`` (and changes nothing) when invalid."""
        from game.sim.engine import resolve_round

        scenario, state = self._require()
        return self._advance(lambda rng: resolve_round(state, self.decisions(), scenario, rng))

    def play_ahead(self, to_round: int, strategy: str = "best") -> int:
        """Let a bot play the rounds before ``to_round`` (through the same core, saved as it
        goes): a trainer testing a late event starts there (``play --round N``). Returns the
        round the game is at, earlier when the game ended first."""
        from game.sim import Bot

        scenario, state = self._require()
        bot = Bot(strategy, state.seed)
        while self.state is not None and self.state.round < to_round and not self.state.finished:
            self.apply(bot.decide(self.state, scenario))
            self.resolve()
        assert self.state is not None
        return self.state.round

    def _advance(self, play: Callable[[Dice], tuple[GameState, list[Effect]]]) -> list[Effect]:
        """Play a round with the game's generator (put back as it was if the core refuses), then
        keep its outcome, save, and write the results when the game is over."""
        state = self.state
        assert self._rng is not None
        if self.read_only:
            raise DecisionRejected([READ_ONLY])
        rng_before = self._rng.getstate()
        try:
            new_state, effects = play(self._rng)
        except Exception:
            self._rng.setstate(rng_before)
            raise
        self.previous = state
        self.state = new_state
        self.effects = effects
        self.plan = RoundPlan()
        # Also when the game is over: "continue" then opens its debrief.
        self._autosave()
        if new_state.finished:
            self.write_results()
        return effects

    # --- workshop: hot-seat teams -----------------------------------------------------------

    def start_teams(
        self,
        scenario: Scenario,
        seed: int,
        teams: list[str],
        scenario_file: str | None = None,
        length: str = "full",
    ) -> None:
        """Hot-seat: one game per team (each its own id), same scenario, seed and length.

        The teams take turns per round; the first team's game is the current one.
        """
        names = [clean_name(t, TEAM_NAME_LIMIT) for t in teams]
        names = [n for n in names if n][:MAX_TEAMS] or [DEFAULT_TEAM]
        seats = []
        for name in names:
            self.start(scenario, seed, name, scenario_file, length)
            assert self.state is not None and self._rng is not None
            seats.append(Seat(name, self.game_id, self.state, self._rng))
        self.seats = seats if len(seats) > 1 else []
        self.seat = 0
        if self.seats:
            self.workshop_id = new_game_id()
            self.news_to_every_team = True
            self._load(0)
            self._keep_workshop()

    @property
    def hot_seat(self) -> bool:
        return len(self.seats) > 1

    def _store(self) -> None:
        if not self.seats or self.state is None or self._rng is None:
            return
        seat = self.seats[self.seat]
        seat.state, seat.rng, seat.previous = self.state, self._rng, self.previous
        seat.effects, seat.plan, seat.results_file = self.effects, self.plan, self.results_file

    def _load(self, index: int) -> None:
        seat = self.seats[index]
        self.seat = index
        self.team, self.game_id, self.state, self._rng = (
            seat.team,
            seat.game_id,
            seat.state,
            seat.rng,
        )
        self.previous, self.effects = seat.previous, seat.effects
        self.plan = seat.plan or RoundPlan()
        self.results_file = seat.results_file

    def switch_to(self, index: int) -> None:
        """Make team ``index`` the one playing (its plan so far is kept)."""
        if not self.seats or not 0 <= index < len(self.seats):
            return
        self._store()
        self._load(index)
        self._keep_workshop()

    def next_turn(self) -> int | None:
        """Whose turn it is: the team furthest behind (by round, then in order); None when every
        team's game is over."""
        self._store()
        self._keep_workshop()
        return whose_turn(self.seats)

    def _keep_workshop(self) -> None:
        """Write the workshop file (teams, turn, timer): never in a window that only looks."""
        if self.seats and not self.read_only and self.keep_workshop is not None:
            self._store()
            self.keep_workshop()

    # --- workshop: the facilitator ----------------------------------------------------------

    def set_ambition(self, aims: dict[CitizenRelation, GrowthPhase | None]) -> None:
        """The group's aim per relation, before round 1 (kept in the game and its saves)."""
        from game.sim.ambition import set_ambition

        _, state = self._require()
        self.state = set_ambition(state, aims)
        self._autosave()

    def note(self, kind: InterventionKind, subject: str = "") -> None:
        """Record a step that changes nothing in the game (pause, timer, reveal)."""
        from game.sim import facilitator

        if self.state is None:
            return
        self.state = facilitator.record(self.state, kind, subject)

    def inject(self, event_id: str, every_team: bool = True) -> dict[str, bool]:
        """Bring one of the scenario's events into this round's news now (recorded), in every
        team's game (hot-seat), or only the playing team's when ``every_team`` is False.

        Each team gets it in the round its game is at. A team that has it in its news already,
        or was given it from the panel before, does not get it again (issue 19: news reached
        one team only, and one team got the storm twice). Returns, per team, whether it got it.
        """
        from game.sim import facilitator

        scenario, _ = self._require()
        indices = range(len(self.seats)) if self.seats and every_team else [None]
        current = self.seat
        given: dict[str, bool] = {}
        for index in indices:
            if index is not None:
                self.switch_to(index)
            state = self.state
            assert state is not None
            if state.finished or facilitator.had_news(state, event_id):
                given[self.team] = False
                continue
            self.state, _ = facilitator.inject_event(state, scenario, event_id)
            self._autosave()
            given[self.team] = True
        if self.seats and every_team:
            self.switch_to(current)
        self._store()
        return given

    def skip(self) -> list[Effect]:
        """Let this round pass without decisions (recorded); the outcome screen shows it."""
        from game.sim import facilitator

        scenario, state = self._require()
        return self._advance(lambda rng: facilitator.skip_round(state, scenario, rng))

    def end_early(self) -> None:
        """End the game now, into the debrief (recorded); in hot-seat, every team's game."""
        from game.sim import facilitator

        indices = range(len(self.seats)) if self.seats else [None]
        current = self.seat
        for index in indices:
            if index is not None:
                self.switch_to(index)
            if self.state is not None and not self.state.finished:
                self.previous = self.state
                self.state = facilitator.end_early(self.state)
                self.effects = []
                self.plan = RoundPlan()
                self._autosave()
                self.write_results()
        if self.seats:
            self.switch_to(current)

    def write_results(self) -> Path | None:
        """Write this team's results file now (at the end, and when the facilitator asks)."""
        if self.results is None or self.scenario is None or self.state is None or self.read_only:
            return None
        try:
            self.results_file = self.results(
                self.state, self.scenario, self.team, self.game_id, self.length
            )
            self.results_error = None
        except Exception as error:  # a full USB stick must not stop the workshop
            self.results_error = error
            return None
        self._store()
        return self.results_file

    @property
    def plan_unsaved(self) -> bool:
        """True when the round's choices differ from what the autosave holds."""
        return self.in_progress and self.plan.to_dict() != self._saved_plan

    def save_plan(self) -> bool:
        """Keep the round's choices in the autosave, so Continue brings the team back to them.

        True when nothing is left unsaved (also when there was nothing to save).
        """
        if not self.plan_unsaved or self.read_only:
            return True
        if self.autosave is None:
            return False
        self._autosave()
        return self.autosave_error is None

    def _autosave(self) -> None:
        if self.autosave is None or self.scenario is None or self.state is None or self.read_only:
            return
        plan = self.plan.to_dict()
        try:
            self.autosave(
                self.state,
                self.scenario,
                self.team,
                self.game_id,
                self.scenario_file,
                plan=None if self.plan.empty else plan,
            )
            self.autosave_error = None
            self._saved_plan = plan
        except Exception as error:  # a full disk must not stop the workshop
            self.autosave_error = error
        self._keep_workshop()
