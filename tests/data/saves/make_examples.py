"""Write the example save files of every format version, for the migration tests.

Run from the repository root: ``python tests/data/saves/make_examples.py``. The files are kept
in git; the tests never run this script. It writes the example of the current format, by the game
itself. The examples of formats 1–7 were written by earlier versions of this script (formats 1 to
3 by hand, the way the game wrote them then) and are kept as they are: since format 5 the rules
differ, so the games of formats 1–4 are refused with that reason, and since format 7 (issue 18)
they differ again, so those of formats 5 and 6 are too (``game/saves/migrations.py``). The
format-7 game is upgraded to format 8 and loads.

Format 6 (issue 12) added the facilitator's steps, so the example has a pause, the timer and a
skipped round; format 7 (issue 18) adds the track records per relation and of the channels, and
makes every field of the state required (its example was written before the ambition of issue 21,
so it has none). Format 8 (issue 22) keeps the game's inputs and a fingerprint instead of the
state; its example also has the group's ambition. It writes only the current format's example;
an old format's file is best kept as git has it (``git checkout`` it again if it was
overwritten): it shows what that version of the game really wrote. Only run it again on
purpose: when the rules change so that old games no longer replay the same (the example test
then says so), or when a new format version needs an example of the old one. A replaced
example means players' older saves will not load either; say so in the change notes.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from game.domain import CitizenRelation, GrowthPhase  # noqa: E402
from game.saves import FORMAT_VERSION, SaveKind  # noqa: E402
from game.saves.codec import build_document, encode  # noqa: E402
from game.scenario.models import Scenario  # noqa: E402
from game.sim import Bot, new_game, resolve_round  # noqa: E402
from game.sim.ambition import set_ambition  # noqa: E402
from game.sim.facilitator import record, skip_round  # noqa: E402
from game.sim.interventions import InterventionKind  # noqa: E402

SCENARIO_FILE = HERE / "saves-example.yaml"
SEED = 5
WHEN = datetime(2026, 3, 12, 14, 30, tzinfo=UTC)
GAME_ID = "5eed0e1a2b3c4d5e"


def _game(rounds: int):
    scenario = Scenario.model_validate(yaml.safe_load(SCENARIO_FILE.read_text(encoding="utf-8")))
    state = set_ambition(
        new_game(scenario, SEED),
        {CitizenRelation.RESIDENT: GrowthPhase.CONVERSING, CitizenRelation.CUSTOMER: None},
    )
    rng = state.rng()
    bot = Bot("random", SEED)
    for _ in range(rounds):
        state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
    return scenario, state


def main() -> None:
    # Since format 8 a save holds the group's ambition among the game's inputs.
    scenario, state = _game(1)
    # Since format 6 a save holds the facilitator's steps: a pause, the timer, a skipped round.
    state = record(state, InterventionKind.PAUSE)
    state = record(state, InterventionKind.TIMER, "300")
    state, _ = skip_round(state, scenario, state.rng())
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
    (HERE / f"format-{FORMAT_VERSION}.json").write_bytes(encode(current))


if __name__ == "__main__":
    main()
