"""What the balance simulator's games say about a scenario: per strategy its end phases, stages
and scores, which strategy dominates, what in the scenario never matters, and warnings in plain
words, as text for a terminal or as one JSON document.

Pure Python, like the rest of ``game.sim``: ``game.sim.balance`` plays the games, this module
reads their summaries.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from statistics import mean, median, pstdev
from typing import Any

from game.domain import GROUPS, STRATEGIES, CitizenRelation, GameLength, Language
from game.labels import label
from game.scenario.models import Scenario
from game.sim.balance import GameSummary
from game.sim.balance_warnings import TABLE_WORDS, WARNINGS
from game.sim.length import played_scenario
from game.sim.rules import compile_rules

# Below this difference in mean final score between fitting and other roles, an initiative's
# choice "does not change how the game ends".
NO_EFFECT_POINTS = 5.0
# An event "decides" phase 4 when the share of games reaching it differs this much between
# games where it happened and games where it did not (and both groups are big enough).
DECISIVE_SHARE = 0.35
DECISIVE_MIN_GAMES = 10
# A simple rule this close to best (in mean score) is a warning: thinking hardly pays.
CLOSE_POINTS = 50.0


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
    # Per channel: the share of all cards played that used it (issue 20: a trainer sees which
    # channels a strategy leans on, and which no one uses).
    channel_use: dict[str, float] = field(default_factory=dict)


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
    rounds: int = 0  # the rounds a game of this length plays
    # Initiatives of the played scenario that no game of any strategy dealt.
    never_dealt: list[str] = field(default_factory=list)
    # Of the actions best never bought, those with a condition: it in words (nl, en).
    never_bought_when: dict[str, tuple[str, str]] = field(default_factory=dict)
    channels: tuple[str, ...] = ()  # the played scenario's channels, in the file's order


def expected_phase(rounds: int) -> int:
    """The growth phase a well-played game of this many rounds should reach in some games:
    collaborating asks a whole game; a short one gets as far as experimenting or conversing."""
    return 4 if rounds >= 10 else 3 if rounds >= 6 else 2


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
    channels = tuple(channel.id for channel in scenario.channels)
    by_strategy: dict[str, list[GameSummary]] = {}
    for summary in summaries:
        by_strategy.setdefault(summary.strategy, []).append(summary)
    reports = {
        name: _strategy_report(name, games, rules.relations, channels)
        for name, games in by_strategy.items()
    }
    dominant = max(reports.values(), key=lambda r: (r.score_mean, r.phase_mean)).name
    best = by_strategy.get("best", [])
    never, always = _bought(scenario, best)
    fired = {event for g in summaries for event, _ in g.events}
    report = ScenarioReport(
        scenario_id=scenario.id,
        title=scenario.title.get(lang),
        length=length,
        games=len(summaries),
        relations=tuple(r.value for r in rules.relations),
        strategies=reports,
        dominant=dominant,
        # Judged on the games with varied choices (random), else on all of them.
        idle_initiatives=_idle_initiatives(scenario, by_strategy.get("random") or summaries),
        never_bought=never,
        always_bought=always,
        silent_events=[e.id for e in scenario.events if e.id not in fired],
        decisive_events=_decisive_events(scenario, best),
        rounds=scenario.rounds,
        never_dealt=_never_dealt(scenario, summaries),
        never_bought_when=_conditions_of(scenario, never),
        channels=channels,
    )
    report.warnings = list(_warnings(report))
    return report


def _strategy_report(
    name: str,
    games: list[GameSummary],
    relations: Sequence[CitizenRelation],
    channels: Sequence[str] = (),
) -> StrategyReport:
    """One strategy over its games: phases, stages, scores, fit and when phases came."""
    phases = [g.phase for g in games]
    stages = [g.stage for g in games]
    scores = [g.score for g in games]
    predicted = [g.prediction_rate for g in games if g.prediction_rate is not None]
    reached = {}
    for level in (2, 3, 4):
        rounds = [g.phase_rounds[level - 2] for g in games if g.phase_rounds[level - 2]]
        reached[level] = (len(rounds) / len(games), median(rounds) if rounds else None)
    compared = sum(g.compared for g in games)
    return StrategyReport(
        name=name,
        games=len(games),
        phase_mean=mean(phases),
        phase_sd=pstdev(phases),
        phase_share={level: _share(phases, level) for level in (1, 2, 3, 4)},
        relation_means={
            relation.value: mean(g.relations[i] for g in games)
            for i, relation in enumerate(relations)
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
        channel_use=_channel_use(games, channels),
    )


def _channel_use(games: list[GameSummary], channels: Sequence[str]) -> dict[str, float]:
    """Per channel, the share of the cards of all ``games`` it was used on."""
    cards = sum(g.cards for g in games)
    used = {channel: 0 for channel in channels}
    for game in games:
        for channel, count in game.channels:
            used[channel] = used.get(channel, 0) + count
    return {channel: count / cards if cards else 0.0 for channel, count in used.items()}


def _conditions_of(scenario: Scenario, actions: list[str]) -> dict[str, tuple[str, str]]:
    """The conditions of these actions, in words: an action never bought may be one whose
    condition never holds (issue 20: simulate only asked whether it was too costly)."""
    from game.scenario.condition_words import condition_words

    found = {}
    for action in scenario.actions:
        if action.id in actions and action.requires is not None:
            found[action.id] = (
                condition_words(action.requires, scenario, "nl"),
                condition_words(action.requires, scenario, "en"),
            )
    return found


def _never_dealt(scenario: Scenario, summaries: list[GameSummary]) -> list[str]:
    """Initiatives no game dealt: their condition, chance or the news that brings them never
    came together (issue 20: a trainer's initiative that never arrived went unnoticed)."""
    dealt = {initiative for g in summaries for initiative, _ in g.choices}
    return [i.id for i in scenario.initiatives if i.id not in dealt] if summaries else []


def _idle_initiatives(scenario: Scenario, basis: list[GameSummary]) -> list[tuple[str, float]]:
    """Initiatives whose choice does not change the end: fitting or not, the same score."""
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
    return idle


def _bought(scenario: Scenario, best: list[GameSummary]) -> tuple[list[str], list[tuple[str, int]]]:
    """Actions best never buys, and those it buys in every game, always in the same round (a
    checklist, not a choice)."""
    never: list[str] = []
    always: list[tuple[str, int]] = []
    if not best:
        return never, always
    for action in scenario.actions:
        rounds = [dict(g.actions).get(action.id) for g in best]
        if all(r is None for r in rounds) and action.trap is None:
            never.append(action.id)
        elif all(r is not None for r in rounds) and len(set(rounds)) == 1:
            always.append((action.id, rounds[0]))
    return never, always


def _decisive_events(scenario: Scenario, best: list[GameSummary]) -> list[tuple[str, float, float]]:
    """Chance events whose happening alone moves best's share of games in phase 4 a lot."""
    decisive = []
    for event in scenario.events:
        if event.round is not None:
            continue
        hit = [g.phase == 4 for g in best if any(e == event.id for e, _ in g.events)]
        missed = [g.phase == 4 for g in best if all(e != event.id for e, _ in g.events)]
        if len(hit) >= DECISIVE_MIN_GAMES and len(missed) >= DECISIVE_MIN_GAMES:
            with_it, without = mean(hit), mean(missed)
            if abs(with_it - without) >= DECISIVE_SHARE:
                decisive.append((event.id, with_it, without))
    return decisive


# Rules of thumb: not best, not greedy's look-ahead, and not the groups that read the table.
SIMPLE_RULES = frozenset(STRATEGIES) - {"best", "greedy", *GROUPS}


def _warnings(report: ScenarioReport) -> Iterator[tuple[str, dict[str, Any]]]:
    strategies = report.strategies
    best = strategies.get("best")
    # Scaled to the game's length: a six-round game was warned that no one reached phase 4.
    target = expected_phase(report.rounds) if report.rounds else 4
    if all(sum(s.phase_share[p] for p in range(target, 5)) == 0 for s in strategies.values()):
        yield "no_phase_target", {"phase": target, "rounds": report.rounds or "?"}
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
    stuck = [
        relation
        for relation in report.relations
        if strategies and all(s.relation_means.get(relation, 1) <= 1.0 for s in strategies.values())
    ]
    for relation in stuck:
        yield "relation_stuck", {"relation": relation}
    for initiative in report.never_dealt:
        yield "never_dealt", {"initiative": initiative}
    if best is not None:
        for channel in report.channels:
            if all(s.channel_use.get(channel, 0.0) == 0 for s in strategies.values()):
                yield "channel_unused", {"channel": channel}
    for initiative, gap in report.idle_initiatives:
        yield "idle_initiative", {"initiative": initiative, "points": gap}
    for action in report.never_bought:
        when = report.never_bought_when.get(action)
        if when is None:
            yield "never_bought", {"action": action}
        else:
            condition = {"condition_nl": when[0], "condition_en": when[1]}
            yield "never_bought_condition", {"action": action, **condition}
    for action, bought in report.always_bought:
        yield "always_bought", {"action": action, "round": bought}
    for event in report.silent_events:
        yield "silent_event", {"event": event}
    for event, with_it, without in report.decisive_events:
        yield "decisive_event", {"event": event, "with": with_it, "without": without}


def _t(key: str, lang: Language, **values: Any) -> str:
    nl, en = TABLE_WORDS[key]
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
    if report.channels:
        lines.append("")
        lines.append(_t("channels", lang))
        names = {c: c[:8] for c in report.channels}
        lines.append(" " * 33 + " ".join(f"{names[c]:>8}" for c in report.channels))
        for name, s in report.strategies.items():
            shares = (f"{s.channel_use.get(c, 0.0):>8.0%}" for c in report.channels)
            lines.append(f"{name:<32} " + " ".join(shares))
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
        "channel_use": {k: round(v, 4) for k, v in s.channel_use.items()},
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
