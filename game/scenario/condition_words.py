"""A condition in words, for a trainer who reads what a scenario does without its YAML.

``from round 3 on and trust below 40``: every part of a ``Condition`` as a short phrase, the
ids it names as their titles in the scenario, joined by "and" (``any_of`` by "or").

Pure data in, text out.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.domain import Language
from game.labels import label
from game.scenario.models import Condition, Scenario

# (Dutch, English) per part; {x} is the value in words.
_PHRASES: dict[str, tuple[str, str]] = {
    "round_at_least": ("vanaf {round} {x}", "from {round} {x} on"),
    "round_at_most": ("tot en met {round} {x}", "up to {round} {x}"),
    "phase_at_least": ("groeifase minstens {x}", "growth phase at least {x}"),
    "phase_below": ("groeifase nog niet {x}", "growth phase not yet {x}"),
    "stage_at_least": ("competentiestadium minstens {x}", "competence stage at least {x}"),
    "stage_below": ("competentiestadium nog niet {x}", "competence stage not yet {x}"),
    "indicator_at_least": ("{x} minstens {value:g}", "{x} at least {value:g}"),
    "indicator_below": ("{x} onder {value:g}", "{x} below {value:g}"),
    "action_done": ("gekocht: {x}", "bought: {x}"),
    "action_not_done": ("niet gekocht: {x}", "not bought: {x}"),
    "event_happened": ("na het nieuws {x}", "after the news {x}"),
    "event_not_happened": ("zonder het nieuws {x}", "without the news {x}"),
    "channel_in_use": ("kanaal in gebruik: {x}", "channel in use: {x}"),
    "relation_phase": ("relatie {relation} minstens {x}", "relation {relation} at least {x}"),
    "always": ("altijd", "always"),
    "and": (" en ", " and "),
    "or": (" of ", " or "),
    "round": ("ronde", "round"),
}


def words(key: str, lang: Language) -> str:
    """One of this module's words (``"and"``, ``"always"``, ``"round"``) in ``lang``."""
    nl, en = _PHRASES[key]
    return nl if lang == "nl" else en


def round_word(scenario: Scenario, lang: Language) -> str:
    """What the scenario calls a round ("kwartaal", "quarter"), else "ronde"/"round"."""
    if scenario.round_name is not None:
        return scenario.round_name.get(lang)
    return words("round", lang)


def condition_words(condition: Condition | None, scenario: Scenario, lang: Language) -> str:
    """The condition as one line of words; no condition (or an empty one) holds always."""
    if condition is None:
        return words("always", lang)
    parts = list(_parts(condition, scenario, lang))
    if len(parts) > 1:  # an "or" among "and"s keeps its brackets
        parts = [f"({p})" if words("or", lang) in p else p for p in parts]
    return words("and", lang).join(parts) if parts else words("always", lang)


def _parts(c: Condition, scenario: Scenario, lang: Language) -> Iterator[str]:
    def say(key: str, x: object = "", **values: object) -> str:
        return words(key, lang).format(x=x, **values)

    round_name = round_word(scenario, lang)
    if c.round_at_least is not None:
        yield say("round_at_least", c.round_at_least, round=round_name)
    if c.round_at_most is not None:
        yield say("round_at_most", c.round_at_most, round=round_name)
    for key in ("phase_at_least", "phase_below", "stage_at_least", "stage_below"):
        value = getattr(c, key)
        if value is not None:
            yield say(key, label(value, lang))
    for key in ("indicator_at_least", "indicator_below"):
        values = getattr(c, key)
        for indicator, value in values.items() if values is not None else ():
            yield say(key, label(indicator, lang), value=value)
    for key in ("action_done", "action_not_done", "event_happened", "event_not_happened"):
        ids = getattr(c, key)
        if ids:
            yield say(key, _titles(ids, scenario, lang, key.startswith("action")))
    if c.channel_in_use:
        yield say(
            "channel_in_use", ", ".join(_channel_name(i, scenario, lang) for i in c.channel_in_use)
        )
    if c.relation_phase_at_least is not None:
        for relation, phase in c.relation_phase_at_least.items():
            yield say("relation_phase", label(phase, lang), relation=label(relation, lang))
    if c.any_of:
        options = [condition_words(option, scenario, lang) for option in c.any_of]
        yield words("or", lang).join(f"({o})" if words("and", lang) in o else o for o in options)


def _titles(ids: list[str], scenario: Scenario, lang: Language, actions: bool) -> str:
    found = {x.id: x.title for x in (scenario.actions if actions else scenario.events)}
    return ", ".join(f"'{found[i].get(lang)}'" if i in found else i for i in ids)


def _channel_name(channel_id: str, scenario: Scenario, lang: Language) -> str:
    for channel in scenario.channels:
        if channel.id == channel_id:
            return channel.name.get(lang)
    return channel_id
