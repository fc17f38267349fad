"""Upgrading saves of older format versions, one step at a time.

Each step turns a document of format version N into one of version N+1 and touches nothing
else, so a file of any old version reaches the current one through the same tested steps. A new
format version adds one function here and one entry in ``MIGRATIONS``, and stores an example file
of the version it replaces under ``tests/data/saves/``.

The versions so far:

1. The first format: the team, the scenario id and version, a Unix time, the game state, and the
   random generator's state kept apart from it. No checksum.
2. An envelope (format, format_version, game_version, created as ISO time, scenario id and
   version, team) around a body holding the state, which now carries its generator state; a
   sha256 checksum of the body.
3. The envelope also says what kind of save it is (autosave or a named slot), its name, the round,
   whether the game is over, the scenario's title and a thumbnail; the body holds the seed and
   the decision log next to the state, so the game can be replayed from them.
4. A save belongs to a game: the envelope holds the game's id, the saves folder's write counter
   (``sequence``: "continue" takes the highest, whatever the clocks said) and the scenario file
   the game was played from. The checksum covers the whole document, envelope included.
5. The rules changed (issue 9): growth phases per citizen relation, initiatives that unfold,
   predictions in the decisions, a generator whose state is one number. A game of an older
   format cannot be replayed under the new rules, so it cannot be upgraded: it is refused with
   that reason (``RulesChanged``) and the file is left as it is.
6. The facilitator's steps (issue 12): the game state holds ``interventions``, what the
   facilitator did (an event brought in, a round skipped, the game ended early, pauses, the
   timer), replayed with the decisions. A game of format 5 had none.
7. The rules changed again (issue 18): growth keeps a track record per citizen relation that
   weighs recent choices most (``relation_record``) and one of how well channels served the
   purposes (``channel_record``); the organisation's phase follows most relations, collaborating
   asks other things, the score is made up differently. A game of format 6 (or 5) no longer
   replays to the game that was saved, so it is refused like format 4 was (``RulesChanged``),
   and its file is left as it is. Every field of the state is required from this format on.
8. A save stores what cannot be recomputed (issue 22): the seed, the decision log, the
   facilitator's steps, the game's length and the group's ambition, and a fingerprint of the
   game they gave (``game.saves.fingerprint``); no game state. Loading replays the game, as it
   did before, and refuses it when the replay does not match the fingerprint. A format-7 file is
   checked by its own models (``game.saves.format7``) and its state becomes the fingerprint, so
   it loads as the same game, or is refused where it differs, exactly as before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from game.saves.canonical import canonical_json

Document = dict[str, Any]
Migration = Callable[[Document], Document]


def body_checksum(body: Any) -> str:
    """The checksum formats 2 and 3 keep of their body."""
    return "sha256:" + hashlib.sha256(canonical_json(body)).hexdigest()


def document_checksum(document: Document) -> str:
    """The checksum format 4 and up keep: everything in the file but the checksum itself."""
    rest = {key: value for key, value in document.items() if key != "checksum"}
    return "sha256:" + hashlib.sha256(canonical_json(rest)).hexdigest()


def checksum_for(document: Document, version: int) -> str | None:
    """The checksum a document of format ``version`` should carry; None before format 2."""
    if version >= ENVELOPE_CHECKSUM_SINCE:
        return document_checksum(document)
    if version >= CHECKSUM_SINCE:
        return body_checksum(document.get("body"))
    return None


def format_version_of(document: Document) -> int | None:
    """The format version a document says it has (format 1 called the field ``version``)."""
    version = document.get("format_version", document.get("version"))
    if isinstance(version, int) and not isinstance(version, bool):
        return version
    return None


def _v1_to_v2(old: Document) -> Document:
    """Wrap the state in an envelope and body, move the generator state in, add a checksum."""
    state = dict(old["state"])
    state["rng_state"] = old["rng"]
    body = {"state": state}
    created = datetime.fromtimestamp(float(old["saved_at"]), UTC)
    return {
        "format": old["format"],
        "format_version": 2,
        # Format 1 did not record which game wrote it.
        "game_version": "unknown",
        "created": created.isoformat(),
        "team": old["team"],
        "scenario_id": old["scenario"],
        "scenario_version": old["scenario_version"],
        "checksum": body_checksum(body),
        "body": body,
    }


def _v2_to_v3(old: Document) -> Document:
    """Describe the save in the envelope and keep the decision log beside the state."""
    state = old["body"]["state"]
    body = {
        "seed": state["seed"],
        "decisions": [record["decisions"] for record in state["history"]],
        "state": state,
    }
    return {
        "format": old["format"],
        "format_version": 3,
        "game_version": old["game_version"],
        "created": old["created"],
        # Format 2 had only manual saves, without a name: name them after their round.
        "kind": "slot",
        "name": f"round {state['round']}",
        "team": old["team"],
        "scenario_id": old["scenario_id"],
        "scenario_version": old["scenario_version"],
        "scenario_title": None,
        "round": state["round"],
        "finished": state["finished"],
        "thumbnail": None,
        "checksum": body_checksum(body),
        "body": body,
    }


def legacy_game_id(team: Any, scenario_id: Any, seed: Any) -> str:
    """A game id for a save made before games had one.

    Derived, not random, so an old autosave and its backup (same team, scenario and seed) stay
    one game; a game continued from it writes under this id from then on.
    """
    key = json.dumps([team, scenario_id, seed], ensure_ascii=True)
    return hashlib.sha256(key.encode("ascii")).hexdigest()[:16]


def _v3_to_v4(old: Document) -> Document:
    """Give the save its game, a write counter of 0 (older than any new save), no scenario file;
    and a checksum over the whole document."""
    new = {
        "format": old["format"],
        "format_version": 4,
        "game_version": old["game_version"],
        "created": old["created"],
        "game_id": legacy_game_id(old["team"], old["scenario_id"], old["body"]["seed"]),
        "sequence": 0,
        "kind": old["kind"],
        "name": old["name"],
        "team": old["team"],
        "scenario_id": old["scenario_id"],
        "scenario_version": old["scenario_version"],
        "scenario_title": old["scenario_title"],
        "scenario_file": None,
        "round": old["round"],
        "finished": old["finished"],
        "thumbnail": old["thumbnail"],
        "body": old["body"],
    }
    new["checksum"] = document_checksum(new)
    return new


class RulesChanged(Exception):
    """A save from before a change of the game's rules: its game cannot be replayed any more.

    ``version`` is the last format of the rules the save was played under (4: before growth per
    relation, issue 9; 6: before the track records, issue 18), so the reason can say what changed.
    """

    def __init__(self, version: int) -> None:
        super().__init__(f"format {version} was written under older rules")
        self.version = version


def _v4_to_v5(old: Document) -> Document:
    """Games of format 4 were played under the old rules; they cannot become games of format 5."""
    raise RulesChanged(4)


def _v5_to_v6(old: Document) -> Document:
    """No facilitator yet: an empty list of interventions in the state; a new checksum."""
    new = dict(old)
    body = dict(old["body"])
    state = dict(body["state"])
    state["interventions"] = []
    body["state"] = state
    new["body"] = body
    new["format_version"] = 6
    new["checksum"] = document_checksum(new)
    return new


def _v6_to_v7(old: Document) -> Document:
    """Games of format 6 were played under the rules before issue 18; they cannot become games
    of format 7 (their track records would be made up, and the replay gives another game)."""
    raise RulesChanged(6)


def _v7_to_v8(old: Document) -> Document:
    """Keep the game's inputs and the fingerprint of its state, not the state; a new checksum.

    The format-7 file is checked whole first (``game.saves.format7``): pydantic's
    ``ValidationError`` says where it is wrong. (Imported here: its models of the old format
    are needed only for a format-7 file, not at every start.)
    """
    from game.saves.format7 import to_format_8

    new = to_format_8(old)
    new["checksum"] = document_checksum(new)
    return new


# From version N to N+1. Keep every step: files of every old version must still be read, and
# either upgraded or refused with the reason.
MIGRATIONS: dict[int, Migration] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
    7: _v7_to_v8,
}

# The first version whose files carry a checksum of their body.
CHECKSUM_SINCE = 2
# The first version whose checksum covers the envelope too.
ENVELOPE_CHECKSUM_SINCE = 4


def upgrade(document: Document, version: int, target: int) -> Document:
    """``document`` of format ``version`` upgraded step by step to ``target``.

    Raises ``LookupError``, ``TypeError`` or ``ValueError`` when a step cannot find what it
    needs; the caller turns that into a message for the players.
    """
    while version < target:
        document = MIGRATIONS[version](document)
        version += 1
    return document
