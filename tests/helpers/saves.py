"""Helpers shared by the save tests: played games (by a bot, or through the UI's controller),
scenario finders, rewriting a save's JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from game.saves import SaveStore
from game.saves.migrations import checksum_for, format_version_of
from game.scenario.models import Scenario
from game.sim import Bot, GameState, new_game, resolve_round
from game.ui.controller import GameController

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "saves"


def example_scenario() -> Scenario:
    """The frozen scenario the example saves of old formats were played on."""
    text = (EXAMPLES / "saves-example.yaml").read_text(encoding="utf-8")
    return Scenario.model_validate(yaml.safe_load(text))


def finder(*scenarios: Scenario) -> Callable[[str], Scenario | None]:
    """A ``find_scenario`` that knows exactly these scenarios."""
    by_id = {s.id: s for s in scenarios}
    return by_id.get


def played(scenario: Scenario, seed: int, rounds: int, strategy: str = "random") -> GameState:
    """``rounds`` rounds of ``scenario`` played by a bot (fewer if the game ends first)."""
    state = new_game(scenario, seed)
    rng = state.rng()
    bot = Bot(strategy, seed)
    for _ in range(rounds):
        if state.finished:
            break
        state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
    return state


def rewrite(path: Path, change: Callable[[dict[str, Any]], None], fix_checksum: bool) -> None:
    """Change a save's JSON in place; with ``fix_checksum``, as a forger who knows the rule."""
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    if fix_checksum:
        document["checksum"] = checksum_for(document, format_version_of(document) or 0)
    path.write_text(json.dumps(document), encoding="utf-8")


def forged(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Change a save's JSON in place and fix its checksum, as a forger who knows the rule."""
    rewrite(path, change, fix_checksum=True)


def controller_game(store: SaveStore, scenario: Scenario, team: str, seed: int, rounds: int):
    """A game played through the UI's controller (which autosaves), as a team would."""
    controller = GameController(autosave=store.autosave)
    controller.start(scenario, seed, team)
    bot = Bot("best", seed)
    for _ in range(rounds):
        controller.apply(bot.decide(controller.state, scenario))
        controller.resolve()
    assert controller.autosave_error is None
    return controller
