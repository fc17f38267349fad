"""One team's game in step with a host, in this process: news before deciding, a skipped round,
the end called early, playing on alone; and the token a team's laptop keeps for a restart."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.net.link import TeamLink
from game.net.messages import WorkshopInfo
from game.net.server import HostServer
from game.net.team import (
    JoinFailed,
    NetworkedTeam,
    TeamRun,
    remember_token,
    remembered_token,
    token_path,
)
from game.net.workshop import Workshop
from game.scenario.models import Scenario
from game.sim.interventions import InterventionKind
from tests.net.conftest import LOCAL, free_port, wait_for

CODE = "ABCD"


@pytest.fixture
def hosted(info: WorkshopInfo, default_scenario: Scenario) -> Iterator[tuple[Workshop, HostServer]]:
    events = tuple(e.id for e in default_scenario.events)
    workshop = Workshop(info, CODE, 5, teams=1, events=events)
    server = HostServer(workshop, LOCAL, 0)
    server.start(timeout=5)
    try:
        yield workshop, server
    finally:
        server.stop()


class Played:
    """A team playing on a thread of its own; ``result`` once it is over."""

    def __init__(self, team: NetworkedTeam) -> None:
        self.team = team
        self.result: TeamRun | BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import time

        try:
            self.result = self.team.run(join_seconds=5, deadline=time.monotonic() + 30)
        except BaseException as error:  # shown by the test
            self.result = error

    def wait(self, seconds: float = 20) -> TeamRun:
        self.thread.join(seconds)
        assert isinstance(self.result, TeamRun), self.result
        return self.result


def _kinds(run: TeamRun) -> list[tuple[int, str, str]]:
    return [(s.round, s.kind.value, s.subject) for s in run.state.interventions]


def test_a_team_decides_only_open_rounds_applies_news_first_skips_and_ends_when_told(
    hosted, default_scenario: Scenario, tmp_path: Path
) -> None:
    workshop, server = hosted
    link = TeamLink(LOCAL, server.port, CODE, "Blauw").start()
    played = Played(NetworkedTeam(link, default_scenario, saves=tmp_path / "saves"))
    try:
        wait_for(lambda: workshop.teams.get("Blauw"), 5)
        server.send(workshop.open_next())
        wait_for(lambda: workshop.teams["Blauw"].results, 10)
        # Round 2 is not open: the team waits after round 1.
        results = workshop.teams["Blauw"].results
        assert results is not None and results.rounds_played == 1
        server.send(workshop.open_next(("storm",)))
        wait_for(lambda: workshop.teams["Blauw"].decided == 2, 10)
        # Paused while round 3 opens and is skipped: a team quick off the mark decided the
        # round before the skip reached it (seen on a loaded machine).
        server.send(workshop.pause(True))
        server.send(workshop.open_next())
        server.send(workshop.skip())
        server.send(workshop.pause(False))
        wait_for(lambda: workshop.teams["Blauw"].decided == 3, 10)
        server.send(workshop.end())
        run = played.wait()
    finally:
        link.close()
    assert run.state.finished and not run.alone and run.team == "Blauw"
    assert _kinds(run) == [(2, "inject", "storm"), (3, "skip", ""), (4, "end", "")]
    assert workshop.teams["Blauw"].finished
    # The token is kept beside the autosave, for a restart of this laptop.
    assert remembered_token(tmp_path / "saves", LOCAL, server.port, CODE, "Blauw") == link.token


def test_a_team_whose_host_is_gone_plays_on_alone(hosted, default_scenario: Scenario) -> None:
    workshop, server = hosted
    link = TeamLink(LOCAL, server.port, CODE, "Rood").start()
    played = Played(NetworkedTeam(link, default_scenario, alone_after=0.3))
    try:
        wait_for(lambda: workshop.teams.get("Rood"), 5)
        server.send(workshop.open_next(("storm",)))
        wait_for(lambda: workshop.teams["Rood"].decided == 1, 10)
        server.stop()
        run = played.wait()
    finally:
        link.close()
    assert run.alone and run.state.finished and run.state.round >= 5
    assert _kinds(run) == [(1, "inject", "storm")]
    assert not [s for s in run.state.interventions if s.kind is InterventionKind.SKIP]


def test_a_refused_or_unreachable_join_says_why(hosted, default_scenario: Scenario) -> None:
    _, server = hosted
    wrong = TeamLink(LOCAL, server.port, "WXYZ", "Geel").start()
    with pytest.raises(JoinFailed) as refused:
        NetworkedTeam(wrong, default_scenario).run(join_seconds=5)
    assert refused.value.reason == "code"
    nobody = TeamLink(LOCAL, free_port(), CODE, "Geel").start()
    with pytest.raises(JoinFailed) as unreachable:
        NetworkedTeam(nobody, default_scenario).run(join_seconds=0.5)
    assert unreachable.value.reason == "unreachable"


def test_a_host_with_another_scenario_version_is_not_joined(
    info: WorkshopInfo, default_scenario: Scenario
) -> None:
    other = info.model_copy(update={"scenario_version": "0.1"})
    server = HostServer(Workshop(other, CODE, 5, teams=1), LOCAL, 0)
    server.start(timeout=5)
    link = TeamLink(LOCAL, server.port, CODE, "Paars").start()
    try:
        with pytest.raises(JoinFailed) as caught:
            NetworkedTeam(link, default_scenario).run(join_seconds=5)
        assert caught.value.reason == "scenario"
    finally:
        link.close()
        server.stop()


# --- the token a laptop keeps -------------------------------------------------------------------


class _Link:
    address, port, code, token = LOCAL, 8470, "ABCD", "0123abcd" * 4


def test_the_token_is_remembered_for_the_same_host_code_and_team(tmp_path: Path) -> None:
    saves = tmp_path / "new" / "saves"
    remember_token(saves, _Link(), " Team  Blauw ")  # type: ignore[arg-type]
    assert token_path(saves, "team blauw").is_file()
    assert not list(saves.glob("*.json")), "the save list must not see it"
    assert remembered_token(saves, LOCAL, 8470, "abcd", "Team Blauw") == _Link.token
    assert remembered_token(saves, LOCAL, 8471, "ABCD", "Team Blauw") == ""
    assert remembered_token(saves, "10.0.0.1", 8470, "ABCD", "Team Blauw") == ""
    assert remembered_token(saves, LOCAL, 8470, "WXYZ", "Team Blauw") == ""
    assert remembered_token(saves, LOCAL, 8470, "ABCD", "Rood") == ""
    assert remembered_token(tmp_path / "nowhere", LOCAL, 8470, "ABCD", "Team Blauw") == ""


@pytest.mark.parametrize(
    "content",
    [
        "",
        "not json",
        "[]",
        '{"host": "127.0.0.1:8470", "code": "ABCD", "token": "../../x"}',
        '{"host": "127.0.0.1:8470", "code": "ABCD", "token": 5}',
        '{"host": "127.0.0.1:8470", "code": "ABCD", "token": "' + "a" * 65 + '"}',
        '{"host": "127.0.0.1:8470", "code": "ABCD", "token": "' + "a" * 5000 + '"}',
    ],
)
def test_a_damaged_token_file_is_no_token(tmp_path: Path, content: str) -> None:
    token_path(tmp_path, "Blauw").write_text(content, "utf-8")
    assert remembered_token(tmp_path, LOCAL, 8470, "ABCD", "Blauw") == ""


def test_a_token_file_that_is_no_file_is_no_token_and_never_blocks(tmp_path: Path) -> None:
    token_path(tmp_path, "Blauw").mkdir()
    assert remembered_token(tmp_path, LOCAL, 8470, "ABCD", "Blauw") == ""
    remember_token(tmp_path, _Link(), "Blauw")  # type: ignore[arg-type]  # cannot: no error
    if hasattr(os, "mkfifo"):
        os.mkfifo(token_path(tmp_path, "Rood"))
        assert remembered_token(tmp_path, LOCAL, 8470, "ABCD", "Rood") == ""
