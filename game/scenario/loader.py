"""Loading scenario files. (Minimal for now: safe YAML, then the pydantic models.)"""

from __future__ import annotations

from pathlib import Path

import yaml

from game.scenario.models import Scenario

SCENARIO_DIR = Path(__file__).resolve().parent.parent.parent / "scenarios"
DEFAULT_SCENARIO = "gemeente-middelgroot"


def scenario_path(name_or_path: str | Path) -> Path:
    """A scenario file by path, or by id from the shipped scenarios folder."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path
    return SCENARIO_DIR / f"{name_or_path}.yaml"


def load_scenario(name_or_path: str | Path = DEFAULT_SCENARIO) -> Scenario:
    path = scenario_path(name_or_path)
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return Scenario.model_validate(data)
