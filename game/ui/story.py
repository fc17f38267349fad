"""A round's outcome as a story: per decision a headline in the scenario's own words, then what
it did; routine drift folded into one line; phase and stage changes as a moment of their own.

The core explains every change it makes (``Effect``); this module only groups and words them
for the outcome screen. It draws nothing, so it is tested without a window.

Signs and colours follow what a change means for the team, not the sign of the number: "less
chance of stumbling" is good news, hours of repair work are bad news.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from game.domain import Indicator, Language, Prediction
from game.labels import label
from game.scenario.models import Scenario
from game.sim import Effect
from game.sim.effects import RELATION_PHRASES, SIGNS, joined, shows_as_zero
from game.sim.fit import FitClass
from game.sim.state import InitiativeOutcome
from game.sim.telling import Movement, folded, outcome_class, retold, verdict_cause
from game.ui.words import prediction_name, signed_number

Tone = Literal["good", "bad", "neutral"]
Translate = Callable[[str], str]

# Messages without a number, by what they mean for the team.
_GOOD_KEYS = frozenset(
    {
        "action_risk",
        "action_purpose_bonus",
        "action_role_readiness",
        "channel_opened",
        "arc_grows",
        "arc_grows_also",
        "prediction_right",
        "stage_up",
        "phase_up",
        "relation_phase_up",
    }
)
_BAD_KEYS = frozenset(
    {
        "execution_stumbled",
        "execution_harmed",
        "verdict_cause",
        "arc_withers",
        "arc_ends",
        "action_trap",
        "prediction_wrong",
        "stage_down",
        "phase_down",
        "relation_phase_down",
    }
)
# Lines with a number that are still no good news: channels that served the purposes less than
# going well needs brought some interaction, but the why-line says they served too little.
_NEUTRAL_KEYS = frozenset({"channels_interaction_low", "channels_interaction_others_low"})
MILESTONE_KEYS = frozenset(
    {"phase_up", "phase_down", "relation_phase_up", "relation_phase_down", "stage_up", "stage_down"}
)


def tone(effect: Effect) -> Tone:
    """Good, bad or neutral news for the team."""
    if effect.key in _GOOD_KEYS:
        return "good"
    if effect.key in _BAD_KEYS:
        return "bad"
    if effect.key in _NEUTRAL_KEYS:
        return "neutral"
    if effect.delta > 0:
        return "good"
    if effect.delta < 0:
        return "bad"
    return "neutral"


MARKS: dict[Tone, str] = {"good": "+", "bad": "−", "neutral": "•"}


@dataclass(frozen=True, slots=True)
class StoryLine:
    """One line under a headline: what changed, and whether that is good news."""

    text: str
    tone: Tone


@dataclass(frozen=True, slots=True)
class StoryStep:
    """What one reveal shows: a decision, an investment, the routine, or a milestone."""

    kind: Literal["news", "initiative", "action", "drift", "dashboard", "milestone", "other"]
    title: str
    lines: tuple[StoryLine, ...] = ()
    # The scenario's own words: the outcome text of the role chosen, or why a trap is one.
    headline: str | None = None
    # A short verdict beside the title ("directing · went well").
    badge: str | None = None
    tone: Tone = "neutral"
    effects: tuple[Effect, ...] = field(default=(), repr=False)
    # For a milestone: one short line per change ("Subjects: experimenting"), for the moment
    # the room sees in large type.
    moment: tuple[StoryLine, ...] = ()


def too_small(effect: Effect) -> bool:
    """A line whose number is too small to show (``shows_as_zero``): "Trust ±0" is no news, and
    the story leaves it out. Messages without a number stay."""
    return SIGNS.get(effect.key, "0") != "0" and effect.delta != 0.0 and shows_as_zero(effect.delta)


def _strip(text: str, *prefixes: str) -> str:
    """The sentence without the title it starts with (the headline already names it)."""
    for prefix in prefixes:
        if prefix and text.startswith(prefix):
            rest = text[len(prefix) :].lstrip()
            return rest[:1].upper() + rest[1:]
    return text


def verdict_name(verdict: Prediction, t: Translate) -> str:
    return {
        Prediction.WELL: t("went well"),
        Prediction.MIXED: t("was mixed"),
        Prediction.BADLY: t("went badly"),
    }[verdict]


def prediction_line(outcome: InitiativeOutcome, t: Translate) -> StoryLine | None:
    """How the team's prediction held: right, close (one step off) or the opposite."""
    predicted = outcome.prediction
    if predicted is None:
        return None
    said = prediction_name(predicted, t)
    went = verdict_name(outcome.verdict, t)
    if predicted is outcome.verdict:
        return StoryLine(t("Your prediction '{said}' was right.").format(said=said), "good")
    far = {predicted, outcome.verdict} == {Prediction.WELL, Prediction.BADLY}
    if far:
        message = t("Your prediction '{said}' was the opposite: it {went}.")
    else:
        message = t("Your prediction '{said}' was close, but it {went}.")
    return StoryLine(message.format(said=said, went=went), "bad" if far else "neutral")


def build_story(
    effects: Sequence[Effect],
    outcomes: Sequence[InitiativeOutcome],
    scenario: Scenario,
    lang: Language,
    t: Translate,
    *,
    news: Sequence[Effect] = (),
    moves: Sequence[Movement] = (),
) -> list[StoryStep]:
    """The round's effects as steps to reveal one by one, in the order a group reads them:
    the round's news, each decision, each investment, then the routine in one line, how the
    dashboard moved, the milestones last.

    ``news`` are the effects of the round's events (on the dashboard since the briefing);
    ``moves`` how far the round's pushes moved each indicator (``game.sim.telling.movements``).
    """
    steps: list[StoryStep] = []
    by_initiative: dict[str, list[Effect]] = {}
    by_action: dict[str, list[Effect]] = {}
    drift: list[Effect] = []
    milestones: list[Effect] = []
    other: list[Effect] = []
    for effect in effects:
        if effect.key in MILESTONE_KEYS:
            milestones.append(effect)
        elif effect.source == "drift":
            drift.append(effect)
        elif effect.source == "initiative":
            by_initiative.setdefault(effect.source_id, []).append(effect)
        elif effect.source == "action":
            by_action.setdefault(effect.source_id, []).append(effect)
        else:
            other.append(effect)

    if news:
        steps.append(_news_step(news, lang, t))
    for outcome in outcomes:
        steps.append(
            _initiative_step(outcome, by_initiative.pop(outcome.initiative, []), scenario, lang, t)
        )
    for initiative_id, rest in by_initiative.items():  # effects of no decision: never expected
        title = scenario.initiative(initiative_id).title.get(lang)
        steps.append(_plain_step("other", title, rest, lang, (title + ":",)))
    for action_id, said in by_action.items():
        steps.append(_action_step(action_id, said, scenario, lang))
    if other:
        steps.append(_plain_step("other", t("Also this round"), other, lang, ()))
    if drift:
        steps.append(_drift_step(drift, lang, t))
    if moves:
        steps.append(dashboard_step(moves, scenario.tuning.inertia, lang, t))
    if milestones:
        steps.append(_milestone_step(milestones, lang, t))
    return steps


def _news_step(news: Sequence[Effect], lang: Language, t: Translate) -> StoryStep:
    """The round's news: it moved the dashboard at once, when the round began."""
    lines = tuple(StoryLine(e.explain(lang), tone(e)) for e in news)
    bad = sum(1 for e in news if tone(e) == "bad")
    good = sum(1 for e in news if tone(e) == "good")
    return StoryStep(
        "news",
        t("The news of this round"),
        lines,
        headline=t("News moves the dashboard at once: this was already on it in the briefing."),
        tone="bad" if bad > good else "good" if good > bad else "neutral",
        effects=tuple(news),
    )


def dashboard_step(
    moves: Sequence[Movement], inertia: float, lang: Language, t: Translate
) -> StoryStep:
    """The pushes beside the dashboard: the lines above push where an indicator is heading,
    and each round it moves only part of the way there."""
    lines: list[StoryLine] = []
    for move in moves:
        name = label(move.indicator, lang).capitalize()
        if move.indicator is Indicator.INTERACTION:  # one relation's +6 is a share of this
            name = t("{name} (the mean over the relations)").format(name=name)
        pushed, moved = signed_number(move.pushed, lang), signed_number(move.moved, lang)
        arrived, earlier = signed_number(move.arrived, lang), signed_number(move.earlier, lang)
        if abs(move.pushed) < 0.05:
            message = t("{name}: moved {moved} this round, from pushes of earlier rounds.")
        elif abs(move.earlier) < 0.05:
            message = t("{name}: pushed {pushed}, moved {moved} this round.")
        else:
            message = t(
                "{name}: pushed {pushed}, moved {moved} this round ({arrived} of this round's "
                "push, {earlier} still arriving from earlier rounds)."
            )
        said = message.format(
            name=name, pushed=pushed, moved=moved, arrived=arrived, earlier=earlier
        )
        mood: Tone = "good" if move.moved >= 0.05 else "bad" if move.moved <= -0.05 else "neutral"
        lines.append(StoryLine(said, mood))
    share = round(inertia * 100)
    return StoryStep(
        "dashboard",
        t("On the dashboard"),
        tuple(lines),
        headline=t(
            "The numbers above push where each indicator is heading; an organisation changes "
            "slowly, so each round it moves {share}% of the way there."
        ).format(share=share),
    )


def _initiative_step(
    outcome: InitiativeOutcome,
    effects: list[Effect],
    scenario: Scenario,
    lang: Language,
    t: Translate,
) -> StoryStep:
    initiative = scenario.initiative(outcome.initiative)
    title = initiative.title.get(lang)
    said = initiative.outcomes.for_role(outcome.role)
    lines: list[StoryLine] = []
    cause = verdict_cause(outcome, scenario)
    if cause is not None:  # "why the result was mixed" is no bad news in itself: a badly is
        lines.append(
            StoryLine(
                cause.explain(lang), "bad" if outcome.verdict is Prediction.BADLY else "neutral"
            )
        )
    for effect in effects:
        if effect.key == "prediction_wrong" or too_small(effect):
            continue  # said below, with how far off it was; or too small to tell
        told = retold(effect, outcome)
        text = _strip(told.explain(lang), title + ":")
        lines.append(StoryLine(text, tone(told)))
    guess = prediction_line(outcome, t)
    if guess is not None and guess.tone != "good":  # a right one is said by its effect
        lines.append(guess)
    verdict_tone: Tone = {
        Prediction.WELL: "good",
        Prediction.MIXED: "neutral",
        Prediction.BADLY: "bad",
    }[outcome.verdict]
    badge = f"{label(outcome.role, lang)} · {verdict_name(outcome.verdict, t)}"
    return StoryStep(
        "initiative",
        title,
        tuple(lines),
        headline=headline(outcome, said.get(lang) if said is not None else None, t),
        badge=badge,
        tone=verdict_tone,
        effects=tuple(effects),
    )


def headline(outcome: InitiativeOutcome, said: str | None, t: Translate) -> str | None:
    """The scenario's words for the role chosen. For a role that fits (or also fits) they tell
    how it goes when the role works; when the organisation stumbled in it, the headline says
    that this is how it could have gone, rather than tell success. Channels that fell short
    are no failure of the role: then its words stand as they are (the why-line says the rest).
    """
    if said is None:
        return None
    if not outcome.succeeded and outcome_class(outcome) is not FitClass.MISFIT:
        return t("How it could have gone: {text}").format(text=_lower_first(said))
    return said


def _lower_first(text: str) -> str:
    """``text`` to follow a colon: its first word in lower case, unless it is a name or an
    abbreviation (a second capital, a quote, a digit)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first.isalpha():
        return text[:1].lower() + text[1:]
    return text


def _action_step(
    action_id: str, effects: list[Effect], scenario: Scenario, lang: Language
) -> StoryStep:
    action = scenario.action(action_id)
    title = action.title.get(lang)
    prefix = f"‘{title}’:"
    lines = tuple(
        StoryLine(_strip(e.explain(lang), prefix), tone(e))
        for e in folded(effects)
        if e.key != "action_trap" and not too_small(e)
    )
    trap = action.trap.get(lang) if action.trap is not None else None
    return StoryStep(
        "action",
        title,
        lines,
        headline=trap,
        tone="bad" if trap else "good",
        effects=tuple(effects),
    )


def _plain_step(
    kind: Literal["other"], title: str, effects: list[Effect], lang: Language, prefixes
) -> StoryStep:
    lines = tuple(StoryLine(_strip(e.explain(lang), *prefixes), tone(e)) for e in effects)
    return StoryStep(kind, title, lines, effects=tuple(effects))


def _drift_step(effects: list[Effect], lang: Language, t: Translate) -> StoryStep:
    """Everything that slipped for lack of attention, in one line."""
    parts: list[str] = []
    quiet: dict[float, list[str]] = {}
    for effect in effects:
        if effect.target == Indicator.INTERACTION.value and effect.source_id:
            from game.domain import CitizenRelation

            relation = CitizenRelation(effect.source_id)
            quiet.setdefault(round(effect.delta, 1), []).append(
                RELATION_PHRASES[relation].get(lang)
            )
        else:
            name = (
                label(Indicator(effect.target), lang)
                if effect.target in _INDICATORS
                else effect.target
            )
            parts.append(f"{name} {signed_number(effect.delta, lang)}")
    for delta, names in quiet.items():
        parts.append(
            t("interaction with {who} {delta} each").format(
                who=_relations_named(names, lang), delta=signed_number(delta, lang)
            )
            if len(names) > 1
            else t("interaction with {who} {delta}").format(
                who=names[0], delta=signed_number(delta, lang)
            )
        )
    text = t("Without attention things slip: {changes}.").format(changes="; ".join(parts))
    return StoryStep(
        "drift",
        t("The routine"),
        (StoryLine(text, "bad"),),
        tone="bad",
        effects=tuple(effects),
    )


_INDICATORS = frozenset(i.value for i in Indicator)


def _relations_named(phrases: list[str], lang: Language) -> str:
    """Several relations in one phrase: "people as voters, users and residents", not three
    times "people as", and never the bare singular "voter, user and resident"."""
    prefix = "inwoners als " if lang == "nl" else "people as "
    if not all(p.startswith(prefix) for p in phrases):
        return joined(phrases, lang)
    return prefix + joined([p[len(prefix) :] for p in phrases], lang)


def _milestone_step(effects: list[Effect], lang: Language, t: Translate) -> StoryStep:
    """Phase and stage changes together: the moment the room should notice."""
    up = sum(1 for e in effects if e.delta > 0)
    down = len(effects) - up
    overall = [e for e in effects if e.key in ("phase_up", "phase_down")]
    if overall:
        title = (
            t("A new growth phase!") if overall[0].key == "phase_up" else t("A step back in growth")
        )
    elif up and not down:
        title = t("You grow!")
    elif down and not up:
        title = t("A step back")
    else:
        title = t("Growth and setbacks")
    # The overall phase first, then the competence stage, then the relations.
    order = {"phase_up": 0, "phase_down": 0, "stage_up": 1, "stage_down": 1}
    ranked = sorted(effects, key=lambda e: order.get(e.key, 2))
    lines = tuple(StoryLine(e.explain(lang), tone(e)) for e in ranked)
    moment = tuple(StoryLine(_moment_line(e, lang, t), tone(e)) for e in ranked)
    return StoryStep(
        "milestone",
        title,
        lines,
        tone="good" if up >= down else "bad",
        effects=tuple(effects),
        moment=moment,
    )


def _moment_line(effect: Effect, lang: Language, t: Translate) -> str:
    """A change of phase or stage in a few words: what changed, and to what."""
    params = effect.params
    if effect.key in ("stage_up", "stage_down"):
        return t("Competence: {stage}").format(stage=label(params["stage"], lang))  # type: ignore[arg-type]
    if effect.key in ("phase_up", "phase_down"):
        return t("Growth phase: {phase}").format(phase=label(params["phase"], lang))  # type: ignore[arg-type]
    from game.domain import CitizenRelation

    relation = CitizenRelation(effect.source_id)
    return t("{relation}: {phase}").format(
        relation=label(relation, lang).capitalize(),
        phase=label(params["phase"], lang),  # type: ignore[arg-type]
    )
