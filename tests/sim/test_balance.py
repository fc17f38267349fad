"""The balance rules, on every shipped scenario, at every workshop length, over 200 seeds each.

A serious game must make thinking beat any simple rule, and the end result must rise with how well
a group played (issue 18). In numbers, per scenario and per length (short, standard, full):

- ``best`` ends at phase 3.0 or more in a short game, 3.5 or more in a standard or full one;
- the groups line up: ``random`` < ``learner`` < ``group`` < ``table`` ≤ ``best``;
- ``group`` (the table with one role in five wrong) ends a phase or more above ``random`` in a
  standard and a full game, and ``learner`` (no table, learns from the screens) half a phase or
  more, with a share of fitting roles that rises from the first third of the game to the last;
- no fixed role and no rule of thumb (``one-channel``, ``fit-no-development``, ``never-let-go``,
  ``cheapest``…) ends within 0.75 phase or within 100 points of ``best``;
- one wrong role in round 1 costs ``best`` at most half a phase;
- ``best`` with two stumbles still reaches phase 4 in at least 60% of the games it reaches it in
  without them.

At full length, the rules of issue 9 still hold too:

- with the score's fit points left out, ``best`` still has the highest mean score;
- ``fit-no-development`` never gets beyond phase 2;
- ``greedy`` (one round of look-ahead on the outcome) picks ``best``'s role in at least 90% of
  its decisions: what a role brings follows its fit;
- every development action changes ``best``'s outcome in some scenario (in a whole game, or
  else in a shorter one) when it is taken away, none decides a phase on its own, and a trap
  bought anyway costs at least 30 points;
- no random event decides phase 4: whether and when it happens moves ``best``'s share of games
  in phase 4 by less than 40 points.

About 60,000 games (greedy looks ahead): slow, so marked; CI runs it, in two processes.
"""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from statistics import mean

import pytest

from game.domain import GROUPS, HEURISTICS, ROLE_STRATEGIES, GameLength
from game.scenario.loader import SCENARIO_DIR, load_scenario
from game.sim.balance import GameSummary, default_jobs, play_game
from game.sim.length import played_scenario

SEEDS = 200
SCENARIOS = sorted(path.stem for path in SCENARIO_DIR.glob("*.yaml"))
LENGTHS = tuple(GameLength)
# The strategies every length plays; greedy (slow) and the action variants only the full game.
PLAYED = ("best", "random", *GROUPS, *ROLE_STRATEGIES, *(h for h in HEURISTICS if h != "greedy"))
# Rules of thumb: a way of playing that needs no thinking about the card in front of you.
RULES_OF_THUMB = (*ROLE_STRATEGIES, *(h for h in HEURISTICS if h != "greedy"))
BEST_PHASE = {GameLength.SHORT: 3.0, GameLength.STANDARD: 3.5, GameLength.FULL: 3.5}
RULE_OF_THUMB_PHASE_GAP = 0.75
RULE_OF_THUMB_SCORE_GAP = 100.0
GROUP_ABOVE_RANDOM = 1.0
LEARNER_ABOVE_RANDOM = 0.5
EARLY_MISTAKE_COST = 0.5
STUMBLES_KEEP_PHASE_FOUR = 0.6
# An action "changes the outcome" when taking it away moves best's mean score by this much, its
# mean end phase, or how long it spent in each phase (the sum of its phase over the rounds).
SCORE_CHANGE = 1.0
PHASE_CHANGE = 0.02
PHASE_ROUNDS_CHANGE = 0.1
# Taking one action away may cost best part of a phase in some games, never a phase on average.
DECISIVE = 0.75
TRAP_COST = 30.0
EVENT_SPREAD = 0.4
EVENT_MIN_GAMES = 10

pytestmark = pytest.mark.slow


Task = tuple[str, str, str, tuple[str, ...], tuple[str, ...], str, int, int]


def _batch(task: Task) -> list:
    scenario_id, length, strategy, banned, forced, extra, first, count = task
    scenario = played_scenario(load_scenario(scenario_id), length)
    options: dict = {"banned": banned, "forced": forced}
    if extra == "wrong":
        options["wrong_first"] = True
    elif extra == "stumbles":
        options["stumbles"] = 2
    return [
        play_game(scenario, seed, strategy, **options)[1] for seed in range(first, first + count)
    ]


def _plays(scenario_id: str, length: GameLength) -> list[tuple[str, tuple, tuple, str]]:
    """What each scenario and length plays: the strategies, best with one early mistake and
    with two stumbles, and at full length greedy and best without each action or with a trap."""
    plays = [(s, (), (), "") for s in PLAYED]
    plays += [("best", (), (), "wrong"), ("best", (), (), "stumbles")]
    if length is GameLength.FULL:
        plays.append(("greedy", (), (), ""))
        for action in load_scenario(scenario_id).actions:
            if action.trap is None:
                plays.append(("best", (action.id,), (), ""))
            else:
                plays.append(("best", (), (action.id,), ""))
    return plays


@cache
def _games() -> dict[tuple[str, GameLength, str, str], list[GameSummary]]:
    """Every game the rules need, per (scenario, length, strategy, variant)."""
    tasks: list[Task] = []
    for scenario_id in SCENARIOS:
        for length in LENGTHS:
            for strategy, banned, forced, extra in _plays(scenario_id, length):
                size = 25 if strategy == "greedy" else 100
                for first in range(0, SEEDS, size):
                    tasks.append(
                        (scenario_id, length.value, strategy, banned, forced, extra, first, size)
                    )
    results: dict[tuple[str, GameLength, str, str], list[GameSummary]] = defaultdict(list)
    with ProcessPoolExecutor(max_workers=min(2, default_jobs())) as pool:
        for task, batch in zip(tasks, pool.map(_batch, tasks, chunksize=4), strict=True):
            scenario_id, length, strategy, banned, forced, extra, _, _ = task
            variant = f"-{banned[0]}" if banned else f"+{forced[0]}" if forced else extra
            results[(scenario_id, GameLength(length), strategy, variant)].extend(batch)
    return results


def _of(
    scenario_id: str, strategy: str, variant: str = "", length: GameLength = GameLength.FULL
) -> list[GameSummary]:
    return _games()[(scenario_id, length, strategy, variant)]


def _score(games: list[GameSummary]) -> float:
    return mean(g.score for g in games)


def _phase(games: list[GameSummary]) -> float:
    return mean(g.phase for g in games)


def _phase_rounds(games: list[GameSummary], rounds: int) -> float:
    """How long the games spent in each phase: the sum over the rounds of the phase held."""

    def one(game: GameSummary) -> int:
        return sum(
            1 + sum(1 for first in game.phase_rounds if first is not None and first <= r)
            for r in range(1, rounds + 1)
        )

    return mean(one(g) for g in games)


@pytest.fixture(scope="module", params=SCENARIOS)
def scenario_id(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module", params=LENGTHS, ids=[length.value for length in LENGTHS])
def length(request: pytest.FixtureRequest) -> GameLength:
    return request.param


# --- Every length: the end result follows how well a group played --------------------------


def test_best_grows_far_at_every_length(scenario_id: str, length: GameLength) -> None:
    best = _phase(_of(scenario_id, "best", length=length))
    assert best >= BEST_PHASE[length], (scenario_id, length, best)


def test_the_better_a_group_plays_the_further_it_ends(scenario_id: str, length: GameLength) -> None:
    phases = {
        s: _phase(_of(scenario_id, s, length=length))
        for s in ("random", "learner", "group", "table", "best")
    }
    assert phases["random"] < phases["learner"] < phases["group"] < phases["table"], phases
    assert phases["table"] <= phases["best"] + 1e-9, phases


def test_a_group_that_knows_the_table_or_learns_ends_well_above_random(
    scenario_id: str, length: GameLength
) -> None:
    if length is GameLength.SHORT:
        pytest.skip("a short game only needs the order; too few cards to learn from")
    random_phase = _phase(_of(scenario_id, "random", length=length))
    group = _phase(_of(scenario_id, "group", length=length))
    learner = _of(scenario_id, "learner", length=length)
    assert group >= random_phase + GROUP_ABOVE_RANDOM, (scenario_id, length, group)
    assert _phase(learner) >= random_phase + LEARNER_ABOVE_RANDOM, (scenario_id, length)
    early, late = mean(g.fit_early for g in learner), mean(g.fit_late for g in learner)
    assert late > early, (scenario_id, length, early, late)


def test_no_rule_of_thumb_comes_near_best(scenario_id: str, length: GameLength) -> None:
    best = _of(scenario_id, "best", length=length)
    for strategy in RULES_OF_THUMB:
        games = _of(scenario_id, strategy, length=length)
        phase_gap = _phase(best) - _phase(games)
        score_gap = _score(best) - _score(games)
        assert phase_gap >= RULE_OF_THUMB_PHASE_GAP, (scenario_id, length, strategy, phase_gap)
        assert score_gap >= RULE_OF_THUMB_SCORE_GAP, (scenario_id, length, strategy, score_gap)


def test_one_early_mistake_can_be_made_good(scenario_id: str, length: GameLength) -> None:
    best = _phase(_of(scenario_id, "best", length=length))
    wrong = _phase(_of(scenario_id, "best", "wrong", length=length))
    assert best - wrong <= EARLY_MISTAKE_COST, (scenario_id, length, best, wrong)


def test_two_stumbles_do_not_decide_phase_four(scenario_id: str, length: GameLength) -> None:
    plain = _of(scenario_id, "best", length=length)
    stumbled = _of(scenario_id, "best", "stumbles", length=length)
    reached = [s.phase == 4 for p, s in zip(plain, stumbled, strict=True) if p.phase == 4]
    if len(reached) < 10:
        pytest.skip(f"best reaches phase 4 in only {len(reached)} games here")
    assert mean(reached) >= STUMBLES_KEEP_PHASE_FOUR, (scenario_id, length, mean(reached))


# --- The full game: the rules of issue 9 ------------------------------------------------------


def test_four_scenarios_are_shipped() -> None:
    assert {"gemeente-middelgroot", "raadsgriffie", "grote-stad", "politieregio"} <= set(SCENARIOS)


def test_without_the_fit_points_best_still_scores_highest(scenario_id: str) -> None:
    best = mean(g.score_without_fit for g in _of(scenario_id, "best"))
    for strategy in (*PLAYED, "greedy"):
        if strategy in ("best", "table"):  # table follows best's roles where it can: at most equal
            continue
        other = mean(g.score_without_fit for g in _of(scenario_id, strategy))
        assert best > other, (scenario_id, strategy, best, other)
    table = mean(g.score_without_fit for g in _of(scenario_id, "table"))
    assert best >= table - 1e-9, (scenario_id, best, table)


def test_fit_without_development_stays_at_phase_two(scenario_id: str) -> None:
    assert max(g.phase for g in _of(scenario_id, "fit-no-development")) <= 2


def test_greedy_picks_bests_role_in_nine_of_ten_decisions(scenario_id: str) -> None:
    games = _of(scenario_id, "greedy")
    share = sum(g.agreed for g in games) / sum(g.compared for g in games)
    assert share >= 0.9, (scenario_id, share)


def test_every_action_matters_somewhere_and_none_decides_a_phase() -> None:
    changes: dict[str, list[tuple[str, float, float, float]]] = defaultdict(list)
    for scenario_id in SCENARIOS:
        scenario = load_scenario(scenario_id)
        best = _of(scenario_id, "best")
        for action in scenario.actions:
            if action.trap is not None:
                continue
            without = _of(scenario_id, "best", f"-{action.id}")
            phase = _phase(without) - _phase(best)
            assert phase > -DECISIVE, (scenario_id, action.id, phase)
            changes[action.id].append(
                (
                    scenario_id,
                    mean(g.score for g in without) - mean(g.score for g in best),
                    phase,
                    _phase_rounds(without, scenario.rounds) - _phase_rounds(best, scenario.rounds),
                )
            )

    def matters(found: list[tuple[str, float, float, float]]) -> bool:
        return any(
            abs(score) >= SCORE_CHANGE
            or abs(phase) >= PHASE_CHANGE
            or abs(rounds) >= PHASE_ROUNDS_CHANGE
            for _, score, phase, rounds in found
        )

    # An action that changes nothing in any whole game may still matter in the shorter games
    # workshops play, where hours and rounds are scarcer: look there too.
    idle = {action: found for action, found in changes.items() if not matters(found)}
    for action, found in idle.items():
        for scenario_id in SCENARIOS:
            scenario = load_scenario(scenario_id)
            if action not in {a.id for a in scenario.actions}:
                continue
            for length in (GameLength.SHORT, GameLength.STANDARD):
                played = played_scenario(scenario, length)
                best = [play_game(played, seed, "best")[1] for seed in range(SEEDS)]
                without = [
                    play_game(played, seed, "best", banned=(action,))[1] for seed in range(SEEDS)
                ]
                found.append(
                    (
                        f"{scenario_id}/{length.value}",
                        mean(g.score for g in without) - mean(g.score for g in best),
                        _phase(without) - _phase(best),
                        _phase_rounds(without, played.rounds) - _phase_rounds(best, played.rounds),
                    )
                )
    assert [(action, found) for action, found in idle.items() if not matters(found)] == []


def test_a_trap_bought_anyway_costs_at_least_thirty_points(scenario_id: str) -> None:
    scenario = load_scenario(scenario_id)
    best = mean(g.score for g in _of(scenario_id, "best"))
    traps = [a for a in scenario.actions if a.trap is not None]
    assert traps, scenario_id
    for trap in traps:
        with_trap = mean(g.score for g in _of(scenario_id, "best", f"+{trap.id}"))
        assert best - with_trap >= TRAP_COST, (scenario_id, trap.id, best - with_trap)


def test_no_single_event_decides_phase_four(scenario_id: str) -> None:
    scenario = load_scenario(scenario_id)
    best = _of(scenario_id, "best")
    for event in scenario.events:
        if event.round is not None:
            continue
        # Games grouped by the round the event happened in (0: it did not happen).
        groups: dict[int, list[bool]] = defaultdict(list)
        for game in best:
            rounds = [r for e, r in game.events if e == event.id]
            groups[rounds[0] if rounds else 0].append(game.phase == 4)
        shares = {r: mean(g) for r, g in groups.items() if len(g) >= EVENT_MIN_GAMES}
        if len(shares) >= 2:
            spread = max(shares.values()) - min(shares.values())
            assert spread < EVENT_SPREAD, (scenario_id, event.id, shares)
