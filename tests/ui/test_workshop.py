"""The workshop in the window (issue 12): hot-seat teams, the facilitator's panel (F9, PIN), the
timer, the comparison screen and the debrief's export, driven through the real app."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.results import read_results
from game.saves import SaveStore, load_save
from game.sim import Bot
from game.sim.interventions import InterventionKind
from game.ui.timer import RoundTimer
from tests.helpers.ui import start_app


def _play_everyone(app) -> None:
    """Every team's rounds, in turn, with a bot deciding (the controller as the scenes use it)."""
    controller = app.controller
    bots: dict[int, Bot] = {}
    while (turn := controller.next_turn()) is not None:
        controller.switch_to(turn)
        bot = bots.setdefault(turn, Bot(("best", "random", "participating")[turn], 7))
        controller.apply(bot.decide(controller.state, controller.scenario))
        controller.resolve()


def test_three_teams_take_turns_on_one_laptop(monkeypatch, tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    pilot = start_app(monkeypatch, tmp_path, saves=store, seed=7)
    app = pilot.app
    try:
        pilot.click_button("New game")
        scene = app.scene
        for _ in range(2):
            pilot.click_button("+ team")
        for entry, name in zip(app.scene.team_entries, ("Rood", "Blauw", "Groen"), strict=True):
            entry.set_text(name)
        pilot.click_button("Start the game")
        assert pilot.scene == "turn" and app.controller.hot_seat
        assert [s.team for s in app.controller.seats] == ["Rood", "Blauw", "Groen"]
        ids = {s.game_id for s in app.controller.seats}
        assert len(ids) == 3  # three games
        assert scene is not app.scene
        pilot.click_button("Start the round")
        assert pilot.scene == "briefing" and app.controller.team == "Rood"
        # Rood plays round 1; the summary hands over to Blauw.
        controller = app.controller
        controller.apply(Bot("best", 7).decide(controller.state, controller.scenario))
        controller.resolve()
        from game.ui.scenes.round.summary import SummaryScene

        app.go(SummaryScene)
        pilot.advance(2)
        pilot.click_button("Next team")
        assert pilot.scene == "turn" and controller.team == "Blauw"
        assert controller.state.round == 1
        _play_everyone(app)
        app.go(SummaryScene)
        pilot.advance(2)
        pilot.click_button("Next team")
        assert pilot.scene == "workshop_end"
        results = sorted((tmp_path / "results").glob("results-*.json"))
        assert len(results) == 3
        teams = {read_results(p).team for p in results}
        assert teams == {"Rood", "Blauw", "Groen"}
        assert {read_results(p).seed for p in results} == {7}
        pilot.click_button("Compare the teams")
        assert pilot.scene == "compare"
        assert [t.name for t in app.scene.comparison.teams] == ["Rood", "Blauw", "Groen"]
        pilot.click_button("Save as a web page")
        assert (tmp_path / "results" / "compare.html").is_file()
        # Each team's autosave is its own game, and replays.
        for seat in controller.seats:
            saved = [p for p in (tmp_path / "saves").glob(f"autosave-*{seat.game_id}.json")]
            assert len(saved) == 1
            assert load_save(saved[0], lambda _id: controller.scenario).state.finished
        assert app.errors == []
    finally:
        app.close()


def test_facilitator_panel_behind_a_pin_records_what_it_does(monkeypatch, tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    pilot = start_app(monkeypatch, tmp_path, saves=store, seed=3)
    app = pilot.app
    try:
        app.settings = app.settings.with_(facilitator_pin="2468")
        pilot.click_button("New game")
        pilot.click_button("Start the game")
        assert pilot.scene == "briefing"
        pilot.press(pygame.K_F9)
        assert pilot.scene == "facilitator_pin"
        pilot.type_text("1111")
        pilot.click_button("Open the panel")
        assert pilot.scene == "facilitator_pin" and app.scene.wrong
        app.scene.pin.set_text("2468")
        pilot.click_button("Open the panel")
        assert pilot.scene == "facilitator"
        pilot.click_button("Pause: discuss")
        assert pilot.scene == "discuss"
        title = app.controller.scenario.initiative(app.controller.state.current_initiatives[0])
        assert app.scene.question()[0] == title.title.get("en")
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "briefing"
        # Bring in the storm now.
        pilot.press(pygame.K_F9)  # the PIN was given: asked once per session
        assert pilot.scene == "facilitator"
        pilot.click_button("Bring in news…")
        pilot.click_button("Storm over Middelgroot")
        assert pilot.scene == "briefing"
        state = app.controller.state
        assert "storm" in state.news and "storm_communicatie" in state.current_initiatives
        # Skip the round (a second press confirms), then end the game.
        pilot.press(pygame.K_F9)  # the PIN was given: asked once per session
        assert pilot.scene == "facilitator"
        pilot.click_button("Skip to the next round")
        pilot.click_button("Sure? Press again")
        assert pilot.scene == "outcome" and app.controller.state.round == 2
        pilot.press(pygame.K_F9)  # the PIN was given: asked once per session
        assert pilot.scene == "facilitator"
        pilot.click_button("End the game now")
        pilot.click_button("Sure? Press again")
        assert pilot.scene == "debrief" and app.controller.state.finished
        kinds = [i.kind for i in app.controller.state.interventions]
        assert kinds == [
            InterventionKind.PAUSE,
            InterventionKind.INJECT,
            InterventionKind.SKIP,
            InterventionKind.END,
        ]
        # The autosave replays the steered game; the results say it ended early.
        path = next((tmp_path / "saves").glob("autosave-*.json"))
        loaded = load_save(path, lambda _id: app.controller.scenario)
        assert loaded.state.interventions == app.controller.state.interventions
        results = read_results(next((tmp_path / "results").glob("results-*.json")))
        assert results.ended_early and results.rounds[0].skipped
        # Export from the debrief.
        pilot.click_button("Export")
        assert pilot.scene == "exported"
        report = next((tmp_path / "results").glob("report-*.html"))
        assert "Debrief of Team" in report.read_text(encoding="utf-8")
        pilot.click_button("Back to the debrief")
        assert pilot.scene == "debrief"
        assert app.errors == []
    finally:
        app.close()


def test_reveal_from_the_panel_keeps_the_outcome_screen(monkeypatch, tmp_path) -> None:
    pilot = start_app(monkeypatch, tmp_path, seed=3)
    app = pilot.app
    try:
        pilot.click_button("New game")
        pilot.click_button("Start the game")
        controller = app.controller
        controller.apply(Bot("best", 3).decide(controller.state, controller.scenario))
        controller.resolve()
        from game.ui.scenes.round.outcome import OutcomeScene

        app.go(OutcomeScene)
        pilot.advance(2)
        pilot.press(pygame.K_SPACE)
        outcome = app.scene
        assert outcome.revealed == 1
        pilot.press(pygame.K_F9)
        pilot.click_button("Reveal the next effect")
        assert app.scene is outcome and outcome.revealed == 2  # the same screen, one more
        pilot.press(pygame.K_F9)
        pilot.click_button("Reveal every effect")
        assert app.scene is outcome and outcome.revealed == len(outcome.entries)
        reveals = [i.subject for i in controller.state.interventions]
        assert reveals == ["one", "all"]
    finally:
        app.close()


def test_the_round_timer_chimes_once_and_is_recorded(monkeypatch, tmp_path) -> None:
    now = [100.0]
    timer = RoundTimer(clock=lambda: now[0])
    timer.start(300)
    assert timer.shown() == "5:00" and not timer.ran_out()
    now[0] += 299.2
    assert timer.shown() == "0:01"
    timer.pause()
    now[0] += 1000
    assert timer.shown() == "0:01" and not timer.ran_out()
    timer.resume()
    now[0] += 1
    assert timer.ran_out() and timer.shown() == "0:00"
    pilot = start_app(monkeypatch, tmp_path, seed=3)
    app = pilot.app
    try:
        pilot.click_button("New game")
        pilot.click_button("Start the game")
        app.timer = timer
        pilot.advance(2)
        assert timer.signalled and not timer.ran_out()
        kinds = [i.kind for i in app.controller.state.interventions]
        assert kinds == [InterventionKind.TIMER_OUT]
        assert app.errors == []
    finally:
        app.close()


def test_compare_screen_lists_files_it_leaves_out(monkeypatch, tmp_path) -> None:
    from game.cli import main

    folder = tmp_path / "usb"
    assert (
        main(["autoplay", "--seed", "4", "--team", "Rood", "--results", str(folder / "a.json")])
        == 0
    )
    assert (
        main(
            [
                "autoplay",
                "--seed",
                "4",
                "--strategy",
                "random",
                "--team",
                "Blauw",
                "--results",
                str(folder / "b.json"),
            ]
        )
        == 0
    )
    assert (
        main(["autoplay", "--seed", "5", "--team", "Anders", "--results", str(folder / "c.json")])
        == 0
    )
    (folder / "kapot.json").write_text(json.dumps({"format": "iets"}))
    pilot = start_app(monkeypatch, tmp_path, lang="nl")
    app = pilot.app
    try:
        pilot.click_button("Teams vergelijken")
        assert pilot.scene == "compare"
        app.scene.folder_entry.set_text(str(folder))
        pilot.click_button("Deze map inlezen")
        comparison = app.scene.comparison
        assert [t.name for t in comparison.teams] == ["Rood", "Blauw"]
        assert {p.path.name for p in comparison.left_out} == {"c.json", "kapot.json"}
        assert "startgetal" in app.scene._left_out_html()
        assert app.scene._news_html() == ""  # no news brought in: nothing to weigh in
        app.scene.folder_entry.set_text(str(tmp_path / "nergens"))
        pilot.click_button("Deze map inlezen")
        assert "bestaat niet" in app.scene._left_out_html()
        assert app.errors == []
    finally:
        app.close()


def test_a_team_without_a_results_file_is_listed_as_left_out(monkeypatch, tmp_path: Path) -> None:
    """Issue 19: the comparison said "Niet meegenomen: Niets" while leaving two teams out."""
    pilot = start_app(monkeypatch, tmp_path, saves=SaveStore(tmp_path / "saves"), seed=7)
    app = pilot.app
    try:
        pilot.click_button("New game")
        for _ in range(2):
            pilot.click_button("+ team")
        for entry, name in zip(app.scene.team_entries, ("Rood", "Blauw", "Groen"), strict=True):
            entry.set_text(name)
        pilot.click_button("Start the game")
        _play_everyone(app)
        seats = app.controller.seats
        assert all(seat.results_file is not None for seat in seats)
        for seat in seats[1:]:
            seat.results_file = None  # say, a full USB stick
        app.go(app.scenes.workshop_end)
        pilot.advance(2)
        pilot.click_button("Compare the teams")
        assert pilot.scene == "compare"
        assert [t.name for t in app.scene.comparison.teams] == ["Rood"]
        left_out = app.scene._left_out_html()
        assert "Blauw" in left_out and "Groen" in left_out and "Nothing" not in left_out
        assert "No results file was written" in left_out
        assert app.errors == []
    finally:
        app.close()


def test_each_new_game_draws_its_own_seed_and_the_panel_shows_it(
    monkeypatch, tmp_path: Path
) -> None:
    """Issue 19: every game used seed 1. Without --seed each new game (or workshop) draws one,
    kept in its save; the facilitator's panel shows it; --seed still sets it."""
    from game.sim.dice import DRAWN_SEEDS, choose_seed
    from tests.helpers.ui import drawn

    assert choose_seed(7) == 7 and choose_seed(0) == 0
    assert len({choose_seed(None) for _ in range(20)}) > 1
    store = SaveStore(tmp_path / "saves")
    seeds = []
    for _ in range(2):
        pilot = start_app(monkeypatch, tmp_path, saves=store)
        app = pilot.app
        try:
            pilot.click_button("New game")
            pilot.click_button("+ team")
            for entry, name in zip(app.scene.team_entries, ("Rood", "Blauw"), strict=True):
                entry.set_text(name)
            pilot.click_button("Start the game")
            seats = app.controller.seats
            assert len({seat.state.seed for seat in seats}) == 1  # one workshop, one seed
            seed = seats[0].state.seed
            assert DRAWN_SEEDS[0] <= seed <= DRAWN_SEEDS[1]
            seeds.append(seed)
            pilot.click_button("Start the round")
            pilot.press(pygame.K_F9)
            assert pilot.scene == "facilitator"
            assert any(f"seed {seed}" in line for line in drawn(app))
            saved = load_save(
                next((tmp_path / "saves").glob(f"autosave-*{seats[0].game_id}.json")),
                lambda _id, scenario=app.controller.scenario: scenario,
            )
            assert saved.state.seed == seed
        finally:
            app.close()
    assert seeds[0] != seeds[1]  # equal once in 999,999 draws
    pilot = start_app(monkeypatch, tmp_path, seed=4242)
    try:
        pilot.click_button("New game")
        pilot.click_button("Start the game")
        assert pilot.app.controller.state.seed == 4242
    finally:
        pilot.app.close()


def test_a_new_game_remembers_the_teams_and_the_length(monkeypatch, tmp_path: Path) -> None:
    """Issue 19: a new game remembered only the first team's name, and reset the length to the
    whole game. Both are kept in the settings file, for the next launch too."""
    from game.domain import GameLength
    from game.ui.settings import read_settings

    kept = tmp_path / "settings.json"
    pilot = start_app(monkeypatch, tmp_path, settings_file=kept)
    try:
        pilot.click_button("New game")
        for _ in range(2):
            pilot.click_button("+ team")
        for entry, name in zip(
            pilot.app.scene.team_entries, ("Rood", "Blauw", "Groen"), strict=True
        ):
            entry.set_text(name)
        pilot.click_button("Short")
        pilot.click_button("Start the game")
        assert pilot.scene == "turn"
    finally:
        pilot.app.close()
    settings, problem = read_settings(kept)
    assert problem is None
    assert settings.last_teams == ("Rood", "Blauw", "Groen") and settings.last_length == "short"
    # The next launch, with the settings kept (as ``play`` reads them).
    from game.ui.app import App
    from game.ui.harness import Harness

    app = App((1280, 720), settings.with_(language="en", sound=False), log_dir=tmp_path / "logs")
    pilot = Harness(app)
    try:
        pilot.advance(2)
        pilot.click_button("New game")
        assert [e.get_text() for e in app.scene.team_entries] == ["Rood", "Blauw", "Groen"]
        assert app.scene.length == GameLength.SHORT
        selected = {b.text for b in pilot.buttons() if b.is_selected}
        assert "Short" in selected and "Whole game" not in selected
    finally:
        app.close()


def test_the_time_estimate_counts_the_teams_taking_turns(monkeypatch, tmp_path: Path) -> None:
    """Issue 19: "ongeveer 45 minuten" ignored that hot-seat teams play one after another."""
    from game.sim.length import estimated_minutes
    from tests.helpers.ui import drawn

    pilot = start_app(monkeypatch, tmp_path, lang="nl")
    app = pilot.app
    try:
        pilot.click_button("Nieuw spel")
        per_game = estimated_minutes(app.scene.current.scenario, app.scene.length)
        assert any(f"ongeveer {per_game} minuten" in line for line in drawn(app))
        pilot.click_button("+ team")
        pilot.click_button("+ team")
        pilot.advance(1)
        lines = drawn(app)
        assert any(f"ongeveer {3 * per_game} minuten" in line for line in lines)
        assert any("3 teams na elkaar" in line for line in lines)
    finally:
        app.close()


def test_the_compare_screen_says_who_got_the_news_brought_in(monkeypatch, tmp_path: Path) -> None:
    """Issue 19: news brought in for one team; the screen names the news, the round and the
    team that had it, and no longer says every team had the same news."""
    from game.scenario.loader import load_scenario
    from game.sim import play
    from tests.helpers.results import write_team_results
    from tests.results.test_compare import _with_news_at

    scenario = load_scenario()
    state, event = _with_news_at(scenario, 7, 2)
    rood = write_team_results(tmp_path, state, scenario, "Rood")
    blauw = write_team_results(tmp_path, play(scenario, 7, "best"), scenario, "Blauw")
    pilot = start_app(monkeypatch, tmp_path, lang="nl")
    app = pilot.app
    try:
        app.go(app.scenes.compare, [rood, blauw])
        pilot.advance(2)
        news = app.scene._news_html()
        title = scenario.event(event).title.get("nl")
        assert f"Ronde 2 · <b>{title}</b>: alleen voor Rood" in news
        assert "Niet elk team had hetzelfde nieuws" in news
        assert news in app.scene._differences_html()
        assert app.errors == []
    finally:
        app.close()
