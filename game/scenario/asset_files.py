"""The files a scenario names (icons, images, its logo and background): each must exist inside
the scenario's folder, links resolved, or the check says why not and what was meant."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from game.said import said
from game.scenario.errors import did_you_mean
from game.scenario.models import Scenario
from game.scenario.yamltree import DataPath


def assets(scenario: Scenario) -> Iterator[tuple[DataPath, str]]:
    lists: Sequence[tuple[str, Sequence[Any], str]] = (
        ("channels", scenario.channels, "icon"),
        ("initiatives", scenario.initiatives, "image"),
        ("actions", scenario.actions, "icon"),
        ("events", scenario.events, "image"),
    )
    for key, items, name in lists:
        for index, item in enumerate(items):
            value = getattr(item, name)
            if value is not None:
                yield (key, index, name), value
    for name in ("logo", "background"):
        value = getattr(scenario.assets, name)
        if value is not None:
            yield ("assets", name), value


def asset_problem(folder: Path, asset: str) -> str | None:
    """Why an asset path is unusable, or None. Links that lead out of the folder count too."""
    try:
        root = folder.resolve()
        target = (root / asset).resolve()
        if not target.is_relative_to(root):
            return said(
                "'{asset}' leads outside the scenario's folder; keep assets inside it", asset=asset
            )
        if target.is_file():
            return None
        hint = ""
        if target.parent.is_dir():
            near = Path(asset).parent
            names = ((near / p.name).as_posix() for p in target.parent.iterdir())
            hint = did_you_mean(asset, names)
    except (OSError, RuntimeError, ValueError) as error:  # too long, a loop of links, a NUL…
        return said(
            "'{asset}' cannot be opened: {why}",
            asset=asset,
            why=str(getattr(error, "strerror", None) or error),
        )
    return said(
        "there is no file '{asset}' in the scenario's folder ({folder}){hint}",
        asset=asset,
        folder=str(folder),
        hint=hint,
    )
