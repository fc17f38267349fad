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
