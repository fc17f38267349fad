"""A workshop played by processes on this machine: a headless host and team processes.

Everything talks to 127.0.0.1 only, with discovery off; every process is bounded in time and
killed when the test ends, whatever happened. Output goes to files (a pipe nobody reads would
stall a process), shown when a test fails.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.conftest import ROOT
from tests.net.conftest import LOCAL, SCENARIO, free_port, wait_for

CODE = "NETW42"
TEAMS = ("Rood", "Groen", "Blauw")
# No process of these tests may run longer than this.
PROCESS_SECONDS = 45.0


class Room:
    """The processes of one workshop in ``folder``; ``close`` kills whatever still runs."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.results = folder / "host-results"
        self.processes: dict[str, subprocess.Popen[bytes]] = {}  # the latest of each name
        self.every: list[subprocess.Popen[bytes]] = []
        self.starts = 0

    # --- starting -----------------------------------------------------------------------------

    def _start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        self.starts += 1
        log = self.folder / f"{name}.{self.starts}"
        with open(f"{log}.out", "wb") as out, open(f"{log}.err", "wb") as err:
            process = subprocess.Popen(
                [sys.executable, "main.py", *args], cwd=ROOT, stdout=out, stderr=err
            )
        self.processes[name] = process
        self.every.append(process)
        return process

    def host(self, *extra: str) -> subprocess.Popen[bytes]:
        process = self._start(
            "host",
            *("host", SCENARIO, "--headless", "--teams", str(len(TEAMS)), "--code", CODE),
            *("--port", str(self.port), "--address", LOCAL, "--length", "short"),
            *("--results", str(self.results), "--no-discovery", "--minutes", "1"),
            *extra,
        )
        wait_for(lambda: "hosting" in self.output("host") or process.poll() is not None, 20)
        assert process.poll() is None, self.output("host")
        return process

    def team(self, name: str, *extra: str, code: str = CODE) -> subprocess.Popen[bytes]:
        return self._start(
            name,
            *("autoplay", SCENARIO, "--join", f"{LOCAL}:{self.port}", "--code", code),
            *("--team", name, "--strategy", "best", "--saves", str(self.saves(name))),
            *("--results", str(self.own_results(name))),
            *extra,
        )

    def saves(self, team: str) -> Path:
        return self.folder / f"saves-{team.lower()}"

    def own_results(self, team: str) -> Path:
        return self.folder / f"{team.lower()}.json"

    # --- watching -----------------------------------------------------------------------------

    def output(self, name: str) -> str:
        """Everything every process called ``name`` wrote, stdout and stderr."""
        texts = []
        for path in sorted(self.folder.glob(f"{name}.*.out")) + sorted(
            self.folder.glob(f"{name}.*.err")
        ):
            texts.append(path.read_text("utf-8", "replace"))
        return "\n".join(texts)

    def outputs(self) -> str:
        return "\n".join(f"--- {name}\n{self.output(name)}" for name in self.processes)

    def host_results(self) -> dict[str, dict[str, Any]]:
        """The results the host wrote so far, by team (a file being replaced is skipped)."""
        found = {}
        for path in self.results.glob("results-*.json"):
            try:
                document = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            found[document["team"]] = document
        return found

    def host_reached(self, teams: tuple[str, ...], rounds: int) -> bool:
        """Whether the host has results of ``rounds`` rounds or more from every team named."""
        known = self.host_results()
        return all(t in known and known[t]["rounds_played"] >= rounds for t in teams)

    def finish(self, name: str, seconds: float = PROCESS_SECONDS) -> int:
        """The exit code of process ``name``; a test failure (with the output) when it hangs."""
        process = self.processes[name]
        try:
            return process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
            raise AssertionError(
                f"{name} did not finish in {seconds} s\n{self.outputs()}"
            ) from None

    def kill(self, name: str) -> None:
        process = self.processes[name]
        process.kill()
        process.wait(10)

    def close(self) -> None:
        for process in self.every:
            if process.poll() is None:
                process.kill()
        for process in self.every:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(10)


def compare(*files: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "compare", *map(str, files), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def injected(document: dict[str, Any]) -> list[tuple[int, str]]:
    return [
        (step["round"], step["subject"])
        for step in document["interventions"]
        if step["kind"] == "inject"
    ]


def elapsed_since(start: float) -> float:
    return time.monotonic() - start
