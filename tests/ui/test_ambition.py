"""The ambition step before round 1 (issue 21): the group aims per relation, by mouse or by
keyboard, once per game; the debrief's growth table and the report hold the result to it."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.domain import CitizenRelation, GrowthPhase
from game.results import build_results
from game.results.models import ResultsFile
from game.results.report import report_html
from tests.helpers.ui import drawn, finish_game, start_app


def test_the_group_sets_its_aims_and_the_debrief_holds_the_result_to_them(
    monkeypatch, tmp_path: Path
) -> None:
    pilot = start_app(monkeypatch, tmp_path, seed=3)
    app = pilot.app
    try:
        pilot.click_button("New game")
        pilot.click_button("Start the game")
        pilot.click_button("To the initiatives")
        assert pilot.scene == "ambition"
        scene = app.scene
        assert scene.relations() == list(app.controller.state.relation_phase)
        # One press per aim; the same phase again takes an aim away.
        scene.choose(CitizenRelation.CUSTOMER, GrowthPhase.COLLABORATING)
        scene.choose(CitizenRelation.VOTER, GrowthPhase.CONVERSING)
        scene.choose(CitizenRelation.USER, GrowthPhase.CONVERSING)
        scene.choose(CitizenRelation.USER, GrowthPhase.CONVERSING)
        pilot.press(pygame.K_RETURN)  # the focus is on the way on
        assert pilot.scene == "decision"
        state = app.controller.state
        assert state.ambition == {
            CitizenRelation.CUSTOMER: GrowthPhase.COLLABORATING,
            CitizenRelation.VOTER: GrowthPhase.CONVERSING,
        }
        # Asked once: back at the briefing, the way on goes straight to the cards.
        pilot.press(pygame.K_ESCAPE)
        assert pilot.scene == "briefing"
        pilot.click_button("To the initiatives")
        assert pilot.scene == "decision"
        finish_game(app)
        app.go(app.scenes.debrief)
        pilot.advance(2)
        pilot.click_button("Growth")
        lines = drawn(app)
        assert "aim" in lines
        reached = sum(
            1
            for relation, aim in state.ambition.items()
            if app.controller.state.relation_phase[relation].level >= aim.level
        )
        assert any(f"({reached} of 2)" in line for line in lines)
        controller = app.controller
        built = build_results(
            controller.state, controller.scenario, "Team", controller.game_id, "full"
        )
        html = report_html(ResultsFile.model_validate(built), "en")
        assert "aim-reached" in html or "aim-missed" in html
        assert app.errors == []
    finally:
        app.close()


def test_a_relation_cannot_be_aimed_below_where_it_starts(monkeypatch, tmp_path: Path) -> None:
    pilot = start_app(monkeypatch, tmp_path, scenario="grote-stad", seed=3)
    app = pilot.app
    try:
        pilot.click_button("New game")
        pilot.click_button("Start the game")
        pilot.click_button("To the initiatives")
        assert pilot.scene == "ambition"
        phases = app.controller.state.relation_phase
        assert phases[CitizenRelation.CUSTOMER] is GrowthPhase.EXPERIMENTING  # further along
        assert phases[CitizenRelation.PARTNER] is GrowthPhase.DISCOVERING
        buttons = [w for w in app.scene._focusable if hasattr(w, "text")]
        for relation in app.scene.relations():
            row = [b for b in buttons if b.rect.top == _row_top(app.scene, relation)]
            assert [b.is_enabled for b in row] == [
                level >= phases[relation].level for level in (1, 2, 3, 4)
            ]
            assert row[phases[relation].level - 1].text.endswith("· now")
    finally:
        app.close()


def _row_top(scene, relation: CitizenRelation) -> int:
    return next(y for r, y, _ in scene.rows if r is relation)
