"""A hot-seat workshop on one laptop, kept as a whole beside the teams' own autosaves.

Each team's game keeps its own autosave (``autosave-<team>-<game id>.json``); this small file,
``workshop-<workshop id>.workshop``, says what ties them together: the teams in their turn order
(each by its game id), which team is playing, the round timer (time left, running or paused)
and the facilitator's choice whether news goes to every team. It never holds a game itself, so a
workshop file that is damaged, forged or gone loses nothing: every team's game still loads on
its own from the list of saves.

It is read as hostile input: a regular file inside the saves folder, at most
``MAX_WORKSHOP_BYTES``, JSON checked field by field by pydantic (unknown keys, wrong types, a
control character, a team named twice are all refused), each refusal a ``SaveError`` with the
reason in Dutch and English. It is written atomically (``game.saves.atomic``). Its own format
and version (``WORKSHOP_FORMAT``, ``WORKSHOP_VERSION``) are apart from the saves' format: a save
is unchanged by it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError, model_validator

from game.saves.codec import first_problem, game_version
from game.saves.errors import SaveError
from game.saves.kinds import WORKSHOP_PREFIX as WORKSHOP_PREFIX
from game.saves.kinds import WORKSHOP_SUFFIX as WORKSHOP_SUFFIX
from game.saves.kinds import is_workshop_file as is_workshop_file
from game.saves.kinds import workshop_path as workshop_path
from game.saves.models import (
    Flag,
    GameId,
    Number,
    SaveModel,
    SaveTime,
    ScenarioId,
    ShortText,
    Whole,
)
from game.untrusted import Refused
from game.untrusted import read_regular as read_inside

WORKSHOP_FORMAT = "netwerkende-gemeente-workshop"
WORKSHOP_VERSION = 1
# Four teams take a few hundred bytes; anything much bigger is not a workshop file.
MAX_WORKSHOP_BYTES = 64 * 1024
# The longest round timer the panel offers is ten minutes; a day is more than any workshop.
MAX_TIMER_SECONDS = 24 * 3600


class WorkshopTeam(SaveModel):
    """One team of the workshop: its game is the autosave with this game id."""

    team: ShortText = Field(description="The team's name, as its game shows it.")
    game_id: GameId = Field(description="The id of the team's game (its autosave carries it).")
    round: Annotated[Whole, Field(ge=1, le=100)] = Field(
        description="The round the team's game was at when this file was written (for lists)."
    )
    finished: Flag = Field(description="Whether the team's game was over.")


class WorkshopTimer(SaveModel):
    """The facilitator's round timer as it stood."""

    seconds: Annotated[Whole, Field(ge=0, le=MAX_TIMER_SECONDS)] = Field(
        description="The length it was started with, in seconds."
    )
    left: Annotated[Number, Field(ge=0, le=MAX_TIMER_SECONDS)] = Field(description="Seconds left.")
    running: Flag = Field(description="Counting down (true) or paused (false).")


class WorkshopModel(SaveModel):
    """The workshop file, whole."""

    format: Literal["netwerkende-gemeente-workshop"] = Field(description="What this file is.")
    format_version: Literal[1] = Field(description="The version of this file's format.")
    game_version: Annotated[str, Field(max_length=80)] = Field(
        description="The game's version that wrote it."
    )
    workshop_id: GameId = Field(description="The workshop's own id (its lock and file name).")
    saved: SaveTime = Field(description="When it was written (shown in lists, never ordered by).")
    scenario_id: ScenarioId = Field(description="The scenario every team plays.")
    teams: Annotated[list[WorkshopTeam], Field(min_length=2, max_length=4)] = Field(
        description="The teams in their turn order."
    )
    playing: Annotated[Whole, Field(ge=0, le=3)] = Field(
        description="Which team (its place in ``teams``) had the laptop."
    )
    timer: WorkshopTimer | None = Field(description="The round timer, when one was set.")
    news_to_every_team: Flag = Field(
        description="Whether news from the facilitator's panel goes to every team (else only "
        "to the team playing)."
    )

    @model_validator(mode="after")
    def _consistent(self) -> WorkshopModel:
        if self.playing >= len(self.teams):
            raise ValueError(f"playing: team {self.playing} of {len(self.teams)} does not exist")
        ids = [team.game_id for team in self.teams]
        if len(set(ids)) != len(ids):
            raise ValueError("teams: one game is named twice")
        return self


def build_workshop(
    workshop_id: str,
    scenario_id: str,
    teams: list[WorkshopTeam],
    playing: int,
    timer: WorkshopTimer | None,
    news_to_every_team: bool,
) -> WorkshopModel:
    """A workshop file's content, checked as it will be read back."""
    return WorkshopModel(
        format=WORKSHOP_FORMAT,
        format_version=WORKSHOP_VERSION,
        game_version=game_version()[:80],
        workshop_id=workshop_id,
        saved=datetime.now(UTC),
        scenario_id=scenario_id,
        teams=teams,
        playing=playing,
        timer=timer,
        news_to_every_team=news_to_every_team,
    )


def encode_workshop(workshop: WorkshopModel) -> bytes:
    """The file's bytes: readable JSON."""
    document = workshop.model_dump(mode="json")
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_workshop(path: Path, folder: Path) -> WorkshopModel:
    """The workshop file at ``path`` (which must lie inside ``folder``), checked; ``SaveError``
    with the reason if it cannot be used. Never anything else, whatever the file holds."""
    try:
        raw, _ = read_inside(path, MAX_WORKSHOP_BYTES, folder)
    except Refused as refused:
        raise _refused(refused.kind, refused.detail, path) from refused
    try:
        document = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:  # not UTF-8, not JSON, a number too long
        name = type(error).__name__
        raise _unusable(
            f"it is not a workshop file ({name})", path, f"het is geen workshopbestand ({name})"
        ) from error
    if not isinstance(document, dict):
        raise _unusable("it is not a workshop file", path, "het is geen workshopbestand")
    version = document.get("format_version")
    newer = isinstance(version, int) and version > WORKSHOP_VERSION
    if document.get("format") == WORKSHOP_FORMAT and newer:
        raise SaveError(
            "newer_format",
            "This workshop was saved by a newer version of the game; its teams' games can "
            "still be loaded one by one.",
            "Deze workshop is opgeslagen met een nieuwere versie van het spel; de spellen "
            "van de teams kunnen nog een voor een worden geladen.",
            path,
        )
    try:
        return WorkshopModel.model_validate(document)
    except ValidationError as error:
        where, what = first_problem(error)
        raise _unusable(f"{where}: {what}", path) from error


def _unusable(detail: str, path: Path, detail_nl: str | None = None) -> SaveError:
    """``detail`` says why in English; ``detail_nl`` in Dutch, where it is words and not a
    technical name or value (which stays as it is)."""
    if detail_nl is None:
        detail_nl = detail
    return SaveError(
        "workshop_damaged",
        f"This workshop file cannot be used ({detail}). Its teams' games can still be loaded "
        "one by one.",
        f"Dit workshopbestand kan niet worden gebruikt ({detail_nl}). De spellen van de teams "
        "kunnen nog een voor een worden geladen.",
        path,
    )


def _refused(kind: str, detail: object, path: Path) -> SaveError:
    if kind == "not_found":
        return SaveError(
            "not_found",
            "This workshop file does not exist.",
            "Dit workshopbestand bestaat niet.",
            path,
        )
    if kind == "not_a_file" and isinstance(detail, tuple):
        return _unusable(
            f"it is {detail[0]}, not a plain file", path, f"het is {detail[1]}, geen gewoon bestand"
        )
    if kind == "outside":
        return _unusable(
            "it is a link that leads outside the saves folder",
            path,
            "het is een koppeling naar een plek buiten de map met opgeslagen spellen",
        )
    if kind == "too_large":
        return _unusable(
            f"{detail} bytes; a workshop file is far smaller",
            path,
            f"{detail} bytes; een workshopbestand is veel kleiner",
        )
    return _unusable(str(detail), path)


__all__ = [
    "MAX_WORKSHOP_BYTES",
    "WORKSHOP_FORMAT",
    "WORKSHOP_VERSION",
    "WorkshopModel",
    "WorkshopTeam",
    "WorkshopTimer",
    "build_workshop",
    "encode_workshop",
    "is_workshop_file",
    "read_workshop",
    "workshop_path",
]
