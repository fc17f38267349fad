"""Every game keeps its own saves, whatever the team is called and however many play at once.

Guards against what issue 11 found: autosave names came from the team name, so a blank name and
names differing only by case, punctuation, emoji or non-Latin letters collided ("Team 🚀" and
"Team 🌳"), and teams playing one after another, or two processes on one folder, lost a game,
``.bak`` included; named slots collided the same way.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.saves import SaveStore, load_save, new_game_id
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from tests.conftest import ROOT
from tests.helpers.saves import controller_game, finder, played


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Team 🚀", "Team 🌳"),
        ("Team Rood", "team rood!"),
        ("", ""),
        ("", "Team"),
        ("Team", "Team"),
        ("فريق", "команда"),
        ("CON", "../../CON"),
    ],
)
def test_blank_and_similar_team_names_do_not_collide(
    small: Scenario, tmp_path: Path, first: str, second: str
) -> None:
    """Two teams one after another in one folder: each keeps its game, backup included."""
    store = SaveStore(tmp_path)
    a = controller_game(store, small, first, 1, 1)
    b = controller_game(store, small, second, 2, 1)
    assert a.game_id != b.game_id
    infos = store.list()
    assert sorted(i.game_id for i in infos) == sorted([a.game_id, b.game_id])
    for controller in (a, b):
        [info] = [i for i in infos if i.game_id == controller.game_id]
        loaded = store.load(info.path, finder(small))
        assert loaded.state.to_dict() == controller.state.to_dict()
        assert loaded.game_id == controller.game_id
        # The round before is each game's own backup, not the other team's.
        backup = load_save(info.path.with_name(info.path.name + ".bak"), finder(small))
        assert backup.info.game_id == controller.game_id and backup.state.round == 1


def test_named_slots_of_different_games_and_names_do_not_collide(
    small: Scenario, tmp_path: Path
) -> None:
    store = SaveStore(tmp_path)
    game_a, game_b = new_game_id(), new_game_id()
    paths = [
        store.save_slot("Team Rood round 1", played(small, 1, 1), small, "A", game_id=game_a),
        store.save_slot("Team Rood round 1", played(small, 2, 1), small, "B", game_id=game_b),
        store.save_slot("team rood! round 1", played(small, 3, 1), small, "A", game_id=game_a),
        store.save_slot("Team 🚀", played(small, 4, 1), small, "A", game_id=game_a),
        store.save_slot("Team 🌳", played(small, 5, 1), small, "A", game_id=game_a),
    ]
    assert len(set(paths)) == 5
    assert not any(p.name.endswith(".bak") for p in tmp_path.iterdir())
    seeds = [load_save(p, finder(small)).state.seed for p in paths]
    assert seeds == [1, 2, 3, 4, 5]


def test_a_name_that_cannot_be_a_file_name_still_works(small: Scenario, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    for team in ["CON", "a/b\\c:d*e?", "..", "Team\x00Rood\x1b[31m", "\ud800 Team", "x" * 300]:
        controller = controller_game(store, small, team, 3, 1)
        assert "\x00" not in controller.team and len(controller.team) <= 40
        [info] = [i for i in store.list() if i.game_id == controller.game_id]
        assert info.path.parent == tmp_path
        assert info.team == controller.team
        assert store.load(info.path, finder(small)).state.round == 2


WRITER = """
import json, sys
from pathlib import Path
from game.saves import SaveStore
from game.scenario.loader import load_scenario
from game.sim import Bot
from game.ui.controller import GameController

store = SaveStore(Path(sys.argv[1]))
scenario = load_scenario()
seed = int(sys.argv[2])
controller = GameController(autosave=store.autosave)
controller.start(scenario, seed, "Team")
bot = Bot("best", seed)
for _ in range(4):
    controller.apply(bot.decide(controller.state, scenario))
    controller.resolve()
assert controller.autosave_error is None, controller.autosave_error
print(json.dumps({"game": controller.game_id, "state": controller.state.to_dict()}))
"""


def test_two_processes_on_one_folder_each_keep_their_own_game(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), str(seed)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in (11, 12)
    ]
    results = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        results.append(json.loads(out))
    store = SaveStore(folder)
    scenario = load_scenario()
    assert len({r["game"] for r in results}) == 2
    for result in results:
        [info] = [i for i in store.list() if i.game_id == result["game"]]
        assert info.team == "Team" and info.round == 5
        loaded = store.load(info.path, finder(scenario))
        assert json.loads(json.dumps(loaded.state.to_dict())) == result["state"]
