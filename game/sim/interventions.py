"""What the facilitator did during a game (issue 12), as plain data kept in the game's record:
the steps that change the game are carried out again when a save is replayed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class InterventionKind(StrEnum):
    """What the facilitator did. Only ``inject``, ``skip`` and ``end`` change the game; the rest
    are kept so a save (and a results file) tells the whole story of the session."""

    PAUSE = "pause"
    TIMER = "timer"
    TIMER_OUT = "timer_out"
    REVEAL = "reveal"
    INJECT = "inject"
    SKIP = "skip"
    END = "end"


# The kinds that change the game, and so are carried out again when a save is replayed.
GAME_CHANGING = frozenset({InterventionKind.INJECT, InterventionKind.SKIP, InterventionKind.END})


@dataclass(frozen=True, slots=True)
class Intervention:
    """One thing the facilitator did, in the round the game was at (``GameState.round``).

    ``subject`` says what it was about: the event injected, the timer's seconds, "one" or "all"
    outcomes revealed; empty when there is nothing more to say.
    """

    round: int
    kind: InterventionKind
    subject: str = ""

    @property
    def changes_game(self) -> bool:
        return self.kind in GAME_CHANGING

    def to_dict(self) -> dict[str, Any]:
        return {"round": self.round, "kind": self.kind.value, "subject": self.subject}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Intervention:
        return cls(int(data["round"]), InterventionKind(data["kind"]), str(data["subject"]))
