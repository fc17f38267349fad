"""Workshop lengths: the scenario as a short or standard game plays it.

A whole scenario takes a discussing group two hours or more; a workshop has 60–90 minutes. A
shorter game is not a different engine: it is the same scenario with fewer rounds and fewer
initiative cards, worked out from the scenario's own data (its ``lengths`` block, or a default
selection), so the same scenario, seed and length always give the same game, a save replays,
and teams that played the same length can be compared.

What a shorter game keeps:

- **rounds**: the rounds of the full game it plays, numbered 1, 2, 3… again. Round numbers in
  conditions follow (``round_at_least: 7`` becomes the first kept round from 7 on). News
  (scripted events) of a round left out comes in the next round played.
- **initiatives**: of the initiatives that come in a given round, those it keeps (the default:
  one per kept round for a short game, two for a standard one, chosen so that every relation
  the scenario is about comes up). A kept initiative whose round is left out comes in the next
  round played. Next stages (``unfolds``) come with the initiative they belong to, sooner
  (``after`` shrinks with the game), and initiatives that come with news or conditions stay.
- **pace**: a round of a shorter game stands for more time: indicators move towards their
  targets faster and drift more per round (``inertia`` and ``drift`` as over that many
  rounds), and every card weighs more, so a team that plays well still grows in fewer rounds.

A shorter game never points at what it left out: a next stage that cannot come before the game
ends is left out, and so is the ``unfolds`` that leads to it, so that initiative's story ends
with it (as it would when its stage came after the last round). News that would bring a left-out
initiative no longer brings it. The loader checks every length the way it checks the whole game
(``game.scenario.references.length_problems``).

A shorter game is always worked out from the whole scenario: given the scenario of a shorter
game, these functions start again from the whole one it came from.

Pure data in, data out: nothing here is random, and nothing is cached (``game.sim.length``
keeps the games it worked out).
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from game.domain import CitizenRelation, GameLength
from game.scenario.models import (
    Condition,
    DevelopmentAction,
    Event,
    Initiative,
    LengthPlan,
    Lengths,
    Scenario,
)

# Minutes of play, as workshops measured them (issue 10: twelve rounds and 25 cards took about
# 2.5 hours): a start (the situation, the first look at the dashboard), each round's briefing,
# development, outcome and summary, and each initiative card discussed and decided.
MINUTES_START = 5
MINUTES_PER_ROUND = 3
MINUTES_PER_CARD = 3.5
# What a workshop aims at, per length (minutes of play, the debrief not included).
TARGET_MINUTES: dict[GameLength, int] = {GameLength.SHORT: 45, GameLength.STANDARD: 75}
# Initiatives kept per kept round, when the scenario does not say which.
DEFAULT_PER_ROUND: dict[GameLength, int] = {GameLength.SHORT: 1, GameLength.STANDARD: 2}
# A card of a shorter game weighs at most this much more than in the whole game.
MAX_WEIGHT_FACTOR = 2.0
# How often a next stage comes, on average (grown or gone sour; some simply end).
STAGE_CHANCE = 0.8
# The lengths shorter than the whole scenario.
SHORTER: tuple[GameLength, ...] = (GameLength.SHORT, GameLength.STANDARD)


class Selection(NamedTuple):
    """Which full-game rounds a shorter game plays, and which scheduled initiatives it keeps."""

    rounds: tuple[int, ...]
    initiatives: frozenset[str]


def whole_scenario(scenario: Scenario) -> Scenario:
    """The whole scenario: ``scenario`` itself, or the one a shorter game's scenario came from."""
    shortened = scenario._shortened
    return scenario if shortened is None else shortened[0]


def shorter_scenario(scenario: Scenario, length: GameLength | str) -> Scenario:
    """The scenario as a game of ``length`` plays it (the whole scenario for a full game),
    worked out anew each time."""
    length = GameLength(length)
    whole = whole_scenario(scenario)
    if length is GameLength.FULL:
        return whole
    if scenario is not whole and scenario._shortened[1] is length:
        return scenario
    return _shorten(whole, selection(whole, length), length)


def selection(scenario: Scenario, length: GameLength | str) -> Selection:
    """The rounds and scheduled initiatives a game of ``length`` keeps (the scenario's own
    choice where its ``lengths`` block gives one, the default otherwise)."""
    length = GameLength(length)
    scenario = whole_scenario(scenario)
    scheduled = [i for i in scenario.initiatives if i.round is not None]
    if length is GameLength.FULL:
        return Selection(tuple(range(1, scenario.rounds + 1)), frozenset(i.id for i in scheduled))
    plan: LengthPlan | None = getattr(scenario.lengths, length.value)
    rounds = tuple(plan.rounds) if plan is not None and plan.rounds else None
    chosen = frozenset(plan.initiatives) if plan is not None and plan.initiatives else None
    if rounds is None:
        rounds = _default_rounds(scenario, length, chosen)
        if length is GameLength.STANDARD:
            # A standard game is longer than a short one, whatever the minutes say.
            short = len(selection(scenario, GameLength.SHORT).rounds)
            if len(rounds) <= short < scenario.rounds - 1:
                rounds = _spread(scenario.rounds, short + 1)
    if chosen is None:
        chosen = _default_initiatives(scenario, rounds, DEFAULT_PER_ROUND[length])
    return Selection(rounds, chosen)


# --- The default selection -------------------------------------------------------------------


def _spread(total: int, count: int) -> tuple[int, ...]:
    """``count`` rounds of 1..``total``, evenly spread, always the first and the last."""
    if count >= total:
        return tuple(range(1, total + 1))
    if count <= 1:
        return (1,)
    picked = sorted({1 + round(i * (total - 1) / (count - 1)) for i in range(count)})
    return tuple(picked)


def _default_rounds(
    scenario: Scenario, length: GameLength, chosen: frozenset[str] | None
) -> tuple[int, ...]:
    """The most evenly spread rounds whose game fits the length's minutes, counted from the
    data alone (never from a bot's play, so the game a length gives stays the same)."""
    target = TARGET_MINUTES[length]
    for count in range(scenario.rounds - 1, 1, -1):
        rounds = _spread(scenario.rounds, count)
        kept = chosen or _default_initiatives(scenario, rounds, DEFAULT_PER_ROUND[length])
        cards = _counted_cards(scenario, rounds, kept)
        if MINUTES_START + MINUTES_PER_ROUND * count + MINUTES_PER_CARD * cards <= target:
            return rounds
    return _spread(scenario.rounds, 2)


def _counted_cards(scenario: Scenario, rounds: tuple[int, ...], kept: frozenset[str]) -> float:
    """Cards a selection brings, counted from the data: the kept initiatives, the news that
    brings one, and their next stages as far as they come before the game ends."""
    by_id = {i.id: i for i in scenario.initiatives}
    pace = scenario.rounds / len(rounds)
    count = len(rounds)

    def followers(initiative_id: str, arrives: int, depth: int = 0) -> float:
        initiative = by_id.get(initiative_id)
        if initiative is None or initiative.unfolds is None or depth > 8:
            return 0.0
        unfolds = initiative.unfolds
        later = arrives + max(1, math.ceil(unfolds.after / pace))
        if later > count:
            return 0.0
        nexts = [n for n in (unfolds.grows, unfolds.withers) if n is not None]
        deeper = sum(followers(n, later, depth + 1) for n in nexts) / len(nexts)
        return STAGE_CHANCE * (1.0 + deeper)

    cards = 0.0
    for initiative_id in kept:
        arrives = _next_kept(rounds, by_id[initiative_id].round or 1) or count
        cards += 1.0 + followers(initiative_id, arrives)
    for event in scenario.events:
        if event.round is None:
            continue
        arrives = _next_kept(rounds, event.round)
        if arrives is None:
            continue
        for initiative_id in event.effects.add_initiatives:
            cards += 1.0 + followers(initiative_id, arrives)
    return cards


def _default_initiatives(
    scenario: Scenario, rounds: tuple[int, ...], per_round: int
) -> frozenset[str]:
    """Per kept round, up to ``per_round`` cards: news that brings an initiative counts as one,
    the rest are its scheduled initiatives, first those with a relation not met yet (a relation
    the game never meets cannot grow), then those that unfold (their stages tell the story), in
    the scenario's order."""
    by_id = {i.id: i for i in scenario.initiatives}
    news: dict[int, int] = {}
    met: set[CitizenRelation] = set()
    for event in scenario.events:
        if event.round is None:
            continue
        arrives = _next_kept(rounds, event.round)
        if arrives is None:
            continue
        added = [i for i in event.effects.add_initiatives if i in by_id]
        news[arrives] = news.get(arrives, 0) + len(added)
        met.update(by_id[i].relation for i in added)
    chosen: list[str] = []
    for index, number in enumerate(rounds, start=1):
        room = max(0, per_round - news.get(index, 0))
        candidates = [i for i in scenario.initiatives if i.round == number]
        candidates.sort(key=lambda i: (i.relation in met, i.unfolds is None))
        for initiative in candidates[:room]:
            chosen.append(initiative.id)
            met.add(initiative.relation)
    return frozenset(chosen)


# --- Making the shorter scenario ---------------------------------------------------------------


def _next_kept(rounds: tuple[int, ...], number: int) -> int | None:
    """The shorter game's round for full round ``number``: its own, or the next one played."""
    for index, kept in enumerate(rounds, start=1):
        if kept >= number:
            return index
    return None


def _map_condition(condition: Condition | None, rounds: tuple[int, ...]) -> Condition | None:
    """Round numbers in a condition, as the shorter game counts them."""
    if condition is None:
        return None
    update: dict[str, Any] = {}
    if condition.round_at_least is not None:
        mapped = _next_kept(rounds, condition.round_at_least)
        update["round_at_least"] = mapped if mapped is not None else len(rounds) + 1
    if condition.round_at_most is not None:
        update["round_at_most"] = sum(1 for r in rounds if r <= condition.round_at_most)
    if condition.any_of:
        update["any_of"] = [_map_condition(c, rounds) for c in condition.any_of]
    return condition.model_copy(update=update) if update else condition


def _stages_in_time(
    scenario: Scenario, starts: dict[str, int], pace: float, count: int
) -> set[str]:
    """The initiatives that ``starts`` (id → the earliest round it can come) unfold into, at
    any depth, that can still come before the shorter game ends: a stage that never could would
    keep its relation in the game without a card to grow it."""
    by_id = {i.id: i for i in scenario.initiatives}
    earliest: dict[str, int] = {}
    frontier = list(starts.items())
    while frontier:
        initiative_id, arrives = frontier.pop()
        initiative = by_id.get(initiative_id)
        if initiative is None or initiative.unfolds is None:
            continue
        later = arrives + max(1, math.ceil(initiative.unfolds.after / pace))
        if later > count:
            continue
        for following in (initiative.unfolds.grows, initiative.unfolds.withers):
            if following is not None and later < earliest.get(following, count + 1):
                earliest[following] = later
                frontier.append((following, later))
    return set(earliest)


def _kept_events(scenario: Scenario, rounds: tuple[int, ...]) -> list[Event]:
    """The news of the shorter game: scripted news in its round (or the next one played),
    conditional news with its rounds counted as the shorter game counts them."""
    events: list[Event] = []
    for event in scenario.events:
        if event.round is None:
            events.append(event.model_copy(update={"when": _map_condition(event.when, rounds)}))
            continue
        mapped = _next_kept(rounds, event.round)
        if mapped is not None:
            events.append(event.model_copy(update={"round": mapped}))
    return events


def _kept_ids(scenario: Scenario, chosen: Selection, events: list[Event]) -> set[str]:
    """Which initiatives come: the kept scheduled ones, those of news and conditions, and every
    stage of them that can still come in time (each counted from the earliest round it can
    come in)."""
    rounds = chosen.rounds
    count = len(rounds)
    by_id = {i.id: i for i in scenario.initiatives}
    starts: dict[str, int] = {}
    for initiative_id in chosen.initiatives:
        starts[initiative_id] = _next_kept(rounds, by_id[initiative_id].round or 1) or count
    for event in events:
        for initiative_id in event.effects.add_initiatives:
            starts.setdefault(initiative_id, event.round or 1)
    for initiative in scenario.initiatives:
        if initiative.when is not None:
            starts.setdefault(initiative.id, 1)
    keep = set(starts) | _stages_in_time(scenario, starts, scenario.rounds / count, count)
    return keep & set(by_id)


def _kept_initiatives(
    scenario: Scenario, rounds: tuple[int, ...], keep: set[str]
) -> list[Initiative]:
    """The kept initiatives as the shorter game has them: in its rounds, weighing more, their
    stages coming sooner, and no ``unfolds`` into a stage it left out."""
    count = len(rounds)
    pace = scenario.rounds / count
    scheduled = sum(1 for i in scenario.initiatives if i.round is not None and i.id in keep)
    cards_full = sum(1 for i in scenario.initiatives if i.round is not None)
    weight_factor = min(MAX_WEIGHT_FACTOR, max(1.0, cards_full / max(1, scheduled)))
    initiatives: list[Initiative] = []
    for initiative in scenario.initiatives:
        if initiative.id not in keep:
            continue
        update: dict[str, Any] = {"weight": min(3.0, initiative.weight * weight_factor)}
        if initiative.round is not None:
            mapped = _next_kept(rounds, initiative.round)
            update["round"] = mapped if mapped is not None else count
        if initiative.when is not None:
            update["when"] = _map_condition(initiative.when, rounds)
        unfolds = initiative.unfolds
        if unfolds is not None:
            # A stage left out could not come before the game ends (the engine would not
            # bring it): the story ends here. Kept as a reference, a facilitator's early news
            # would bring this initiative sooner, and its stage with it, into a game without it.
            grows = unfolds.grows if unfolds.grows in keep else None
            withers = unfolds.withers if unfolds.withers in keep else None
            after = max(1, math.ceil(unfolds.after / pace))
            update["unfolds"] = (
                None
                if grows is None and withers is None
                else unfolds.model_copy(update={"after": after, "grows": grows, "withers": withers})
            )
        initiatives.append(initiative.model_copy(update=update))
    return initiatives


def _kept_action(action: DevelopmentAction, rounds: tuple[int, ...], factor: float) -> Any:
    """A development action as a shorter game has it: its conditions in the kept rounds, and
    its pulls on the organisation's indicators weighing ``factor`` more."""
    effects = action.effects
    pulls = type(effects.indicators)(
        **{ind.value: max(-100.0, min(100.0, v * factor)) for ind, v in effects.indicators.items()}
    )
    return action.model_copy(
        update={
            "requires": _map_condition(action.requires, rounds),
            "effects": effects.model_copy(update={"indicators": pulls}),
        }
    )


def _shorten(scenario: Scenario, chosen: Selection, length: GameLength) -> Scenario:
    rounds = chosen.rounds
    count = len(rounds)
    pace = scenario.rounds / count
    events = _kept_events(scenario, rounds)
    keep = _kept_ids(scenario, chosen, events)
    initiatives = _kept_initiatives(scenario, rounds, keep)
    # News about an initiative the shorter game leaves out no longer brings it.
    events = [
        event
        if all(i in keep for i in event.effects.add_initiatives)
        else event.model_copy(
            update={
                "effects": event.effects.model_copy(
                    update={
                        "add_initiatives": [i for i in event.effects.add_initiatives if i in keep]
                    }
                )
            }
        )
        for event in events
    ]

    # A relation no card of the shorter game meets is not part of it (it could never grow).
    met = {i.relation for i in initiatives}
    start = scenario.start
    unmet = {r.value: None for r, _ in start.relations.items() if r not in met}
    if unmet:
        start = start.model_copy(update={"relations": start.relations.model_copy(update=unmet)})

    tuning = scenario.tuning
    inertia = 1.0 - (1.0 - tuning.inertia) ** pace
    # An investment stands for more time too: what it pulls on the organisation weighs as much
    # more as a card does (the rounds it can be bought in are fewer).
    action_factor = min(MAX_WEIGHT_FACTOR, math.sqrt(pace))
    # A reputation carries over from one relation to the others as over that many rounds.
    spread = 1.0 - (1.0 - tuning.fit_record_spread) ** pace
    # A new value map, not a copy: a copy would keep the original's cached items.
    drift = type(tuning.drift)(**{ind.value: value * pace for ind, value in tuning.drift.items()})
    shorter = scenario.model_copy(
        update={
            "rounds": count,
            "start": start,
            "initiatives": initiatives,
            "events": events,
            "actions": [_kept_action(a, rounds, action_factor) for a in scenario.actions],
            "channels": [
                c.model_copy(update={"requires": _map_condition(c.requires, rounds)})
                for c in scenario.channels
            ],
            "tuning": tuning.model_copy(
                update={"inertia": min(1.0, inertia), "drift": drift, "fit_record_spread": spread}
            ),
            # A shorter game has no shorter games of its own: they come from the whole one.
            "lengths": Lengths(),
        }
    )
    # The copy must not share the original's compiled rules or lookups, and remembers where it
    # came from.
    private = shorter.__pydantic_private__
    private["_compiled"] = None
    private["_lookup"] = None
    private["_shortened"] = (scenario, length)
    return shorter
