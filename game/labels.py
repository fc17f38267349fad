"""Names of the model's terms in Dutch and English, shared by explanations, UI and debrief.

Also the words for the organisation itself, after the scenario's ``kind``: a water board's
team must never end as a "Lerende gemeente". They live here, outside the UI, because the
results files, the exported report and ``autoplay`` need them as much as the screens do.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from game.domain import (
    Bilingual,
    CitizenRelation,
    CompetenceStage,
    GrowthPhase,
    Indicator,
    InitiativeOwner,
    InteractionLevel,
    Language,
    MunicipalRole,
    OrganisationKind,
    Prediction,
    Purpose,
)

# (Dutch, English) per term.
_LABELS: dict[StrEnum, tuple[str, str]] = {
    GrowthPhase.DISCOVERING: ("ontdekken", "discovering"),
    GrowthPhase.EXPERIMENTING: ("experimenteren", "experimenting"),
    GrowthPhase.CONVERSING: ("converseren", "conversing"),
    GrowthPhase.COLLABORATING: ("samenwerken", "collaborating"),
    CompetenceStage.UNCONSCIOUSLY_INCOMPETENT: ("onbewust onbekwaam", "unconsciously incompetent"),
    CompetenceStage.CONSCIOUSLY_INCOMPETENT: ("bewust onbekwaam", "consciously incompetent"),
    CompetenceStage.CONSCIOUSLY_COMPETENT: ("bewust bekwaam", "consciously competent"),
    CompetenceStage.UNCONSCIOUSLY_COMPETENT: ("onbewust bekwaam", "unconsciously competent"),
    MunicipalRole.NORMATIVE: ("normerend", "regulating"),
    MunicipalRole.DIRECTING: ("regisserend", "directing"),
    MunicipalRole.FACILITATING: ("faciliterend", "facilitating"),
    MunicipalRole.PARTICIPATING: ("deelnemend", "participating"),
    MunicipalRole.LETTING_GO: ("loslatend", "letting go"),
    InitiativeOwner.MUNICIPALITY: ("gemeente", "municipality"),
    InitiativeOwner.COMMUNITY: ("gemeenschap", "community"),
    CitizenRelation.CUSTOMER: ("klant", "customer"),
    CitizenRelation.VOTER: ("kiezer", "voter"),
    CitizenRelation.SUBJECT: ("onderdaan", "subject"),
    CitizenRelation.USER: ("gebruiker", "user"),
    CitizenRelation.PARTNER: ("partner", "partner"),
    CitizenRelation.RESIDENT: ("bewoner", "resident"),
    InteractionLevel.PRESENCE: ("aanwezigheid", "presence"),
    InteractionLevel.SENDING: ("zenden", "broadcasting"),
    InteractionLevel.DIALOGUE: ("dialoog", "dialogue"),
    InteractionLevel.COLLABORATION: ("samenwerking", "collaboration"),
    Purpose.ANSWER_QUESTIONS: ("vragen beantwoorden", "answering questions"),
    Purpose.DISCUSS: ("in gesprek gaan", "discussing"),
    Purpose.SPREAD_FACTS: ("feitjes en weetjes delen", "sharing facts"),
    Purpose.PROMOTE: ("promoten", "promoting"),
    Purpose.OPINION_FORMING: ("meningsvorming over beleid", "shaping opinion on policy"),
    Purpose.SPREAD_REPORT: ("verslag delen", "sharing the report"),
    Purpose.LIVE_REPORT: ("live verslag doen", "live reporting"),
    Purpose.SPREAD_AGENDA: ("agenda delen", "sharing the agenda"),
    Purpose.FOLLOW_MEMBERS: ("raadsleden volgen", "following council members"),
    Purpose.FOLLOW_RESIDENTS: ("inwoners volgen", "following residents"),
    Purpose.CRISIS_COMMUNICATION: ("crisiscommunicatie", "crisis communication"),
    Purpose.SERVICE: ("dienstverlening", "service"),
    Prediction.WELL: ("goed", "well"),
    Prediction.MIXED: ("wisselend", "mixed"),
    Prediction.BADLY: ("slecht", "badly"),
    Indicator.AWARENESS: ("bewustzijn", "awareness"),
    Indicator.SKILL: ("vaardigheid", "skill"),
    Indicator.EMBEDDING: ("verankering", "embedding"),
    Indicator.OWNERSHIP_BREADTH: ("breed eigenaarschap", "ownership breadth"),
    Indicator.INTERACTION: ("interactie", "interaction"),
    Indicator.TRUST: ("vertrouwen", "trust"),
    Indicator.COMMUNITY_ENERGY: ("energie in de gemeenschap", "community energy"),
}


def label(term: StrEnum, lang: Language) -> str:
    """The name of a model term in ``lang``; unknown terms fall back to their id."""
    pair = _LABELS.get(term)
    if pair is None:
        return str(term)
    return pair[0] if lang == "nl" else pair[1]


@dataclass(frozen=True, slots=True)
class OrgWords:
    """How the game names the organisation the team runs, after the scenario's ``kind``.

    ``org`` is the organisation in a sentence ("the police"), ``Org`` the same at its start,
    ``own`` the owner of its own initiatives ("police" in "Initiative of: police"), ``building``
    the node in the middle of the network picture, ``board`` its elected board.
    """

    org: str
    own: str
    building: str
    board: str
    # Who upholds the rules people as subjects keep, when not the organisation itself: a
    # clerk's office has no power to enforce; the council's chair (the mayor) has (issue 21).
    upholder: str = ""

    @property
    def Org(self) -> str:
        return self.org[:1].upper() + self.org[1:]

    @property
    def enforcer(self) -> str:
        return self.upholder or self.org


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


_UPHOLDERS: dict[OrganisationKind, dict[str, str]] = {
    OrganisationKind.COUNCIL_CLERK: {
        "nl": "de voorzitter van de raad",
        "en": "the council's chair",
    },
}


def org_words(kind: OrganisationKind | None, lang: Language) -> OrgWords:
    """The words for ``kind`` in ``lang``; a municipality's when the kind is not known."""
    table = _ORG_WORDS.get(
        kind or OrganisationKind.MUNICIPALITY, _ORG_WORDS[OrganisationKind.MUNICIPALITY]
    )
    upholder = _UPHOLDERS.get(kind or OrganisationKind.MUNICIPALITY, {}).get(lang, "")
    return OrgWords(*table[lang], upholder=upholder)


def owner_label(owner: InitiativeOwner, kind: OrganisationKind | None, lang: Language) -> str:
    """Who took an initiative, in the organisation's own word: "waterschap", not "gemeente"
    (``owner: municipality`` in a scenario means the organisation whose game it is)."""
    if owner is InitiativeOwner.MUNICIPALITY:
        return org_words(kind, lang).own
    return label(owner, lang)


# Dutch nouns among the organisation words that take "het": an adjective before them has no -e
# ("Lerend waterschap", but "Lerende politie").
_NEUTER_NL = frozenset({"waterschap"})


def score_title(title: Bilingual, kind: OrganisationKind | None, lang: Language) -> str:
    """The end title (``game.sim.score.TITLES``, worded for a municipality) in the
    organisation's own words: "Netwerkende politie", "Griffie in gesprek". A municipality's or
    a city's title stays as it is; a title already in the organisation's words too."""
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


def kind_title(title: Bilingual, kind: OrganisationKind | None) -> Bilingual:
    """``score_title`` in both languages, for what keeps the title: a results file, JSON."""
    return Bilingual(score_title(title, kind, "nl"), score_title(title, kind, "en"))
