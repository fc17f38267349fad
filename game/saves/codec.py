"""Turning a game into save bytes and save bytes back into a checked, current-format document.

Reading never trusts the file: every way a file can be wrong (cut off, edited, of another
program, of a newer game, of an older format, built to hurt: numbers of thousands of digits,
nesting thousands deep, NUL characters) ends in a ``SaveError`` with a reason, and only a
document that passed every check is handed on. Decoding is bounded: its cost grows with the
file's size, which the caller has already limited (``MAX_SAVE_BYTES``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from game.saves.errors import SaveError
from game.saves.fingerprint import fingerprint
from game.saves.kinds import MAX_SAVE_BYTES as MAX_SAVE_BYTES
from game.saves.kinds import too_large as too_large
from game.saves.migrations import (
    Document,
    RulesChanged,
    checksum_for,
    format_version_of,
    upgrade,
)
from game.saves.models import FORMAT_NAME, FORMAT_VERSION, SaveFile, SaveKind
from game.saves.names import clean_name, has_forbidden
from game.sim.state import GameState

if TYPE_CHECKING:
    from game.scenario.models import Scenario

# The game's saves nest about a dozen levels deep and hold no number longer than a float's 17
# digits (plus sign and exponent); the generator state's words have at most 10.
MAX_DEPTH = 40
MAX_NUMBER_CHARS = 40


@cache
def game_version() -> str:
    """The installed game's version, written into every save (read once: parsing the package's
    metadata took half of a save's encoding, issue 22)."""
    from importlib.metadata import PackageNotFoundError, version  # 20 ms: not at every start

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
    *,
    game_id: str,
    sequence: int = 0,
    scenario_file: str | None = None,
    plan: dict[str, Any] | None = None,
) -> Document:
    """The JSON document of a save; the scenario contributes only its id, version and title.

    ``game_id`` says which game the save belongs to; ``sequence`` is the saves folder's write
    counter; ``scenario_file`` where the scenario was read from, to find it again on load.
    """
    if state.scenario_id != scenario.id:
        raise SaveError(
            "wrong_scenario",
            f"This game is of scenario '{state.scenario_id}', not '{scenario.id}'.",
            f"Dit spel hoort bij scenario '{state.scenario_id}', niet bij '{scenario.id}'.",
        )
    team = _short_text(team, "team name", "teamnaam")
    name = _short_text(name, "save name", "naam van het opgeslagen spel")
    body: Document = {
        "seed": state.seed,
        "length": state.length.value,
        "ambition": {relation.value: aim.value for relation, aim in state.ambition.items()},
        "decisions": [record.decisions.to_dict() for record in state.history],
        "interventions": [step.to_dict() for step in state.interventions],
        "fingerprint": fingerprint(state),
    }
    if plan and not state.finished:
        # The choices made so far this round (``PlanModel``): Continue brings them back.
        body["plan"] = plan
    title = scenario.title.pair()
    document: Document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "game_version": game_version(),
        "created": (created or datetime.now(UTC)).isoformat(),
        "game_id": game_id,
        "sequence": sequence,
        "kind": kind.value,
        "name": name,
        "team": team,
        "scenario_id": state.scenario_id,
        "scenario_version": state.scenario_version,
        "scenario_title": {"nl": clean_name(title.nl, 200), "en": clean_name(title.en, 200)},
        "scenario_file": scenario_file,
        "round": state.round,
        "finished": state.finished,
        "thumbnail": thumbnail,
        "body": body,
    }
    checksum = checksum_for(document, FORMAT_VERSION)
    document["checksum"] = checksum
    return document


def _short_text(value: str, what: str, wat: str) -> str:
    value = clean_name(value, 10_000)
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
            f"Dit spel is opgeslagen met een nieuwere versie van het spel (formaat "
            f"{read_version}; deze versie kan tot en met formaat {FORMAT_VERSION} lezen). Werk "
            "het spel bij om het te openen.",
        )
    _check_checksum(document, read_version)
    try:
        current = upgrade(document, read_version, FORMAT_VERSION)
    except RulesChanged as error:
        raise _old_rules(read_version, error.version) from error
    except ValidationError as error:  # an older format's own models refused it (format 7)
        raise _invalid(error) from error
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
        raise _invalid(error) from error
    return Decoded(save, current, read_version)


def _invalid(error: ValidationError) -> SaveError:
    where, what = first_problem(error)
    return SaveError(
        "invalid",
        f"This save is damaged: {where}: {what}.",
        f"Dit opgeslagen spel is beschadigd: {where}: {what}.",
    )


# What changed in the rules since a save's format, in words a workshop group understands: by the
# last format of the rules it was played under (``RulesChanged.version``).
_RULES_CHANGES = {
    4: (
        "growth did not yet differ per citizen relation",
        "groei verschilde nog niet per relatie met inwoners",
    ),
    6: (
        "growth, the phase of the whole organisation and the score are now worked out "
        "differently, with more weight for the team's recent choices",
        "groei, de fase van de hele organisatie en de score worden nu anders bepaald, en de "
        "recente keuzes van het team tellen zwaarder",
    ),
}


def _old_rules(read_version: int, rules_version: int) -> SaveError:
    """The refusal of a save whose game was played under earlier rules: why, and what to do."""
    en, nl = _RULES_CHANGES.get(
        rules_version, ("they have changed since", "die zijn sindsdien veranderd")
    )
    return SaveError(
        "old_rules",
        f"This save was made by an older version of the game (save format {read_version}), "
        f"whose rules were different: {en}. The game cannot continue it under the new rules. "
        "Start a new game; this file is kept as it is.",
        f"Dit spel is opgeslagen met een oudere versie van het spel (formaat {read_version}), "
        f"die andere spelregels had: {nl}. Onder de nieuwe regels kan het niet verder worden "
        "gespeeld. Begin een nieuw spel; dit bestand blijft zoals het is.",
    )


def _parse(raw: bytes) -> dict[str, Any]:
    if len(raw) > MAX_SAVE_BYTES:
        raise too_large(len(raw))
    if not raw.strip():
        raise SaveError(
            "truncated",
            "This save is empty: it was probably cut off while it was being written.",
            "Dit opgeslagen spel is leeg: het opslaan is waarschijnlijk halverwege afgebroken.",
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
        document = json.loads(
            text, parse_int=_bounded_int, parse_float=_bounded_float, parse_constant=_no_constant
        )
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
    _check_tree(document)
    return document


def _bounded_int(digits: str) -> int:
    """An integer from the file, refused before Python spends time on thousands of digits."""
    if len(digits) > MAX_NUMBER_CHARS:
        raise _number_too_long(digits)
    return int(digits)


def _bounded_float(digits: str) -> float:
    if len(digits) > MAX_NUMBER_CHARS:
        raise _number_too_long(digits)
    return float(digits)


def _number_too_long(digits: str) -> SaveError:
    return SaveError(
        "number_too_large",
        f"This save holds a number of {len(digits)} characters; the game never writes numbers "
        "that long (the file is damaged or was made by another program).",
        f"Dit opgeslagen spel bevat een getal van {len(digits)} tekens; zulke lange getallen "
        "schrijft het spel nooit (het bestand is beschadigd of door een ander programma gemaakt).",
    )


def _no_constant(name: str) -> float:
    raise SaveError(
        "damaged",
        f"This save is damaged: it holds {name}, which is not a number the game writes.",
        f"Dit opgeslagen spel is beschadigd: het bevat {name}, en dat is geen getal dat het spel "
        "schrijft.",
    )


def _check_tree(document: Document) -> None:
    """Refuse nesting deeper than any save and text with control characters, anywhere.

    Walked with a stack, not recursion, so a hostile file cannot exhaust Python's stack here.
    """
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            if depth > MAX_DEPTH:
                raise _too_deep()
            for key, item in value.items():
                if has_forbidden(key):
                    raise _unprintable()
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            if depth > MAX_DEPTH:
                raise _too_deep()
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str) and has_forbidden(value):
            raise _unprintable()


def _too_deep() -> SaveError:
    return SaveError(
        "damaged",
        "This save is damaged (nested too deeply).",
        "Dit opgeslagen spel is beschadigd (te diep genest).",
    )


def _unprintable() -> SaveError:
    return SaveError(
        "control_character",
        "This save holds a control character (such as NUL) in its text; the game never writes "
        "those (the file is damaged or was edited).",
        "Dit opgeslagen spel bevat een stuurteken (zoals NUL) in de tekst; dat schrijft het spel "
        "nooit (het bestand is beschadigd of bewerkt).",
    )


def _check_checksum(document: Document, version: int) -> None:
    stored = document.get("checksum")
    try:
        actual = checksum_for(document, version)
    except ValueError:  # NaN or infinity somewhere: never written by the game
        actual = "?"
    if actual is None:  # format 1 had no checksum
        return
    if stored != actual:
        raise SaveError(
            "checksum",
            "This save does not match its checksum: it was changed after it was written "
            "(edited by hand, or damaged).",
            "Het controlegetal van dit opgeslagen spel klopt niet: het bestand is na het "
            "opslaan veranderd (met de hand bewerkt, of beschadigd).",
        )


def first_problem(error: ValidationError) -> tuple[str, str]:
    """Where the first problem is and what it is; a value of the wrong type is shown, since
    ``7.0`` and ``7`` read alike in words ("should be a valid integer, not 7.0")."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "the file"
    what = first["msg"]
    found = first.get("input")
    if first["type"].endswith("_type") and isinstance(found, int | float | str | bool):
        what = f"{what}, not {json.dumps(found, ensure_ascii=False)[:40]}"
    return where, what


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"the field {error.args[0]!r} is missing"
    return str(error) or type(error).__name__
