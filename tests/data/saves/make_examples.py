"""Write the example save files of every format version, for the migration tests.

Run from the repository root: ``python tests/data/saves/make_examples.py``. The files are kept
in git; the tests never run this script. Formats 1 to 3 are written here by hand, the way the
game wrote them then (see ``game/saves/migrations.py``); the current format by the game itself.

It writes every example; an old format's file that still replays is best kept as git has it
(``git checkout`` it again): it shows what that version of the game really wrote. Only run it
again on purpose: when the rules change so that old games no longer replay the same
(the example test then says so), or when a new format version needs an example of the old one.
A replaced example means players' older saves will not load either; say so in the change notes.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from game.saves import SaveKind  # noqa: E402
from game.saves.codec import build_document, encode, game_version  # noqa: E402
from game.saves.migrations import body_checksum  # noqa: E402
from game.scenario.models import Scenario  # noqa: E402
from game.sim import Bot, new_game, resolve_round  # noqa: E402

SCENARIO_FILE = HERE / "saves-example.yaml"
SEED = 5
WHEN = datetime(2026, 3, 12, 14, 30, tzinfo=UTC)
GAME_ID = "5eed0e1a2b3c4d5e"


def _game(rounds: int):
    scenario = Scenario.model_validate(yaml.safe_load(SCENARIO_FILE.read_text(encoding="utf-8")))
    state = new_game(scenario, SEED)
    rng = state.rng()
    bot = Bot("random", SEED)
    for _ in range(rounds):
        state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
    return scenario, state


def _write(name: str, document: dict) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=1)
    (HERE / name).write_text(text + "\n", encoding="utf-8")


def format_1(state) -> dict:
    data = state.to_dict()
    rng = data.pop("rng_state")
    return {
        "format": "netwerkende-gemeente-save",
        "version": 1,
        "scenario": state.scenario_id,
        "scenario_version": state.scenario_version,
        "team": "Team Oost",
        "saved_at": WHEN.timestamp(),
        "rng": rng,
        "state": data,
    }


def format_2(state) -> dict:
    body = {"state": state.to_dict()}
    return {
        "format": "netwerkende-gemeente-save",
        "format_version": 2,
        "game_version": "0.1.0",
        "created": WHEN.isoformat(),
        "team": "Team West",
        "scenario_id": state.scenario_id,
        "scenario_version": state.scenario_version,
        "checksum": body_checksum(body),
        "body": body,
    }


def format_3(state, scenario) -> dict:
    body = {
        "seed": state.seed,
        "decisions": [record.decisions.to_dict() for record in state.history],
        "state": state.to_dict(),
    }
    title = scenario.title.pair()
    return {
        "format": "netwerkende-gemeente-save",
        "format_version": 3,
        "game_version": game_version(),
        "created": WHEN.isoformat(),
        "kind": "autosave",
        "name": "autosave",
        "team": "Team Noord",
        "scenario_id": state.scenario_id,
        "scenario_version": state.scenario_version,
        "scenario_title": {"nl": title.nl, "en": title.en},
        "round": state.round,
        "finished": state.finished,
        "thumbnail": None,
        "checksum": body_checksum(body),
        "body": body,
    }


def main() -> None:
    scenario, state = _game(2)
    _write("format-1.json", format_1(state))
    _write("format-2.json", format_2(state))
    (HERE / "format-3.json").write_bytes(encode(format_3(state, scenario)))
    scenario, finished = _game(3)
    _write("format-1-finished.json", format_1(finished))
    _write("format-2-finished.json", format_2(finished))
    current = build_document(
        state,
        scenario,
        "Team Zuid",
        SaveKind.AUTOSAVE,
        "autosave",
        None,
        WHEN,
        game_id=GAME_ID,
        sequence=7,
        scenario_file=None,
    )
    (HERE / "format-4.json").write_bytes(encode(current))


if __name__ == "__main__":
    main()
