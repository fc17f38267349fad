"""Words next to numbers, and the plain-language meanings the screens show.

What a 45 in interaction means depends on the indicator: these bands turn a value into a few
words a group can argue about. All texts go through the UI catalogue (``t``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from game.domain import Indicator, Language, MunicipalRole, Prediction
from game.labels import label
from game.sim import Line
from game.sim.effects import joined, signed
from game.sim.effects import money as sim_money
from game.sim.effects import number as sim_number

Translate = Callable[[str], str]

ROLE_ORDER: tuple[MunicipalRole, ...] = tuple(MunicipalRole)


def role_meaning(role: MunicipalRole, t: Translate) -> str:
    """One line on what the role means for the municipality."""
    return {
        MunicipalRole.NORMATIVE: t("Sets the rules and makes sure they are kept."),
        MunicipalRole.DIRECTING: t("Takes the lead and organises it."),
        MunicipalRole.FACILITATING: t("Helps others: room, materials, advice."),
        MunicipalRole.PARTICIPATING: t("Joins in as one of the partners."),
        MunicipalRole.LETTING_GO: t("Stays out and trusts the community."),
    }[role]


def _band(value: float) -> int:
    return min(4, max(0, int(value // 20)))


def indicator_word(indicator: Indicator | str, value: float, t: Translate) -> str:
    """A few words for a value 0–100 of an indicator or line."""
    bands: dict[str, tuple[str, ...]] = {
        Indicator.INTERACTION: (
            t("just present"),
            t("mostly broadcasting"),
            t("some dialogue"),
            t("real dialogue"),
            t("working together"),
        ),
        Indicator.TRUST: (t("very low"), t("low"), t("fair"), t("good"), t("high")),
        Indicator.COMMUNITY_ENERGY: (
            t("quiet"),
            t("a few sparks"),
            t("active"),
            t("lively"),
            t("buzzing"),
        ),
        Line.INITIATIVE_OWNERSHIP: (
            t("roles rarely fit"),
            t("roles often do not fit"),
            t("roles fit half the time"),
            t("roles mostly fit"),
            t("the right role each time"),
        ),
        Line.ORGANISATION_OWNERSHIP: (
            t("a few enthusiasts"),
            t("a few teams"),
            t("spreading"),
            t("most of the organisation"),
            t("everywhere, naturally"),
        ),
        Indicator.OWNERSHIP_BREADTH: (
            t("a few enthusiasts"),
            t("a few teams"),
            t("spreading"),
            t("most of the organisation"),
            t("everywhere, naturally"),
        ),
    }
    generic = (t("very low"), t("low"), t("middling"), t("high"), t("very high"))
    return bands.get(indicator, generic)[_band(value)]


def line_name(line: Line, t: Translate) -> str:
    return {
        Line.INTERACTION: t("Interaction"),
        Line.INITIATIVE_OWNERSHIP: t("Initiative ownership"),
        Line.ORGANISATION_OWNERSHIP: t("Ownership in the organisation"),
    }[line]


def prediction_name(prediction: Prediction, t: Translate) -> str:
    return {
        Prediction.WELL: t("goes well"),
        Prediction.MIXED: t("mixed"),
        Prediction.BADLY: t("goes badly"),
    }[prediction]


def number(value: float, lang: Language, decimals: int = 0) -> str:
    """A number as the language writes it: 60,000 and 2.5 in English, 60.000 and 2,5 in Dutch
    (the core's rule, ``game.sim.effects.number``, so the story and the screens agree)."""
    return sim_number(value, lang, decimals)


def listed(items: Iterable[str], lang: Language, *, either: bool = False) -> str:
    """Names in a sentence, as the language writes a list: "Twitter, Facebook en de website"
    ("of" with ``either``). A list of names in running text never ends on a bare comma: "Twitter,
    Facebook paste" reads as a mistake and hides that the verb must agree with two."""
    return joined(
        list(items), lang, {"nl": "of", "en": "or"} if either else {"nl": "en", "en": "and"}
    )


def money(thousands: float, lang: Language) -> str:
    """A budget (the game counts in thousands of euros) as the language writes money:
    "€ 20.000" in Dutch, "€20,000" in English (``game.sim.effects.money``)."""
    return sim_money(thousands, lang)


def signed_number(delta: float, lang: Language) -> str:
    """+3 or −0,5: a change as every screen and the story show it (``game.sim.effects.signed``)."""
    return signed(delta, lang)


def shown_progress(value: float, needed: float, lang) -> tuple[str, str]:
    """Where the team stands against a threshold, never rounded up to look reached: 61.7 of
    62 reads "61,7 of 62", not "62 of 62"."""
    needed_shown = number(needed, lang, 0 if float(needed).is_integer() else 1)
    if value < needed and round(value) >= round(needed):
        return number(math.floor(value * 10) / 10, lang, 1), needed_shown
    return number(math.floor(value) if value < needed else round(value), lang), needed_shown


def gap_text(gap, t, lang) -> str:
    """One requirement of the next phase, in words, with where the team stands now.

    Interaction and the track record are a relation's own: the line names the relation.
    """
    requirement, value = gap.requirement, gap.value
    now, needed = shown_progress(value, requirement.value, lang)
    if gap.relation is not None:
        who = label(gap.relation, lang).capitalize()
        if requirement.kind == "fit_record":
            return t("{who}: roles that fit (track record) {now} of {needed}").format(
                who=who, now=now, needed=needed
            )
        return t("{who}: interaction {now} of {needed}").format(who=who, now=now, needed=needed)
    if requirement.kind == "indicator" and requirement.indicator is not None:
        return t("{what}: {now} of {needed}").format(
            what=label(requirement.indicator, lang).capitalize(), now=now, needed=needed
        )
    if requirement.kind == "stage" and requirement.stage is not None:
        return t("Competence: the organisation must be {stage}").format(
            stage=label(requirement.stage, lang)
        )
    return t("Roles played well: {now} of {needed}").format(now=now, needed=needed)
