"""Outcome texts by reference (issue 22): a results file of a shipped scenario leaves the texts
out and its pages take them from the installed scenario; a trainer's own scenario keeps them in
the file; a page whose texts cannot be had says so instead of showing them wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.results import build_results, read_results
from game.results.files import encode
from game.results.report import report_html
from game.results.texts import with_texts
from game.saves import new_game_id
from game.saves.migrations import document_checksum
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.sim import play
from game.sim.state import GameState
from tests.helpers.results import write_team_results


def _every_text(results) -> list[str]:
    return [
        text.en
        for record in results.rounds
        for d in record.decisions
        for text in (d.outcome_text, d.best_text)
        if text is not None
    ]


def test_a_shipped_scenarios_file_refers_to_its_texts_and_stays_small(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    path = write_team_results(tmp_path, games["best"], default_scenario, "Rood")
    assert games["best"].finished and len(games["best"].history) == 12
    assert path.stat().st_size <= 25 * 1024
    raw = json.loads(path.read_text(encoding="utf-8"))
    decisions = [d for r in raw["rounds"] for d in r["decisions"]]
    assert all("outcome_text" not in d for d in decisions)
    results = read_results(path)
    filled, found = with_texts(results)
    assert found and len(_every_text(filled)) >= len(decisions)
    html = report_html(results, "en")
    assert _every_text(filled)[0].split(".")[0] in html
    assert "not on this computer" not in html


def test_a_trainers_own_scenario_keeps_its_texts_in_the_file(
    default_scenario: Scenario, tmp_path: Path
) -> None:
    own = default_scenario.model_copy(update={"id": "eigen-dorp"})
    state = play(own, 3, "best")
    path = write_team_results(tmp_path, state, own, "Rood")
    results = read_results(path)
    assert results.scenario.texts_fingerprint is None
    assert len(_every_text(results)) >= sum(len(r.decisions) for r in results.rounds)
    assert with_texts(results) == (results, True)


def test_texts_that_changed_since_are_not_shown_and_the_page_says_why(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path, monkeypatch
) -> None:
    results = read_results(write_team_results(tmp_path, games["best"], default_scenario, "R"))
    import game.results.texts as texts

    real = texts.installed_texts

    def edited(*args):
        found = real(*args)
        _, best = found[0]
        return [({"nl": "Anders.", "en": "Changed."}, best), *found[1:]]

    monkeypatch.setattr(texts, "installed_texts", edited)
    assert with_texts(results) == (results, False)
    html = report_html(results, "en")
    assert "Changed." not in html
    assert "version 2.0), and that version is not on this computer" in " ".join(html.split())
    nl = " ".join(report_html(results, "nl").split())
    assert "versie 2.0), en die versie staat niet op deze computer" in nl


def test_format_1_files_with_their_texts_still_read(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    own = default_scenario.model_copy(update={"id": "eigen-dorp"})
    document = build_results(play(own, 3, "best"), own, "Rood", new_game_id())
    document["format_version"] = 1
    document["scenario"].pop("texts_fingerprint", None)
    document.pop("checksum")
    document["checksum"] = document_checksum(document)
    path = tmp_path / "results-rood-old.json"
    path.write_bytes(encode(document))
    results = read_results(path)
    assert results.format_version == 2
    assert _every_text(results)


@pytest.mark.parametrize("scenario_id", ["waterschap-drie-waarden", "raadsgriffie"])
def test_every_shipped_scenario_gets_its_texts_back(scenario_id: str, tmp_path: Path) -> None:
    scenario = load_scenario(scenario_id)
    results = read_results(write_team_results(tmp_path, play(scenario, 2, "random"), scenario, "R"))
    assert results.scenario.texts_fingerprint is not None
    filled, found = with_texts(results)
    assert found and _every_text(filled)
