"""The starter scenario that ``python main.py new NAME`` writes: small, commented, and playable.

It is kept as text (not built from the models) because its comments are the point: a trainer
copies and changes it. There is one per kind of organisation (``starters/KIND.yaml``), because
a water board's purposes, relations and channels are not a municipality's, and the fitting
roles a starter shows should teach the model in the organisation's own world. A test loads
each one and plays it with a bot, so none drifts from the format.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.domain import OrganisationKind
from game.scenario.loader import SCENARIO_DIR

SCHEMA_FILE = SCENARIO_DIR / "scenario.schema.json"
STARTERS = Path(__file__).resolve().parent / "starters"
# The kinds with a starter of their own; a city or another organisation starts from one of them.
STARTER_KINDS: tuple[OrganisationKind, ...] = (
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.WATER_BOARD,
    OrganisationKind.PROVINCE,
    OrganisationKind.POLICE,
    OrganisationKind.COUNCIL_CLERK,
)


def starter_template(kind: OrganisationKind) -> str:
    """The starter of ``kind``, with its placeholders (``__ID__``, ``__SCHEMA__``, ``__FILE__``)."""
    if kind not in STARTER_KINDS:
        raise ValueError(f"there is no starter scenario for a {kind.value}")
    return (STARTERS / f"{kind.value}.yaml").read_text(encoding="utf-8")


def starter_text(
    scenario_id: str, path: Path, kind: OrganisationKind = OrganisationKind.MUNICIPALITY
) -> str:
    """The starter scenario of ``kind`` for ``scenario_id``, to be written at ``path``."""
    return (
        starter_template(kind)
        .replace("__ID__", scenario_id)
        .replace("__SCHEMA__", _schema_reference(path))
        .replace("__FILE__", _shown_path(path))
    )


def _schema_reference(path: Path) -> str:
    """The schema as editors find it: relative inside the game's folder, else by full path.

    Editors resolve a relative path from the file's own folder, so a file moved to another
    folder loses it: ``validate`` then warns with the line to write (``game.scenario.modeline``).
    """
    from game.scenario.modeline import schema_reference

    return schema_reference(path, SCHEMA_FILE)


def _shown_path(path: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), Path.cwd())).as_posix()
    except ValueError:
        return str(path)
