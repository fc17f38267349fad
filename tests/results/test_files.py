"""Results files (``game.results.files``): what a team takes home, checked like a save
(issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.results import ResultsError, read_results
from game.results.files import MAX_RESULTS_BYTES, decode, encode
from game.results.models import FORMAT_VERSION
from game.results.report import report_html
from game.results.texts import with_texts
from game.saves import SaveStore, new_game_id
from game.saves.migrations import document_checksum
from game.scenario.models import Scenario
from game.sim.facilitator import end_early, inject_event, skip_round
from game.sim.state import GameState
from tests.helpers.results import write_team_results


def test_a_results_file_holds_what_the_issue_asks(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    state = games["best"]
    path = write_team_results(tmp_path, state, default_scenario, "Team Rood", length="standard")
    assert path.name.startswith("results-team-rood-") and path.suffix == ".json"
    results = read_results(path)
    assert results.team == "Team Rood" and results.length == "standard"
    assert (results.scenario.id, results.scenario.version) == ("gemeente-middelgroot", "2.0")
    assert results.seed == 7 and results.finished and not results.ended_early
    assert len(results.rounds) == default_scenario.rounds == results.rounds_played
    first = results.rounds[0]
    assert first.decisions and first.indicators and first.relation_phase
    decision = first.decisions[0]
    original = state.history[0].decisions.initiatives[0]
    assert decision.initiative == original.initiative and decision.role == original.role
    assert decision.prediction == original.prediction
    # The shipped scenario's texts are left out and come back from it (issue 22).
    assert decision.outcome_text is None and results.scenario.texts_fingerprint
    filled, found = with_texts(results)
    assert found and filled.rounds[0].decisions[0].outcome_text.nl
    assert results.final.score.total == json.loads(path.read_text())["final"]["score"]["total"]
    assert results.final.score.title.nl and results.final.relation_phase
    # People read these files too: indented, UTF-8.
    assert "\n " in path.read_text(encoding="utf-8")


def test_results_are_checked_like_saves(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    good = write_team_results(tmp_path, games["best"], default_scenario, "Team")
    document = json.loads(good.read_text(encoding="utf-8"))

    def variant(name: str, change) -> Path:
        data = json.loads(json.dumps(document))
        change(data)
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    cases = {
        "edited": (variant("edited.json", lambda d: d.update(team="Team Winnaar")), "checksum"),
        "newer": (
            variant(
                "newer.json",
                lambda d: d.update(
                    format_version=FORMAT_VERSION + 1,
                    checksum=document_checksum({**d, "format_version": FORMAT_VERSION + 1}),
                ),
            ),
            "newer_format",
        ),
        "cut": (tmp_path / "cut.json", "truncated"),
        "empty": (tmp_path / "empty.json", "truncated"),
        "binary": (tmp_path / "binary.json", "unknown_format"),
        "list": (tmp_path / "list.json", "unknown_format"),
        "huge_number": (tmp_path / "number.json", "damaged"),
        "folder": (tmp_path / "folder.json", "not_a_file"),
        "missing": (tmp_path / "missing.json", "not_found"),
        "too_large": (tmp_path / "large.json", "too_large"),
    }
    (tmp_path / "cut.json").write_bytes(good.read_bytes()[:500])
    (tmp_path / "empty.json").write_bytes(b"")
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00PNG")
    (tmp_path / "list.json").write_text("[1, 2]")
    (tmp_path / "number.json").write_text('{"format": ' + "9" * 5000 + "}")
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "large.json").write_bytes(b" " * (MAX_RESULTS_BYTES + 10))
    for name, (path, kind) in cases.items():
        with pytest.raises(ResultsError) as caught:
            read_results(path)
        assert caught.value.kind == kind, name
        assert caught.value.explain("nl") and caught.value.explain("en")

    forged = json.loads(json.dumps(document))
    forged["final"]["score"]["total"] = 4000
    forged["checksum"] = document_checksum(forged)
    with pytest.raises(ResultsError) as caught:
        decode(encode(forged))
    assert caught.value.kind == "invalid" and "final.score.total" in caught.value.reason


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(seed=7.0), "seed: Input should be a valid integer, not 7.0"),
        (lambda d: d.update(rounds_played="3"), "rounds_played"),
        (lambda d: d.update(finished=1), "finished: Input should be a valid boolean, not 1"),
        (lambda d: d["scenario"].update(rounds=8.0), "scenario.rounds"),
        (lambda d: d["final"]["score"].update(total=500.0), "final.score.total"),
        (lambda d: d["final"].update(fit_rate="0.5"), "final.fit_rate"),
        (lambda d: d["rounds"][0].update(round=True), "rounds.0.round"),
    ],
)
def test_every_number_in_a_results_file_is_checked_for_its_type(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path, change, where: str
) -> None:
    """As in a save (issue 17): ``7.0`` where the game writes a whole number is refused with
    the field and the value, even under a recomputed checksum."""
    good = write_team_results(tmp_path, games["best"], default_scenario, "Team")
    document = json.loads(good.read_text(encoding="utf-8"))
    change(document)
    document["checksum"] = document_checksum(document)
    with pytest.raises(ResultsError) as caught:
        decode(encode(document))
    assert caught.value.kind == "invalid"
    assert where in caught.value.reason and where in caught.value.reason_nl


def test_a_save_is_not_a_results_file_and_says_so(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    path = SaveStore(tmp_path).autosave(games["best"], default_scenario, "Team", new_game_id())
    with pytest.raises(ResultsError) as caught:
        read_results(path)
    assert "save" in caught.value.reason


def test_results_of_a_game_the_facilitator_steered(
    default_scenario: Scenario, tmp_path: Path
) -> None:
    from game.sim import new_game

    scenario = default_scenario
    state = new_game(scenario, 3)
    state, _ = inject_event(state, scenario, "storm")
    state, _ = skip_round(state, scenario, state.rng())
    state = end_early(state)
    results = read_results(write_team_results(tmp_path, state, scenario, "Team"))
    assert results.ended_early and results.rounds_played == 1 and results.rounds[0].skipped
    assert [i.kind.value for i in results.interventions] == ["inject", "skip", "end"]
    html = report_html(results, "nl")
    assert "De spelleider beëindigde het spel eerder." in html
    assert "Deze ronde sloeg de spelleider over." in html
