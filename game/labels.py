"""Names of the model's terms in Dutch and English, shared by explanations, UI and debrief."""

from __future__ import annotations

from enum import StrEnum

from game.domain import (
    CitizenRelation,
    CompetenceStage,
    GrowthPhase,
    Indicator,
    InitiativeOwner,
    InteractionLevel,
    Language,
    MunicipalRole,
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
    MunicipalRole.NORMATIVE: ("normerend", "normative"),
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
    InteractionLevel.PRESENCE: ("aanwezig zijn", "presence"),
    InteractionLevel.SENDING: ("zenden", "sending"),
    InteractionLevel.DIALOGUE: ("dialoog", "dialogue"),
    InteractionLevel.COLLABORATION: ("samenwerking", "collaboration"),
    Purpose.ANSWER_QUESTIONS: ("vragen beantwoorden", "answering questions"),
    Purpose.DISCUSS: ("in gesprek gaan", "discussing"),
    Purpose.SPREAD_FACTS: ("feiten en weetjes delen", "sharing facts"),
    Purpose.PROMOTE: ("promoten", "promoting"),
    Purpose.OPINION_FORMING: ("meningsvorming over beleid", "shaping opinion on policy"),
    Purpose.SPREAD_REPORT: ("verslag delen", "sharing the report"),
    Purpose.LIVE_REPORT: ("live verslag", "live reporting"),
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
