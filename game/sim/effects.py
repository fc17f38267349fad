"""Explained effects: every change the core makes carries a reason that points back at the model.

An effect stores a template key and its parameters, not finished sentences: the text is rendered
in Dutch or English only when someone reads it. That keeps thousands of bot games per second
cheap, while the UI and the debrief still get a full explanation in either language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

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
    Purpose,
)
from game.labels import label

ParamValue = str | int | float | StrEnum | Bilingual | tuple[Any, ...]

# key -> (Dutch, English). Parameters in {braces}; {delta} is the signed change.
TEMPLATES: dict[str, tuple[str, str]] = {
    # Initiatives: role fit
    "role_fit_trust": (
        "{title}: bij {owner} met inwoners als {relation} past de rol '{best}' het best; "
        "jullie kozen '{role}' (past voor {fit}%). Vertrouwen {delta}.",
        "{title}: for {owner} with residents as {relation}, the {best} role fits best; you "
        "chose {role} ({fit}% fit). Trust {delta}.",
    ),
    "role_fit_energy_up": (
        "{title}: de rol '{role}' liet het eigenaarschap waar het hoort. "
        "Energie in de gemeenschap {delta}.",
        "{title}: the {role} role left ownership where it belongs. Community energy {delta}.",
    ),
    "role_fit_energy_down": (
        "{title}: de rol '{role}' paste niet bij {owner}; dat kost de gemeenschap energie. "
        "Energie in de gemeenschap {delta}.",
        "{title}: the {role} role did not suit {owner}; that drains the community. "
        "Community energy {delta}.",
    ),
    "role_stumble_energy": (
        "{title}: de rol '{role}' was een goede keuze, maar de organisatie struikelde erin; "
        "ook dat kost de gemeenschap energie. Energie in de gemeenschap {delta}.",
        "{title}: {role} was a sound choice, but the organisation stumbled in it; that too "
        "drains the community. Community energy {delta}.",
    ),
    "execution_stumbled": (
        "{title}: de organisatie was nog niet toe aan de rol '{role}' (gereedheid {readiness} "
        "van de {demand} nodig) en struikelde. Het effect viel grotendeels weg.",
        "{title}: the organisation was not yet ready for the {role} role (readiness "
        "{readiness} of the {demand} it needs) and stumbled. Most of the effect was lost.",
    ),
    "learning_by_doing": (
        "{title}: door de rol '{role}' te spelen leerde de organisatie bij. Vaardigheid {delta}.",
        "{title}: playing the {role} role taught the organisation. Skill {delta}.",
    ),
    "learning_stretch": (
        "{title}: voor de rol '{role}' was de organisatie nog niet klaar; juist daarvan leert "
        "ze het meest. Vaardigheid {delta}.",
        "{title}: the organisation was not ready for the {role} role yet; that is exactly "
        "what teaches most. Skill {delta}.",
    ),
    "ownership_spreads": (
        "{title}: meer collega's raakten betrokken doordat jullie {role} optraden. "
        "Breed eigenaarschap {delta}.",
        "{title}: more colleagues got involved because your role was {role}. "
        "Ownership breadth {delta}.",
    ),
    "channels_interaction": (
        "{title}: via {channels} werden de doelen ({purposes}) voor {cfit}% gediend, op het "
        "niveau '{level}'. Interactie {delta}.",
        "{title}: through {channels}, the purposes ({purposes}) were served at {cfit}%, at the "
        "'{level}' level. Interaction {delta}.",
    ),
    "channels_trust": (
        "{title}: wie iets wilde weten of zeggen, vond jullie via {where}. Vertrouwen {delta}.",
        "{title}: people who wanted to know or say something found you on {where}. Trust {delta}.",
    ),
    "no_channel": (
        "{title}: geen kanaal ingezet voor {purposes}; wie hierover wilde meepraten, hoorde "
        "niets. Interactie {delta}.",
        "{title}: no channel used for {purposes}; those who wanted to take part heard nothing. "
        "Interaction {delta}.",
    ),
    "awareness_online": (
        "{title}: online zichtbaar werken maakt de organisatie bewust van kansen en risico's. "
        "Bewustzijn {delta}.",
        "{title}: working visibly online makes the organisation aware of chances and risks. "
        "Awareness {delta}.",
    ),
    "channel_opened": (
        "Kanaal geopend: {channel}. Het heeft nu een eigen publiek.",
        "Channel opened: {channel}. It now has an audience of its own.",
    ),
    # Development actions
    "action_indicator": (
        "‘{action}’: {indicator} {delta} (werkt in de komende rondes door).",
        "‘{action}’: {indicator} {delta} (takes effect over the coming rounds).",
    ),
    "action_capacity": (
        "‘{action}’: capaciteit {delta} uur per ronde.",
        "‘{action}’: capacity {delta} hours per round.",
    ),
    "action_budget_per_round": (
        "‘{action}’: ad-hocbudget {delta} per ronde.",
        "‘{action}’: ad hoc budget {delta} per round.",
    ),
    "action_structural_budget": (
        "‘{action}’: structureel budget {delta} per ronde; bezuinigingen raken dit niet.",
        "‘{action}’: structural budget {delta} per round; cuts do not touch it.",
    ),
    "action_purpose_bonus": (
        "‘{action}’: kanalen werken beter voor {purposes}.",
        "‘{action}’: channels work better for {purposes}.",
    ),
    "action_role_readiness": (
        "‘{action}’: de organisatie is beter toegerust voor de rol(len) {roles}.",
        "‘{action}’: the organisation is better equipped for the role(s) {roles}.",
    ),
    "action_risk": (
        "‘{action}’: minder kans om te struikelen in een nieuwe rol.",
        "‘{action}’: less chance of stumbling in a new role.",
    ),
    # Events
    "event_indicator": (
        "‘{event}’: {indicator} {delta}.",
        "‘{event}’: {indicator} {delta}.",
    ),
    "event_indicator_mitigated": (
        "‘{event}’: {indicator} {delta}, verzacht door ‘{actions}’.",
        "‘{event}’: {indicator} {delta}, softened by ‘{actions}’.",
    ),
    "event_indicator_scaled": (
        "‘{event}’: {indicator} {delta}; hoe lager {scale}, hoe harder dit aankomt.",
        "‘{event}’: {indicator} {delta}; the lower {scale}, the harder this hits.",
    ),
    "event_budget": (
        "‘{event}’: budget {delta} (eenmalig).",
        "‘{event}’: budget {delta} (one-off).",
    ),
    "event_budget_per_round": (
        "‘{event}’: ad-hocbudget {delta} per ronde; structureel budget blijft.",
        "‘{event}’: ad hoc budget {delta} per round; structural budget stays.",
    ),
    "event_capacity": (
        "‘{event}’: capaciteit {delta} uur per ronde.",
        "‘{event}’: capacity {delta} hours per round.",
    ),
    "event_capacity_this_round": (
        "‘{event}’: deze ronde {delta} uur capaciteit.",
        "‘{event}’: {delta} hours of capacity this round.",
    ),
    "event_initiative": (
        "‘{event}’: er ligt een nieuw initiatief op tafel: {initiative}.",
        "‘{event}’: a new initiative is on the table: {initiative}.",
    ),
    # Drift
    "drift_interaction": (
        "Kanalen die niet gevoed worden, vallen stil. Interactie {delta}.",
        "Channels that are not fed go quiet. Interaction {delta}.",
    ),
    "drift_community_energy": (
        "Zonder steun lekt energie uit de gemeenschap weg. Energie in de gemeenschap {delta}.",
        "Without support, energy leaks out of the community. Community energy {delta}.",
    ),
    "drift_awareness": (
        "Wat niet op de agenda blijft, zakt weg. Bewustzijn {delta}.",
        "What stays off the agenda fades. Awareness {delta}.",
    ),
    "drift_skill": (
        "Vaardigheden die niet gebruikt worden, roesten. Vaardigheid {delta}.",
        "Skills that go unused get rusty. Skill {delta}.",
    ),
    "drift_trust": (
        "Vertrouwen moet steeds opnieuw verdiend worden. Vertrouwen {delta}.",
        "Trust has to be earned again and again. Trust {delta}.",
    ),
    "drift_other": (
        "Zonder aandacht verandert {indicator}: {delta}.",
        "Without attention, {indicator} changes: {delta}.",
    ),
    # Phases and stages
    "phase_up": (
        "Jullie organisatie groeit naar een nieuwe fase: {phase}. {why}",
        "Your organisation grows into a new phase: {phase}. {why}",
    ),
    "phase_down": (
        "Jullie organisatie valt terug naar de fase {phase}: {why}",
        "Your organisation falls back to the phase {phase}: {why}",
    ),
    "stage_up": (
        "De organisatie is nu {stage}.",
        "The organisation is now {stage}.",
    ),
    "stage_down": (
        "De organisatie zakt terug naar {stage}: {why}",
        "The organisation slips back to {stage}: {why}",
    ),
    "why_met": (
        "Alle drie de lijnen halen de drempel.",
        "All three lines meet the threshold.",
    ),
    "why_indicator_low": (
        "{indicator} is gezakt tot {value} (ondergrens {floor}).",
        "{indicator} fell to {value} (floor {floor}).",
    ),
    "why_fit_record_low": (
        "de gekozen rollen pasten te vaak niet (track record {value}, ondergrens {floor}).",
        "the chosen roles too often did not fit (track record {value}, floor {floor}).",
    ),
    "why_stage_low": (
        "de organisatie is niet meer {stage}.",
        "the organisation is no longer {stage}.",
    ),
    "why_roles_low": (
        "te weinig verschillende rollen goed gespeeld ({value} van {floor}).",
        "too few different roles played well ({value} of {floor}).",
    ),
    # Rejections
    "reject_finished": ("Het spel is al afgelopen.", "The game is already over."),
    "reject_missing": (
        "Kies een rol voor '{initiative}'.",
        "Choose a role for '{initiative}'.",
    ),
    "reject_not_this_round": (
        "'{initiative}' ligt deze ronde niet op tafel.",
        "'{initiative}' is not on the table this round.",
    ),
    "reject_duplicate": (
        "Voor '{initiative}' zijn twee besluiten gegeven.",
        "Two decisions were given for '{initiative}'.",
    ),
    "reject_unknown_channel": (
        "Kanaal '{channel}' bestaat niet in dit scenario.",
        "Channel '{channel}' does not exist in this scenario.",
    ),
    "reject_channel_locked": (
        "Kanaal '{channel}' kan nog niet geopend worden.",
        "Channel '{channel}' cannot be opened yet.",
    ),
    "reject_unknown_action": (
        "Ontwikkelactie '{action}' bestaat niet in dit scenario.",
        "Development action '{action}' does not exist in this scenario.",
    ),
    "reject_action_done": (
        "'{action}' is al zo vaak gedaan als kan.",
        "'{action}' has been done as often as it can be.",
    ),
    "reject_action_locked": (
        "'{action}' kan nog niet: de voorwaarden zijn niet vervuld.",
        "'{action}' is not available yet: its prerequisites are not met.",
    ),
    "reject_capacity": (
        "Dit vraagt {needed} uur, er zijn er deze ronde {available}.",
        "This needs {needed} hours; this round has {available}.",
    ),
    "reject_budget": (
        "Dit kost {needed}, er is {available} budget.",
        "This costs {needed}; the budget holds {available}.",
    ),
}


def _render_value(value: ParamValue, lang: Language) -> str:
    if isinstance(value, StrEnum):
        return label(value, lang)
    if isinstance(value, Bilingual):
        return value.get(lang)
    if isinstance(value, tuple):
        return ", ".join(_render_value(v, lang) for v in value)
    if isinstance(value, float):
        return f"{value:.0f}"
    return str(value)


def render(key: str, params: dict[str, ParamValue], lang: Language) -> str:
    """The sentence for ``key`` in ``lang``, with its parameters filled in."""
    nl, en = TEMPLATES[key]
    values = {name: _render_value(value, lang) for name, value in params.items()}
    return (nl if lang == "nl" else en).format(**values)


def signed(delta: float) -> str:
    """+3 or −3, rounded to a whole number; a minus sign that reads well on a projector."""
    rounded = round(delta)
    if rounded == 0 and delta != 0:
        return f"{delta:+.1f}".replace("-", "−")
    return f"{rounded:+d}".replace("-", "−")


class Effect(NamedTuple):
    """One change the simulation made, and why.

    ``source`` says what caused it (initiative, action, event, drift, phase, stage); ``target`` is
    the indicator or resource changed, ``delta`` by how much (0 for a message without a number).
    A named tuple, because bot games create hundreds of thousands of them.
    """

    source: str
    source_id: str
    target: str
    delta: float
    key: str
    params: dict[str, ParamValue]

    def explain(self, lang: Language) -> str:
        """The explanation in ``lang``."""
        params = self.params
        if "delta" not in params:
            params = {**params, "delta": signed(self.delta)}
        return render(self.key, params, lang)

    @property
    def explanation(self) -> dict[str, str]:
        """The explanation in both languages, as the UI and the debrief show it."""
        return {"nl": self.explain("nl"), "en": self.explain("en")}

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_id": self.source_id,
            "target": self.target,
            "delta": float(self.delta),
            "key": self.key,
            "params": {k: _param_to_json(v) for k, v in self.params.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Effect:
        return cls(
            source=data["source"],
            source_id=data["source_id"],
            target=data["target"],
            delta=float(data["delta"]),
            key=data["key"],
            params={k: _param_from_json(v) for k, v in data["params"].items()},
        )


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a decision cannot be carried out (too many hours, an action not yet available…)."""

    key: str
    params: dict[str, ParamValue] = field(default_factory=dict)

    def explain(self, lang: Language) -> str:
        return render(self.key, self.params, lang)


class DecisionRejected(ValueError):
    """Raised by ``resolve_round`` when decisions break the rules; nothing has changed."""

    def __init__(self, rejections: list[Rejection]) -> None:
        self.rejections = rejections
        super().__init__("; ".join(r.explain("en") for r in rejections))


def _param_to_json(value: ParamValue) -> Any:
    if isinstance(value, StrEnum):
        return {"enum": type(value).__name__, "value": value.value}
    if isinstance(value, Bilingual):
        return {"nl": value.nl, "en": value.en}
    if isinstance(value, tuple):
        return {"list": [_param_to_json(v) for v in value]}
    return value


_ENUMS: dict[str, type[StrEnum]] = {
    enum.__name__: enum
    for enum in (
        GrowthPhase,
        CompetenceStage,
        MunicipalRole,
        InitiativeOwner,
        CitizenRelation,
        InteractionLevel,
        Purpose,
        Indicator,
    )
}


def _param_from_json(value: Any) -> ParamValue:
    if isinstance(value, dict) and "enum" in value:
        return _ENUMS[value["enum"]](value["value"])
    if isinstance(value, dict) and "list" in value:
        return tuple(_param_from_json(v) for v in value["list"])
    if isinstance(value, dict) and "nl" in value:
        return Bilingual(value["nl"], value["en"])
    return value
