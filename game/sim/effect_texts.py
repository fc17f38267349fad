"""The sentences of the explained effects, in Dutch and English: key -> (Dutch, English).

Data only, kept apart from ``game.sim.effects`` (which renders them) so that the sentences a
trainer or an editor reads are in one place.
"""

from __future__ import annotations

from game.sim.rejection_texts import REJECTION_TEXTS

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
        "{title}: '{role}' is hier de best passende rol, maar past slechts voor {fit}%. "
        "Vertrouwen {delta}.",
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
        "{title}: '{role}' is hier de best passende rol, maar past slechts voor {fit}%; de "
        "gemeenschap had er weinig aan. Energie in de gemeenschap {delta}.",
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
        "Why {how}: {causes}.",
    ),
    "why_went_stumble": (
        "de organisatie struikelde in de rol (de kans daarop was {chance}%: rijpheid "
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
        "de kanalen pasten maar voor {cfit}% bij de doelen (voor 'goed' is {needed}% nodig)",
        "the channels served the purposes for only {cfit}% (going well needs {needed}%)",
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
        "{title}: de organisatie was nog niet rijp voor de rol '{role}' (rijpheid {readiness}, "
        "nodig {demand}) en struikelde. Het meeste effect viel weg.",
        "{title}: the organisation was not yet ready for the {role} role (readiness "
        "{readiness}, needed {demand}) and stumbled. Most of the effect was lost.",
    ),
    "execution_harmed": (
        "{title}: de organisatie was nog niet rijp voor de rol '{role}' (rijpheid {readiness}, "
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
        "{title}: voor de rol '{role}' was de organisatie nog niet rijp; juist een passende rol "
        "waar jullie nog in moeten groeien, leert het meest. Vaardigheid {delta}.",
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
        "{title}: met {channels} sloten jullie voor {cfit}% aan op de doelen ({purposes}), op "
        "het niveau '{level}'. Interactie met {relation} {delta}.",
        "{title}: {channels} served the purposes ({purposes}) for {cfit}%, at the '{level}' "
        "level. Interaction with {relation} {delta}.",
    ),
    "channels_interaction_others": (
        "{title}: jullie gingen naar waar het gesprek al gevoerd werd ({others}) en sloten voor "
        "{cfit}% aan op de doelen ({purposes}). Interactie met {relation} {delta}.",
        "{title}: you went where the conversation already was ({others}); the channels served "
        "the purposes ({purposes}) for {cfit}%. Interaction with {relation} {delta}.",
    ),
    # The same, when the channels served the purposes less than going well needs
    # (``telling.retold``): no good news, however much interaction it still brought.
    "channels_interaction_low": (
        "{title}: met {channels} sloten jullie maar voor {cfit}% aan op de doelen ({purposes}), "
        "op het niveau '{level}'. Interactie met {relation} {delta}.",
        "{title}: {channels} served the purposes ({purposes}) for only {cfit}%, at the "
        "'{level}' level. Interaction with {relation} {delta}.",
    ),
    "channels_interaction_others_low": (
        "{title}: jullie gingen naar waar het gesprek al gevoerd werd ({others}), maar sloten "
        "slechts voor {cfit}% aan op de doelen ({purposes}). Interactie met {relation} {delta}.",
        "{title}: you went where the conversation already was ({others}), but the channels "
        "served the purposes ({purposes}) for only {cfit}%. Interaction with {relation} {delta}.",
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
        "{title}: your prediction '{prediction}' came true. Knowing why something works is the "
        "step to conscious competence. Awareness {delta}.",
    ),
    "prediction_wrong": (
        "{title}: jullie voorspelden '{prediction}', maar het ging {verdict_went}.",
        "{title}: you predicted '{prediction}', but {verdict_went}.",
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
        "‘{action}’: minder kans om te struikelen in een rol waar jullie nog niet rijp voor zijn.",
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
        "Your organisation falls back to the {phase} phase: {why}",
    ),
    "relation_phase_up": (
        "Met {relation} groeien jullie naar de fase {phase}. {why}",
        "With {relation}, you grow into the {phase} phase. {why}",
    ),
    "relation_phase_down": (
        "Met {relation} vallen jullie terug naar de fase {phase}: {why}",
        "With {relation}, you fall back to the {phase} phase: {why}",
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
        "de organisatie als geheel is niet meer in de fase '{phase}'; bewustzijn en "
        "vaardigheid groeien mee met de organisatie, niet los ervan.",
        "the organisation as a whole is no longer in the '{phase}' phase; competence grows "
        "with the organisation, not apart from it.",
    ),
    "why_roles_low": (
        "te weinig verschillende rollen goed gespeeld ({value} van {floor}).",
        "too few different roles played well ({value} of {floor}).",
    ),
    # The facilitator (issue 12): recorded steps that change the game
    "facilitator_inject": (
        "De spelleider bracht dit nieuws nu in: {event}.",
        "The facilitator brought this news in now: {event}.",
    ),
    "facilitator_skip": (
        "De spelleider sloeg deze ronde over: de initiatieven op tafel ({initiatives}) kregen "
        "geen antwoord van de organisatie, en er werd niets ontwikkeld.",
        "The facilitator skipped this round: the initiatives on the table ({initiatives}) got no "
        "answer from the organisation, and nothing was developed.",
    ),
}
TEMPLATES.update(REJECTION_TEXTS)
