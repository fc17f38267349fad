"""A workshop over the network, in the window (issue 19): the host's screen follows the teams and
acts on all of them; a team's window waits for the host to open the round and show the outcome,
takes in news, pauses and the end, and says plainly when it cannot get in. Everything talks over
127.0.0.1 only (the window's ``network`` is off), with bounded waits."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from game.domain import GameLength
from game.net.link import TeamLink
from game.net.messages import WorkshopInfo
from game.net.server import HostServer
from game.net.team import NetworkedTeam
from game.net.workshop import Workshop
from game.scenario.loader import load_scenario
from game.sim import Bot
from game.sim.length import rounds_played
from game.ui.room import HostRoom, TeamRoom
from tests.helpers.ui import drawn, start_app

CODE = "ROOM42"


def _until(pilot, condition, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        scene = pilot.app.scene
        assert time.monotonic() < deadline, f"timed out in {pilot.scene} {vars(scene)}"
        pilot.advance(1)
        time.sleep(0.02)


def _host(tmp_path: Path, teams: int = 1) -> tuple[Workshop, HostServer, object]:
    scenario = load_scenario()
    info = WorkshopInfo(
        workshop_id="0123456789abcdef",
        scenario_id=scenario.id,
        scenario_version=scenario.version,
        seed=7,
        length="short",
    )
    workshop = Workshop(
        info,
        CODE,
        rounds_played(scenario, "short"),
        teams=teams,
        results_dir=tmp_path / "results",
        events=tuple(e.id for e in scenario.events),
    )
    server = HostServer(workshop, "127.0.0.1", 0)
    server.start()
    return workshop, server, scenario


def _join(pilot, port: int, code: str = CODE, team: str = "Team Groen") -> None:
    app = pilot.app
    app.go(app.scenes.join)
    pilot.advance(2)
    scene = app.scene
    scene.team_field.set_text(team)
    scene.code_field.set_text(code.lower())
    scene.address_field.set_text(f"127.0.0.1:{port}")
    scene.join()


def _decide(pilot) -> None:
    """The team decides the round (as the best bot would) and confirms it."""
    app = pilot.app
    controller = app.controller
    controller.apply(Bot("best", 3).decide(controller.state, controller.scenario))
    app.go(app.scenes.development)
    pilot.advance(2)
    app.scene.resolve()
    pilot.advance(2)


def test_a_team_window_plays_in_step_with_the_host(monkeypatch, tmp_path: Path) -> None:
    workshop, server, _scenario = _host(tmp_path)
    pilot = start_app(monkeypatch, tmp_path, lang="nl")
    app = pilot.app
    try:
        _join(pilot, server.port)
        _until(pilot, lambda: pilot.scene == "room_wait")
        assert isinstance(app.room, TeamRoom)
        assert app.controller.game_id == workshop.teams["Team Groen"].game_id
        _until(pilot, lambda: any("Wachten op de volgende ronde" in line for line in drawn(app)))
        # The host opens round 1, with news for every team: the team reads it before deciding.
        server.send(workshop.open_next(("storm",)))
        _until(pilot, lambda: pilot.scene == "briefing")
        assert "storm" in app.controller.state.news
        _decide(pilot)
        assert pilot.scene == "room_wait"  # the outcome waits for the host
        _until(pilot, lambda: workshop.everyone_decided())
        assert workshop.teams["Team Groen"].results is not None
        server.send(workshop.reveal())
        _until(pilot, lambda: pilot.scene == "outcome")
        # A pause covers the round, and gives it back as it was.
        server.send(workshop.pause(True))
        _until(pilot, lambda: pilot.scene == "room_wait")
        assert any("Pauze" in line for line in drawn(app))
        server.send(workshop.pause(False))
        _until(pilot, lambda: pilot.scene == "outcome")
        # The next round waits for the host; the end takes every team to its debrief.
        app.go(app.scenes.summary)
        pilot.advance(2)
        app.scene.next()
        pilot.advance(2)
        assert pilot.scene == "room_wait"
        server.send(workshop.end())
        _until(pilot, lambda: pilot.scene == "debrief")
        assert app.controller.state.finished
        _until(pilot, lambda: workshop.all_finished())
        results = workshop.teams["Team Groen"].results
        assert results.ended_early and results.interventions[0].subject == "storm"
    finally:
        app.close_room()
        server.stop()
        app.close()


def test_a_team_window_that_crashed_rejoins_where_it_was(monkeypatch, tmp_path: Path) -> None:
    """A laptop that crashed mid-round comes back: the host still holds the old line open, so
    only the token kept beside the autosave proves it is the same team (else "name taken")."""
    from game.saves import SaveStore

    workshop, server, _scenario = _host(tmp_path)
    saves = tmp_path / "saves"
    first = start_app(monkeypatch, tmp_path, saves=SaveStore(saves))
    second = None
    crashed = None
    try:
        _join(first, server.port)
        _until(first, lambda: first.scene == "room_wait")
        server.send(workshop.open_next(()))
        _until(first, lambda: first.scene == "briefing")
        _decide(first)
        _until(first, lambda: workshop.everyone_decided())
        game_id, round_ = first.app.controller.game_id, first.app.controller.state.round
        # The window dies without a word to the host: its link is left as it was.
        crashed, first.app.room = first.app.room, None
        first.app.close()
        assert workshop.teams["Team Groen"].connected
        second = start_app(monkeypatch, tmp_path, saves=SaveStore(saves))
        _join(second, server.port)
        _until(second, lambda: second.app.room is not None)
        assert isinstance(second.app.room, TeamRoom) and not workshop.refusals
        controller = second.app.controller
        assert (controller.game_id, controller.state.round) == (game_id, round_)
        assert len(workshop.teams) == 1
    finally:
        for pilot in (first, second):
            if pilot is not None and pilot.app.room is not None:
                pilot.app.close_room()
        if crashed is not None:
            crashed.close()
        server.stop()
        if second is not None:
            second.app.close()


def test_a_wrong_code_is_said_plainly(monkeypatch, tmp_path: Path) -> None:
    workshop, server, _ = _host(tmp_path)
    pilot = start_app(monkeypatch, tmp_path)
    try:
        _join(pilot, server.port, code="WRONG1")
        _until(pilot, lambda: "join code is not right" in pilot.app.scene.message)
        assert pilot.scene == "join" and not workshop.teams
        assert any("code" in why for why in workshop.refusals)
    finally:
        server.stop()
        pilot.app.close()


def test_an_unreachable_host_offers_the_results_file_route(monkeypatch, tmp_path: Path) -> None:
    import socket

    from game.ui.scenes.room import join

    monkeypatch.setattr(join, "JOIN_SECONDS", 1.0)
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there
    pilot = start_app(monkeypatch, tmp_path, lang="nl")
    try:
        _join(pilot, port)
        _until(pilot, lambda: pilot.app.scene.offer_alone)
        assert "Wifi" in pilot.app.scene.message
        pilot.click_button("Spelen zonder netwerk")
        pilot.advance(2)
        assert pilot.scene == "scenario_choice"
    finally:
        pilot.app.close()


def _bot_team(port: int, name: str, code: str) -> threading.Thread:
    link = TeamLink("127.0.0.1", port, code, name).start()
    team = NetworkedTeam(link, load_scenario(), "best")
    thread = threading.Thread(target=team.run, kwargs={"deadline": time.monotonic() + 60})
    thread.daemon = True
    thread.start()
    return thread


@pytest.mark.parametrize(("lang", "scale"), [("nl", 1.4), ("en", 1.0)])
def test_the_host_screen_follows_the_room(monkeypatch, tmp_path: Path, lang, scale) -> None:
    from game.ui.settings import Settings

    pilot = start_app(monkeypatch, tmp_path, lang=lang, results_dir=tmp_path / "results")
    app = pilot.app
    app.apply_settings(Settings(language=lang, sound=False, font_scale=scale))
    try:
        app.go(app.scenes.host_setup)
        pilot.advance(2)
        app.scene.choose_length(GameLength.SHORT)
        app.scene.start()
        pilot.advance(2)
        assert pilot.scene == "host" and isinstance(app.room, HostRoom)
        workshop = app.room.workshop
        assert app.room.server.address == "127.0.0.1"  # a test window never listens wider
        assert workshop.results_dir.parent == tmp_path / "results"
        port = app.room.server.port
        threads = [_bot_team(port, name, workshop.code) for name in ("Rood", "Blauw")]
        _until(pilot, lambda: len(workshop.teams) == 2)
        lines = drawn(app)
        assert "Rood" in lines and "Blauw" in lines
        assert workshop.code in lines  # the join code, large, for the projector
        from game.ui import fit

        assert fit.check(app).problems == []
        # Once the round can open for every team, Enter opens it.
        pilot.advance(2)
        assert app.scene.focused is app.scene.open_button
        while workshop.opened < workshop.rounds:
            app.scene.open_round()
            _until(pilot, workshop.everyone_decided)
            pilot.advance(2)
            assert app.scene.focused is app.scene.open_button or workshop.opened == workshop.rounds
        app.scene.reveal_all()
        _until(pilot, workshop.all_finished)
        for thread in threads:
            thread.join(10)
        # The live comparison reads the workshop's own results folder: both teams.
        app.scene.compare()
        pilot.advance(3)
        assert pilot.scene == "compare"
        assert sorted(team.name for team in app.scene.comparison.teams) == ["Blauw", "Rood"]
    finally:
        app.close_room()
        app.close()


def test_opening_a_round_while_a_team_decides_asks_for_a_second_press(
    monkeypatch, tmp_path: Path
) -> None:
    pilot = start_app(monkeypatch, tmp_path, lang="nl", results_dir=tmp_path / "results")
    app = pilot.app
    link = None
    try:
        app.go(app.scenes.host_setup)
        pilot.advance(2)
        app.scene.start()
        pilot.advance(2)
        workshop = app.room.workshop
        link = TeamLink("127.0.0.1", app.room.server.port, workshop.code, "Rood").start()
        _until(pilot, lambda: len(workshop.teams) == 1)
        app.scene.open_round()
        assert workshop.opened == 1  # the first round opens at once
        app.scene.open_round()  # Rood has not decided round 1
        assert workshop.opened == 1
        assert pilot.button("Niet iedereen is klaar: nog eens drukken").is_enabled
        app.scene.open_round()
        assert workshop.opened == 2
    finally:
        if link is not None:
            link.close()
        app.close_room()
        app.close()


def test_the_join_screen_looks_for_workshops_at_once_and_keeps_what_was_typed(
    monkeypatch, tmp_path: Path
) -> None:
    """With discovery on, joining lists the workshops heard without a click; a team that typed
    its name meanwhile keeps it. The network part is replaced: no packet is sent."""
    from game.net import discovery
    from game.net.discovery import FoundHost
    from game.ui.room import RoomPlan

    heard = threading.Event()

    def find_hosts(seconds: float) -> list[FoundHost]:
        heard.wait(5)
        return [FoundHost("Gemeente Middelgroot", "192.0.2.7", 8470)]

    monkeypatch.setattr(discovery, "find_hosts", find_hosts)
    pilot = start_app(monkeypatch, tmp_path, network=RoomPlan(discovery=True))
    app = pilot.app
    try:
        app.go(app.scenes.join)
        pilot.advance(2)
        assert app.scene.looking
        app.scene.team_field.set_text("Team Paars")
        heard.set()
        _until(pilot, lambda: not app.scene.looking and app.scene.found)
        pilot.advance(2)
        pilot.click_button("Gemeente Middelgroot (192.0.2.7)")
        assert app.scene.address == "192.0.2.7:8470"
        assert app.scene.team_field.get_text() == "Team Paars"
    finally:
        app.close()


def test_a_team_joins_by_keyboard_alone(monkeypatch, tmp_path: Path) -> None:
    """Name, Tab, code, Tab, address, Enter: the Enter in the address field joins (it did
    nothing in the window)."""
    import pygame

    workshop, server, _scenario = _host(tmp_path)
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        app.go(app.scenes.join)
        pilot.advance(2)
        scene = app.scene
        scene.team_field.set_text("Team Green")
        pilot.press(pygame.K_TAB)
        scene.code_field.set_text(CODE.lower())
        pilot.press(pygame.K_TAB)
        assert scene.address_field.is_focused
        scene.address_field.set_text(f"127.0.0.1:{server.port}")
        pilot.press(pygame.K_RETURN)
        _until(pilot, lambda: pilot.scene == "room_wait")
        assert set(workshop.teams) == {"Team Green"}
    finally:
        app.close_room()
        server.stop()
        app.close()


def test_news_brought_in_after_a_team_decided_reaches_its_next_round(
    monkeypatch, tmp_path: Path
) -> None:
    """The host brought news in while the team waited for the outcome: the round it was meant
    for was decided, so it comes with the team's next round (it was lost), and only once."""
    workshop, server, _scenario = _host(tmp_path)
    pilot = start_app(monkeypatch, tmp_path, lang="nl")
    app = pilot.app
    try:
        _join(pilot, server.port)
        _until(pilot, lambda: pilot.scene == "room_wait")
        server.send(workshop.open_next(()))
        _until(pilot, lambda: pilot.scene == "briefing")
        _decide(pilot)
        _until(pilot, workshop.everyone_decided)
        state = app.controller.state
        seen = {*state.news, *(e for record in state.history for e in record.events)}
        event = next(e for e in app.controller.scenario.events if e.id not in seen)
        server.send(workshop.inject(event.id))
        _until(pilot, lambda: event.id in app.controller.state.news)
        state = app.controller.state
        assert state.round == 2 and state.history[-1].round == 1
        assert event.id not in state.history[-1].events
        for _ in range(5):  # polled again and again: still only once
            pilot.advance(1)
        state = app.controller.state
        assert len(state.news) == len(set(state.news))
        assert [(i.round, i.subject) for i in state.interventions] == [(2, event.id)]
    finally:
        app.close_room()
        server.stop()
        app.close()


def test_host_setup_starts_on_a_scenario_named_by_its_path(monkeypatch, tmp_path: Path) -> None:
    """``host scenarios/x.yaml``: the file named by a relative path is the one chosen."""
    import os

    from game.scenario.loader import SCENARIO_DIR

    named = os.path.relpath(SCENARIO_DIR / "raadsgriffie.yaml")
    pilot = start_app(monkeypatch, tmp_path, scenario=named)
    app = pilot.app
    try:
        app.go(app.scenes.host_setup)
        pilot.advance(2)
        assert app.scene.scenarios[app.scene.chosen].id == "raadsgriffie"
    finally:
        app.close()


def test_host_setup_keeps_its_note_whole_with_six_long_titles(monkeypatch, tmp_path: Path) -> None:
    """Six scenarios (the most the host's setup lists), every title too wide for half a row,
    at 140% type: the scenario rows still leave the lengths and the note on rounds and minutes
    whole in the window (a sixth shipped scenario once pushed them off), and every text of the
    screen fits."""
    from game.scenario.loader import SCENARIO_DIR
    from game.ui.fit import check

    folder = tmp_path / "scenarios"
    folder.mkdir()
    source = (SCENARIO_DIR / "raadsgriffie.yaml").read_text(encoding="utf-8")
    for number in range(6):
        name = f"lang-{number}"
        (folder / f"{name}.yaml").write_text(
            source.replace("id: raadsgriffie", f"id: {name}", 1).replace(
                "nl: De griffie van Lindeveld",
                f"nl: Een scenario met een lange titel over de griffie van Lindeveld {number}",
                1,
            ),
            encoding="utf-8",
        )
    pilot = start_app(monkeypatch, tmp_path, "nl", scenario_dir=folder)
    app = pilot.app
    try:
        app.apply_settings(app.settings.with_(font_scale=1.4))
        app.go(app.scenes.host_setup)
        pilot.advance(2)
        assert len(app.scene.scenarios) > 6
        assert check(app).problems == []
        assert any("rondes, ongeveer" in line for line in drawn(app))
    finally:
        app.close()
