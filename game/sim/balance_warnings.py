"""The balance simulator's warnings in Dutch and English: what a trainer should look at, in
plain words, with the values a warning names (``balance_report`` finds them)."""

from __future__ import annotations

WARNINGS: dict[str, tuple[str, str]] = {
    "relation_stuck": (
        "De relatie '{relation}' blijft bij elke strategie in elk spel in fase 1 (ontdekken): "
        "geef haar initiatieven die passen, een kanaal dat haar bereikt, of een lagere "
        "startdrempel, anders houdt zij de hele organisatie in fase 1.",
        "The relation '{relation}' stays in phase 1 (discovering) for every strategy in every "
        "game: give it initiatives that suit it, a channel that reaches it, or a lower "
        "threshold, or it holds the whole organisation in phase 1.",
    ),
    "never_dealt": (
        "Het initiatief '{initiative}' kwam in geen enkel spel op tafel: zijn voorwaarde, kans "
        "of het nieuws dat het brengt komt nooit samen (zie 'outline').",
        "The initiative '{initiative}' came up in no game at all: its condition, chance or the "
        "news that brings it never comes together (see 'outline').",
    ),
    "channel_unused": (
        "Het kanaal '{channel}' wordt door geen enkele strategie ooit ingezet: het opent nooit, "
        "of past bij geen enkel doel. Geef het een doel dat initiatieven vragen, of een actie die "
        "het opent (open_channels), of laat het weg.",
        "The channel '{channel}' is used by no strategy at all: it never opens, or fits no "
        "purpose. Give it a purpose that initiatives ask for, an action that opens it "
        "(open_channels), or leave it out.",
    ),
    "no_phase_target": (
        "Geen enkele strategie haalt fase {phase} in ook maar één spel van {rounds} rondes: is "
        "het scenario te zwaar, of zijn de drempels te hoog? Kijk in de tabel per relatie welke "
        "relatie achterblijft.",
        "No strategy reaches phase {phase} in a single game of {rounds} rounds: is the scenario "
        "too hard, or are the thresholds too high? The table per relation shows which relation "
        "stays behind.",
    ),
    "best_not_dominant": (
        "'{strategy}' scoort gemiddeld hoger dan 'best': wie nadenkt volgens het model, zou moeten "
        "winnen.",
        "'{strategy}' scores higher than 'best' on average: thinking by the model should win.",
    ),
    "simple_rule_phase_three": (
        "De eenvoudige regel '{strategy}' haalt gemiddeld fase {phase:.1f}: een vuistregel zou "
        "fase 3 niet moeten halen.",
        "The simple rule '{strategy}' reaches phase {phase:.1f} on average: a rule of thumb should "
        "not reach phase 3.",
    ),
    "simple_rule_close": (
        "De eenvoudige regel '{strategy}' blijft maar {points:.0f} punten onder 'best': nadenken "
        "loont hier nauwelijks.",
        "The simple rule '{strategy}' ends only {points:.0f} points below 'best': thinking hardly "
        "pays here.",
    ),
    "strategy_error": (
        "Strategie '{strategy}' hield zich niet aan de regels: {error}",
        "Strategy '{strategy}' broke the rules: {error}",
    ),
    "idle_initiative": (
        "Initiatief '{initiative}': met of zonder passende rol eindigt het spel vrijwel even goed "
        "({points:+.0f} punten). Maak de keuze zwaarder of laat het weg.",
        "Initiative '{initiative}': with or without a fitting role, games end about as well "
        "({points:+.0f} points). Give the choice more weight, or leave it out.",
    ),
    "never_bought_condition": (
        "Ontwikkelactie '{action}' wordt door 'best' nooit gekocht. Ze is alleen te koop als: "
        "{condition_nl}. Komt dat ooit voor? Zo ja, dan is ze te duur, te laat of te zwak.",
        "Development action '{action}' is never bought by 'best'. It can only be bought when: "
        "{condition_en}. Does that ever hold? If it does, it is too costly, too late or too "
        "weak.",
    ),
    "never_bought": (
        "Ontwikkelactie '{action}' wordt door 'best' nooit gekocht: te duur, te laat of te zwak?",
        "Development action '{action}' is never bought by 'best': too costly, too late or too "
        "weak?",
    ),
    "always_bought": (
        "Ontwikkelactie '{action}' wordt door 'best' in elk spel gekocht, en altijd in ronde "
        "{round}: een keuze of een afvinklijstje?",
        "Development action '{action}' is bought by 'best' in every game, always in round "
        "{round}: a choice, or a checklist item?",
    ),
    "silent_event": (
        "Gebeurtenis '{event}' vindt in geen enkel spel plaats.",
        "Event '{event}' never happens in any game.",
    ),
    "decisive_event": (
        "Gebeurtenis '{event}' beslist over fase 4: met {with:.0%} van de spellen van 'best' in "
        "fase 4, zonder {without:.0%}. Geef teams een manier om zich voor te bereiden.",
        "Event '{event}' decides phase 4: {with:.0%} of 'best''s games reach it when it happens, "
        "{without:.0%} when it does not. Give teams a way to prepare.",
    ),
}

# The words of the report's tables and headings, Dutch and English.
TABLE_WORDS: dict[str, tuple[str, str]] = {
    "heading": (
        "{title} ({scenario}, {length}): {runs} spellen per strategie, {games} in totaal",
        "{title} ({scenario}, {length}): {runs} games per strategy, {games} in all",
    ),
    "columns": (
        "strategie                        eindfase (% in 1/2/3/4)   fase  stad.  score       "
        "zonder fit  fit  juist",
        "strategy                         end phase (% in 1/2/3/4)  phase stage  score       "
        "no fit      fit  right",
    ),
    "legend": (
        "fase en stadium: gemiddeld (1–4); score ± spreiding; zonder fit: de score zonder de "
        "punten voor passende rollen en kanalen; fit: aandeel besluiten met de best passende "
        "rol; juist: aandeel voorspellingen dat uitkwam.",
        "phase and stage: mean (1–4); score ± spread; no fit: the score without the points for "
        "fitting roles and channels; fit: share of decisions with the best-fitting role; right: "
        "share of predictions that came true.",
    ),
    "stopped": (
        "{strategy}: {count} van de {games} spellen stopten vroeg, omdat de strategie zich niet "
        "aan de regels hield; hun cijfers tellen mee tot waar ze stopten.",
        "{strategy}: {count} of {games} games stopped early because the strategy broke the "
        "rules; their figures count up to where they stopped.",
    ),
    "relations": ("Fase per relatie (gemiddeld):", "Phase per relation (mean):"),
    "channels": (
        "Kanaalgebruik (deel van alle kaarten waarop het kanaal werd ingezet):",
        "Channel use (share of all cards the channel was used on):",
    ),
    "reached": (
        "Wanneer een fase gehaald wordt (aandeel spellen, mediane ronde):",
        "When a phase is reached (share of games, median round):",
    ),
    "dominant": ("Hoogste gemiddelde score: {name}.", "Highest mean score: {name}."),
    "greedy": (
        "'greedy' koos in {share:.0%} van de besluiten dezelfde rol als 'best'.",
        "'greedy' chose best's role in {share:.0%} of its decisions.",
    ),
    "warnings": ("Waarschuwingen:", "Warnings:"),
    "no_warnings": ("Geen waarschuwingen.", "No warnings."),
    "never": ("nooit", "never"),
}
