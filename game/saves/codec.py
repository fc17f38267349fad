"""Turning a game into save bytes and save bytes back into a checked, current-format document.

Reading never trusts the file: every way a file can be wrong (cut off, edited, of another
program, of a newer game, of an older format) ends in a ``SaveError`` with a reason, and only a
document that passed every check is handed on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from pydantic import ValidationError

from game.saves.errors import SaveError
from game.saves.migrations import (
    CHECKSUM_SINCE,
    Document,
    RulesChanged,
    body_checksum,
    format_version_of,
    upgrade,
)
from game.saves.models import FORMAT_NAME, FORMAT_VERSION, SaveFile, SaveKind
from game.scenario.models import Scenario
from game.sim.state import GameState

# A 40-round game is well under a megabyte; anything this big is not one of ours.
MAX_SAVE_BYTES = 32 * 1024 * 1024


def game_version() -> str:
    """The installed game's version, written into every save."""
    try:
        return version("netwerkende-gemeente")
    except PackageNotFoundError:
        return "unknown"


def build_document(
    state: GameState,
    scenario: Scenario,
    team: str,
    kind: SaveKind,
    name: str,
    thumbnail: str | None = None,
    created: datetime | None = None,
) -> Document:
    """The JSON document of a save; the scenario contributes only its id, version and title."""
    if state.scenario_id != scenario.id:
        raise SaveError(
            "wrong_scenario",
            f"This game is of scenario '{state.scenario_id}', not '{scenario.id}'.",
            f"Dit spel hoort bij scenario '{state.scenario_id}', niet bij '{scenario.id}'.",
        )
    team = _short_text(team, "team name", "teamnaam")
    name = _short_text(name, "save name", "naam van de save")
    state_dict = state.to_dict()
    body = {
        "seed": state.seed,
        "decisions": [record.decisions.to_dict() for record in state.history],
        "state": state_dict,
    }
    title = scenario.title.pair()
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "game_version": game_version(),
        "created": (created or datetime.now(UTC)).isoformat(),
        "kind": kind.value,
        "name": name,
        "team": team,
        "scenario_id": state.scenario_id,
        "scenario_version": state.scenario_version,
        "scenario_title": {"nl": title.nl, "en": title.en},
        "round": state.round,
        "finished": state.finished,
        "thumbnail": thumbnail,
        "checksum": body_checksum(body),
        "body": body,
    }


def _short_text(value: str, what: str, wat: str) -> str:
    value = " ".join(str(value).split())
    if not value:
        raise SaveError("bad_name", f"The {what} is empty.", f"De {wat} is leeg.")
    if len(value) > 80:
        raise SaveError(
            "bad_name",
            f"The {what} is longer than 80 characters.",
            f"De {wat} is langer dan 80 tekens.",
        )
    return value


def encode(document: Document) -> bytes:
    """Compact UTF-8 JSON; saves are read by the game, not by people."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8") + b"\n"


@dataclass(frozen=True, slots=True)
class Decoded:
    """A save that passed every check of its file: format, version, checksum, shape."""

    save: SaveFile
    document: Document
    read_version: int


def decode(raw: bytes) -> Decoded:
    """Check ``raw`` and bring it to the current format; raises ``SaveError`` with the reason."""
    document = _parse(raw)
    if document.get("format") != FORMAT_NAME:
        raise SaveError(
            "unknown_format",
            "This file is not a save of Netwerkende Gemeente.",
            "Dit bestand is geen opgeslagen spel van Netwerkende Gemeente.",
        )
    read_version = format_version_of(document)
    if read_version is None or read_version < 1:
        raise SaveError(
            "unknown_format",
            "This save has no format version the game knows.",
            "Dit opgeslagen spel heeft geen formaatversie die het spel kent.",
        )
    if read_version > FORMAT_VERSION:
        raise SaveError(
            "newer_format",
            f"This save was made by a newer version of the game (save format {read_version}; "
            f"this game reads up to {FORMAT_VERSION}). Update the game to open it.",
            f"Dit spel is opgeslagen door een nieuwere versie van het spel (formaat "
            f"{read_version}; deze versie leest tot en met {FORMAT_VERSION}). Werk het spel bij "
            "om het te openen.",
        )
    if read_version >= CHECKSUM_SINCE:
        _check_checksum(document)
    try:
        current = upgrade(document, read_version, FORMAT_VERSION)
    except RulesChanged as error:
        raise SaveError(
            "old_rules",
            f"This save was made by an older version of the game (save format {read_version}), "
            "whose rules were different: growth did not yet differ per citizen relation. The "
            "game cannot continue it under the new rules. Start a new game; this file is kept "
            "as it is.",
            f"Dit spel is opgeslagen door een oudere versie van het spel (formaat {read_version}) "
            "met andere spelregels: groei verschilde nog niet per relatie met inwoners. Het spel "
            "kan het onder de nieuwe regels niet voortzetten. Begin een nieuw spel; dit bestand "
            "blijft zoals het is.",
        ) from error
    except (LookupError, TypeError, ValueError, AttributeError, ArithmeticError, OSError) as error:
        raise SaveError(
            "migration_failed",
            f"This save has the older format {read_version} and could not be upgraded: "
            f"{_describe(error)}.",
            f"Dit opgeslagen spel heeft het oudere formaat {read_version} en kon niet worden "
            f"bijgewerkt: {_describe(error)}.",
        ) from error
    try:
        save = SaveFile.model_validate(current)
    except ValidationError as error:
        where, what = _first_problem(error)
        raise SaveError(
            "invalid",
            f"This save is damaged: {where}: {what}.",
            f"Dit opgeslagen spel is beschadigd: {where}: {what}.",
        ) from error
    return Decoded(save, current, read_version)


def _parse(raw: bytes) -> dict[str, Any]:
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(
            "too_large",
            f"This file is too large to be a save ({len(raw) // 1024 // 1024} MB).",
            f"Dit bestand is te groot voor een opgeslagen spel ({len(raw) // 1024 // 1024} MB).",
        )
    if not raw.strip():
        raise SaveError(
            "truncated",
            "This save is empty: it was probably cut off while it was being written.",
            "Dit opgeslagen spel is leeg: het is waarschijnlijk afgebroken tijdens het opslaan.",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SaveError(
            "unknown_format",
            "This file is not a save of Netwerkende Gemeente (it is not text).",
            "Dit bestand is geen opgeslagen spel van Netwerkende Gemeente (het is geen tekst).",
        ) from error
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise SaveError(
                "truncated",
                "This save is incomplete: the file stops in the middle.",
                "Dit opgeslagen spel is onvolledig: het bestand houdt halverwege op.",
            ) from error
        raise SaveError(
            "damaged",
            f"This save is damaged (line {error.lineno}, column {error.colno}: {error.msg}).",
            f"Dit opgeslagen spel is beschadigd (regel {error.lineno}, kolom {error.colno}: "
            f"{error.msg}).",
        ) from error
    except RecursionError as error:
        raise SaveError(
            "damaged",
            "This save is damaged (nested too deeply).",
            "Dit opgeslagen spel is beschadigd (te diep genest).",
        ) from error
    if not isinstance(document, dict):
        raise SaveError(
            "unknown_format",
            "This file is not a save of Netwerkende Gemeente.",
            "Dit bestand is geen opgeslagen spel van Netwerkende Gemeente.",
        )
    return document


def _check_checksum(document: Document) -> None:
    body = document.get("body")
    stored = document.get("checksum")
    try:
        actual = body_checksum(body)
    except ValueError:  # NaN or infinity somewhere: never written by the game
        actual = None
    if stored != actual:
        raise SaveError(
            "checksum",
            "This save does not match its checksum: it was changed after it was written "
            "(edited by hand, or damaged).",
            "Dit opgeslagen spel klopt niet met zijn controlegetal: het is na het opslaan "
            "veranderd (met de hand bewerkt, of beschadigd).",
        )


def _first_problem(error: ValidationError) -> tuple[str, str]:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "the file"
    return where, first["msg"]


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"the field {error.args[0]!r} is missing"
    return str(error) or type(error).__name__
