"""The numbers of the rules a trainer may tune, each with its documented default."""

from __future__ import annotations

from pydantic import Field

from game.domain import CompetenceStage, GrowthPhase, MunicipalRole
from game.scenario.models.base import ContentModel, SurveyProfile
from game.scenario.models.values import IndicatorDeltas, IndicatorValues, PurposeValues, RoleValues


class Thresholds(ContentModel):
    """What it takes to reach a phase or stage. Every part given must hold.

    Growth phases are held per citizen relation: for a phase, 'interaction' and 'fit_record'
    are the relation's own, the other indicators are the organisation's.
    """

    indicators: IndicatorValues = Field(
        default_factory=IndicatorValues,
        description=(
            "Indicators that must be at least this. For a growth phase, interaction is the "
            "relation's own interaction."
        ),
    )
    fit_record: float | None = Field(
        None,
        ge=0,
        le=100,
        description=(
            "Track record (0–100) of fitting roles, recent choices weighing most; for a growth "
            "phase, the relation's own."
        ),
    )
    stage_at_least: CompetenceStage | None = Field(
        None, description="The competence stage it needs at least."
    )
    channel_record: float | None = Field(
        None,
        ge=0,
        le=100,
        description=(
            "Channel record (0–100): how well the chosen channels served what people came for, "
            "against what the channels at hand could do; recent cards weigh most."
        ),
    )
    roles_mastered: int | None = Field(
        None, ge=0, le=5, description="How many different roles must have been played well."
    )
    roles_required: list[MunicipalRole] | None = Field(
        None,
        description=(
            "Roles that must be among those played well (collaborating: letting go, the mark of "
            "a networking municipality)."
        ),
    )
    phase_at_least: GrowthPhase | None = Field(
        None,
        description=(
            "For a competence stage only: the overall growth phase it needs at least. "
            "Competence grows with the municipality, not ahead of it."
        ),
    )


# Collaborating: technology matched to the need (MODEL.md phase 4).
CHANNEL_RECORD_FOR_COLLABORATING = 85.0


def _phase_defaults() -> dict[str, Thresholds]:
    return {
        GrowthPhase.EXPERIMENTING: Thresholds(
            indicators=IndicatorValues(interaction=25, awareness=30), fit_record=55
        ),
        GrowthPhase.CONVERSING: Thresholds(
            indicators=IndicatorValues(interaction=45, ownership_breadth=40, embedding=35),
            fit_record=65,
            stage_at_least=CompetenceStage.CONSCIOUSLY_COMPETENT,
        ),
        GrowthPhase.COLLABORATING: Thresholds(
            indicators=IndicatorValues(
                interaction=55, ownership_breadth=55, trust=55, community_energy=55
            ),
            fit_record=70,
            stage_at_least=CompetenceStage.UNCONSCIOUSLY_COMPETENT,
            roles_mastered=4,
            roles_required=[MunicipalRole.LETTING_GO],
            channel_record=CHANNEL_RECORD_FOR_COLLABORATING,
        ),
    }


def _stage_defaults() -> dict[str, Thresholds]:
    return {
        CompetenceStage.CONSCIOUSLY_INCOMPETENT: Thresholds(
            indicators=IndicatorValues(awareness=30)
        ),
        CompetenceStage.CONSCIOUSLY_COMPETENT: Thresholds(
            indicators=IndicatorValues(awareness=45, skill=45),
            phase_at_least=GrowthPhase.EXPERIMENTING,
        ),
        CompetenceStage.UNCONSCIOUSLY_COMPETENT: Thresholds(
            indicators=IndicatorValues(skill=62, embedding=45, ownership_breadth=55),
            phase_at_least=GrowthPhase.CONVERSING,
        ),
    }


class PhaseThresholds(ContentModel):
    """What it takes to reach phases 2, 3 and 4 (phase 1 is where everyone starts)."""

    experimenting: Thresholds = Field(
        default_factory=lambda: _phase_defaults()[GrowthPhase.EXPERIMENTING],
        description="To reach phase 2, experimenting.",
    )
    conversing: Thresholds = Field(
        default_factory=lambda: _phase_defaults()[GrowthPhase.CONVERSING],
        description="To reach phase 3, conversing.",
    )
    collaborating: Thresholds = Field(
        default_factory=lambda: _phase_defaults()[GrowthPhase.COLLABORATING],
        description="To reach phase 4, collaborating.",
    )


class StageThresholds(ContentModel):
    """What it takes to reach competence stages 2, 3 and 4."""

    consciously_incompetent: Thresholds = Field(
        default_factory=lambda: _stage_defaults()[CompetenceStage.CONSCIOUSLY_INCOMPETENT],
        description="To see the possibilities (stage 2).",
    )
    consciously_competent: Thresholds = Field(
        default_factory=lambda: _stage_defaults()[CompetenceStage.CONSCIOUSLY_COMPETENT],
        description="To use them (stage 3).",
    )
    unconsciously_competent: Thresholds = Field(
        default_factory=lambda: _stage_defaults()[CompetenceStage.UNCONSCIOUSLY_COMPETENT],
        description="For it to have grown naturally (stage 4).",
    )


class RoleDemand(ContentModel):
    """What a role asks of the organisation before it can be played without risk."""

    readiness: float = Field(..., ge=0, le=100, description="Readiness needed (0–100).")
    weights: IndicatorValues = Field(
        ...,
        description=(
            "How readiness is made up: a weighted average of these indicators (interaction is "
            "the initiative's relation's own)."
        ),
    )
    cost: int = Field(..., ge=0, le=100, description="Hours of capacity the role takes.")
    stumble: float = Field(
        0.15,
        ge=-1,
        le=1,
        description=(
            "What is left of the result (like a fit, −1…1) when the organisation stumbles in "
            "this role. Below 0, a stumble does harm: letting go without trust is neglect."
        ),
    )


def _role_demand_defaults() -> dict[str, RoleDemand]:
    return {
        MunicipalRole.NORMATIVE: RoleDemand(
            readiness=15, weights=IndicatorValues(embedding=60, awareness=40), cost=3
        ),
        MunicipalRole.DIRECTING: RoleDemand(
            readiness=12, weights=IndicatorValues(skill=40, embedding=30, awareness=30), cost=5
        ),
        MunicipalRole.FACILITATING: RoleDemand(
            readiness=32,
            weights=IndicatorValues(skill=45, interaction=35, awareness=20),
            cost=4,
        ),
        MunicipalRole.PARTICIPATING: RoleDemand(
            readiness=40,
            weights=IndicatorValues(skill=40, interaction=40, ownership_breadth=20),
            cost=5,
        ),
        MunicipalRole.LETTING_GO: RoleDemand(
            readiness=50,
            weights=IndicatorValues(trust=55, community_energy=30, ownership_breadth=15),
            cost=1,
            stumble=-0.5,
        ),
    }


class RoleDemands(ContentModel):
    """Per role: readiness needed, how readiness is measured, and its cost in hours."""

    normative: RoleDemand = Field(
        default_factory=lambda: _role_demand_defaults()[MunicipalRole.NORMATIVE],
        description="Setting and enforcing rules asks clear rules: embedding.",
    )
    directing: RoleDemand = Field(
        default_factory=lambda: _role_demand_defaults()[MunicipalRole.DIRECTING],
        description="Leading asks skill and structure, and many hours.",
    )
    facilitating: RoleDemand = Field(
        default_factory=lambda: _role_demand_defaults()[MunicipalRole.FACILITATING],
        description="Supporting others asks skill and dialogue.",
    )
    participating: RoleDemand = Field(
        default_factory=lambda: _role_demand_defaults()[MunicipalRole.PARTICIPATING],
        description="Taking part as an equal asks skill, dialogue and broad ownership.",
    )
    letting_go: RoleDemand = Field(
        default_factory=lambda: _role_demand_defaults()[MunicipalRole.LETTING_GO],
        description="Staying out asks trust and the confidence to do so.",
    )

    def for_role(self, role: MunicipalRole) -> RoleDemand:
        return getattr(self, role.value)


class RelationFit(ContentModel):
    """Role fit (0–100) per citizen relation, for one kind of owner."""

    customer: RoleValues | None = Field(None, description="People as customers.")
    voter: RoleValues | None = Field(None, description="People as voters.")
    subject: RoleValues | None = Field(None, description="People as subjects of enforcement.")
    user: RoleValues | None = Field(None, description="People as users of public space.")
    partner: RoleValues | None = Field(None, description="People as partners in policy.")
    resident: RoleValues | None = Field(None, description="People as residents.")


class RoleFitTable(ContentModel):
    """Overrides of the default role fit (owner × relation → role → 0–100)."""

    municipality: RelationFit | None = Field(None, description="Initiatives of the municipality.")
    community: RelationFit | None = Field(None, description="Initiatives of the community.")


class Gains(ContentModel):
    """How strongly a decision moves the indicators (multipliers of the built-in rules).

    What a role brings scales with how well it fits and how it went, never with which role it is.
    """

    trust: float = Field(5, ge=0, le=50, description="Trust gained (or lost) by role fit.")
    community_energy: float = Field(
        9, ge=0, le=50, description="Community energy gained (or lost) by role fit."
    )
    interaction: float = Field(
        45,
        ge=0,
        le=80,
        description="Interaction in the relation from channels that suit the purposes.",
    )
    learning: float = Field(
        2.5, ge=0, le=20, description="Skill learned by playing a role, times its fit."
    )
    stretch_learning: float = Field(
        3.5,
        ge=0,
        le=20,
        description=(
            "Extra skill from a fitting role (fit at least grow_fit) the organisation was not "
            "ready for yet, times how far it was from ready."
        ),
    )
    ownership: float = Field(
        2.5,
        ge=0,
        le=20,
        description="Ownership breadth from a role that fitted and went well.",
    )
    awareness: float = Field(
        2.0, ge=0, le=20, description="Awareness from working on an initiative online."
    )
    prediction: float = Field(
        1.5,
        ge=0,
        le=20,
        description="Awareness from a prediction that came true: knowing why things work.",
    )
    rework_hours: float = Field(
        6,
        ge=0,
        le=40,
        description=(
            "Hours of repair work the next round after a role that fitted badly (all of them at "
            "fit 0, fewer as the fit nears 0.5, none above), plus half of them after a stumble."
        ),
    )


class Tuning(ContentModel):
    """Numbers of the rules a trainer may tune. Every one has a documented default."""

    start_indicators: IndicatorValues = Field(
        default_factory=lambda: IndicatorValues(
            awareness=15,
            skill=10,
            embedding=5,
            ownership_breadth=10,
            interaction=10,
            trust=45,
            community_energy=35,
        ),
        description="Indicator values used when the scenario's start leaves one out.",
    )
    inertia: float = Field(
        0.45,
        gt=0,
        le=1,
        description="Share of the way an indicator moves to its target each round (1 = at once).",
    )
    hysteresis: float = Field(
        8, ge=0, le=50, description="A phase or stage drops only this far below its threshold."
    )
    max_initiatives_per_round: int = Field(3, ge=1, le=6, description="At most this many a round.")
    fit_record_weight: float = Field(
        0.4,
        gt=0,
        le=1,
        description=(
            "The track record (per relation, 0–100) starts at 50; each decision in the relation "
            "moves it this share of the way towards 100 (a fitting role), 50 (a role that also "
            "fits) or 0 (a role that does not fit): recent choices weigh most."
        ),
    )
    channel_record_weight: float = Field(
        0.25,
        gt=0,
        le=1,
        description=(
            "The channel record (0–100) starts at 50; each card with purposes moves it this share "
            "of the way towards how well its channels served them, against what the channels at "
            "hand could do."
        ),
    )
    fit_record_spread: float = Field(
        0.3,
        ge=0,
        le=1,
        description=(
            "Each round, the track record of a relation without a decision moves this share of "
            "the way towards the mean of all relations: a reputation carries over, slowly."
        ),
    )
    grow_fit: float = Field(
        0.7,
        ge=0,
        le=1,
        description="An initiative grows into its next stage when the role's fit is at least this.",
    )
    phase_majority: float = Field(
        0.5,
        gt=0,
        le=1,
        description=(
            "The overall growth phase is the highest phase that at least this share of the "
            "relations has reached (0.5: half; 1: every relation). Collaborating also needs "
            "every relation to be past discovering."
        ),
    )
    others_platform_bonus: float = Field(
        25,
        ge=0,
        le=100,
        description=(
            "Fit points added to a channel on others' platforms in a relation that is conversing "
            "or further: going where the conversation already is."
        ),
    )
    saturation: float = Field(
        0.6,
        ge=0,
        le=1,
        description=(
            "Diminishing returns: a gain is scaled by 1 − saturation × (where the indicator is "
            "heading)/100, so the last steps to the top take the most effort."
        ),
    )
    max_risk: float = Field(
        0.6,
        ge=0,
        le=1,
        description=(
            "Chance of stumbling in a role when the organisation's readiness is 0; it falls "
            "linearly to 0 at the role's readiness."
        ),
    )
    experience_bonus: float = Field(
        4, ge=0, le=25, description="Readiness gained per earlier success in the same role."
    )
    drift: IndicatorDeltas = Field(
        default_factory=lambda: IndicatorDeltas(
            interaction=-0.5, community_energy=-1.5, trust=-1, awareness=-0.5, skill=-0.5
        ),
        description="Change each round without effort: channels go quiet, energy leaks away.",
    )
    gains: Gains = Field(default_factory=Gains, description="Multipliers of the rules.")
    phases: PhaseThresholds = Field(
        default_factory=PhaseThresholds, description="Thresholds of the growth phases."
    )
    stages: StageThresholds = Field(
        default_factory=StageThresholds, description="Thresholds of the competence stages."
    )
    roles: RoleDemands = Field(
        default_factory=RoleDemands, description="What each role asks of the organisation."
    )
    role_fit: RoleFitTable = Field(
        default_factory=RoleFitTable,
        description="Overrides of the default role fit per owner and relation.",
    )
    channel_fit: dict[SurveyProfile, PurposeValues] = Field(
        default_factory=dict,
        description="Per survey profile (twitter, facebook, linkedin): overrides of its fit.",
    )
