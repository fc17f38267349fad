"""Writing one save file: the game turned into a document, written atomically with a backup."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.saves.atomic import write_atomic
from game.saves.errors import SaveError
from game.saves.kinds import SaveKind
from game.saves.names import new_game_id
from game.sim.state import GameState

if TYPE_CHECKING:
    from game.scenario.models import Scenario


def write_save(
    path: Path,
    state: GameState,
    scenario: Scenario,
    team: str,
    kind: SaveKind = SaveKind.SLOT,
    name: str | None = None,
    thumbnail: str | None = None,
    *,
    game_id: str | None = None,
    sequence: int = 0,
    scenario_file: str | None = None,
    plan: dict[str, Any] | None = None,
) -> Path:
    """Write a save of ``state`` to ``path`` atomically, keeping the previous file as ``.bak``.

    ``game_id`` None: the save is of a game of its own (``autoplay --save``).
    """
    from game.saves.codec import build_document, encode  # the models: not for a window's start

    document = build_document(
        state,
        scenario,
        team,
        kind,
        name or path.stem,
        thumbnail,
        game_id=game_id or new_game_id(),
        sequence=sequence,
        scenario_file=scenario_file,
        plan=plan,
    )
    write_file(path, encode(document))
    return path


def write_file(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Write ``data`` to ``path`` atomically; a failure is a ``SaveError`` players can read."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, keep_backup)
    except OSError as error:
        raise SaveError(
            "write_failed",
            f"The game could not be saved in {path.parent} ({error.strerror or error}). The game "
            "goes on; choose another folder with --saves or free some space.",
            f"Het spel kon niet worden opgeslagen in {path.parent} ({error.strerror or error}). "
            "Het spel gaat door; kies een andere map met --saves of maak ruimte vrij.",
            path,
        ) from error
