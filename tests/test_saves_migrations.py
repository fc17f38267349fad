"""Saves of every older format version are upgraded step by step and load as the same game.

The example files under tests/data/saves/ were written in each format version (see
make_examples.py there) from games of a scenario kept unchanged for this purpose. If the
replay tests here fail after a deliberate change of the rules, players' older saves will not load
either: the game then says so (replay mismatch). Regenerate the examples only on purpose.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from game.saves import FORMAT_VERSION, SaveError, SaveKind, SaveStore, load_save, read_save
from game.saves.migrations import (
    MIGRATIONS,
    document_checksum,
    format_version_of,
    legacy_game_id,
    upgrade,
)
from tests.save_helpers import EXAMPLES, example_scenario, finder, rewrite

OLD_EXAMPLES = sorted(EXAMPLES.glob("format-[123]*.json"))
CURRENT_EXAMPLE = EXAMPLES / f"format-{FORMAT_VERSION}.json"


def test_there_is_a_migration_for_every_older_version() -> None:
    assert sorted(MIGRATIONS) == list(range(1, FORMAT_VERSION))


def test_there_is_an_example_file_of_every_format_version() -> None:
    versions = set()
    for path in EXAMPLES.glob("format-*.json"):
        versions.add(format_version_of(json.loads(path.read_text(encoding="utf-8"))))
    assert versions == set(range(1, FORMAT_VERSION + 1))


@pytest.mark.parametrize("path", OLD_EXAMPLES, ids=lambda p: p.name)
def test_old_example_upgrades_to_the_current_format_and_replays(path: Path) -> None:
    scenario = example_scenario()
    old = json.loads(path.read_text(encoding="utf-8"))
    game = load_save(path, finder(scenario))
    info = game.info
    assert info.format_version == format_version_of(old) < FORMAT_VERSION
    assert info.scenario_id == "saves-example"
    assert info.created.isoformat() == "2026-03-12T14:30:00+00:00"
    assert info.team == {1: "Team Oost", 2: "Team West", 3: "Team Noord"}[info.format_version]
    assert game.mismatch is None
    finished = "finished" in path.name
    assert game.state.finished is finished
    assert game.state.round == (4 if finished else 3)
    if info.format_version < 3:  # formats 1 and 2 had only manual saves, named after the round
        assert info.kind is SaveKind.SLOT and info.name == f"round {game.state.round}"
    else:
        assert info.kind is SaveKind.AUTOSAVE and info.name == "autosave"
    assert info.sequence == 0  # older than any save written with a counter
    assert len(game.state.history) == game.state.round - 1


def test_format_1_moves_the_random_generator_into_the_state() -> None:
    old = json.loads((EXAMPLES / "format-1.json").read_text(encoding="utf-8"))
    assert "rng_state" not in old["state"]
    new = upgrade(old, 1, FORMAT_VERSION)
    assert new["body"]["state"]["rng_state"] == old["rng"]
    assert new["body"]["seed"] == old["state"]["seed"]
    assert new["body"]["decisions"] == [r["decisions"] for r in old["state"]["history"]]


def test_the_current_example_is_read_without_upgrading() -> None:
    game = load_save(CURRENT_EXAMPLE, finder(example_scenario()))
    assert game.info.format_version == FORMAT_VERSION
    assert (game.info.kind, game.info.team) == (SaveKind.AUTOSAVE, "Team Zuid")
    assert game.info.title("nl") == "Voorbeeld voor saves"
    assert (game.info.game_id, game.info.sequence) == ("5eed0e1a2b3c4d5e", 7)
    assert game.game_id == "5eed0e1a2b3c4d5e"  # an autosave goes on as its own game


def test_issue11_format_3_gets_a_game_id_and_a_checksum_over_the_envelope() -> None:
    """The step from format 3: a game id derived from team, scenario and seed (so an old autosave
    and its backup stay one game), a write counter of 0, and the whole document checksummed."""
    old = json.loads((EXAMPLES / "format-3.json").read_text(encoding="utf-8"))
    new = upgrade(old, 3, 4)
    assert new["game_id"] == legacy_game_id("Team Noord", "saves-example", 5)
    assert re.fullmatch("[0-9a-f]{16}", new["game_id"])
    assert new["sequence"] == 0 and new["scenario_file"] is None
    assert new["checksum"] == document_checksum(new) != old["checksum"]
    assert new["body"] == old["body"]


def test_an_upgraded_save_saved_again_is_the_same_game(tmp_path: Path) -> None:
    scenario = example_scenario()
    game = load_save(EXAMPLES / "format-1.json", finder(scenario))
    again = SaveStore(tmp_path).save_slot(
        "verder", game.state, scenario, game.team, game_id=game.game_id
    )
    reloaded = load_save(again, finder(scenario))
    assert reloaded.info.format_version == FORMAT_VERSION
    assert json.dumps(reloaded.state.to_dict()) == json.dumps(game.state.to_dict())


def test_an_edited_format_2_file_is_caught_before_it_is_upgraded(tmp_path: Path) -> None:
    """The upgrade writes a new checksum: the old one must be checked first, or edits slip by."""
    path = tmp_path / "edited.json"
    shutil.copy(EXAMPLES / "format-2.json", path)
    rewrite(path, lambda d: d["body"]["state"].update(budget=1e6), fix_checksum=False)
    with pytest.raises(SaveError) as caught:
        read_save(path)
    assert caught.value.kind == "checksum"


def test_an_old_file_missing_a_field_cannot_be_upgraded_and_says_which(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    shutil.copy(EXAMPLES / "format-1.json", path)
    rewrite(path, lambda d: d.pop("rng"), fix_checksum=False)
    with pytest.raises(SaveError) as caught:
        read_save(path)
    error = caught.value
    assert error.kind == "migration_failed"
    assert "format 1" in error.reason and "'rng'" in error.reason and "'rng'" in error.reason_nl


def test_an_old_file_with_a_bad_value_is_refused_after_upgrading(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    shutil.copy(EXAMPLES / "format-1.json", path)
    rewrite(path, lambda d: d["state"].update(phase="flying"), fix_checksum=False)
    with pytest.raises(SaveError) as caught:
        read_save(path)
    assert caught.value.kind == "invalid" and "body.state.phase" in caught.value.reason


@pytest.mark.parametrize("when", [1e300, "soon", None])
def test_an_old_file_with_an_impossible_time_says_so(tmp_path: Path, when: object) -> None:
    path = tmp_path / "old.json"
    shutil.copy(EXAMPLES / "format-1.json", path)
    rewrite(path, lambda d: d.update(saved_at=when), fix_checksum=False)
    with pytest.raises(SaveError) as caught:
        read_save(path)
    assert caught.value.kind == "migration_failed"
