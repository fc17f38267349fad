"""A small driver for headless Chromium over the DevTools protocol, for the real-browser tests.

Why not Selenium or Playwright: Playwright downloads its own browser build (impossible here, and
not Debian's Chromium), and Selenium needs a matching chromedriver and still hides the network
log. The DevTools protocol over one websocket (websocket-client) gives everything the tests
check, straight from the browser: console messages and page errors, every request the page makes,
a screenshot and printing to PDF.

Chromium is started with flags that keep it from calling home (the machine's network is closed;
without them it tries to reach Google's services), with a fresh profile folder, and is stopped
(its own process only) when the session closes.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",  # root in CI's container: the sandbox needs user namespaces it lacks
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
)


def find_chromium() -> str | None:
    """The Chromium to use: ``$CHROMIUM`` or the first on the PATH."""
    given = os.environ.get("CHROMIUM")
    if given:
        return given if Path(given).exists() else shutil.which(given)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageReport:
    """What a page did while it loaded: its console, its errors and its requests."""

    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        """Requests that would leave the machine (anything but the file itself and data:)."""
        return [u for u in self.requests if not u.startswith(("file:", "data:", "about:"))]

    def problems(self) -> list[str]:
        """Console errors and warnings, page errors, failed loads."""
        noisy = [
            f"console.{kind}: {text}"
            for kind, text in self.console
            if kind in ("error", "warning", "assert")
        ]
        return [*noisy, *self.errors, *self.failed]


class Chromium:
    """One headless Chromium and one page in it."""

    def __init__(self, executable: str, timeout: float = 30.0) -> None:
        import websocket  # websocket-client

        self.timeout = timeout
        self.profile = Path(tempfile.mkdtemp(prefix="ng-chromium-"))
        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        port = self._port()
        self.ws = websocket.create_connection(
            self._browser_url(port), timeout=timeout, suppress_origin=True
        )
        self._ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)

    def _port(self) -> int:
        """Chromium writes the port it chose into the profile folder."""
        marker = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = (
                    self.process.stderr.read().decode(errors="replace")
                    if self.process.stderr
                    else ""
                )
                raise RuntimeError(f"Chromium stopped at once: {error[-800:]}")
            if marker.exists():
                text = marker.read_text().split("\n")
                if text and text[0].strip().isdigit():
                    self._path = text[1].strip() if len(text) > 1 else ""
                    return int(text[0])
            time.sleep(0.05)
        raise TimeoutError("Chromium did not open its DevTools port")

    def _browser_url(self, port: int) -> str:
        return f"ws://127.0.0.1:{port}{self._path}"

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer; events that arrive meanwhile are kept."""
        number = next(self._ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == number:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise TimeoutError(method)

    def _wait_for(self, method: str) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if any(e.get("method") == method for e in self.events):
                return
            self.events.append(json.loads(self.ws.recv()))
        raise TimeoutError(method)

    def open(self, path: Path, width: int = 1280, height: int = 900) -> PageReport:
        """Load a file and report what it did while loading (and a moment after)."""
        self.events.clear()
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.call("Page.navigate", session=True, url=path.resolve().as_uri())
        self._wait_for("Page.loadEventFired")
        # Anything late (a script, a lazy image) would show within this.
        self.call("Runtime.evaluate", session=True, expression="1", awaitPromise=True)
        time.sleep(0.3)
        self.call("Runtime.evaluate", session=True, expression="document.readyState")
        return self._report()

    def _report(self) -> PageReport:
        report = PageReport()
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled":
                text = " ".join(
                    str(a.get("value", a.get("description", ""))) for a in params["args"]
                )
                report.console.append((params["type"], text))
            elif method == "Runtime.exceptionThrown":
                report.errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded":
                entry = params["entry"]
                if entry["level"] in ("error", "warning"):
                    report.errors.append(f"{entry['source']}: {entry['text']}")
            elif method == "Network.requestWillBeSent":
                report.requests.append(params["request"]["url"])
            elif method == "Network.loadingFailed":
                report.failed.append(f"load failed: {params.get('errorText')}")
        return report

    def evaluate(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        return result["result"].get("value")

    def screenshot(self, out: Path, full_page: bool = True) -> Path:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            metrics = self.call("Page.getLayoutMetrics", session=True)
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            params["clip"] = {
                "x": 0,
                "y": 0,
                "width": size["width"],
                "height": min(size["height"], 16000),
                "scale": 1,
            }
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", session=True, **params)["data"]
        out.write_bytes(base64.b64decode(data))
        return out

    def pdf(self, out: Path) -> Path:
        """Print the page as the browser's own print does, on A4 (the page's @page rules)."""
        data = self.call(
            "Page.printToPDF",
            session=True,
            printBackground=True,
            preferCSSPageSize=True,
            paperWidth=8.27,
            paperHeight=11.69,
        )["data"]
        out.write_bytes(base64.b64decode(data))
        return out

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.call("Browser.close")
        with contextlib.suppress(Exception):
            self.ws.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def pdf_pages(data: bytes) -> int:
    """How many pages a PDF has (Chromium writes one ``/Type /Page`` object per page)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def pdf_page_size(data: bytes) -> tuple[float, float] | None:
    """The first page's size in points, from its MediaBox."""
    import re

    found = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    if not found:
        return None
    x0, y0, x1, y1 = (float(v) for v in found.groups())
    return (x1 - x0, y1 - y0)
