"""Finding the host, with fake zeroconf classes: no multicast packet is ever sent here."""

from __future__ import annotations

import socket
from types import SimpleNamespace
from typing import Any, ClassVar

import pytest

from game.net import discovery
from game.net.discovery import SERVICE, Announcement, FoundHost, find_hosts


class FakeZeroconf:
    """Records what would have gone onto the network; answers from ``services``."""

    made: ClassVar[list[FakeZeroconf]] = []
    services: ClassVar[dict[str, Any]] = {}

    def __init__(self) -> None:
        self.registered: list[Any] = []
        self.unregistered: list[Any] = []
        self.closed = False
        FakeZeroconf.made.append(self)

    def register_service(self, info: Any) -> None:
        self.registered.append(info)

    def unregister_service(self, info: Any) -> None:
        self.unregistered.append(info)

    def close(self) -> None:
        self.closed = True

    def get_service_info(self, type_: str, name: str, timeout: int = 0) -> Any:
        assert type_ == SERVICE
        return self.services.get(name)


class FakeBrowser:
    """Hears the fake's services at once, as a ServiceBrowser would over a few moments."""

    made: ClassVar[list[FakeBrowser]] = []

    def __init__(self, zc: FakeZeroconf, type_: str, listener: Any) -> None:
        assert isinstance(zc, FakeZeroconf) and type_ == SERVICE
        self.cancelled = False
        FakeBrowser.made.append(self)
        for name in zc.services:
            listener.add_service(zc, type_, name)
            listener.add_service(zc, type_, name)  # heard twice: listed once
            listener.update_service(zc, type_, name)

    def cancel(self) -> None:
        self.cancelled = True


@pytest.fixture(autouse=True)
def fresh() -> None:
    FakeZeroconf.made, FakeZeroconf.services, FakeBrowser.made = [], {}, []


def _service(title: bytes | None, address: bytes, port: int) -> SimpleNamespace:
    properties = {} if title is None else {b"title": title}
    return SimpleNamespace(addresses=[address] if address else [], port=port, properties=properties)


def test_an_announcement_registers_on_start_and_unregisters_on_stop() -> None:
    announcement = Announcement("Workshop Middelgroot", "127.0.0.1", 8470, FakeZeroconf)
    assert announcement.start()
    (zc,) = FakeZeroconf.made
    (info,) = zc.registered
    assert info.type == SERVICE and info.port == 8470
    assert info.name == f"Workshop Middelgroot 8470.{SERVICE}"
    assert info.addresses == [socket.inet_aton("127.0.0.1")]
    assert info.properties == {b"title": b"Workshop Middelgroot"}
    assert not zc.unregistered and not zc.closed
    announcement.stop()
    assert zc.unregistered == [info] and zc.closed
    announcement.stop()  # twice is fine
    assert zc.unregistered == [info]


def test_the_join_code_is_never_announced_and_odd_titles_are_tamed() -> None:
    announcement = Announcement("Code ABCD ./../\x00" + "é" * 100, "127.0.0.1", 9000, FakeZeroconf)
    assert announcement.start()
    (info,) = FakeZeroconf.made[0].registered
    assert "/" not in info.name and "\x00" not in info.name
    assert len(info.properties[b"title"].decode()) <= 80
    assert set(info.properties) == {b"title"}
    announcement.stop()


def test_an_announcement_that_cannot_be_made_says_false_and_cleans_up() -> None:
    class Refusing(FakeZeroconf):
        def register_service(self, info: Any) -> None:
            raise OSError("no multicast on this network")

    announcement = Announcement("Workshop", "127.0.0.1", 8470, Refusing)
    assert announcement.start() is False
    assert FakeZeroconf.made[0].closed

    def broken() -> None:
        raise OSError("no network")

    assert Announcement("Workshop", "127.0.0.1", 8470, broken).start() is False
    assert Announcement("Workshop", "not an address", 8470, FakeZeroconf).start() is False


def test_find_hosts_lists_each_workshop_heard_once() -> None:
    FakeZeroconf.services = {
        f"A 8470.{SERVICE}": _service("Workshop Één".encode(), socket.inet_aton("10.1.2.3"), 8470),
        f"B 8471.{SERVICE}": _service(None, socket.inet_aton("10.1.2.4"), 8471),
    }
    found = find_hosts(0, FakeZeroconf, FakeBrowser)
    assert found == [
        FoundHost("Workshop Één", "10.1.2.3", 8470),
        FoundHost(f"B 8471.{SERVICE}", "10.1.2.4", 8471),
    ]
    (zc,) = FakeZeroconf.made
    assert zc.closed and FakeBrowser.made[0].cancelled


@pytest.mark.parametrize(
    "service",
    [
        None,
        _service(b"x", b"", 8470),
        _service(b"x", socket.inet_aton("10.0.0.1"), 0),
        _service(b"x", socket.inet_aton("10.0.0.1"), 70000),
        _service(b"x", socket.inet_pton(socket.AF_INET6, "::1"), 8470),
    ],
    ids=["gone", "no-address", "port-0", "port-too-high", "ipv6-only"],
)
def test_find_hosts_leaves_out_what_cannot_be_joined(service: Any) -> None:
    FakeZeroconf.services = {f"odd.{SERVICE}": service}
    assert find_hosts(0, FakeZeroconf, FakeBrowser) == []


def test_find_hosts_is_empty_when_the_network_allows_no_discovery() -> None:
    def broken() -> None:
        raise OSError("no multicast")

    assert find_hosts(0, broken, FakeBrowser) == []

    class BrokenBrowser(FakeBrowser):
        def __init__(self, *args: Any, **kw: Any) -> None:
            raise RuntimeError("browser failed")

    assert find_hosts(0, FakeZeroconf, BrokenBrowser) == []
    assert FakeZeroconf.made[-1].closed


def test_the_local_address_is_found_without_sending_anything(monkeypatch) -> None:
    sent: list[Any] = []

    class Probe:
        def __init__(self, *args: Any) -> None:
            assert args == (socket.AF_INET, socket.SOCK_DGRAM)

        def connect(self, where: Any) -> None:
            sent.append(where)

        def getsockname(self) -> tuple[str, int]:
            return ("192.168.1.20", 5000)

        def send(self, *args: Any) -> None:
            raise AssertionError("nothing may be sent")

        def close(self) -> None:
            pass

    monkeypatch.setattr(discovery.socket, "socket", Probe)
    assert discovery.local_address() == "192.168.1.20"

    class Offline(Probe):
        def connect(self, where: Any) -> None:
            raise OSError("network unreachable")

    monkeypatch.setattr(discovery.socket, "socket", Offline)
    assert discovery.local_address() == "127.0.0.1"


@pytest.mark.parametrize("title", ["Gemeente Één " * 10, "é" * 40, "a" * 80, "", "!!!", "x y"])
def test_any_title_makes_a_name_zeroconf_takes(title: str) -> None:
    name = discovery.instance_name(title, 65535)
    assert len(name.encode()) <= 63 and name.endswith(" 65535") and not name.startswith(" ")
    assert Announcement(title, "127.0.0.1", 65535, FakeZeroconf).start()
