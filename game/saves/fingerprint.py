"""The fingerprint of a game: what a save keeps to know that its replay is the game saved.

Since format 8 a save holds what cannot be recomputed (the seed, the decisions, the
facilitator's steps, the length, the group's ambition) and never the game state: loading plays
the game again from them. Without the state, a save still says which game those inputs gave when
it was written, so a replay that differs (the rules or the scenario changed since, or a forger
fixed the checksum) is refused with where it parted, never smoothed over. The fingerprint is:

- per round played, the indicators after it (so a difference can be named: "round 2,
  indicators.trust: saved 99.0, replayed 51.3") and a digest of everything the round held
  (news, outcomes, effects, phases);
- the overall growth phase now, and a digest of the whole state (the rounds' digests in place of
  the history): every number, every choice, the generator's state.

Digests are sha256 over canonical JSON of ``GameState.to_dict(wording=False)``: how an effect is
worded (its sentence and the values filled into it) is presentation, not game, so a newer game
version that says the same thing better still loads the save. A round's digest is cut to 16 hex
digits (a round is one of at most 40, and its indicators are kept beside it); the whole state's is
kept whole.
"""

from __future__ import annotations

import hashlib
from typing import Any

from game.saves.canonical import canonical_json
from game.sim.state import GameState

ROUND_DIGEST_CHARS = 16
ROUND_DIGEST_PATTERN = rf"^[0-9a-f]{{{ROUND_DIGEST_CHARS}}}$"

Fingerprint = dict[str, Any]


def fingerprint(state: GameState) -> Fingerprint:
    """The fingerprint of ``state``, JSON-ready (``FingerprintModel``)."""
    return fingerprint_of(state.to_dict(wording=False))


def fingerprint_of(game: dict[str, Any]) -> Fingerprint:
    """The fingerprint of a game as ``GameState.to_dict(wording=False)`` writes it."""
    rounds = []
    for record in game["history"]:
        digest = hashlib.sha256(canonical_json(record)).hexdigest()[:ROUND_DIGEST_CHARS]
        rounds.append({"indicators": record["indicators"], "digest": digest})
    rest = {**game, "history": [one["digest"] for one in rounds]}
    return {
        "rounds": rounds,
        "phase": game["phase"],
        "digest": "sha256:" + hashlib.sha256(canonical_json(rest)).hexdigest(),
    }


def without_wording(game: dict[str, Any]) -> dict[str, Any]:
    """A state as a save of format 7 held it (``GameState.to_dict()``, from JSON), as
    ``to_dict(wording=False)`` gives it: every effect without its sentence. A copy.

    A save of format 7 written before the ambition (issue 21) had none: no aims is an empty one.
    """
    game = {**game, "ambition": game.get("ambition", {})}
    game["news_effects"] = [_plain(effect) for effect in game["news_effects"]]
    game["history"] = [
        {**record, "effects": [_plain(effect) for effect in record["effects"]]}
        for record in game["history"]
    ]
    return game


def _plain(effect: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in effect.items() if key not in ("key", "params")}
