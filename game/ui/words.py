"""Words next to numbers, and the plain-language meanings the screens show.

What a 45 in interaction means depends on the indicator: these bands turn a value into a few
words a group can argue about. All texts go through the UI catalogue (``t``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from game.domain import Bilingual, Indicator, Language, MunicipalRole, OrganisationKind, Prediction
from game.labels import label
from game.sim import Line
from game.sim.effects import number as sim_number
from game.sim.effects import signed

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
            t("mostly sending"),
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
            t("roles often miss"),
            t("roles half fit"),
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


@dataclass(frozen=True, slots=True)
class OrgWords:
    """How the screens name the organisation the team runs, after the scenario's ``kind``.

    ``org`` is the organisation in a sentence ("the police"), ``Org`` the same at its start,
    ``own`` the owner of its own initiatives ("police" in "Initiative of: police"), ``building``
    the node in the middle of the network picture, ``board`` its elected board.
    """

    org: str
    own: str
    building: str
    board: str

    @property
    def Org(self) -> str:
        return self.org[:1].upper() + self.org[1:]


# kind -> language -> (org, own, building, board)
_ORG_WORDS: dict[OrganisationKind, dict[str, tuple[str, str, str, str]]] = {
    OrganisationKind.MUNICIPALITY: {
        "nl": ("de gemeente", "gemeente", "Gemeentehuis", "de gemeenteraad"),
        "en": ("the municipality", "municipality", "Town hall", "the council"),
    },
    OrganisationKind.CITY: {
        "nl": ("de gemeente", "gemeente", "Stadhuis", "de gemeenteraad"),
        "en": ("the city", "city", "City hall", "the city council"),
    },
    OrganisationKind.COUNCIL_CLERK: {
        "nl": ("de griffie", "griffie", "Griffie", "de gemeenteraad"),
        "en": ("the clerk's office", "clerk's office", "Clerk's office", "the council"),
    },
    OrganisationKind.POLICE: {
        "nl": ("de politie", "politie", "Politiebureau", "de regionale driehoek"),
        "en": ("the police", "police", "Police station", "the regional triangle"),
    },
    OrganisationKind.WATER_BOARD: {
        "nl": ("het waterschap", "waterschap", "Waterschapshuis", "het algemeen bestuur"),
        "en": ("the water board", "water board", "Water board office", "the general board"),
    },
    OrganisationKind.PROVINCE: {
        "nl": ("de provincie", "provincie", "Provinciehuis", "Provinciale Staten"),
        "en": ("the province", "province", "Provincial house", "the Provincial Council"),
    },
    OrganisationKind.OTHER: {
        "nl": ("de organisatie", "organisatie", "Organisatie", "het bestuur"),
        "en": ("the organisation", "organisation", "Organisation", "the board"),
    },
}


def org_words(kind: OrganisationKind | None, lang: Language) -> OrgWords:
    """The words for ``kind`` in ``lang``; a municipality's when the kind is not known."""
    table = _ORG_WORDS.get(
        kind or OrganisationKind.MUNICIPALITY, _ORG_WORDS[OrganisationKind.MUNICIPALITY]
    )
    return OrgWords(*table[lang])


def number(value: float, lang: Language, decimals: int = 0) -> str:
    """A number as the language writes it: 60,000 and 2.5 in English, 60.000 and 2,5 in Dutch
    (the core's rule, ``game.sim.effects.number``, so the story and the screens agree)."""
    return sim_number(value, lang, decimals)


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


# Dutch nouns among the organisation words that take "het": an adjective before them has no -e
# ("Lerend waterschap", but "Lerende politie").
_NEUTER_NL = frozenset({"waterschap"})


def score_title(title: Bilingual, kind: OrganisationKind | None, lang: Language) -> str:
    """The end title (``game.sim.score.TITLES``, worded for a municipality) in the
    organisation's own words: "Netwerkende politie", "Griffie in gesprek". A municipality's or
    a city's title stays as it is."""
    text = title.get(lang)
    if kind in (None, OrganisationKind.MUNICIPALITY, OrganisationKind.CITY):
        return text
    own = org_words(kind, lang).own
    word = "gemeente" if lang == "nl" else "municipality"
    if text.startswith(word.capitalize()):
        return own[:1].upper() + own[1:] + text[len(word) :]
    if not text.endswith(" " + word):
        return text
    head = text[: -len(word) - 1]
    if lang == "nl" and own in _NEUTER_NL and head.endswith("e"):
        head = head[:-1]
    return f"{head} {own}"
