"""The words the reference checks put into their messages: each kind of thing a scenario
names by id, as a Dutch or English sentence needs it (Dutch nouns differ in article, 'het
kanaal', 'de gebeurtenis', so every phrase is a message of its own)."""

from __future__ import annotations

from game.said import said

KIND_NAMES = {
    "channel": said("channel"),
    "initiative": said("initiative"),
    "action": said("development action"),
    "event": said("event"),
}
A_KIND = {
    "channel": said("a channel"),
    "initiative": said("an initiative"),
    "action": said("a development action"),
    "event": said("an event"),
}
THE_KIND = {
    "channel": said("the channel"),
    "initiative": said("the initiative"),
    "action": said("the development action"),
    "event": said("the event"),
}
EACH_KIND = {
    "channel": said("each channel"),
    "initiative": said("each initiative"),
    "action": said("each development action"),
    "event": said("each event"),
}
NO_KIND = {
    "channel": said("no channel"),
    "initiative": said("no initiative"),
    "action": said("no development action"),
    "event": said("no event"),
}
KINDS = {
    "channel": said("channels"),
    "initiative": said("initiatives"),
    "action": said("development actions"),
    "event": said("events"),
}


def never_comes(round_: int, rounds: int) -> str:
    return said(
        "round {round} never comes: the scenario has {rounds} rounds", round=round_, rounds=rounds
    )


def known(kind: str, ids: list[str]) -> str:
    if not ids:
        return said("; this scenario has no {kinds} yet", kinds=KINDS[kind])
    if len(ids) <= 12:
        return said("; known {kinds}: {ids}", kinds=KINDS[kind], ids=", ".join(ids))
    return ""
