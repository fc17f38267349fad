"""Telling a round so that every line agrees with the verdict, the fit class and the dashboard.

The round records its effects as they happened (``engine.resolve_round``). Read next to the
outcome of their initiative, some of them need other words: a role that *also fits*
(``game.sim.fit``) is never called a misfit, a mixed result never "went well", and a verdict
that is not "well" says why. Actions that touch every relation speak once, naming them; and the
pushes on the targets are set beside how far the dashboard actually moved (inertia).

Pure Python, no pygame: the story, the report and the tests read the same lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from game.domain import Bilingual, CitizenRelation, Indicator, Prediction
from game.labels import label
from game.scenario.models import Scenario
from game.sim.effects import (
    ALL_RELATIONS_PHRASE,
    RELATION_PHRASES,
    Effect,
    ParamValue,
    joined,
    render,
)
from game.sim.fit import FitClass, fit_class
from game.sim.rules import compile_rules
from game.sim.state import InitiativeOutcome
from game.sim.verdict import WELL_CHANNEL_FIT, WELL_QUALITY

# How a verdict reads in "Waarom het … ging" and "Why …".
_HOW: dict[Prediction, Bilingual] = {
    Prediction.WELL: Bilingual("goed", "it went well"),
    Prediction.MIXED: Bilingual("wisselend", "the result was mixed"),
    Prediction.BADLY: Bilingual("slecht", "it went badly"),
}


def outcome_class(outcome: InitiativeOutcome) -> FitClass:
    """The fit class of the role the team chose."""
    return fit_class(outcome.role, outcome.fit, outcome.best_roles)


def _keyed(effect: Effect, key: str) -> Effect:
    return effect if key == effect.key else effect._replace(key=key)


def retold(effect: Effect, outcome: InitiativeOutcome) -> Effect:
    """``effect`` of ``outcome``'s initiative, in words that agree with its fit class and verdict.

    Only the sentence changes (its template key); the number and the parameters stay.
    """
    key = effect.key
    kind = outcome_class(outcome)
    if key in ("role_fit_trust_up", "role_fit_trust_down"):
        if kind is FitClass.ALSO:
            return _keyed(effect, "role_also_trust")
        if kind is FitClass.FITS:
            up = effect.delta > 0
            return _keyed(effect, "role_fit_trust_up" if up else "role_fits_trust_low")
        return _keyed(effect, "role_fit_trust_down" if effect.delta < 0 else "role_misfit_trust_up")
    if key == "role_stumble_trust":
        return _keyed(
            effect,
            {
                FitClass.FITS: "role_stumble_trust",
                FitClass.ALSO: "role_also_stumble_trust",
                FitClass.MISFIT: "role_misfit_stumble_trust",
            }[kind],
        )
    if key in ("role_fit_energy_up", "role_fit_energy_down"):
        if kind is FitClass.ALSO:
            return _keyed(effect, "role_also_energy")
        up = effect.delta > 0
        if kind is FitClass.FITS:
            return _keyed(effect, "role_fit_energy_up" if up else "role_fits_energy_low")
        return _keyed(effect, "role_misfit_energy_up" if up else "role_fit_energy_down")
    if key == "ownership_spreads":
        well = outcome.verdict is Prediction.WELL and kind is FitClass.FITS
        return _keyed(effect, "ownership_spreads" if well else "ownership_spreads_partly")
    if key in ("channels_interaction", "channels_interaction_others") and channels_short(outcome):
        return _keyed(effect, key + "_low")
    if key == "arc_grows" and kind is FitClass.ALSO:
        return _keyed(effect, "arc_grows_also")
    return effect


def channels_short(outcome: InitiativeOutcome) -> bool:
    """True when the channels served the purposes less than going well needs."""
    return outcome.channel_fit is not None and outcome.channel_fit < WELL_CHANNEL_FIT


def _part(key: str, params: Mapping[str, ParamValue]) -> Bilingual:
    return Bilingual(render(key, dict(params), "nl"), render(key, dict(params), "en"))


def verdict_cause(outcome: InitiativeOutcome, scenario: Scenario) -> Effect | None:
    """Why a decision had a mixed result or went badly, as one line: a stumble (and its chance),
    a role that only also fits or does not fit, channels that served the purposes too little.
    None when it went well."""
    if outcome.verdict is Prediction.WELL:
        return None
    info = compile_rules(scenario).initiatives[outcome.initiative]
    said = info.said[outcome.role]
    causes: list[Bilingual] = []
    # The role first: one that only also fits, or does not fit, is a cause whether or not the
    # organisation also stumbled in it; then the stumble; then the channels.
    kind = outcome_class(outcome)
    if kind is FitClass.ALSO:
        causes.append(_part("why_went_also", said))
    elif kind is FitClass.MISFIT:
        causes.append(_part("why_went_misfit", said))
    elif outcome.succeeded and outcome.quality < WELL_QUALITY:
        causes.append(_part("why_went_weak_fit", said))
    if not outcome.succeeded:
        causes.append(
            _part(
                "why_went_stumble",
                {
                    "chance": round(outcome.risk * 100),
                    "readiness": round(outcome.readiness),
                    "demand": round(outcome.demand),
                },
            )
        )
    channel_fit = outcome.channel_fit
    if channel_fit is not None and channel_fit < WELL_CHANNEL_FIT and outcome.quality > 0:
        if outcome.channels:
            needed = round(WELL_CHANNEL_FIT * 100)
            cfit = int(channel_fit * 100 + 0.5)
            causes.append(_part("why_went_channels", {"cfit": cfit, "needed": needed}))
        else:
            causes.append(_part("why_went_no_channel", {"purposes": info.purposes}))
    if not causes:
        return None
    # "… does not fit here (…) and the organisation stumbled in the role (…)"
    said_all = Bilingual(joined([c.nl for c in causes], "nl"), joined([c.en for c in causes], "en"))
    params: dict[str, ParamValue] = {"how": _HOW[outcome.verdict], "causes": said_all}
    return Effect("initiative", outcome.initiative, "verdict", 0.0, "verdict_cause", params)


def folded(effects: Sequence[Effect]) -> list[Effect]:
    """The effects with an action's interaction in several relations said once, naming them.

    Each relation's own number can differ a little (gains shrink near the top): the folded line
    shows their mean, "each".
    """
    out: list[Effect] = []
    groups: dict[str, list[Effect]] = {}
    for effect in effects:
        if effect.key == "action_interaction":
            groups.setdefault(effect.source_id, []).append(effect)
    done: set[str] = set()
    for effect in effects:
        group = groups.get(effect.source_id) if effect.key == "action_interaction" else None
        if group is None or len(group) == 1:
            out.append(effect)
            continue
        if effect.source_id in done:
            continue
        done.add(effect.source_id)
        out.append(fold_interaction(group))
    return out


def fold_interaction(group: Sequence[Effect]) -> Effect:
    """One line for an action's interaction pulls on several relations."""
    first = group[0]
    relations = [CitizenRelation(e.params["relation"]) for e in group if "relation" in e.params]
    named = first.params.get("relations", "")
    if len(relations) == len(group) and named == ALL_RELATIONS_PHRASE:
        # "residents in every relation (customers, voters, …)"
        named = Bilingual(
            f"{ALL_RELATIONS_PHRASE.nl} ({', '.join(label(r, 'nl') for r in relations)})",
            f"{ALL_RELATIONS_PHRASE.en} ({', '.join(label(r, 'en') for r in relations)})",
        )
    elif len(relations) == len(group):
        named = tuple(RELATION_PHRASES[r] for r in relations)
    mean = sum(e.delta for e in group) / len(group)
    params = {**first.params, "relations": named}
    return Effect(
        first.source, first.source_id, first.target, mean, "action_interaction_folded", params
    )


class Movement(NamedTuple):
    """How one dashboard indicator moved in a round: what was pushed, and what arrived.

    ``pushed`` is the sum of the round's pulls on the target; ``moved`` the value's change on
    the dashboard; ``arrived`` the share of this round's pushes in it (inertia), ``earlier`` the
    rest: pushes of earlier rounds still arriving. ``arrived + earlier == moved``.
    """

    indicator: Indicator
    pushed: float
    moved: float
    arrived: float
    earlier: float


def movements(
    effects: Iterable[Effect],
    before: Mapping[Indicator, float],
    after: Mapping[Indicator, float],
    relations: int,
    inertia: float,
) -> list[Movement]:
    """Per dashboard indicator, the round's pushes beside the dashboard's move.

    ``before`` are the values the team decided with (after the round's news), ``after`` the
    values at the end of the round (before the next round's news); interaction is the mean over
    ``relations`` relations, so a pull on one relation pushes the mean by a share.
    """
    pushed: dict[Indicator, float] = {}
    for effect in effects:
        if effect.source == "event" or effect.delta == 0.0:
            continue  # news moves the value at once; it is told on its own
        try:
            ind = Indicator(effect.target)
        except ValueError:
            continue
        delta = effect.delta / relations if ind is Indicator.INTERACTION else effect.delta
        pushed[ind] = pushed.get(ind, 0.0) + delta
    out: list[Movement] = []
    for ind in Indicator:
        push = pushed.get(ind, 0.0)
        moved = after[ind] - before[ind]
        if abs(push) < 0.05 and abs(moved) < 0.05:
            continue
        arrived = push * inertia
        out.append(Movement(ind, push, moved, arrived, moved - arrived))
    return out
