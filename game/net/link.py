"""A team's laptop in a networked workshop: its line to the host, and what the room allows.

``TeamLink`` keeps a websocket to the host on a thread of its own. It says ``Hello`` (the join
code, the team, the token from an earlier join), and then reads the host's messages into
``Pace`` (which round is open, what was revealed, news, pause, timer, the end) and ``inbox`` (for
a window to react to). A dropped line is tried again every few seconds; the last results sent are
sent again on every rejoin. A host gone for good leaves the team to play on alone (``alone``),
and its results file is handed in afterwards, as without a network.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import sys
import threading
import time
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING

from websockets.exceptions import ConnectionClosed, WebSocketException

from game.net.messages import (
    MAX_MESSAGE_BYTES,
    PROTOCOL,
    BadMessage,
    End,
    Hello,
    News,
    Opened,
    Pause,
    Ready,
    Refused,
    Reveal,
    Skip,
    Timer,
    Welcome,
    read_to_team,
    write,
)

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection

RETRY_SECONDS = 1.5
# What a line to the host can run into: all mean "try again in a moment".
_LINE_TROUBLE = (OSError, ConnectionClosed, WebSocketException, TimeoutError, BadMessage)


@dataclass
class Pace:
    """What the host has allowed so far, as this team heard it."""

    welcome: Welcome | None = None
    opened: int = 0
    revealed: int = 0
    news: list[News] = field(default_factory=list)
    skips: set[int] = field(default_factory=set)
    paused: bool = False
    timer: int = 0
    timer_since: float = 0.0
    ended: bool = False

    def hear(self, message: object) -> None:
        """Take in one message from the host."""
        if isinstance(message, Welcome):
            self.welcome = message
            self.opened = max(self.opened, message.opened)
            self.revealed = max(self.revealed, message.revealed)
            known = {(n.round, n.event) for n in self.news}
            self.news += [n for n in message.news if (n.round, n.event) not in known]
            self.paused, self.ended = message.paused, self.ended or message.ended
        elif isinstance(message, Opened):
            self.opened = max(self.opened, message.round)
        elif isinstance(message, Reveal):
            self.revealed = max(self.revealed, message.round)
        elif isinstance(message, News):
            self.news.append(message)
        elif isinstance(message, Skip):
            self.skips.add(message.round)
        elif isinstance(message, Pause):
            self.paused = message.paused
        elif isinstance(message, Timer):
            self.timer, self.timer_since = message.seconds, time.monotonic()
        elif isinstance(message, End):
            self.ended = True

    def news_for(self, round_: int) -> list[tuple[int, str]]:
        """The news brought in up to round ``round_``, as (round, event), in the order it came:
        news the host brings after a team decided its round reaches that team's next one."""
        return [(n.round, n.event) for n in self.news if n.round <= round_]

    def timer_left(self) -> int:
        if not self.timer:
            return 0
        return max(0, self.timer - int(time.monotonic() - self.timer_since))


class TeamLink:
    """The line from one team's laptop to the host at ``address``:``port``."""

    def __init__(self, address: str, port: int, code: str, team: str, token: str = "") -> None:
        self.address, self.port = address, port
        self.code, self.team, self.token = code.strip().upper(), team, token
        self.pace = Pace()
        self.inbox: queue.Queue[object] = queue.Queue()
        self.status = "connecting"  # connected, lost, refused, closed
        self.refused: str = ""
        self.lost_since: float | None = None
        self.lock = threading.Lock()
        self._welcomed = threading.Event()
        self._last_ready: Ready | None = None
        self._connection: ClientConnection | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closing = False
        self._wake: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    @property
    def uri(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return f"ws://{host}:{self.port}"

    def start(self) -> TeamLink:
        self._thread = threading.Thread(target=self._run, name="workshop-link", daemon=True)
        self._thread.start()
        return self

    def wait_welcome(self, timeout: float) -> Welcome | None:
        """The host's welcome, once it came (None when refused or out of time)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.status != "refused":
            if self._welcomed.wait(0.1):
                return self.pace.welcome
        return self.pace.welcome

    def lost_for(self) -> float:
        """Seconds since the host was last reachable (0 while connected)."""
        since = self.lost_since
        return 0.0 if since is None or self.status == "connected" else time.monotonic() - since

    def send_ready(self, message: Ready) -> None:
        """Send a round's results now, or as soon as the host is back."""
        with self.lock:
            self._last_ready = message
        loop, connection = self._loop, self._connection
        if loop is not None and connection is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                asyncio.run_coroutine_threadsafe(self._send(connection, message), loop)

    def close(self) -> None:
        """Stop (the team plays on alone, or the game is over)."""
        self._closing = True
        self.status = "closed" if self.status != "refused" else self.status
        loop, connection = self._loop, self._connection
        if loop is not None and connection is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                asyncio.run_coroutine_threadsafe(connection.close(), loop)
        wake = self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(wake.set)  # not waiting out the pause before a retry
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(5)

    # --- on the link's thread ---------------------------------------------------------------------

    def _run(self) -> None:
        with contextlib.suppress(Exception):
            asyncio.run(self._main())

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        while not self._closing and self.status != "refused":
            with contextlib.suppress(*_LINE_TROUBLE):
                await self._session()
            self._connection = None
            if self.status == "connected" or self.lost_since is None:
                self.lost_since = time.monotonic()
            if self.status != "refused" and not self._closing:
                self.status = "lost"
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), RETRY_SECONDS)

    async def _session(self) -> None:
        async with websocket_client().connect(
            self.uri,
            open_timeout=5,
            max_size=MAX_MESSAGE_BYTES,
            compression=None,
            proxy=None,
            ping_interval=5,
            ping_timeout=10,
            close_timeout=2,
        ) as connection:
            hello = Hello(protocol=PROTOCOL, code=self.code, team=self.team, token=self.token)
            await connection.send(write(hello))
            first = read_to_team(await asyncio.wait_for(connection.recv(), 10))
            if isinstance(first, Refused):
                self.refused, self.status = first.reason, "refused"
                self.inbox.put(first)
                return
            if not isinstance(first, Welcome):
                raise BadMessage("the host did not welcome us first")
            known = self.pace.welcome
            if known is not None and first.workshop.workshop_id != known.workshop.workshop_id:
                # Another workshop now answers at this address with the same code (the host
                # was started again): this team's game belongs to the old one, so it goes on
                # alone instead of sending its results into a stranger's workshop.
                self.refused, self.status = "ended", "refused"
                return
            self.token, self.team = first.token, first.team
            self.pace.hear(first)
            self._connection, self.status, self.lost_since = connection, "connected", None
            self._welcomed.set()
            self.inbox.put(first)
            with self.lock:
                pending = self._last_ready
            if pending is not None:
                await self._send(connection, pending)
            async for raw in connection:
                message = read_to_team(raw)
                self.pace.hear(message)
                self.inbox.put(message)

    async def _send(self, connection: ClientConnection, message: Ready) -> None:
        with contextlib.suppress(ConnectionClosed, OSError):
            await connection.send(write(message))


def websocket_client() -> ModuleType:
    """websockets' asyncio client, also in a Python without ``ssl``.

    The built game leaves OpenSSL out (5.4 MB; ``game/bundle/contents.py``), so ``import ssl``
    fails there. The client module imports ``ssl`` when it loads, but uses it only to connect to
    a ``wss://`` address, and a team always connects with ``ws://`` on the local network
    (``TeamLink.uri``). So where ``ssl`` is missing, the client is loaded with an empty stand-in
    in its place, which is taken away again right after: only the client module keeps it.
    ``urllib.request`` (with ``http.client``), which the client loads too and which look for
    ``ssl`` once, are loaded before, so that they know there is none.
    """
    loaded = sys.modules.get("websockets.asyncio.client")
    if loaded is not None:
        return loaded
    try:
        import ssl  # noqa: F401
    except ImportError:
        import urllib.request  # noqa: F401

        # A failed import leaves no entry; None is an entry that says "not importable".
        marked, mark = "ssl" in sys.modules, sys.modules.get("ssl")
        sys.modules["ssl"] = ModuleType("ssl", "a stand-in: no TLS here; a workshop uses ws://")
        try:
            from websockets.asyncio import client
        finally:
            if marked:
                sys.modules["ssl"] = mark
            else:
                del sys.modules["ssl"]
        return client
    from websockets.asyncio import client

    return client
