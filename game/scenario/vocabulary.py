"""What each word of the model's closed sets means, one line per value, for trainers.

Editors show these next to each value while typing and on hover (the JSON Schema's
``enumDescriptions``), and the field reference in docs/scenarios.md lists them: six relations that
all read "the citizen–government relation at stake" teach nothing (issue 20). The words follow
MODEL.md; a test checks that every value of every closed set a scenario uses has its own line.
"""

from __future__ import annotations

from enum import StrEnum
from typing import get_args

from game.domain import (
    CitizenRelation,
    CompetenceStage,
    GrowthPhase,
    Indicator,
    InitiativeOwner,
    InteractionLevel,
    Language,
    MunicipalRole,
    OrganisationKind,
    Purpose,
)
from game.scenario.models import SurveyProfile

MEANINGS: dict[type[StrEnum], dict[str, str]] = {
    CitizenRelation: {
        CitizenRelation.CUSTOMER: (
            "People as customers: they use a service (a permit, an answer, the bins emptied) "
            "and the organisation provides it."
        ),
        CitizenRelation.VOTER: (
            "People as voters: they want a say; the organisation serves local democracy "
            "(the council, elections)."
        ),
        CitizenRelation.SUBJECT: (
            "People as subjects: rules apply to them and the organisation upholds them "
            "(enforcement)."
        ),
        CitizenRelation.USER: (
            "People as users of public space (streets, parks, the market square), which the "
            "organisation manages."
        ),
        CitizenRelation.PARTNER: (
            "People as partners in policy: they make plans together with the organisation, "
            "as equals."
        ),
        CitizenRelation.RESIDENT: (
            "People as residents: they organise their own street or neighbourhood; the "
            "organisation is one of the neighbours."
        ),
    },
    InitiativeOwner: {
        InitiativeOwner.MUNICIPALITY: (
            "The organisation took the initiative itself: it is the initiator, so a regulating "
            "(normative) or directing role tends to fit."
        ),
        InitiativeOwner.COMMUNITY: (
            "Residents, groups or businesses took the initiative: facilitating, participating or "
            "letting go tends to fit."
        ),
    },
    MunicipalRole: {
        MunicipalRole.NORMATIVE: (
            "Regulating: sets rules and upholds them; fits where rules are at stake, whoever "
            "started."
        ),
        MunicipalRole.DIRECTING: (
            "Directing: leads and organises it, and invites residents and partners into its "
            "own plans."
        ),
        MunicipalRole.FACILITATING: (
            "Facilitating: supports what others do (money, knowledge, a room, a permit) without "
            "taking over."
        ),
        MunicipalRole.PARTICIPATING: (
            "Participating: joins what others started as one of the parties; never the fit for the "
            "organisation's own initiative."
        ),
        MunicipalRole.LETTING_GO: (
            "Letting go: stays out and leaves it to the community; works only on trust and the "
            "community's own energy."
        ),
    },
    GrowthPhase: {
        GrowthPhase.DISCOVERING: (
            "Phase 1: a few enthusiasts try online media for their own project; ad hoc, driven by "
            "the trend."
        ),
        GrowthPhase.EXPERIMENTING: (
            "Phase 2: deliberate room to experiment; online customer care (webcare) is often "
            "the first organised process."
        ),
        GrowthPhase.CONVERSING: (
            "Phase 3: online media across the whole organisation; co-creation is normal, and "
            "it goes where the conversation already is."
        ),
        GrowthPhase.COLLABORATING: (
            "Phase 4: the initiative and working together come first, with the fitting role for "
            "every initiative and stage."
        ),
    },
    CompetenceStage: {
        CompetenceStage.UNCONSCIOUSLY_INCOMPETENT: (
            "Stage 1: does not see what online interaction and collaboration could do."
        ),
        CompetenceStage.CONSCIOUSLY_INCOMPETENT: (
            "Stage 2: sees the possibilities, but does not apply them yet."
        ),
        CompetenceStage.CONSCIOUSLY_COMPETENT: "Stage 3: applies them, deliberately.",
        CompetenceStage.UNCONSCIOUSLY_COMPETENT: (
            "Stage 4: interaction and collaboration have become second nature."
        ),
    },
    InteractionLevel: {
        InteractionLevel.PRESENCE: "Presence: the organisation is there (an account, a page).",
        InteractionLevel.SENDING: "Broadcasting: it informs; messages go one way.",
        InteractionLevel.DIALOGUE: "Dialogue: it answers, asks and talks with people.",
        InteractionLevel.COLLABORATION: "Collaboration: people work on something together in it.",
    },
    Purpose: {
        Purpose.ANSWER_QUESTIONS: "Answering residents' questions.",
        Purpose.DISCUSS: "Discussing with residents.",
        Purpose.SPREAD_FACTS: "Sharing facts about the council or the organisation.",
        Purpose.PROMOTE: "Promoting the council or the organisation.",
        Purpose.OPINION_FORMING: "Forming opinions on policy that is still to be set.",
        Purpose.SPREAD_REPORT: "Sharing the report of a meeting.",
        Purpose.LIVE_REPORT: "Reporting live from a meeting.",
        Purpose.SPREAD_AGENDA: "Sharing the agenda of a meeting.",
        Purpose.FOLLOW_MEMBERS: "Following what council members say online (listening).",
        Purpose.FOLLOW_RESIDENTS: "Following what residents say online (listening).",
        Purpose.CRISIS_COMMUNICATION: "Informing and reassuring people during a crisis.",
        Purpose.SERVICE: "Service to residents: requests, permits, reports of what is broken.",
    },
    Indicator: {
        Indicator.AWARENESS: "Awareness: the organisation sees what online interaction can do.",
        Indicator.SKILL: "Skill: its people can do it.",
        Indicator.EMBEDDING: "Embedding: anchored in budget, policy and processes.",
        Indicator.OWNERSHIP_BREADTH: (
            "Ownership breadth: owned across the organisation, not only by its enthusiasts."
        ),
        Indicator.INTERACTION: "Interaction: from presence through broadcasting to dialogue.",
        Indicator.TRUST: "Trust of residents and partners in the organisation.",
        Indicator.COMMUNITY_ENERGY: "Community energy: residents take initiatives themselves.",
    },
    OrganisationKind: {
        OrganisationKind.MUNICIPALITY: "A municipality (gemeente).",
        OrganisationKind.COUNCIL_CLERK: "A council clerk's office (griffie), serving the council.",
        OrganisationKind.CITY: "A large city, with districts of its own.",
        OrganisationKind.POLICE: "The police: a region, a district or a team.",
        OrganisationKind.WATER_BOARD: "A water board (waterschap).",
        OrganisationKind.PROVINCE: "A province.",
        OrganisationKind.OTHER: "Another public organisation.",
    },
}
"""Per closed set, per value: what it means. (Keyed by set: ``municipality`` is an owner and a
kind of organisation, and means something else as each.)"""

LITERAL_MEANINGS: dict[frozenset[str], dict[str, str]] = {
    frozenset(get_args(Language)): {"nl": "Dutch.", "en": "English."},
    frozenset(get_args(SurveyProfile)): {
        "twitter": "Twitter: its fit per purpose from the council clerks' survey of 2014.",
        "facebook": "Facebook: its fit per purpose from the council clerks' survey of 2014.",
        "linkedin": "LinkedIn: its fit per purpose from the council clerks' survey of 2014.",
    },
}
"""Closed sets written as ``Literal`` (no class to hang meanings on), known by their values."""


def meanings(values: list[str], closed_set: type[StrEnum] | None = None) -> list[str] | None:
    """The meaning of each value, in their order; None when the set is not one of the model's."""
    if closed_set is not None:
        known = MEANINGS.get(closed_set, {})
        found = [known.get(value) for value in values]
    else:
        known = LITERAL_MEANINGS.get(frozenset(values), {})
        found = [known.get(value) for value in values]
    if any(meaning is None for meaning in found):
        return None
    return [meaning for meaning in found if meaning is not None]
