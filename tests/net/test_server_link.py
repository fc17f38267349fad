"""The host's server and a team's link in one process, on 127.0.0.1 (a port the OS picks).

Strangers are refused (a wrong code, garbage, an unknown kind, a message over the limit) and the
teams that joined never notice; a team's link comes back by itself when the host restarts.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from game.net.link import TeamLink
from game.net.messages import (
    MAX_MESSAGE_BYTES,
    PROTOCOL,
    Hello,
    News,
    Opened,
    Ready,
    Refused,
    Welcome,
    WorkshopInfo,
    read_to_team,
    write,
)
from game.net.server import HostServer
from game.net.workshop import Workshop
from game.scenario.models import Scenario
from tests.conftest import ROOT
from tests.net.conftest import LOCAL, team_results, wait_for

CODE = "ABCD"


@pytest.fixture
def workshop(info: WorkshopInfo, tmp_path: Path) -> Workshop:
    folder = tmp_path / "results"
    folder.mkdir()
    return Workshop(info, CODE, 5, teams=3, results_dir=folder, events=("storm", "viraal"))


@pytest.fixture
def server(workshop: Workshop) -> Iterator[HostServer]:
    host = HostServer(workshop, LOCAL, 0)
    host.start(timeout=5)
    try:
        yield host
    finally:
        host.stop()


@pytest.fixture
def links() -> Iterator[list[TeamLink]]:
    made: list[TeamLink] = []
    try:
        yield made
    finally:
        for link in made:
            link.close()


def _join(links: list[TeamLink], server: HostServer, team: str, code: str = CODE) -> TeamLink:
    link = TeamLink(LOCAL, server.port, code, team).start()
    links.append(link)
    return link


def _inbox(link: TeamLink) -> list[object]:
    seen = []
    while not link.inbox.empty():
        seen.append(link.inbox.get_nowait())
    return seen


def test_the_server_listens_on_the_port_the_os_gave(server: HostServer) -> None:
    assert 0 < server.port < 65536
    with socket.create_connection((LOCAL, server.port), timeout=2):
        pass


def test_a_second_server_cannot_have_a_port_in_use(workshop: Workshop, server) -> None:
    other = HostServer(workshop, LOCAL, server.port)
    with pytest.raises(OSError):
        other.start(timeout=5)


def test_a_team_is_welcomed_and_hears_the_rounds_in_order(
    server: HostServer, workshop: Workshop, links: list[TeamLink]
) -> None:
    link = _join(links, server, "Blauw")
    welcome = link.wait_welcome(5)
    assert isinstance(welcome, Welcome) and welcome.team == "Blauw"
    assert welcome.workshop == workshop.info and link.status == "connected"
    assert link.token == welcome.token == workshop.teams["Blauw"].token
    wait_for(lambda: server.connected() == {"Blauw"}, 5)
    server.send(workshop.open_next())
    server.send(workshop.open_next(("storm",)))
    wait_for(lambda: link.pace.opened == 2, 5)
    kinds = [m.kind for m in _inbox(link)]
    assert kinds == ["welcome", "open", "news", "open"]
    assert link.pace.news_for(2) == [(2, "storm")] and link.pace.news_for(1) == []


def test_ready_brings_a_teams_results_into_the_results_folder(
    default_scenario: Scenario, server: HostServer, workshop: Workshop, links: list[TeamLink]
) -> None:
    link = _join(links, server, "Rood")
    assert link.wait_welcome(5) is not None
    server.send(workshop.open_next())
    results = team_results(default_scenario, workshop.info, "Rood")
    link.send_ready(Ready(round=1, results=results))
    wait_for(lambda: workshop.teams["Rood"].results_file is not None, 5)
    team = workshop.teams["Rood"]
    assert team.decided == 1 and team.results_file is not None
    assert team.results_file.parent == workshop.results_dir
    assert json.loads(team.results_file.read_text("utf-8"))["team"] == "Rood"


def test_a_team_named_like_a_path_never_writes_outside_the_results_folder(
    default_scenario: Scenario,
    server: HostServer,
    workshop: Workshop,
    links: list[TeamLink],
    tmp_path: Path,
) -> None:
    link = _join(links, server, "../../evil")
    welcome = link.wait_welcome(5)
    assert welcome is not None
    results = team_results(default_scenario, workshop.info, welcome.team)
    link.send_ready(Ready(round=1, results=results))
    wait_for(lambda: workshop.teams[welcome.team].results_file is not None, 5)
    written = workshop.teams[welcome.team].results_file
    assert written is not None and written.parent == workshop.results_dir
    assert written.name == f"results-evil-{welcome.game_id}.json"
    everything = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert all(p == "results" or p.startswith("results/results-") for p in everything)
    assert not (tmp_path.parent / "evil").exists() and not (tmp_path / "evil").exists()


# A team's laptop without OpenSSL, as in the built game (game/bundle/contents.py): ssl cannot be
# imported, and the team is welcomed all the same. Then only websockets' client holds the
# stand-in; ssl is still not importable, and http.client offers no HTTPS.
_WITHOUT_SSL = textwrap.dedent(
    """
    import sys

    sys.modules["ssl"] = None  # no OpenSSL: "import ssl" fails
    from game.net.link import TeamLink, websocket_client
    from game.net.server import HostServer
    from game.net.workshop import Workshop
    from game.scenario.loader import load_scenario
    from tests.net.conftest import LOCAL, make_info

    workshop = Workshop(make_info(load_scenario()), "ABCD", 5, teams=1, results_dir=None)
    server = HostServer(workshop, LOCAL, 0)
    server.start(timeout=5)
    link = TeamLink(LOCAL, server.port, "ABCD", "Blauw").start()
    welcome = link.wait_welcome(10)
    link.close()
    server.stop()
    stand_in = websocket_client().ssl_module
    holders = [n for n, m in sys.modules.items() if m and stand_in in vars(m).values()]
    holders.remove("__main__")  # this script's own stand_in
    import http.client

    print(welcome.team, stand_in.__doc__, holders, sys.modules["ssl"])
    print(hasattr(http.client, "HTTPSConnection"))
    """
)


def test_a_team_joins_from_a_python_without_ssl() -> None:
    """Guards the built game's workshop, which has no OpenSSL: websockets' client module
    imports ssl when it loads (``websocket_client`` in game/net/link.py)."""
    ran = subprocess.run(
        [sys.executable, "-c", _WITHOUT_SSL], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines() == [
        "Blauw a stand-in: no TLS here; a workshop uses ws:// ['websockets.asyncio.client'] None",
        "False",
    ]


def test_a_wrong_code_is_refused_at_once(server: HostServer, links: list[TeamLink]) -> None:
    link = _join(links, server, "Groen", code="WXYZ")
    assert link.wait_welcome(5) is None
    assert link.status == "refused" and link.refused == "code"
    assert Refused(reason="code") in _inbox(link)
    assert server.workshop.teams == {}


def test_the_link_comes_back_when_the_host_restarts_on_the_same_port(
    default_scenario: Scenario, server: HostServer, workshop: Workshop, links: list[TeamLink]
) -> None:
    link = _join(links, server, "Geel")
    assert link.wait_welcome(5) is not None
    server.send(workshop.open_next())
    wait_for(lambda: link.pace.opened == 1, 5)
    link.send_ready(Ready(round=1, results=team_results(default_scenario, workshop.info, "Geel")))
    wait_for(lambda: workshop.teams["Geel"].decided == 1, 5)
    port = server.port
    server.stop()
    wait_for(lambda: link.status == "lost", 5)
    assert link.lost_for() > 0
    # The same workshop again (the host's window came back): the team rejoins by itself.
    workshop.teams["Geel"].results = None
    again = HostServer(workshop, LOCAL, port)
    again.start(timeout=5)
    try:
        wait_for(lambda: link.status == "connected", 10)
        assert link.lost_for() == 0
        # Its last results are sent again on the rejoin.
        wait_for(lambda: workshop.teams["Geel"].results is not None, 5)
        again.send(workshop.open_next())
        wait_for(lambda: link.pace.opened == 2, 5)
    finally:
        again.stop()


def test_a_new_host_on_the_same_port_takes_the_team_back_by_name(
    info: WorkshopInfo, server: HostServer, links: list[TeamLink]
) -> None:
    link = _join(links, server, "Paars")
    first = link.wait_welcome(5)
    assert first is not None
    port = server.port
    server.stop()
    wait_for(lambda: link.status == "lost", 5)
    fresh = Workshop(info, CODE, 5, teams=3)
    again = HostServer(fresh, LOCAL, port)
    again.start(timeout=5)
    try:
        wait_for(lambda: link.status == "connected", 10)
        assert set(fresh.teams) == {"Paars"}
        assert fresh.teams["Paars"].game_id == first.game_id  # so its autosave is found
    finally:
        again.stop()


def test_another_workshop_at_the_same_address_and_code_gets_no_results_of_this_one(
    default_scenario: Scenario,
    info: WorkshopInfo,
    server: HostServer,
    workshop: Workshop,
    links: list[TeamLink],
) -> None:
    """A host started again as a new workshop (same port, same fixed code): the team's game
    belongs to the old one, so it goes on alone instead of joining (seen in the window: the
    new host refused its results as "another game" and listed it as a team)."""
    link = _join(links, server, "Paars")
    assert link.wait_welcome(5) is not None
    server.send(workshop.open_next())
    wait_for(lambda: link.pace.opened == 1, 5)
    link.send_ready(Ready(round=1, results=team_results(default_scenario, info, "Paars")))
    port = server.port
    server.stop()
    wait_for(lambda: link.status == "lost", 5)
    other = info.model_copy(update={"workshop_id": "fedcba9876543210"})
    fresh = Workshop(other, CODE, 5, teams=3)
    again = HostServer(fresh, LOCAL, port)
    again.start(timeout=5)
    try:
        wait_for(lambda: link.status == "refused", 10)
        assert link.refused == "ended" and link.lost_for() > 0
        assert all(team.results is None for team in fresh.teams.values())
        assert not fresh.refusals
    finally:
        again.stop()


# --- strangers ----------------------------------------------------------------------------------


def _stranger(server: HostServer, *sent: str | bytes) -> list[str]:
    """What a raw websocket client hears after sending ``sent`` (until the host closes)."""
    heard: list[str] = []
    with connect(f"ws://{LOCAL}:{server.port}", open_timeout=5, max_size=None) as connection:
        try:
            for message in sent:
                connection.send(message)
            while True:
                heard.append(connection.recv(timeout=8))
        except ConnectionClosed:
            pass
    return heard


@pytest.fixture
def team(server: HostServer, workshop: Workshop, links: list[TeamLink]) -> TeamLink:
    """A team that joined before the strangers come, and must not notice them."""
    link = _join(links, server, "Oranje")
    assert link.wait_welcome(5) is not None
    return link


def _unbothered(team: TeamLink, server: HostServer, workshop: Workshop) -> None:
    assert team.status == "connected" and server.connected() == {"Oranje"}
    server.send(workshop.open_next(("storm",)))
    wait_for(lambda: team.pace.opened == workshop.opened, 5)
    assert set(workshop.teams) == {"Oranje"}


def test_a_wrong_code_gets_refused_and_the_line_closed(server, workshop, team) -> None:
    hello = write(Hello(protocol=PROTOCOL, code="WXYZ", team="Stranger"))
    heard = _stranger(server, hello)
    assert [read_to_team(h) for h in heard] == [Refused(reason="code")]
    _unbothered(team, server, workshop)


@pytest.mark.parametrize(
    "sent",
    [
        "garbage",
        b"\x00\xff\xfe binary",
        '{"kind": "launch", "protocol": 1}',
        json.dumps({"kind": "hello", "protocol": 1, "code": CODE, "team": "x" * 41}),
        json.dumps({"kind": "hello", "protocol": 1, "code": CODE, "team": "x", "admin": True}),
        json.dumps({"kind": "ready", "round": 1, "results": "{}"}),
    ],
    ids=["text", "bytes", "unknown-kind", "long-name", "extra-field", "ready-before-hello"],
)
def test_a_bad_first_message_is_refused_and_the_teams_never_notice(
    server, workshop, team, sent
) -> None:
    assert _stranger(server, sent) == []
    wait_for(lambda: workshop.refusals, 5)
    assert len(workshop.refusals) == 1
    _unbothered(team, server, workshop)


def test_a_message_over_the_limit_closes_the_line(server, workshop, team) -> None:
    big = json.dumps({"kind": "hello", "protocol": 1, "code": CODE, "team": "x" * 11_000_000})
    assert len(big) > 10 * MAX_MESSAGE_BYTES
    with pytest.raises((ConnectionClosed, OSError)):
        _stranger(server, big, "more")
        raise ConnectionClosed(None, None)  # heard nothing, closed: the same as refused
    wait_for(lambda: workshop.refusals, 5)
    assert "1009" in workshop.refusals[-1] or "too big" in workshop.refusals[-1]
    _unbothered(team, server, workshop)


def test_a_joined_team_sending_garbage_is_closed_alone(server, workshop, team) -> None:
    hello = write(Hello(protocol=PROTOCOL, code=CODE, team="Later"))
    heard = _stranger(server, hello, hello, "not json")
    assert isinstance(read_to_team(heard[0]), Welcome) and len(heard) == 1
    wait_for(lambda: len(workshop.refusals) == 2, 5)
    assert "a second hello" in workshop.refusals[0] and "Later" in workshop.refusals[1]
    wait_for(lambda: server.connected() == {"Oranje"}, 5)
    assert not workshop.teams["Later"].connected
    del workshop.teams["Later"]
    _unbothered(team, server, workshop)


def test_garbage_bytes_that_are_no_websocket_at_all_are_turned_away(server, workshop, team) -> None:
    with socket.create_connection((LOCAL, server.port), timeout=5) as raw:
        raw.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(256)) * 8)
        raw.sendall(b"\r\n\r\n")
        raw.settimeout(5)
        answer = b""
        with pytest.raises((ConnectionResetError, TimeoutError)):
            while chunk := raw.recv(4096):
                answer += chunk
            raise ConnectionResetError  # closed by the host: the same as refused
    assert answer == b"" or answer.startswith(b"HTTP/1.1 400")
    _unbothered(team, server, workshop)


def test_the_same_team_rejoining_with_its_token_replaces_its_old_line(
    server, workshop, team, links
) -> None:
    twin = TeamLink(LOCAL, server.port, CODE, "Oranje", token=team.token).start()
    links.append(twin)
    assert twin.wait_welcome(5) is not None
    wait_for(lambda: team.status == "lost", 5)
    assert server.connected() == {"Oranje"}
    news = workshop.open_next(("viraal",))
    server.send(news)
    wait_for(lambda: twin.pace.opened == 1, 5)
    assert any(isinstance(m, News) for m in _inbox(twin))
    assert not any(isinstance(m, Opened) for m in _inbox(team))
    twin.close()


def _frozen_team(port: int, team: str) -> socket.socket:
    """A team that joined and then froze: its line stays open, it answers nothing more."""
    from websockets.client import ClientProtocol
    from websockets.frames import Frame
    from websockets.protocol import State
    from websockets.uri import parse_uri

    protocol = ClientProtocol(parse_uri(f"ws://{LOCAL}:{port}"))
    line = socket.create_connection((LOCAL, port), timeout=5)
    protocol.send_request(protocol.connect())
    line.sendall(b"".join(protocol.data_to_send()))
    while protocol.state is not State.OPEN:
        protocol.receive_data(line.recv(65536))
    protocol.send_text(write(Hello(protocol=PROTOCOL, code=CODE, team=team)).encode())
    line.sendall(b"".join(protocol.data_to_send()))
    while not any(isinstance(e, Frame) for e in protocol.events_received()):
        protocol.receive_data(line.recv(65536))
    return line


def test_a_frozen_team_neither_blocks_its_restart_nor_the_hosts_stop(
    workshop: Workshop, links: list[TeamLink]
) -> None:
    import time

    server = HostServer(workshop, LOCAL, 0)
    server.start(timeout=5)
    frozen = _frozen_team(server.port, "Wit")
    try:
        token = workshop.teams["Wit"].token
        wait_for(lambda: server.connected() == {"Wit"}, 5)
        # The game started again on that laptop, with the token it kept: back in at once.
        again = TeamLink(LOCAL, server.port, CODE, "Wit", token=token).start()
        links.append(again)
        assert again.wait_welcome(5) is not None
        server.send(workshop.open_next())
        wait_for(lambda: again.pace.opened == 1, 3)
        started = time.monotonic()
        server.stop()
        assert time.monotonic() - started < 5, "stopping waited on the frozen line"
    finally:
        server.stop()
        frozen.close()
