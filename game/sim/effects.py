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

ParamValue = str | int | float | StrEnum | Bilingual | tuple[Any, ...]

# key -> (Dutch, English). Parameters in {braces}; {delta} is the signed change.
TEMPLATES: dict[str, tuple[str, str]] = {
    # Initiatives: the role, its fit and how it went
    "role_fit_trust_up": (
        "{title}: bij {owner} met {relation} paste de rol '{role}' ({fit}%). Vertrouwen {delta}.",
        "{title}: for {owner} with {relation}, the {role} role fitted ({fit}%). Trust {delta}.",
    ),
    "role_fit_trust_down": (
        "{title}: bij {owner} met {relation} past '{best}' het best; '{role}' paste maar voor "
        "{fit}%. Vertrouwen {delta}.",
        "{title}: for {owner} with {relation}, {best} fits best; {role} fitted only {fit}%. "
        "Trust {delta}.",
    ),
    "role_stumble_trust": (
        "{title}: '{role}' paste ({fit}%), maar de organisatie struikelde erin en dat zagen "
        "mensen. Vertrouwen {delta}.",
        "{title}: {role} fitted ({fit}%), but the organisation stumbled in it, and people saw. "
        "Trust {delta}.",
    ),
    # The same, worded by fit class (``game.sim.fit``) and verdict when the story tells them:
    # a role that also fits is never called a misfit, and a mixed result never "went well".
    "role_fits_trust_low": (
        "{title}: '{role}' past hier het best, maar maar voor {fit}%. Vertrouwen {delta}.",
        "{title}: {role} fits best here, but only for {fit}%. Trust {delta}.",
    ),
    "role_also_trust": (
        "{title}: bij {owner} met {relation} past '{role}' ook ({fit}%); '{best}' past het "
        "best. Vertrouwen {delta}.",
        "{title}: for {owner} with {relation}, {role} fits too ({fit}%); {best} fits best. "
        "Trust {delta}.",
    ),
    "role_misfit_trust_up": (
        "{title}: '{role}' paste hier niet ({fit}%; '{best}' past het best), maar het werk "
        "wekte toch wat vertrouwen. Vertrouwen {delta}.",
        "{title}: {role} did not fit here ({fit}%; {best} fits best), but the work still "
        "earned some trust. Trust {delta}.",
    ),
    "role_also_stumble_trust": (
        "{title}: '{role}' past ook ({fit}%), maar de organisatie struikelde erin en dat zagen "
        "mensen. Vertrouwen {delta}.",
        "{title}: {role} fits too ({fit}%), but the organisation stumbled in it, and people "
        "saw. Trust {delta}.",
    ),
    "role_misfit_stumble_trust": (
        "{title}: '{role}' paste hier niet ({fit}%; '{best}' past het best) en de organisatie "
        "struikelde er ook nog in. Vertrouwen {delta}.",
        "{title}: {role} did not fit here ({fit}%; {best} fits best), and the organisation "
        "stumbled in it as well. Trust {delta}.",
    ),
    "role_also_energy": (
        "{title}: '{role}' past ook bij {owner}, maar '{best}' laat het eigenaarschap het "
        "best waar het hoort. Energie in de gemeenschap {delta}.",
        "{title}: {role} suits {owner} too, but {best} leaves ownership best where it "
        "belongs. Community energy {delta}.",
    ),
    "role_fits_energy_low": (
        "{title}: '{role}' past hier het best, maar maar voor {fit}%; de gemeenschap had er "
        "weinig aan. Energie in de gemeenschap {delta}.",
        "{title}: {role} fits best here, but only for {fit}%; the community gained little. "
        "Community energy {delta}.",
    ),
    "role_misfit_energy_up": (
        "{title}: de rol '{role}' paste niet bij {owner}, maar het werk gaf de gemeenschap "
        "toch wat energie. Energie in de gemeenschap {delta}.",
        "{title}: the {role} role did not suit {owner}, but the work still gave the community "
        "some energy. Community energy {delta}.",
    ),
    "ownership_spreads_partly": (
        "{title}: het werk zelf liep, dus raakten meer collega's betrokken. "
        "Breed eigenaarschap {delta}.",
        "{title}: the work itself went ahead, so more colleagues got involved. "
        "Ownership breadth {delta}.",
    ),
    # Why a mixed or bad verdict: its causes (``game.sim.telling``), one line.
    "verdict_cause": (
        "Waarom het {how} ging: {causes}.",
        "Why it went {how}: {causes}.",
    ),
    "why_went_stumble": (
        "de organisatie struikelde in de rol (de kans daarop was {chance}%: gereedheid "
        "{readiness}, de rol vraagt {demand})",
        "the organisation stumbled in the role (a {chance}% chance: readiness {readiness}, "
        "the role asks {demand})",
    ),
    "why_went_also": (
        "'{role}' past ook ({fit}%), maar alleen '{best}' haalt het volle effect",
        "{role} fits too ({fit}%), but only {best} achieves the full effect",
    ),
    "why_went_misfit": (
        "'{role}' past hier niet ({fit}%; '{best}' past het best)",
        "{role} does not fit here ({fit}%; {best} fits best)",
    ),
    "why_went_weak_fit": (
        "zelfs de best passende rol past hier maar voor {fit}%",
        "even the best role fits only {fit}% here",
    ),
    "why_went_channels": (
        "de kanalen dienden de doelen maar voor {cfit}% (voor 'goed' is {needed}% nodig)",
        "the channels served the purposes only {cfit}% (going well needs {needed}%)",
    ),
    "why_went_no_channel": (
        "er was geen kanaal voor de doelen ({purposes})",
        "no channel served the purposes ({purposes})",
    ),
    # Repeated effects, folded into one line (the story).
    "action_interaction_folded": (
        "‘{action}’: interactie met {relations}, elk {delta} (werkt in de komende rondes door).",
        "‘{action}’: interaction with {relations}, {delta} each (takes effect over the coming "
        "rounds).",
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
        "{title}: de rol '{role}' ging mis; ook dat kost de gemeenschap energie. "
        "Energie in de gemeenschap {delta}.",
        "{title}: the {role} role went wrong; that too drains the community. "
        "Community energy {delta}.",
    ),
    "execution_stumbled": (
        "{title}: de organisatie was nog niet toe aan de rol '{role}' (gereedheid {readiness}, "
        "nodig {demand}) en struikelde. Het meeste effect viel weg.",
        "{title}: the organisation was not yet ready for the {role} role (readiness "
        "{readiness}, needed {demand}) and stumbled. Most of the effect was lost.",
    ),
    "execution_harmed": (
        "{title}: de organisatie was nog niet toe aan de rol '{role}' (gereedheid {readiness}, "
        "nodig {demand}). Het ging mis en deed schade: zonder vertrouwen en energie in "
        "de gemeenschap voelt wegblijven als in de steek laten.",
        "{title}: the organisation was not yet ready for the {role} role (readiness "
        "{readiness}, needed {demand}). It went wrong and did harm: without trust and "
        "community energy, staying out feels like being left alone.",
    ),
    "learning_by_doing": (
        "{title}: door de rol '{role}' te spelen leerde de organisatie bij. Vaardigheid {delta}.",
        "{title}: playing the {role} role taught the organisation. Skill {delta}.",
    ),
    "learning_stretch": (
        "{title}: voor de rol '{role}' was de organisatie nog niet klaar; juist een passende rol "
        "waar je nog in moet groeien leert het meest. Vaardigheid {delta}.",
        "{title}: the organisation was not ready for the {role} role yet; a fitting role you "
        "still have to grow into teaches most. Skill {delta}.",
    ),
    "ownership_spreads": (
        "{title}: de rol paste en het ging goed, dus raakten meer collega's betrokken. "
        "Breed eigenaarschap {delta}.",
        "{title}: the role fitted and it went well, so more colleagues got involved. "
        "Ownership breadth {delta}.",
    ),
    "misfit_rework": (
        "{title}: '{role}' paste hier niet ({fit}%). Klachten en herstelwerk kosten de volgende "
        "ronde {hours} uur. Capaciteit {delta}.",
        "{title}: {role} did not suit this ({fit}%). Complaints and repairs take {hours} hours "
        "next round. Capacity {delta}.",
    ),
    "misfit_stumble_rework": (
        "{title}: '{role}' paste hier niet ({fit}%) en ging bovendien mis. Klachten en herstelwerk "
        "kosten de volgende ronde {hours} uur. Capaciteit {delta}.",
        "{title}: {role} did not suit this ({fit}%), and it went wrong as well. Complaints and "
        "repairs take {hours} hours next round. Capacity {delta}.",
    ),
    "stumble_rework": (
        "{title}: wat misging, moet hersteld worden: de volgende ronde kost dat {hours} uur. "
        "Capaciteit {delta}.",
        "{title}: what went wrong has to be put right: that takes {hours} hours next round. "
        "Capacity {delta}.",
    ),
    # Initiatives: channels
    "channels_interaction": (
        "{title}: via {channels} werden de doelen ({purposes}) voor {cfit}% gediend, op het "
        "niveau '{level}'. Interactie met {relation} {delta}.",
        "{title}: through {channels}, the purposes ({purposes}) were served at {cfit}%, at the "
        "'{level}' level. Interaction with {relation} {delta}.",
    ),
    "channels_interaction_others": (
        "{title}: jullie gingen naar waar het gesprek al was ({others}); de doelen ({purposes}) "
        "werden voor {cfit}% gediend. Interactie met {relation} {delta}.",
        "{title}: you went where the conversation already was ({others}); the purposes "
        "({purposes}) were served at {cfit}%. Interaction with {relation} {delta}.",
    ),
    # The same, when the channels served the purposes less than going well needs
    # (``telling.retold``): no good news, however much interaction it still brought.
    "channels_interaction_low": (
        "{title}: via {channels} werden de doelen ({purposes}) maar voor {cfit}% gediend, op het "
        "niveau '{level}'. Interactie met {relation} {delta}.",
        "{title}: through {channels}, the purposes ({purposes}) were served at only {cfit}%, at "
        "the '{level}' level. Interaction with {relation} {delta}.",
    ),
    "channels_interaction_others_low": (
        "{title}: jullie gingen naar waar het gesprek al was ({others}), maar de doelen "
        "({purposes}) werden maar voor {cfit}% gediend. Interactie met {relation} {delta}.",
        "{title}: you went where the conversation already was ({others}), but the purposes "
        "({purposes}) were served at only {cfit}%. Interaction with {relation} {delta}.",
    ),
    "channels_trust_up": (
        "{title}: wie iets wilde weten of zeggen, vond jullie via {channels}. Vertrouwen {delta}.",
        "{title}: people who wanted to know or say something found you on {channels}. "
        "Trust {delta}.",
    ),
    "channels_trust_down": (
        "{title}: {channels} {suited} slecht bij {purposes} ({cfit}%); wie jullie zocht, vond "
        "daar weinig. Vertrouwen {delta}.",
        "{title}: {channels} {suited} {purposes} poorly ({cfit}%); people who looked for you "
        "found little there. Trust {delta}.",
    ),
    "no_channel": (
        "{title}: geen kanaal ingezet voor {purposes}; wie hierover wilde meepraten, hoorde "
        "niets. Interactie met {relation} {delta}.",
        "{title}: no channel used for {purposes}; those who wanted to take part heard nothing. "
        "Interaction with {relation} {delta}.",
    ),
    "awareness_online": (
        "{title}: online zichtbaar werken via {online} maakt de organisatie bewust van kansen "
        "en risico's. Bewustzijn {delta}.",
        "{title}: working visibly online through {online} makes the organisation aware of "
        "chances and risks. Awareness {delta}.",
    ),
    "channel_opened": (
        "Kanaal geopend: {channel}. Het heeft nu een eigen publiek.",
        "Channel opened: {channel}. It now has an audience of its own.",
    ),
    # Initiatives: stages (arcs)
    "arc_grows": (
        "{title}: de rol paste en het initiatief groeit. Over {after_rounds} komt het terug als "
        "‘{next}’.",
        "{title}: the role fitted and the initiative grows. It comes back in {after_rounds} as "
        "‘{next}’.",
    ),
    # The same for a role that also fits (``telling.retold``): it grew because the role fitted
    # well enough, not because it was the best one.
    "arc_grows_also": (
        "{title}: de rol paste goed genoeg, dus het initiatief groeit. Over {after_rounds} komt "
        "het terug als ‘{next}’.",
        "{title}: the role fitted well enough, so the initiative grows. It comes back in "
        "{after_rounds} as ‘{next}’.",
    ),
    "arc_withers": (
        "{title}: met de rol '{role}' sloeg het niet aan. Over {after_rounds} komt het terug als "
        "‘{next}’.",
        "{title}: with the {role} role it did not take root. It comes back in {after_rounds} as "
        "‘{next}’.",
    ),
    "arc_ends": (
        "{title}: met de rol '{role}' sloeg het niet aan; de trekkers haakten af en er komt "
        "geen volgende stap.",
        "{title}: with the {role} role it did not take root; its leaders dropped out and there "
        "is no next stage.",
    ),
    # Initiatives: predictions
    "prediction_right": (
        "{title}: jullie voorspelden '{prediction}' en zo ging het. Weten waarom iets werkt is de "
        "stap naar bewust bekwaam. Bewustzijn {delta}.",
        "{title}: you predicted '{prediction}' and so it went. Knowing why something works is the "
        "step to conscious competence. Awareness {delta}.",
    ),
    "prediction_wrong": (
        "{title}: jullie voorspelden '{prediction}', maar het ging '{verdict}'.",
        "{title}: you predicted '{prediction}', but it went '{verdict}'.",
    ),
    # Development actions
    "action_indicator": (
        "‘{action}’: {indicator} {delta} (werkt in de komende rondes door).",
        "‘{action}’: {indicator} {delta} (takes effect over the coming rounds).",
    ),
    "action_interaction": (
        "‘{action}’: interactie met {relations} {delta} (werkt in de komende rondes door).",
        "‘{action}’: interaction with {relations} {delta} (takes effect over the coming rounds).",
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
        "‘{action}’: de organisatie is beter toegerust voor {roles_named}.",
        "‘{action}’: the organisation is better equipped for {roles_named}.",
    ),
    "action_risk": (
        "‘{action}’: minder kans om te struikelen in een rol waar jullie nog niet klaar voor zijn.",
        "‘{action}’: less chance of stumbling in a role you are not ready for yet.",
    ),
    "action_trap": (
        "‘{action}’: {why}",
        "‘{action}’: {why}",
    ),
    # Events
    "event_indicator": (
        "‘{event}’: {indicator} {delta}.",
        "‘{event}’: {indicator} {delta}.",
    ),
    "event_interaction": (
        "‘{event}’: interactie met {relations} {delta}.",
        "‘{event}’: interaction with {relations} {delta}.",
    ),
    "event_indicator_mitigated": (
        "‘{event}’: {indicator} {delta}, verzacht door ‘{actions}’.",
        "‘{event}’: {indicator} {delta}, softened by ‘{actions}’.",
    ),
    "event_interaction_mitigated": (
        "‘{event}’: interactie met {relations} {delta}, verzacht door ‘{actions}’.",
        "‘{event}’: interaction with {relations} {delta}, softened by ‘{actions}’.",
    ),
    "event_indicator_scaled": (
        "‘{event}’: {indicator} {delta}; hoe lager {scale}, hoe harder dit aankomt.",
        "‘{event}’: {indicator} {delta}; the lower {scale}, the harder this hits.",
    ),
    "event_interaction_scaled": (
        "‘{event}’: interactie met {relations} {delta}; hoe lager {scale}, hoe harder dit aankomt.",
        "‘{event}’: interaction with {relations} {delta}; the lower {scale}, the harder this hits.",
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
    # Drift: only when nothing this round fed the indicator
    "drift_interaction": (
        "Met {relation} gebeurde deze ronde niets via de kanalen; het contact valt stil. "
        "Interactie met {relation} {delta}.",
        "Nothing happened through the channels with {relation} this round; the contact goes "
        "quiet. Interaction with {relation} {delta}.",
    ),
    "drift_community_energy": (
        "Niets gaf de gemeenschap deze ronde energie, en zonder steun lekt die weg. "
        "Energie in de gemeenschap {delta}.",
        "Nothing gave the community energy this round, and without support it leaks away. "
        "Community energy {delta}.",
    ),
    "drift_awareness": (
        "Niets hield online werken deze ronde op de agenda; wat niet op de agenda staat, zakt "
        "weg. Bewustzijn {delta}.",
        "Nothing kept working online on the agenda this round; what stays off the agenda fades. "
        "Awareness {delta}.",
    ),
    "drift_skill": (
        "Niemand oefende deze ronde nieuwe vaardigheden; wat niet gebruikt wordt, roest. "
        "Vaardigheid {delta}.",
        "Nobody practised new skills this round; what goes unused gets rusty. Skill {delta}.",
    ),
    "drift_trust": (
        "Niets verdiende deze ronde vertrouwen, en vertrouwen moet steeds opnieuw verdiend "
        "worden. Vertrouwen {delta}.",
        "Nothing earned trust this round, and trust has to be earned again and again. "
        "Trust {delta}.",
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
    "relation_phase_up": (
        "Met {relation} groeien jullie naar de fase {phase}. {why}",
        "With {relation}, you grow into the phase {phase}. {why}",
    ),
    "relation_phase_down": (
        "Met {relation} vallen jullie terug naar de fase {phase}: {why}",
        "With {relation}, you fall back to the phase {phase}: {why}",
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
    "why_relations_met": (
        "Genoeg relaties zijn zo ver: {relations}.",
        "Enough relations have come this far: {relations}.",
    ),
    "why_relations_low": (
        "te weinig relaties zijn nog zo ver ({count} van de {needed} nodig).",
        "too few relations are still that far ({count} of the {needed} needed).",
    ),
    "why_indicator_low": (
        "{indicator} is gezakt tot {value} (ondergrens {floor}).",
        "{indicator} fell to {value} (floor {floor}).",
    ),
    "why_interaction_low": (
        "de interactie met {relation} is gezakt tot {value} (ondergrens {floor}).",
        "interaction with {relation} fell to {value} (floor {floor}).",
    ),
    "why_fit_record_low": (
        "de gekozen rollen pasten te vaak niet (staat van dienst {value}, ondergrens {floor}).",
        "the chosen roles too often did not fit (track record {value}, floor {floor}).",
    ),
    "why_stage_low": (
        "de organisatie is niet meer {stage}.",
        "the organisation is no longer {stage}.",
    ),
    "why_role_not_mastered": (
        "de rol '{role}' is nog niet goed gespeeld, en samenwerken vraagt die rol.",
        "the {role} role has not been played well yet, and collaborating asks for it.",
    ),
    "why_channel_record_low": (
        "de kanalen pasten te vaak niet bij waar mensen voor kwamen (kanaalscore {value}, "
        "ondergrens {floor}).",
        "the channels too often did not suit what people came for (channel record {value}, "
        "floor {floor}).",
    ),
    "why_phase_low": (
        "de gemeente als geheel is niet meer in de fase '{phase}'; bewustzijn en vaardigheid "
        "groeien mee met de gemeente, niet los ervan.",
        "the municipality as a whole is no longer in the '{phase}' phase; competence grows with "
        "the municipality, not apart from it.",
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
    # The facilitator (issue 12): recorded steps that change the game
    "facilitator_inject": (
        "De spelleider bracht dit nieuws nu in: {event}.",
        "The facilitator brought this news in now: {event}.",
    ),
    "facilitator_skip": (
        "De spelleider sloeg deze ronde over: de initiatieven op tafel ({initiatives}) kregen "
        "geen antwoord van de gemeente, en er werd niets ontwikkeld.",
        "The facilitator skipped this round: the initiatives on the table ({initiatives}) got no "
        "answer from the municipality, and nothing was developed.",
    ),
}

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
    CitizenRelation.CUSTOMER: Bilingual("inwoners als klant", "residents as customers"),
    CitizenRelation.VOTER: Bilingual("inwoners als kiezer", "residents as voters"),
    CitizenRelation.SUBJECT: Bilingual("inwoners als onderdaan", "residents as subjects"),
    CitizenRelation.USER: Bilingual("inwoners als gebruiker", "residents as users"),
    CitizenRelation.PARTNER: Bilingual("inwoners als partner", "residents as partners"),
    CitizenRelation.RESIDENT: Bilingual("inwoners als bewoner", "residents as residents"),
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
