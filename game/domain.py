"""The vocabulary of the model the game teaches (see MODEL.md), shared by content, core and UI.

Closed sets are ``StrEnum`` so they read as plain strings in YAML, JSON and saves, and hash as
fast as strings in the simulation's hot loop.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, NamedTuple

# The bots' strategies by name, re-exported: they live apart so --help lists them cheaply.
from game.strategy_names import GROUPS as GROUPS
from game.strategy_names import HEURISTICS as HEURISTICS
from game.strategy_names import ROLE_STRATEGIES as ROLE_STRATEGIES
from game.strategy_names import STRATEGIES as STRATEGIES

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")


class Bilingual(NamedTuple):
    """A text in both languages, resolved from scenario content so it can travel on its own."""

    nl: str
    en: str

    def get(self, lang: Language) -> str:
        return self.nl if lang == "nl" else self.en


class GrowthPhase(StrEnum):
    """The municipality's four growth phases, from a few enthusiasts to a networking one."""

    DISCOVERING = "discovering"
    EXPERIMENTING = "experimenting"
    CONVERSING = "conversing"
    COLLABORATING = "collaborating"

    @property
    def level(self) -> int:
        """1 for discovering … 4 for collaborating."""
        return _PHASE_LEVEL[self]

    @classmethod
    def from_level(cls, level: int) -> GrowthPhase:
        return _PHASES[max(1, min(4, level)) - 1]


class CompetenceStage(StrEnum):
    """How far online interaction and collaboration have landed in the organisation's people."""

    UNCONSCIOUSLY_INCOMPETENT = "unconsciously_incompetent"
    CONSCIOUSLY_INCOMPETENT = "consciously_incompetent"
    CONSCIOUSLY_COMPETENT = "consciously_competent"
    UNCONSCIOUSLY_COMPETENT = "unconsciously_competent"

    @property
    def level(self) -> int:
        return _STAGE_LEVEL[self]

    @property
    def conscious(self) -> bool:
        """The middle two stages are the conscious ones (the 2×2 on the dashboard)."""
        return self in (
            CompetenceStage.CONSCIOUSLY_INCOMPETENT,
            CompetenceStage.CONSCIOUSLY_COMPETENT,
        )

    @property
    def competent(self) -> bool:
        return self.level >= 3

    @classmethod
    def from_level(cls, level: int) -> CompetenceStage:
        return _STAGES[max(1, min(4, level)) - 1]


class MunicipalRole(StrEnum):
    """The role the municipality takes towards an initiative (government participation)."""

    NORMATIVE = "normative"
    DIRECTING = "directing"
    FACILITATING = "facilitating"
    PARTICIPATING = "participating"
    LETTING_GO = "letting_go"


class InitiativeOwner(StrEnum):
    """Who took the initiative: this decides which roles fit."""

    MUNICIPALITY = "municipality"
    COMMUNITY = "community"


class CitizenRelation(StrEnum):
    """The citizen–government relation at stake (Hiemstra 2003, plus resident)."""

    CUSTOMER = "customer"
    VOTER = "voter"
    SUBJECT = "subject"
    USER = "user"
    PARTNER = "partner"
    RESIDENT = "resident"


RELATIONS: tuple[CitizenRelation, ...] = tuple(CitizenRelation)


class Prediction(StrEnum):
    """What the team expects a decision to do, said before it sees the outcome.

    Knowing why a choice works is the step from unconscious to conscious (MODEL.md §7.8), so a
    prediction is part of the decision: saved, replayed and judged against what happened.
    """

    WELL = "well"
    MIXED = "mixed"
    BADLY = "badly"


class InteractionLevel(StrEnum):
    """How far a channel lets the municipality interact, from presence to collaboration."""

    PRESENCE = "presence"
    SENDING = "sending"
    DIALOGUE = "dialogue"
    COLLABORATION = "collaboration"

    @property
    def level(self) -> int:
        return _INTERACTION_LEVEL[self]


class Purpose(StrEnum):
    """Why a channel is used: the ten purposes of the clerks' survey plus crisis and service."""

    ANSWER_QUESTIONS = "answer_questions"
    DISCUSS = "discuss"
    SPREAD_FACTS = "spread_facts"
    PROMOTE = "promote"
    OPINION_FORMING = "opinion_forming"
    SPREAD_REPORT = "spread_report"
    LIVE_REPORT = "live_report"
    SPREAD_AGENDA = "spread_agenda"
    FOLLOW_MEMBERS = "follow_members"
    FOLLOW_RESIDENTS = "follow_residents"
    CRISIS_COMMUNICATION = "crisis_communication"
    SERVICE = "service"


class Indicator(StrEnum):
    """The simulation's indicators, each 0–100."""

    AWARENESS = "awareness"
    SKILL = "skill"
    EMBEDDING = "embedding"
    OWNERSHIP_BREADTH = "ownership_breadth"
    INTERACTION = "interaction"
    TRUST = "trust"
    COMMUNITY_ENERGY = "community_energy"


class OrganisationKind(StrEnum):
    """What kind of organisation a scenario is about (for the scenario list and the debrief)."""

    MUNICIPALITY = "municipality"
    COUNCIL_CLERK = "council_clerk"
    CITY = "city"
    POLICE = "police"
    WATER_BOARD = "water_board"
    PROVINCE = "province"
    OTHER = "other"


class GameLength(StrEnum):
    """How much of a scenario a workshop plays: a short game, a standard one, or all of it.

    A short or standard game is derived from the scenario's data (``game.scenario.shorter``),
    so the same scenario, seed and length always give the same game.
    """

    SHORT = "short"
    STANDARD = "standard"
    FULL = "full"


_PHASES = tuple(GrowthPhase)
_PHASE_LEVEL = {p: i + 1 for i, p in enumerate(_PHASES)}
_STAGES = tuple(CompetenceStage)
_STAGE_LEVEL = {s: i + 1 for i, s in enumerate(_STAGES)}
_INTERACTION_LEVEL = {lvl: i + 1 for i, lvl in enumerate(InteractionLevel)}
