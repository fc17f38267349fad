"""A small client for yaml-language-server over stdio, for the test that the editor agrees.

Trainers check scenarios in editors that run yaml-language-server against the shipped schema;
the test asks the real server (from npm) what it underlines, shows on hover and offers while
typing, instead of trusting a Python JSON Schema library to behave as it does. One server
process serves every document; each request and each wait is bounded in time.

The server is looked for where ``.ci/run`` installs it (``.ci/node``), then on the PATH.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / ".ci" / "node" / "node_modules" / "yaml-language-server" / "bin"
"""Where ``.ci/run`` installs the pinned yaml-language-server (a gitignored folder)."""


def find_yaml_language_server() -> list[str] | None:
    """The command that starts the server on stdio, or None when it (or node) is missing."""
    node = shutil.which("node")
    script = SERVER / "yaml-language-server"
    if node is not None and script.is_file():
        return [node, str(script), "--stdio"]
    found = shutil.which("yaml-language-server")
    return [found, "--stdio"] if found else None


class LanguageServer:
    """One yaml-language-server process, spoken to in JSON-RPC with LSP's framing."""

    def __init__(self, command: list[str], root: Path, settings: dict[str, Any]) -> None:
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=root,
        )
        self.settings = settings
        self.ids = itertools.count(1)
        self.replies: dict[int, queue.Queue[dict[str, Any]]] = {}
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.published = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": {
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {
                            "completionItem": {"documentationFormat": ["markdown", "plaintext"]}
                        },
                        "publishDiagnostics": {},
                    },
                    "workspace": {"configuration": True},
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    # --- what the tests ask ----------------------------------------------------------------------

    def open(self, uri: str, text: str) -> None:
        with self.published:
            self.diagnostics.pop(uri, None)
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )

    def wait_for_diagnostics(self, uris: list[str], timeout: float) -> dict[str, list[dict]]:
        """The diagnostics published for each of ``uris``; a missing one after ``timeout`` is
        left out (the caller says which)."""
        deadline = time.monotonic() + timeout
        with self.published:
            while not all(uri in self.diagnostics for uri in uris):
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    break
                self.published.wait(left)
            return {uri: self.diagnostics[uri] for uri in uris if uri in self.diagnostics}

    def hover(self, uri: str, line: int, character: int) -> str:
        """The hover's markdown at a 0-based position ('' when there is none)."""
        reply = self.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        contents = (reply or {}).get("contents") or {}
        return contents.get("value", "") if isinstance(contents, dict) else str(contents)

    def completion(self, uri: str, line: int, character: int) -> list[dict[str, Any]]:
        reply = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        if isinstance(reply, dict):
            return reply.get("items", [])
        return reply or []

    def close(self) -> None:
        """Ask the server to stop; end its process (only it) if it does not."""
        with contextlib.suppress(Exception):
            self.request("shutdown", None, timeout=2)
            self.notify("exit", None)
        try:
            self.process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=3)

    # --- JSON-RPC --------------------------------------------------------------------------------

    def request(self, method: str, params: Any, timeout: float = 10) -> Any:
        number = next(self.ids)
        box: queue.Queue[dict[str, Any]] = queue.Queue()
        self.replies[number] = box
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        try:
            reply = box.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"yaml-language-server did not answer {method}") from None
        finally:
            self.replies.pop(number, None)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        while True:
            length = None
            while True:
                line = stdout.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            self._dispatch(json.loads(stdout.read(length)))

    def _dispatch(self, message: dict[str, Any]) -> None:
        method = message.get("method")
        if method is None:
            box = self.replies.get(message.get("id", -1))
            if box is not None:
                box.put(message)
            return
        if "id" in message:  # the server asks something: settings, or to register a feature
            result: Any = None
            if method == "workspace/configuration":
                items = message["params"]["items"]
                result = [self.settings.get(item.get("section", ""), None) for item in items]
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
            return
        if method == "textDocument/publishDiagnostics":
            with self.published:
                params = message["params"]
                self.diagnostics[params["uri"]] = params["diagnostics"]
                self.published.notify_all()
