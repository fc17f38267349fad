"""The report tells the growth phase by the rule the game plays (issue 18): the phase follows
most relations, what held it back is named as the debrief names it, and the rounds are those
of the length played."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.labels import label
from game.results import read_results
from game.results.report import _all_texts, held_back_text, report_html, rounds_total
from game.scenario.loader import load_scenario
from game.sim import Bot, resolve_round
from game.sim.effects import RELATION_PHRASES
from game.sim.length import start_game
from game.sim.review import held_back
from tests.helpers.results import write_team_results


def _game(name: str, length: str, strategy: str, seed: int):
    scenario, state = start_game(load_scenario(name), seed, length)
    rng, bot = state.rng(), Bot(strategy, seed)
    while not state.finished:
        state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
    return scenario, state


def test_the_texts_tell_the_phase_rule_and_the_verdicts_as_the_screens_do() -> None:
    texts = _all_texts()
    assert "laagste" not in texts["chart_relations_note"]["nl"]
    assert "lowest" not in texts["chart_relations_note"]["en"]
    assert "meeste relaties" in texts["chart_relations_note"]["nl"]
    assert texts["prediction_mixed"]["nl"] == "wisselend"  # "ging wisselend" on every screen


@pytest.mark.parametrize(
    ("name", "length", "strategy", "seed"),
    [
        ("gemeente-middelgroot", "short", "group", 2),
        ("politieregio", "short", "random", 1),
        ("raadsgriffie", "standard", "group", 3),
        ("grote-stad", "short", "best", 1),
    ],
)
def test_what_held_the_phase_back_agrees_with_the_debrief(
    name: str, length: str, strategy: str, seed: int, tmp_path: Path
) -> None:
    scenario, state = _game(name, length, strategy, seed)
    results = read_results(write_team_results(tmp_path, state, scenario, "Team", length=length))
    # A finished short game played all its rounds: "5 of 5", never "5 of 12".
    assert rounds_total(results) == results.rounds_played == scenario.rounds
    held = held_back(state, scenario)
    for lang in ("nl", "en"):
        said = held_back_text(results, lang)
        if held is None:
            assert said is None
            continue
        assert said is not None
        for relation in held.relations:  # the same relations, by the same rule
            assert RELATION_PHRASES[relation].get(lang) in said, (said, held)
        if held.relations:
            assert label(held.phase, lang) in said
        html = report_html(results, lang)
        assert said.replace("'", "&#39;") in html
        of = _all_texts()["of"][lang]
        assert f"{results.rounds_played} {of} {results.rounds_played}</b>" in html
