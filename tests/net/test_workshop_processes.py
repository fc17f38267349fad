"""The issue's "done when", with real processes on one machine: a headless host and three team
processes play a short game of gemeente-middelgroot over 127.0.0.1.

Slow (each starts four Python processes), still run in CI. Discovery is off and teams join by
address; every process has a time limit and is killed when its test ends.
"""

from __future__ import annotations

import json
import os
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from game.net.messages import PROTOCOL, Hello, Refused, read_to_team, write
from tests.net.conftest import LOCAL, wait_for
from tests.net.room import CODE, TEAMS, Room, compare, injected

pytestmark = pytest.mark.slow
ROUNDS = 5  # a short game of gemeente-middelgroot


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    made = Room(tmp_path)
    try:
        yield made
    finally:
        made.close()


def _all_finish(room: Room) -> dict[str, dict]:
    """Every team and the host end well; the host's results of every team, whole."""
    for team in TEAMS:
        assert room.finish(team) == 0, room.outputs()
    assert room.finish("host") == 0, room.outputs()
    documents = room.host_results()
    assert sorted(documents) == sorted(TEAMS), room.outputs()
    for document in documents.values():
        assert document["finished"] and document["rounds_played"] == ROUNDS
    return documents


def test_three_teams_play_to_the_end_and_the_news_reaches_every_one(room: Room) -> None:
    room.host("--news", "2:storm")
    for team in TEAMS:
        room.team(team)
    documents = _all_finish(room)
    assert sorted(p.name for p in room.results.glob("*.json")) == sorted(
        f"results-{team.lower()}-{documents[team]['game_id']}.json" for team in TEAMS
    )
    page = (room.results / "compare.html").read_text("utf-8")
    assert all(team in page for team in TEAMS)
    assert "finished: 3 teams" in room.output("host")
    for team in TEAMS:
        assert injected(documents[team]) == [(2, "storm")], team
        own = json.loads(room.own_results(team).read_text("utf-8"))
        assert own["game_id"] == documents[team]["game_id"] and own["finished"]
        assert injected(own) == [(2, "storm")]
    # Every team played the same game: one seed, one scenario, one length.
    assert len({(d["seed"], d["length"], d["scenario"]["id"]) for d in documents.values()}) == 1


def test_a_team_killed_at_round_three_rejoins_and_finishes(room: Room) -> None:
    room.host("--news", "2:storm", "--round-seconds", "0.8")
    for team in TEAMS:
        room.team(team)
    # Round 3 is open (or about to be) once the host has the team's results of round 2.
    wait_for(lambda: room.host_reached(("Groen",), 2), 30)
    room.kill("Groen")
    before = room.host_results()["Groen"]
    assert not before["finished"] and before["rounds_played"] < ROUNDS
    autosaves = sorted(p.name for p in room.saves("Groen").glob("autosave-*.json"))
    assert len(autosaves) == 1
    room.team("Groen")
    documents = _all_finish(room)
    assert documents["Groen"]["game_id"] == before["game_id"]
    assert sorted(p.name for p in room.saves("Groen").glob("autosave-*.json")) == autosaves
    assert "alone" not in room.output("Groen")
    assert all(injected(d) == [(2, "storm")] for d in documents.values())
    rounds = [r["round"] for r in documents["Groen"]["rounds"]]
    assert rounds == list(range(1, ROUNDS + 1))


def test_with_the_host_killed_at_round_three_every_team_finishes_alone(room: Room) -> None:
    room.host("--news", "2:storm", "--round-seconds", "0.8")
    for team in TEAMS:
        room.team(team, "--alone-after", "1")
    wait_for(lambda: room.host_reached(TEAMS, 2), 30)
    room.kill("host")
    assert not any(d["finished"] for d in room.host_results().values())
    for team in TEAMS:
        assert room.finish(team) == 0, room.outputs()
        assert "finished alone" in room.output(team)
    files = [room.own_results(team) for team in TEAMS]
    for path in files:
        document = json.loads(path.read_text("utf-8"))
        assert document["finished"] and document["rounds_played"] == ROUNDS
        assert injected(document) == [(2, "storm")]
    result = compare(*files, out=room.folder / "compare.html")
    assert result.returncode == 0, result.stderr
    assert "3 teams" in result.stdout and "0 files left out" in result.stdout
    assert all(team in result.stdout for team in TEAMS)


def _stranger(port: int, *sent: str) -> list[str]:
    """What a websocket client that is no team hears before the host closes the line."""
    heard: list[str] = []
    try:
        with connect(f"ws://{LOCAL}:{port}", open_timeout=5, max_size=None) as line:
            for message in sent:
                line.send(message)
            while True:
                heard.append(line.recv(timeout=8))
    except (ConnectionClosed, OSError):
        pass
    return heard


def _garbage(port: int) -> bytes:
    """Bytes that are no websocket at all, on a plain TCP line; what came back."""
    answer = b""
    with socket.create_connection((LOCAL, port), timeout=5) as line:
        line.sendall(bytes(range(256)) * 4 + b"\r\n\r\n")
        try:
            while chunk := line.recv(4096):
                answer += chunk
        except OSError:
            pass
    return answer


def test_strangers_are_refused_and_the_teams_never_notice(room: Room) -> None:
    room.host("--news", "2:storm", "--round-seconds", "0.5")
    for team in TEAMS:
        room.team(team)
    wait_for(lambda: room.host_reached(TEAMS, 1), 30)
    port = room.port
    wrong = write(Hello(protocol=PROTOCOL, code="WRONG1", team="Stranger"))
    assert [read_to_team(m) for m in _stranger(port, wrong)] == [Refused(reason="code")]
    big = json.dumps({"kind": "hello", "protocol": 1, "code": CODE, "team": "x" * 10_000_000})
    assert _stranger(port, big) == []
    answer = _garbage(port)
    assert answer == b"" or answer.startswith(b"HTTP/1.1 400"), answer
    assert _stranger(port, '{"kind": "launch", "protocol": 1}') == []
    long_name = {"kind": "hello", "protocol": 1, "code": CODE, "team": "x" * 41}
    assert _stranger(port, json.dumps(long_name)) == []
    # A team that is not expected (the room has its three) is not let in either.
    extra = write(Hello(protocol=PROTOCOL, code=CODE, team="Vierde"))
    assert [read_to_team(m) for m in _stranger(port, extra)] == [Refused(reason="full")]
    documents = _all_finish(room)
    assert all(injected(d) == [(2, "storm")] for d in documents.values())
    refused = [line for line in room.output("host").splitlines() if line.startswith("refused:")]
    assert any("(code)" in line for line in refused)
    assert any("(full)" in line for line in refused)
    assert any("1009" in line or "too big" in line for line in refused)
    assert any("launch" in line or "kind" in line for line in refused)
    assert any("team" in line and "40" in line for line in refused), refused
    for team in TEAMS:
        said = room.output(team)
        assert "did not let this team in" not in said and "alone" not in said, said


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGSTOP (a frozen process)")
def test_a_frozen_team_started_again_on_its_laptop_takes_its_place_back(room: Room) -> None:
    """A laptop that hangs keeps its line open (nothing tells the host it is gone); the game
    started again on it must still get back in, not be told its name is taken."""
    room.host("--news", "2:storm", "--round-seconds", "0.8")
    for team in TEAMS:
        room.team(team)
    wait_for(lambda: room.host_reached(("Blauw",), 2), 30)
    frozen = room.processes["Blauw"]
    os.kill(frozen.pid, signal.SIGSTOP)
    try:
        room.team("Blauw")
        documents = _all_finish(room)
    finally:
        frozen.kill()
    assert documents["Blauw"]["finished"]
    assert "did not let this team in" not in room.output("Blauw")
