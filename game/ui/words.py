"""Words next to numbers, and the plain-language meanings the screens show.

What a 45 in interaction means depends on the indicator: these bands turn a value into a few
words a group can argue about. All texts go through the UI catalogue (``t``).
"""

from __future__ import annotations

from collections.abc import Callable

from game.domain import Indicator, MunicipalRole, Prediction
from game.sim import Line

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


def builtin_recommendation(line: Line, t: Translate) -> str:
    """Debrief advice when the scenario brings none for its weakest line."""
    return {
        Line.INTERACTION: t(
            "Interaction stayed behind. Use channels where residents already are, and go "
            "from sending to answering and talking: webcare, a neighbourhood app, drop-in "
            "evenings. Feed the channels every round, or they go quiet."
        ),
        Line.INITIATIVE_OWNERSHIP: t(
            "The chosen roles often did not fit who took the initiative. Before deciding, ask "
            "two questions: whose initiative is this, and how do residents meet us here — as "
            "customer, voter, subject, user, partner or resident? Community initiatives mostly "
            "ask for facilitating, taking part or letting go."
        ),
        Line.ORGANISATION_OWNERSHIP: t(
            "Ownership stayed with a few enthusiasts. Invest in the organisation itself: a start "
            "memo with the management team, a sponsor, training, guidelines and structural "
            "budget, so that process owners and middle management carry it."
        ),
    }[line]
