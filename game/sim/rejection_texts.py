"""Why the core refuses a round's decisions, in Dutch and English: key -> (Dutch, English).

Data only; ``game.sim.effect_texts`` takes them into the one table of sentences.
"""

from __future__ import annotations

REJECTION_TEXTS: dict[str, tuple[str, str]] = {
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
        "Dit kost {needed}, maar er is nog maar {available} budget.",
        "This costs {needed}, but only {available} of the budget is left.",
    ),
}
