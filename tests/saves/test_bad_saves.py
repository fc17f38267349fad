"""Every kind of bad save ends in a SaveError with a reason in both languages, never a traceback."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.saves import FORMAT_VERSION, SaveError, SaveKind, SaveStore, load_save, new_game_id
from game.saves.codec import build_document, decode, encode
from game.scenario.models import Scenario
from tests.conftest import make_scenario
from tests.helpers.saves import finder, played, rewrite


@pytest.fixture
def saved(small: Scenario, tmp_path: Path) -> Path:
    """A valid autosave of the small test scenario, two rounds in."""
    return SaveStore(tmp_path).autosave(played(small, 9, 2), small, "Team A", new_game_id())


def _error(path: Path, scenario: Scenario | None, **options: Any) -> SaveError:
    find = finder(scenario) if scenario is not None else finder()
    with pytest.raises(SaveError) as caught:
        load_save(path, find, **options)
    error = caught.value
    assert error.path == path
    assert error.reason and error.reason_nl and error.reason != error.reason_nl
    assert "Traceback" not in error.reason
    return error


def test_a_valid_save_loads(saved: Path, small: Scenario) -> None:
    assert load_save(saved, finder(small)).state.round == 3


def test_missing_file(tmp_path: Path, small: Scenario) -> None:
    assert _error(tmp_path / "nope.json", small).kind == "not_found"


def test_empty_file(saved: Path, small: Scenario) -> None:
    saved.write_bytes(b"")
    assert _error(saved, small).kind == "truncated"


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_truncated_file(saved: Path, small: Scenario, keep: float) -> None:
    raw = saved.read_bytes()
    saved.write_bytes(raw[: int(len(raw) * keep)])
    error = _error(saved, small)
    assert error.kind == "truncated"
    assert "incomplete" in error.reason and "onvolledig" in error.reason_nl


@functools.cache
def _valid_bytes() -> bytes:
    scenario = make_scenario()
    state = played(scenario, 9, 2)
    document = build_document(
        state, scenario, "Team A", SaveKind.AUTOSAVE, "autosave", game_id="0123456789abcdef"
    )
    return encode(document)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_cut_or_changed_byte_is_refused_cleanly(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Whatever happens to the bytes, the result is the game or a SaveError: nothing else."""
    raw = bytearray(_valid_bytes())
    if data.draw(st.booleans(), label="cut"):
        raw = raw[: data.draw(st.integers(0, len(raw) - 2), label="length")]
    else:
        index = data.draw(st.integers(0, len(raw) - 2), label="index")
        raw[index] = data.draw(st.integers(0, 255).filter(lambda b: b != raw[index]), label="b")
    path = tmp_path_factory.mktemp("bytes") / "autosave-a.json"
    path.write_bytes(bytes(raw))
    try:
        game = load_save(path, finder(make_scenario()))
    except SaveError as error:
        assert error.reason_nl
    else:
        # The checksum covers the whole document (issue 11): only a change that leaves every
        # value the same (an exponent written 1E-05 instead of 1e-05) can leave a valid save.
        assert game.state.round == 3


def test_not_json(saved: Path, small: Scenario) -> None:
    saved.write_text("this is not { json", encoding="utf-8")
    assert _error(saved, small).kind == "damaged"


def test_not_text(saved: Path, small: Scenario) -> None:
    saved.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert _error(saved, small).kind == "unknown_format"


@pytest.mark.parametrize("content", ["[1, 2]", '{"format": "other-game", "format_version": 1}'])
def test_another_program_s_json(saved: Path, small: Scenario, content: str) -> None:
    saved.write_text(content, encoding="utf-8")
    assert _error(saved, small).kind == "unknown_format"


@pytest.mark.parametrize("version", [None, "3", 0, True, 2.5])
def test_unknown_format_version(saved: Path, small: Scenario, version: Any) -> None:
    rewrite(saved, lambda d: d.update(format_version=version), fix_checksum=False)
    assert _error(saved, small).kind == "unknown_format"


def test_newer_format_version(saved: Path, small: Scenario) -> None:
    rewrite(saved, lambda d: d.update(format_version=FORMAT_VERSION + 1), fix_checksum=False)
    error = _error(saved, small)
    assert error.kind == "newer_format"
    assert "newer version" in error.reason and f"format {FORMAT_VERSION + 1}" in error.reason


def test_edited_by_hand(saved: Path, small: Scenario) -> None:
    def more_trust(document: dict[str, Any]) -> None:
        document["body"]["fingerprint"]["rounds"][0]["indicators"]["trust"] = 99.0

    rewrite(saved, more_trust, fix_checksum=False)
    error = _error(saved, small)
    assert error.kind == "checksum" and "edited by hand" in error.reason


def test_reformatted_but_unchanged_is_still_valid(saved: Path, small: Scenario) -> None:
    """The checksum covers the content, not the spacing: pretty-printing a save is harmless."""
    document = json.loads(saved.read_text(encoding="utf-8"))
    saved.write_text(json.dumps(document, indent=4, sort_keys=True), encoding="utf-8")
    assert load_save(saved, finder(small)).state.round == 3


def _round(number: int) -> Any:
    """The fingerprint of round ``number`` in a save's document."""
    return lambda d: d["body"]["fingerprint"]["rounds"][number - 1]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["body"]["fingerprint"].update(phase="flying"), "body.fingerprint.phase"),
        (lambda d: _round(1)(d)["indicators"].pop("trust"), "indicators missing: trust"),
        (lambda d: d["body"].update(state={}), "body.state"),
        (lambda d: d["body"]["fingerprint"].update(surprise=1), "body.fingerprint.surprise"),
        (lambda d: _round(2)(d).update(digest="0" * 15), "body.fingerprint.rounds.1.digest"),
        (lambda d: d["body"]["fingerprint"].update(digest="sha256:x"), "fingerprint.digest"),
        (lambda d: d["body"]["decisions"].pop(), "decision log has 1 rounds, the fingerprint 2"),
        (lambda d: d.update(round=7), "round is 7, but the decision log has 2 rounds"),
        (lambda d: d.update(scenario_id="../../etc"), "scenario_id"),
        (lambda d: d.update(created="yesterday"), "created"),
        (lambda d: d["body"].pop("length"), "body.length"),
        (lambda d: d["body"].update(length="endless"), "body.length"),
        (lambda d: d["body"].pop("ambition"), "body.ambition"),
        (lambda d: d["body"]["ambition"].update(resident="flying"), "body.ambition.resident"),
        (lambda d: d["body"]["ambition"].update(pets="conversing"), "body.ambition.pets"),
        (lambda d: d["body"].pop("interventions"), "body.interventions"),
        (
            lambda d: d["body"]["interventions"].append(
                {"round": 1, "kind": "dance", "subject": ""}
            ),
            "body.interventions.0.kind",
        ),
        (
            lambda d: d["body"]["decisions"][0]["initiatives"][0].update(initiative="../x"),
            "body.decisions.0.initiatives.0.initiative",
        ),
        (lambda d: d["body"].update(plan={"roles": {"a": "king"}}), "body.plan.roles.a"),
    ],
)
def test_invalid_content_with_a_forged_checksum(
    saved: Path, small: Scenario, change: Any, where: str
) -> None:
    rewrite(saved, change, fix_checksum=True)
    error = _error(saved, small)
    assert error.kind == "invalid" and where in error.reason


@pytest.mark.parametrize(
    ("part", "length"),
    [("decisions", 41), ("interventions", 5001), ("rounds", 41)],
)
def test_every_list_is_bounded(saved: Path, small: Scenario, part: str, length: int) -> None:
    """A forged file cannot make the game replay, check or hold more than any game has."""

    def grow(document: dict[str, Any]) -> None:
        body = document["body"]
        where = body["fingerprint"] if part == "rounds" else body
        where[part] = [where[part][0]] * length if where[part] else []
        if part == "interventions":
            body["interventions"] = [{"round": 1, "kind": "pause", "subject": ""}] * length

    rewrite(saved, grow, fix_checksum=True)
    error = _error(saved, small)
    assert error.kind == "invalid" and "at most" in error.reason
    assert f"body.{'fingerprint.' if part == 'rounds' else ''}{part}" in error.reason


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            lambda d: d["body"].update(seed=9.0),
            "body.seed: Input should be a valid integer, not 9.0",
        ),
        (
            lambda d: d["body"].update(seed="9"),
            'body.seed: Input should be a valid integer, not "9"',
        ),
        (
            lambda d: d["body"].update(seed=True),
            "body.seed: Input should be a valid integer, not true",
        ),
        (lambda d: _round(1)(d)["indicators"].update(trust="50"), "indicators.trust"),
        (lambda d: _round(1)(d)["indicators"].update(trust=True), "indicators.trust"),
        (lambda d: d.update(finished=0), "finished"),
        (lambda d: d.update(round=3.0), "round"),
        (lambda d: d.update(sequence="1"), "sequence"),
        (
            lambda d: d["body"]["interventions"].append(
                {"round": 2.0, "kind": "pause", "subject": ""}
            ),
            "body.interventions.0.round",
        ),
    ],
)
def test_every_number_is_checked_for_its_type_not_only_its_size(
    saved: Path, small: Scenario, change: Any, where: str
) -> None:
    """A hand-edited ``"seed": 7.0`` with a recomputed checksum crashed the replay in
    ``game/sim/dice.py`` (issue 17): a number of the wrong type must be refused before any of
    the file reaches the core."""
    rewrite(saved, change, fix_checksum=True)
    error = _error(saved, small)
    assert error.kind == "invalid", error.reason
    assert where in error.reason and where in error.reason_nl


def test_scenario_missing_says_which(saved: Path) -> None:
    error = _error(saved, None)
    assert error.kind == "scenario_missing"
    assert "'test'" in error.reason and "not installed" in error.reason
    assert "'test'" in error.reason_nl


def test_scenario_changed_incompatibly_says_which_versions(saved: Path) -> None:
    error = _error(saved, make_scenario(version="2.0"))
    assert error.kind == "scenario_incompatible"
    assert "'test' version 1.0" in error.reason and "2.0" in error.reason


def test_scenario_that_cannot_be_read(saved: Path) -> None:
    def broken(scenario_id: str) -> Scenario | None:
        raise ValueError("scenarios/test.yaml:3:1: rounds: must be at least 1")

    with pytest.raises(SaveError) as caught:
        load_save(saved, broken)
    assert caught.value.kind == "scenario_unreadable"
    assert "rounds: must be at least 1" in caught.value.reason


def test_given_another_scenario(saved: Path, default_scenario: Scenario) -> None:
    with pytest.raises(SaveError) as caught:
        load_save(saved, lambda _: default_scenario)
    assert caught.value.kind == "scenario_missing" and "gemeente-middelgroot" in caught.value.reason


def test_a_forged_fingerprint_is_caught_by_the_replay(saved: Path, small: Scenario) -> None:
    """A valid checksum is not enough: the game the save says it holds must be the game its
    decisions give, or the save is refused with where they part."""

    def more_trust(document: dict[str, Any]) -> None:
        document["body"]["fingerprint"]["rounds"][1]["indicators"]["trust"] = 99.0

    rewrite(saved, more_trust, fix_checksum=True)
    error = _error(saved, small)
    assert error.kind == "replay_mismatch"
    assert "round 2, indicators.trust: saved 99.0" in error.reason
    assert "ronde 2, indicators.trust: opgeslagen 99.0" in error.reason_nl


def _other_role(document: dict[str, Any]) -> None:
    decision = document["body"]["decisions"][0]["initiatives"][0]
    decision["role"] = "letting_go" if decision["role"] == "normative" else "normative"


@pytest.mark.parametrize(
    ("change", "en", "nl"),
    [
        (
            lambda d: d["body"]["fingerprint"]["rounds"][0].update(digest="0" * 16),
            "First difference: round 1: its news, outcomes or effects.",
            "Eerste verschil: ronde 1: het nieuws, de uitkomsten of de effecten van die ronde.",
        ),
        (
            lambda d: d["body"]["fingerprint"].update(digest="sha256:" + "0" * 64),
            "First difference: the game as it stands now, after its last round.",
            "Eerste verschil: het spel zoals het nu staat, na de laatste ronde.",
        ),
        (
            lambda d: d["body"]["fingerprint"].update(phase="collaborating"),
            "First difference: phase: saved 'collaborating', replayed",
            "Eerste verschil: phase: opgeslagen 'collaborating', opnieuw gespeeld",
        ),
        (
            _other_role,
            "First difference: round 1, indicators.",
            "Eerste verschil: ronde 1, indicators.",
        ),
    ],
    ids=["round digest", "state digest", "phase", "decisions"],
)
def test_a_save_whose_replay_differs_anywhere_is_refused_with_where(
    saved: Path, small: Scenario, change: Any, en: str, nl: str
) -> None:
    """Every part of the fingerprint counts, and the decisions are held to it too: a decision
    changed by hand (checksum fixed) gives another game than the one saved."""
    rewrite(saved, change, fix_checksum=True)
    error = _error(saved, small)
    assert error.kind == "replay_mismatch"
    assert en in error.reason and nl in error.reason_nl


def test_a_forged_ambition_is_caught_by_the_replay(small: Scenario, tmp_path: Path) -> None:
    """The ambition changes nothing in the play, but it is part of the game saved."""
    path = SaveStore(tmp_path).autosave(played(small, 9, 2), small, "A", new_game_id())
    rewrite(path, lambda d: d["body"]["ambition"].update(resident="collaborating"), True)
    error = _error(path, small)
    assert error.kind == "replay_mismatch"
    assert "the game as it stands now" in error.reason


def test_a_scenario_tuned_without_a_new_major_version_is_reported(
    saved: Path, small: Scenario
) -> None:
    tuned = make_scenario(version="1.1", tuning={"inertia": 0.9})
    error = _error(saved, tuned)
    assert error.kind == "replay_mismatch"
    assert "round 1" in error.reason and "version 1.0 then, 1.1 now" in error.reason


def test_a_mismatch_may_be_accepted_on_purpose_and_stays_visible(
    saved: Path, small: Scenario
) -> None:
    tuned = make_scenario(version="1.1", tuning={"inertia": 0.9})
    game = load_save(saved, finder(tuned), allow_mismatch=True)
    assert game.mismatch is not None and game.mismatch.round == 1
    assert game.state.round == 3  # the decisions replayed in the tuned version, all of them


def test_decisions_the_rules_no_longer_allow(saved: Path, small: Scenario) -> None:
    poorer = make_scenario(start={"capacity": 1, "budget": 0, "budget_per_round": 0})
    error = _error(saved, poorer)
    assert error.kind == "replay_mismatch"
    assert "round 1 are no longer allowed" in error.reason


def test_a_bad_save_never_replaces_the_last_good_one(small: Scenario, tmp_path: Path) -> None:
    """Loading a damaged save changes nothing on disk; the backup is still there to continue."""
    store = SaveStore(tmp_path)
    game = new_game_id()
    store.autosave(played(small, 9, 1), small, "A", game)
    path = store.autosave(played(small, 9, 2), small, "A", game)
    path.write_bytes(b"{")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    _error(path, small)
    store.list()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_decode_refuses_huge_files() -> None:
    with pytest.raises(SaveError) as caught:
        decode(b" " * (33 * 1024 * 1024))
    assert caught.value.kind == "too_large"


def test_deeply_nested_json_is_refused() -> None:
    with pytest.raises(SaveError) as caught:
        decode(b"[" * 100_000 + b"]" * 100_000)
    assert caught.value.kind in ("damaged", "unknown_format")
