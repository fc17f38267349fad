"""Saves of every older format version are read step by step: upgraded, or refused with why.

The example files under tests/data/saves/ were written in each format version (see
make_examples.py there); each must load in today's game or be refused with the reason."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from game.domain import CitizenRelation, GrowthPhase
from game.saves import (
    FORMAT_VERSION,
    SaveError,
    SaveKind,
    SaveStore,
    load_save,
    read_save,
)
from game.saves.fingerprint import fingerprint_of, without_wording
from game.saves.migrations import (
    MIGRATIONS,
    document_checksum,
    format_version_of,
    legacy_game_id,
    upgrade,
)
from game.sim.interventions import InterventionKind
from tests.helpers.saves import EXAMPLES, example_scenario, finder, rewrite

# Every example before format 7 was played under earlier rules (issue 9, then issue 18); the
# format-7 example is upgraded to the current format (issue 22) and loads.
OLD_EXAMPLES = sorted(EXAMPLES.glob("format-[123456]*.json"))


CURRENT_EXAMPLE = EXAMPLES / f"format-{FORMAT_VERSION}.json"


def test_there_is_a_migration_for_every_older_version() -> None:
    assert sorted(MIGRATIONS) == list(range(1, FORMAT_VERSION))


def test_there_is_an_example_file_of_every_format_version() -> None:
    versions = set()
    for path in EXAMPLES.glob("format-*.json"):
        versions.add(format_version_of(json.loads(path.read_text(encoding="utf-8"))))
    assert versions == set(range(1, FORMAT_VERSION + 1))


@pytest.mark.parametrize("path", OLD_EXAMPLES, ids=lambda p: p.name)
def test_a_save_from_before_the_new_rules_is_refused_with_the_reason(
    path: Path, tmp_path: Path
) -> None:
    """Asked for by issue 9, and again by issue 18."""
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    before = copy.read_bytes()
    with pytest.raises(SaveError) as caught:
        load_save(copy, finder(example_scenario()))
    error = caught.value
    assert error.kind == "old_rules"
    assert "older version of the game" in error.reason and "new game" in error.reason
    assert "oudere versie van het spel" in error.reason_nl
    assert copy.read_bytes() == before


def test_format_2_upgrades_to_format_3_on_the_way() -> None:
    """The steps before the rules changed still run: an old file's envelope is read right."""
    old = json.loads((EXAMPLES / "format-2.json").read_text(encoding="utf-8"))
    new = upgrade(old, 2, 3)
    assert new["format_version"] == 3 and new["kind"] == "slot"
    assert new["team"] == "Team West" and new["name"] == "round 3"


def test_format_1_moves_the_random_generator_into_the_state() -> None:
    old = json.loads((EXAMPLES / "format-1.json").read_text(encoding="utf-8"))
    assert "rng_state" not in old["state"]
    new = upgrade(old, 1, 3)
    assert new["body"]["state"]["rng_state"] == old["rng"]
    assert new["body"]["seed"] == old["state"]["seed"]
    assert new["body"]["decisions"] == [r["decisions"] for r in old["state"]["history"]]


def test_the_current_example_is_read_without_upgrading() -> None:
    game = load_save(CURRENT_EXAMPLE, finder(example_scenario()))
    assert game.info.format_version == FORMAT_VERSION
    assert (game.info.kind, game.info.team) == (SaveKind.AUTOSAVE, "Team Zuid")
    assert game.info.title("nl") == "Voorbeeld voor saves"
    assert game.mismatch is None
    assert set(game.state.relation_phase) and game.state.predictions_made >= 0
    assert (game.info.game_id, game.info.sequence) == ("5eed0e1a2b3c4d5e", 7)
    assert game.game_id == "5eed0e1a2b3c4d5e"  # an autosave goes on as its own game
    assert game.state.ambition == {CitizenRelation.RESIDENT: GrowthPhase.CONVERSING}


def test_format_3_gets_a_game_id_and_a_checksum_over_the_envelope() -> None:
    """The step from format 3: a game id derived from team, scenario and seed (so an old autosave
    and its backup stay one game), a write counter of 0, and the whole document checksummed."""
    old = json.loads((EXAMPLES / "format-3.json").read_text(encoding="utf-8"))
    new = upgrade(old, 3, 4)
    assert new["game_id"] == legacy_game_id("Team Noord", "saves-example", 5)
    assert re.fullmatch("[0-9a-f]{16}", new["game_id"])
    assert new["sequence"] == 0 and new["scenario_file"] is None
    assert new["checksum"] == document_checksum(new) != old["checksum"]
    assert new["body"] == old["body"]


def test_the_current_example_saved_again_is_the_same_game(tmp_path: Path) -> None:
    scenario = example_scenario()
    game = load_save(CURRENT_EXAMPLE, finder(scenario))
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


@pytest.mark.parametrize("when", [1e300, "soon", None])
def test_an_old_file_with_an_impossible_time_says_so(tmp_path: Path, when: object) -> None:
    path = tmp_path / "old.json"
    shutil.copy(EXAMPLES / "format-1.json", path)
    rewrite(path, lambda d: d.update(saved_at=when), fix_checksum=False)
    with pytest.raises(SaveError) as caught:
        read_save(path)
    assert caught.value.kind == "migration_failed"


def test_format_5_example_carries_its_game() -> None:
    """Asked for by issue 11: the game id and write counter are in the envelope, and the step to
    format 6 keeps them (the game itself is refused since format 7)."""
    old = json.loads((EXAMPLES / "format-5.json").read_text(encoding="utf-8"))
    assert (old["kind"], old["game_id"], old["sequence"]) == ("autosave", "5eed0e1a2b3c4d5e", 7)
    new = upgrade(old, 5, 6)
    assert (new["game_id"], new["sequence"]) == ("5eed0e1a2b3c4d5e", 7)


def test_the_step_from_format_5_to_6_still_adds_the_facilitators_steps() -> None:
    """Asked for by issue 12; the step is kept, a format-5 save goes on to be refused at 7."""
    old = json.loads((EXAMPLES / "format-5.json").read_text(encoding="utf-8"))
    new = upgrade(old, 5, 6)
    assert new["format_version"] == 6 and new["body"]["state"]["interventions"] == []
    assert new["checksum"] == document_checksum(new)


def test_the_current_example_holds_the_facilitators_steps() -> None:
    """Asked for by issue 12."""
    game = load_save(CURRENT_EXAMPLE, finder(example_scenario()))
    kinds = [i.kind for i in game.state.interventions]
    assert kinds == [InterventionKind.PAUSE, InterventionKind.TIMER, InterventionKind.SKIP]
    assert game.mismatch is None


@pytest.mark.parametrize("version", [5, 6])
def test_a_save_from_before_issue_18_says_the_rules_changed(version: int, tmp_path: Path) -> None:
    """Asked for by issue 18: a format-5 or format-6 game no longer replays to the game saved, so
    it is refused in plain words, in both languages, and its file is left as it is."""
    copy = tmp_path / "autosave-team-zuid.json"
    shutil.copy(EXAMPLES / f"format-{version}.json", copy)
    before = copy.read_bytes()
    with pytest.raises(SaveError) as caught:
        SaveStore(tmp_path).load(copy, finder(example_scenario()))
    error = caught.value
    assert error.kind == "old_rules"
    assert error.reason == (
        f"This save was made by an older version of the game (save format {version}), whose "
        "rules were different: growth, the phase of the whole organisation and the score are now "
        "worked out differently, with more weight for the team's recent choices. The game cannot "
        "continue it under the new rules. Start a new game; this file is kept as it is."
    )
    assert error.reason_nl == (
        f"Dit spel is opgeslagen met een oudere versie van het spel (formaat {version}), die "
        "andere spelregels had: groei, de fase van de hele organisatie en de score worden nu "
        "anders bepaald, en de recente keuzes van het team tellen zwaarder. Onder de nieuwe "
        "regels kan het niet verder worden gespeeld. Begin een nieuw spel; dit bestand blijft "
        "zoals het is."
    )
    assert copy.read_bytes() == before and sorted(tmp_path.iterdir()) == [copy]


def test_a_save_from_before_issue_9_still_says_what_changed_then() -> None:
    with pytest.raises(SaveError) as caught:
        read_save(EXAMPLES / "format-4.json")
    assert "growth did not yet differ per citizen relation" in caught.value.reason
    assert "groei verschilde nog niet per relatie met inwoners" in caught.value.reason_nl


def test_a_format_7_save_loads_and_is_saved_again_in_the_current_format(tmp_path: Path) -> None:
    """Asked for by issue 22: the format-7 example (the whole state, with its history) is
    upgraded to the game's inputs and a fingerprint; it loads as the game it held, and saved
    again it is written in the current format and loads as the same game."""
    scenario = example_scenario()
    old = EXAMPLES / "format-7.json"
    saved = json.loads(old.read_text(encoding="utf-8"))["body"]["state"]
    game = load_save(old, finder(scenario))
    assert game.info.format_version == 7 and game.mismatch is None
    assert game.state.to_dict(wording=False) == without_wording(saved)
    assert game.state.relation_record == {
        CitizenRelation(k): v for k, v in saved["relation_record"].items()
    }
    store = SaveStore(tmp_path)
    again = store.autosave(game.state, scenario, game.team, game.game_id)
    document = json.loads(again.read_text(encoding="utf-8"))
    assert document["format_version"] == FORMAT_VERSION and "state" not in document["body"]
    reloaded = store.load(again, finder(scenario))
    assert reloaded.info.format_version == FORMAT_VERSION and reloaded.mismatch is None
    assert json.dumps(reloaded.state.to_dict()) == json.dumps(game.state.to_dict())


def test_the_step_from_format_7_keeps_the_inputs_and_fingerprints_the_state() -> None:
    """The step itself: seed, decisions, the facilitator's steps and the length come from the
    state; no ambition (format 7 was written before it) is none; the state becomes the
    fingerprint; the envelope is kept and checksummed again."""
    old = json.loads((EXAMPLES / "format-7.json").read_text(encoding="utf-8"))
    state = old["body"]["state"]
    new = upgrade(old, 7, 8)
    body = new["body"]
    assert new["format_version"] == 8 and new["checksum"] == document_checksum(new)
    assert {k: v for k, v in new.items() if k not in ("format_version", "checksum", "body")} == {
        k: v for k, v in old.items() if k not in ("format_version", "checksum", "body")
    }
    assert (body["seed"], body["length"], body["ambition"]) == (5, "full", {})
    assert body["decisions"] == old["body"]["decisions"]
    assert body["interventions"] == state["interventions"]
    assert body["fingerprint"] == fingerprint_of(without_wording(state))
    assert [r["indicators"] for r in body["fingerprint"]["rounds"]] == [
        r["indicators"] for r in state["history"]
    ]
    assert "plan" not in body
