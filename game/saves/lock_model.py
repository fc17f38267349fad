"""What a lock file holds, checked (pydantic): read only when another window's lock is found."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from game.saves.models import GameId, SaveModel, SaveTime, Whole
from game.saves.names import has_unprintable


def _host_name(value: str) -> str:
    if has_unprintable(value):
        raise ValueError("holds a control character")
    return value


class LockModel(SaveModel):
    """What a lock file holds."""

    format: Literal["netwerkende-gemeente-lock"] = Field(description="What this file is.")
    id: GameId = Field(description="The game (or workshop) it locks.")
    pid: Annotated[Whole, Field(ge=1, le=2**31)] = Field(description="The holder's process id.")
    host: Annotated[str, Field(min_length=1, max_length=255), AfterValidator(_host_name)] = Field(
        description="The holder's host name."
    )
    started: SaveTime = Field(description="When the holder took the lock.")
    token: Annotated[str, Field(pattern=r"^[0-9a-f]{16}$")] = Field(
        description="The holding window's own token."
    )
