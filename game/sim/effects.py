"""Explained effects: every change the core makes carries a reason that points back at the model.

An effect stores a template key and its parameters, not finished sentences: the text is rendered
in Dutch or English only when someone reads it. That keeps thousands of bot games per second
cheap, while the UI and the debrief still get a full explanation in either language.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
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
    Prediction,
    Purpose,
)
from game.labels import label
from game.sim.effect_texts import TEMPLATES

ParamValue = str | int | float | StrEnum | Bilingual | tuple[Any, ...]

# What sign an effect's number has under each template: the sentence must agree with it.
# "+" and "-": the change is up or down; "0": a message without a number; "±": neutral wording
# that reads right either way ("Awareness −2" after an action's name). A test over many games
# checks every effect against this table.
SIGNS: dict[str, str] = {
    **dict.fromkeys(
        (
            "role_fit_trust_up",
            "role_fit_energy_up",
            "role_misfit_energy_up",
            "role_misfit_trust_up",
            "ownership_spreads_partly",
            "learning_by_doing",
            "learning_stretch",
            "ownership_spreads",
            "channels_interaction",
            "channels_interaction_low",
            "channels_interaction_others_low",
            "channels_interaction_others",
            "channels_trust_up",
            "awareness_online",
            "prediction_right",
            "stage_up",
            "phase_up",
            "relation_phase_up",
        ),
        "+",
    ),
    **dict.fromkeys(
        (
            "role_fit_trust_down",
            "role_fits_trust_low",
            "role_stumble_trust",
            "role_also_stumble_trust",
            "role_misfit_stumble_trust",
            "role_fits_energy_low",
            "role_fit_energy_down",
            "role_stumble_energy",
            "misfit_rework",
            "misfit_stumble_rework",
            "stumble_rework",
            "channels_trust_down",
            "no_channel",
            "action_risk",
            "event_indicator_mitigated",
            "event_interaction_mitigated",
            "drift_interaction",
            "drift_community_energy",
            "drift_awareness",
            "drift_skill",
            "drift_trust",
            "stage_down",
            "phase_down",
            "relation_phase_down",
        ),
        "-",
    ),
    **dict.fromkeys(
        (
            "execution_stumbled",
            "execution_harmed",
            "verdict_cause",
            "channel_opened",
            "arc_grows",
            "arc_grows_also",
            "arc_withers",
            "arc_ends",
            "prediction_wrong",
            "action_purpose_bonus",
            "action_role_readiness",
            "action_trap",
            "event_initiative",
            "facilitator_inject",
            "facilitator_skip",
        ),
        "0",
    ),
    **dict.fromkeys(
        (
            "action_indicator",
            "action_interaction",
            "action_interaction_folded",
            "role_also_trust",
            "role_also_energy",
            "action_capacity",
            "action_budget_per_round",
            "action_structural_budget",
            "event_indicator",
            "event_interaction",
            "event_indicator_scaled",
            "event_interaction_scaled",
            "event_budget",
            "event_budget_per_round",
            "event_capacity",
            "event_capacity_this_round",
            "drift_other",
        ),
        "±",
    ),
}

# How a relation reads inside a sentence ("interaction with residents as customers").
RELATION_PHRASES: dict[CitizenRelation, Bilingual] = {
    CitizenRelation.CUSTOMER: Bilingual("inwoners als klant", "people as customers"),
    CitizenRelation.VOTER: Bilingual("inwoners als kiezer", "people as voters"),
    CitizenRelation.SUBJECT: Bilingual("inwoners als onderdaan", "people as subjects"),
    CitizenRelation.USER: Bilingual("inwoners als gebruiker", "people as users"),
    CitizenRelation.PARTNER: Bilingual("inwoners als partner", "people as partners"),
    CitizenRelation.RESIDENT: Bilingual("inwoners als bewoner", "people as residents"),
}
ALL_RELATIONS_PHRASE = Bilingual("inwoners in elke relatie", "residents in every relation")


_AND: dict[str, str] = {"nl": "en", "en": "and"}
_OR: dict[str, str] = {"nl": "of", "en": "or"}


def joined(items: Sequence[str], lang: Language, word: dict[str, str] = _AND) -> str:
    """A list as a sentence writes it: "Twitter, Facebook en de website"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word[lang]} {items[-1]}"


def _render_value(value: ParamValue, lang: Language, word: dict[str, str] = _AND) -> str:
    if isinstance(value, StrEnum):
        return label(value, lang)
    if isinstance(value, Bilingual):
        return value.get(lang)
    if isinstance(value, tuple):
        return joined([_render_value(v, lang) for v in value], lang, word)
    if isinstance(value, float):
        return f"{value:.0f}"
    return str(value)


def rendered(value: ParamValue, lang: Language) -> str:
    """A parameter as a sentence shows it: a label, a word, a list with "and"."""
    return _render_value(value, lang)


# How a verdict reads after "but …" in English ("it went badly", never "it went 'mixed'").
_WENT: dict[Prediction, str] = {
    Prediction.WELL: "it went well",
    Prediction.MIXED: "the result was mixed",
    Prediction.BADLY: "it went badly",
}


def _count(value: ParamValue) -> int:
    return len(value) if isinstance(value, tuple) else 1


def _derived(params: dict[str, ParamValue], lang: Language) -> dict[str, str]:
    """Words a sentence needs that follow from its parameters: singular or plural, and a value
    beside its floor that never reads as met when it is not."""
    out: dict[str, str] = {}
    after = params.get("after")
    if isinstance(after, int | float):
        n = int(after)
        unit = {"nl": ("ronde", "rondes"), "en": ("round", "rounds")}[lang][n != 1]
        out["after_rounds"] = f"{n} {unit}"
    if "channels" in params:
        plural = _count(params["channels"]) > 1
        out["suited"] = ("pasten" if plural else "paste") if lang == "nl" else "suited"
    verdict = params.get("verdict")
    if isinstance(verdict, Prediction):
        out["verdict_went"] = label(verdict, lang) if lang == "nl" else _WENT[verdict]
    roles = params.get("roles")
    if roles is not None:
        names = [_render_value(r, lang) for r in (roles if isinstance(roles, tuple) else (roles,))]
        plural = len(names) > 1
        if lang == "nl":  # "de rol 'faciliterend'", "de rollen 'faciliterend' en 'loslatend'"
            quoted = joined([f"'{n}'" for n in names], lang)
            out["roles_named"] = f"{'de rollen' if plural else 'de rol'} {quoted}"
        else:  # "the facilitating role", "the facilitating and letting go roles"
            out["roles_named"] = f"the {joined(names, lang)} {'roles' if plural else 'role'}"
    value, floor = params.get("value"), params.get("floor")
    if isinstance(value, int | float) and isinstance(floor, int | float):
        out["value"], out["floor"] = below_floor(value, floor, lang)
    return out


def below_floor(value: float, floor: float, lang: Language) -> tuple[str, str]:
    """A value and its floor (or threshold) as they are shown, the value never rounded onto the
    floor: 46.6 under a floor of 47 reads "46,6" and "47", not "47" and "47"."""
    floor_shown = number(floor, lang, 0 if float(floor).is_integer() else 1)
    if value < floor and round(value) >= round(floor):
        return number(math.floor(value * 10) / 10, lang, 1), floor_shown
    return number(math.floor(value) if value < floor else round(value), lang), floor_shown


def render(key: str, params: dict[str, ParamValue], lang: Language) -> str:
    """The sentence for ``key`` in ``lang``, with its parameters filled in."""
    nl, en = TEMPLATES[key]
    values = {
        name: _render_value(value, lang, _OR if name == "best" else _AND)
        for name, value in params.items()
    }
    values.update(_derived(params, lang))
    return (nl if lang == "nl" else en).format(**values)


def number(value: float, lang: Language, decimals: int = 0) -> str:
    """A number as the language writes it: 60,000 and 2.5 in English, 60.000 and 2,5 in Dutch."""
    shown = f"{value:,.{decimals}f}"
    if lang == "nl":
        shown = shown.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return shown


def money(thousands: float, lang: Language) -> str:
    """A budget as the language writes money: the game counts in thousands of euros, so 20 is
    "€ 20.000" in Dutch and "€20,000" in English (never "€ 0k")."""
    amount = number(abs(thousands) * 1000, lang)
    sign = "−" if thousands < 0 and amount.strip("0,.") else ""
    return f"{sign}€ {amount}" if lang == "nl" else f"{sign}€{amount}"


def signed(delta: float, lang: Language = "en") -> str:
    """+3 or −0,5: a change as the language writes it, with a minus sign that reads on a
    projector; whole numbers from 1 up, one decimal below (a drift of half a point is not
    nothing). The one rule for every change the game shows: story, summary and dashboard."""
    decimals = 0 if round(abs(delta), 1) >= 1 or round(abs(delta), 1) == 0 else 1
    shown = number(abs(delta), lang, decimals)
    if shown.strip("0,.") == "":
        return "±0"  # too small to show: neither a gain nor a loss
    return ("−" if delta < 0 else "+") + shown


def shows_as_zero(delta: float) -> bool:
    """True when a change is too small to show (``signed`` writes it as ±0): the story leaves
    such a line out rather than tell "Trust ±0" as news."""
    return round(abs(delta), 1) == 0


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
            params = {**params, "delta": signed(self.delta, lang)}
        return render(self.key, params, lang)

    @property
    def explanation(self) -> dict[str, str]:
        """The explanation in both languages, as the UI and the debrief show it."""
        return {"nl": self.explain("nl"), "en": self.explain("en")}

    def to_dict(self, wording: bool = True) -> dict[str, Any]:
        """As JSON; ``wording`` False leaves out how it is said (its sentence and the values
        filled into it), keeping what the game did: what a replay must reproduce."""
        done = {
            "source": self.source,
            "source_id": self.source_id,
            "target": self.target,
            "delta": float(self.delta),
        }
        if wording:
            done["key"] = self.key
            done["params"] = {k: _param_to_json(v) for k, v in self.params.items()}
        return done

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
        super().__init__(" ".join(r.explain("en") for r in rejections))


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
        Prediction,
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
