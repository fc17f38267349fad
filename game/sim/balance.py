"""The balance simulator: many seeded games per strategy (what they say: ``balance_report``).

A serious game must make thinking beat any simple rule. This plays N games per strategy (the
built-in bots and custom strategies written by trainers), in several processes, and reports per
strategy the end phases (overall and per relation), stages and scores, which strategy dominates,
and what in the scenario never matters: initiatives whose choice does not change how a game ends,
actions never or always bought, events that never fire or that alone decide phase 4.

Pure Python, like the rest of ``game.sim``: the command line (``python main.py simulate``) only
parses arguments and prints what ``render_text`` or ``to_json`` return.
"""

from __future__ import annotations

import gc
import importlib.util
import math
import os
import random
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from game.domain import STRATEGIES, GameLength
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.sim.bots import Bot
from game.sim.effects import DecisionRejected
from game.sim.engine import new_game, resolve_round
from game.sim.length import played_scenario
from game.sim.rules import compile_rules
from game.sim.score import score
from game.sim.state import Decisions, GameState
from game.sim.view import PlanError, decisions_from_plan, team_view


class StrategyFileError(Exception):
    """A custom strategy file that cannot be used; the message says why, for a trainer."""


@dataclass(frozen=True, slots=True)
class GameSummary:
    """What the report needs of one finished game: small, so processes can send it cheaply."""

    strategy: str
    seed: int
    phase: int
    stage: int
    relations: tuple[int, ...]
    score: int
    score_without_fit: float
    fit_rate: float
    prediction_rate: float | None
    # The first round after which the overall phase was at least 2, 3 and 4 (None: never).
    phase_rounds: tuple[int | None, int | None, int | None]
    # Each action bought, with the round it was first bought in.
    actions: tuple[tuple[str, int], ...]
    events: tuple[tuple[str, int], ...]
    choices: tuple[tuple[str, bool], ...]
    # Share of fitting roles in the first and in the last third of the game's rounds.
    fit_early: float = 0.0
    fit_late: float = 0.0
    agreed: int = 0
    compared: int = 0
    error: str | None = None
    # How many cards each channel was used on, and how many cards were played.
    channels: tuple[tuple[str, int], ...] = ()
    cards: int = 0


# --- Playing ---------------------------------------------------------------------------------


CustomDecide = Callable[[Any], Any]


def load_strategy_file(path: str | Path) -> CustomDecide:
    """The ``decide(view)`` function of a custom strategy file (see docs/strategies.md)."""
    file = Path(path)
    if not file.is_file():
        raise StrategyFileError(f"{file}: no such strategy file")
    spec = importlib.util.spec_from_file_location(f"custom_strategy_{file.stem}", file)
    if spec is None or spec.loader is None:
        raise StrategyFileError(f"{file}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # a trainer's file: say what went wrong, never a traceback
        raise StrategyFileError(f"{file}: the file could not be run: {error!r}") from error
    decide = getattr(module, "decide", None)
    if not callable(decide):
        raise StrategyFileError(f"{file}: it must define a function decide(view)")
    return decide


def custom_name(path: str | Path) -> str:
    return f"file:{Path(path).stem}"


def _summary(
    state: GameState,
    strategy: str,
    seed: int,
    rules_relations: Sequence,
    agreed: int = 0,
    compared: int = 0,
    error: str | None = None,
) -> GameSummary:
    card = score(state)
    firsts: list[int | None] = [None, None, None]
    for record in state.history:
        for level in (2, 3, 4):
            if firsts[level - 2] is None and record.phase.level >= level:
                firsts[level - 2] = record.round
    events: list[tuple[str, int]] = []
    bought: dict[str, int] = {}
    for record in state.history:
        events.extend((event, record.round) for event in record.events)
        for action in record.decisions.actions:
            bought.setdefault(action, record.round)
    early, late = _fit_by_third(state)
    outcomes = [o for record in state.history for o in record.outcomes]
    return GameSummary(
        strategy=strategy,
        fit_early=early,
        fit_late=late,
        seed=seed,
        phase=state.phase.level,
        stage=state.stage.level,
        relations=tuple(state.relation_phase[r].level for r in rules_relations),
        score=card.total,
        score_without_fit=card.without_fit,
        fit_rate=state.fit_rate,
        prediction_rate=state.prediction_rate,
        phase_rounds=(firsts[0], firsts[1], firsts[2]),
        actions=tuple(sorted(bought.items())),
        events=tuple(events),
        choices=tuple(
            (o.initiative, o.fitting) for record in state.history for o in record.outcomes
        ),
        agreed=agreed,
        compared=compared,
        error=error,
        channels=tuple(sorted(Counter(c for o in outcomes for c in o.channels).items())),
        cards=len(outcomes),
    )


def _fit_by_third(state: GameState) -> tuple[float, float]:
    """The share of fitting roles in the first and the last third of the rounds played."""
    played = len(state.history)
    third = max(1, math.ceil(played / 3))

    def share(records: Sequence) -> float:
        fits = [o.fitting for record in records for o in record.outcomes]
        return sum(fits) / len(fits) if fits else 0.0

    return share(state.history[:third]), share(state.history[played - third :])


class _Stumbling:
    """The game's dice, except that the first die of a round's resolution (the first
    decision's execution risk) comes up 0: that decision stumbles if it had any risk at all.
    The die is drawn all the same, so every later die is the one the game would have had."""

    __slots__ = ("_dice", "_first")

    def __init__(self, dice: Any) -> None:
        self._dice = dice
        self._first = True

    def random(self) -> float:
        value = self._dice.random()
        if self._first:
            self._first = False
            return 0.0
        return value

    def getstate(self) -> int:
        return self._dice.getstate()


def stumble_rounds(scenario: Scenario, seed: int, count: int) -> frozenset[int]:
    """``count`` rounds (seeded per game, never the last) in which the first decision stumbles."""
    rounds = list(range(1, max(2, scenario.rounds)))
    picker = random.Random(f"stumbles:{seed}")
    return frozenset(picker.sample(rounds, min(count, len(rounds))))


def play_game(
    scenario: Scenario,
    seed: int,
    strategy: str,
    custom: CustomDecide | None = None,
    stumbles: int = 0,
    **options: object,
) -> tuple[GameState, GameSummary]:
    """One whole game by ``strategy`` (or a custom ``decide``), and its summary.

    A custom strategy whose plan breaks the rules ends its game there; the summary's ``error``
    says in which round and why. ``stumbles`` forces that many stumbles, in rounds chosen per
    seed, to measure how much the dice weigh.
    """
    rules = compile_rules(scenario)
    state = new_game(scenario, seed)
    rng = state.rng()
    bot = None if custom is not None else Bot(strategy, seed, **options)
    forced = stumble_rounds(scenario, seed, stumbles) if stumbles else frozenset()
    error = None
    while not state.finished:
        if bot is not None:
            dice = _Stumbling(rng) if state.round in forced else rng
            state, _ = resolve_round(
                state, bot.decide(state, scenario), scenario, dice, check=False
            )
            continue
        assert custom is not None
        try:
            decisions: Decisions = decisions_from_plan(custom(team_view(state, scenario)), state)
            state, _ = resolve_round(state, decisions, scenario, rng)
        except (PlanError, DecisionRejected) as problem:
            error = f"round {state.round}: {problem}"
            break
        except Exception as problem:  # a trainer's code: report it, do not crash the run
            error = f"round {state.round}: decide() failed: {problem!r}"
            break
    agreed = bot.agreed if bot is not None else 0
    compared = bot.compared if bot is not None else 0
    return state, _summary(state, strategy, seed, rules.relations, agreed, compared, error)


@cache
def _scenario(path: str) -> Scenario:
    """Each worker process reads a scenario once, however many batches it plays."""
    return load_scenario(path)


@cache
def _custom(path: str) -> CustomDecide:
    return load_strategy_file(path)


Task = tuple[str, str, int, int, str | None, str]


def _play_batch(task: Task) -> list[GameSummary]:
    """Play seeds [first, first + count) of one scenario, length and strategy, in a worker."""
    path, strategy, first, count, custom_path, length = task
    scenario = played_scenario(_scenario(path), length)
    custom = _custom(custom_path) if custom_path else None
    # Games make no reference cycles; collecting while thousands are played only costs time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [
            play_game(scenario, seed, strategy, custom)[1] for seed in range(first, first + count)
        ]
    finally:
        if enabled:
            gc.enable()


@dataclass(slots=True)
class Run:
    """What to simulate."""

    scenarios: Sequence[str]
    runs: int
    strategies: Sequence[str] = STRATEGIES
    jobs: int = 1
    strategy_file: str | None = None
    first_seed: int = 0
    # The workshop lengths to play: each scenario is played at each of them.
    lengths: Sequence[GameLength] = (GameLength.FULL,)


def simulate(
    run: Run, progress: Callable[[int], None] | None = None
) -> dict[tuple[str, GameLength], list[GameSummary]]:
    """Play every game of ``run``; summaries per scenario path and length, in seed order per
    strategy.

    ``progress`` is called with the number of games each finished batch played.
    """
    names = list(run.strategies)
    if run.strategy_file:
        names.append(custom_name(run.strategy_file))
    tasks = list(_tasks(run, names))
    results: dict[tuple[str, GameLength], list[GameSummary]] = {
        (path, GameLength(length)): [] for path in run.scenarios for length in run.lengths
    }
    if run.jobs <= 1:
        batches: Iterable[list[GameSummary]] = map(_play_batch, tasks)
        for task, batch in zip(tasks, batches, strict=True):
            results[(task[0], GameLength(task[5]))].extend(batch)
            if progress is not None:
                progress(len(batch))
        return results
    with ProcessPoolExecutor(max_workers=run.jobs) as pool:
        for task, batch in zip(tasks, pool.map(_play_batch, tasks), strict=True):
            results[(task[0], GameLength(task[5]))].extend(batch)
            if progress is not None:
                progress(len(batch))
    return results


def _tasks(run: Run, names: list[str]) -> Iterator[Task]:
    total = run.runs * len(names) * len(run.scenarios) * len(run.lengths)
    # Batches small enough to keep every process busy to the end, big enough to be cheap.
    size = max(5, min(250, math.ceil(total / max(1, run.jobs * 8) / max(1, len(names)))))
    for path in run.scenarios:
        for length in run.lengths:
            for name in names:
                custom = run.strategy_file if name.startswith("file:") else None
                for first in range(run.first_seed, run.first_seed + run.runs, size):
                    count = min(size, run.first_seed + run.runs - first)
                    yield path, name, first, count, custom, GameLength(length).value


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)
