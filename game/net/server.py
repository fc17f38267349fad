"""The host's listening end: a websockets server on a thread of its own, around a ``Workshop``.

Each connection is one team. It must say ``Hello`` with the join code within a few seconds; after
that it may only send ``Ready``. Anything else (garbage bytes, a handshake that is not a
websocket, a message over the size limit, an unknown kind, a bad field) closes that connection
and is noted in ``Workshop.refusals``: the other teams never notice. The server listens only
while the workshop runs (``start`` to ``stop``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed, WebSocketException

from game.net.messages import (
    MAX_MESSAGE_BYTES,
    BadMessage,
    Hello,
    Ready,
    Refused,
    _Message,
    read_to_host,
    write,
)
from game.net.workshop import Outgoing, Workshop

log = logging.getLogger("netwerkende_gemeente.host")

HELLO_SECONDS = 5.0
# More open connections than this (teams, and strangers still to say hello) are turned away.
MAX_CONNECTIONS = 32
# A team laptop that stops answering is noticed within about this many seconds.
PING_SECONDS = 5.0
# A line that does not answer its close (a frozen laptop) is dropped after this long, so that
# stopping the host never waits on it.
CLOSE_SECONDS = 2.0


class HostServer:
    """Serve ``workshop`` on ``address``:``port`` (port 0: any free one, see ``port``)."""

    def __init__(self, workshop: Workshop, address: str, port: int) -> None:
        self.workshop = workshop
        self.address = address
        self.port = port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self._started = threading.Event()
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._connections: dict[str, ServerConnection] = {}
        self._open = 0
        self._closing: set[asyncio.Task[None]] = set()

    # --- from any thread -------------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> int:
        """Start listening; returns the port. Raises ``OSError`` when the port cannot be had."""
        self._thread = threading.Thread(target=self._run, name="workshop-host", daemon=True)
        self._thread.start()
        if not self._started.wait(timeout):
            raise OSError("the workshop host did not start in time")
        if self._error is not None:
            raise OSError(str(self._error)) from self._error
        return self.port

    def stop(self) -> None:
        """Stop listening and close every connection (the teams play on alone)."""
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stop.set)
        if self._thread is not None:
            self._thread.join(10)

    def send(self, outgoing: list[Outgoing]) -> None:
        """Send what a ``Workshop`` step returned (to one team, or to every team)."""
        loop = self._loop
        if not outgoing or loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):
            asyncio.run_coroutine_threadsafe(self._send(outgoing), loop)

    def connected(self) -> set[str]:
        return set(self._connections)

    # --- on the server's thread ---------------------------------------------------------------

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as error:  # reported to start(); the window plays on
            self._error = error
            self._started.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            server = await serve(
                self._handle,
                self.address,
                self.port,
                max_size=MAX_MESSAGE_BYTES,
                max_queue=4,
                compression=None,
                ping_interval=PING_SECONDS,
                ping_timeout=PING_SECONDS * 2,
                open_timeout=HELLO_SECONDS,
                close_timeout=CLOSE_SECONDS,
                logger=log,
            )
        except OSError as error:
            self._error = error
            self._started.set()
            return
        self._server = server
        self.port = server.sockets[0].getsockname()[1] if server.sockets else self.port
        self._started.set()
        log.info("workshop host listening on %s:%s", self.address, self.port)
        await self._stop.wait()
        server.close()
        await server.wait_closed()

    async def _send(self, outgoing: list[Outgoing]) -> None:
        for name, message in outgoing:
            targets = list(self._connections.items())
            for team, connection in targets:
                if name is None or team == name:
                    await self._deliver(team, connection, message)

    async def _deliver(self, team: str, connection: ServerConnection, message: _Message) -> None:
        try:
            await asyncio.wait_for(connection.send(write(message)), PING_SECONDS)
        except (ConnectionClosed, TimeoutError, OSError):
            log.info("%s: not reachable now (it will catch up when it rejoins)", team)

    async def _handle(self, connection: ServerConnection) -> None:
        peer = _peer(connection)
        self._open += 1
        try:
            if self._open > MAX_CONNECTIONS:
                self.workshop.refuse(f"{peer}: too many connections")
                return
            name = await self._hello(connection, peer)
            if name is None:
                return
            try:
                await self._serve_team(connection, name, peer)
            finally:
                if self._connections.get(name) is connection:
                    del self._connections[name]
                    self.workshop.left(name)
        except (ConnectionClosed, WebSocketException, OSError) as error:
            self.workshop.refuse(f"{peer}: connection closed ({_why(error)})")
        finally:
            self._open -= 1

    async def _hello(self, connection: ServerConnection, peer: str) -> str | None:
        """The team's name once its ``Hello`` is accepted; None (and closed) otherwise."""
        try:
            raw = await asyncio.wait_for(connection.recv(), HELLO_SECONDS)
            message = read_to_host(raw)
        except TimeoutError:
            self.workshop.refuse(f"{peer}: said nothing")
            await connection.close(1008, "hello expected")
            return None
        except BadMessage as error:
            self.workshop.refuse(f"{peer}: {error}")
            await connection.close(1008, "bad message")
            return None
        if not isinstance(message, Hello):
            self.workshop.refuse(f"{peer}: {message.kind} before hello")
            await connection.close(1008, "hello expected")
            return None
        reply = self.workshop.join(message, peer)
        await connection.send(write(reply))
        if isinstance(reply, Refused):
            await connection.close(1008, reply.reason)
            return None
        previous = self._connections.get(reply.team)
        self._connections[reply.team] = connection
        if previous is not None and previous is not connection:
            # Not awaited: a frozen laptop never answers the close, and the team's new line
            # must not wait for it (the close gives up by itself after close_timeout).
            closing = asyncio.create_task(previous.close(1000, "rejoined elsewhere"))
            self._closing.add(closing)
            closing.add_done_callback(self._closing.discard)
        return reply.team

    async def _serve_team(self, connection: ServerConnection, name: str, peer: str) -> None:
        async for raw in connection:
            try:
                message = read_to_host(raw)
            except BadMessage as error:
                self.workshop.refuse(f"{name} ({peer}): {error}")
                await connection.close(1008, "bad message")
                return
            if not isinstance(message, Ready):
                self.workshop.refuse(f"{name} ({peer}): a second hello")
                continue
            self.send(self.workshop.ready(name, message))


def _peer(connection: ServerConnection) -> str:
    address = getattr(connection, "remote_address", None)
    return f"{address[0]}:{address[1]}" if address else "?"


def _why(error: BaseException) -> str:
    if isinstance(error, ConnectionClosed) and error.rcvd is not None:
        return f"{error.rcvd.code} {error.rcvd.reason}".strip()
    if isinstance(error, ConnectionClosed) and error.sent is not None:
        return f"{error.sent.code} {error.sent.reason}".strip()
    return type(error).__name__
