"""Every message between host and team: a pydantic model, checked before anything reads it.

A message is one JSON text of at most ``MAX_MESSAGE_BYTES``; its ``kind`` says which model it is.
Anything else (too big, not JSON, an unknown kind, a field too long or of the wrong type, an
extra field) is refused by ``read`` with a one-line reason, and the connection that sent it is
closed. A results document inside ``Ready`` is read again, as a results file is
(``game.results.files.decode``), by the host.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

# Version of this protocol: a team and host of different versions are told so, plainly.
PROTOCOL = 1
# A results document of a whole game is about 60 KB; a message may be ~16 times that, no more.
MAX_MESSAGE_BYTES = 1024 * 1024
# The join code: short enough to read off a projector and type.
CODE_PATTERN = r"^[A-Z0-9]{4,8}$"
ID_PATTERN = r"^[0-9a-f]{16}$"
SCENARIO_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,79}$"
EVENT_ID_PATTERN = r"^[A-Za-z0-9_.-]{1,80}$"
TeamName = Annotated[str, Field(min_length=1, max_length=40)]
Round = Annotated[int, Field(ge=0, le=99)]


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --- from a team to the host ---------------------------------------------------------------------


class Hello(_Message):
    """A team asks to join (or rejoin) with the join code the projector shows."""

    kind: Literal["hello"] = "hello"
    protocol: int
    code: Annotated[str, Field(max_length=16)]
    team: TeamName
    # Given by the host at the first join, kept by the team: a rejoin proves it is the same team.
    token: Annotated[str, Field(max_length=64)] = ""


class Ready(_Message):
    """A team has decided round ``round`` (or its game is over): its results so far, as the
    results file holds them (JSON text)."""

    kind: Literal["ready"] = "ready"
    round: Round
    finished: bool = False
    results: Annotated[str, Field(max_length=MAX_MESSAGE_BYTES)]


# --- from the host to a team ---------------------------------------------------------------------


class WorkshopInfo(_Message):
    """What every team plays: the same scenario (by id, from its own laptop), seed and length."""

    workshop_id: Annotated[str, Field(pattern=ID_PATTERN)]
    scenario_id: Annotated[str, Field(pattern=SCENARIO_ID_PATTERN)]
    scenario_version: Annotated[str, Field(max_length=40)]
    seed: Annotated[int, Field(ge=0, le=2**64 - 1)]
    length: Literal["short", "standard", "full"]


class News(_Message):
    """An event of the scenario brought into round ``round``'s news, for every team (``teams``
    empty) or the teams named."""

    kind: Literal["news"] = "news"
    round: Round
    event: Annotated[str, Field(pattern=EVENT_ID_PATTERN)]
    teams: Annotated[list[TeamName], Field(max_length=16)] = []


class Welcome(_Message):
    """The host took the team in: what it plays, under which game id, and where the room is."""

    kind: Literal["welcome"] = "welcome"
    team: TeamName
    token: Annotated[str, Field(max_length=64)]
    game_id: Annotated[str, Field(pattern=ID_PATTERN)]
    workshop: WorkshopInfo
    opened: Round
    revealed: Round
    news: Annotated[list[News], Field(max_length=64)] = []
    paused: bool = False
    ended: bool = False


class Refused(_Message):
    """The host will not take this team in; ``reason`` is a key the team's screen words."""

    kind: Literal["refused"] = "refused"
    reason: Literal["code", "protocol", "name_taken", "full", "ended", "bad_message"]


class Opened(_Message):
    """Round ``round`` is open: teams may decide it."""

    kind: Literal["open"] = "open"
    round: Round


class Reveal(_Message):
    """The outcomes of rounds up to ``round`` may be shown."""

    kind: Literal["reveal"] = "reveal"
    round: Round


class Pause(_Message):
    kind: Literal["pause"] = "pause"
    paused: bool


class Timer(_Message):
    """The facilitator's round timer: ``seconds`` left (0: stopped)."""

    kind: Literal["timer"] = "timer"
    seconds: Annotated[int, Field(ge=0, le=24 * 3600)]


class Skip(_Message):
    """Round ``round`` passes without decisions, in every team's game."""

    kind: Literal["skip"] = "skip"
    round: Round


class End(_Message):
    """The facilitator ends the game now, into the debrief."""

    kind: Literal["end"] = "end"


ToHost = Annotated[Hello | Ready, Field(discriminator="kind")]
ToTeam = Annotated[
    Welcome | Refused | Opened | Reveal | News | Pause | Timer | Skip | End,
    Field(discriminator="kind"),
]
_TO_HOST: TypeAdapter[Hello | Ready] = TypeAdapter(ToHost)
_TO_TEAM: TypeAdapter[Welcome | Refused | Opened | Reveal | News | Pause | Timer | Skip | End] = (
    TypeAdapter(ToTeam)
)


class BadMessage(ValueError):
    """A message that is refused, with the reason in one line (for the log)."""


def _checked(raw: str | bytes) -> bytes:
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else bytes(raw)
    if len(data) > MAX_MESSAGE_BYTES:
        raise BadMessage(f"too big ({len(data)} bytes; at most {MAX_MESSAGE_BYTES})")
    return data


def _reason(error: ValidationError) -> str:
    first = error.errors()[0] if error.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ())) or "message"
    return f"{where}: {first.get('msg', 'invalid')}"[:200]


def read_to_host(raw: str | bytes) -> Hello | Ready:
    """A team's message, checked; ``BadMessage`` otherwise."""
    try:
        return _TO_HOST.validate_json(_checked(raw))
    except ValidationError as error:
        raise BadMessage(_reason(error)) from None


def read_to_team(
    raw: str | bytes,
) -> Welcome | Refused | Opened | Reveal | News | Pause | Timer | Skip | End:
    """The host's message, checked; ``BadMessage`` otherwise."""
    try:
        return _TO_TEAM.validate_json(_checked(raw))
    except ValidationError as error:
        raise BadMessage(_reason(error)) from None


def write(message: _Message) -> str:
    """The message as the JSON text that travels."""
    return message.model_dump_json()
