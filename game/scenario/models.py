"""Every kind of scenario content, as pydantic models, in one module.

Scenarios are immutable data written by trainers in YAML. The models forbid unknown keys, use
enums for closed sets and describe every field: the descriptions become the JSON Schema that
trainers' editors show while typing. Cross-references between ids are checked in a second pass
(``game.scenario.references``), not here, so that every error of a file can be reported at once.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    RootModel,
    StringConstraints,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from game.domain import (
    LANGUAGES,
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
    Purpose,
)

CONTENT_ID_PATTERN = r"^[a-z][a-z0-9_-]{0,63}$"
ContentId = Annotated[
    str,
    StringConstraints(pattern=CONTENT_ID_PATTERN),
    Field(
        description=(
            "A short name used to refer to this item elsewhere in the file: lower-case letters, "
            "digits, '-' and '_', starting with a letter (e.g. 'storm_2' or 'webcare-team')."
        )
    ),
]


def _relative_inside(path: str) -> str:
    """Assets travel with the scenario's folder: no absolute paths, no way out with '..'.

    Whether the file exists is checked by the cross-reference pass, which knows the folder.
    """
    if not path.isprintable():
        raise ValueError("a file path cannot hold invisible characters")
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path) or "://" in path:
        raise ValueError(
            f"'{path}' must be a path relative to the scenario's folder, e.g. 'images/logo.png'"
        )
    if ".." in re.split(r"[/\\]", path):
        raise ValueError(f"'{path}' leaves the scenario's folder ('..'); keep assets inside it")
    return path


AssetPath = Annotated[
    str,
    Field(
        min_length=1,
        description=(
            "Path of an image or icon, relative to the scenario file's folder "
            "(e.g. 'images/townhall.png'). It must stay inside that folder."
        ),
    ),
    AfterValidator(_relative_inside),
]
SurveyProfile = Literal["twitter", "facebook", "linkedin"]


class ContentModel(BaseModel):
    """Base for all scenario content: unknown keys are errors, and content never changes."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=False, allow_inf_nan=False
    )


# --- Texts -----------------------------------------------------------------------------------


class Translations(ContentModel):
    """A text in each language the scenario ships."""

    nl: str | None = Field(None, min_length=1, description="The Dutch text.")
    en: str | None = Field(None, min_length=1, description="The English text.")

    @model_validator(mode="after")
    def _at_least_one(self) -> Translations:
        if self.nl is None and self.en is None:
            raise ValueError("give the text in at least one language: nl or en")
        return self


def _text_kind(value: Any) -> str | None:
    """Which form of text this is; ``None`` gives one clear error instead of one per form."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict | Translations):
        return "translations"
    return None


class Text(
    RootModel[
        Annotated[
            Annotated[str, Tag("text")] | Annotated[Translations, Tag("translations")],
            Discriminator(
                _text_kind,
                custom_error_type="text_type",
                custom_error_message="Input should be a text or {nl: ..., en: ...}",
            ),
        ]
    ]
):
    """A text: one plain string for every language, or ``{nl: …, en: …}``."""

    def get(self, lang: Language) -> str:
        """The text in ``lang``, falling back to the other language, so a screen is never blank."""
        root = self.root
        if isinstance(root, str):
            return root
        if lang == "nl":
            return root.nl or root.en or ""
        return root.en or root.nl or ""

    def has(self, lang: Language) -> bool:
        """True when the text was written in ``lang`` itself (not a fallback)."""
        root = self.root
        return isinstance(root, str) or getattr(root, lang) is not None

    def pair(self) -> Bilingual:
        """Both languages at once, for effect explanations that are rendered later."""
        return Bilingual(self.get("nl"), self.get("en"))


def text_field(description: str) -> Any:
    """A required text field; one helper so every text field documents the same two forms."""
    return Field(description=f"{description} A string, or {{nl: …, en: …}}.")


# --- Indicator values --------------------------------------------------------------------------


class _ValueMap(ContentModel):
    """A model with one optional number per member of a closed set (indicators, roles…)."""

    _keys: ClassVar[tuple[StrEnum, ...]] = ()
    _items: Any = PrivateAttr(default=None)

    def items(self) -> tuple[tuple[Any, float], ...]:
        """The values that were given, in the set's fixed order (built once: content is frozen)."""
        private = self.__pydantic_private__
        cached = private["_items"]
        if cached is None:
            cached = tuple(
                (key, float(getattr(self, key)))
                for key in self._keys
                if getattr(self, key) is not None
            )
            private["_items"] = cached
        return cached


class _IndicatorMap(_ValueMap):
    _keys: ClassVar[tuple[StrEnum, ...]] = tuple(Indicator)


class IndicatorValues(_IndicatorMap):
    """Values 0–100 for some or all indicators."""

    awareness: float | None = Field(
        None, ge=0, le=100, description="Awareness (0–100): sees what online interaction can do."
    )
    skill: float | None = Field(
        None, ge=0, le=100, description="Skill (0–100): its people can do it."
    )
    embedding: float | None = Field(
        None, ge=0, le=100, description="Embedding (0–100): anchored in budget, policy, processes."
    )
    ownership_breadth: float | None = Field(
        None, ge=0, le=100, description="Ownership breadth (0–100): owned across the organisation."
    )
    interaction: float | None = Field(
        None, ge=0, le=100, description="Interaction (0–100): from presence to dialogue."
    )
    trust: float | None = Field(
        None, ge=0, le=100, description="Trust (0–100) of residents and partners."
    )
    community_energy: float | None = Field(
        None, ge=0, le=100, description="Community energy (0–100): residents take initiative."
    )


class IndicatorDeltas(_IndicatorMap):
    """Changes (−100…+100) to some indicators."""

    awareness: float | None = Field(None, ge=-100, le=100, description="Change to awareness.")
    skill: float | None = Field(None, ge=-100, le=100, description="Change to skill.")
    embedding: float | None = Field(None, ge=-100, le=100, description="Change to embedding.")
    ownership_breadth: float | None = Field(
        None, ge=-100, le=100, description="Change to ownership breadth."
    )
    interaction: float | None = Field(None, ge=-100, le=100, description="Change to interaction.")
    trust: float | None = Field(None, ge=-100, le=100, description="Change to trust.")
    community_energy: float | None = Field(
        None, ge=-100, le=100, description="Change to community energy."
    )


class RoleValues(_ValueMap):
    """A number 0–100 for some or all of the municipality's five roles."""

    _keys: ClassVar[tuple[StrEnum, ...]] = tuple(MunicipalRole)

    normative: float | None = Field(None, ge=0, le=100, description="Normative (sets rules).")
    directing: float | None = Field(None, ge=0, le=100, description="Directing (leads).")
    facilitating: float | None = Field(None, ge=0, le=100, description="Facilitating (supports).")
    participating: float | None = Field(
        None, ge=0, le=100, description="Participating (takes part as one of many)."
    )
    letting_go: float | None = Field(None, ge=0, le=100, description="Letting go (stays out).")


class RoleTexts(ContentModel):
    """A text for some or all of the five roles."""

    normative: Text | None = Field(None, description="When the municipality is normative.")
    directing: Text | None = Field(None, description="When the municipality directs.")
    facilitating: Text | None = Field(None, description="When the municipality facilitates.")
    participating: Text | None = Field(None, description="When the municipality participates.")
    letting_go: Text | None = Field(None, description="When the municipality lets go.")

    def for_role(self, role: MunicipalRole) -> Text | None:
        return getattr(self, role.value)


class PurposeValues(_ValueMap):
    """A number 0–100 per purpose of channel use."""

    _keys: ClassVar[tuple[StrEnum, ...]] = tuple(Purpose)

    answer_questions: float | None = Field(
        None, ge=0, le=100, description="Answer residents' questions."
    )
    discuss: float | None = Field(None, ge=0, le=100, description="Discuss with residents.")
    spread_facts: float | None = Field(
        None, ge=0, le=100, description="Spread facts about the council or municipality."
    )
    promote: float | None = Field(None, ge=0, le=100, description="Promote the council.")
    opinion_forming: float | None = Field(
        None, ge=0, le=100, description="Opinion forming on policy still to be set."
    )
    spread_report: float | None = Field(
        None, ge=0, le=100, description="Spread the report of a meeting."
    )
    live_report: float | None = Field(None, ge=0, le=100, description="Report live from a meeting.")
    spread_agenda: float | None = Field(None, ge=0, le=100, description="Spread the agenda.")
    follow_members: float | None = Field(
        None, ge=0, le=100, description="Follow what council members say online."
    )
    follow_residents: float | None = Field(
        None, ge=0, le=100, description="Follow what residents say online."
    )
    crisis_communication: float | None = Field(
        None, ge=0, le=100, description="Crisis communication."
    )
    service: float | None = Field(None, ge=0, le=100, description="Service to residents.")


# --- Conditions --------------------------------------------------------------------------------


def _as_list(value: Any) -> Any:
    """Let a trainer write one id where a list is expected (``action_done: sponsor``)."""
    return [value] if isinstance(value, str) else value


# One id or a list of ids (``_as_list`` makes it a list); the schema says so, so editors agree.
IdList = Annotated[
    list[str],
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]


class RelationPhases(ContentModel):
    """A growth phase for some or all citizen relations."""

    customer: GrowthPhase | None = Field(None, description="Residents as customers (service).")
    voter: GrowthPhase | None = Field(None, description="Residents as voters (democracy).")
    subject: GrowthPhase | None = Field(None, description="Residents as subjects (enforcement).")
    user: GrowthPhase | None = Field(None, description="Residents as users (public space).")
    partner: GrowthPhase | None = Field(None, description="Residents as partners (policy).")
    resident: GrowthPhase | None = Field(None, description="Residents as residents.")

    def items(self) -> tuple[tuple[CitizenRelation, GrowthPhase], ...]:
        """The phases given, in the fixed order of the relations."""
        return tuple(
            (relation, getattr(self, relation.value))
            for relation in CitizenRelation
            if getattr(self, relation.value) is not None
        )


class Condition(ContentModel):
    """When something may happen. Every part that is given must hold (and); use ``any_of`` for or.

    Conditions are data, never code: the game checks them against the state of the game.
    """

    round_at_least: int | None = Field(None, ge=1, description="From this round on.")
    round_at_most: int | None = Field(None, ge=1, description="Up to and including this round.")
    phase_at_least: GrowthPhase | None = Field(
        None, description="The municipality has reached at least this growth phase."
    )
    phase_below: GrowthPhase | None = Field(
        None, description="The municipality has not yet reached this growth phase."
    )
    stage_at_least: CompetenceStage | None = Field(
        None, description="The organisation has reached at least this competence stage."
    )
    stage_below: CompetenceStage | None = Field(
        None, description="The organisation has not yet reached this competence stage."
    )
    indicator_at_least: IndicatorValues | None = Field(
        None, description="Each indicator given is at least this value."
    )
    indicator_below: IndicatorValues | None = Field(
        None, description="Each indicator given is below this value."
    )
    action_done: IdList | None = Field(
        None, description="These development actions (ids) have all been bought."
    )
    action_not_done: IdList | None = Field(
        None, description="None of these development actions (ids) has been bought."
    )
    event_happened: IdList | None = Field(None, description="These events (ids) have all happened.")
    event_not_happened: IdList | None = Field(
        None, description="None of these events (ids) has happened."
    )
    channel_in_use: IdList | None = Field(None, description="These channels (ids) are all in use.")
    relation_phase_at_least: RelationPhases | None = Field(
        None,
        description=(
            "For each citizen relation given, the organisation has reached at least this growth "
            "phase in that relation (e.g. {customer: experimenting})."
        ),
    )
    any_of: list[Condition] | None = Field(
        None, min_length=1, description="At least one of these conditions holds."
    )

    _as_lists = field_validator(
        "action_done",
        "action_not_done",
        "event_happened",
        "event_not_happened",
        "channel_in_use",
        mode="before",
    )(_as_list)


# --- Organisation, channels, initiatives, actions, events ---------------------------------------


class Organisation(ContentModel):
    """The organisation the players run."""

    name: Text = text_field("Its name, as shown on the dashboard.")
    kind: OrganisationKind = Field(
        OrganisationKind.MUNICIPALITY, description="What kind of organisation it is."
    )
    inhabitants: int = Field(
        ..., ge=100, le=20_000_000, description="Inhabitants of the area it serves."
    )


class RelationStart(ContentModel):
    """Where the organisation starts in one citizen relation."""

    phase: GrowthPhase | None = Field(
        None,
        description=(
            "The growth phase it starts in, in this relation (default: what its starting "
            "indicators support). It holds as long as the phase's thresholds, less the "
            "hysteresis, are met."
        ),
    )
    interaction: float | None = Field(
        None,
        ge=0,
        le=100,
        description="Interaction (0–100) in this relation (default: the indicators' interaction).",
    )


class RelationStarts(ContentModel):
    """A starting position for some or all citizen relations."""

    customer: RelationStart | None = Field(None, description="Residents as customers (service).")
    voter: RelationStart | None = Field(None, description="Residents as voters (democracy).")
    subject: RelationStart | None = Field(None, description="Residents as subjects (enforcement).")
    user: RelationStart | None = Field(None, description="Residents as users (public space).")
    partner: RelationStart | None = Field(None, description="Residents as partners (policy).")
    resident: RelationStart | None = Field(None, description="Residents as residents.")

    def items(self) -> tuple[tuple[CitizenRelation, RelationStart], ...]:
        return tuple(
            (relation, getattr(self, relation.value))
            for relation in CitizenRelation
            if getattr(self, relation.value) is not None
        )


class StartingPosition(ContentModel):
    """Where the game starts: indicators and resources."""

    indicators: IndicatorValues = Field(
        default_factory=IndicatorValues,
        description="Starting indicators; an indicator left out starts at the tuning default.",
    )
    capacity: int = Field(
        24,
        ge=1,
        le=400,
        description="Hours of staff capacity per round (the survey's top barrier).",
    )
    budget: float = Field(20, ge=0, description="Budget in the pot at the start (thousand euro).")
    budget_per_round: float = Field(
        10, ge=0, description="Ad hoc budget added each round (thousand euro); cuts can hit it."
    )
    structural_budget: float = Field(
        0, ge=0, description="Structural budget added each round (thousand euro); safe from cuts."
    )
    relations: RelationStarts = Field(
        default_factory=lambda: RelationStarts(),
        description=(
            "Per citizen relation: the growth phase and interaction it starts with. A relation "
            "left out starts with the indicators' interaction and the phase they support."
        ),
    )


class Channel(ContentModel):
    """A channel the municipality can use: a platform, the website, a meeting, an app."""

    id: ContentId
    name: Text = text_field("Its name.")
    description: Text | None = Field(None, description="What it is, for the players.")
    interaction: InteractionLevel = Field(
        InteractionLevel.SENDING, description="The highest interaction level this channel allows."
    )
    survey_profile: SurveyProfile | None = Field(
        None,
        description=(
            "Take the per-purpose fit from the council clerks' survey (tables 13 and 15) for "
            "'twitter', 'facebook' or 'linkedin'; 'fit' below overrides single purposes."
        ),
    )
    fit: PurposeValues = Field(
        default_factory=PurposeValues,
        description="How well this channel serves each purpose (0–100); left out means 0.",
    )
    cost: int = Field(
        2, ge=0, le=100, description="Hours of capacity per initiative it is used for."
    )
    open_cost: int = Field(
        4, ge=0, le=100, description="One-off hours to open the channel if it is not yet in use."
    )
    audience: float = Field(
        20,
        ge=0,
        le=100,
        description="Starting audience (0–100): how many of the right people it reaches.",
    )
    in_use: bool = Field(
        False, description="True when the organisation already uses it at the start."
    )
    online: bool = Field(
        True,
        description=(
            "False for a channel that is not online (a drop-in evening, a letter): using it "
            "builds dialogue, but not the organisation's awareness of working online."
        ),
    )
    others_platform: bool = Field(
        False,
        description=(
            "True for a platform of others, where the conversation already is (residents' own "
            "groups, a neighbourhood app). In a relation that is conversing or further, going "
            "there counts extra (tuning.others_platform_bonus)."
        ),
    )
    requires: Condition | None = Field(
        None, description="When it can be opened (e.g. after a development action)."
    )
    icon: AssetPath | None = Field(None, description="An icon, relative to the scenario's folder.")


class Unfolding(ContentModel):
    """An initiative's next stage: it comes back, grown or gone sour, depending on the role taken.

    The next stage is an initiative of its own (without 'round' or 'when'), with its own owner,
    relation and fitting role: a residents' idea becomes a running project, then perhaps a
    conflict that needs rules.
    """

    after: int = Field(2, ge=1, le=8, description="How many rounds later the next stage comes.")
    grows: ContentId | None = Field(
        None,
        description=(
            "The initiative (id) it grows into when the role fitted (fit at least "
            "tuning.grow_fit) and the organisation did not stumble."
        ),
    )
    withers: ContentId | None = Field(
        None,
        description=(
            "The initiative (id) that follows when it did not fit or went wrong; leave out when "
            "the initiative then simply ends."
        ),
    )

    @model_validator(mode="after")
    def _somewhere(self) -> Unfolding:
        if self.grows is None and self.withers is None:
            raise ValueError("give 'grows', 'withers' or both: the initiative(s) it unfolds into")
        return self


class Initiative(ContentModel):
    """Something that comes up: the team decides the municipality's role and channels for it."""

    id: ContentId
    title: Text = text_field("A short title.")
    text: Text = text_field("What is going on, told to the players.")
    owner: InitiativeOwner = Field(..., description="Who took the initiative.")
    relation: CitizenRelation = Field(..., description="The citizen–government relation at stake.")
    purposes: list[Purpose] = Field(
        default_factory=list, description="What channels would be used for here."
    )
    round: int | None = Field(
        None,
        ge=1,
        description=(
            "The round it arrives in. Leave out to use 'when' instead, or leave both out for an "
            "initiative that only arrives with an event ('add_initiatives')."
        ),
    )
    when: Condition | None = Field(
        None, description="Arrives in the first round where this holds (and the dice agree)."
    )
    probability: float = Field(
        1.0, ge=0, le=1, description="Chance per eligible round that a conditional one arrives."
    )
    weight: float = Field(
        1.0, ge=0.2, le=3, description="How much it matters: its effects are multiplied by this."
    )
    role_fit: RoleValues | None = Field(
        None,
        description=(
            "How well each role fits (0–100), overriding the default from owner × relation for "
            "the roles given."
        ),
    )
    outcomes: RoleTexts = Field(
        default_factory=RoleTexts,
        description="Per role, what happened and why, in terms of the model.",
    )
    unfolds: Unfolding | None = Field(
        None,
        description=(
            "How this initiative comes back at its next stage, a few rounds later: what grows "
            "when the role fitted, and what follows when it did not."
        ),
    )
    image: AssetPath | None = Field(
        None, description="A picture, relative to the scenario's folder."
    )

    @model_validator(mode="after")
    def _not_both(self) -> Initiative:
        if self.round is not None and self.when is not None:
            raise ValueError("give either 'round' or 'when', not both")
        return self


class Cost(ContentModel):
    """What something costs."""

    capacity: int = Field(0, ge=0, le=400, description="Hours of capacity.")
    budget: float = Field(0, ge=0, description="Budget (thousand euro).")


class ActionEffects(ContentModel):
    """What buying a development action does."""

    indicators: IndicatorDeltas = Field(
        default_factory=IndicatorDeltas,
        description="Pulls on indicators; they move there over the next rounds (inertia).",
    )
    capacity: int = Field(
        0, ge=-200, le=200, description="Hours of capacity per round, from now on."
    )
    budget_per_round: float = Field(0, description="Change to the ad hoc budget per round.")
    structural_budget: float = Field(0, description="Change to the structural budget per round.")
    purpose_bonus: PurposeValues | None = Field(
        None, description="Points added to every channel's fit for these purposes (e.g. webcare)."
    )
    role_readiness: RoleValues | None = Field(
        None, description="Points added to the organisation's readiness for these roles."
    )
    risk_reduction: float = Field(
        0, ge=0, le=1, description="Share by which execution risk of every role drops."
    )
    open_channels: list[str] = Field(
        default_factory=list, description="Channels (ids) that are opened for free."
    )
    relations: list[CitizenRelation] = Field(
        default_factory=list,
        description=(
            "The citizen relations whose interaction the 'interaction' change applies to "
            "(e.g. [customer] for a webcare team); leave out for all of them."
        ),
    )


class DevelopmentAction(ContentModel):
    """An investment in the organisation itself: training, a webcare team, a sponsor…"""

    id: ContentId
    title: Text = text_field("A short title.")
    text: Text = text_field("What it is and why an organisation would do it.")
    cost: Cost = Field(default_factory=Cost, description="What it costs.")
    requires: Condition | None = Field(None, description="When it can be bought.")
    repeatable: bool = Field(False, description="True when it can be bought again in later rounds.")
    max_times: int | None = Field(
        None,
        ge=1,
        le=40,
        description="When repeatable: how often at most (leave out for no limit).",
    )
    effects: ActionEffects = Field(default_factory=ActionEffects, description="What it does.")
    trap: Text | None = Field(
        None,
        description="Say why, when this action is a deliberate trap that a good team leaves alone.",
    )
    icon: AssetPath | None = Field(None, description="An icon, relative to the scenario's folder.")


class ScaleBy(ContentModel):
    """Scale an event's indicator effects by an indicator's value."""

    indicator: Indicator = Field(..., description="The indicator that scales the effect.")
    inverse: bool = Field(
        False,
        description="True: the effect is largest when the indicator is low (×2 at 0, ×0 at 100).",
    )


class EventEffects(ContentModel):
    """What an event does when it happens (at the start of a round)."""

    indicators: IndicatorDeltas = Field(
        default_factory=IndicatorDeltas, description="Immediate changes to indicators."
    )
    budget: float = Field(0, description="One-off change to the budget pot (thousand euro).")
    budget_per_round: float = Field(0, description="Change to the ad hoc budget per round.")
    capacity: int = Field(
        0, ge=-200, le=200, description="Change to capacity per round, from now on."
    )
    capacity_this_round: int = Field(
        0, ge=-200, le=200, description="Change to capacity in this round only."
    )
    add_initiatives: list[str] = Field(
        default_factory=list, description="Initiatives (ids) that arrive with this event."
    )
    scale_by: ScaleBy | None = Field(
        None, description="Scale the indicator changes by an indicator."
    )
    mitigated_by: list[str] = Field(
        default_factory=list,
        description=(
            "Development actions (ids) that prepare for this event: if any was bought, negative "
            "changes shrink by 'mitigation'."
        ),
    )
    mitigation: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Share of a negative change that preparation takes away (0.5 = halved).",
    )
    relations: list[CitizenRelation] = Field(
        default_factory=list,
        description=(
            "The citizen relations whose interaction the 'interaction' change hits (e.g. "
            "[resident] when a community officer leaves); leave out for all of them."
        ),
    )


class Event(ContentModel):
    """News at the start of a round: scripted for a round, or conditional with a probability."""

    id: ContentId
    title: Text = text_field("The headline.")
    text: Text = text_field("The news, told to the players.")
    round: int | None = Field(None, ge=1, description="The round it happens in (scripted).")
    when: Condition | None = Field(
        None, description="It may happen in any round where this holds (conditional)."
    )
    probability: float = Field(
        1.0, ge=0, le=1, description="Chance per eligible round that it happens."
    )
    once: bool = Field(True, description="False when it can happen again in later rounds.")
    effects: EventEffects = Field(default_factory=EventEffects, description="What it does.")
    image: AssetPath | None = Field(
        None, description="A picture, relative to the scenario's folder."
    )

    @model_validator(mode="after")
    def _round_or_when(self) -> Event:
        if self.round is None and self.when is None:
            raise ValueError("give 'round' (the round it happens) or 'when' (a condition)")
        if self.round is not None and self.when is not None:
            raise ValueError("give either 'round' or 'when', not both")
        return self


# --- Tuning -------------------------------------------------------------------------------------


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
            "Track record (0–100): the share of decisions in which a fitting role was chosen, "
            "for a growth phase in that relation."
        ),
    )
    stage_at_least: CompetenceStage | None = Field(
        None, description="The competence stage it needs at least."
    )
    roles_mastered: int | None = Field(
        None, ge=0, le=5, description="How many different roles must have been played well."
    )


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
            fit_record=72,
            stage_at_least=CompetenceStage.UNCONSCIOUSLY_COMPETENT,
            roles_mastered=4,
        ),
    }


def _stage_defaults() -> dict[str, Thresholds]:
    return {
        CompetenceStage.CONSCIOUSLY_INCOMPETENT: Thresholds(
            indicators=IndicatorValues(awareness=30)
        ),
        CompetenceStage.CONSCIOUSLY_COMPETENT: Thresholds(
            indicators=IndicatorValues(awareness=45, skill=45)
        ),
        CompetenceStage.UNCONSCIOUSLY_COMPETENT: Thresholds(
            indicators=IndicatorValues(skill=62, embedding=45, ownership_breadth=55)
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

    customer: RoleValues | None = Field(None, description="Residents as customers.")
    voter: RoleValues | None = Field(None, description="Residents as voters.")
    subject: RoleValues | None = Field(None, description="Residents as subjects of enforcement.")
    user: RoleValues | None = Field(None, description="Residents as users of public space.")
    partner: RoleValues | None = Field(None, description="Residents as partners in policy.")
    resident: RoleValues | None = Field(None, description="Residents as residents.")


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
    fit_record_prior: float = Field(
        2,
        ge=0,
        le=20,
        description=(
            "The track record (per relation) counts fitting decisions as (fitting + prior/2) / "
            "(decisions + prior): it starts at 50 and remembers every decision."
        ),
    )
    grow_fit: float = Field(
        0.7,
        ge=0,
        le=1,
        description="An initiative grows into its next stage when the role's fit is at least this.",
    )
    phase_majority: float = Field(
        1.0,
        gt=0,
        le=1,
        description=(
            "The overall growth phase is the highest phase that at least this share of the "
            "relations has reached (0.66: two thirds; collaborating needs all of them)."
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


class Recommendations(ContentModel):
    """What the debrief recommends when a line is the weakest."""

    interaction: Text | None = Field(None, description="When interaction is the weakest line.")
    initiative_ownership: Text | None = Field(
        None, description="When choosing the fitting role is the weakest line."
    )
    organisation_ownership: Text | None = Field(
        None, description="When ownership inside the organisation is the weakest line."
    )


class Assets(ContentModel):
    """Pictures the scenario brings, by path relative to the scenario file."""

    logo: AssetPath | None = Field(None, description="The organisation's logo.")
    background: AssetPath | None = Field(None, description="A background picture.")


class CouncilAccount(ContentModel):
    """The council's own account (in the survey: on Twitter), ranked in the debrief.

    The council clerks' survey of 2014 scored council accounts by followers, accounts followed and
    messages posted, each per inhabitant (table 14). The game derives the player's three figures
    from play: followers grow with the channel's audience, messages with every initiative the
    channel served, and accounts followed with listening (the two 'follow' purposes) and with the
    development actions listed here.
    """

    channel: ContentId = Field(..., description="The channel (id) that is the council's account.")
    name: Text | None = Field(
        None, description="The account's name in the ranking (default: the organisation's name)."
    )
    followers: int = Field(0, ge=0, description="Followers at the start of the game.")
    following: int = Field(0, ge=0, description="Accounts it follows at the start of the game.")
    tweets: int = Field(0, ge=0, description="Messages it has posted before the game starts.")
    followers_at_full_audience: float = Field(
        3.0,
        gt=0,
        le=100,
        description=(
            "Followers as % of inhabitants gained when the channel's audience grows from where it "
            "starts to 100. The survey's best accounts have 1.2–2.5%."
        ),
    )
    tweets_per_purpose: int = Field(
        30,
        ge=0,
        le=10_000,
        description="Messages posted for each purpose of an initiative the channel is used for.",
    )
    following_per_listen: int = Field(
        15,
        ge=0,
        le=10_000,
        description=(
            "Accounts followed each time the channel is used for an initiative that follows "
            "council members or residents."
        ),
    )
    follow_actions: dict[ContentId, Annotated[int, Field(ge=0, le=100_000)]] = Field(
        default_factory=dict,
        description=(
            "Development actions (ids) with the number of accounts the council account starts "
            "following when one is bought (e.g. monitoring: 40)."
        ),
    )


# --- Workshop lengths ---------------------------------------------------------------------------


class LengthPlan(ContentModel):
    """What a shorter game keeps of the scenario: which rounds it plays, which initiatives come.

    Leave out what the game should choose itself: rounds spread evenly over the scenario, and per
    kept round one initiative (short) or two (standard), chosen so every relation comes up.
    """

    rounds: list[Annotated[int, Field(ge=1, le=40)]] | None = Field(
        None,
        min_length=1,
        description=(
            "The rounds of the full game it plays, in order (e.g. [1, 2, 4, 6, 8]); they are "
            "numbered 1, 2, 3… in the shorter game. News of a round left out comes in the next "
            "round played."
        ),
    )
    initiatives: list[ContentId] | None = Field(
        None,
        min_length=1,
        description=(
            "The initiatives (ids) it keeps of those that come in a given round ('round'); one "
            "whose round is left out comes in the next round played. Their next stages, and "
            "initiatives that come with news or conditions, are kept with them."
        ),
    )


class Lengths(ContentModel):
    """Shorter games a workshop can choose at New game, next to the whole scenario."""

    short: LengthPlan | None = Field(None, description="The short game (about 45 minutes of play).")
    standard: LengthPlan | None = Field(
        None, description="The standard game (about 75 minutes of play)."
    )


# --- The scenario -------------------------------------------------------------------------------


class Scenario(ContentModel):
    """A whole scenario: an organisation, its channels, what comes up round by round."""

    id: ContentId
    version: str = Field(
        "1.0",
        pattern=r"^\d+(\.\d+){0,2}$",
        description="Version of this scenario (e.g. '1.2'); saves remember it.",
    )
    title: Text = text_field("The scenario's title.")
    description: Text = text_field("One paragraph for the scenario list.")
    author: str | None = Field(None, description="Who wrote it.")
    languages: list[Language] = Field(
        default_factory=lambda: list(LANGUAGES),
        min_length=1,
        description="The languages its texts are written in: nl, en or both.",
    )
    organisation: Organisation = Field(..., description="The organisation the players run.")
    rounds: int = Field(12, ge=1, le=40, description="How many rounds (usually quarters) it lasts.")
    round_name: Text | None = Field(
        None, description="What one round is called, e.g. {nl: kwartaal, en: quarter}."
    )
    briefing: Text = text_field("The starting situation, told to the players before round 1.")
    start: StartingPosition = Field(
        default_factory=StartingPosition, description="Starting indicators and resources."
    )
    channels: list[Channel] = Field(
        default_factory=list, description="The channels the organisation has or can open."
    )
    initiatives: list[Initiative] = Field(
        ..., min_length=1, description="What comes up, round by round."
    )
    actions: list[DevelopmentAction] = Field(
        default_factory=list, description="Development actions on offer."
    )
    events: list[Event] = Field(default_factory=list, description="News, scripted or conditional.")
    tuning: Tuning = Field(default_factory=Tuning, description="Numbers of the rules.")
    recommendations: Recommendations = Field(
        default_factory=Recommendations, description="Debrief advice per weakest line."
    )
    assets: Assets = Field(default_factory=Assets, description="Pictures it brings.")
    lengths: Lengths = Field(
        default_factory=Lengths,
        description=(
            "Optional: what a short and a standard game keep (rounds, initiatives); without "
            "it the game chooses a sensible selection itself."
        ),
    )
    council_account: CouncilAccount | None = Field(
        None,
        description=(
            "Optional: the council's own account, ranked at the end against the survey's ten "
            "best council accounts (followers, following and messages per inhabitant)."
        ),
    )

    # Derived lookups, built on first use by game.sim.rules; content is frozen, so never stale.
    _compiled: Any = PrivateAttr(default=None)
    _lookup: Any = PrivateAttr(default=None)

    def initiative(self, initiative_id: str) -> Initiative:
        return self._tables()[0][initiative_id]

    def action(self, action_id: str) -> DevelopmentAction:
        return self._tables()[1][action_id]

    def event(self, event_id: str) -> Event:
        return self._tables()[2][event_id]

    def channel(self, channel_id: str) -> Channel:
        return self._tables()[3][channel_id]

    def _tables(self) -> Any:
        """Id lookups, built once: content is frozen, so they never go stale."""
        if self._lookup is None:
            self._lookup = (
                {i.id: i for i in self.initiatives},
                {a.id: a for a in self.actions},
                {e.id: e for e in self.events},
                {c.id: c for c in self.channels},
            )
        return self._lookup
