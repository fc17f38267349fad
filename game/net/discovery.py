"""Finding the host on the local network with zeroconf (mDNS), so teams need not type an address.

The host announces ``_netwerkgemeente._tcp.local.`` with its port and the workshop's title; the
join code is never announced. Teams list what they hear for a moment. Discovery is a convenience:
venue networks often block multicast, so the projector always shows the address to type too.
Tests replace the ``Zeroconf`` class (``zeroconf_class``) and never send a packet.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import time
from dataclasses import dataclass
from typing import Any

SERVICE = "_netwerkgemeente._tcp.local."
log = logging.getLogger("netwerkende_gemeente.discovery")


@dataclass(frozen=True)
class FoundHost:
    """A workshop heard on the network."""

    title: str
    address: str
    port: int


def _zeroconf():
    import zeroconf

    return zeroconf


def local_address() -> str:
    """This laptop's address on the local network, for the projector (no packet is sent)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        # connect() on UDP only picks the outgoing interface; nothing leaves the machine.
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def instance_name(title: str, port: int) -> str:
    """The announced name: the title's letters, digits and dashes, and the port; at most the
    63 bytes (UTF-8) a DNS label holds, or zeroconf refuses it (a title with accents did)."""
    name = " ".join("".join(c for c in title if c.isalnum() or c in " -").split()) or "workshop"
    name = name[:40]
    while len(f"{name} {port}".encode()) > 63:
        name = name[:-1]
    return f"{name.strip()} {port}"


class Announcement:
    """The host's announcement, from ``start`` until ``stop``."""

    def __init__(self, title: str, address: str, port: int, zeroconf_class: Any = None) -> None:
        self.title, self.address, self.port = title, address, port
        self._class = zeroconf_class
        self._zc: Any = None
        self._info: Any = None

    def start(self) -> bool:
        """Announce; False (and the room types the address) when the network will not."""
        zc_module = _zeroconf()
        make = self._class or zc_module.Zeroconf
        try:
            self._info = zc_module.ServiceInfo(
                SERVICE,
                f"{instance_name(self.title, self.port)}.{SERVICE}",
                addresses=[socket.inet_aton(self.address)],
                port=self.port,
                properties={"title": self.title[:80]},
            )
            self._zc = make()
            self._zc.register_service(self._info)
            return True
        except Exception as error:  # no multicast here: the address on screen still works
            log.warning("workshop not announced: %s", error)
            self.stop()
            return False

    def stop(self) -> None:
        if self._zc is None:
            return
        with contextlib.suppress(Exception):
            if self._info is not None:
                self._zc.unregister_service(self._info)
            self._zc.close()
        self._zc = None


class _Listener:
    def __init__(self) -> None:
        self.names: list[str] = []

    def add_service(self, zc: Any, type_: str, name: str) -> None:
        self.names.append(name)

    def update_service(self, zc: Any, type_: str, name: str) -> None:
        pass

    def remove_service(self, zc: Any, type_: str, name: str) -> None:
        pass


def find_hosts(
    seconds: float = 2.0, zeroconf_class: Any = None, browser_class: Any = None
) -> list[FoundHost]:
    """The workshops heard within ``seconds``; empty when the network allows no discovery.
    Tests give a fake ``zeroconf_class`` and ``browser_class``: no packet is sent."""
    zc_module = _zeroconf()
    make = zeroconf_class or zc_module.Zeroconf
    browse = browser_class or zc_module.ServiceBrowser
    listener = _Listener()
    try:
        zc = make()
    except Exception as error:
        log.warning("cannot look for workshops: %s", error)
        return []
    found: list[FoundHost] = []
    try:
        browser = browse(zc, SERVICE, listener=listener)
        time.sleep(seconds)
        with contextlib.suppress(Exception):
            browser.cancel()
        for name in dict.fromkeys(listener.names):
            host = _resolve(zc, name)
            if host is not None:
                found.append(host)
    except Exception as error:
        log.warning("looking for workshops failed: %s", error)
    finally:
        with contextlib.suppress(Exception):
            zc.close()
    return found


def _resolve(zc: Any, name: str) -> FoundHost | None:
    info = zc.get_service_info(SERVICE, name, timeout=1500)
    if info is None or not info.addresses or not 0 < int(info.port or 0) < 65536:
        return None
    raw = info.properties.get(b"title") or b""
    title = raw.decode("utf-8", "replace")[:80] if isinstance(raw, bytes) else ""
    address = socket.inet_ntoa(info.addresses[0]) if len(info.addresses[0]) == 4 else ""
    return FoundHost(title or name, address, int(info.port)) if address else None
