"""Saves of format 7, which held the whole game state, are still read as hostile input: checked
field by field by their own models, and held to their replay, before they become format 8."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from game.saves import SaveError, load_save
from tests.helpers.saves import EXAMPLES, example_scenario, finder, forged, rewrite


@pytest.fixture
def old(tmp_path: Path) -> Path:
    """A copy of the format-7 example, to edit."""
    copy = tmp_path / "autosave-team-zuid.json"
    shutil.copy(EXAMPLES / "format-7.json", copy)
    return copy


def _refusal(path: Path) -> SaveError:
    with pytest.raises(SaveError) as caught:
        load_save(path, finder(example_scenario()))
    error = caught.value
    assert error.reason and error.reason_nl and "Traceback" not in error.reason
    return error


def _state(document: dict[str, Any]) -> dict[str, Any]:
    return document["body"]["state"]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: _state(d).update(phase="flying"), "body.state.phase"),
        (lambda d: _state(d)["indicators"].pop("trust"), "indicators missing: trust"),
        (lambda d: _state(d).update(surprise=1), "body.state.surprise"),
        (lambda d: _state(d).update(rng_state=2**64), "body.state.rng_state"),
        (lambda d: d["body"]["decisions"].pop(), "decision log has 1 rounds"),
        (lambda d: d.update(round=7), "round is 7 outside but 3 in the body"),
        (lambda d: _state(d).pop("relation_record"), "body.state.relation_record"),
        (lambda d: _state(d).update(channel_record=100.5), "body.state.channel_record"),
        (lambda d: _state(d).update(capacity=True), "body.state.capacity"),
        (lambda d: _state(d)["indicators"].update(trust="50"), "indicators.trust"),
        (lambda d: _state(d)["history"][0].update(round=1.0), "history.0.round"),
        (lambda d: _state(d).update(unfolding=[[3.0, "x"]]), "unfolding.0.0"),
        (lambda d: d["body"].update(seed=5.0), "body.seed: Input should be a valid integer"),
    ],
)
def test_a_format_7_file_is_checked_field_by_field_before_it_is_upgraded(
    old: Path, change: Any, where: str
) -> None:
    """The strict checks of format 7 (issue 17, issue 18) still hold for its files: a forger who
    fixes the checksum is told where the file is wrong, in both languages."""
    forged(old, change)
    error = _refusal(old)
    assert error.kind == "invalid", error.reason
    assert where in error.reason and where in error.reason_nl


def test_a_format_7_file_edited_by_hand_is_caught_by_its_checksum(old: Path) -> None:
    rewrite(old, lambda d: _state(d).update(budget=1e6), fix_checksum=False)
    assert _refusal(old).kind == "checksum"


def test_a_forged_format_7_state_is_caught_by_the_replay(old: Path) -> None:
    """Its state became the fingerprint: a state the decisions do not give is refused as before,
    naming the round and the number."""
    forged(old, lambda d: _state(d)["history"][0]["indicators"].update(trust=99.0))
    error = _refusal(old)
    assert error.kind == "replay_mismatch"
    assert "round 1, indicators.trust: saved 99.0" in error.reason
    assert "ronde 1, indicators.trust: opgeslagen 99.0" in error.reason_nl


def test_a_changed_number_anywhere_in_a_format_7_history_is_caught(old: Path) -> None:
    forged(old, lambda d: _state(d)["history"][0]["effects"][0].update(delta=123.0))
    error = _refusal(old)
    assert error.kind == "replay_mismatch"
    assert "round 1: its news, outcomes or effects" in error.reason


def test_reworded_explanations_do_not_break_a_format_7_save(old: Path) -> None:
    """A newer game may word effects differently; the game itself is the same, so it loads, and
    the loaded game carries today's wording (it is the replayed game)."""
    scenario = example_scenario()
    before = load_save(old, finder(scenario))

    def reword(document: dict[str, Any]) -> None:
        for record in _state(document)["history"]:
            for effect in record["effects"]:
                effect["key"] = "old_wording"
                effect["params"] = {"said": "it differently"}

    forged(old, reword)
    game = load_save(old, finder(scenario))
    assert game.mismatch is None
    assert game.state.to_dict() == before.state.to_dict()
    assert all(e.key != "old_wording" for r in game.state.history for e in r.effects)


def test_the_plan_of_a_format_7_save_comes_along(old: Path) -> None:
    """The choices made so far in the round being played are kept through the upgrade."""
    plan = {"roles": {"parking": "directing"}, "channels": {}, "actions": [], "predictions": {}}
    forged(old, lambda d: d["body"].update(plan=plan))
    assert load_save(old, finder(example_scenario())).plan == plan
