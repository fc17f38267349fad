"""The balance simulator: many seeded games per strategy, and what they say about a scenario.

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
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from statistics import mean, median, pstdev
from typing import Any

from game.domain import GameLength, Language
from game.labels import label
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.sim.bots import STRATEGIES, Bot
from game.sim.effects import DecisionRejected
from game.sim.engine import new_game, resolve_round
from game.sim.length import played_scenario
from game.sim.rules import compile_rules
from game.sim.score import score
from game.sim.state import Decisions, GameState
from game.sim.view import PlanError, decisions_from_plan, team_view

# Below this difference in mean final score between fitting and other roles, an initiative's
# choice "does not change how the game ends".
NO_EFFECT_POINTS = 5.0
# An event "decides" phase 4 when the share of games reaching it differs this much between
# games where it happened and games where it did not (and both groups are big enough).
DECISIVE_SHARE = 0.35
DECISIVE_MIN_GAMES = 10
# A simple rule this close to best (in mean score) is a warning: thinking hardly pays.
CLOSE_POINTS = 50.0


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
    return GameSummary(
        strategy=strategy,
        fit_early=early,
        fit_late=late,
        seed=seed,
        phase=state.phase.level,
        stage=state.stage.level,
        relations=tuple(state.relation_phase[r].level for r in rules_relations),
        score=card.total,
        score_without_fit=card.total - card.fit_points - card.channel_points,
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


# --- What the games say ------------------------------------------------------------------------


@dataclass(slots=True)
class StrategyReport:
    """One strategy over all its games of one scenario."""

    name: str
    games: int
    phase_mean: float
    phase_sd: float
    phase_share: dict[int, float]
    relation_means: dict[str, float]
    stage_mean: float
    stage_share: dict[int, float]
    score_mean: float
    score_sd: float
    score_without_fit_mean: float
    fit_rate: float
    prediction_rate: float | None
    # Per phase 2–4: (share of games that reached it, median round it was first reached).
    reached: dict[int, tuple[float, float | None]]
    greedy_agreement: float | None
    errors: list[str]
    # Games that stopped early because a custom strategy broke the rules.
    stopped: int
    # Share of fitting roles in the first and in the last third of the rounds (means).
    fit_early: float = 0.0
    fit_late: float = 0.0


@dataclass(slots=True)
class ScenarioReport:
    scenario_id: str
    title: str
    length: GameLength
    games: int
    relations: tuple[str, ...]
    strategies: dict[str, StrategyReport]
    dominant: str
    idle_initiatives: list[tuple[str, float]]
    never_bought: list[str]
    # (action, round): bought by best in every game, always in that round.
    always_bought: list[tuple[str, int]]
    silent_events: list[str]
    decisive_events: list[tuple[str, float, float]]
    warnings: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def _share(values: list[int], level: int) -> float:
    return sum(1 for v in values if v == level) / len(values) if values else 0.0


def analyse(
    scenario: Scenario,
    summaries: list[GameSummary],
    lang: Language = "en",
    length: GameLength | str = GameLength.FULL,
) -> ScenarioReport:
    """Turn one scenario's games (played at ``length``) into its report, with warnings in
    plain words."""
    length = GameLength(length)
    scenario = played_scenario(scenario, length)
    rules = compile_rules(scenario)
    by_strategy: dict[str, list[GameSummary]] = {}
    for summary in summaries:
        by_strategy.setdefault(summary.strategy, []).append(summary)
    reports: dict[str, StrategyReport] = {}
    for name, games in by_strategy.items():
        phases = [g.phase for g in games]
        stages = [g.stage for g in games]
        scores = [g.score for g in games]
        predicted = [g.prediction_rate for g in games if g.prediction_rate is not None]
        reached = {}
        for level in (2, 3, 4):
            rounds = [g.phase_rounds[level - 2] for g in games if g.phase_rounds[level - 2]]
            reached[level] = (len(rounds) / len(games), median(rounds) if rounds else None)
        compared = sum(g.compared for g in games)
        reports[name] = StrategyReport(
            name=name,
            games=len(games),
            phase_mean=mean(phases),
            phase_sd=pstdev(phases),
            phase_share={level: _share(phases, level) for level in (1, 2, 3, 4)},
            relation_means={
                relation.value: mean(g.relations[i] for g in games)
                for i, relation in enumerate(rules.relations)
            },
            stage_mean=mean(stages),
            stage_share={level: _share(stages, level) for level in (1, 2, 3, 4)},
            score_mean=mean(scores),
            score_sd=pstdev(scores),
            score_without_fit_mean=mean(g.score_without_fit for g in games),
            fit_rate=mean(g.fit_rate for g in games),
            prediction_rate=mean(predicted) if predicted else None,
            reached=reached,
            greedy_agreement=sum(g.agreed for g in games) / compared if compared else None,
            errors=sorted({g.error for g in games if g.error}),
            stopped=sum(1 for g in games if g.error),
            fit_early=mean(g.fit_early for g in games),
            fit_late=mean(g.fit_late for g in games),
        )
    dominant = max(reports.values(), key=lambda r: (r.score_mean, r.phase_mean)).name

    # Initiatives whose choice does not change the end: fitting or not, the same final score.
    # Judged on the games with varied choices (random), else on all of them.
    basis = by_strategy.get("random") or summaries
    scores: dict[tuple[str, bool], list[int]] = {}
    for game in basis:
        for initiative_id, fit in game.choices:
            scores.setdefault((initiative_id, fit), []).append(game.score)
    idle = []
    for initiative in scenario.initiatives:
        fitting = scores.get((initiative.id, True), [])
        other = scores.get((initiative.id, False), [])
        if len(fitting) >= 5 and len(other) >= 5:
            gap = mean(fitting) - mean(other)
            if gap < NO_EFFECT_POINTS:
                idle.append((initiative.id, gap))

    best = by_strategy.get("best", [])
    never, always = [], []
    if best:
        for action in scenario.actions:
            rounds = [dict(g.actions).get(action.id) for g in best]
            if all(r is None for r in rounds) and action.trap is None:
                never.append(action.id)
            elif all(r is not None for r in rounds) and len(set(rounds)) == 1:
                # Bought in every game, and always in the same round: a checklist, not a choice.
                always.append((action.id, rounds[0]))
    fired = {event for g in summaries for event, _ in g.events}
    silent = [e.id for e in scenario.events if e.id not in fired]
    decisive = []
    if best:
        for event in scenario.events:
            if event.round is not None:
                continue
            hit = [g.phase == 4 for g in best if any(e == event.id for e, _ in g.events)]
            missed = [g.phase == 4 for g in best if all(e != event.id for e, _ in g.events)]
            if len(hit) >= DECISIVE_MIN_GAMES and len(missed) >= DECISIVE_MIN_GAMES:
                with_it, without = mean(hit), mean(missed)
                if abs(with_it - without) >= DECISIVE_SHARE:
                    decisive.append((event.id, with_it, without))

    report = ScenarioReport(
        scenario_id=scenario.id,
        title=scenario.title.get(lang),
        length=length,
        games=len(summaries),
        relations=tuple(r.value for r in rules.relations),
        strategies=reports,
        dominant=dominant,
        idle_initiatives=idle,
        never_bought=never,
        always_bought=always,
        silent_events=silent,
        decisive_events=decisive,
    )
    report.warnings = list(_warnings(report))
    return report


SIMPLE_RULES = frozenset(STRATEGIES) - {"best", "greedy"}


def _warnings(report: ScenarioReport) -> Iterator[tuple[str, dict[str, Any]]]:
    strategies = report.strategies
    best = strategies.get("best")
    if all(s.phase_share[4] == 0 for s in strategies.values()):
        yield "no_phase_four", {}
    if best is not None:
        if report.dominant != "best":
            yield "best_not_dominant", {"strategy": report.dominant}
        for name, other in strategies.items():
            if name not in SIMPLE_RULES:
                continue
            if other.phase_mean >= 3:
                yield "simple_rule_phase_three", {"strategy": name, "phase": other.phase_mean}
            if best.score_mean - other.score_mean < CLOSE_POINTS:
                yield (
                    "simple_rule_close",
                    {
                        "strategy": name,
                        "points": best.score_mean - other.score_mean,
                    },
                )
    for name, other in strategies.items():
        for error in other.errors[:3]:
            yield "strategy_error", {"strategy": name, "error": error}
    for initiative, gap in report.idle_initiatives:
        yield "idle_initiative", {"initiative": initiative, "points": gap}
    for action in report.never_bought:
        yield "never_bought", {"action": action}
    for action, bought in report.always_bought:
        yield "always_bought", {"action": action, "round": bought}
    for event in report.silent_events:
        yield "silent_event", {"event": event}
    for event, with_it, without in report.decisive_events:
        yield "decisive_event", {"event": event, "with": with_it, "without": without}


WARNINGS: dict[str, tuple[str, str]] = {
    "no_phase_four": (
        "Geen enkele strategie haalt fase 4 (samenwerken) in ook maar één spel: is het scenario "
        "te zwaar, of zijn de drempels te hoog?",
        "No strategy reaches phase 4 (collaborating) in a single game: is the scenario too "
        "hard, or are the thresholds too high?",
    ),
    "best_not_dominant": (
        "'{strategy}' scoort gemiddeld hoger dan 'best': wie nadenkt volgens het model, zou moeten "
        "winnen.",
        "'{strategy}' scores higher than 'best' on average: thinking by the model should win.",
    ),
    "simple_rule_phase_three": (
        "De eenvoudige regel '{strategy}' haalt gemiddeld fase {phase:.1f}: een vuistregel zou "
        "fase 3 niet moeten halen.",
        "The simple rule '{strategy}' reaches phase {phase:.1f} on average: a rule of thumb should "
        "not reach phase 3.",
    ),
    "simple_rule_close": (
        "De eenvoudige regel '{strategy}' blijft maar {points:.0f} punten onder 'best': nadenken "
        "loont hier nauwelijks.",
        "The simple rule '{strategy}' ends only {points:.0f} points below 'best': thinking hardly "
        "pays here.",
    ),
    "strategy_error": (
        "Strategie '{strategy}' hield zich niet aan de regels: {error}",
        "Strategy '{strategy}' broke the rules: {error}",
    ),
    "idle_initiative": (
        "Initiatief '{initiative}': met of zonder passende rol eindigt het spel vrijwel even goed "
        "({points:+.0f} punten). Maak de keuze zwaarder of laat het weg.",
        "Initiative '{initiative}': with or without a fitting role, games end about as well "
        "({points:+.0f} points). Give the choice more weight, or leave it out.",
    ),
    "never_bought": (
        "Ontwikkelactie '{action}' wordt door 'best' nooit gekocht: te duur, te laat of te zwak?",
        "Development action '{action}' is never bought by 'best': too costly, too late or too "
        "weak?",
    ),
    "always_bought": (
        "Ontwikkelactie '{action}' wordt door 'best' in elk spel gekocht, en altijd in ronde "
        "{round}: een keuze of een afvinklijstje?",
        "Development action '{action}' is bought by 'best' in every game, always in round "
        "{round}: a choice, or a checklist item?",
    ),
    "silent_event": (
        "Gebeurtenis '{event}' vindt in geen enkel spel plaats.",
        "Event '{event}' never happens in any game.",
    ),
    "decisive_event": (
        "Gebeurtenis '{event}' beslist over fase 4: met {with:.0%} van de spellen van 'best' in "
        "fase 4, zonder {without:.0%}. Geef teams een manier om zich voor te bereiden.",
        "Event '{event}' decides phase 4: {with:.0%} of 'best''s games reach it when it happens, "
        "{without:.0%} when it does not. Give teams a way to prepare.",
    ),
}

_TEXT: dict[str, tuple[str, str]] = {
    "heading": (
        "{title} ({scenario}, {length}): {runs} spellen per strategie, {games} in totaal",
        "{title} ({scenario}, {length}): {runs} games per strategy, {games} in all",
    ),
    "columns": (
        "strategie                        eindfase (% in 1/2/3/4)   fase  stad.  score       "
        "zonder fit  fit  juist",
        "strategy                         end phase (% in 1/2/3/4)  phase stage  score       "
        "no fit      fit  right",
    ),
    "legend": (
        "fase en stadium: gemiddeld (1–4); score ± spreiding; zonder fit: de score zonder de "
        "punten voor passende rollen en kanalen; fit: aandeel besluiten met de best passende "
        "rol; juist: aandeel voorspellingen dat uitkwam.",
        "phase and stage: mean (1–4); score ± spread; no fit: the score without the points for "
        "fitting roles and channels; fit: share of decisions with the best-fitting role; right: "
        "share of predictions that came true.",
    ),
    "stopped": (
        "{strategy}: {count} van de {games} spellen stopten vroeg, omdat de strategie zich niet "
        "aan de regels hield; hun cijfers tellen mee tot waar ze stopten.",
        "{strategy}: {count} of {games} games stopped early because the strategy broke the "
        "rules; their figures count up to where they stopped.",
    ),
    "relations": ("Fase per relatie (gemiddeld):", "Phase per relation (mean):"),
    "reached": (
        "Wanneer een fase gehaald wordt (aandeel spellen, mediane ronde):",
        "When a phase is reached (share of games, median round):",
    ),
    "dominant": ("Hoogste gemiddelde score: {name}.", "Highest mean score: {name}."),
    "greedy": (
        "'greedy' koos in {share:.0%} van de beslissingen dezelfde rol als 'best'.",
        "'greedy' chose best's role in {share:.0%} of its decisions.",
    ),
    "warnings": ("Waarschuwingen:", "Warnings:"),
    "no_warnings": ("Geen waarschuwingen.", "No warnings."),
    "never": ("nooit", "never"),
}


def _t(key: str, lang: Language, **values: Any) -> str:
    nl, en = _TEXT[key]
    return (nl if lang == "nl" else en).format(**values)


def warning_text(key: str, values: dict[str, Any], lang: Language) -> str:
    nl, en = WARNINGS[key]
    return (nl if lang == "nl" else en).format(**values)


def render_text(report: ScenarioReport, lang: Language) -> str:
    """The report as text for a terminal, in Dutch or English."""
    runs = max((s.games for s in report.strategies.values()), default=0)
    heading = _t(
        "heading",
        lang,
        title=report.title,
        scenario=report.scenario_id,
        length=label(report.length, lang),
        runs=runs,
        games=report.games,
    )
    lines = [heading, _t("columns", lang)]
    for name, s in report.strategies.items():
        shares = "/".join(f"{round(100 * s.phase_share[level]):>3}" for level in (1, 2, 3, 4))
        predict = "  -  " if s.prediction_rate is None else f"{s.prediction_rate:>5.0%}"
        lines.append(
            f"{name:<32} {shares:<25} {s.phase_mean:>4.2f}  {s.stage_mean:>4.2f}   "
            f"{s.score_mean:>4.0f} ±{s.score_sd:>3.0f}  {s.score_without_fit_mean:>5.0f}     "
            f"{s.fit_rate:>4.0%} {predict}"
        )
    lines.append(_t("legend", lang))
    for name, s in report.strategies.items():
        if s.stopped:
            lines.append(_t("stopped", lang, strategy=name, count=s.stopped, games=s.games))
    lines.append("")
    lines.append(_t("relations", lang))
    short = {r: r[:8] for r in report.relations}
    lines.append(" " * 33 + " ".join(f"{short[r]:>8}" for r in report.relations))
    for name, s in report.strategies.items():
        lines.append(
            f"{name:<32} " + " ".join(f"{s.relation_means[r]:>8.2f}" for r in report.relations)
        )
    lines.append("")
    lines.append(_t("reached", lang))
    for name, s in report.strategies.items():
        parts = []
        for level in (2, 3, 4):
            share, when = s.reached[level]
            at = _t("never", lang) if when is None else f"r{when:g}"
            parts.append(f"{level}: {share:>4.0%} {at:<6}")
        lines.append(f"{name:<32} " + "  ".join(parts))
    lines.append("")
    lines.append(_t("dominant", lang, name=report.dominant))
    greedy = report.strategies.get("greedy")
    if greedy is not None and greedy.greedy_agreement is not None:
        lines.append(_t("greedy", lang, share=greedy.greedy_agreement))
    lines.append("")
    if report.warnings:
        lines.append(_t("warnings", lang))
        lines.extend("- " + warning_text(key, values, lang) for key, values in report.warnings)
    else:
        lines.append(_t("no_warnings", lang))
    return "\n".join(lines)


def _strategy_json(s: StrategyReport) -> dict[str, Any]:
    return {
        "games": s.games,
        "phase": {
            "mean": round(s.phase_mean, 3),
            "sd": round(s.phase_sd, 3),
            "distribution": {str(k): round(v, 4) for k, v in s.phase_share.items()},
        },
        "relations": {k: round(v, 3) for k, v in s.relation_means.items()},
        "stage": {
            "mean": round(s.stage_mean, 3),
            "distribution": {str(k): round(v, 4) for k, v in s.stage_share.items()},
        },
        "score": {"mean": round(s.score_mean, 1), "sd": round(s.score_sd, 1)},
        "score_without_fit": {"mean": round(s.score_without_fit_mean, 1)},
        "fit_rate": round(s.fit_rate, 4),
        "prediction_rate": None if s.prediction_rate is None else round(s.prediction_rate, 4),
        "phase_reached": {
            str(level): {"share": round(share, 4), "median_round": when}
            for level, (share, when) in s.reached.items()
        },
        "greedy_agreement": None if s.greedy_agreement is None else round(s.greedy_agreement, 4),
        "fit_rate_first_third": round(s.fit_early, 4),
        "fit_rate_last_third": round(s.fit_late, 4),
        "errors": s.errors,
        "stopped": s.stopped,
    }


def _json_key(report: ScenarioReport, reports: list[ScenarioReport]) -> str:
    """The scenario's id; with the length after a slash when more than one length was played."""
    if len({r.length for r in reports}) <= 1:
        return report.scenario_id
    return f"{report.scenario_id}/{report.length.value}"


def to_json(reports: list[ScenarioReport], lang: Language) -> dict[str, Any]:
    """The reports as one JSON document. ``strategies`` at the top pools every scenario run."""
    pooled: dict[str, list[tuple[int, StrategyReport]]] = {}
    for report in reports:
        for name, s in report.strategies.items():
            pooled.setdefault(name, []).append((s.games, s))
    strategies = {}
    for name, parts in pooled.items():
        games = sum(n for n, _ in parts)
        strategies[name] = {
            "games": games,
            "phase": {"mean": round(sum(n * s.phase_mean for n, s in parts) / games, 3)},
            "score": {"mean": round(sum(n * s.score_mean for n, s in parts) / games, 1)},
        }
    return {
        "strategies": strategies,
        "scenarios": {
            _json_key(report, reports): {
                "title": report.title,
                "length": report.length.value,
                "games": report.games,
                "relations": list(report.relations),
                "dominant": report.dominant,
                "strategies": {name: _strategy_json(s) for name, s in report.strategies.items()},
                "idle_initiatives": [
                    {"initiative": i, "points": round(gap, 1)} for i, gap in report.idle_initiatives
                ],
                "actions_never_bought": report.never_bought,
                "actions_always_bought": [
                    {"action": a, "round": r} for a, r in report.always_bought
                ],
                "events_never_fired": report.silent_events,
                "decisive_events": [
                    {"event": e, "phase4_with": round(w, 4), "phase4_without": round(wo, 4)}
                    for e, w, wo in report.decisive_events
                ],
                "warnings": [
                    {"key": key, "text": warning_text(key, values, lang)}
                    for key, values in report.warnings
                ],
            }
            for report in reports
        },
    }
